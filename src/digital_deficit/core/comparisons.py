"""The digital deficit beside other balances: services, goods and services, travel, crude oil.

Thin wrappers over the catalogue (``core.catalogue``), where each rule is written once.
"""

from __future__ import annotations

from digital_deficit.core.catalogue import get_metric
from digital_deficit.core.metric import apply
from digital_deficit.core.values import Result, ValueLike


def share_of_services_deficit(digital: ValueLike, services: ValueLike) -> Result:
    """Digital deficit / services deficit (1.73 = larger than the whole services deficit).

    Missing where services is not in deficit or the digital balance is a surplus.
    """
    return apply(get_metric("share_of_services_deficit"), digital=digital, services=services)


def share_of_goods_and_services_deficit(
    digital: ValueLike, goods_and_services: ValueLike
) -> Result:
    """Digital deficit / goods-and-services deficit; missing where that is not a deficit."""
    metric = get_metric("share_of_gs_deficit")
    return apply(metric, digital=digital, goods_and_services=goods_and_services)


def tourism_coverage(travel: ValueLike, digital: ValueLike) -> Result:
    """Travel surplus / digital deficit (0.91 = tourism covers 91% of the digital deficit).

    Missing where the digital balance is not a deficit or travel is itself in deficit (there is
    no surplus to cover anything).
    """
    return apply(get_metric("tourism_coverage"), travel=travel, digital=digital)


def oil_ratio(digital: ValueLike, crude_oil_imports: ValueLike) -> Result:
    """Digital deficit / crude-oil import bill (0.62 = 62% of what Japan pays for crude oil).

    Missing where the digital balance is not a deficit or the oil bill is not positive.
    """
    metric = get_metric("oil_ratio")
    return apply(metric, digital=digital, crude_oil_imports=crude_oil_imports)
