"""The typed error of every importer: the file, the line (if any) and what was expected."""

from __future__ import annotations

from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.data.csvio import DatasetFileError


class ImportFileError(DatasetFileError, DigitalDeficitError):
    """An official data file cannot be imported; the message names the file, line and problem."""

    def __init__(self, path: str, line: int | None, problem: str, field: str | None = None) -> None:
        super().__init__(path, line, field, problem)
