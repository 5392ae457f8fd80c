"""Other countries beside Japan: the digital balance on an IMF-comparable definition (charges
for the use of intellectual property + telecommunications, computer and information services +
professional and management consulting: IMF data do not split copyright royalties out of IP
charges), payments and receipts, per calendar year, in million US dollars.

Other countries come from IMF data (``import``), already in million US dollars. Japan comes
from IMF data where the file has it, else from the briefing's oku-yen figures converted at the
rate the user gives (``--usdjpy``): 1 oku yen = 100 million yen = 100 / rate million dollars.
A country, item or year the data do not hold is missing and named, never zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digital_deficit.core.definitions import Definition, get_definition
from digital_deficit.core.periods import Period
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.figures import Figure, resolver_for
from digital_deficit.data.model import Observation
from digital_deficit.export.numbers import SIDES, BriefNumbers

COMPARABLE: Definition = get_definition("ip_charges,ict_services,consulting")
JAPAN = "JPN"
OKU_IN_MILLIONS = 100  # 1 oku yen = 100 million yen

IMF = "imf"
CONVERTED = "converted"
NO_RATE = "no_rate"


@dataclass(frozen=True)
class CountryRow:
    """One country's comparable figures: per (side, year) the figure in its own unit and the
    value in million US dollars (None: missing)."""

    country: str
    how: str
    """imf (figures in million US dollars), converted (Japan's oku yen at the rate) or
    no_rate (Japan's oku-yen figures, no rate given: not shown)."""
    figures: dict[tuple[str, int], Figure]
    values: dict[tuple[str, int], float | None]
    missing_items: tuple[str, ...] = ()

    @property
    def held(self) -> bool:
        return any(f.value is not None for f in self.figures.values())


@dataclass
class CountryNumbers:
    """The Countries sheet's numbers."""

    rows: list[CountryRow]
    years: list[int]
    base_year: int
    latest_year: int
    rate: float | None
    not_found: list[str] = field(default_factory=list)

    def observations(self, how: str) -> list[Observation]:
        """The observations behind the rows of one kind (imf: the country data table)."""
        seen: dict[tuple[str, ...], Observation] = {}
        for row in self.rows:
            if row.how != how:
                continue
            for fig in row.figures.values():
                for obs in fig.sources:
                    seen.setdefault((*obs.key, obs.vintage), obs)
        return sorted(seen.values(), key=lambda o: (o.country, o.item, o.side, o.period))


def requested(options_compare: str | None) -> list[str]:
    """The countries asked for, Japan left out (it is always shown)."""
    codes = [c for c in (options_compare or "").split(",") if c]
    return [c for c in dict.fromkeys(codes) if c != JAPAN]


def _row(
    dataset: Dataset, country: str, years: list[int], how: str, rate: float | None, release: str
) -> CountryRow:
    resolver = resolver_for(dataset, country, release)
    figures = {
        (side, y): resolver.digital(Period("CY", y), "CY", COMPARABLE, side)
        for side in SIDES
        for y in years
    }
    scale = 1.0 if how == IMF else (OKU_IN_MILLIONS / rate if rate else None)
    values = {
        k: None if f.value is None or scale is None else f.value * scale for k, f in figures.items()
    }
    missing = tuple(
        item
        for item in COMPARABLE.items
        if not any(
            resolver.figure(item, Period("CY", y), "CY", side).value is not None
            for y in years
            for side in SIDES
        )
    )
    return CountryRow(country, how, figures, values, missing)


def compute_countries(
    numbers: BriefNumbers, apart: Dataset, countries: list[str]
) -> CountryNumbers:
    """The comparison: Japan first, then the countries asked for, in their order."""
    data = numbers.dataset
    rate, release = numbers.options.usdjpy, numbers.options.release
    held_years = {
        p.year
        for c in [*countries, JAPAN]
        for source in (data, apart)
        for p in source.periods("CY", c)
        if source is apart or c != JAPAN
    }
    years = sorted(held_years) or sorted(p.year for p in data.periods("CY", JAPAN))[-3:]
    japan_imf = bool(apart.periods("CY", JAPAN))
    rows = [
        _row(apart, JAPAN, years, IMF, None, release)
        if japan_imf
        else _row(data, JAPAN, years, CONVERTED if rate else NO_RATE, rate, release)
    ]
    not_found: list[str] = []
    for country in countries:
        row = _row(data, country, years, IMF, None, release)
        if not any(data.periods(b, country) for b in ("CY", "Q", "M")):
            not_found.append(country)
        rows.append(row)
    balances = [
        y for y in years if any(r.values[("net", y)] is not None for r in rows if r.how == IMF)
    ]
    latest = balances[-1] if balances else years[-1]
    base = numbers.options.base_year
    base_year = base if base in years and base is not None and base < latest else years[0]
    return CountryNumbers(rows, years, base_year, latest, rate, not_found)
