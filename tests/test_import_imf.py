"""IMF data-portal SDMX (StructureSpecificData XML and SDMX-JSON 2.0): SCALE="6" on each series
while OBS_VALUE is in plain US dollars (DOMAIN.md section 4); stored in million US dollars.

The fixtures (make_fixtures.py) hold two real values quoted in DOMAIN.md, the direct-investment
assets of 2022: Japan 174943442053.1513 US dollars and the United States 388847000000, which is
BEA's $388,847 million; the US quarterly series are synthetic plain-dollar values.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digital_deficit.cli.main import main
from digital_deficit.data.figures import item_figure
from digital_deficit.data.importers.dispatch import import_file, sniff_format
from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.imf_sdmx import read_imf_dollars
from tests.fixtures.make_fixtures import portal_values

FIXTURES = Path(__file__).parent / "fixtures"
PORTAL = ("imf_portal_bop.xml", "imf_portal_bop.json")


@pytest.mark.parametrize("name", PORTAL)
def test_known_magnitudes_come_out_in_millions(name: str) -> None:
    dollars = read_imf_dollars((FIXTURES / name).read_bytes(), name)
    assert dollars["JPN.D_F.A_NFA_T"] == {(2022, 1): 174943.4420531513}  # ≈ $175 billion
    assert dollars["USA.D_F.A_NFA_T"] == {(2022, 1): 388847.0}  # BEA: $388,847 million


def _exact_millions(values: list[str]) -> float:
    return float(sum(Decimal(v) for v in values) / Decimal(1_000_000))


@pytest.mark.parametrize("name", PORTAL)
def test_headline_indicators_map_for_other_countries(name: str) -> None:
    path = FIXTURES / name
    assert sniff_format(path.read_bytes(), name) == "imf-sdmx"
    result = import_file(path, vintage="2026-05-20")
    data = result.dataset
    usa = portal_values()
    q1 = data.get("current_account", "2023Q1", "Q", country="USA")
    assert q1 is not None and (q1.value, q1.unit, q1.vintage) == (
        float(Decimal(usa[("USA", "NETCD_T", "CAB")][0]) / Decimal(1_000_000)),
        "usd_million",
        "2026-03-31",
    )
    assert "stored in millions" in q1.source
    for item, indicator in (("current_account", "CAB"), ("goods", "G"), ("services", "S"),
                            ("primary_income", "IN1"), ("secondary_income", "IN2"),
                            ("travel", "SD")):  # fmt: skip
        cy = item_figure(data, item, "2024", country="USA")
        assert cy.value == _exact_millions(usa[("USA", "NETCD_T", indicator)][4:]), item
    parts = sum(
        item_figure(data, i, "2023", country="USA").value or 0.0
        for i in ("goods", "services", "primary_income", "secondary_income")
    )
    assert item_figure(data, "current_account", "2023", country="USA").value == pytest.approx(
        parts, abs=1e-6
    )
    expected = {
        "JPN.D_F.A_NFA_T: indicator or entry not mapped; skipped",
        "USA.D_F.A_NFA_T: indicator or entry not mapped; skipped",
    }
    assert expected <= set(result.imported.warnings)
    if name.endswith(".xml"):
        assert "USA.CAB.NETCD_T is in PT_GDP: only US dollars are kept; skipped" in (
            result.imported.warnings
        )


def test_metrics_for_another_country(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "usa.csv"
    assert main(["import", str(FIXTURES / "imf_portal_bop.json"), "--out", str(out)]) == 0
    capsys.readouterr()
    args = ["metrics", "--data", str(out), "--country", "USA", "--format", "json",
            "--definition", "ip_charges,ict_services,consulting"]  # fmt: skip
    assert main(args) == 0
    payload = json.loads(capsys.readouterr().out)
    rows = {r["period"]: r for r in payload["rows"]}
    usa = portal_values()
    assert payload["unit"] == "usd_million"
    assert rows["2024"]["current_account"] == _exact_millions(usa[("USA", "NETCD_T", "CAB")][4:])


def test_a_scale_file_with_values_already_scaled_is_refused(tmp_path: Path) -> None:
    text = (FIXTURES / "imf_portal_bop.xml").read_text("utf-8")
    small = text
    for values in portal_values().values():
        for v in values:
            small = small.replace(f'OBS_VALUE="{v}"', 'OBS_VALUE="1.5"')
    small = small.replace("174943442053.1513", "174943.44").replace("388847000000", "388847")
    small = small.replace('OBS_VALUE="174943.44"', 'OBS_VALUE="1"').replace(
        'OBS_VALUE="388847"', 'OBS_VALUE="2"'
    )
    path = tmp_path / "scaled.xml"
    path.write_text(small, "utf-8")
    with pytest.raises(ImportFileError) as info:
        import_file(path, vintage="2026-05-20")
    assert str(info.value) == (
        f"{path}: carries SCALE but every value is below 1,000: these are not plain US dollars "
        "as the IMF data portal sends them (already scaled?); nothing imported (no guess)"
    )


def _portal_json(values: list[Decimal]) -> bytes:
    quarters = [f"{2000 + i // 4}-Q{i % 4 + 1}" for i in range(len(values))]
    message = {
        "meta": {"id": "x", "prepared": "2026-03-31T00:00:00Z", "sender": {"id": "IMF"}},
        "data": {
            "structures": [
                {
                    "dimensions": {
                        "series": [
                            {"id": d, "keyPosition": n, "values": [{"id": v}]}
                            for n, (d, v) in enumerate(
                                [
                                    ("COUNTRY", "FRA"),
                                    ("BOP_ACCOUNTING_ENTRY", "CD_T"),
                                    ("INDICATOR", "SI"),
                                    ("UNIT", "USD"),
                                    ("FREQUENCY", "Q"),
                                ]
                            )
                        ],
                        "observation": [
                            {"id": "TIME_PERIOD", "values": [{"value": q} for q in quarters]}
                        ],
                    },
                    "attributes": {"series": [{"id": "SCALE", "values": [{"value": "6"}]}]},
                }
            ],
            "dataSets": [
                {
                    "series": {
                        "0:0:0:0:0": {
                            "attributes": [0],
                            "observations": {str(i): [f"N{v}"] for i, v in enumerate(values)},
                        }
                    }
                }
            ],
        },
    }
    text = json.dumps(message)
    for v in values:
        text = text.replace(f'"N{v}"', str(v))
    return text.encode()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.lists(
        st.decimals(1000, 10**13, places=4, allow_nan=False, allow_infinity=False),
        min_size=1,
        max_size=12,
    )
)
def test_any_portal_series_reads_back_in_exact_millions(
    tmp_path: Path, values: list[Decimal]
) -> None:
    path = tmp_path / "portal.json"
    path.write_bytes(_portal_json(values))
    data = import_file(path, vintage="2026-05-20").dataset
    for i, v in enumerate(values):
        period = f"{2000 + i // 4}Q{i % 4 + 1}"
        obs = data.get("ict_services", period, "Q", side="credit", country="FRA")
        assert obs is not None and obs.value == float(v.scaleb(-6))
