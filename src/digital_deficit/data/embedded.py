"""The embedded default dataset (Japan's published figures) and the user's dataset file."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from digital_deficit.data.csvio import DatasetFileError, read_dataset, read_dataset_text
from digital_deficit.data.dataset import Dataset, MergeReport, UnitConflictError

EMBEDDED_NAME = "japan_bop_published.csv"
DATA_ENV = "DIGITAL_DEFICIT_DATA"


def embedded_text() -> str:
    """The embedded CSV as shipped (equal to shared/data/japan_bop_published.csv)."""
    return resources.files("digital_deficit.data").joinpath(EMBEDDED_NAME).read_text("utf-8")


@lru_cache(maxsize=1)
def embedded_dataset() -> Dataset:
    """Japan's published figures with their sources (read once; the package data never changes)."""
    return read_dataset_text(embedded_text(), f"embedded {EMBEDDED_NAME}")


@lru_cache(maxsize=8)
def _user_dataset(path: str, *file_state: int) -> Dataset:
    try:
        return embedded_dataset().merged_with(read_dataset(path))[0]
    except UnitConflictError as exc:
        raise DatasetFileError(path, None, None, str(exc)) from None


def load_dataset(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The embedded dataset with a user file read on top.

    The file is ``path``, else the ``DIGITAL_DEFICIT_DATA`` environment variable, else none.
    A changed file (new size or modification time) is read again.
    """
    chosen = path if path is not None else os.environ.get(DATA_ENV) or None
    if chosen is None:
        return embedded_dataset()
    stat = Path(chosen).stat() if Path(chosen).exists() else None
    if stat is None:
        read_dataset(chosen)  # raises the one-line DatasetFileError
    assert stat is not None
    # ctime too: a same-size edit that keeps the modification time still changes it
    return _user_dataset(str(chosen), stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)


def user_merge_report(path: str | os.PathLike[str] | None = None) -> MergeReport | None:
    """What the user's dataset file (as load_dataset picks it) changed; None without one."""
    chosen = path if path is not None else os.environ.get(DATA_ENV) or None
    if chosen is None:
        return None
    return embedded_dataset().merged_with(read_dataset(chosen))[1]
