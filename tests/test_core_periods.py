"""Periods: parsing what users type, fiscal years, Excel date serials."""

from __future__ import annotations

import datetime as dt

import pytest

from digital_deficit.core.errors import PeriodError, UnknownNameError
from digital_deficit.core.periods import Period, parse_period, period_of_month, read_period


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (2024, Period("CY", 2024)),
        (2024.0, Period("CY", 2024)),
        ("2024", Period("CY", 2024)),
        (" CY2024 ", Period("CY", 2024)),
        ("FY2024", Period("FY", 2024)),
        ("fy2024", Period("FY", 2024)),
        ("2024-03", Period("M", 2024, 3)),
        ("202403", Period("M", 2024, 3)),
        ("2024Q1", Period("Q", 2024, 1)),
        ("2024H2", Period("H", 2024, 2)),
        (45383, Period("M", 2024, 4)),  # Excel serial of 2024-04-01
        (dt.date(2025, 3, 31), Period("M", 2025, 3)),
    ],
)
def test_read_period(typed: object, expected: Period) -> None:
    assert read_period(typed) == expected


def test_plain_year_takes_default_basis() -> None:
    assert read_period(2024, "FY") == Period("FY", 2024)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2024-13", "'2024-13' has no such M period"),
        ("abc", "'abc' is not a period; expected a year (2024), FY2024, 2024H1, 2024Q1 or 2024-03"),
        (1700, "1700 is outside the years 1850-2100"),
        (True, "True is not a period"),
    ],
)
def test_bad_periods(typed: object, message: str) -> None:
    with pytest.raises(PeriodError) as err:
        read_period(typed)
    assert str(err.value) == message


def test_fiscal_year_runs_april_to_march() -> None:
    months = Period("FY", 2024).months()
    assert (months[0], months[-1], len(months)) == ((2024, 4), (2025, 3), 12)
    assert period_of_month(2025, 3, "FY") == Period("FY", 2024)
    assert period_of_month(2025, 4, "FY") == Period("FY", 2025)


def test_text_forms_and_shift() -> None:
    assert [str(Period("M", 2024, 1)), str(Period("Q", 2024, 4)), Period("FY", 2024).label] == [
        "2024-01",
        "2024Q4",
        "FY2024",
    ]
    assert Period("M", 2024, 12).shift(1) == Period("M", 2025, 1)
    assert Period("Q", 2024, 1).shift(-1) == Period("Q", 2023, 4)


def test_parse_period_checks_basis() -> None:
    assert parse_period("2024", "FY") == Period("FY", 2024)
    with pytest.raises(PeriodError, match="'2024-01' is not a CY period"):
        parse_period("2024-01", "CY")
    with pytest.raises(
        UnknownNameError, match="unknown basis 'XY'; expected one of: CY, FY, H, Q, M"
    ):
        parse_period("2024", "XY")


def test_decimal_year() -> None:
    assert [Period("Q", 2024, 3).decimal_year, Period("M", 2024, 4).decimal_year] == [
        2024.5,
        2024.25,
    ]
    assert Period("FY", 2024).decimal_year == 2024.0
