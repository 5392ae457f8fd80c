"""The same numbers from `metrics --format json`, from the Excel functions and in the briefing's
cached values, for every definition x cash-flow method x basis."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
import xlwings

from digital_deficit import udfs
from digital_deficit.cli.main import main
from digital_deficit.core.catalogue import DIGITAL_SHEET, tagged
from digital_deficit.core.current_account import CF_METHOD_IDS
from digital_deficit.export.i18n import Labels
from digital_deficit.udfs.args import NA
from tests.briefing_fixtures import build, values

pytestmark = pytest.mark.slow

DEFINITIONS = ["mof3", "narrow", "copyright_royalties,computer_services,consulting"]
SHARE = 0.4
EN = Labels("en")


@pytest.fixture(autouse=True)
def _embedded_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DIGITAL_DEFICIT_DATA", raising=False)
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(tmp_path / "absent.conf"))


def _options(definition: str, method: str, basis: str) -> list[str]:
    share = ["--repatriation-share", str(SHARE)] if method == "repatriation" else []
    return ["--basis", basis, "--definition", definition, "--cf-method", method, *share]


def _metrics(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[dict[str, Any]]:
    assert main(["metrics", "--format", "json", *argv]) == 0
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["rows"]
    return rows


def _same(a: object, b: object) -> bool:
    if a is None or b is None or a == NA or b == NA:
        return (a is None or a == NA) and (b is None or b == NA)
    assert isinstance(a, (int, float)) and isinstance(b, (int, float)), (a, b)
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _sheet_rows(ws: Any) -> tuple[dict[int, int], dict[str, int]]:
    years = {ws.cell(4, c).value: c for c in range(3, ws.max_column + 1)}
    labels = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
    return years, labels


@pytest.mark.parametrize("basis", ["CY", "FY"])
@pytest.mark.parametrize("method", CF_METHOD_IDS)
@pytest.mark.parametrize("definition", DEFINITIONS)
def test_metrics_excel_functions_and_briefing_agree(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    definition: str,
    method: str,
    basis: str,
) -> None:
    rows = _metrics(capsys, _options(definition, method, basis))
    share = SHARE if method == "repatriation" else None
    book = values(
        build(
            tmp_path,
            definition=definition,
            cf_method=method,
            basis=basis,
            repatriation_share=share,
        )
    )
    digital_years, digital_rows = _sheet_rows(book["Digital"])
    ca_years, ca_rows = _sheet_rows(book["Current account"])
    base = rows[0]["period"]
    base_value = udfs.dd_value("digital", base, basis, definition)
    compared = 0
    for row in rows:
        period, year = row["period"], int(row["period"])

        def v(item: str, p: str = period, d: str | None = None) -> Any:
            return udfs.dd_value(item, p, basis, d)

        digital = v("digital", d=definition)
        previous = v("digital", str(year - 1), definition)
        from_udfs = {
            "digital": digital,
            "yoy": udfs.dd_yoy(digital, previous),
            "multiple": udfs.dd_growth_multiple(digital, base_value),
            "share_of_services_deficit": udfs.dd_share_of_services_deficit(digital, v("services")),
            "tourism_coverage": udfs.dd_tourism_coverage(v("travel"), digital),
            "oil_ratio": udfs.dd_oil_ratio(digital, v("crude_oil_imports")),
            "cf_current_account": udfs.dd_cf_current_account(
                v("current_account"),
                v("reinvested_earnings"),
                v("portfolio_investment_income"),
                v("bond_interest"),
                method,
                share,
                v("primary_income"),
            ),
        }
        for key, udf_value in from_udfs.items():
            assert _same(udf_value, row[key]), (period, key, udf_value, row[key])
        shown = book["Digital"].cell(digital_rows["Digital balance"], digital_years[year]).value
        assert _same(None if shown == "n/a" else shown * 10000, row["digital"]), period
        for metric in tagged(DIGITAL_SHEET):
            # a row's label, the base year's named in it ("Multiple of the 2014 level")
            label = EN.get(f"row.{metric.id}", EN.metric(metric.id))
            label = label.format(base=EN.fmt(f"period.{basis}", year=base))
            cell = book["Digital"].cell(digital_rows[label], digital_years[year])
            cached = None if cell.value == "n/a" else cell.value
            assert _same(cached, row[metric.id]), (period, metric.id, cached, row[metric.id])
        cf = (
            book["Current account"].cell(ca_rows["Cash-flow current account"], ca_years[year]).value
        )
        assert _same(None if cf == "n/a" else cf * 10000, row["cf_current_account"]), period
        compared += sum(row[k] is not None for k in from_udfs)
    # FY figures hold no digital components (a custom definition has nothing there) and no
    # bond interest (oguro2): only that combination compares nothing but missing values
    assert compared > 0 or (basis, method, definition) == ("FY", "oguro2", DEFINITIONS[-1])
