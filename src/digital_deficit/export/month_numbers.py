"""The monthly figures of a release-day briefing, computed by the core: every month the data
hold, the latest month, and each series the Months and Latest release sheets show.

Money stays in oku yen (the unit in which MOF and the BoJ publish monthly figures). A series is
shown only where the data hold it for some month; the components and sides that never appear
are named (``missing``), never filled with zeros.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digital_deficit.core.catalogue import FAMILIES
from digital_deficit.core.definitions import Definition
from digital_deficit.core.periods import Period, period_of_month
from digital_deficit.data.figures import Figure, resolver_for
from digital_deficit.data.headline import Context
from digital_deficit.data.model import Observation
from digital_deficit.export.numbers import COMPONENT_ITEMS, SIDES, BriefNumbers

Revision = tuple[float, tuple[str, ...], float, tuple[str, ...]]
"""A figure's first release and its latest: (value, vintages, value, vintages)."""
RELEASE_ITEMS: tuple[str, ...] = ("current_account", "services", "travel")
"""The items the Latest release shows beside the digital balance, where the data hold them."""


@dataclass(frozen=True)
class Series:
    """One monthly series: its key (a Months sheet column), what it is, its value each month."""

    key: str
    item: str
    side: str = "net"
    values: tuple[float | None, ...] = ()
    figures: tuple[Figure, ...] = ()
    """The core's figures (a data series); empty for a series computed from others."""

    @property
    def present(self) -> bool:
        return any(v is not None for v in self.values)


@dataclass
class MonthNumbers:
    """The monthly side of one briefing."""

    numbers: BriefNumbers
    months: list[Period]
    latest: int
    """Index of the latest month: the last with the digital balance (else any figure)."""
    digital: dict[tuple[str, str], Series]
    """(side, definition id) -> the digital balance, payments or receipts of a definition."""
    selected: dict[str, Series]
    """side -> the chosen definition's series."""
    components: list[Series]
    items: list[Series]
    cf_inputs: dict[str, Series]
    cf_members: dict[str, Series]
    cf_selected: Series | None
    missing: list[tuple[str, str]] = field(default_factory=list)
    """(item, side) of the components never held in a month shown."""
    first_release: dict[str, Revision] = field(default_factory=dict)
    """Series key -> (first value, its vintage, latest value, its vintage) in the latest month,
    where the data hold an earlier release that differs."""

    @property
    def basis(self) -> str:
        return self.numbers.options.basis

    @property
    def latest_month(self) -> Period:
        return self.months[self.latest]

    def ytd_indices(self, end: int | None = None) -> list[int]:
        """The months of the (fiscal) year to date ending at ``end`` (default: the latest)."""
        stop = self.latest if end is None else end
        year = period_of_month(self.months[stop].year, self.months[stop].index, self.basis)
        start = stop
        while start > 0:
            before = self.months[start - 1]
            if period_of_month(before.year, before.index, self.basis) != year:
                break
            start -= 1
        first_month = year.months()[0]
        if (self.months[start].year, self.months[start].index) != first_month:
            return []  # the data start after the year began: no year to date
        return list(range(start, stop + 1))

    def release_series(self) -> list[Series]:
        """The Latest release rows in order: the digital balance, payments and receipts, each
        component on each side held, the other items, the cash-flow figure."""
        rows = [self.selected[side] for side in SIDES]
        rows += self.components + self.items
        if self.cf_selected is not None:
            rows.append(self.cf_selected)
        return rows

    @property
    def markable(self) -> bool:
        """Whether any monthly cell can show a mark under some choice on Assumptions: a
        rounded monthly figure (≈), or monthly figures of more than one vintage (†)."""
        found = self.observations()
        return any(o.precision > 1 for o in found) or len({o.vintage for o in found}) > 1

    def observations(self) -> list[Observation]:
        """Every observation a monthly figure was made from (for the Data sheet)."""
        seen: dict[tuple[str, ...], Observation] = {}
        groups = [*self.digital.values(), *self.components, *self.items, *self.cf_inputs.values()]
        for series in groups:
            for fig in series.figures:
                for obs in fig.sources:
                    seen.setdefault((*obs.key, obs.vintage), obs)
        return list(seen.values())


