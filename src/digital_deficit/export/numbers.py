"""Every number the briefing shows, computed by the core on the briefing's inputs.

The workbook's formulas compute the same numbers live; these values become the cached values
of those formulas (what viewers that do not recalculate show).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digital_deficit.core.current_account import (
    CF_METHOD_IDS,
    cf_current_account,
    get_cf_method,
)
from digital_deficit.core.definitions import DEFINITIONS
from digital_deficit.core.errors import InputError
from digital_deficit.core.fx import fx_impact
from digital_deficit.core.growth import difference
from digital_deficit.core.items import ITEM_IDS
from digital_deficit.core.periods import Period
from digital_deficit.core.projection import project
from digital_deficit.core.units import to_trillion_yen
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.embedded import load_dataset
from digital_deficit.data.figures import Figure, digital_figure, item_figure
from digital_deficit.data.headline import METRIC_LABELS, HeadlineRow, headline_rows
from digital_deficit.data.model import Observation
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
DEFINITION_IDS: tuple[str, ...] = tuple(DEFINITIONS)
PATH_END_YEAR = 2035


class NoPeriodsError(ValueError):
    """The dataset has no periods on the basis in the range asked for."""


class TargetYearError(ValueError):
    """The projection target year is not after the last year shown."""


def tn(value: float | None) -> float | None:
    """Oku yen to ¥ trillion (the core's conversion); None stays None."""
    return None if value is None else to_trillion_yen(value)


@dataclass
class BriefNumbers:
    """The core's numbers for one briefing. Money in oku yen unless a name says tn."""

    options: BriefOptions
    dataset: Dataset
    years: list[int]
    lead_in: int | None
    components: dict[str, dict[int, Figure]]
    by_definition: dict[tuple[str, str], dict[int, Figure]]
    ca_items: dict[str, dict[int, Figure]]
    oil: dict[int, Figure]
    headline: dict[int, HeadlineRow]
    cf_by_method: dict[str, dict[int, float | None]]
    ca_gap: dict[int, float | None]
    path_years: list[int]
    projection: dict[int, float | None]
    at_target: float | None
    fx_base: float | None
    fx: float | None
    target_year: int
    base_year: int
    observations: list[Observation] = field(default_factory=list)

    @property
    def grid_years(self) -> list[int]:
        """Columns of the period tables: the lead-in year (if any) and the years shown."""
        return ([self.lead_in] if self.lead_in is not None else []) + self.years

    def period(self, year: int) -> Period:
        """The period of ``year`` on the briefing's basis."""
        return Period(self.options.basis, year)

    def selected(self, year: int) -> float | None:
        """The digital balance of the chosen definition in ``year`` (lead-in included)."""
        return self.by_definition[("net", self.options.definition)][year].value

    def exact(self, year: int, definition: str | None = None) -> bool:
        """Whether the digital balance of ``year`` is an exact figure (not a rounded estimate)."""
        fig = self.by_definition[("net", definition or self.options.definition)][year]
        return fig.value is not None and fig.precision <= 1

    def latest(self, metric: str, exact_digital: bool = False) -> tuple[int, float] | None:
        """The last year shown with ``metric`` present (and, if asked, an exact digital balance)."""
        for year in reversed(self.years):
            value = self.headline[year].values[metric]
            if value is not None and (not exact_digital or self.exact(year)):
                return year, value
        return None


def compute(options: BriefOptions, dataset: Dataset | None = None) -> BriefNumbers:
    """Run the core on the briefing's inputs."""
    data = dataset if dataset is not None else load_dataset(options.data)
    basis = options.basis
    found = [
        p.year
        for p in data.periods(basis)
        if (options.start is None or p.year >= options.start)
        and (options.end is None or p.year <= options.end)
    ]
    if not found:
        raise NoPeriodsError(
            f"no {basis} figures between {options.start or 'the first year'} and "
            f"{options.end or 'the last year'}"
        )
    years = list(range(found[0], found[-1] + 1))
    base_year = years[0]

    def fig_digital(year: int, definition: str, side: str) -> Figure:
        return digital_figure(data, Period(basis, year), basis, definition, side)

    previous = years[0] - 1
    lead_in = (
        previous
        if any(fig_digital(previous, d, "net").value is not None for d in DEFINITION_IDS)
        else None
    )
    grid = ([lead_in] if lead_in is not None else []) + years
    components = {
        item: {y: item_figure(data, item, Period(basis, y), basis) for y in grid}
        for item in COMPONENT_ITEMS
    }
    by_definition = {
        (side, d): {y: fig_digital(y, d, side) for y in grid}
        for side in SIDES
        for d in DEFINITION_IDS
    }
    ca_items = {
        item: {y: item_figure(data, item, Period(basis, y), basis) for y in grid}
        for item in CA_ITEMS + INCOME_ITEMS
    }
    oil = {
        y: item_figure(data, "crude_oil_imports", Period(basis, y), basis, "debit") for y in grid
    }

    def rows(method: str, share: float | None) -> dict[int, HeadlineRow]:
        found_rows = headline_rows(
            data,
            basis,
            options.definition,
            method,
            years[0],
            years[-1],
            base_year,
            repatriation_share=share,
        )
        return {r.period.year: r for r in found_rows}

    headline = rows(options.cf_method, options.repatriation_share)
    # Years without any figure are absent from headline_rows: every metric is missing there.
    for year in years:
        headline.setdefault(year, HeadlineRow(Period(basis, year), dict.fromkeys(METRIC_LABELS)))
    cf_by_method = {
        method: {
            y: headline[y].values["cf_current_account"]
            if method == options.cf_method
            else _cash_flow(method, ca_items, y, options.repatriation_share)
            for y in years
        }
        for method in CF_METHOD_IDS
    }
    ca_gap = {
        y: _scalar(
            difference(headline[y].values["current_account"], cf_by_method[options.cf_method][y])
        )
        for y in years
    }
    if options.target_year is not None and options.target_year <= years[-1]:
        raise TargetYearError(
            f"target year {options.target_year} is not after the last year shown "
            f"({years[-1]}); give a year from {years[-1] + 1} on"
        )
    target = options.target_year or max(DEFAULT_TARGET_YEAR, years[-1] + 1)
    path_years = list(range(years[-1] + 1, max(PATH_END_YEAR, target) + 1))
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
        by_definition[("net", options.definition)][FX_BASE_YEAR].value
        if FX_BASE_YEAR in grid
        else None
    )
    fx = (
        _scalar(fx_impact(fx_base, at_target, options.yen_per_doubling))
        if fx_base is not None and at_target is not None
        else None
    )
    numbers = BriefNumbers(
        options=options,
        dataset=data,
        years=years,
        lead_in=lead_in,
        components=components,
        by_definition=by_definition,
        ca_items=ca_items,
        oil=oil,
        headline=headline,
        cf_by_method=cf_by_method,
        ca_gap=ca_gap,
        path_years=path_years,
        projection=projection,
        at_target=at_target,
        fx_base=fx_base,
        fx=fx,
        target_year=target,
        base_year=base_year,
    )
    numbers.observations = _observations_used(numbers)
    return numbers


