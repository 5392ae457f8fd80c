"""Dataset files: the one CSV layout every command reads (``--data``) and writes.

Layout (UTF-8, header row, one observation a row)::

    country,basis,period,item,definition,side,value,unit,precision,vintage,source

The published-figures layout (``value_oku_yen`` and ``precision_oku_yen`` instead of ``value``,
``unit`` and ``precision``) is read too; its unit is oku yen. So is the table on a briefing
workbook's Data sheet (``BRIEFING_HEADERS``). ``read_dataset_rows`` reads rows of text fields,
from a file or from a range of cells (the Excel functions' ``data`` argument).
"""

from __future__ import annotations

import csv
import io
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from digital_deficit.core.errors import DigitalDeficitError
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
# The Data sheet of a briefing workbook (export.reference_sheets writes it, export.i18n labels it
# from here): one country (Japan), an item-label column, headers in English or Japanese.
BRIEFING_COLUMNS: tuple[str, ...] = (
    "period",
    "basis",
    "item",
    "label",
    *COLUMNS[COLUMNS.index("definition") :],
)
BRIEFING_HEADERS: dict[str, tuple[str, ...]] = {
    "en": (
        "Period",
        "Basis",
        "Item",
        "Item label",
        "Definition",
        "Side",
        "Value (oku yen)",
        "Unit",
        "Rounded to (oku yen)",
        "Vintage",
        "Source",
    ),
    "ja": (
        "期間",
        "基準",
        "項目ID",
        "項目名",
        "定義",
        "区分",
        "値（億円）",
        "単位",
        "丸め単位（億円）",
        "時点",
        "出典",
    ),
}
BRIEFING_COUNTRY = "JPN"
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
    return read_dataset_rows(dataset_fields(header, name), _numbered_rows(reader, name), name)


def layout_fields(header: Sequence[str]) -> list[str | None] | None:
    """The observation field each header column holds (None: ignored), or None if no layout.

    Layouts: the dataset layout, the published-figures layout and the briefing's Data table
    (its English or Japanese header; its item-label column is ignored).
    """
    cells = tuple(h.strip().lstrip("\ufeff") for h in header)
    if cells == COLUMNS:
        return list(cells)
    if cells == PUBLISHED_COLUMNS:
        rename = {"value_oku_yen": "value", "precision_oku_yen": "precision"}
        return [rename.get(h, h) for h in cells]
    if cells in BRIEFING_HEADERS.values():
        return [None if c == "label" else c for c in BRIEFING_COLUMNS]
    return None


def dataset_fields(header: Sequence[str], name: str, line: int = 1) -> list[str | None]:
    """``layout_fields`` of a header row; a header of no known layout raises DatasetFileError."""
    fields = layout_fields(header)
    if fields is None:
        shown = ",".join(h.strip() for h in header)
        raise DatasetFileError(
            name, line, None, f"header is {shown!r}; expected {','.join(COLUMNS)!r}"
        )
    return fields


def _numbered_rows(reader: Any, name: str) -> Iterator[tuple[int, list[str]]]:
    """The CSV rows after the header with their line numbers; bad CSV raises at its line."""
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            raise DatasetFileError(
                name, reader.line_num, None, f"is not valid CSV ({exc})"
            ) from None
        if row is None:
            return
        yield reader.line_num, row


def read_dataset_rows(
    fields: Sequence[str | None], rows: Iterable[tuple[int, Sequence[str]]], name: str
) -> Dataset:
    """Observations from rows of text fields (their line or row number, the fields).

    The one reader of every dataset table: CSV files and ranges of cells alike. Blank rows are
    skipped; errors name ``name``, the line and the field.
    """
    dataset = Dataset(origin=name)
    for line_no, row in rows:
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(fields):
            raise DatasetFileError(
                name, line_no, None, f"has {len(row)} fields; expected {len(fields)}"
            )
        record = {f: cell for f, cell in zip(fields, row, strict=True) if f is not None}
        dataset_add(dataset, _observation(record, name, line_no), name, line_no)
    return dataset


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
    data.setdefault("country", BRIEFING_COUNTRY)
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
    """Shortest text that reads back as the same number: 66506, 341.51732161."""
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


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


def write_atomic(path: str | os.PathLike[str], data: bytes, overwrite: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    A crash or Ctrl-C never leaves a half-written file and never destroys the existing one.
    Raises FileExistsError when the file exists and ``overwrite`` is False, and OSError for a
    directory or any other non-regular target (a device, a FIFO). A replaced file keeps its
    permissions; a new one gets the usual ones (0666 less the umask).
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a directory; give a file name")
    if target.exists() or target.is_symlink():
        if not target.is_file():
            raise OSError(f"{target} is not a regular file; refusing to replace it")
        if not overwrite:
            raise FileExistsError(f"{target} exists; use --force to overwrite it")
        mode = stat.S_IMODE(target.stat().st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_dataset(
    path: str | os.PathLike[str], dataset: Dataset | Iterable[Observation], overwrite: bool = True
) -> None:
    """Write observations to a dataset file atomically."""
    observations = dataset.observations if isinstance(dataset, Dataset) else list(dataset)
    write_atomic(path, dataset_text(observations).encode("utf-8"), overwrite=overwrite)
