"""Monthly to CY, FY, halves and quarters; incomplete years are missing unless year-to-date."""

from __future__ import annotations

from digital_deficit.core.aggregation import aggregate_months
from digital_deficit.core.periods import Period


def _months(first: tuple[int, int], count: int) -> dict[tuple[int, int], float | None]:
    y, m = first
    out: dict[tuple[int, int], float | None] = {}
    for i in range(count):
        out[(y + (m - 1 + i) // 12, (m - 1 + i) % 12 + 1)] = float(i + 1)
    return out


def test_calendar_and_fiscal_years() -> None:
    monthly = _months((2023, 1), 27)  # 2023-01 .. 2025-03
    cy = aggregate_months(monthly, "CY")
    assert [(a.period, a.value, a.complete) for a in cy] == [
        (Period("CY", 2023), float(sum(range(1, 13))), True),
        (Period("CY", 2024), float(sum(range(13, 25))), True),
        (Period("CY", 2025), None, False),
    ]
    fy = aggregate_months(monthly, "FY")
    assert fy[1].period == Period("FY", 2023) and fy[1].value == float(sum(range(4, 16)))
    assert fy[2].period == Period("FY", 2024) and fy[2].value == float(sum(range(16, 28)))
    assert fy[0].value is None  # FY2022 lacks April-December 2022


def test_year_to_date_is_explicit() -> None:
    monthly = _months((2025, 1), 5)
    assert aggregate_months(monthly, "CY")[0].value is None
    ytd = aggregate_months(monthly, "CY", year_to_date=True)[0]
    assert (ytd.value, ytd.months, ytd.complete) == (15.0, 5, False)


def test_gap_inside_a_year_is_missing_even_year_to_date() -> None:
    monthly = _months((2025, 1), 5)
    monthly[(2025, 2)] = None
    assert aggregate_months(monthly, "CY", year_to_date=True)[0].value is None


def test_quarters_and_halves_add_up_to_the_year() -> None:
    monthly = _months((2024, 1), 12)
    q = [a.value for a in aggregate_months(monthly, "Q")]
    h = [a.value for a in aggregate_months(monthly, "H")]
    assert q == [6.0, 15.0, 24.0, 33.0] and h == [21.0, 57.0]
    assert sum(q) == sum(h) == 78.0  # type: ignore[arg-type]


def test_bo_j_decimals_kept_exactly() -> None:
    monthly = {(1996, m): 341.51732161 for m in range(1, 13)}
    total = aggregate_months(monthly, "CY")[0].value
    assert total == 4098.20785932


def test_bad_months_are_typed_errors_and_nan_is_missing() -> None:
    import math

    import pytest

    from digital_deficit.core.errors import InputError

    monthly: dict[tuple[int, int], object] = {(2024, m): 1.0 for m in range(1, 13)}
    monthly[(2024, 5)] = math.nan
    assert aggregate_months(monthly, "CY")[0].value is None  # type: ignore[arg-type]
    monthly[(2024, 5)] = "abc"
    with pytest.raises(InputError) as err:
        aggregate_months(monthly, "CY")  # type: ignore[arg-type]
    assert str(err.value) == 'monthly: cell 5 is the text "abc"; expected a number or a blank cell'
    with pytest.raises(InputError, match=r"^monthly: cell 1 has month 2024-13; months run"):
        aggregate_months({(2024, 13): 1.0}, "CY")
