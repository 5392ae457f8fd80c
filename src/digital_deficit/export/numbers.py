"""Every number the briefing shows, computed by the core on the briefing's inputs.

The workbook's formulas compute the same numbers live; these values become the cached values
of those formulas (what viewers that do not recalculate show).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digital_deficit.core.catalogue import DIGITAL_SHEET, FAMILIES, get_metric, tagged
from digital_deficit.core.definitions import DEFINITIONS, Definition, get_definition
from digital_deficit.core.errors import DigitalDeficitError, InputError
from digital_deficit.core.fx import fx_impact
from digital_deficit.core.items import ITEM_IDS
from digital_deficit.core.periods import Period
from digital_deficit.core.projection import project
from digital_deficit.core.units import to_trillion_yen
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.embedded import load_dataset
from digital_deficit.data.figures import FIRST, LATEST, Figure, Resolver, resolver_for
from digital_deficit.data.headline import Context, HeadlineRow, headline_row, shown_periods
from digital_deficit.data.model import Observation
from digital_deficit.data.vintage import vintage_rank
from digital_deficit.export.options import DEFAULT_TARGET_YEAR, FX_BASE_YEAR, BriefOptions

COMPONENT_ITEMS: tuple[str, ...] = (
    "copyright_royalties",
    "telecom_services",
    "computer_services",
    "information_services",
    "ict_services",
    "consulting",
)
CA_ITEMS: tuple[str, ...] = (
    "goods",
    "services",
    "goods_and_services",
    "travel",
    "primary_income",
    "secondary_income",
    "current_account",
)
INCOME_ITEMS: tuple[str, ...] = (
    "reinvested_earnings",
    "portfolio_investment_income",
    "bond_interest",
)
SIDES: tuple[str, ...] = ("net", "debit", "credit")
PATH_END_YEAR = 2035
"""The projection path is shown at least to this year (METI's 2035 scenarios)."""
LAST_TARGET_YEAR = 2050
"""The furthest target year: the path's columns reach it, shown up to the target year."""
ANALYST = "analyst"
"""The vintage of an analyst's rounded estimate (not a release of the statistics)."""


def comparators() -> tuple[tuple[str, str], ...]:
    """The (item, side) inputs of the Digital sheet's ratios other than the digital balance,
    in the order the ratios first read them (services, goods and services, travel...)."""
    found = {
        (i.item, i.side): None
        for m in tagged(DIGITAL_SHEET)
        for i in m.inputs
        if i.item is not None and i.item != "digital"
    }
    return tuple(found)


class TargetYearError(DigitalDeficitError):
    """The projection target year is not after the last year shown (or the base year of the
    growth multiple is not among the years shown)."""


def tn(value: float | None) -> float | None:
    """Oku yen to ¥ trillion (the core's conversion); None stays None."""
    return None if value is None else to_trillion_yen(value)


@dataclass
class BriefNumbers:
    """The core's numbers for one briefing. Money in oku yen unless a name says tn."""

    options: BriefOptions
    dataset: Dataset
    definitions: tuple[Definition, ...]
    """The definitions of the Digital sheet: mof3, narrow and the chosen one if custom."""
    years: list[int]
    lead_in: int | None
    components: dict[str, dict[int, Figure]]
    by_definition: dict[tuple[str, str], dict[int, Figure]]
    ca_items: dict[str, dict[int, Figure]]
    comparators: dict[str, dict[int, Figure]]
    """The Digital sheet's comparators not on the Current account sheet (crude-oil imports)."""
    headline: dict[int, HeadlineRow]
    by_method: dict[str, dict[str, dict[int, float | None]]]
    """Every member of every family (the four cash-flow methods), per year."""
    ca_gap: dict[int, float | None]
    path_years: list[int]
    projection: dict[int, float | None]
    at_target: float | None
    fx_base: float | None
    fx: float | None
    target_year: int
    base_year: int
    first: dict[str, dict[int, Figure]] = field(default_factory=dict)
    """First releases where they differ from the figure shown, by row key (``comp:<item>``,
    ``def:<side>:<definition>``, ``ca:<item>``); empty unless the latest release is shown."""
    observations: list[Observation] = field(default_factory=list)
    """Every observation used: the figures shown and their first releases (the Data sheet)."""
    shown: list[Observation] = field(default_factory=list)
    """The observations behind the figures shown (first releases left out)."""

    @property
    def grid_years(self) -> list[int]:
        """Columns of the period tables: the lead-in year (if any) and the years shown."""
        return ([self.lead_in] if self.lead_in is not None else []) + self.years

    def period(self, year: int) -> Period:
        """The period of ``year`` on the briefing's basis."""
        return Period(self.options.basis, year)

    @property
    def definition(self) -> Definition:
        """The chosen definition."""
        return get_definition(self.options.definition)

    @property
    def definition_ids(self) -> tuple[str, ...]:
        """The ids of the Digital sheet's definitions (custom for a list of items)."""
        return tuple(d.id for d in self.definitions)

    def selected(self, year: int) -> float | None:
        """The digital balance of the chosen definition in ``year`` (lead-in included)."""
        return self.by_definition[("net", self.definition.id)][year].value

    def released(self, year: int, definition: str | None = None) -> bool:
        """Whether the digital balance of ``year`` comes from a release (rounded or not), not
        only from an analyst's estimate: the figures the key messages state."""
        fig = self.by_definition[("net", definition or self.definition.id)][year]
        return fig.value is not None and all(o.vintage != ANALYST for o in fig.sources)

    def latest(self, metric: str, released_digital: bool = False) -> tuple[int, float] | None:
        """The last year shown with ``metric`` present (and, if asked, a released digital
        balance)."""
        for year in reversed(self.years):
            value = self.headline[year].values[metric]
            if value is not None and (not released_digital or self.released(year)):
                return year, value
        return None


def compute(options: BriefOptions, dataset: Dataset | None = None) -> BriefNumbers:
    """Run the core on the briefing's inputs."""
    data = dataset if dataset is not None else load_dataset(options.data)
    basis = options.basis
    resolver = resolver_for(data, "JPN", options.release)
    found = shown_periods(data, basis, options.start, options.end, options.base_year)
    years = list(range(found[0].year, found[-1].year + 1))
    base_year = options.base_year if options.base_year is not None else years[0]
    if base_year not in years:  # the sheets look the base year up among their columns
        raise TargetYearError(
            f"base year {base_year} is not among the years shown ({years[0]}-{years[-1]})"
        )
    chosen = get_definition(options.definition)
    definitions = (*DEFINITIONS.values(), *((chosen,) if chosen.id == "custom" else ()))

    def fig_digital(year: int, definition: Definition, side: str) -> Figure:
        return resolver.digital(Period(basis, year), basis, definition, side)

    previous = years[0] - 1
    lead_in = (
        previous
        if any(fig_digital(previous, d, "net").value is not None for d in definitions)
        else None
    )
    grid = ([lead_in] if lead_in is not None else []) + years
    shown_items = COMPONENT_ITEMS + tuple(i for i in chosen.items if i not in COMPONENT_ITEMS)
    components = {
        item: {y: resolver.figure(item, Period(basis, y), basis) for y in grid}
        for item in shown_items
    }
    by_definition = {
        (side, d.id): {y: fig_digital(y, d, side) for y in grid}
        for side in SIDES
        for d in definitions
    }
    ca_items = {
        item: {y: resolver.figure(item, Period(basis, y), basis) for y in grid}
        for item in CA_ITEMS + INCOME_ITEMS
    }
    others = {
        item: {y: resolver.figure(item, Period(basis, y), basis, side) for y in grid}
        for item, side in comparators()
        if item not in ca_items
    }
    context = Context(
        resolver,
        basis,
        chosen,
        Period(basis, base_year),
        {"repatriation_share": options.repatriation_share},
        options.cf_method,
    )
    headline = {y: headline_row(context, Period(basis, y)) for y in years}
    by_method = {
        family.name: {
            variant: {y: context.compute(entry, Period(basis, y)).value for y in years}
            for variant, entry in family.members.items()
        }
        for family in FAMILIES.values()
    }
    gap = get_metric("ca_gap")
    ca_gap = {y: context.compute(gap, Period(basis, y)).value for y in years}
    if options.target_year is not None and options.target_year <= years[-1]:
        raise TargetYearError(
            f"target year {options.target_year} is not after the last year shown "
            f"({years[-1]}); give a year from {years[-1] + 1} on"
        )
    target = options.target_year or max(DEFAULT_TARGET_YEAR, years[-1] + 1)
    path_years = list(range(years[-1] + 1, max(LAST_TARGET_YEAR, target) + 1))
    xs = [float(y) for y in years]
    ys = [headline[y].values["digital"] for y in years]

    def projected(goal: int) -> float | None:
        try:
            return _scalar(project(xs, ys, goal, options.projection_method))
        except InputError:
            return None

    projection = {y: projected(y) for y in path_years}
    at_target = projected(target)
    # the formula looks the base year up in every column of the Digital sheet, lead-in included
    fx_base = (
        by_definition[("net", chosen.id)][FX_BASE_YEAR].value if FX_BASE_YEAR in grid else None
    )
    fx = (
        _scalar(fx_impact(fx_base, at_target, options.yen_per_doubling))
        if fx_base is not None and at_target is not None
        else None
    )
    numbers = BriefNumbers(
        options=options,
        dataset=data,
        definitions=definitions,
        years=years,
        lead_in=lead_in,
        components=components,
        by_definition=by_definition,
        ca_items=ca_items,
        comparators=others,
        headline=headline,
        by_method=by_method,
        ca_gap=ca_gap,
        path_years=path_years,
        projection=projection,
        at_target=at_target,
        fx_base=fx_base,
        fx=fx,
        target_year=target,
        base_year=base_year,
    )
    if options.release == LATEST:
        numbers.first = _first_releases(numbers, resolver_for(data, "JPN", FIRST))
    numbers.observations = _observations_used(numbers)
    numbers.shown = _observations_used(numbers, with_first=False)
    return numbers


def _differs(shown: Figure, first: Figure) -> bool:
    if shown.value is None or first.value is None:
        return False
    return abs(shown.value - first.value) > 1e-9 * max(abs(shown.value), 1.0)


def _first_releases(numbers: BriefNumbers, first: Resolver) -> dict[str, dict[int, Figure]]:
    """The first release of every figure of the period tables where it differs from the one
    shown (the latest revision), by row key."""
    basis = numbers.options.basis
    definitions = {d.id: d for d in numbers.definitions}

    def resolve(key: str, year: int) -> Figure:
        kind, _, rest = key.partition(":")
        if kind == "def":
            side, _, definition = rest.partition(":")
            return first.digital(Period(basis, year), basis, definitions[definition], side)
        return first.figure(rest, Period(basis, year), basis)

    tables = {
        **{f"comp:{item}": per_year for item, per_year in numbers.components.items()},
        **{f"def:{s}:{d}": per_year for (s, d), per_year in numbers.by_definition.items()},
        **{f"ca:{item}": per_year for item, per_year in numbers.ca_items.items()},
    }
    out: dict[str, dict[int, Figure]] = {}
    for key, per_year in tables.items():
        for year, fig in per_year.items():
            found = resolve(key, year) if fig.value is not None else fig
            if _differs(fig, found):
                out.setdefault(key, {})[year] = found
    return out


def _scalar(value: object) -> float | None:
    return value if isinstance(value, float) else None


def _observations_used(numbers: BriefNumbers, with_first: bool = True) -> list[Observation]:
    figures: list[Figure] = []
    for table in (numbers.components, numbers.ca_items):
        for per_year in table.values():
            figures.extend(per_year.values())
    for per_year in numbers.by_definition.values():
        figures.extend(per_year.values())
    for per_year in numbers.comparators.values():
        figures.extend(per_year.values())
    for per_year in numbers.first.values() if with_first else ():
        figures.extend(per_year.values())
    for row in numbers.headline.values():
        figures.append(Figure(None, tuple(row.sources)))
    seen: dict[tuple[str, ...], Observation] = {}
    for fig in figures:
        for obs in fig.sources:
            seen.setdefault((*obs.key, obs.vintage), obs)
    order = {item: i for i, item in enumerate(ITEM_IDS)}
    return sorted(
        seen.values(),
        key=lambda o: (
            order[o.item],
            o.definition,
            SIDES.index(o.side),
            o.period,
            vintage_rank(o.vintage),
        ),
    )
