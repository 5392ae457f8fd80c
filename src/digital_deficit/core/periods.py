"""Periods on five bases: calendar year (CY), fiscal year (FY, April-March), half, quarter, month.

Canonical text: CY and FY ``2024``, half ``2024H1``, quarter ``2024Q1``, month ``2024-01``.
FY2024 runs from 2024-04 to 2025-03.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from digital_deficit.core.errors import PeriodError, UnknownNameError, shown

BASES: tuple[str, ...] = ("CY", "FY", "H", "Q", "M")
_PER_YEAR = {"CY": 1, "FY": 1, "H": 2, "Q": 4, "M": 12}
_MIN_YEAR, _MAX_YEAR = 1850, 2100
_EXCEL_EPOCH = _dt.date(1899, 12, 30)

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:CY)?(\d{4})$"), "CY"),
    (re.compile(r"^FY(\d{4})$"), "FY"),
    (re.compile(r"^(\d{4})[- ]?H([12])$"), "H"),
    (re.compile(r"^(\d{4})[- ]?Q([1-4])$"), "Q"),
    (re.compile(r"^(\d{4})[-/]?(\d{2})$"), "M"),
)


@dataclass(frozen=True, order=True)
class Period:
    """A period: ``year`` and ``index`` (1 on annual bases, else the half, quarter or month)."""

    basis: str
    year: int
    index: int = 1

    def __str__(self) -> str:
        if self.basis in ("CY", "FY"):
            return str(self.year)
        if self.basis == "H":
            return f"{self.year}H{self.index}"
        if self.basis == "Q":
            return f"{self.year}Q{self.index}"
        return f"{self.year}-{self.index:02d}"

    @property
    def label(self) -> str:
        """Text for people: ``FY2024``, ``2024``, ``2024Q1``."""
        return f"FY{self.year}" if self.basis == "FY" else str(self)

    @property
    def decimal_year(self) -> float:
        """Position on a time axis in years: 2024Q3 -> 2024.5, 2024-04 -> 2024.25."""
        return self.year + (self.index - 1) / _PER_YEAR[self.basis]

    def months(self) -> tuple[tuple[int, int], ...]:
        """The calendar (year, month) pairs this period covers, in order."""
        if self.basis == "CY":
            return tuple((self.year, m) for m in range(1, 13))
        if self.basis == "FY":
            return tuple((self.year, m) for m in range(4, 13)) + tuple(
                (self.year + 1, m) for m in range(1, 4)
            )
        if self.basis == "H":
            first = 1 + 6 * (self.index - 1)
            return tuple((self.year, m) for m in range(first, first + 6))
        if self.basis == "Q":
            first = 1 + 3 * (self.index - 1)
            return tuple((self.year, m) for m in range(first, first + 3))
        return ((self.year, self.index),)

    def year_ago(self) -> Period:
        """The same period a year earlier: 2024-03 -> 2023-03, 2024Q1 -> 2023Q1."""
        return self.shift(-_PER_YEAR[self.basis])

    def shift(self, steps: int) -> Period:
        """The period ``steps`` periods later (earlier when negative) on the same basis."""
        per_year = _PER_YEAR[self.basis]
        flat = self.year * per_year + (self.index - 1) + steps
        return Period(self.basis, flat // per_year, flat % per_year + 1)


def check_basis(basis: str) -> str:
    """Return the basis id (upper-cased) or raise UnknownNameError."""
    key = basis.strip().upper() if isinstance(basis, str) else basis
    if key not in BASES:
        raise UnknownNameError("basis", basis, BASES)
    return str(key)


@lru_cache(maxsize=8192)  # periods are immutable; a dataset repeats a few hundred of them
def parse_period(text: str, basis: str) -> Period:
    """Read canonical period text on a known basis (as stored in dataset files)."""
    basis = check_basis(basis)
    try:
        period = read_period(text)
    except PeriodError:
        raise PeriodError(f"period {shown(text)} is not a {basis} period") from None
    if basis == "FY" and period.basis == "CY":
        period = Period("FY", period.year)
    if period.basis != basis:
        raise PeriodError(f"period {shown(text)} is not a {basis} period")
    return period


def read_period(value: object, default_basis: str = "CY") -> Period:
    """Read a period the way a user types it: 2024, "2024", "FY2024", "2024-03", "2024Q1", a date.

    A plain year takes ``default_basis`` (CY or FY). Numbers above 10000 are Excel date serials
    and give the month they fall in.
    """
    if isinstance(value, bool):
        raise PeriodError(f"{shown(value)} is not a period")
    if isinstance(value, (_dt.date, _dt.datetime)):
        return _checked(Period("M", value.year, value.month))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if value > 10000:
            return _from_excel_serial(value)
        return _annual(value, default_basis, value)
    if not isinstance(value, str):
        raise PeriodError(f"{shown(value)} is not a period")
    text = value.strip().upper()
    for pattern, basis in _PATTERNS:
        match = pattern.match(text)
        if match:
            year = int(match.group(1))
            if basis == "CY":
                return _annual(year, default_basis, value)
            if basis == "FY":
                return _checked(Period("FY", year), value)
            return _checked(Period(basis, year, int(match.group(2))), value)
    raise PeriodError(
        f"{shown(value)} is not a period; expected a year (2024), FY2024, 2024H1, 2024Q1 or 2024-03"
    )


def _annual(year: int, basis: str, original: object) -> Period:
    basis = check_basis(basis)
    if basis not in ("CY", "FY"):
        raise PeriodError(f"{shown(original)} is a year but the basis is {basis}")
    return _checked(Period(basis, year), original)


def excel_serial_date(serial: int) -> _dt.date | None:
    """The date an Excel serial number stands for (45657 is 2024-12-31); None out of range."""
    try:
        return _EXCEL_EPOCH + _dt.timedelta(days=serial)
    except OverflowError:
        return None


def _from_excel_serial(serial: int) -> Period:
    date = excel_serial_date(serial)
    if date is None:
        raise PeriodError(f"{shown(serial)} is not a period or an Excel date")
    return _checked(Period("M", date.year, date.month), serial)


def _checked(period: Period, original: object = None) -> Period:
    written = shown(original if original is not None else str(period))
    if not _MIN_YEAR <= period.year <= _MAX_YEAR:
        raise PeriodError(f"{written} is outside the years {_MIN_YEAR}-{_MAX_YEAR}")
    if not 1 <= period.index <= _PER_YEAR[period.basis]:
        raise PeriodError(f"{written} has no such {period.basis} period")
    return period


def period_of_month(year: int, month: int, basis: str) -> Period:
    """The period on ``basis`` that contains the calendar month."""
    basis = check_basis(basis)
    if basis == "CY":
        return Period("CY", year)
    if basis == "FY":
        return Period("FY", year if month >= 4 else year - 1)
    if basis == "H":
        return Period("H", year, 1 if month <= 6 else 2)
    if basis == "Q":
        return Period("Q", year, (month - 1) // 3 + 1)
    return Period("M", year, month)
