"""The demo workbook: built from the package, committed as built, every function on it."""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import xlwings
from openpyxl import load_workbook
from openpyxl.worksheet.formula import ArrayFormula

from digital_deficit import udfs
from digital_deficit.data.csvio import COLUMNS
from digital_deficit.udfs.args import NA

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "workbook" / "digital_deficit_demo.xlsx"


@pytest.fixture(autouse=True)
def _embedded_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DIGITAL_DEFICIT_DATA", raising=False)
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(tmp_path / "absent.conf"))


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_demo", ROOT / "workbook" / "build_demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_demo", module)
    spec.loader.exec_module(module)
    return module


def _cells(path: Path) -> dict[str, dict[str, object]]:
    wb = load_workbook(path)
    out: dict[str, dict[str, object]] = {}
    for ws in wb:
        sheet: dict[str, object] = {}
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, ArrayFormula):
                    value = ("array", value.ref, value.text)
                if value is not None:
                    sheet[cell.coordinate] = value
        out[ws.title] = sheet
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.xlsx"
    _builder().build(path)
    return path


def test_committed_workbook_is_what_the_script_builds(built: Path) -> None:
    assert _cells(COMMITTED) == _cells(built)


def test_sheets_and_instructions(built: Path) -> None:
    wb = load_workbook(built)
    assert wb.sheetnames == ["Instructions", "Data", "Components", "Metrics", "Your data"]
    text = "\n".join(str(c.value) for c in wb["Instructions"]["A"] if c.value)
    assert "written by a script (openpyxl), which cannot" in text
    assert "formula cells show\n#NAME? (Excel without the functions, LibreOffice)" in text
    assert "pythonw.exe" in text and "Interpreter" in text
    assert "Trust access to the VBA project object model" in text
    assert "UDF Modules to  digital_deficit.udfs" in text
    assert "main.py tab: replace everything with this one line:\n" in text
    assert "\n         from digital_deficit.udfs import *\n" in text
    assert "keep the lines there and add this last line:\n         digital-deficit==0.1.0" in text
    assert "addin/" not in text  # a recipient of the .xlsx alone has no repository
    assert "empty" not in text


def test_data_sheet_pulls_the_published_series(built: Path) -> None:
    ws = load_workbook(built)["Data"]
    first = ws["A4"].value
    assert isinstance(first, ArrayFormula)
    assert first.text == '=DD_SERIES("digital",2014,2025,,"mof3")'
    assert first.ref == "A4:B16"  # header + 2014..2025
    assert ws["M5"].value == '=DD_SOURCE("digital",A5)'


def test_expected_values_are_the_published_figures() -> None:
    published = ROOT / "src" / "digital_deficit" / "data" / "japan_bop_published.csv"
    with published.open(encoding="utf-8") as f:
        rows = {
            (r["item"], r["basis"] + r["period"], r["definition"], r["side"], r["vintage"]): r
            for r in csv.DictReader(f)
        }
    builder = _builder()
    assert len(builder.PUBLISHED) == 32
    for key, fig in builder.PUBLISHED.items():
        row = rows[key]
        assert (fig.value, fig.precision, fig.source) == (
            float(row["value_oku_yen"]),
            float(row["precision_oku_yen"]),
            row["source"],
        ), key
    assert (
        sum(builder.ILLUSTRATIVE_PAYMENTS)
        == builder.PUBLISHED[("digital", "CY2023", "mof3", "debit", "preliminary")].value
    )
    assert (
        sum(builder.ILLUSTRATIVE_RECEIPTS)
        == builder.PUBLISHED[("digital", "CY2023", "mof3", "credit", "derived")].value
    )


def _metrics(path: Path, sheet: str = "Metrics") -> dict[str, tuple[Any, ...]]:
    """The check table of a sheet: label -> (formula, expected, tolerance, check, unit, ...)."""
    ws = load_workbook(path)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    top = next(i for i, row in enumerate(rows) if row[0] == "Metric")
    assert list(rows[top][:8]) == [
        "Metric",
        "Result (UDF)",
        "Expected",
        "Tolerance",
        "Check",
        "Unit",
        "Source of Expected",
        "Formula",
    ]
    checks = {}
    for row in rows[top + 1 :]:
        if row[0] is None:
            break
        checks[row[0]] = row[1:8]
    return checks


KARAKAMA_2022 = (
    "Cash-flow current account CY2022 (karakama), from the first-release current account and the "
    "analyst's inputs"
)


