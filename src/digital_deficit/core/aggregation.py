"""Monthly values to calendar years, fiscal years (April-March), halves and quarters."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from digital_deficit.core.errors import InputError
from digital_deficit.core.periods import Period, check_basis, period_of_month
from digital_deficit.core.values import to_value


@dataclass(frozen=True)
class Aggregate:
    """A period total: ``value`` is None when the period is incomplete (unless year-to-date)."""

    period: Period
    value: float | None
    months: int
    complete: bool


def aggregate_months(
    monthly: Mapping[tuple[int, int], float | None], basis: str, year_to_date: bool = False
) -> list[Aggregate]:
    """Sum (year, month) values into ``basis`` periods, in period order.

    A period with a missing month is missing. With ``year_to_date``, the last period may sum the
    months from its start to the latest month given (``complete`` is then False); a gap inside
    it still makes it missing.
    """
    basis = check_basis(basis)
    monthly = _checked_months(monthly)
    periods = sorted({period_of_month(y, m, basis) for (y, m) in monthly})
    latest = max(monthly) if monthly else None
    out: list[Aggregate] = []
    for period in periods:
        months = period.months()
        values = [monthly.get(ym) for ym in months]
        if all(v is not None for v in values):
            out.append(
                Aggregate(period, math.fsum(v for v in values if v is not None), len(months), True)
            )
            continue
        covered = [ym for ym in months if latest is None or ym <= latest]
        prefix = [monthly.get(ym) for ym in covered]
        if year_to_date and prefix and all(v is not None for v in prefix) and period == periods[-1]:
            out.append(
                Aggregate(period, math.fsum(v for v in prefix if v is not None), len(prefix), False)
            )
        else:
            out.append(Aggregate(period, None, sum(v is not None for v in values), False))
    return out


def _checked_months(
    monthly: Mapping[tuple[int, int], object],
) -> dict[tuple[int, int], float | None]:
    """Months as (year, 1-12) with float or missing values; anything else raises InputError."""
    out: dict[tuple[int, int], float | None] = {}
    for position, (key, value) in enumerate(sorted(monthly.items()), start=1):
        year, month = key
        if not 1 <= month <= 12:
            raise InputError(
                "monthly", f"has month {year}-{month}; months run from 1 to 12", position
            )
        out[(year, month)] = to_value("monthly", value, position)
    return out
