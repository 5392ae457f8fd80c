"""The UDFs called as plain Python functions (as they are outside Excel): values and edge cases."""

from __future__ import annotations

import datetime as dt
import math
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import xlwings

from digital_deficit import udfs
from digital_deficit.core import projection
from digital_deficit.udfs import figures as udf_data
from digital_deficit.udfs.args import NA, UdfError

PUBLISHED = Path(__file__).resolve().parents[1] / "src/digital_deficit/data/japan_bop_published.csv"


@pytest.fixture(autouse=True)
def _no_user_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test sees the embedded figures only unless it names a file itself."""
    monkeypatch.delenv("DIGITAL_DEFICIT_DATA", raising=False)
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(tmp_path / "absent.conf"))


def _error(call: object) -> str:
    assert callable(call)
    with pytest.raises(UdfError) as info:
        call()
    assert isinstance(info.value, xlwings.XlwingsError)
    return str(info.value)


# --- data functions ------------------------------------------------------------------------


def test_value_published_figures() -> None:
    assert udfs.dd_value("digital", 2024) == -68000.0  # revised-2025-07 (about ¥6.8T)
    assert udfs.dd_value("digital", 2024, vintage="preliminary") == -66506.0
    assert udfs.dd_value("digital", "2024", definition="narrow") == -67000.0
    assert udfs.dd_value("DIGITAL", "FY2024") == -69651.0
    assert udfs.dd_value("digital", 2023, side="debit") == 92463.0
    # Receipts as published with the first release (payments 92,463 less the deficit 55,360),
    # also by default: rebuilding them from the first-release payments and the revised deficit
    # (-55,194) would give 37,269, a figure of no release (mixed vintages lose to one vintage).
    assert udfs.dd_value("digital", 2023, side="credit", vintage="derived") == 37103.0
    assert udfs.dd_value("digital", 2023, side="credit") == 37103.0
    assert udfs.dd_value("ict_services", 2024) == -24941.0
    assert udfs.dd_value("travel", 2024.0) == 58973.0


def test_value_latest_vintage_unless_asked() -> None:
    assert udfs.dd_value("current_account", 2021) == 215910.0
    assert udfs.dd_value("current_account", 2021, vintage="preliminary") == 154359.0
    assert udfs.dd_value("current_account", 2021, vintage="revised-2099-01") == NA


def test_value_periods_as_users_type_them() -> None:
    assert udfs.dd_value("digital", dt.datetime(2024, 12, 31), "CY") == -68000.0
    assert udfs.dd_value("digital", 45657, "CY") == -68000.0  # Excel serial of 2024-12-31
    assert udfs.dd_value("digital", "2025-03", "FY") == -69651.0
    assert udfs.dd_value("digital", 2024, "FY") == -69651.0
    assert udfs.dd_value("digital", "2024-03") == NA  # no monthly figures embedded


def test_value_spills_in_the_orientation_given() -> None:
    column = udfs.dd_value("digital", [[2023], [2024], [None], [2030]])
    assert column == [[-55194.0], [-68000.0], [NA], [NA]]
    row = udfs.dd_value("digital", [[2023, 2024]], definition="narrow")
    assert row == [[-53452.0, -67000.0]]
    assert udfs.dd_value("digital", [2023, 2024]) == [-55194.0, -68000.0]
    assert udfs.dd_value("digital", [[2024]]) == -68000.0


def test_value_derived_figures_are_whole_never_partial() -> None:
    # goods_and_services 2021 is not published: goods + services are summed from both parts.
    assert udfs.dd_value("goods_and_services", 2021) == 16701.0 + (-42316.0)
    # ict_services 2021 is not published and its parts are not either: missing, never 0.
    assert udfs.dd_value("ict_services", 2021) == NA


def test_source_cites_figure_and_vintage() -> None:
    assert udfs.dd_source("digital", 2024, vintage="preliminary") == (
        "MOF via Jiji 2025-02-10: 6 trillion 6506 oku yen (the seed article's 6.65 trillion) "
        "[preliminary]"
    )
    latest = udfs.dd_source("digital", 2024)
    assert isinstance(latest, str)
    assert latest.startswith("MIC Information and Communications White Paper 2025")
    assert latest.endswith("約6.8兆円の赤字」 [revised-2025-07]")
    assert udfs.dd_source("digital", [[2023, 2030]], definition="narrow") == [
        ["Digital Agency priority plan 2024-06-21 [official]", NA]
    ]
    derived = udfs.dd_source("goods_and_services", 2021)
    assert isinstance(derived, str)
    assert derived.startswith("sum of parts: MOF table with the CY2022 release")


def test_series_with_header_and_gaps() -> None:
    rows = udfs.dd_series("digital", 2022)
    assert rows == [
        ["Period", "Digital balance (mof3) (net, oku yen)"],
        [2022.0, -47000.0],  # the preliminary release's about ¥4.7T beats MRI's about ¥4.8T
        [2023.0, -55194.0],
        [2024.0, -68000.0],
        [2025.0, -67000.0],
    ]
    full = udfs.dd_series("digital", definition="narrow")
    assert full[1] == [2014.0, -20225.0]
    assert full[2] == [2015.0, NA]
    assert full[-1] == [2024.0, -67000.0]
    fy = udfs.dd_series("current_account", "FY2023", "FY2024")
    assert fy == [
        ["Period", "Current account (net, oku yen)"],
        ["FY2023", 261664.0],  # revised-2025-05 (first release 253,390)
        ["FY2024", 303771.0],
    ]


def test_series_errors() -> None:
    assert _error(lambda: udfs.dd_series("digital", 2024, 2020)) == (
        "last: is 2020, before first (2024)"
    )
    assert _error(lambda: udfs.dd_series("digital", [[2020, 2021]])) == (
        "first: is a range; expected one period"
    )


def test_vocabularies() -> None:
    items = udfs.dd_items()
    assert items[0] == ["id", "English", "Japanese", "code", "parts", "note"]
    assert items[14][:2] == ["consulting", "Professional and management consulting services"]
    assert items[14][2] == "専門・経営コンサルティングサービス"
    definitions = udfs.dd_definitions()
    assert [row[0] for row in definitions] == ["id", "mof3", "narrow", "custom"]
    assert definitions[1][1] == "copyright_royalties, ict_services, consulting"


def test_data_errors_name_the_argument() -> None:
    assert _error(lambda: udfs.dd_value("foo", 2024)).startswith(
        "item: unknown item 'foo'; expected one of: current_account, goods,"
    )
    assert _error(lambda: udfs.dd_value("digital", "20x4")) == (
        'period: is the text "20x4", which is not a period; expected a year (2024), '
        "FY2024, 2024H1, 2024Q1 or 2024-03"
    )
    assert _error(lambda: udfs.dd_value("digital", [[2024], ["x"]])).startswith(
        'period: cell 2 is the text "x", which is not a period; '
    )
    assert _error(lambda: udfs.dd_value("digital", 2024, definition="wide")) == (
        "definition: unknown definition 'wide'; expected one of: mof3, narrow, custom"
    )
    assert _error(lambda: udfs.dd_value("digital", 2024, basis="W")) == (
        "basis: unknown basis 'W'; expected one of: CY, FY, H, Q, M"
    )
    assert _error(lambda: udfs.dd_value("digital", 2024, side="gross")) == (
        "side: unknown side 'gross'; expected one of: net, credit, debit"
    )
    assert _error(lambda: udfs.dd_value("digital", "FY2024", basis="CY")) == (
        'period: is the text "FY2024", a FY period, but the basis is CY'
    )
    assert _error(lambda: udfs.dd_value(12, 2024)) == (
        "item: is the number 12; expected an item id such as digital or services"
    )


def test_data_options_are_checked_against_the_item() -> None:
    # Crude-oil imports are an import bill: published as a debit only, which is the default.
    assert udfs.dd_value("crude_oil_imports", 2024) == 107000.0
    assert udfs.dd_value("crude_oil_imports", [[2023, 2024]], side="debit") == [
        [114000.0, 107000.0]
    ]
    assert _error(lambda: udfs.dd_value("crude_oil_imports", 2024, side="net")) == (
        "side: is net, but crude_oil_imports is published only as a debit (the import bill); "
        "leave side blank or use debit"
    )
    assert _error(lambda: udfs.dd_value("digital", 2024, vintage="foo")) == (
        'vintage: is the text "foo"; expected preliminary, revised-YYYY-MM, published, '
        "official, derived, analyst or YYYY-MM-DD"
    )
    assert udfs.dd_value("digital", 2014, vintage="Analyst") == -21000.0
    assert udfs.dd_value("digital", 2024, vintage="analyst") == NA  # valid, none published
    assert _error(lambda: udfs.dd_value("travel", 2024, definition="narrow")) == (
        "definition: applies only to the digital item; leave it blank for travel"
    )
    assert _error(lambda: udfs.dd_series("services", 2023, 2024, definition="mof3")) == (
        "definition: applies only to the digital item; leave it blank for services"
    )
    assert udfs.dd_value("travel", 2024, definition="") == 58973.0


def test_messages_describe_cells_in_excel_words() -> None:
    assert _error(lambda: udfs.dd_value("digital", 2024, definition="custom")) == (
        'definition: is "custom"; for your own definition list item ids separated by commas, '
        "e.g. copyright_royalties,computer_services"
    )
    assert _error(lambda: udfs.dd_value("digital", 2024, side=2024)) == (
        "side: is the number 2024; expected net, credit or debit"
    )
    assert _error(lambda: udfs.dd_value("digital", True)) == (
        "period: is TRUE, which is not a period"
    )
    assert _error(lambda: udfs.dd_value("digital", [[2024], [3000]])) == (
        "period: cell 2 is the number 3000, which is outside the years 1850-2100"
    )
    assert _error(lambda: udfs.dd_value("digital", 2024, side=0.5)) == (
        "side: is the number 0.5; expected net, credit or debit"
    )
    assert _error(lambda: udfs.dd_value([["digital"], ["services"]], 2024)) == (
        "item: is a range of 2 cells; expected an item id such as digital or services"
    )
    assert _error(lambda: udfs.dd_growth_multiple(dt.datetime(2024, 1, 1), 1)) == (
        "current: the date 2024-01-01 is not a number; expected a number or a blank cell"
    )
    assert _error(lambda: udfs.dd_growth_multiple([[1], [dt.datetime(2024, 1, 1, 9, 30)]], 1)) == (
        "current: cell 2 is the date and time 2024-01-01 09:30; expected a number or a blank cell"
    )
    assert _error(lambda: udfs.dd_fx_impact(1, 2, [[5, 6]])) == (
        "yen_per_doubling: is a range of 2 cells; expected a single number"
    )
    assert _error(lambda: udfs.dd_digital_balance([["consulting", True]])) == (
        "items: row 1, column 2 (consulting) is TRUE; expected a number or a blank cell"
    )


# --- data file: environment variable, xlwings.conf, no stale numbers -------------------------


def _user_file(path: Path, value: str) -> Path:
    header = "country,basis,period,item,definition,side,value,unit,precision,vintage,source\n"
    row = f"JPN,CY,2026,digital,mof3,net,{value},oku_yen,1,preliminary,test file\n"
    path.write_text(header + row, encoding="utf-8")
    return path


def test_data_file_from_environment_is_reread_when_it_changes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = _user_file(tmp_path / "mine.csv", "-70001")
    monkeypatch.setenv("DIGITAL_DEFICIT_DATA", str(path))
    assert udfs.dd_value("digital", 2026) == -70001.0
    assert udfs.dd_value("digital", 2024) == -68000.0  # embedded figures still there
    _user_file(path, "-70002.5")
    stamp = time.time() + 5
    os.utime(path, (stamp, stamp))
    assert udfs.dd_value("digital", 2026) == -70002.5
    assert udfs.dd_source("digital", 2026) == "test file [preliminary]"


def test_data_file_from_xlwings_conf(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = _user_file(tmp_path / "conf.csv", "-70003")
    conf = tmp_path / "xlwings.conf"
    conf.write_text(f'"UDF MODULES","digital_deficit.udfs"\n"DIGITAL_DEFICIT_DATA","{path}"\n')
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(conf))
    assert udf_data.configured_data_file() == str(path)
    assert udfs.dd_value("digital", 2026) == -70003.0
    monkeypatch.setenv("DIGITAL_DEFICIT_DATA", str(_user_file(tmp_path / "env.csv", "-1")))
    assert udfs.dd_value("digital", 2026) == -1.0  # the environment variable wins


def _conf_lines(path: Path) -> str:
    return f'"UDF MODULES","digital_deficit.udfs"\r\n"DIGITAL_DEFICIT_DATA","{path}"\r\n'


def test_xlwings_conf_as_the_ribbon_writes_it_on_japanese_windows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # VBA Write # saves in the system code page: cp932 on Japanese Windows, where a user
    # folder or an interpreter path often holds Japanese characters.
    folder = tmp_path / "財務データ"
    folder.mkdir()
    path = _user_file(folder / "国際収支.csv", "-70004")
    conf = tmp_path / "xlwings.conf"
    conf.write_bytes(
        ('"INTERPRETER_WIN","C:\\Users\\山田\\python.exe"\r\n' + _conf_lines(path)).encode("cp932")
    )
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(conf))
    for system in ("cp932", "UTF-8"):  # Japanese Windows, and a machine on UTF-8
        monkeypatch.setattr("locale.getpreferredencoding", lambda _=False, s=system: s)
        assert udf_data.configured_data_file() == str(path)
    assert udfs.dd_value("digital", 2026) == -70004.0


def test_xlwings_conf_saved_as_utf8_with_a_bom(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = _user_file(tmp_path / "bom.csv", "-70005")
    conf = tmp_path / "xlwings.conf"
    conf.write_bytes(b"\xef\xbb\xbf" + f'"DIGITAL_DEFICIT_DATA","{path}"\r\n'.encode())
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(conf))
    assert udfs.dd_value("digital", 2026) == -70005.0


def test_unreadable_xlwings_conf_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    conf = tmp_path / "xlwings.conf"
    conf.write_bytes(b'"DIGITAL_DEFICIT_DATA","C:\\data\\\x81 .csv"\r\n')  # no cp932
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(conf))
    monkeypatch.setattr("locale.getpreferredencoding", lambda _=False: "cp932")
    assert _error(lambda: udfs.dd_value("digital", 2024)) == (
        f"cannot read {conf}: it is neither UTF-8 nor cp932 text; "
        "save it again from the xlwings ribbon or as UTF-8"
    )
    folder = tmp_path / "folder.conf"
    folder.mkdir()
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(folder))
    assert _error(lambda: udfs.dd_value("digital", 2024)) == (
        f"cannot read {folder}: Is a directory"
    )


def test_shipped_xlwings_conf(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = Path(__file__).resolve().parents[1] / "addin" / "xlwings.conf"
    raw = shipped.read_bytes()
    assert raw.isascii() and raw.count(b"\r\n") == raw.count(b"\n") == 3  # as Write # writes
    assert raw.decode().splitlines() == [
        '"INTERPRETER_WIN","%USERPROFILE%\\digital-deficit\\Scripts\\pythonw.exe"',
        '"UDF MODULES","digital_deficit.udfs"',
        '"DIGITAL_DEFICIT_DATA",""',
    ]
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(shipped))
    assert udf_data.configured_data_file() is None  # the empty setting names no file


def test_bad_data_file_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DIGITAL_DEFICIT_DATA", str(tmp_path / "missing.csv"))
    message = _error(lambda: udfs.dd_value("digital", 2024))
    assert "missing.csv" in message
    assert "\n" not in message


# --- digital deficit from component tables --------------------------------------------------

TABLE = [
    ["period", "copyright_royalties", "ict_services", "consulting"],
    [2023, -10000, -20000, -25360],
    [2024, -11000, None, -30000],
    [2025, -12000.5, -26000, -31000],
]


def test_digital_balance_table_spills_a_column() -> None:
    assert udfs.dd_digital_balance(TABLE) == [[-55360.0], [NA], [-69000.5]]
    narrow = [
        ["copyright_royalties", "computer_services", "consulting"],
        [-1, -2, -3],
    ]
    assert udfs.dd_digital_balance(narrow, "narrow") == [[-6.0]]
    assert (
        udfs.dd_digital_payments(
            [["copyright_royalties", 5], ["ict_services", 6], ["consulting", 7]]
        )
        == 18.0
    )
    assert udfs.dd_digital_receipts([TABLE[0][1:], [1, 2, 3]]) == [[6.0]]


def test_digital_balance_builds_ict_from_its_parts() -> None:
    table = [
        [
            "copyright_royalties",
            "telecom_services",
            "computer_services",
            "information_services",
            "consulting",
        ],
        [-1, -2, -3, -4, -5],
    ]
    assert udfs.dd_digital_balance(table) == [[-15.0]]
    assert udfs.dd_digital_balance(table, "narrow") == [[-9.0]]
    assert udfs.dd_digital_balance(table, "computer_services,consulting") == [[-8.0]]


def test_digital_balance_errors() -> None:
    assert _error(
        lambda: udfs.dd_digital_balance([["copyright_royalties", "consulting"], [1, 2]])
    ) == (
        "items: has no ict_services column; the mof3 definition needs "
        "copyright_royalties, ict_services, consulting"
    )
    bad = [row[:] for row in TABLE]
    bad[3][2] = "abc"
    assert _error(lambda: udfs.dd_digital_balance(bad)) == (
        'items: row 4, column 3 (ict_services) is the text "abc"; expected a number or a blank cell'
    )
    assert _error(lambda: udfs.dd_digital_balance([["software", "consulting"], [1, 2]])) == (
        "items: header column 1: unknown item 'software'; expected one of: "
        + "current_account, goods, services, goods_and_services, travel, primary_income, "
        "secondary_income, ip_charges, copyright_royalties, ict_services, telecom_services, "
        "computer_services, information_services, consulting, direct_investment_income, "
        "reinvested_earnings, portfolio_investment_income, bond_interest, crude_oil_imports, "
        "digital"
    )
    assert _error(lambda: udfs.dd_digital_balance(TABLE[:1])) == (
        "items: has a header but no rows of values"
    )


# --- growth, comparisons, projection, FX ----------------------------------------------------


def test_growth_functions() -> None:
    assert udfs.dd_growth_multiple(-64622, -20225) == -64622 / -20225
    assert udfs.dd_growth_multiple([[-64622, 10]], -20225) == [[-64622 / -20225, NA]]
    assert udfs.dd_cagr(-20225, -64622, 10) == (-64622 / -20225) ** 0.1 - 1
    assert udfs.dd_cagr(-20225, None, 10) == NA
    assert udfs.dd_yoy(-66506, -55360) == -66506 / -55360 - 1
    assert udfs.dd_yoy([[-48000], [-55360], [None], [-67000]]) == [
        [NA],
        [-55360 / -48000 - 1],
        [NA],
        [NA],
    ]
    assert udfs.dd_component_share(-24941, -66506) == -24941 / -66506
    assert udfs.dd_component_share(1, 0) == NA


def test_comparisons() -> None:
    assert udfs.dd_share_of_services_deficit(-55360, -29000) == -55360 / -29000
    assert udfs.dd_share_of_services_deficit(-55360, 100) == NA
    assert udfs.dd_tourism_coverage(58973, -64622) == 58973 / 64622
    assert udfs.dd_oil_ratio(-66506, 107000) == 66506 / 107000
    assert udfs.dd_oil_ratio([[-66506], [None]], [[107000], [114000]]) == [
        [66506 / 107000],
        [NA],
    ]


def test_projection_and_fx() -> None:
    cagr = udfs.dd_project([[2014], [2024]], [[-20225], [-64622]], 2030)
    assert cagr == -64622 * math.pow(math.pow(-64622 / -20225, 1 / 10), 6)
    assert cagr == projection.project([2014, 2024], [-20225, -64622], 2030)
    linear = udfs.dd_project([[2014, 2024]], [[-20225, -64622]], [[2030], ["2035"]], "linear")
    slope = (-64622 + 20225) / 10
    assert linear == [[-64622 + 6 * slope], [-64622 + 11 * slope]]
    fiscal = udfs.dd_project([["FY2014"], ["FY2024"]], [[-1], [-4]], "FY2034")
    assert fiscal == projection.project([2014, 2024], [-1, -4], 2034) == pytest.approx(-16.0)
    assert udfs.dd_fx_impact(-55360, -110720, 5.5) == 5.5
    assert udfs.dd_fx_impact(-55360, [[-110720], [None]], 6) == [[6.0], [NA]]


def test_projection_on_one_basis() -> None:
    # Positions on the time axis come from Period.decimal_year: FY2014 -> 2014.0, 2024Q3 -> 2024.5.
    assert udfs.dd_project([["FY2014"], ["FY2024"]], [[1], [2]], "FY2030", "linear") == 2.6
    assert udfs.dd_project([["2024Q1"], ["2024Q3"]], [[1], [2]], "2025Q1", "linear") == 3.0
    assert _error(lambda: udfs.dd_project([["FY2014"], ["FY2024"]], [[1], [2]], 2030)) == (
        "target: is the number 2030, a CY period, but the periods are FY periods; "
        "give every period on one basis (e.g. FY2014 and FY2030)"
    )
    assert _error(lambda: udfs.dd_project([["2014-01"], ["2024-01"]], [[1], [2]], [[2025]])) == (
        "target: is the number 2025, a CY period, but the periods are M periods; "
        "give every period on one basis (e.g. FY2014 and FY2030)"
    )
    assert _error(lambda: udfs.dd_project([[2014], ["FY2024"]], [[1], [2]], [[2030, 2031]])) == (
        'periods: cell 2 is the text "FY2024", a FY period, but the first period is a CY '
        "period; give every period on one basis (e.g. FY2014 and FY2030)"
    )
    assert _error(lambda: udfs.dd_project([[2014], [2024]], [[1], [2]], [[2030, "FY2031"]])) == (
        'target: cell 2 is the text "FY2031", a FY period, but the periods are CY periods; '
        "give every period on one basis (e.g. FY2014 and FY2030)"
    )


def test_growth_and_projection_errors() -> None:
    assert _error(lambda: udfs.dd_growth_multiple([[1], [2], ["abc"]], 1)) == (
        'current: cell 3 is the text "abc"; expected a number or a blank cell'
    )
    assert _error(lambda: udfs.dd_cagr([[1, 2]], [[1, 2, 3]], 1)) == (
        "ranges differ in length (start_value has 2, end_value has 3); "
        "give one value per period in each"
    )
    assert _error(lambda: udfs.dd_cagr(1, 2, 0)) == (
        "years: is 0; expected a number of years above zero"
    )
    assert _error(lambda: udfs.dd_growth_multiple([[1, 2], [3, 4]], 1)) == (
        "current: is a range of 2 rows and 2 columns; expected a single cell, a row or a column"
    )
    assert _error(lambda: udfs.dd_yoy(5)) == (
        "previous: is missing; give the previous period's value, or a range of periods in values"
    )
    assert _error(lambda: udfs.dd_project([[2014], [2024]], [[1], [2]], 2030, "exp")) == (
        "method: unknown projection method 'exp'; expected one of: cagr, linear"
    )
    assert _error(lambda: udfs.dd_project([[2014], [2024]], [[1], [None]], 2030)) == (
        "values: has 1 usable points; a projection needs two"
    )
    assert _error(lambda: udfs.dd_fx_impact(1, 2, None)) == (
        "yen_per_doubling: is blank; a number is required"
    )
    assert _error(lambda: udfs.dd_fx_impact(1, 2, "six")) == (
        'yen_per_doubling: the text "six" is not a number; expected a number or a blank cell'
    )


# --- current account -------------------------------------------------------------------------


def test_current_account_functions() -> None:
    goods, services, primary, secondary = -66290, -29000, 347000, -40962
    assert udfs.dd_current_account(goods, services, primary, secondary) == math.fsum(
        [goods, services, primary, secondary]
    )
    assert udfs.dd_current_account([[1, 2]], [[1, None]], 0, 0) == [[2.0, NA]]
    assert udfs.dd_ca_residual(10, 2, 3, 4, None) == NA
    assert udfs.dd_ca_residual(10, 2, 3, 4, 0) == 1.0


def test_cash_flow_current_account_methods() -> None:
    ca, reinvested, portfolio, bonds = 200597, 54050, 97220, 94101  # CY2019 published
    assert udfs.dd_cf_current_account(ca, reinvested, portfolio) == ca - reinvested - portfolio
    assert udfs.dd_cf_current_account(ca, reinvested, None, None, "oguro1") == ca - reinvested
    assert udfs.dd_cf_current_account(ca, reinvested, portfolio, bonds, "OGURO2") == ca - (
        reinvested + bonds
    )
    assert (
        udfs.dd_cf_current_account(ca, None, None, None, "repatriation", 0.4, 215000)
        == ca - 0.6 * 215000
    )
    assert udfs.dd_cf_current_account([[ca], [1]], [[reinvested], [None]], 0) == [
        [ca - reinvested],
        [NA],
    ]
    assert udfs.dd_cf_current_account(ca, [[None]], portfolio) == NA


def test_cash_flow_errors() -> None:
    assert _error(lambda: udfs.dd_cf_current_account(1, 2, 3, None, "oguro2")) == (
        "bond_interest: is missing; the oguro2 method needs it"
    )
    assert _error(lambda: udfs.dd_cf_current_account(1, 2, 3, None, "karakama2")) == (
        "method: unknown cash-flow method 'karakama2'; expected one of: "
        "karakama, oguro1, oguro2, repatriation"
    )
    assert _error(
        lambda: udfs.dd_cf_current_account(1, None, None, None, "repatriation", 1.5, 2)
    ) == ("repatriation_share: is 1.5; expected a share from 0 to 1")


# --- import hygiene --------------------------------------------------------------------------


@pytest.mark.slow
def test_importing_udfs_loads_only_what_the_functions_need() -> None:
    code = (
        "import sys, xlwings; before = set(sys.modules); import digital_deficit.udfs; "
        "print('\\n'.join(sorted(set(sys.modules) - before)))"
    )
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_ON_SERVER"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout.split()
    ours = {m for m in out if m.startswith("digital_deficit")}
    udf_modules = {
        "udfs",
        "udfs.args",
        "udfs.data_file",
        "udfs.data_table",
        "udfs.figures",
        "udfs.metrics",
    }
    assert {f"digital_deficit.{m}" for m in udf_modules} <= ours
    assert "digital_deficit.core.values" in ours
    stray = {
        m
        for m in ours
        if m != "digital_deficit"
        and not m.startswith("digital_deficit.core")
        and m.removeprefix("digital_deficit.") not in udf_modules
    }
    assert stray == set()  # no data (pydantic), cli or export modules until a data UDF runs
    others = {m.split(".")[0] for m in out if not m.startswith("digital_deficit")}
    assert not others & {"pydantic", "httpx", "rich", "openpyxl", "csv", "sdmx"}


def test_one_functions_na_feeds_another() -> None:
    """Classic Excel shows a missing result as the text #N/A; it counts as missing input."""
    missing = udfs.dd_value("digital", 2019)
    assert missing == NA
    assert udfs.dd_growth_multiple(missing, -20225) == NA
    assert udfs.dd_value("digital", [[NA], [2024]]) == [[NA], [-68000.0]]
    assert (
        udfs.dd_digital_balance(
            [["copyright_royalties", NA], ["ict_services", 1], ["consulting", 2]]
        )
        == NA
    )


