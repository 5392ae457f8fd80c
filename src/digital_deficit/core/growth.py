"""Growth: multiple since a base period, CAGR and year-on-year change.

Ratios of deficits are taken on the values as they are (two negatives give a positive multiple).
A ratio is missing where the base is zero or the two values have opposite signs: a deficit that
turns into a surplus has no meaningful multiple.
"""

from __future__ import annotations

from digital_deficit.core.errors import InputError
from digital_deficit.core.values import (
    Result,
    Value,
    ValueLike,
    align,
    is_sequence,
    same_sign,
    shaped,
    to_values,
)


def _same_sign_ratio(current: Value, base: Value) -> Value:
    if current is None or base is None or base == 0:
        return None
    if not (current == 0 or same_sign(current, base)):
        return None
    return current / base


def growth_multiple(current: ValueLike, base: ValueLike) -> Result:
    """How many times the base level the current level is (3.2 = "more than tripled")."""
    cols, n, scalar = align(current=current, base=base)
    return shaped([_same_sign_ratio(cols["current"][i], cols["base"][i]) for i in range(n)], scalar)


def cagr(start: ValueLike, end: ValueLike, years: ValueLike) -> Result:
    """Compound annual growth rate from ``start`` to ``end`` over ``years`` (0.12 = 12% a year)."""
    cols, n, scalar = align(start=start, end=end, years=years)
    years_is_range = is_sequence(years)
    out: list[Value] = []
    for i in range(n):
        span = cols["years"][i]
        if span is not None and span <= 0:
            raise InputError(
                "years",
                f"is {span:g}; expected a number of years above zero",
                i + 1 if years_is_range else None,
            )
        ratio = _same_sign_ratio(cols["end"][i], cols["start"][i])
        out.append(None if ratio is None or span is None else ratio ** (1.0 / span) - 1.0)
    return shaped(out, scalar)


def yoy_change(current: ValueLike, previous: ValueLike) -> Result:
    """Relative change on the previous period (0.20 = the balance grew 20% in size).

    For deficits the change is in the size of the deficit. Missing where either is missing, the
    previous value is zero, or the sign changed.
    """
    cols, n, scalar = align(current=current, previous=previous)
    return shaped([_change(cols["current"][i], cols["previous"][i]) for i in range(n)], scalar)


def yoy_series(values: ValueLike) -> list[Value]:
    """Change on the previous period along a range of consecutive periods; the first is missing."""
    read, _ = to_values("values", values)
    prior: list[Value] = [None, *read[:-1]][: len(read)]
    return [_change(c, p) for c, p in zip(read, prior, strict=True)]


def _change(current: Value, previous: Value) -> Value:
    ratio = _same_sign_ratio(current, previous)
    return None if ratio is None else ratio - 1.0


def difference(current: ValueLike, previous: ValueLike) -> Result:
    """Absolute change: current - previous (in the units given)."""
    cols, _n, scalar = align(current=current, previous=previous)
    return shaped(
        [
            None if c is None or p is None else c - p
            for c, p in zip(cols["current"], cols["previous"], strict=True)
        ],
        scalar,
    )
