"""Dataset files: the one CSV layout every command reads (``--data``) and writes.

Layout (UTF-8, header row, one observation a row)::

    country,basis,period,item,definition,side,value,unit,precision,vintage,source

The published-figures layout (``value_oku_yen`` and ``precision_oku_yen`` instead of ``value``,
``unit`` and ``precision``) is read too; its unit is oku yen.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, Protocol

from pydantic import ValidationError

from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.data.atomic import write_atomic as write_atomic  # used by export too
from digital_deficit.data.dataset import Dataset, DuplicateObservationError, UnitConflictError
from digital_deficit.data.model import Observation, with_period_value

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
# The Japanese Data table shows its codes in words (the English one shows the codes): a reader
# of any table takes the words back (a dated vintage, 2026-01-05, is the same in both).
BRIEFING_WORDS: dict[str, dict[str, str]] = {
    "basis": {"CY": "暦年", "FY": "年度", "H": "半期", "Q": "四半期", "M": "月次"},
    "side": {"net": "収支", "credit": "受取", "debit": "支払"},
    "unit": {"oku_yen": "億円", "usd_million": "百万米ドル"},
    "vintage": {
        "preliminary": "速報",
        "published": "公表",
        "official": "公式統計",
        "derived": "公表値から算出",
        "analyst": "推計",
    },
}
_REVISED_WORDS = re.compile(r"^(\d{4})年(\d{1,2})月改定$")
_CODES = {
    field: {word: code for code, word in words.items()} for field, words in BRIEFING_WORDS.items()
}


def briefing_word(field: str, code: str, lang: str) -> str:
    """How a table of ``lang`` shows a code: 速報 for preliminary, 2025年7月改定 for
    revised-2025-07 in Japanese; the code itself in English."""
    if lang == "en":
        return code
    if field == "vintage" and code.startswith("revised-"):
        year, month = code[8:12], code[13:15]
        return f"{year}年{int(month)}月改定"
    return BRIEFING_WORDS.get(field, {}).get(code, code)


def briefing_code(field: str, text: str) -> str:
    """The code a table's word stands for (``briefing_word`` read back); other text as it is."""
    code = _CODES.get(field, {}).get(text)
    if code is not None:
        return code
    if field == "vintage":
        revised = _REVISED_WORDS.match(text)
        if revised:
            return f"revised-{revised.group(1)}-{int(revised.group(2)):02d}"
    return text


MAX_DATASET_BYTES = 128 * 1024 * 1024
"""Largest dataset file read (refused before reading); README, section Data, states it."""
MAX_DATASET_ROWS = 500_000
"""Most observations a dataset file may hold: what bounds the memory of reading one."""


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
    return _read_csv(csv.reader(io.StringIO(text, newline=""), strict=True), name)


def read_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Read a dataset file (either layout), streamed: memory grows with its rows, not its bytes.

    A file over MAX_DATASET_BYTES is refused before it is read, and one with more than
    MAX_DATASET_ROWS rows as soon as the count is passed.
    """
    name = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_DATASET_BYTES:
            raise DatasetFileError(name, None, None, _too_big(f"is {size:,} bytes"))
        with Path(path).open("rb") as handle:
            rows = csv.reader(_utf8_lines(handle, name), strict=True)
            return _read_csv(rows, name, MAX_DATASET_ROWS)
    except OSError as exc:
        raise DatasetFileError(name, None, None, f"cannot be read ({exc.strerror})") from None


def _utf8_lines(handle: BinaryIO, name: str) -> Iterator[str]:
    """The file's lines as text; a line that is not UTF-8 is named."""
    for line_no, line in enumerate(handle, start=1):
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DatasetFileError(
                name, line_no, None, f"is not UTF-8 (byte {exc.start + 1} of the line); "
                "save it as UTF-8 CSV",
            ) from None  # fmt: skip


def _too_big(what: str) -> str:
    return (
        f"{what}; the limit of a dataset file is {MAX_DATASET_BYTES // 2**20} MB and "
        f"{MAX_DATASET_ROWS:,} rows (split it, or keep only the countries and years you need)"
    )


class _CsvReader(Protocol):
    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


def _read_csv(reader: _CsvReader, name: str, max_rows: int | None = None) -> Dataset:
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise DatasetFileError(name, 1, None, f"is not valid CSV ({exc})") from None
    if header is None:
        raise DatasetFileError(name, None, None, "is empty; expected a header row")
    fields = dataset_fields(header, name)
    return read_dataset_rows(fields, _numbered_rows(reader, name), name, max_rows)


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


def _numbered_rows(reader: _CsvReader, name: str) -> Iterator[tuple[int, list[str]]]:
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
    fields: Sequence[str | None],
    rows: Iterable[tuple[int, Sequence[str]]],
    name: str,
    max_rows: int | None = None,
) -> Dataset:
    """Observations from rows of text fields (their line or row number, the fields).

    The one reader of every dataset table: CSV files and ranges of cells alike. Blank rows are
    skipped; errors name ``name``, the line and the field; past ``max_rows`` rows it stops.
    """
    dataset = Dataset(origin=name)
    reader = _RowReader(fields, name)
    count = 0
    for line_no, row in rows:
        if not row or all(not c.strip() for c in row):
            continue
        count += 1
        if max_rows is not None and count > max_rows:
            raise DatasetFileError(name, line_no, None, _too_big("has more rows"))
        dataset_add(dataset, reader.observation(row, line_no), name, line_no)
    return dataset


_SHARED = ("country", "basis", "item", "definition", "side", "unit", "precision", "vintage",
           "source")  # fmt: skip


class _RowReader:
    """Rows -> observations; rows that differ from a checked one only in period and value
    reuse it (one copy of its source text, no second full validation): memory and speed."""

    def __init__(self, fields: Sequence[str | None], name: str) -> None:
        self.fields, self.name = fields, name
        self.shared = [fields.index(f) if f in fields else -1 for f in _SHARED]
        self.period_at, self.value_at = fields.index("period"), fields.index("value")
        self.checked: dict[tuple[str, ...], Observation] = {}
        self.periods: dict[tuple[str, str], str] = {}
        self.briefing = None in fields  # a briefing's Data table (its item-label column)

    def observation(self, row: Sequence[str], line_no: int) -> Observation:
        if len(row) != len(self.fields):
            raise DatasetFileError(
                self.name, line_no, None, f"has {len(row)} fields; expected {len(self.fields)}"
            )
        if self.briefing:
            row = [
                briefing_code(f, cell.strip()) if f in BRIEFING_WORDS else cell
                for f, cell in zip(self.fields, row, strict=True)
            ]
        key = tuple(row[i].strip() if i >= 0 else "oku_yen" for i in self.shared)
        model = self.checked.get(key)
        period = self.periods.get((key[1], row[self.period_at].strip()))
        if model is not None and period is not None:
            value = _finite(row[self.value_at])
            if value is not None:
                return with_period_value(model, period, value)
        record = {f: cell for f, cell in zip(self.fields, row, strict=True) if f is not None}
        obs = _observation(record, self.name, line_no)
        self.checked.setdefault(key, obs)
        self.periods[(obs.basis, row[self.period_at].strip())] = obs.period
        return obs


def _finite(text: str) -> float | None:
    if "_" in text:
        return None  # Python reads 1_000; the checked path says it is no number
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


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
