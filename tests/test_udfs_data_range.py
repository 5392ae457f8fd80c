"""The data functions' ``data`` argument: a dataset table in a range, read on top of the figures.

Ranges arrive as 2D lists the way xlwings hands them over: numbers as floats (2030.0), blank
cells as None, dates as datetimes (desktop) or Excel serial numbers (Lite).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlwings

from digital_deficit import udfs
from digital_deficit.data import csvio
from digital_deficit.udfs import data_table
from digital_deficit.udfs.args import NA, UdfError
from tests.briefing_fixtures import build

HEADER = list(csvio.COLUMNS)
MY_SOURCE = "my estimate, board paper 2026-05"


def _row(
    period: object,
    value: object,
    item: str = "digital",
    definition: str | None = "mof3",
    basis: str = "CY",
    vintage: object = "analyst",
    precision: object = 1000.0,
    side: str = "net",
) -> list[object]:
    return [
        "JPN",
        basis,
        period,
        item,
        definition,
        side,
        value,
        "oku_yen",
        precision,
        vintage,
        MY_SOURCE,
    ]


# A two-row table as Excel hands it over: the header and the figures, years as floats.
TABLE = [HEADER, _row(2030.0, -100000.0), _row(2031.0, -110000.0)]


@pytest.fixture(autouse=True)
def _no_user_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DIGITAL_DEFICIT_DATA", raising=False)
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(tmp_path / "absent.conf"))


def _error(call: Any) -> str:
    with pytest.raises(UdfError) as info:
        call()
    return str(info.value)


def test_a_two_row_table_gives_its_values() -> None:
    # DD_VALUE("digital", 2030, , "mof3", , , data)
    assert udfs.dd_value("digital", 2030, None, "mof3", None, None, TABLE) == -100000.0
    assert udfs.dd_value("digital", [[2024], [2030], [2031]], data=TABLE) == [
        [udfs.dd_value("digital", 2024)],  # the embedded figure underneath
        [-100000.0],
        [-110000.0],
    ]
    assert udfs.dd_source("digital", 2030, data=TABLE) == f"{MY_SOURCE} [analyst]"
    assert udfs.dd_series("digital", 2029, data=TABLE) == [
        ["Period", "Digital balance (mof3) (net, oku yen)"],
        [2029.0, NA],
        [2030.0, -100000.0],
        [2031.0, -110000.0],
    ]
    # without the range the figures are the embedded ones
    assert udfs.dd_value("digital", 2030) == NA


def test_the_table_wins_over_the_figures_underneath() -> None:
    revised = [HEADER, _row(2024, -70000, vintage="revised-2099-12", precision=1)]
    assert udfs.dd_value("digital", 2024, data=revised) == -70000.0
    assert udfs.dd_source("digital", 2024, data=revised) == f"{MY_SOURCE} [revised-2099-12]"
    # the figures underneath stay there, under their own vintage
    preliminary = udfs.dd_value("digital", 2024, vintage="preliminary")
    assert preliminary == -66506.0  # MOF via Jiji 2025-02-10
    assert udfs.dd_value("digital", 2024, vintage="preliminary", data=revised) == preliminary
    # an older vintage than the figure underneath does not replace it (as with --data files)
    older = [HEADER, _row(2024, -70000, vintage="analyst")]
    assert udfs.dd_value("digital", 2024, data=older) == udfs.dd_value("digital", 2024)


def test_the_range_goes_on_top_of_the_users_data_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        ",".join(HEADER) + "\nJPN,CY,2030,digital,mof3,net,-90000,oku_yen,1000,analyst,file\n"
        "JPN,CY,2032,digital,mof3,net,-120000,oku_yen,1000,analyst,file\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DIGITAL_DEFICIT_DATA", str(path))
    assert udfs.dd_value("digital", [[2030, 2031, 2032]], data=TABLE) == [
        [-100000.0, -110000.0, -120000.0]
    ]


def test_published_figures_layout_and_typed_cells() -> None:
    published = [
        ["My table", None, None, None, None, None, None, None, None, None],  # a title: skipped
        list(csvio.PUBLISHED_COLUMNS),
        [
            "JPN",
            "M",
            dt.datetime(2030, 3, 1),
            "travel",
            None,
            "net",
            5000.0,
            1.0,
            dt.datetime(2030, 5, 8),
            "BoJ",
        ],
        [None] * 10,  # a blank row: skipped
        ["JPN", "FY", 46112.0, "travel", "", "net", "6000", "1", 46182.0, "BoJ"],  # Lite serials
    ]
    assert udfs.dd_value("travel", "2030-03", data=published) == 5000.0
    assert udfs.dd_source("travel", "2030-03", data=published) == "BoJ [2030-05-08]"
    # 46112 is 2026-03-31, in FY2025; 46182 is 2026-06-09
    assert udfs.dd_value("travel", "FY2025", data=published) == 6000.0
    assert udfs.dd_source("travel", "FY2025", data=published) == "BoJ [2026-06-09]"


def test_a_blank_or_omitted_range_adds_nothing() -> None:
    embedded = udfs.dd_value("digital", 2024)
    assert udfs.dd_value("digital", 2024, data=None) == embedded
    assert udfs.dd_value("digital", 2024, data=[[None, None], [None, ""]]) == embedded


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.slow
def test_the_data_sheet_of_a_briefing_is_read_back(tmp_path: Path, lang: str) -> None:
    path = build(tmp_path, lang=lang)
    sheet = openpyxl.load_workbook(path)["Data" if lang == "en" else "データ"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = rows.index(list(csvio.BRIEFING_HEADERS[lang]))
    body = rows[header + 1 :]
    assert len(body) > 50
    for period, basis, item, _, definition, side, value, _, _, vintage, source in body:
        # the Japanese table shows its codes in words (暦年, 収支, 速報): the functions take codes
        basis, side, vintage = (
            csvio.briefing_code(field, text)
            for field, text in (("basis", basis), ("side", side), ("vintage", vintage))
        )
        got = udfs.dd_value(item, period, basis, definition, side, vintage, rows)
        assert got == value, (period, item)
        assert udfs.dd_source(item, period, basis, definition, side, vintage, rows) == (
            f"{source} [{vintage}]"
        )
    # a figure changed on the sheet is the figure the functions return
    changed = [list(r) for r in rows]
    digital_2024 = next(
        r
        for r in changed[header + 1 :]
        if r[0] == "2024" and r[2] == "digital" and r[4] == "mof3" and r[6] == -68000
    )
    digital_2024[6], digital_2024[9] = -67890, "revised-2099-12"
    assert udfs.dd_value("digital", 2024, data=changed) == -67890.0


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [HEADER, _row(2030, "abc")],
            'data: row 2, column G (value) is the text "abc"; expected a number',
        ),
        ([HEADER, _row(2030, None)], "data: row 2, column G (value) is blank; expected a number"),
        ([HEADER, _row(2030, True)], "data: row 2, column G (value) is TRUE; expected a number"),
        (
            [HEADER, _row(2030, 1), _row(2031, 1, precision="about 1000")],
            'data: row 3, column I (precision) is the text "about 1000"; expected a number',
        ),
        (
            [HEADER, _row(2030, 1, item="software")],
            "data: row 2, column D (item): unknown item 'software'; expected one of: "
            "current_account, goods, services, goods_and_services, travel, primary_income, "
            "secondary_income, ip_charges, copyright_royalties, ict_services, telecom_services, "
            "computer_services, information_services, consulting, direct_investment_income, "
            "reinvested_earnings, portfolio_investment_income, bond_interest, crude_oil_imports, "
            "digital",
        ),
        (
            [HEADER, _row(2030.0, 1, basis="Q")],
            "data: row 2, column C (period) is the number 2030, a CY period, but the basis is Q",
        ),
        (
            [HEADER, _row(2030, 1, vintage=True)],
            "data: row 2, column J (vintage) is TRUE; expected a vintage",
        ),
        (
            [HEADER, _row(2030, 1, vintage="draft")],
            "data: row 2, column J (vintage): 'draft' is not a vintage; expected preliminary, "
            "revised-YYYY-MM, published, official, derived, analyst or YYYY-MM-DD",
        ),
        (
            [HEADER, _row(2030, 1), [None] * 11, _row(2030, 2)],
            "data: row 4: duplicate: JPN/CY/2030/digital/mof3/net is given twice with vintage "
            "'analyst'",
        ),
        (
            [[*HEADER, None], [*_row(2030, 1), "note"]],
            'data: row 2, column L is the text "note" but the column has no header',
        ),
        (
            [["period", "value"], [2030, 1]],
            "data: has no header row; expected a row country,basis,period,item,definition,side,"
            "value,unit,precision,vintage,source (or the published-figures layout, or the table "
            "on a briefing's Data sheet) above the figures",
        ),
        (
            [
                HEADER,
                ["JPN", "CY", 2030, "digital", "mof3", "net", 1, "usd_million", 1, "analyst", "x"],
            ],
            "data: JPN figures are in usd_million here but in oku_yen in embedded "
            "japan_bop_published.csv; expected one unit per country (units are never mixed)",
        ),
        (
            [[HEADER[:3]], [1, 2]],
            "data: has rows of different lengths; expected a rectangular range",
        ),
    ],
)
def test_errors_name_the_cell(rows: list[list[object]], message: str) -> None:
    for call in (
        lambda: udfs.dd_value("digital", 2030, data=rows),
        lambda: udfs.dd_source("digital", 2030, data=rows),
        lambda: udfs.dd_series("digital", data=rows),
    ):
        assert _error(call) == message


def test_a_thousand_cells_parse_the_range_once(monkeypatch: pytest.MonkeyPatch) -> None:
    data_table._parsed_cached.cache_clear()
    calls: list[str] = []
    real = csvio.read_dataset_rows

    def counting(*args: Any) -> Any:
        calls.append(args[2])
        return real(*args)

    monkeypatch.setattr(csvio, "read_dataset_rows", counting)
    for _ in range(1000):  # Excel hands every cell a fresh copy of the range
        fresh = [list(row) for row in TABLE]
        assert udfs.dd_value("digital", 2030, data=fresh) == -100000.0
    assert calls == ["data"]
    edited = [HEADER, _row(2030, -100001)]
    assert udfs.dd_value("digital", 2030, data=edited) == -100001.0
    assert calls == ["data", "data"]
    bad = [HEADER, _row(2030, "abc")]
    for _ in range(100):
        _error(lambda: udfs.dd_value("digital", 2030, data=bad))
    assert calls == ["data", "data", "data"]  # a bad table is read once too: its error is kept


def test_dates_as_periods() -> None:
    # a date with a basis is the period that holds it
    assert udfs.dd_value("digital", dt.datetime(2024, 12, 31), "CY") == udfs.dd_value(
        "digital", 2024
    )
    assert udfs.dd_value("digital", dt.datetime(2025, 3, 31), "FY") == udfs.dd_value(
        "digital", "FY2024"
    )
    # without a basis it is its month; no monthly figures: the message says what to do
    assert _error(lambda: udfs.dd_value("digital", dt.datetime(2025, 3, 31))) == (
        "period: is the date 2025-03-31, which without a basis is the month 2025-03; digital "
        "has no monthly figures: give the basis CY for 2025, FY for FY2024 (April to March) or "
        "Q for 2025Q1"
    )
    assert _error(lambda: udfs.dd_value("digital", [[2024], [45657.0]])) == (
        "period: cell 2 is the number 45657 (the date 2024-12-31), which without a basis is the "
        "month 2024-12; digital has no monthly figures: give the basis CY for 2024, FY for "
        "FY2024 (April to March) or Q for 2024Q4"
    )
    assert _error(lambda: udfs.dd_series("digital", dt.datetime(2014, 1, 1))).startswith(
        "first: is the date 2014-01-01, which without a basis is the month 2014-01;"
    )
    # a month typed as text is what the user asked for: missing is #N/A
    assert udfs.dd_value("digital", "2024-12") == NA
    assert _error(lambda: udfs.dd_value("digital", [["2024-12", dt.date(2024, 6, 30)]])).startswith(
        "period: cell 2 is the date 2024-06-30, which without a basis is the month 2024-06;"
    )
    # with monthly figures a date is its month, and a month without a figure is #N/A
    monthly = [HEADER, _row(dt.datetime(2030, 3, 1), -9000, basis="M")]
    assert udfs.dd_value("digital", dt.datetime(2030, 3, 31), data=monthly) == -9000.0
    assert udfs.dd_value("digital", dt.datetime(2030, 4, 30), data=monthly) == NA


@pytest.mark.slow
def test_every_function_runs_without_the_desktop_libraries() -> None:
    """xlwings Lite has no pandas, numpy, openpyxl, httpx, lxml or rich: with their imports
    refused, every function (the data ones with a range too) gives the same results."""
    code = f"""
