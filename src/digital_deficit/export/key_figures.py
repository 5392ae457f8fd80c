"""The Summary's key figures (the catalogue's summary entries) and the charts' headline
columns: which column each shows, and in which column's latest year."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from digital_deficit.core.catalogue import SUMMARY, headline


@dataclass(frozen=True)
class Kpi:
    """A key figure of the Summary: a headline column, shown in the last year of another (its
    own, or the one it is read with: a change on the year in the digital balance's year)."""

    key: str
    column: str
    year_column: str
    released_digital: bool
    """Its year must have a released digital balance (not only an analyst's estimate)."""


@lru_cache(maxsize=16)
def kpis(cf_method: str) -> tuple[Kpi, ...]:
    """The Summary's key figures: the catalogue's summary entries in order, each followed by
    the columns it is compared against in its year."""
    out: list[Kpi] = []
    for column, metric in headline(cf_method, SUMMARY):
        anchored = metric.reads("digital", "previous") or metric.reads("digital", "base")
        year_column = "digital" if anchored else column
        out.append(Kpi(column, column, year_column, metric.reads("digital") and not anchored))
        out += [Kpi(f"{other}@{column}", other, column, False) for other in metric.against]
    return tuple(out)


def year_columns(cf_method: str) -> dict[str, bool]:
    """The columns whose last year a key figure uses, and whether it must be released."""
    found: dict[str, bool] = {}
    for kpi in kpis(cf_method):
        if kpi.year_column == kpi.column:
            found[kpi.year_column] = kpi.released_digital
    return found


def chart_series(cf_method: str) -> dict[str, str]:
    """The chart-data rows of the Summary's charts and the headline column each shows: the
    digital balance, the first key figure read against another (see ``Metric.against``) with
    that other, and travel."""
    return dict(_chart_series(cf_method))


@lru_cache(maxsize=16)
def _chart_series(cf_method: str) -> tuple[tuple[str, str], ...]:
    pair = next(k for k in kpis(cf_method) if "@" in k.key)
    return (
        ("c:digital", "digital"),
        ("c:ca", pair.column),
        ("c:cf", pair.year_column),
        ("c:travel", "travel"),
    )
