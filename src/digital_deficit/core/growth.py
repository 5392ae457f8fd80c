"""Growth: multiple since a base period, CAGR and year-on-year change.

Ratios of deficits are taken on the values as they are (two negatives give a positive multiple).
A ratio is missing where the base is zero or the two values have opposite signs: a deficit that
turns into a surplus has no meaningful multiple. Thin wrappers over the catalogue.
"""

from __future__ import annotations

from digital_deficit.core.catalogue import get_metric
from digital_deficit.core.metric import apply
from digital_deficit.core.values import Result, Value, ValueLike, to_values


def growth_multiple(current: ValueLike, base: ValueLike) -> Result:
    """How many times the base level the current level is (3.2 = "more than tripled")."""
    return apply(get_metric("multiple"), current=current, base=base)


def cagr(start: ValueLike, end: ValueLike, years: ValueLike) -> Result:
    """Compound annual growth rate from ``start`` to ``end`` over ``years`` (0.12 = 12% a year)."""
    return apply(get_metric("cagr"), start=start, end=end, years=years)


def yoy_change(current: ValueLike, previous: ValueLike) -> Result:
    """Relative change on the previous period (0.20 = the balance grew 20% in size).

    For deficits the change is in the size of the deficit. Missing where either is missing, the
    previous value is zero, or the sign changed.
    """
    return apply(get_metric("yoy"), current=current, previous=previous)


def yoy_series(values: ValueLike) -> list[Value]:
    """Change on the previous period along a range of consecutive periods; the first is missing."""
    read, _ = to_values("values", values)
    metric = get_metric("yoy")
    prior: list[Value] = [None, *read[:-1]][: len(read)]
    return [
        metric.evaluate({"current": c, "previous": p}) for c, p in zip(read, prior, strict=True)
    ]


def difference(current: ValueLike, previous: ValueLike) -> Result:
    """Absolute change: current - previous (in the units given)."""
    return apply(get_metric("difference"), current=current, previous=previous)
