"""Writing cells: formulas with the value they must show, and text that stays text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, TypeAlias

NA_TEXT = "n/a"


@dataclass(frozen=True)
class ExcelError:
    """An error value a formula returns on purpose (only #N/A, for chart gaps)."""

    code: str = "#N/A"


Cached: TypeAlias = float | str | bool | ExcelError


@dataclass(frozen=True)
class Formula:
    """A formula (text starting with "=") and the value the core computes for it."""

    text: str
    cached: Cached

    def __post_init__(self) -> None:
        if not self.text.startswith("="):
            raise ValueError(f"formula text must start with '=': {self.text!r}")


def value_or_na(value: float | None) -> Cached:
    """The cached value of a formula that shows "n/a" for a missing number."""
    return NA_TEXT if value is None else value


@dataclass
class CacheBook:
    """Cached values by sheet title and cell coordinate, filled as formulas are written."""

    by_sheet: dict[str, dict[str, Cached]] = field(default_factory=dict)

    def record(self, sheet: str, coordinate: str, value: Cached) -> None:
        """Remember the value the formula in ``sheet!coordinate`` evaluates to."""
        self.by_sheet.setdefault(sheet, {})[coordinate] = value

    def get(self, sheet: str, coordinate: str) -> Cached | None:
        """The cached value recorded for a cell, if any."""
        return self.by_sheet.get(sheet, {}).get(coordinate)

    def __len__(self) -> int:
        return sum(len(cells) for cells in self.by_sheet.values())


Content: TypeAlias = Formula | float | int | str | None


def put(ws: Any, coordinate: str, content: Content, cache: CacheBook) -> Any:
    """Write ``content`` into a cell: a Formula (recording its cached value), a number, or text.

    Text is always stored as text, even when it starts with "=", "+", "-" or "@".
    """
    return put_cell(ws[coordinate], content, cache)


def put_cell(cell: Any, content: Content, cache: CacheBook) -> Any:
    """``put`` for a cell object (faster than looking the cell up by its coordinate)."""
    if isinstance(content, Formula):
        cell.value = content.text
        cache.record(cell.parent.title, cell.coordinate, content.cached)
    elif isinstance(content, str):
        put_text(cell, content)
    else:
        cell.value = content
    return cell


MAX_CELL_TEXT = 32_767  # Excel's limit on the characters of one cell
_CUT_MARK = " … [cut: {n} characters]"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str) -> str:
    """``text`` as a cell can hold it: control characters (illegal in the file) become U+FFFD
    and text over Excel's 32,767 characters is cut with a visible mark saying how much."""
    text = _ILLEGAL.sub("\ufffd", text)
    if len(text) > MAX_CELL_TEXT:
        mark = _CUT_MARK.format(n=len(text))
        text = text[: MAX_CELL_TEXT - len(mark)] + mark
    return text


def put_text(cell: Any, text: str) -> None:
    """Store ``text`` as a string cell: never parsed as a formula (see ``clean_text``)."""
    text = clean_text(text)
    cell.value = text
    cell.data_type = "s"
    if text[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True


def quote_sheet(title: str) -> str:
    """A sheet name as it appears in a formula reference: 'Current account'."""
    return "'" + title.replace("'", "''") + "'"


def excel_fixed(value: float, decimals: int) -> str:
    """Text of Excel's FIXED(value, decimals, TRUE): rounded half away from zero, no separators."""
    quantum = Decimal(1).scaleb(-decimals)
    # enough digits for any finite float (1e308 has 309 before the point)
    rounded = Decimal(repr(float(value))).quantize(
        quantum, rounding=ROUND_HALF_UP, context=Context(prec=400)
    )
    if rounded == 0:
        rounded = abs(rounded)
    return f"{rounded:f}"
