"""A dataset of observations that answers "value of item X for period P on basis B"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from digital_deficit.core.definitions import DEFAULT_DEFINITION, DEFINITIONS
from digital_deficit.core.errors import DigitalDeficitError, UnknownNameError
from digital_deficit.core.items import AGGREGATE_ITEMS, check_side, get_item
from digital_deficit.core.periods import Period, check_basis, parse_period
from digital_deficit.data.model import Key, Observation
from digital_deficit.data.vintage import vintage_rank


class UnitConflictError(DigitalDeficitError):
    """A country's figures would be held in two units (units are never mixed)."""


class DuplicateObservationError(DigitalDeficitError):
    """The same figure appears twice with the same (or an equally recent) vintage."""


@dataclass(frozen=True)
class Replacement:
    """A figure a merge superseded: the old and the new observation."""

    old: Observation
    new: Observation


@dataclass
class MergeReport:
    """What a merge changed: new figures, superseded figures, and figures it kept."""

    added: int = 0
    replaced: list[Replacement] = field(default_factory=list)
    kept_newer: list[Replacement] = field(default_factory=list)

    def summary(self) -> str:
        """One line for a terminal."""
        return (
            f"{self.added} new figures, {len(self.replaced)} superseded, "
            f"{len(self.kept_newer)} kept (already newer)"
        )


def normalise_key(
    item: str,
    period: str | Period,
    basis: str = "CY",
    definition: str | None = None,
    side: str = "net",
    country: str = "JPN",
) -> Key:
    """Build a lookup key, checking every part and defaulting the definition of aggregates."""
    item_id = get_item(item).id
    country, basis, text, side = normalise_place(period, basis, side, country)
    if item_id in AGGREGATE_ITEMS:
        definition = (definition or DEFAULT_DEFINITION).lower()
        if definition not in DEFINITIONS:
            raise UnknownNameError("definition", definition, tuple(DEFINITIONS))
    else:
        definition = ""
    return (country, basis, text, item_id, definition, side)


def normalise_place(
    period: str | Period, basis: str = "CY", side: str = "net", country: str = "JPN"
) -> tuple[str, str, str, str]:
    """Check and canonicalise the (country, basis, period text, side) part of a key."""
    basis = check_basis(basis)
    text = str(period) if isinstance(period, Period) else str(parse_period(str(period), basis))
    return country.upper(), basis, text, check_side(side)


_NO_SIDES: frozenset[str] = frozenset()


