"""Resolve a figure from a dataset: the published value, or one derived from its parts.

A resolved ``Figure`` carries its derivation: an expression (``core.expr``) over the
observations it came from, so a workbook can write the same arithmetic over its Data cells
without resolving again. Candidates: the figure itself; a side from the other two (net = credit
- debit ...); an item from all of its parts; the digital balance from its definition's items
(the catalogue's rules, as exact decimal sums). Anything short of all inputs gives a missing
figure, never a partial sum.

Choosing among complete candidates: one whose inputs all come from one vintage beats one that
mixes vintages (payments of the first release plus a revised net balance is a figure of no
release); then the one whose oldest input is the most recent (fetched monthly parts beside an
embedded preliminary total), or for the first release the one whose newest input is the oldest;
the stored figure wins ties. A mixed figure is still used when it
is the only one, and says so (``Figure.mixed``).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from digital_deficit.core.catalogue import SIDE_RULES, digital_sum, parts_sum
from digital_deficit.core.definitions import DEFAULT_DEFINITION, Definition, get_definition
from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.core.evaluate import evaluate
from digital_deficit.core.expr import NA, Expr, Ref, substitute
from digital_deficit.core.items import AGGREGATE_ITEMS, get_item
from digital_deficit.core.metric import Metric
from digital_deficit.core.periods import Period
from digital_deficit.data.dataset import Dataset, normalise_place
from digital_deficit.data.model import Observation
from digital_deficit.data.vintage import first_release, vintage_rank

LATEST = "latest"
FIRST = "first"


class MixedUnitsError(DigitalDeficitError):
    """Figures in different units would have been added together."""


def obs_name(obs: Observation) -> str:
    """The name an observation has in a figure's expression (its key and vintage)."""
    return "|".join((*obs.key, obs.vintage))


@dataclass(frozen=True)
class Figure:
    """A value, the observations it was made from, and how (an expression over them)."""

    value: float | None
    sources: tuple[Observation, ...] = ()
    how: str = "published"
    """The derivation in words, for citations: published, credit - debit, sum of parts..."""
    expr: Expr = NA
    """The arithmetic over the sources (``obs_name`` of each): evaluates to ``value``."""
    parts: tuple[tuple[str, Figure], ...] = ()
    """The item figures a sum of items was made of (sum of parts, of a definition's items)."""

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

    @property
    def mixed(self) -> bool:
        """True when built from figures of more than one vintage."""
        return len(self.vintages) > 1

    def observations(self) -> dict[str, Observation]:
        """The sources by their name in ``expr``."""
        return {obs_name(o): o for o in self.sources}


MISSING = Figure(None, (), "missing")


def _published(obs: Observation | None) -> Figure:
    if obs is None:
        return MISSING
    return Figure(obs.value, (obs,), "published", Ref(obs_name(obs)))


def derive(metric: Metric, inputs: dict[str, Figure], how: str, parts: bool = False) -> Figure:
    """The figure ``metric`` gives over input figures: its expression with each input replaced
    by that figure's own expression; missing unless every input is present."""
    if any(f.value is None for f in inputs.values()):
        return MISSING
    sources = tuple(o for f in inputs.values() for o in f.sources)
    if len({o.unit for o in sources}) > 1:
        units = ", ".join(sorted({o.unit for o in sources}))
        raise MixedUnitsError(f"cannot combine figures in different units ({units})")
    expr = substitute(metric.expr, {name: f.expr for name, f in inputs.items()})
    value = evaluate(expr, {obs_name(o): o.value for o in sources})
    if value is None:
        return MISSING
    return Figure(value, sources, how, expr, tuple(inputs.items()) if parts else ())


def _ranks(figure: Figure) -> list[tuple[int, str]]:
    return [vintage_rank(o.vintage) for o in figure.sources]


def _better(other: Figure, best: Figure, first: bool) -> bool:
    """One vintage beats mixed vintages; then, for the latest figures, the newest oldest input
    (first release: the oldest newest input)."""
    if other.mixed != best.mixed:
        return best.mixed
    if first:
        return max(_ranks(other)) < max(_ranks(best))
    return min(_ranks(other)) > min(_ranks(best))


def _best(candidates: Sequence[Figure], first: bool = False) -> Figure:
    """The best complete candidate (see ``_better``); earlier candidates win ties."""
    complete = [c for c in candidates if c.value is not None]
    if not complete:
        return MISSING
    best = complete[0]
    for other in complete[1:]:
        if _better(other, best, first):
            best = other
    return best


_SIDE_HOW = {"net": "credit - debit", "credit": "debit + net", "debit": "credit - net"}


