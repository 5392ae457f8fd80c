"""LibreOffice recalculates the briefing to the cached values (= the core's), with no errors;
changing an assumption moves every dependent number; pages render in English and Japanese."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests import libreoffice as lo
from tests.briefing_fixtures import build, differences, formula_cells, same, values

# On CI (environment variable CI set) a missing LibreOffice is a failure, not a skip.
pytestmark = [
    pytest.mark.skipif(
        not lo.available() and not os.environ.get("CI"),
        reason="LibreOffice/pdftoppm not installed",
    ),
    pytest.mark.slow,
]


@pytest.fixture(scope="module", autouse=True)
def _installed() -> None:
    if not lo.available():
        pytest.fail(
            "CI is set but soffice or pdftoppm is missing: install libreoffice-calc-nogui "
            "and poppler-utils (see .ci/run)"
        )


ERRORS = ("#REF!", "#NAME?", "#DIV/0!", "#VALUE!", "#NUM!", "#NULL!", "Err:")
VARIANTS: dict[str, dict[str, Any]] = {
    "default": {},
    "narrow_linear_repatriation": {
        "definition": "narrow",
        "projection_method": "linear",
        "cf_method": "repatriation",
        "repatriation_share": 0.4,
        "start": 2015,
        "target_year": 2040,
    },
    "fy_ja": {"basis": "FY", "lang": "ja"},
    # the lead-in year (2023) is the FX base year: looked up in the lead-in column
    "from_2024": {"start": 2024},
    "short_range": {
        "start": 2019,
        "end": 2022,
        "cf_method": "oguro2",
        "projection_method": "linear",
    },
    # a custom definition (as metrics takes it): a third definition row group, four components
    "custom_items": {
        "definition": "ip_charges,computer_services,consulting,information_services",
        "base_year": 2022,
        "release": "first",
    },
}


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return lo.make_profile(tmp_path_factory.mktemp("lo"))


@pytest.fixture(scope="module")
def recalculated(
    profile: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, Path]]:
    """Each variant: (as built, as recalculated by LibreOffice)."""
    out: dict[str, tuple[Path, Path]] = {}
    for name, options in VARIANTS.items():
        tmp = tmp_path_factory.mktemp(name)
        built = build(tmp, f"{name}.xlsx", **options)
        out[name] = (built, lo.recalculate(profile, built, tmp / "recalc"))
    return out


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_recalculated_values_equal_cached_values(
    recalculated: dict[str, tuple[Path, Path]], variant: str
) -> None:
    built, recalc = recalculated[variant]
    assert len(list(formula_cells(built))) > 150
    assert differences(built, recalc) == []


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_no_error_values_and_na_only_in_chart_data(
    recalculated: dict[str, tuple[Path, Path]], variant: str
) -> None:
    _, recalc = recalculated[variant]
    book = CalamineWorkbook.from_path(str(recalc))
    chart_sheet = "グラフ用データ" if variant == "fy_ja" else "Chart data"
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python():
            for value in row:
                text = str(value)
                assert not any(text.startswith(e) for e in ERRORS), (name, text)
                if text == "#N/A":
                    assert name == chart_sheet


def test_key_numbers_after_recalculation(recalculated: dict[str, tuple[Path, Path]]) -> None:
    _, recalc = recalculated["default"]
    wb = values(recalc)
    digital = wb["Digital"]
    header = {digital.cell(4, c).value: c for c in range(3, digital.max_column + 1)}
    row = {digital.cell(r, 1).value: r for r in range(5, digital.max_row + 1)}
    at = lambda label, year: digital.cell(row[label], header[year]).value  # noqa: E731
    # 2024 as revised in the MIC white paper 2025-07 (about ¥6.8T mof3, ¥6.7T narrow)
    assert at("Digital balance", 2024) == pytest.approx(-6.8, rel=1e-12)
    assert at("Digital balance, narrow", 2024) == pytest.approx(-6.7, rel=1e-12)
    assert at("Digital balance", 2015) == "n/a"
    assert at("Travel surplus / digital deficit", 2024) == pytest.approx(58973 / 68000, rel=1e-9)
    # base year 2014: 2.15 trillion yen (published, rounded to 100 oku yen)
    assert at("Multiple of the 2014 level", 2024) == pytest.approx(68000 / 21500, rel=1e-9)
    ca = wb["Current account"]
    cf_row = next(r for r in range(5, ca.max_row + 1) if ca.cell(r, 2).value == "karakama")
    # the revised 2022 current account (107,144) less Karakama's "about" figures
    assert ca.cell(cf_row, header[2022]).value == pytest.approx(-10.8856, rel=1e-9)


def test_fx_base_in_the_lead_in_year(recalculated: dict[str, tuple[Path, Path]]) -> None:
    built, recalc = recalculated["from_2024"]
    for wb in (values(built), values(recalc)):
        outlook = wb["Outlook"]
        label = {outlook.cell(r, 1).value: r for r in range(1, outlook.max_row + 1)}
        # the 2023 digital deficit (mof3) as revised: 5.5194 trillion yen
        base = outlook.cell(label["Digital balance in the FX base year"], 3).value
        assert base == pytest.approx(-5.5194, rel=1e-12)
        fx_row = label["Implied yen depreciation vs USD (¥ per $)"]
        # 5.5 × log2(projected 2030 / base): CAGR from 2024 (about -68,000) to 2025 (about
        # -67,000), both rounded estimates
        projected = 67000 * (67000 / 68000) ** 5
        assert outlook.cell(fx_row, 3).value == pytest.approx(5.5 * math.log2(projected / 55194))
    rule = next(
        v
        for v in openpyxl.load_workbook(built)["Assumptions"].data_validations.dataValidation
        if "C15" in str(v.sqref) or "B15" in str(v.sqref)
    )
    assert (rule.formula1, rule.formula2) == ("2023", "2025")


def test_changing_assumptions_moves_every_dependent_number(
    recalculated: dict[str, tuple[Path, Path]],
    profile: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Edit the inputs of the default briefing; LibreOffice must then give what a briefing built
    with those options caches (the core's numbers for them)."""
    tmp = tmp_path_factory.mktemp("edited")
    built, _ = recalculated["default"]
    wb = openpyxl.load_workbook(built)
    inputs = wb["Assumptions"]
    names = {
        name: wb.defined_names[name].attr_text.split("!")[1].replace("$", "")
        for name in (
            "Definition",
            "CF_Method",
            "Projection_Method",
            "Yen_Per_Doubling",
            "Target_Year",
        )
    }
    inputs[names["Definition"]] = "narrow"
    inputs[names["CF_Method"]] = "oguro1"
    inputs[names["Projection_Method"]] = "linear"
    inputs[names["Yen_Per_Doubling"]] = 6.0
    inputs[names["Target_Year"]] = 2033
    edited = tmp / "edited.xlsx"
    wb.save(edited)
    fresh = values(lo.recalculate(profile, edited, tmp / "recalc"))
    expected_path = build(
        tmp,
        "expected.xlsx",
        definition="narrow",
        cf_method="oguro1",
        projection_method="linear",
        yen_per_doubling=6.0,
        target_year=2033,
    )
    expected = values(expected_path)
    wrong = [
        (s, c, expected[s][c].value, fresh[s][c].value)
        for s, c, _ in formula_cells(expected_path)
        if not same(expected[s][c].value, fresh[s][c].value)
    ]
    assert wrong == []
    assert fresh["Cover"]["C14"].value.endswith("(narrow definition).")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_pages_render_to_png(
    profile: Path, tmp_path_factory: pytest.TempPathFactory, lang: str
) -> None:
    tmp = tmp_path_factory.mktemp(f"render-{lang}")
    built = build(tmp, f"briefing-{lang}.xlsx", lang=lang)
    pngs = lo.render(profile, built, tmp / "pages")
    # cover, summary, digital, current account, outlook, assumptions, data, sources (+ overflow)
    assert len(pngs) >= 8
    assert all(p.stat().st_size > 10_000 for p in pngs)
