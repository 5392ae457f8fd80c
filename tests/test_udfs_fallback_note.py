"""Issue 13 point 2 in Excel: when a data file or a `data` range is given but a figure comes from
the embedded figures, DD_SOURCE says so first in its text (DD_VALUE's number cannot carry a
note); with nothing given, citations are as they were."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlwings

from digital_deficit import udfs

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