def test_series_of_a_monthly_user_file_matches_the_figure_rules(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Stored totals win, a sum needs every item, a missing item gives #N/A (never partial)."""
    header = "country,basis,period,item,definition,side,value,unit,precision,vintage,source"
    rows = [
        "JPN,M,2024-01,digital,mof3,net,-5000,oku_yen,1,preliminary,test total",
        "JPN,M,2024-01,copyright_royalties,,net,-1,oku_yen,1,preliminary,test",
        "JPN,M,2024-02,copyright_royalties,,net,-1000,oku_yen,1,preliminary,test",
        "JPN,M,2024-02,ict_services,,net,-2000.5,oku_yen,1,preliminary,test",
        "JPN,M,2024-02,consulting,,net,-3000,oku_yen,1,preliminary,test",
        "JPN,M,2024-03,copyright_royalties,,net,-1000,oku_yen,1,preliminary,test",
        "JPN,M,2024-03,consulting,,net,-3000,oku_yen,1,preliminary,test",
        "JPN,M,2024-04,copyright_royalties,,net,-10,oku_yen,1,preliminary,test",
        "JPN,M,2024-04,telecom_services,,net,-1,oku_yen,1,preliminary,test",
        "JPN,M,2024-04,computer_services,,net,-2,oku_yen,1,preliminary,test",
        "JPN,M,2024-04,information_services,,net,-3,oku_yen,1,preliminary,test",
        "JPN,M,2024-04,consulting,,net,-20,oku_yen,1,preliminary,test",
    ]
    path = tmp_path / "monthly.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    monkeypatch.setenv("DIGITAL_DEFICIT_DATA", str(path))
    series = udfs.dd_series("digital", "", "", "M")
    assert series == [
        ["Period", "Digital balance (mof3) (net, oku yen)"],
        ["2024-01", -5000.0],
        ["2024-02", -6000.5],
        ["2024-03", NA],
        ["2024-04", -36.0],
    ]
    periods = [[row[0]] for row in series[1:]]
    assert udfs.dd_value("digital", periods) == [[row[1]] for row in series[1:]]
    assert udfs.dd_series("copyright_royalties", 2024, 2024, "M")[1:5] == [
        ["2024-01", -1.0],
        ["2024-02", -1000.0],
        ["2024-03", -1000.0],
        ["2024-04", -10.0],
    ]
    assert len(udfs.dd_series("copyright_royalties", 2024, 2024, "Q")) == 1 + 4
    assert udfs.dd_series("copyright_royalties", "2024-02", "2024-05")[1:] == [
        ["2024-02", -1000.0],
        ["2024-03", -1000.0],
        ["2024-04", -10.0],
        ["2024-05", NA],
    ]


def test_errors_inside_the_classic_com_server_are_com_exceptions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests import xlwings_stubs

    monkeypatch.delenv("XLWINGS_ON_SERVER", raising=False)
    stand_ins = ("pythoncom", "pywintypes", "win32com", "win32com.client", "win32com.server")
    for name in (*stand_ins, "win32com.server.exception", "xlwings.com_server"):
        monkeypatch.setitem(sys.modules, name, None)  # removed again after the test
    xlwings_stubs.install_pywin32_stand_ins()
    sys.modules["xlwings.com_server"] = xlwings_stubs.types.ModuleType("xlwings.com_server")
    with pytest.raises(xlwings_stubs.COMException) as info:
        udfs.dd_value("digital", 2024, side="gross")
    message = "side: unknown side 'gross'; expected one of: net, credit, debit"
    assert info.value.description == message
    assert xlwings_stubs.vba_err_description(info.value) == message
    monkeypatch.setenv("XLWINGS_ON_SERVER", "true")  # xlwings Server in the same process
    assert _error(lambda: udfs.dd_value("digital", 2024, side="gross")) == message