import json, sys
from importlib.abc import MetaPathFinder

HEAVY = {{"pandas", "numpy", "openpyxl", "httpx", "lxml", "rich", "sdmx", "et_xmlfile"}}

class Refuse(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in HEAVY:
            raise ModuleNotFoundError(f"No module named {{name!r}} (refused: not in Lite)")
        return None

if sys.argv[1] == "refuse":
    sys.meta_path.insert(0, Refuse())
from digital_deficit import udfs
from tests.xlwings_stubs import EXCEL_CALLS
table = {TABLE!r}
calls = [(n, a) for _, n, a, _ in EXCEL_CALLS]
calls += [("dd_value", ["digital", 2030, None, "mof3", None, None, table]),
          ("dd_series", ["digital", None, None, None, None, None, None, table]),
          ("dd_source", ["digital", 2030, None, None, None, None, table])]
results = []
for name, args in calls:
    try:
        results.append(getattr(udfs, name)(*args))
    except Exception as exc:
        results.append(f"{{type(exc).__name__}}: {{exc}}")
print(json.dumps([results, sorted(m for m in HEAVY if m in sys.modules)]))
"""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("XLWINGS_ON_SERVER", "DIGITAL_DEFICIT_DATA")
    }

    def run(mode: str) -> Any:
        out = subprocess.run(
            [sys.executable, "-c", code, mode],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=Path(__file__).resolve().parents[1],
        )
        return json.loads(out.stdout)

    refused, loaded = run("refuse")
    assert loaded == []
    assert not [r for r in refused if isinstance(r, str) and "ModuleNotFoundError" in r]
    assert refused == run("allow")[0]


def test_dataset_files_read_the_briefing_data_table_header_too() -> None:
    for lang in ("en", "ja"):
        text = ",".join(csvio.BRIEFING_HEADERS[lang]) + "\n"
        text += "FY2030,FY,travel,Travel,,net,70000,oku_yen,1,official,mine\n"
        dataset = csvio.read_dataset_text(text, f"briefing_{lang}.csv")
        (obs,) = dataset.observations
        assert (obs.country, obs.basis, obs.period, obs.item, obs.value) == (
            "JPN",
            "FY",
            "2030",
            "travel",
            70000.0,
        )