def test_metrics_sheet_expected_values_sources_and_tolerances(built: Path) -> None:
    rows = _metrics(built)
    latest = rows["Digital balance CY2024 (mof3), latest revision"]
    assert latest[:3] == ('=DD_VALUE("digital",2024)', -68000, 500)
    assert rows["Digital balance CY2024 (mof3), first release"][:3] == (
        '=DD_VALUE("digital",2024,,,,"preliminary")',
        -66506,
        0.5,
    )
    assert rows["Digital balance CY2024 (narrow)"][1] == -67000
    assert rows["Digital balance FY2024 (mof3)"][1] == -69651
    assert rows["Digital payments CY2023 (mof3)"][1] == 92463
    assert rows["Digital receipts CY2023 (mof3), as derived from the first release"][:2] == (
        '=DD_VALUE("digital",2023,,,"credit","derived")',
        37103,
    )
    assert rows["Crude-oil imports CY2024 (published only as a debit: the default side)"][:3] == (
        '=DD_VALUE("crude_oil_imports",2024)',
        107000,
        500,
    )
    assert rows["Digital payments CY2023 from the component table (mof3)"][:2] == (
        "=DD_DIGITAL_PAYMENTS(Components!A5:D6)",
        92463,
    )
    assert rows["Digital receipts CY2023 from the component table (mof3)"][1] == 37103
    assert rows["Digital balance CY2023 from the component table (mof3)"][1] == -55360
    assert rows["Multiple of 2014 (narrow, 2024)"][1] == pytest.approx(67000 / 20225, rel=1e-15)
    assert rows["Travel surplus / digital deficit (narrow, 2024)"][1] == pytest.approx(
        58973 / 67000, rel=1e-15
    )
    assert rows["Current account CY2023 from its parts"][1:3] == (206295, 2.5)
    first = rows["Cash-flow current account FY2023 (karakama), first release"]
    assert first[1] == 253390 - 105687 - 128169
    assert rows["Cash-flow current account CY2019 (oguro1)"][1] == 200597 - 54050
    karakama = rows[KARAKAMA_2022]
    # Published -9.7T; inputs rounded to 10,000 (reinvested credit) and 1,000 oku yen (the rest)
    # and the published result to 1,000: 5,000 + 3 x 500 + 0.5 + 500.
    assert karakama[1:3] == (-97000, 7000.5)
    assert karakama[5].startswith("Karakama (Mizuho Bank), Weekly Economist 2024-06-04")
    for label, (formula, expected, tolerance, check, unit, source, text) in rows.items():
        assert isinstance(formula, str) and formula.startswith("=DD_"), label
        assert text == formula, label
        assert expected is not None and expected != "#N/A", label
        assert isinstance(tolerance, (int, float)) and tolerance >= 0, label
        assert isinstance(check, str) and '"OK","CHECK"' in check, label
        assert unit and source, label


# --- the formulas evaluated with the functions, as Excel would ------------------------------

_TOKEN = re.compile(
    r'\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<string>"(?:[^"]|"")*")|'
    r"(?P<ref>(?:(?P<sheet>\w+)!)?\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)(?![\w(])|"
    r"(?P<name>[A-Z_][A-Z0-9_]*)\(|(?P<op>[-*,)]))"
)


class _Evaluator:
    """Evaluates the demo's formulas (DD_ calls, numbers, text, references, - and *)."""

    def __init__(self, path: Path) -> None:
        self.wb = load_workbook(path)
        self.arrays: dict[tuple[str, str], list[list[object]]] = {}

    def formula(self, sheet: str, text: str) -> object:
        self.tokens = [m for m in _TOKEN.finditer(text[1:])]
        self.pos, self.sheet = 0, sheet
        value = self._expr()
        assert self.pos == len(self.tokens), text
        return value

    def _peek(self, kind: str, text: str | None = None) -> bool:
        if self.pos >= len(self.tokens):
            return False
        token = self.tokens[self.pos]
        return token.group(kind) is not None and (text is None or token.group(kind) == text)

    def _expr(self) -> object:
        value = self._term()
        while self._peek("op", "-") or self._peek("op", "*"):
            op = self.tokens[self.pos].group("op")
            self.pos += 1
            right = self._term()
            assert isinstance(value, float) and isinstance(right, float)
            value = value - right if op == "-" else value * right
        return value

    def _term(self) -> object:
        token = self.tokens[self.pos]
        if token.group("number"):
            self.pos += 1
            return float(token.group("number"))
        if token.group("string"):
            self.pos += 1
            return token.group("string")[1:-1].replace('""', '"')
        if token.group("ref"):
            self.pos += 1
            return self._reference(token.group("ref"))
        assert token.group("name"), token.group(0)
        self.pos += 1
        args: list[object] = []
        while not self._peek("op", ")"):
            args.append(None if self._peek("op", ",") else self._expr())
            if self._peek("op", ","):
                self.pos += 1
                if self._peek("op", ")"):
                    args.append(None)
        self.pos += 1
        result = getattr(udfs, token.group("name").lower())(*args)
        while isinstance(result, list) and len(result) == 1:
            result = result[0]
        return result

    def _reference(self, ref: str) -> object:
        sheet, _, cells = ref.rpartition("!")
        ws = self.wb[sheet or self.sheet]
        block = ws[cells.replace("$", "")]
        if not isinstance(block, tuple):
            return self._cell(ws.title, block.coordinate, block.value)
        return [[self._cell(ws.title, c.coordinate, c.value) for c in row] for row in block]

    def _cell(self, sheet: str, coordinate: str, value: object) -> object:
        """A cell's value: part of an array formula's result, a formula's result, or as is."""
        ws = self.wb[sheet]
        for row in ws.iter_rows():
            for c in row:
                if not isinstance(c.value, ArrayFormula):
                    continue
                block = [[x.coordinate for x in r] for r in ws[c.value.ref]]
                for i, coordinates in enumerate(block):
                    if coordinate in coordinates:
                        key = (sheet, c.value.ref)
                        if key not in self.arrays:
                            result = self._nested().formula(sheet, c.value.text)
                            assert isinstance(result, list)
                            self.arrays[key] = result
                        return self.arrays[key][i][coordinates.index(coordinate)]
        if isinstance(value, str) and value.startswith("="):
            return self._nested().formula(sheet, value)
        return float(value) if isinstance(value, int) else value

    def _nested(self) -> _Evaluator:
        inner = _Evaluator.__new__(_Evaluator)
        inner.wb, inner.arrays = self.wb, self.arrays
        return inner