_CF_INPUTS = {
    "reinvested_earnings": "reinvested_earnings",
    "portfolio_income": "portfolio_investment_income",
    "bond_interest": "bond_interest",
    "primary_income": "primary_income",
}


def _cash_flow(
    method: str, figures: dict[str, dict[int, Figure]], year: int, share: float | None
) -> float | None:
    """The core's cash-flow current account from the year's figures (missing if any input is)."""
    chosen = get_cf_method(method)
    ca = figures["current_account"][year].value
    inputs = {n: figures[_CF_INPUTS[n]][year].value for n in chosen.needs if n in _CF_INPUTS}
    if ca is None or any(v is None for v in inputs.values()):
        return None
    if chosen.id == "repatriation" and share is None:
        return None
    return _scalar(cf_current_account(ca, method=chosen.id, repatriation_share=share, **inputs))


def _scalar(value: object) -> float | None:
    return value if isinstance(value, float) else None


def _observations_used(numbers: BriefNumbers) -> list[Observation]:
    figures: list[Figure] = []
    for table in (numbers.components, numbers.ca_items):
        for per_year in table.values():
            figures.extend(per_year.values())
    for per_year in numbers.by_definition.values():
        figures.extend(per_year.values())
    figures.extend(numbers.oil.values())
    for row in numbers.headline.values():
        figures.append(Figure(None, tuple(row.sources)))
    seen: dict[tuple[str, ...], Observation] = {}
    for fig in figures:
        for obs in fig.sources:
            seen.setdefault((*obs.key, obs.vintage), obs)
    order = {item: i for i, item in enumerate(ITEM_IDS)}
    return sorted(
        seen.values(),
        key=lambda o: (order[o.item], o.definition, SIDES.index(o.side), o.period, o.vintage),
    )
