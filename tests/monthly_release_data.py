"""A monthly dataset for the release-day tests, built as the BoJ API answers (BoJ API JSON,
``getDataCode`` with ``format=json``: shared/BOJ_API.md and DOMAIN.md section 4; the envelope,
names, units and category fields as ``tests/fixtures/make_fixtures.py`` writes them, real BP01
codes from ``data.boj.catalogue`` and real series names from the BP01 catalogue), then imported
with the package's own importer, as `digital-deficit import` would.

The values are SYNTHETIC (test scaffolding, never facts): 39 months, 2022-01 to 2025-03, every
component of both definitions with credit and debit (charges for the use of IP too, for the
IMF-comparable definition), the headline items and the cash-flow inputs; BoJ-like decimals,
every net exactly credit minus debit. ``VALUES`` keeps them as Decimals, so a test can sum them
independently of the package.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from digital_deficit.data.boj.catalogue import side_code
from digital_deficit.data.csvio import write_dataset
from digital_deficit.data.importers.dispatch import import_file
from digital_deficit.data.model import Observation
from tests.fixtures.make_fixtures import envelope, json_number, names_fields, real_catalogue

D = Decimal
MONTHS: tuple[tuple[int, int], ...] = tuple(
    (2022 + (i // 12), i % 12 + 1) for i in range(39)
)  # 2022-01 .. 2025-03
SIDED: dict[str, tuple[str, str]] = {  # credit and debit in month 0, oku yen
    "copyright_royalties": ("1021.5", "2650.25"),
    "ip_charges": ("4310.75", "5020.5"),
    "telecom_services": ("101.25", "180.5"),
    "computer_services": ("1190.5", "3015.75"),
    "information_services": ("80.25", "210.5"),
    "ict_services": ("1372.0", "3406.75"),  # = the sum of its three parts
    "consulting": ("610.75", "2580.25"),
}
NET_ONLY: dict[str, str] = {
    "current_account": "18120.5",
    "goods": "-3210.25",
    "services": "-2450.75",
    "travel": "4120.5",
    "primary_income": "30150.25",
    "secondary_income": "-1980.5",
    "reinvested_earnings": "9120.25",
    "portfolio_investment_income": "10110.5",
    "bond_interest": "8020.75",
}
JITTER = (D("0.51732161"), D("-0.23948105"), D("0.87104236"), D("-0.40219377"))


def _series(start: str, step: str, t: int) -> Decimal:
    return D(start) + D(step) * t + JITTER[t % 4] * (1 + t % 3)


def values() -> dict[tuple[str, str], dict[tuple[int, int], Decimal]]:
    """(item, side) -> month -> value (oku yen); nets exactly credit - debit."""
    out: dict[tuple[str, str], dict[tuple[int, int], Decimal]] = {}
    parts = ("telecom_services", "computer_services", "information_services")
    for item, (credit, debit) in SIDED.items():
        if item == "ict_services":
            continue
        out[(item, "credit")] = {m: _series(credit, "3.17", t) for t, m in enumerate(MONTHS)}
        out[(item, "debit")] = {m: _series(debit, "9.29", t) for t, m in enumerate(MONTHS)}
    for side in ("credit", "debit"):
        out[("ict_services", side)] = {m: sum(out[(p, side)][m] for p in parts) for m in MONTHS}
    for item in SIDED:
        out[(item, "net")] = {m: out[(item, "credit")][m] - out[(item, "debit")][m] for m in MONTHS}
    for item, start in NET_ONLY.items():
        out[(item, "net")] = {m: _series(start, "41.3", t) for t, m in enumerate(MONTHS)}
    return out


VALUES = values()


def api_json() -> str:
    """The monthly series as a BoJ API JSON response (English)."""
    catalogue = real_catalogue()
    results = []
    for (item, side), series in VALUES.items():
        code = side_code(item, side)
        assert code is not None, (item, side)
        row = catalogue[code]
        results.append(
            {
                "SERIES_CODE": code,
                **names_fields(row["name_en"], row["name_j"], "en"),
                "FREQUENCY": "MONTHLY",
                "LAST_UPDATE": 20250512,
                "VALUES": {
                    "SURVEY_DATES": [y * 100 + m for y, m in MONTHS],
                    "VALUES": [json_number(series[m]) for m in MONTHS],
                },
            }
        )
    return json.dumps(envelope(results, {"DB": "BP01"}), ensure_ascii=False)


def monthly_file(folder: Path) -> Path:
    """The dataset file `digital-deficit import` would write from the API response."""
    response = folder / "boj_monthly.json"
    response.write_text(api_json(), encoding="utf-8")
    out = folder / "monthly.csv"
    write_dataset(out, import_file(response, "boj-json").dataset)
    return out


def total(item: str, side: str, months: list[tuple[int, int]]) -> Decimal:
    """The exact sum of a series over some months."""
    return sum((VALUES[(item, side)][m] for m in months), D(0))


def digital(side: str, month: tuple[int, int], definition: str = "mof3") -> Decimal:
    """The digital balance (payments, receipts) of a definition in a month, summed here."""
    items = {
        "mof3": ("copyright_royalties", "ict_services", "consulting"),
        "narrow": ("copyright_royalties", "computer_services", "consulting"),
    }[definition]
    return sum((VALUES[(i, side)][month] for i in items), D(0))


REVISED_MONTH, REVISED_VINTAGE = "2023-11", "2025-06-10"
ROUNDED_MONTH, ROUNDED_TO = "2024-12", 10.0


def with_marks(observations: list[Observation]) -> list[Observation]:
    """The monthly observations and what makes a mark (SYNTHETIC): consulting's 2023-11
    payments and balance revised later (a digital balance of that month combines two
    vintages: †) and copyright royalties' 2024-12 receipts and balance rounded to 10 oku yen,
    as an analyst's "about" figure (≈)."""
    out = []
    for obs in observations:
        rounded = (obs.basis, obs.period, obs.item) == ("M", ROUNDED_MONTH, "copyright_royalties")
        if rounded and obs.side in ("credit", "net"):
            obs = obs.model_copy(update={"value": round(obs.value, -1), "precision": ROUNDED_TO})
        out.append(obs)
        if obs.basis == "M" and obs.period == REVISED_MONTH and obs.item == "consulting":
            change = {"debit": 25.5, "net": -25.5}.get(obs.side)
            if change is not None:
                out.append(
                    obs.model_copy(update={"value": obs.value + change, "vintage": REVISED_VINTAGE})
                )
    return out