class Dataset:
    """Observations keyed by what they measure; each key may hold several vintages."""

    def __init__(self, observations: Iterable[Observation] = (), origin: str = "") -> None:
        self.origin = origin
        """What the dataset was read from, for display ("embedded ... + boj.csv" when merged)."""
        self.file_origin = origin
        """Where an observation added here comes from, unless ``_origin_by_id`` says otherwise."""
        self._origin_by_id: dict[int, str] = {}
        self._by_key: dict[Key, list[Observation]] = {}
        self._units: dict[str, str] = {}
        # (country, basis, period, item, definition) -> the sides held for it
        self._held_sides: dict[tuple[str, ...], set[str]] = {}
        self.version = 0
        """Counts the figures added: a resolver's cache is good for one version."""
        for obs in observations:
            self._add(obs)

    def unit(self, country: str = "JPN") -> str | None:
        """The one unit this dataset holds the country's figures in (None when it has none)."""
        return self._units.get(country)

    def _check_unit(self, obs: Observation, where: str = "") -> None:
        held = self._units.setdefault(obs.country, obs.unit)
        if held != obs.unit:
            raise UnitConflictError(
                f"{obs.country} figures are in {obs.unit} here but in {held}{where}; expected "
                "one unit per country (units are never mixed)"
            )

    def origin_of(self, obs: Observation) -> str:
        """Where an observation held here was read from: a file's name or the embedded figures.

        After ``a.merged_with(b)`` the observations of ``a`` keep their origin and the others
        have ``b``'s: what tells a figure of the user's data file from an embedded one.
        """
        return self._origin_by_id.get(id(obs), self.file_origin)

    def _add(self, obs: Observation) -> None:
        self._check_unit(obs)
        self.version += 1
        self._origin_by_id.pop(id(obs), None)
        self._held_sides.setdefault(obs.key[:5], set()).add(obs.side)
        held = self._by_key.setdefault(obs.key, [])
        if not held:  # the common case: nothing to compare or sort
            vintage_rank(obs.vintage)
            held.append(obs)
            return
        rank = vintage_rank(obs.vintage)
        for other in held:
            if vintage_rank(other.vintage) == rank:
                raise DuplicateObservationError(
                    f"{'/'.join(obs.key)} is given twice with vintage {other.vintage!r}"
                    f"{'' if other.vintage == obs.vintage else ' and ' + repr(obs.vintage)}"
                )
        held.append(obs)
        held.sort(key=lambda o: vintage_rank(o.vintage))

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values())

    def __iter__(self) -> Iterator[Observation]:
        for held in self._by_key.values():
            yield from held

    @property
    def observations(self) -> list[Observation]:
        """Every observation, every vintage, in key order."""
        return [obs for key in sorted(self._by_key) for obs in self._by_key[key]]

    def get(
        self,
        item: str,
        period: str | Period,
        basis: str = "CY",
        definition: str | None = None,
        side: str = "net",
        country: str = "JPN",
        vintage: str | None = None,
    ) -> Observation | None:
        """The latest revision of a figure (or the one of ``vintage``); None when absent."""
        held = self._by_key.get(normalise_key(item, period, basis, definition, side, country), [])
        if vintage is not None:
            return next((o for o in held if o.vintage == vintage), None)
        return held[-1] if held else None

    def sides_held(
        self, country: str, basis: str, period: str, item: str, definition: str
    ) -> AbstractSet[str]:
        """The sides of this item held for the period (a quick test before lookups)."""
        return self._held_sides.get((country, basis, period, item, definition), _NO_SIDES)

    def latest(self, key: Key, vintage: str | None = None) -> Observation | None:
        """The latest vintage held for a checked key (or the one of ``vintage``); no copies."""
        held = self._by_key.get(key)
        if not held:
            return None
        if vintage is None:
            return held[-1]
        return next((o for o in held if o.vintage == vintage), None)

    def vintages(self, key: Key) -> Sequence[Observation]:
        """All vintages held for a key, oldest first."""
        return tuple(self._by_key.get(key, ()))

    def periods(self, basis: str = "CY", country: str = "JPN") -> list[Period]:
        """Every period on ``basis`` that has at least one figure, in order."""
        basis = check_basis(basis)
        found = {
            parse_period(k[2], basis) for k in self._by_key if k[1] == basis and k[0] == country
        }
        return sorted(found)

    def countries(self) -> list[str]:
        """Country codes present."""
        return sorted({k[0] for k in self._by_key})

    def merged_with(self, newer: Dataset) -> tuple[Dataset, MergeReport]:
        """A copy with ``newer`` read on top: its figures win over equally recent or older ones."""
        result = Dataset(origin=f"{self.origin} + {newer.origin}".strip(" +"))
        result.file_origin = newer.file_origin
        result._by_key = {k: list(v) for k, v in self._by_key.items()}
        result._units = dict(self._units)
        result._held_sides = {k: set(v) for k, v in self._held_sides.items()}
        for place, sides in newer._held_sides.items():
            result._held_sides.setdefault(place, set()).update(sides)
        report = MergeReport()
        for obs in newer.observations:
            result._check_unit(obs, f" in {self.origin or 'the dataset it is read on top of'}")
            held = result._by_key.setdefault(obs.key, [])
            latest_before = held[-1] if held else None
            rank = vintage_rank(obs.vintage)
            same = [o for o in held if vintage_rank(o.vintage) == rank]
            for old in same:
                held.remove(old)
            held.append(obs)
            held.sort(key=lambda o: vintage_rank(o.vintage))
            if latest_before is None:
                report.added += 1
            elif held[-1] is obs:
                report.replaced.append(Replacement(latest_before, obs))
            else:
                report.kept_newer.append(Replacement(obs, held[-1]))
        result._origin_by_id = dict(newer._origin_by_id)
        for held in self._by_key.values():  # the base's figures keep their origin
            for obs in held:
                if any(kept is obs for kept in result._by_key[obs.key]):
                    result._origin_by_id[id(obs)] = self.origin_of(obs)
        return result, report
