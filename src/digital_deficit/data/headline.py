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
        d = digital.value
        previous = digital_figure(dataset, period.shift(-1), basis, chosen, country=country)
        services = figs.get("services")
        gs = figs.get("goods_and_services")
        travel = figs.get("travel")
        oil = figs.get("crude_oil_imports", "debit")
        values: dict[str, float | None] = {
            "digital": d,
            "digital_payments": figs.digital(chosen, "debit").value,
            "digital_receipts": figs.digital(chosen, "credit").value,
            "yoy": _scalar(growth.yoy_change(d, previous.value)),
            "multiple": _scalar(growth.growth_multiple(d, base_fig.value if base_fig else None)),
            "services": services,
            "share_of_services_deficit": _scalar(
                comparisons.share_of_services_deficit(d, services)
            ),
            "goods_and_services": gs,
            "share_of_gs_deficit": _scalar(comparisons.share_of_goods_and_services_deficit(d, gs)),
            "travel": travel,
            "tourism_coverage": _scalar(comparisons.tourism_coverage(travel, d)),
            "crude_oil_imports": oil,
            "oil_ratio": _scalar(comparisons.oil_ratio(d, oil)),
            "current_account": figs.get("current_account"),
            "cf_current_account": figs.cash_flow(method.id, repatriation_share),
        }
        rows.append(HeadlineRow(period, values, figs.sources()))
    return rows


_CF_INPUT_ITEMS = {
    "reinvested_earnings": "reinvested_earnings",
    "portfolio_income": "portfolio_investment_income",
    "bond_interest": "bond_interest",
    "primary_income": "primary_income",
}


class _PeriodFigures:
    """Looks up one period's figures and remembers which observations were used."""

    def __init__(self, dataset: Dataset, period: Period, basis: str, country: str) -> None:
        self.dataset, self.period, self.basis, self.country = dataset, period, basis, country
        self.used: list[Figure] = []

    def get(self, item: str, side: str = "net") -> float | None:
        fig = item_figure(self.dataset, item, self.period, self.basis, side, None, self.country)
        self.used.append(fig)
        return fig.value

    def digital(self, definition: Definition, side: str = "net") -> Figure:
        fig = digital_figure(self.dataset, self.period, self.basis, definition, side, self.country)
        self.used.append(fig)
        return fig

    def cash_flow(self, method_id: str, repatriation_share: float | None) -> float | None:
        method = get_cf_method(method_id)
        if method.id == "repatriation" and repatriation_share is None:
            return None
        ca = self.get("current_account")
        inputs = {n: self.get(_CF_INPUT_ITEMS[n]) for n in method.needs if n in _CF_INPUT_ITEMS}
        if ca is None or any(v is None for v in inputs.values()):
            return None
        return _scalar(
            cf_current_account(
                ca, method=method.id, repatriation_share=repatriation_share, **inputs
            )
        )

    def sources(self) -> list[Observation]:
        seen: dict[tuple[str, ...], Observation] = {}
        for fig in self.used:
            for obs in fig.sources:
                seen.setdefault((*obs.key, obs.vintage), obs)
        return list(seen.values())
