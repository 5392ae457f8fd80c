"""Catalogue metrics per period, from a dataset: what `metrics`, `brief` and the UDFs share.

``Context`` reads a metric's inputs (items on a side, in the period, the previous period or the
base period; other metrics; parameters) through a resolver and evaluates the catalogue entry;
``headline_rows`` does it for every headline column of every period shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digital_deficit.core.catalogue import headline, member
from digital_deficit.core.current_account import DEFAULT_CF_METHOD, get_cf_method
from digital_deficit.core.definitions import DEFAULT_DEFINITION, Definition, get_definition
from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.core.evaluate import OVERFLOW, explain
from digital_deficit.core.metric import Input, Metric
from digital_deficit.core.periods import Period, check_basis
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.figures import Figure, Resolver, resolver_for
from digital_deficit.data.model import Observation
from digital_deficit.data.vintage import oldest_first


@dataclass(frozen=True)
class Computed:
    """A metric's value for one period and the figures it was computed from."""

    value: float | None
    figures: tuple[Figure, ...]
    """Every input figure (other periods included)."""
    own: tuple[Figure, ...]
    """The input figures of the period itself (whose vintages should agree)."""
    overflow: bool = False

    @property
    def rounded(self) -> bool:
        """Built on at least one rounded figure (an analyst's "about" estimate)."""
        return self.value is not None and any(f.precision > 1 for f in self.figures)

    @property
    def vintages(self) -> tuple[str, ...]:
        """The vintages of the period's own inputs, oldest first."""
        return tuple(oldest_first(o.vintage for f in self.own for o in f.sources))

    @property
    def mixed(self) -> bool:
        """Combines figures of the same period from different vintages."""
        return self.value is not None and len(self.vintages) > 1


@dataclass
class Context:
    """Where a metric's inputs come from: a resolver, a basis, a definition, a base period and
    the parameters the user gave (the repatriation share...)."""

    resolver: Resolver
    basis: str
    definition: Definition
    base: Period | None = None
    parameters: dict[str, float | None] = field(default_factory=dict)
    cf_method: str = DEFAULT_CF_METHOD

    def figure(self, inp: Input, period: Period) -> Figure | None:
        """The figure an item input reads (None for an input that is not an item)."""
        if inp.item is None:
            return None
        when = {
            "period": period,
            "previous": period.shift(-1),
            "year_ago": period.year_ago(),
            "base": self.base,
        }[inp.when]
        if when is None:
            return Figure(None)
        return self.resolver.figure(inp.item, when, self.basis, inp.side, self.definition)

    def compute(self, metric: Metric, period: Period) -> Computed:
        """The metric's value in ``period`` and the figures behind it."""
        values: dict[str, float | None] = {}
        figures: list[Figure] = []
        own: list[Figure] = []
        for inp in metric.inputs:
            if inp.metric is not None:
                sub = self.compute(member(inp.metric, {"cf_method": self.cf_method}), period)
                values[inp.name] = sub.value
                figures += sub.figures
                own += sub.own
                continue
            fig = self.figure(inp, period)
            if fig is None:
                values[inp.name] = self.parameters.get(inp.name)
                continue
            values[inp.name] = fig.value
            figures.append(fig)
            if inp.when == "period":
                own.append(fig)
        value, why = explain(metric.expr, values)
        return Computed(value, tuple(figures), tuple(own), why == OVERFLOW)


@dataclass
class HeadlineRow:
    """One period's headline metrics; None is missing. Money in the data's unit (oku yen)."""

    period: Period
    values: dict[str, float | None]
    sources: list[Observation] = field(default_factory=list)
    rounded: frozenset[str] = frozenset()
    """Metrics built on at least one rounded figure (an analyst's "about" estimate)."""
    mixed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Metrics combining figures of the period from different vintages: the vintages."""
    overflow: frozenset[str] = frozenset()
    """Metrics missing because the result is too large for a number."""


class PeriodRangeError(DigitalDeficitError):
    """The years asked for hold no figures, or the base year holds none."""


def shown_periods(
    dataset: Dataset,
    basis: str,
    start: int | None,
    end: int | None,
    base_year: int | None = None,
    country: str = "JPN",
) -> list[Period]:
    """The annual periods on ``basis`` from ``start`` to ``end`` that hold figures: what
    `metrics` and `brief` show. None of them, or a base year that holds no figures (the growth
    multiple would be n/a in every period), is a PeriodRangeError naming the years held."""
    held = dataset.periods(basis, country)
    span = (
        f"the figures run from {held[0].label} to {held[-1].label}"
        if held
        else f"the data hold no {basis} figures for {country}"
    )
    periods = [
        p for p in held if (start is None or p.year >= start) and (end is None or p.year <= end)
    ]
    if not periods:
        raise PeriodRangeError(
            f"no {basis} figures between {start or 'the first year'} and "
            f"{end or 'the last year'}; {span}"
        )
    if base_year is not None and Period(basis, base_year) not in held:
        raise PeriodRangeError(f"base year {base_year} has no {basis} figures; {span}")
    return periods


def headline_rows(
    dataset: Dataset,
    basis: str = "CY",
    definition: str | Definition = DEFAULT_DEFINITION,
    cf_method: str = DEFAULT_CF_METHOD,
    start: int | None = None,
    end: int | None = None,
    base_year: int | None = None,
    country: str = "JPN",
    repatriation_share: float | None = None,
    release: str | None = None,
) -> list[HeadlineRow]:
    """Headline metrics for every annual period on ``basis`` from ``start`` to ``end``
    (``shown_periods``: a range without figures is a PeriodRangeError).

    ``base_year`` (default: the first period shown) anchors the growth multiple; ``release``
    is latest (default), first, or a vintage (see ``data.figures.Resolver``).
    """
    basis = check_basis(basis)
    method = get_cf_method(cf_method)
    periods = shown_periods(dataset, basis, start, end, base_year, country)
    base = Period(basis, base_year) if base_year is not None else periods[0]
    context = Context(
        resolver_for(dataset, country, release),
        basis,
        get_definition(definition),
        base,
        {"repatriation_share": repatriation_share},
        method.id,
    )
    return [headline_row(context, period) for period in periods]


def headline_row(context: Context, period: Period) -> HeadlineRow:
    """Every headline column of one period."""
    computed = {
        column: context.compute(metric, period) for column, metric in headline(context.cf_method)
    }
    used = [f for c in computed.values() if c.value is not None for f in c.figures]
    return HeadlineRow(
        period,
        {k: c.value for k, c in computed.items()},
        _observations(used),
        frozenset(k for k, c in computed.items() if c.rounded),
        {k: c.vintages for k, c in computed.items() if c.mixed},
        frozenset(k for k, c in computed.items() if c.overflow),
    )


def _observations(figures: list[Figure]) -> list[Observation]:
    seen: dict[tuple[str, ...], Observation] = {}
    for fig in figures:
        for obs in fig.sources:
            seen.setdefault((*obs.key, obs.vintage), obs)
    return list(seen.values())
