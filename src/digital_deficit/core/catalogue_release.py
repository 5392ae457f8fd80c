"""Catalogue entries of a monthly release: the change on the same period a year earlier and sums
of consecutive months (the year to date, the 12-month sum, a quarter).

A sum of months is missing unless every month is there (never a partial sum); a change is
missing when either side is. Their labels are ``metric.<id>`` in each language's table.
"""

from __future__ import annotations

from digital_deficit.core.catalogue_digital import OKU, RANGE, same_sign_ratio
from digital_deficit.core.expr import Ref, Sum
from digital_deficit.core.metric import Input, Metric

current, year_ago = Ref("current"), Ref("year_ago")

_NOW = Input("current", item="digital", doc=f"this period's value; {OKU}")
_YEAR_AGO = Input(
    "year_ago",
    item="digital",
    when="year_ago",
    doc=f"the same period a year earlier, same unit; {RANGE}",
)


def months_total(metric_id: str, months: int, help_: str) -> Metric:
    """The sum of ``months`` consecutive months (inputs m1..mN, oldest first)."""
    names = tuple(f"m{k}" for k in range(1, months + 1))
    return Metric(
        metric_id,
        tuple(Input(n, doc=f"month {k} of {months}; {OKU}") for k, n in enumerate(names, 1)),
        Sum(tuple(Ref(n) for n in names)),
        "money",
        "amount",
        help_,
    )


YTD_HELP = "Year to date: the sum of the months from the start of the year (or fiscal year)."


def year_to_date(months: int) -> Metric:
    """The year-to-date sum over ``months`` months (1 to 12): the catalogue's ``ytd`` rule for
    a year that has run that long."""
    return months_total("ytd", months, YTD_HELP)


RELEASE_ENTRIES: tuple[Metric, ...] = (
    Metric(
        "year_ago_change",
        (_NOW, _YEAR_AGO),
        current - year_ago,
        "money",
        "amount",
        "Change on the same period a year earlier: current - year_ago (units of the input).",
    ),
    Metric(
        "year_ago_growth",
        (_NOW, _YEAR_AGO),
        same_sign_ratio(current, year_ago, lambda r: r - 1),
        "ratio",
        "pct",
        "Change on the same period a year earlier in per cent of its size (for deficits the "
        "size of the deficit); #N/A if the signs differ.",
    ),
    year_to_date(12),
    months_total(
        "twelve_month_sum",
        12,
        "The sum of the last 12 months (a moving annual total); missing unless all are there.",
    ),
    months_total(
        "quarter_sum", 3, "The sum of a quarter's three months; missing unless all are there."
    ),
)
