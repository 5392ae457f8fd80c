"""The same numbers from a UDF, from the core and from `digital-deficit metrics`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import xlwings

from digital_deficit import udfs
from digital_deficit.core import comparisons, growth
from digital_deficit.core.current_account import cf_current_account
from digital_deficit.data.embedded import embedded_dataset
from digital_deficit.data.figures import digital_figure, item_figure
from digital_deficit.udfs.args import NA


@pytest.fixture(autouse=True)
def _embedded_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DIGITAL_DEFICIT_DATA", raising=False)
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(tmp_path / "absent.conf"))


def _metrics(*args: str) -> list[dict[str, Any]]:
    env = {k: v for k, v in os.environ.items() if k != "DIGITAL_DEFICIT_DATA"}
    out = subprocess.run(
        [sys.executable, "-m", "digital_deficit.cli.main", "metrics", "--format", "json", *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    rows: list[dict[str, Any]] = json.loads(out)["rows"]
    return rows


def _none(value: object) -> object:
    return None if value == NA else value


@pytest.mark.parametrize("basis", ["CY", "FY"])
@pytest.mark.slow
def test_udfs_match_core_and_cli(basis: str) -> None:
    rows = _metrics("--basis", basis)
    assert rows, "the CLI printed no periods"
    data = embedded_dataset()
    base = rows[0]["period"]
    base_value = udfs.dd_value("digital", base, basis)
    checked = 0
    for row in rows:
        period = row["period"]
        previous = str(int(period) - 1)

        def v(item: str, side: str = "net", p: str = period) -> object:
            return udfs.dd_value(item, p, basis, None, side)

        digital = v("digital")
        core_digital = digital_figure(data, period, basis).value
        assert _none(digital) == core_digital == row["digital"]
        assert _none(v("digital", "debit")) == row["digital_payments"]
        assert _none(v("digital", "credit")) == row["digital_receipts"]
        for item in ("services", "goods_and_services", "travel", "current_account"):
            core_value = item_figure(data, item, period, basis).value
            assert _none(v(item)) == core_value == row[item], (period, item)
        assert _none(v("crude_oil_imports", "debit")) == row["crude_oil_imports"]

        d, prev = _none(digital), _none(v("digital", p=previous))
        assert _none(udfs.dd_yoy(digital, v("digital", p=previous))) == row["yoy"]
        assert growth.yoy_change(d, prev) == row["yoy"]  # type: ignore[arg-type]
        assert _none(udfs.dd_growth_multiple(digital, base_value)) == row["multiple"]
        services = v("services")
        assert (
            _none(udfs.dd_share_of_services_deficit(digital, services))
            == comparisons.share_of_services_deficit(d, _none(services))  # type: ignore[arg-type]
            == row["share_of_services_deficit"]
        )
        assert _none(udfs.dd_tourism_coverage(v("travel"), digital)) == row["tourism_coverage"]
        oil = v("crude_oil_imports", "debit")
        assert _none(udfs.dd_oil_ratio(digital, oil)) == row["oil_ratio"]
        ca = v("current_account")
        reinvested = v("reinvested_earnings")
        portfolio = v("portfolio_investment_income")
        udf_cf = _none(udfs.dd_cf_current_account(ca, reinvested, portfolio))
        assert udf_cf == row["cf_current_account"]
        if udf_cf is not None:
            checked += 1
            assert udf_cf == cf_current_account(ca, reinvested, portfolio)  # type: ignore[arg-type]
    if basis == "FY":
        assert checked == 1  # FY2023 has every karakama input published


@pytest.mark.slow
def test_cli_and_udf_agree_on_a_known_headline() -> None:
    (row,) = [r for r in _metrics("--from", "2024", "--to", "2024")]
    assert row["digital"] == udfs.dd_value("digital", 2024) == -68000.0
    assert row["tourism_coverage"] == udfs.dd_tourism_coverage(58973, -68000) == 58973 / 68000