@pytest.mark.parametrize("sheet", ["Metrics", "Your data"])
def test_every_check_is_ok_when_the_functions_calculate(built: Path, sheet: str) -> None:
    evaluator = _Evaluator(built)
    results = {}
    for label, (formula, expected, tolerance, _check, unit, _source, _text) in _metrics(
        built, sheet
    ).items():
        result = evaluator.formula(sheet, formula)
        results[label] = result
        if unit == "text":
            assert result == expected, label
        else:
            assert isinstance(result, float), (label, result)
            assert abs(result - expected) <= tolerance + 1e-9 * max(1, abs(expected)), label
    if sheet == "Your data":
        assert results["Digital balance CY2030 (mof3) from the table"] == -100000
        assert results[
            "Computer services CY2030 from the table (its definition cell is blank)"
        ] == (-80000)
        return
    karakama = results[KARAKAMA_2022]
    assert karakama == 114432 - (130000 - 17000) - (185000 - 82000) == -101568
    assert results["Digital balance CY2023 from the component table (mof3)"] == -55360


def test_your_data_sheet_holds_metis_projections_as_a_dataset_table(built: Path) -> None:
    ws = load_workbook(built)["Your data"]
    table = [[c.value for c in row] for row in ws["A4:K7"]]
    assert table == [
        list(COLUMNS),
        ["JPN", "CY", 2030, "digital", "mof3", "net", -100000, "oku_yen", 10000, "official",
         "METI estimate as reported; about the 2024 crude-oil import bill: METI estimate "
         "(about ¥10T by 2030)"],
        ["JPN", "CY", 2030, "computer_services", None, "net", -80000, "oku_yen", 10000,
         "official", "METI study-group material as reported: METI meeting: computer services "
         "about ¥8T by 2030"],
        ["JPN", "CY", 2035, "digital", "mof3", "net", -180000, "oku_yen", 10000, "official",
         "METI digital economy report 2025, base scenario: METI 2025 report, base case (≈¥18T)"],
    ]  # fmt: skip
    checks = _metrics(built, "Your data")
    assert checks["Digital balance CY2030 (mof3) from the table"][:3] == (
        '=DD_VALUE("digital",2030,,"mof3",,,$A$4:$K$7)',
        -100000,
        5000,
    )
    series = ws["A17"].value
    assert isinstance(series, ArrayFormula)
    assert series.text == '=DD_SERIES("digital",2023,2035,,"mof3",,,$A$4:$K$7)'
    evaluator = _Evaluator(built)
    spilled = evaluator.formula("Your data", series.text)
    assert isinstance(spilled, list)
    assert series.ref == f"A17:B{16 + len(spilled)}"
    assert spilled[-1] == [2035.0, -180000.0]
    assert spilled[8] == [2030.0, -100000.0]
    assert spilled[9] == [2031.0, NA]  # no figure between the projections: #N/A, never 0


def test_the_build_is_byte_reproducible(tmp_path: Path) -> None:
    builder = _builder()
    first, second = builder.build(tmp_path / "a.xlsx"), builder.build(tmp_path / "b.xlsx")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2026-01-01T00:00:00Z") == 2  # created and modified


def test_workbook_uses_the_whole_catalogue(built: Path) -> None:
    formulas = " ".join(
        str(v[2] if isinstance(v, tuple) else v)
        for sheet in _cells(built).values()
        for v in sheet.values()
    )
    used = {name.lower() for name in re.findall(r"\b(DD_[A-Z_]+)\(", formulas)}
    assert used == set(udfs.__all__)