def _month_range(numbers: BriefNumbers) -> list[Period]:
    """Every month from the first to the last the data hold for Japan, within --from/--to
    (years on the briefing's basis)."""
    o = numbers.options
    held = [
        p
        for p in numbers.dataset.periods("M")
        if (o.start is None or period_of_month(p.year, p.index, o.basis).year >= o.start)
        and (o.end is None or period_of_month(p.year, p.index, o.basis).year <= o.end)
    ]
    if not held:
        return []
    months, month = [], held[0]
    while month <= held[-1]:
        months.append(month)
        month = month.shift(1)
    return months


def compute_months(numbers: BriefNumbers) -> MonthNumbers | None:
    """The monthly numbers, or None when the data hold no month (an annual-only briefing)."""
    months = _month_range(numbers)
    if not months:
        return None
    o = numbers.options
    resolver = resolver_for(numbers.dataset, "JPN", o.release)

    def data_series(key: str, item: str, side: str, d: Definition | None = None) -> Series:
        figures = tuple(
            resolver.digital(p, "M", d, side) if d else resolver.figure(item, p, "M", side)
            for p in months
        )
        return Series(key, item, side, tuple(f.value for f in figures), figures)

    digital = {
        (side, d.id): data_series(f"def:{side}:{d.id}", "digital", side, d)
        for side in SIDES
        for d in numbers.definitions
    }
    chosen = numbers.definition.id
    selected = {
        side: Series(f"sel:{side}", "digital", side, digital[(side, chosen)].values)
        for side in SIDES
    }
    shown = COMPONENT_ITEMS + tuple(i for i in numbers.definition.items if i not in COMPONENT_ITEMS)
    components: list[Series] = []
    missing: list[tuple[str, str]] = []
    for item in shown:
        for side in SIDES:
            series = data_series(f"comp:{item}:{side}", item, side)
            if series.present:
                components.append(series)
            else:
                missing.append((item, side))
    items = [s for i in RELEASE_ITEMS if (s := data_series(f"item:{i}", i, "net")).present]
    family = next(iter(FAMILIES.values()))
    wanted = {i.item for m in family.members.values() for i in m.inputs if i.item is not None}
    cf_inputs = {item: data_series(f"in:{item}", item, "net") for item in sorted(wanted)}
    context = Context(
        resolver,
        "M",
        numbers.definition,
        None,
        {"repatriation_share": o.repatriation_share},
        o.cf_method,
    )
    members = {
        variant: Series(
            f"cf:{variant}",
            family.name,
            values=tuple(context.compute(entry, p).value for p in months),
        )
        for variant, entry in family.members.items()
    }
    chosen_member = family.member(getattr(o, family.option)).variant
    cf_selected = (
        Series("cf:sel", family.name, values=members[chosen_member].values)
        if members[chosen_member].present
        else None
    )
    latest = _latest(months, selected["net"], items)
    result = MonthNumbers(
        numbers,
        months,
        latest,
        digital,
        selected,
        components,
        items,
        cf_inputs,
        members,
        cf_selected,
        missing,
    )
    result.first_release = _revisions(result, chosen)
    return result


def _latest(months: list[Period], digital: Series, items: list[Series]) -> int:
    for series in (digital, *items):
        found = [i for i, v in enumerate(series.values) if v is not None]
        if found:
            return found[-1]
    return len(months) - 1


def _revisions(months: MonthNumbers, chosen: str) -> dict[str, Revision]:
    """Where the latest month's digital balance (or another item) was first released as a
    different figure than the one shown: both, with their vintages."""
    o = months.numbers.options
    other = "first" if o.release == "latest" else "latest"
    resolver = resolver_for(months.numbers.dataset, "JPN", other)
    period = months.latest_month
    out: dict[str, Revision] = {}
    shown_figures: list[tuple[Series, Definition | None]] = [
        (months.digital[("net", chosen)], months.numbers.definition)
    ]
    shown_figures += [(s, None) for s in months.items]
    for series, definition in shown_figures:
        fig = series.figures[months.latest]
        alt = (
            resolver.digital(period, "M", definition, "net")
            if definition
            else resolver.figure(series.item, period, "M", "net")
        )
        if fig.value is None or alt.value is None or alt.value == fig.value:
            continue
        first, latest = (alt, fig) if o.release == "latest" else (fig, alt)
        assert first.value is not None and latest.value is not None
        key = "sel:net" if definition else series.key
        out[key] = (first.value, first.vintages, latest.value, latest.vintages)
    return out
