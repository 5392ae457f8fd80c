"""The headline metrics per period, from a dataset: what `metrics`, `brief` and the UDFs share."""

from __future__ import annotations

from dataclasses import dataclass, field

from digital_deficit.core import comparisons, growth
from digital_deficit.core.current_account import (
    DEFAULT_CF_METHOD,
    cf_current_account,
    get_cf_method,
)
from digital_deficit.core.definitions import DEFAULT_DEFINITION, Definition, get_definition
from digital_deficit.core.periods import Period, check_basis
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.figures import Figure, digital_figure, item_figure
from digital_deficit.data.model import Observation

METRIC_LABELS: dict[str, tuple[str, str]] = {
    "digital": ("Digital balance", "oku yen"),
    "digital_payments": ("Digital payments", "oku yen"),
    "digital_receipts": ("Digital receipts", "oku yen"),
    "yoy": ("Change on previous period", "ratio"),
    "multiple": ("Multiple of base period", "times"),
    "services": ("Services balance", "oku yen"),
    "share_of_services_deficit": ("Digital / services deficit", "ratio"),
    "goods_and_services": ("Goods and services balance", "oku yen"),
    "share_of_gs_deficit": ("Digital / goods-and-services deficit", "ratio"),
    "travel": ("Travel balance", "oku yen"),
    "tourism_coverage": ("Travel surplus / digital deficit", "ratio"),
    "crude_oil_imports": ("Crude-oil imports", "oku yen"),
    "oil_ratio": ("Digital deficit / crude-oil imports", "ratio"),
    "current_account": ("Current account", "oku yen"),
    "cf_current_account": ("Cash-flow current account", "oku yen"),
}


@dataclass
class HeadlineRow:
    """One period's headline metrics; None is missing. Money in oku yen."""

    period: Period
    values: dict[str, float | None]
    sources: list[Observation] = field(default_factory=list)
    rounded: frozenset[str] = frozenset()
    """Metrics built on at least one rounded figure (an analyst's "about" estimate)."""


def _scalar(value: object) -> float | None:
    return value if isinstance(value, float) or value is None else None


def headline_rows(
    dataset: Dataset,
    basis: str = "CY",
    definition: str = DEFAULT_DEFINITION,
    cf_method: str = DEFAULT_CF_METHOD,
    start: int | None = None,
    end: int | None = None,
    base_year: int | None = None,
    country: str = "JPN",
    repatriation_share: float | None = None,
) -> list[HeadlineRow]:
    """Headline metrics for every annual period on ``basis`` from ``start`` to ``end``.

    ``base_year`` (default: the first period shown) anchors the growth multiple.
    """
    basis = check_basis(basis)
    chosen = get_definition(definition)
    method = get_cf_method(cf_method)
    periods = [
        p
        for p in dataset.periods(basis, country)
        if (start is None or p.year >= start) and (end is None or p.year <= end)
    ]
    base = Period(basis, base_year) if base_year is not None else (periods[0] if periods else None)
    base_fig = digital_figure(dataset, base, basis, chosen, country=country) if base else None
    rows: list[HeadlineRow] = []
    for period in periods:
        figs = _PeriodFigures(dataset, period, basis, country)
        digital = figs.digital(chosen)
        previous = digital_figure(dataset, period.shift(-1), basis, chosen, country=country)
        d = digital.value
        services, gs = figs.fig("services"), figs.fig("goods_and_services")
        travel, oil = figs.fig("travel"), figs.fig("crude_oil_imports", "debit")
        ca = figs.fig("current_account")
        cf_value, cf_inputs = figs.cash_flow(method.id, repatriation_share)
        base_value = base_fig.value if base_fig else None
        computed: dict[str, tuple[object, list[Figure]]] = {
            "digital": (d, [digital]),
            "digital_payments": _own(figs.digital(chosen, "debit")),
            "digital_receipts": _own(figs.digital(chosen, "credit")),
            "yoy": (growth.yoy_change(d, previous.value), [digital, previous]),
            "multiple": (
                growth.growth_multiple(d, base_value),
                [digital, *([base_fig] if base_fig else [])],
            ),
            "services": _own(services),
            "share_of_services_deficit": (
                comparisons.share_of_services_deficit(d, services.value),
                [digital, services],
            ),
            "goods_and_services": _own(gs),
            "share_of_gs_deficit": (
                comparisons.share_of_goods_and_services_deficit(d, gs.value),
                [digital, gs],
            ),
            "travel": _own(travel),
            "tourism_coverage": (comparisons.tourism_coverage(travel.value, d), [digital, travel]),
            "crude_oil_imports": _own(oil),
            "oil_ratio": (comparisons.oil_ratio(d, oil.value), [digital, oil]),
            "current_account": _own(ca),
            "cf_current_account": (cf_value, cf_inputs),
        }
        values = {k: _scalar(v) for k, (v, _) in computed.items()}
        used = [f for k, (_, inputs) in computed.items() if values[k] is not None for f in inputs]
        rounded = frozenset(
            k
            for k, (_, inputs) in computed.items()
            if values[k] is not None and any(f.precision > 1 for f in inputs)
        )
        rows.append(HeadlineRow(period, values, _observations(used), rounded))
    return rows


def _own(figure: Figure) -> tuple[object, list[Figure]]:
    return figure.value, [figure]


def _observations(figures: list[Figure]) -> list[Observation]:
    seen: dict[tuple[str, ...], Observation] = {}
    for fig in figures:
        for obs in fig.sources:
            seen.setdefault((*obs.key, obs.vintage), obs)
    return list(seen.values())


_CF_INPUT_ITEMS = {
    "reinvested_earnings": "reinvested_earnings",
    "portfolio_income": "portfolio_investment_income",
    "bond_interest": "bond_interest",
    "primary_income": "primary_income",
}


class _PeriodFigures:
    """Looks up one period's figures."""

    def __init__(self, dataset: Dataset, period: Period, basis: str, country: str) -> None:
        self.dataset, self.period, self.basis, self.country = dataset, period, basis, country

    def fig(self, item: str, side: str = "net") -> Figure:
        return item_figure(self.dataset, item, self.period, self.basis, side, None, self.country)

    def digital(self, definition: Definition, side: str = "net") -> Figure:
        return digital_figure(self.dataset, self.period, self.basis, definition, side, self.country)

    def cash_flow(
        self, method_id: str, repatriation_share: float | None
    ) -> tuple[float | None, list[Figure]]:
        """The cash-flow current account and the figures it was computed from."""
        method = get_cf_method(method_id)
        if method.id == "repatriation" and repatriation_share is None:
            return None, []
        ca = self.fig("current_account")
        inputs = {n: self.fig(_CF_INPUT_ITEMS[n]) for n in method.needs if n in _CF_INPUT_ITEMS}
        used = [ca, *inputs.values()]
        if ca.value is None or any(f.value is None for f in inputs.values()):
            return None, used
        value = cf_current_account(
            ca.value,
            method=method.id,
            repatriation_share=repatriation_share,
            **{n: f.value for n, f in inputs.items()},
        )
        return _scalar(value), used
