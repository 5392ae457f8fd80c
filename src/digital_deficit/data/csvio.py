"""Dataset files: the one CSV layout every command reads (``--data``) and writes.

Layout (UTF-8, header row, one observation a row)::

    country,basis,period,item,definition,side,value,unit,precision,vintage,source

The published-figures layout (``value_oku_yen`` and ``precision_oku_yen`` instead of ``value``,
``unit`` and ``precision``) is read too; its unit is oku yen.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.data.atomic import write_atomic as write_atomic  # used by export too
from digital_deficit.data.dataset import Dataset, DuplicateObservationError, UnitConflictError
from digital_deficit.data.model import Observation

COLUMNS: tuple[str, ...] = (
    "country",
    "basis",
    "period",
    "item",
    "definition",
    "side",
    "value",
    "unit",
    "precision",
    "vintage",
    "source",
)
PUBLISHED_COLUMNS: tuple[str, ...] = (
    "country",
    "basis",
    "period",
    "item",
    "definition",
    "side",
    "value_oku_yen",
    "precision_oku_yen",
    "vintage",
    "source",
)
MAX_DATASET_BYTES = 512 * 1024 * 1024


class DatasetFileError(DigitalDeficitError):
    """A dataset file cannot be read: names the file, line and field."""

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        self.path, self.line, self.field, self.problem = path, line, field, problem
        where = path if line is None else f"{path}, line {line}"
        if field:
            where += f", field {field}"
        super().__init__(f"{where}: {problem}")


def read_dataset_text(text: str, name: str) -> Dataset:
    """Parse dataset CSV text; ``name`` is used in error messages."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise DatasetFileError(name, 1, None, f"is not valid CSV ({exc})") from None
    if header is None:
        raise DatasetFileError(name, None, None, "is empty; expected a header row")
    header = [h.strip().lstrip("\ufeff") for h in header]
    if tuple(header) == PUBLISHED_COLUMNS:
        rename = {"value_oku_yen": "value", "precision_oku_yen": "precision"}
        fields = [rename.get(h, h) for h in header]
    elif tuple(header) == COLUMNS:
        fields = list(header)
    else:
        raise DatasetFileError(
            name, 1, None, f"header is {','.join(header)!r}; expected {','.join(COLUMNS)!r}"
        )
    dataset = Dataset(origin=name)
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            raise DatasetFileError(
                name, reader.line_num, None, f"is not valid CSV ({exc})"
            ) from None
        if row is None:
            return dataset
        line_no = reader.line_num
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(fields):
            raise DatasetFileError(
                name, line_no, None, f"has {len(row)} fields; expected {len(fields)}"
            )
        record = dict(zip(fields, row, strict=True))
        dataset_add(dataset, _observation(record, name, line_no), name, line_no)


def _observation(record: dict[str, str], name: str, line_no: int) -> Observation:
    for number_field in ("value", "precision"):
        raw = record[number_field].strip()
        try:
            float(raw)
        except ValueError:
            raise DatasetFileError(
                name, line_no, number_field, f"{raw!r} is not a number"
            ) from None
    data: dict[str, object] = dict(record)
    data.setdefault("unit", "oku_yen")
    try:
        return Observation.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        message = str(first["msg"]).removeprefix("Value error, ")
        raise DatasetFileError(name, line_no, field, message) from None


def dataset_add(dataset: Dataset, obs: Observation, name: str, line_no: int) -> None:
    """Add one observation, turning a duplicate into a DatasetFileError at that line."""
    try:
        dataset._add(obs)
    except DuplicateObservationError as exc:
        raise DatasetFileError(name, line_no, None, f"duplicate: {exc}") from None
    except UnitConflictError as exc:
        raise DatasetFileError(name, line_no, "unit", str(exc)) from None


def read_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Read a dataset file (either layout)."""
    name = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_DATASET_BYTES:
            raise DatasetFileError(
                name, None, None, f"is {size} bytes; the limit is {MAX_DATASET_BYTES}"
            )
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise DatasetFileError(name, None, None, f"cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DatasetFileError(
            name, None, None, f"is not UTF-8 (byte {exc.start}); save it as UTF-8 CSV"
        ) from None
    return read_dataset_text(text, name)


def format_number(value: float) -> str:
    """Shortest text that reads back as the same number: 66506, 341.51732161 (an int too)."""
    number = float(value)
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)


def dataset_text(observations: Iterable[Observation]) -> str:
    """Observations as dataset CSV text (canonical layout)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for o in observations:
        writer.writerow(
            [
                o.country,
                o.basis,
                o.period,
                o.item,
                o.definition,
                o.side,
                format_number(o.value),
                o.unit,
                format_number(o.precision),
                o.vintage,
                o.source,
            ]
        )
    return out.getvalue()


def write_dataset(
    path: str | os.PathLike[str], dataset: Dataset | Iterable[Observation], overwrite: bool = True
) -> None:
    """Write observations to a dataset file atomically."""
    observations = dataset.observations if isinstance(dataset, Dataset) else list(dataset)
    write_atomic(path, dataset_text(observations).encode("utf-8"), overwrite=overwrite)
