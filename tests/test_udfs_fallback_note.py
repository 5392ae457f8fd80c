"""Issue 13 point 2 in Excel: when a data file or a `data` range is given but a figure comes from
the embedded figures, DD_SOURCE says so first in its text (DD_VALUE's number cannot carry a
note); with nothing given, citations are as they were."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlwings

from digital_deficit import udfs
from digital_deficit.udfs.figures import _embedded_periods

HEADER = "country,basis,period,item,definition,side,value,unit,precision,vintage,source\n"
TRAVEL_2024 = "MOF preliminary CY2024 release (Kyodo via kumanichi 1685611) [preliminary]"
TABLE = [
    HEADER.strip().split(","),
    ["JPN", "CY", 2030, "digital", "mof3", "net", -100000, "oku_yen", 1000, "analyst", "mine"],
]


@pytest.fixture
def data_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A data file (DIGITAL_DEFICIT_DATA) holding only 2024's travel receipts."""
    path = tmp_path / "receipts.csv"
    path.write_text(
        HEADER + "JPN,CY,2024,travel,,credit,90000,oku_yen,1,2026-05-18,My travel receipts\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DIGITAL_DEFICIT_DATA", str(path))
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(tmp_path / "absent.conf"))
    return path


def test_a_figure_of_the_data_file_has_no_note(data_file: Path) -> None:
    assert udfs.dd_value("travel", 2024, None, None, "credit") == 90000
    assert udfs.dd_source("travel", 2024, None, None, "credit") == (
        "My travel receipts [2026-05-18]"
    )


def test_an_embedded_figure_says_it_is_not_from_the_file(data_file: Path) -> None:
    assert udfs.dd_value("travel", 2024) == 58973  # the number is the same...
    assert udfs.dd_source("travel", 2024) == (  # ...its source says where it came from
        f"embedded figure, not from receipts.csv: {TRAVEL_2024}"
    )


def test_a_figure_partly_from_the_file_names_the_embedded_inputs(data_file: Path) -> None:
    assert udfs.dd_value("travel", 2024, None, None, "debit") == 90000 - 58973
    assert udfs.dd_source("travel", 2024, None, None, "debit") == (
        "embedded figures for travel net, not from receipts.csv: credit - net: "
        f"My travel receipts [2026-05-18]; {TRAVEL_2024}"
    )


def test_a_data_range_and_a_data_file_are_both_named(data_file: Path) -> None:
    cells = udfs.dd_source("travel", [[2024], [2030]], None, None, None, None, TABLE)
    assert cells == [
        [f"embedded figure, not from receipts.csv or the data range: {TRAVEL_2024}"],
        ["#N/A"],
    ]
    assert udfs.dd_source("digital", 2030, None, None, None, None, TABLE) == "mine [analyst]"


def test_a_data_range_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DIGITAL_DEFICIT_DATA", raising=False)
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(tmp_path / "absent.conf"))
    assert udfs.dd_source("travel", 2024, None, None, None, None, TABLE) == (
        f"embedded figure, not from the data range: {TRAVEL_2024}"
    )
    assert udfs.dd_source("travel", 2024) == TRAVEL_2024  # nothing given: no note


def test_a_series_header_names_the_embedded_periods(data_file: Path) -> None:
    rows = udfs.dd_series("travel", 2023, 2025)
    assert rows[0] == [
        "Period",
        "Travel (net, oku yen); embedded figures in 2023-2025, not from receipts.csv",
    ]
    assert [r[1] for r in rows[1:]] == [36313.0, 58973.0, udfs.dd_value("travel", 2025)]
    credit = udfs.dd_series("travel", 2024, 2024, None, None, "credit")
    assert credit == [["Period", "Travel (credit, oku yen)"], [2024.0, 90000.0]]


def test_a_long_list_of_embedded_periods_is_counted(data_file: Path) -> None:
    rows = udfs.dd_series("digital", "FY2014", "FY2024")
    assert rows[0][1] == (
        "Digital balance (mof3) (net, oku yen); embedded figures in FY2023, FY2024, "
        "not from receipts.csv"
    )
    months = [f"2024-{m:02d}" for m in range(1, 13)]
    assert _embedded_periods(months, 24) == "embedded figures in 12 of the 24 periods"
    assert _embedded_periods(["2014", "2015", "2016", "2019"], 6) == (
        "embedded figures in 2014-2016, 2019"
    )
