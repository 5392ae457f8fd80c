"""Small parts of the exporter: text cells, Excel-like rounding, cache injection, labels,
options and scenario files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from pydantic import ValidationError

from digital_deficit.export.cells import (
    CacheBook,
    ExcelError,
    Formula,
    excel_fixed,
    put,
    quote_sheet,
)
from digital_deficit.export.i18n import Labels, missing_keys
from digital_deficit.export.options import BriefOptions
from digital_deficit.export.package import MissingCacheError, add_cached_values
from digital_deficit.export.scenarios import ScenarioFileError, load_scenarios


def test_excel_fixed_rounds_half_away_from_zero() -> None:
    assert excel_fixed(6.6506, 2) == "6.65"
    assert excel_fixed(6.655, 2) == "6.66"  # binary 6.65499..., Excel rounds the decimal
    assert excel_fixed(-10.1568, 2) == "-10.16"
    assert excel_fixed(0.9473, 0) == "1"
    assert excel_fixed(-0.001, 2) == "0.00"
    assert excel_fixed(3.1669, 1) == "3.2"
    # a value of 1e308 in a data file once raised decimal.InvalidOperation here (issue 11)
    assert excel_fixed(1e308, 2) == "1" + "0" * 308 + ".00"


def test_text_is_never_a_formula() -> None:
    ws = Workbook().active
    cache = CacheBook()
    for i, text in enumerate(["=1+1", "+A1", "-A1", "@SUM(A1)", "plain"], start=1):
        cell = put(ws, f"A{i}", text, cache)
        assert cell.data_type == "s"
        assert cell.value == text
    assert len(cache) == 0
    put(ws, "B1", Formula("=1+1", 2.0), cache)
    assert cache.get(ws.title, "B1") == 2.0
    with pytest.raises(ValueError, match="must start with '='"):
        Formula("1+1", 2.0)


def test_quote_sheet() -> None:
    assert quote_sheet("Current account") == "'Current account'"
    assert quote_sheet("Analyst's") == "'Analyst''s'"


def _saved(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_cached_values_are_written_with_their_types() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "S"
    cache = CacheBook()
    put(ws, "A1", Formula("=1/4", 0.25), cache)
    put(ws, "A2", Formula('="n/"&"a"', "n/a"), cache)
    put(ws, "A3", Formula("=NA()", ExcelError("#N/A")), cache)
    put(ws, "A4", Formula("=1=1", True), cache)
    package = add_cached_values(_saved(wb), cache)
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(package)).read("xl/worksheets/sheet1.xml").decode()
    assert '<c r="A1"><f>1/4</f><v>0.25</v></c>' in xml
    assert '<c r="A2" t="str"><f>"n/"&amp;"a"</f><v>n/a</v></c>' in xml
    assert '<c r="A3" t="e"><f>NA()</f><v>#N/A</v></c>' in xml
    assert '<c r="A4" t="b"><f>1=1</f><v>1</v></c>' in xml


def test_a_formula_without_cached_value_is_refused() -> None:
    wb = Workbook()
    wb.active.title = "S"
    wb.active["B2"] = "=1+1"
    with pytest.raises(MissingCacheError, match=r"S!B2 has a formula but no cached value"):
        add_cached_values(_saved(wb), CacheBook())


def test_both_languages_have_every_label() -> None:
    assert missing_keys() == {"ja": set(), "en": set()}
    assert Labels("ja")["sheet.digital"] == "デジタル収支"
    assert Labels("ja").cf_formula("oguro1") == "経常収支－再投資収益（純）"
    assert Labels("en").cf_formula("oguro1") == "current account - net reinvested earnings"


def test_options_are_checked() -> None:
    assert BriefOptions(basis="fy", definition="NARROW").basis == "FY"
    with pytest.raises(ValidationError, match="needs repatriation_share"):
        BriefOptions(cf_method="repatriation")
    with pytest.raises(ValidationError, match="start 2024 is after end 2020"):
        BriefOptions(start=2024, end=2020)
    with pytest.raises(ValidationError, match="'custom' is not a definition"):
        BriefOptions(definition="custom")
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        BriefOptions(colour="red")  # type: ignore[call-arg]


def _scenarios(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenarios.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_scenario_file(tmp_path: Path) -> None:
    path = _scenarios(
        tmp_path,
        """
[defaults]
lang = "ja"
from = 2018
data = "figures.csv"

[[scenario]]
name = "base"

[[scenario]]
name = "narrow-linear"
definition = "narrow"
projection_method = "linear"
lang = "en"
out = "custom.xlsx"
""",
    )
    jobs = load_scenarios(path, tmp_path / "out")
    assert [(n, o.lang, o.start, o.definition, t.name) for n, o, t in jobs] == [
        ("base", "ja", 2018, "mof3", "base.xlsx"),
        ("narrow-linear", "en", 2018, "narrow", "custom.xlsx"),
    ]
    assert {o.data for _, o, _ in jobs} == {str(tmp_path / "figures.csv")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[scenario]]\nname = "a"\ncolour = "red"\n', "scenario 1: unknown key 'colour'"),
        ('[defaults]\nlanguage = "ja"\n[[scenario]]\nname = "a"\n', "unknown key 'language'"),
        ('[[scenario]]\ndefinition = "narrow"\n', "scenario 1: missing key 'name'"),
        ('[[scenario]]\nname = "a"\n[[scenario]]\nname = "a"\n', "as does a"),
        ('[[scenario]]\nname = "a/b"\n', "name 'a/b' contains '/', a path separator"),
        ('[[scenario]]\nname = "a"\ncf_method = "repatriation"\n', "needs repatriation_share"),
        ('[[scenario]]\nname = "a"\nbasis = "Q"\n', "basis: 'Q' is not a basis"),
        ("[[scenario]\n", "not valid TOML"),
        ("title = 1\n", "unknown key 'title'"),
        ("", "missing key 'scenario'"),
    ],
)
def test_scenario_file_errors_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ScenarioFileError, match=message):
        load_scenarios(_scenarios(tmp_path, text), tmp_path)
