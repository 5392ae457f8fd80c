"""The digital deficit beside other balances: services, goods and services, travel, crude oil."""

from __future__ import annotations

from digital_deficit.core.values import Result, Value, ValueLike, align, shaped


def _share_of_deficit(digital: Value, reference: Value) -> Value:
    if digital is None or reference is None or reference >= 0 or digital > 0:
        return None
    return digital / reference


def share_of_services_deficit(digital: ValueLike, services: ValueLike) -> Result:
    """Digital deficit / services deficit (1.73 = larger than the whole services deficit).

    Missing where services is not in deficit or the digital balance is a surplus.
    """
    cols, _n, scalar = align(digital=digital, services=services)
    return shaped(
        [_share_of_deficit(d, s) for d, s in zip(cols["digital"], cols["services"], strict=True)],
        scalar,
    )


def share_of_goods_and_services_deficit(
    digital: ValueLike, goods_and_services: ValueLike
) -> Result:
    """Digital deficit / goods-and-services deficit; missing where that is not a deficit."""
    cols, _n, scalar = align(digital=digital, goods_and_services=goods_and_services)
    pairs = zip(cols["digital"], cols["goods_and_services"], strict=True)
    return shaped([_share_of_deficit(d, g) for d, g in pairs], scalar)


def tourism_coverage(travel: ValueLike, digital: ValueLike) -> Result:
    """Travel surplus / digital deficit (0.91 = tourism covers 91% of the digital deficit).

    Missing where the digital balance is not a deficit or travel is itself in deficit (there is
    no surplus to cover anything).
    """
    cols, _n, scalar = align(travel=travel, digital=digital)
    out: list[Value] = []
    for t, d in zip(cols["travel"], cols["digital"], strict=True):
        out.append(None if t is None or d is None or d >= 0 or t < 0 else t / -d)
    return shaped(out, scalar)


def oil_ratio(digital: ValueLike, crude_oil_imports: ValueLike) -> Result:
    """Digital deficit / crude-oil import bill (0.62 = 62% of what Japan pays for crude oil).

    Missing where the digital balance is not a deficit or the oil bill is not positive.
    """
    cols, _n, scalar = align(digital=digital, crude_oil_imports=crude_oil_imports)
    out: list[Value] = []
    for d, oil in zip(cols["digital"], cols["crude_oil_imports"], strict=True):
        out.append(None if d is None or oil is None or d >= 0 or oil <= 0 else -d / oil)
    return shaped(out, scalar)
