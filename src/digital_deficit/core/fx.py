"""FX sensitivity: yen depreciation implied by a larger digital deficit (a user assumption)."""

from __future__ import annotations

from digital_deficit.core.catalogue import get_metric
from digital_deficit.core.metric import apply
from digital_deficit.core.references import YEN_PER_DOUBLING
from digital_deficit.core.values import Result, ValueLike

FX_CITATION = YEN_PER_DOUBLING.citation


def fx_impact(base: ValueLike, new: ValueLike, yen_per_doubling: float) -> Result:
    """Yen depreciation vs USD = yen_per_doubling × log2(new / base).

    ``yen_per_doubling`` is required: the only published figure is ¥5-6 per doubling
    (Mizuho R&T via Nikkei Asian Review), an unconfirmed estimate. Missing where base and new
    differ in sign or either is zero.
    """
    metric = get_metric("fx_impact")
    return apply(metric, base=base, new=new, yen_per_doubling=yen_per_doubling)