class Resolver:
    """Figures of one dataset and country, as of one release, with their cache.

    ``release``: ``latest`` (each figure's latest revision, the default), ``first`` (its first
    release) or a vintage (only figures of that vintage, nothing derived).
    """

    def __init__(self, dataset: Dataset, country: str = "JPN", release: str = LATEST) -> None:
        self.dataset, self.country, self.release = dataset, country, release
        self._cache: dict[tuple[object, ...], Figure] = {}
        self._version = dataset.version

    def figure(
        self,
        item: str,
        period: str | Period,
        basis: str = "CY",
        side: str = "net",
        definition: str | Definition | Iterable[str] | None = None,
    ) -> Figure:
        """The figure for ``item`` in ``period``: published, or derived from sides or parts."""
        item_id = get_item(item).id
        if item_id in AGGREGATE_ITEMS:
            return self.digital(period, basis, definition or DEFAULT_DEFINITION, side)
        _, basis, text, side = normalise_place(period, basis, side, self.country)
        return self._cached(
            ("item", item_id, basis, text, side), self._item, item_id, basis, text, side
        )

    def digital(
        self,
        period: str | Period,
        basis: str = "CY",
        definition: str | Definition | Iterable[str] = DEFAULT_DEFINITION,
        side: str = "net",
    ) -> Figure:
        """The digital balance (or payments/receipts) of ``definition`` in ``period``.

        A published total for mof3 or narrow competes with the sum of the definition's items;
        a custom definition is always the sum of its items.
        """
        chosen = get_definition(definition)
        _, basis, text, side = normalise_place(period, basis, side, self.country)
        key = ("digital", chosen, basis, text, side)
        return self._cached(key, self._digital, chosen, basis, text, side)

    def _cached(self, key: tuple[object, ...], compute: object, *args: object) -> Figure:
        if self._version != self.dataset.version:
            self._cache.clear()
            self._version = self.dataset.version
        found = self._cache.get(key)
        if found is None:
            assert callable(compute)
            found = compute(*args)
            self._cache[key] = found
        return found

    def _stored(self, item_id: str, basis: str, period: str, side: str, definition: str) -> Figure:
        key = (self.country, basis, period, item_id, definition, side)
        if self.release == LATEST:
            return _published(self.dataset.latest(key))
        if self.release == FIRST:
            held = self.dataset.vintages(key)
            return _published(held[first_release([o.vintage for o in held])] if held else None)
        return _published(self.dataset.latest(key, self.release))

    def _derives(self) -> bool:
        return self.release in (LATEST, FIRST)

    def _item(
        self, item_id: str, basis: str, period: str, side: str, definition: str = ""
    ) -> Figure:
        held = self.dataset.sides_held(self.country, basis, period, item_id, definition)
        found = self._stored(item_id, basis, period, side, definition) if side in held else MISSING
        if not self._derives():
            return found
        candidates = [found]
        rule = SIDE_RULES[side]
        if all(i.side in held for i in rule.inputs):
            pair = {
                i.name: self._stored(item_id, basis, period, i.side, definition)
                for i in rule.inputs
            }
            candidates.append(derive(rule, pair, _SIDE_HOW[side]))
        rebuilt = None if definition else parts_sum(item_id)
        if rebuilt is not None and all(self._may_hold(p, basis, period) for p in rebuilt.names):
            subs = {p: self.figure(p, period, basis, side) for p in rebuilt.names}
            candidates.append(derive(rebuilt, subs, "sum of parts", parts=True))
        return candidates[0] if len(candidates) == 1 else _best(candidates, self.release == FIRST)

    def _digital(self, chosen: Definition, basis: str, period: str, side: str) -> Figure:
        items = {i: self.figure(i, period, basis, side) for i in chosen.items}
        rule = digital_sum(chosen, side, decimal=True)
        summed = derive(rule, items, f"sum of {chosen.id} items", parts=True)
        if chosen.id == "custom":
            return summed
        published = self._cached(
            ("item", "digital", chosen.id, basis, period, side),
            self._item,
            "digital",
            basis,
            period,
            side,
            chosen.id,
        )
        return _best([published, summed], self.release == FIRST) if self._derives() else published

    def _may_hold(self, item_id: str, basis: str, period: str) -> bool:
        """Whether the item, or every part of it, has figures for this period on some side."""
        if self.dataset.sides_held(self.country, basis, period, item_id, ""):
            return True
        parts = get_item(item_id).parts
        return bool(parts) and all(self._may_hold(p, basis, period) for p in parts)


_RESOLVERS: weakref.WeakKeyDictionary[Dataset, dict[tuple[str, str], Resolver]] = (
    weakref.WeakKeyDictionary()
)


def resolver_for(dataset: Dataset, country: str = "JPN", release: str | None = None) -> Resolver:
    """The resolver of ``dataset`` for a country and release (one each, kept with the dataset)."""
    chosen = release or LATEST
    by_key = _RESOLVERS.setdefault(dataset, {})
    key = (country.upper(), chosen)
    if key not in by_key:
        by_key[key] = Resolver(dataset, country.upper(), chosen)
    return by_key[key]


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
    return resolver_for(dataset, country, vintage).figure(item, period, basis, side, definition)


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
    return resolver_for(dataset, country, vintage).digital(period, basis, definition, side)
