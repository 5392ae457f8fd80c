"""Resolve a figure from a dataset: the published value, or one derived from its parts.

Order: the figure itself (latest vintage); a net from credit and debit (or one side from the
other two); an item from all of its parts; the digital balance from its definition's items.
Anything short of all inputs gives a missing figure, never a partial sum.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from digital_deficit.core.definitions import DEFAULT_DEFINITION, Definition, get_definition
from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.core.items import AGGREGATE_ITEMS, get_item
from digital_deficit.core.periods import Period
from digital_deficit.core.values import exact_total
from digital_deficit.data.dataset import Dataset, normalise_place
from digital_deficit.data.model import Observation
from digital_deficit.data.vintage import vintage_rank


class MixedUnitsError(DigitalDeficitError):
    """Figures in different units would have been added together."""


@dataclass(frozen=True)
class Figure:
    """A value with the observations it was made from (empty when missing)."""

    value: float | None
    sources: tuple[Observation, ...] = ()
    how: str = "published"

    @property
    def unit(self) -> str:
        """The unit of the observations used (oku_yen when none)."""
        return self.sources[0].unit if self.sources else "oku_yen"

    @property
    def precision(self) -> float:
        """Largest rounding unit among the inputs (1 when every input is exact)."""
        return max((o.precision for o in self.sources), default=1.0)

    @property
    def vintages(self) -> tuple[str, ...]:
        """The vintages used, each once."""
        return tuple(dict.fromkeys(o.vintage for o in self.sources))


MISSING = Figure(None, (), "missing")


def _combine(figures: Iterable[Figure], signs: Iterable[int], how: str) -> Figure:
    parts = list(figures)
    if any(f.value is None for f in parts):
        return MISSING
    sources = tuple(o for f in parts for o in f.sources)
    if len({o.unit for o in sources}) > 1:
        units = ", ".join(sorted({o.unit for o in sources}))
        raise MixedUnitsError(f"cannot combine figures in different units ({units})")
    terms = [s * f.value for s, f in zip(signs, parts, strict=True) if f.value is not None]
    return Figure(exact_total(terms), sources, how)


def item_figure(
    dataset: Dataset,
    item: str,
    period: str | Period,
    basis: str = "CY",
    side: str = "net",
    definition: str | Definition | None = None,
    country: str = "JPN",
    vintage: str | None = None,
) -> Figure:
    """The figure for ``item`` in ``period``: published, or derived from sides or parts."""
    item_id = get_item(item).id
    if item_id in AGGREGATE_ITEMS:
        return digital_figure(
            dataset, period, basis, definition or DEFAULT_DEFINITION, side, country, vintage
        )
    country, basis, text, side = normalise_place(period, basis, side, country)
    key = ("item", item_id, country, basis, text, side, vintage)
    found = dataset.memo.get(key)
    if not isinstance(found, Figure):
        found = _Lookup(dataset, country, basis, text, vintage).resolve(item_id, side)
        dataset.memo[key] = found
    return found


def digital_figure(
    dataset: Dataset,
    period: str | Period,
    basis: str = "CY",
    definition: str | Definition | Iterable[str] = DEFAULT_DEFINITION,
    side: str = "net",
    country: str = "JPN",
    vintage: str | None = None,
) -> Figure:
    """The digital balance (or its payments/receipts) for ``definition`` in ``period``.

    A published total for mof3 or narrow is used, unless every item of the definition is
    available in a newer vintage (fetched monthly data beside an embedded analyst total); otherwise
    the items are summed, and the result is missing unless every item is present.
    """
    chosen = get_definition(definition)
    country, basis, text, side = normalise_place(period, basis, side, country)
    key = ("digital", chosen, country, basis, text, side, vintage)
    found = dataset.memo.get(key)
    if not isinstance(found, Figure):
        found = _digital(_Lookup(dataset, country, basis, text, vintage), chosen, side)
        dataset.memo[key] = found
    return found


def _digital(lookup: _Lookup, chosen: Definition, side: str) -> Figure:
    parts = [lookup.resolve(i, side) for i in chosen.items]
    summed = _combine(parts, [1] * len(parts), f"sum of {chosen.id} items")
    if chosen.id == "custom":
        return summed
    return _newest([lookup.resolve("digital", side, chosen.id), summed])


def _oldest_rank(figure: Figure) -> tuple[int, str]:
    return min(vintage_rank(o.vintage) for o in figure.sources)


def _newest(candidates: list[Figure]) -> Figure:
    """The complete candidate whose oldest input is the most recent; earlier ones win ties.

    The published figure comes first, so a total built from parts replaces it only when every
    part is newer (fetched monthly data beside an embedded preliminary or analyst total).
    """
    complete = [c for c in candidates if c.value is not None]
    if not complete:
        return MISSING
    best = complete[0]
    for other in complete[1:]:
        if _oldest_rank(other) > _oldest_rank(best):
            best = other
    return best


# How a side is derived from the other two: (first, second, sign of second, description).
_SIDE_RULES: dict[str, tuple[str, str, int, str]] = {
    "net": ("credit", "debit", -1, "credit - debit"),
    "credit": ("debit", "net", 1, "debit + net"),
    "debit": ("credit", "net", -1, "credit - net"),
}


class _Lookup:
    """Figures of one country, basis and period, looked up by plain keys (checked once)."""

    def __init__(
        self, dataset: Dataset, country: str, basis: str, period: str, vintage: str | None
    ) -> None:
        self.dataset, self.country, self.basis, self.period = dataset, country, basis, period
        self.vintage = vintage

    def stored(self, item_id: str, side: str, definition: str = "") -> Figure:
        obs = self.dataset.latest(
            (self.country, self.basis, self.period, item_id, definition, side), self.vintage
        )
        return MISSING if obs is None else Figure(obs.value, (obs,), "published")

    def resolve(self, item_id: str, side: str, definition: str = "", depth: int = 0) -> Figure:
        held = self.dataset.sides_held(self.country, self.basis, self.period, item_id, definition)
        found = self.stored(item_id, side, definition) if side in held else MISSING
        if depth > 0 or self.vintage is not None:
            return found
        candidates = [found]
        first, second, sign, how = _SIDE_RULES[side]
        if first in held and second in held:
            pair = [
                self.stored(item_id, first, definition),
                self.stored(item_id, second, definition),
            ]
            candidates.append(_combine(pair, [1, sign], how))
        parts = () if definition else get_item(item_id).parts
        if parts and all(self._may_hold(p) for p in parts):
            subs = [self.resolve(p, side) for p in parts]
            candidates.append(_combine(subs, [1] * len(subs), "sum of parts"))
        return candidates[0] if len(candidates) == 1 else _newest(candidates)

    def _may_hold(self, item_id: str) -> bool:
        """Whether the item, or every part of it, has figures for this period on some side."""
        if self.dataset.sides_held(self.country, self.basis, self.period, item_id, ""):
            return True
        parts = get_item(item_id).parts
        return bool(parts) and all(self._may_hold(p) for p in parts)
