"""FX sensitivity: yen depreciation implied by a larger digital deficit (a user assumption)."""

from __future__ import annotations

import math

from digital_deficit.core.references import YEN_PER_DOUBLING
from digital_deficit.core.values import (
    Result,
    Value,
    ValueLike,
    align,
    required_number,
    same_sign,
    shaped,
)

FX_CITATION = YEN_PER_DOUBLING.citation


def fx_impact(base: ValueLike, new: ValueLike, yen_per_doubling: float) -> Result:
    """Yen depreciation vs USD = yen_per_doubling × log2(new / base).

    ``yen_per_doubling`` is required: the only published figure is ¥5-6 per doubling
    (Mizuho R&T via Nikkei Asian Review), an unconfirmed estimate. Missing where base and new
    differ in sign or either is zero.
    """
    per_doubling = required_number("yen_per_doubling", yen_per_doubling)
    cols, _n, scalar = align(base=base, new=new)
    out: list[Value] = []
    for b, v in zip(cols["base"], cols["new"], strict=True):
        out.append(
            None
            if b is None or v is None or not same_sign(b, v)
            else per_doubling * math.log2(v / b)
        )
    return shaped(out, scalar)
