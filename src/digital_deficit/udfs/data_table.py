"""The ``data`` argument of the data UDFs: a dataset table in a range, read on top of the figures.

The range holds a header row and one observation a row, in any layout the dataset files have
(``country,basis,period,...,source``, the published-figures layout, or a briefing workbook's Data
sheet table); rows above the header (a title) and blank rows are skipped. Cells arrive typed
(numbers, text, dates as datetimes on desktop or as Excel serial numbers under Lite), so this
module only turns each cell into the text a dataset file would hold and leaves the reading to
``data.csvio.read_dataset_rows``, the one reader of dataset tables. Errors name the row and column
counted from the range's top-left cell (row 1 is its first row).

A table is parsed once per content: a thousand cells reading the same range share one parse and
one merge with the figures underneath.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from itertools import repeat
from typing import TYPE_CHECKING

from digital_deficit.core.errors import DigitalDeficitError, InputError
from digital_deficit.core.periods import BASES, excel_serial_date
from digital_deficit.core.values import describe
from digital_deficit.udfs.args import is_blank, read_table, resolve_period

if TYPE_CHECKING:
    from digital_deficit.data.csvio import DatasetFileError
    from digital_deficit.data.dataset import Dataset

NAME = "data"
NUMBER_FIELDS = frozenset({"value", "precision"})
Content = tuple[tuple[object, ...], ...]


def with_table(base: Dataset, value: object) -> Dataset:
    """``base`` with the table in ``value`` read on top (its figures win); ``base`` if omitted.

    An omitted argument or an entirely blank range adds nothing.
    """
    if value is None:
        return base
    content = _content(value)
    if all(is_blank(cell) for row in content for cell in row):
        return base
    try:
        table = _parsed_cached(content)
    except TypeError:  # a cell Python cannot hash: parse without the cache
        table = _parsed(content)
    if isinstance(table, InputError):
        raise table
    merged = _merged(base, table)
    if isinstance(merged, InputError):
        raise merged
    return merged


def _content(value: object) -> Content:
    """The range as a tuple of rows: what the cache keys on (C-level copies: every cell that
    reads the range hands it over anew)."""
    if isinstance(value, (list, tuple)) and all(map(isinstance, value, repeat((list, tuple)))):
        content = tuple(map(tuple, value))
        if content and content[0] and len(set(map(len, content))) == 1:
            return content
    return tuple(map(tuple, read_table(NAME, value)))  # a cell, a flat list, or the error


def _parsed(content: Content) -> Dataset | InputError:
    """The table's observations, or the error (cached too: a bad table fails fast everywhere)."""
    from digital_deficit.data.csvio import DatasetFileError, read_dataset_rows

    try:
        header_row, fields = _header(content)
        rows = (
            (r, _texts(row, fields, r))
            for r, row in enumerate(content[header_row:], start=header_row + 1)
            if not all(is_blank(cell) for cell in row)
        )
        return read_dataset_rows(fields, rows, NAME)
    except InputError as exc:
        return exc
    except DatasetFileError as exc:
        return _in_excel_words(exc, fields)


_parsed_cached = functools.lru_cache(maxsize=32)(_parsed)


@functools.lru_cache(maxsize=32)
def _merged(base: Dataset, table: Dataset) -> Dataset | InputError:
    """``base`` with ``table`` on top (cached per pair of cached datasets)."""
    try:
        return base.merged_with(table)[0]
    except DigitalDeficitError as exc:  # a unit conflict with the figures underneath
        return InputError(NAME, str(exc))


def _header(content: Content) -> tuple[int, list[str | None]]:
    """The 1-based row of the header and the field of each of its columns."""
    from digital_deficit.data.csvio import COLUMNS, layout_fields

    for r, row in enumerate(content, start=1):
        cells = list(row)
        while cells and is_blank(cells[-1]):
            cells.pop()
        if cells and all(isinstance(cell, str) for cell in cells):
            fields = layout_fields([str(cell) for cell in cells])
            if fields is not None:
                return r, fields
    raise InputError(
        NAME,
        f"has no header row; expected a row {','.join(COLUMNS)} (or the published-figures "
        "layout, or the table on a briefing's Data sheet) above the figures",
    )


def _texts(row: Sequence[object], fields: Sequence[str | None], r: int) -> list[str]:
    """A row of cells as the text fields a dataset file would hold."""
    for c in range(len(fields) + 1, len(row) + 1):
        if not is_blank(row[c - 1]):
            raise InputError(
                NAME,
                f"row {r}, column {column_letter(c)} is {describe(row[c - 1])} "
                "but the column has no header",
            )
    basis = _basis_of(row, fields)
    return [
        _text(cell, fields[c - 1], f"row {r}, column {column_letter(c)}", basis)
        for c, cell in enumerate(row[: len(fields)], start=1)
    ]


def _text(cell: object, field: str | None, where: str, basis: str) -> str:
    """One cell as the text a dataset file would hold in its column."""
    if field is None:  # the briefing's item label: not read
        return ""
    where += f" ({field})"
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        if field in NUMBER_FIELDS:
            raise InputError(NAME, f"{where} is blank; expected a number")
        return ""
    if isinstance(cell, bool):
        raise InputError(NAME, f"{where} is {describe(cell)}; expected {_expected(field)}")
    if field == "period" and not isinstance(cell, str):
        return _period_text(cell, basis, where)
    if field == "vintage" and not isinstance(cell, str):
        return _date_text(cell, where)
    if isinstance(cell, (int, float)):
        from digital_deficit.data.csvio import format_number

        return format_number(float(cell))
    if isinstance(cell, str):
        if field in NUMBER_FIELDS and not _is_number_text(cell):
            raise InputError(NAME, f"{where} is {describe(cell)}; expected a number")
        return cell
    raise InputError(NAME, f"{where} is {describe(cell)}; expected {_expected(field)}")


def _expected(field: str) -> str:
    return "a number" if field in NUMBER_FIELDS else f"a {field}"


def _is_number_text(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _basis_of(row: Sequence[object], fields: Sequence[str | None]) -> str:
    """The row's basis (CY, FY, H, Q or M), or "" when its basis cell holds no basis."""
    basis = row[fields.index("basis")]
    text = basis.strip().upper() if isinstance(basis, str) else ""
    return text if text in BASES else ""


def _period_text(cell: object, basis: str, where: str) -> str:
    """A period typed as a number (2024) or a date (the period on the row's basis holding it)."""
    found = resolve_period(cell, basis)
    if isinstance(found, str):
        raise InputError(NAME, f"{where} {found}")
    return str(found)


def _date_text(cell: object, where: str) -> str:
    """A vintage date: a datetime (desktop) or an Excel date serial (Lite) as YYYY-MM-DD."""
    if isinstance(cell, dt.date):
        return (cell.date() if isinstance(cell, dt.datetime) else cell).isoformat()
    if isinstance(cell, (int, float)) and float(cell).is_integer():
        date = excel_serial_date(int(cell))
        if date is not None:
            return date.isoformat()
    raise InputError(
        NAME,
        f"{where} is {describe(cell)}; expected a vintage such as preliminary or a date",
    )


def _in_excel_words(exc: DatasetFileError, fields: Sequence[str | None]) -> InputError:
    """A reader error ("data, line 3, field value: ...") in the words of the range."""
    where = f"row {exc.line}" if exc.line is not None else ""
    field = (exc.field or "").split(".")[0]
    if field in fields:
        where += f", column {column_letter(fields.index(field) + 1)} ({field})"
    return InputError(NAME, f"{where}: {exc.problem}" if where else exc.problem)


def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA: a column of the range as Excel names it."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
