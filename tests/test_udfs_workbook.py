"""The demo workbook: built from the package, committed as built, every function on it."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
import xlwings
from openpyxl import load_workbook
from openpyxl.worksheet.formula import ArrayFormula

from digital_deficit import udfs

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
    assert wb.sheetnames == ["Instructions", "Data", "Metrics"]
    text = "\n".join(str(c.value) for c in wb["Instructions"]["A"] if c.value)
    assert "written by a script (openpyxl), which cannot" in text
    assert "formula cells are empty" in text
    assert "digital_deficit.udfs" in text
    assert "addin/lite/main.py" in text


def test_data_sheet_pulls_the_published_series(built: Path) -> None:
    ws = load_workbook(built)["Data"]
    first = ws["A4"].value
    assert isinstance(first, ArrayFormula)
    assert first.text == '=DD_SERIES("digital",2014,2025,,"mof3")'
    assert first.ref == "A4:B16"  # header + 2014..2025
    assert ws["M5"].value == '=DD_SOURCE("digital",A5)'


def test_metrics_sheet_expected_values_and_checks(built: Path) -> None:
    ws = load_workbook(built)["Metrics"]
    rows = {
        ws.cell(row=r, column=1).value: (
            ws.cell(row=r, column=2).value,
            ws.cell(row=r, column=3).value,
            ws.cell(row=r, column=4).value,
        )
        for r in range(4, ws.max_row + 1)
        if ws.cell(row=r, column=1).value
    }
    assert rows["Digital balance CY2024 (mof3)"][:2] == ('=DD_VALUE("digital",2024)', -66506)
    assert rows["Digital balance CY2024 (narrow)"][1] == -64622
    assert rows["Digital balance FY2024 (mof3)"][1] == -69651
    assert rows["Digital payments CY2023 (mof3)"][1] == 92463
    assert rows["Travel surplus / digital deficit (narrow, 2024)"][1] == 58973 / 64622
    assert rows["Current account CY2023 from its parts"][1] == 206295
    assert rows["Cash-flow current account FY2023 (karakama)"][1] == 253390 - 105687 - 128169
    assert rows["Cash-flow current account CY2019 (oguro1)"][1] == 200597 - 54050
    for label, (formula, expected, check) in rows.items():
        assert isinstance(formula, str) and formula.startswith("=DD_"), label
        assert expected is not None and expected != "#N/A", label
        assert isinstance(check, str) and '"OK","CHECK"' in check, label


def test_workbook_uses_the_catalogue(built: Path) -> None:
    formulas = " ".join(
        str(v[2] if isinstance(v, tuple) else v)
        for sheet in _cells(built).values()
        for v in sheet.values()
    )
    used = {name.lower() for name in re.findall(r"\b(DD_[A-Z_]+)\(", formulas)}
    # Payments and receipts need published component debits/credits, which the embedded
    # dataset does not hold; the sheet shows them through DD_VALUE(..., side) instead.
    assert used == set(udfs.__all__) - {"dd_digital_payments", "dd_digital_receipts"}
