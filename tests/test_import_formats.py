"""Each importer against its fixture: the published annual figures come back to the last digit."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from digital_deficit.cli.main import main
from digital_deficit.data.csvio import read_dataset
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.figures import digital_figure, item_figure
from digital_deficit.data.importers.dispatch import import_file, sniff_format
from digital_deficit.data.importers.errors import ImportFileError

FIXTURES = Path(__file__).parent / "fixtures"
BOJ_FILES = {
    "boj_api_en.json": "boj-json",
    "boj_api_jp.json": "boj-json",
    "boj_api_en.csv": "boj-csv",
    "boj_api_jp_sjis.csv": "boj-csv",
    "boj_wide_bp01.csv": "boj-wide",
    "boj_wide_bp01_jp_sjis.csv": "boj-wide",
    "boj_search_simple_cp932.csv": "boj-search",
    "boj_search_detail_en.csv": "boj-search",
    "boj_search_detail_jp_cp932.csv": "boj-search",
}
TODAY = date(2026, 5, 20)


def _imported(name: str) -> Dataset:
    return import_file(FIXTURES / name, today=TODAY).dataset


@pytest.mark.parametrize(("name", "fmt"), sorted(BOJ_FILES.items()))
def test_boj_files_give_the_published_figures(name: str, fmt: str) -> None:
    assert sniff_format((FIXTURES / name).read_bytes(), name) == fmt
    data = _imported(name)
    cy = {
        ("current_account", 2023): 206295,
        ("current_account", 2024): 292615,
        ("current_account", 2025): 318799,
        ("goods", 2024): -38990,
        ("services", 2025): -33928,
        ("primary_income", 2024): 402072,
        ("secondary_income", 2023): -40962,
        ("travel", 2024): 58973,
        ("ict_services", 2024): -24941,
        ("direct_investment_income", 2024): 245518,
        ("portfolio_investment_income", 2024): 142753,
    }
    for (item, year), value in cy.items():
        assert item_figure(data, item, str(year)).value == value, (item, year)
    fy = {
        ("current_account", 2023): 253390,
        ("current_account", 2024): 303771,
        ("primary_income", 2024): 417114,
        ("travel", 2023): 42295,
        ("reinvested_earnings", 2023): 105687,
        ("portfolio_investment_income", 2023): 128169,
    }
    for (item, year), value in fy.items():
        assert item_figure(data, item, str(year), "FY").value == value, (item, year)
    assert digital_figure(data, "2023", "CY", "mof3").value == -55360
    assert digital_figure(data, "2024", "CY", "mof3").value == -66506
    assert digital_figure(data, "2024", "CY", "narrow").value == -64622
    assert digital_figure(data, "2023", "FY", "mof3").value == -55714
    assert digital_figure(data, "2023", "CY", "mof3", side="debit").value == 92463
    assert digital_figure(data, "2023", "CY", "mof3", side="credit").value == 37103
    obs = data.get("current_account", "2024")
    assert obs is not None
    no_date = fmt == "boj-wide" or name == "boj_search_simple_cp932.csv"  # the import date
    expected_vintage = "2026-05-20" if no_date else "2026-05-18"
    assert (obs.unit, obs.vintage) == ("oku_yen", expected_vintage)
    assert data.get("current_account", "2025", "FY") is None  # FY2025 ends 2026-03: missing


def test_mof_files_give_the_published_figures() -> None:
    summary = _imported("mof_summary_cp932.csv")
    services = _imported("mof_services_cp932.csv")
    primary = _imported("mof_primary_income_cp932.csv")
    assert item_figure(summary, "current_account", "2024").value == 292615
    assert item_figure(summary, "goods_and_services", "2024").value == -65152
    assert item_figure(summary, "current_account", "2024", "FY").value == 303771
    assert item_figure(summary, "secondary_income", "2023").value == -40962
    assert item_figure(services, "travel", "2024", "FY").value == 66864
    assert item_figure(services, "ict_services", "2024").value == -24941
    combined = Dataset([*summary, *services, *primary])
    assert digital_figure(combined, "2024", "CY", "mof3").value == -66506
    assert digital_figure(combined, "2024", "CY", "narrow").value == -64622
    assert digital_figure(combined, "2023", "CY", "mof3", side="debit").value == 92463
    assert item_figure(primary, "reinvested_earnings", "2023", "FY").value == 105687
    obs = summary.get("current_account", "2025-12", "M")
    assert obs is not None and obs.vintage == "2026-02-09"  # the release date the file states
    assert "months marked (P), preliminary: 2025-11, 2025-12" in obs.source
    assert summary.get("current_account", "2026-01", "M") is None  # "--" is no data


def test_mof_items_in_rows_layout() -> None:
    data = _imported("mof_summary_rows_cp932.csv")
    assert item_figure(data, "current_account", "2024").value == 292615
    assert item_figure(data, "current_account", "2023", "FY").value == 253390
    assert item_figure(data, "goods_and_services", "2024").value == -65152
    assert item_figure(data, "secondary_income", "2023").value == -40962
    assert item_figure(data, "primary_income", "2025").value == 415903
    obs = data.get("goods", "2025-12", "M")
    assert obs is not None and obs.vintage == "2026-02-09"
    assert "months marked P, preliminary: 2025-11, 2025-12" in obs.source
    assert {o.item for o in data} == {
        "current_account", "goods_and_services", "goods", "services", "primary_income",
        "secondary_income",
    }  # fmt: skip


def test_imf_sdmx_keeps_dollars_and_sums_quarters() -> None:
    result = import_file(FIXTURES / "imf_bop_deu.xml", today=TODAY)
    data = result.dataset
    assert result.imported.warnings == ["DEU.SJ22.DB_T: indicator or entry not mapped; skipped"]
    q = data.get("ict_services", "2024Q1", "Q", side="credit", country="DEU")
    assert q is not None and (q.value, q.unit, q.vintage) == (9500.6, "usd_million", "2026-03-31")
    cy = item_figure(data, "ict_services", "2024", "CY", "credit", country="DEU")
    assert cy.value == 38695.0  # 9500.6 + 9622.2 + 9731.9 + 9840.3, exactly
    net = item_figure(data, "consulting", "2023", "CY", "net", country="DEU")
    assert net.how == "credit - debit"
    assert net.value == 1999.8  # CY credit 28,607.6 - debit 26,607.8, exactly
    custom = digital_figure(
        data, "2024", "CY", ["ip_charges", "ict_services", "consulting"], "debit", "DEU"
    )
    assert custom.value == 96960.2  # 22,271.8 + 46,464.4 + 28,224.0
    assert data.get("ict_services", "2024", "FY", side="credit", country="DEU") is None


def test_import_command_writes_a_dataset_metrics_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "imported.csv"
    args = ["import", str(FIXTURES / "boj_api_jp_sjis.csv"), "--out", str(out)]
    assert main([*args, "--vintage", "2026-05-20"]) == 0
    printed = capsys.readouterr().out
    assert "BoJ API CSV (long" in printed
    assert "Merged with the embedded dataset: 822 new figures, 39 superseded, 0 kept" in printed
    assert "  CY 2023 current_account net: 206,295 [preliminary] -> 206,295 [2026-05-18]" in printed
    assert "  digital balance narrow: yes, 2023-2025" in printed.splitlines()
    assert "  cash-flow current account oguro2: yes, 2023-2025" in printed.splitlines()
    assert read_dataset(out).get("travel", "2024") is not None
    assert (
        main(["metrics", "--data", str(out), "--from", "2023", "--to", "2024", "--format", "json"])
        == 0
    )
    rows = {r["period"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert (rows["2024"]["digital"], rows["2024"]["travel"]) == (-66506, 58973)
    assert main(args) == 1  # exists: not overwritten without --force
    assert "exists; use --force to overwrite it" in capsys.readouterr().err


def test_imf_sdmx_json_gives_the_same_figures_as_sdmx_ml() -> None:
    from_xml = import_file(FIXTURES / "imf_bop_deu.xml", today=TODAY).dataset
    from_json = import_file(FIXTURES / "imf_bop_deu.json", today=TODAY).dataset
    assert sniff_format((FIXTURES / "imf_bop_deu.json").read_bytes(), "x") == "imf-sdmx"
    assert [(o.key, o.value, o.unit, o.vintage) for o in from_json.observations] == [
        (o.key, o.value, o.unit, o.vintage) for o in from_xml.observations
    ]


def test_an_ambiguous_series_in_a_file_is_left_out_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(
        ",,,,202401,202402\r\n"
        "BPBP6JYNCB,BP,Current account/Net balance,100 million Yen,1.5,2\r\n"
        "X2,BP,Services/Computer services/Net balance,100 million Yen,3,4\r\n"
        "X3,BP,Services/Telecommunications/Computer services/Net balance,100 million Yen,5,6\r\n"
        "X4,BP,Financial account/Direct investment/Reinvested earnings/Net,100 million Yen,7,8\r\n",
        "utf-8",
    )
    result = import_file(path, vintage="2026-05-18")
    assert {(o.item, o.period, o.value) for o in result.dataset} == {
        ("current_account", "2024-01", 1.5),
        ("current_account", "2024-02", 2.0),
    }
    assert result.imported.warnings == [
        "computer_services net is named by 2 series (X2 'Services/Computer services/Net "
        "balance', X3 'Services/Telecommunications/Computer services/Net balance'); skipped "
        "(nothing guessed)",
        "1 series name no project item and were skipped",
    ]


def _imf_fixture_net(year: int) -> Decimal:
    """CY net (credit - debit) of SH + SI + SJ2 straight from the fixture's values."""
    from tests.fixtures.make_fixtures import IMF_VALUES

    quarters = slice((year - 2023) * 4, (year - 2023) * 4 + 4)
    return sum(
        (
            sum(Decimal(v) for v in IMF_VALUES[(i, "CD_T")][quarters])
            - sum(Decimal(v) for v in IMF_VALUES[(i, "DB_T")][quarters])
            for i in ("SH", "SI", "SJ2")
        ),
        Decimal(0),
    )


@pytest.mark.parametrize("name", ["imf_bop_deu.xml", "imf_bop_deu.json"])
def test_imf_digital_balance_of_germany_with_core_functions(name: str) -> None:
    data = import_file(FIXTURES / name, today=TODAY).dataset
    assert {(o.country, o.unit) for o in data} == {("DEU", "usd_million")}
    assert {(o.item, o.side) for o in data} == {
        (item, side)
        for item in ("ip_charges", "ict_services", "consulting")
        for side in ("credit", "debit")
    }
    assert {o.basis for o in data} == {"Q", "CY"}  # quarters as given, CY sums; no FY
    for year in (2023, 2024):
        figure = digital_figure(
            data, str(year), "CY", ["ip_charges", "ict_services", "consulting"], country="DEU"
        )
        # the exact decimal sum, not float noise (2024 was -9338.100000000002)
        assert figure.value == float(_imf_fixture_net(year))
        assert {o.unit for o in figure.sources} == {"usd_million"}
    assert _imf_fixture_net(2023) == Decimal("-9246.0")


def test_import_command_states_the_unit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "deu.csv"
    assert main(["import", str(FIXTURES / "imf_bop_deu.xml"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Series imported (country item side: figures, unit):" in printed
    assert "  DEU ip_charges credit: 10, million US dollars (usd_million)" in printed
    assert main(["import", str(FIXTURES / "mof_services_cp932.csv"), "--out", str(out),
                 "--force"]) == 0  # fmt: skip
    assert "  JPN travel net: 41, 100 million yen (oku yen)" in capsys.readouterr().out


LONG_HEADER = (
    "SERIES_CODE,NAME_OF_TIME_SERIES,UNIT,FREQUENCY,CATEGORY,LAST_UPDATE,SURVEY_DATE,VALUE"
)


def _long_row(code: str, name: str, update: int, month: int, value: str) -> str:
    return f'{code},"{name}",100 million Yen,MONTHLY,BoP,{update},2024{month:02d},{value}'


def test_long_csv_series_split_over_the_file_and_quoted_codes(tmp_path: Path) -> None:
    ca, travel = "Current account/Net balance", "Services/Travel/Net balance"
    rows = [
        LONG_HEADER,
        _long_row("BPBP6JYNCB", ca, 20260518, 1, "1.25"),
        _long_row("X1", travel, 20260518, 1, "7"),
        _long_row('"BPBP6JYNCB"', ca, 20260519, 2, "2.5"),
        "",
        _long_row("X1", travel, 20260518, 2, "8"),
    ]
    path = tmp_path / "long.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode())
    result = import_file(path, vintage="2026-06-01")
    got = {(o.item, o.basis, o.period, o.value, o.vintage) for o in result.dataset}
    assert got == {
        ("current_account", "M", "2024-01", 1.25, "2026-05-19"),
        ("current_account", "M", "2024-02", 2.5, "2026-05-19"),
        ("travel", "M", "2024-01", 7.0, "2026-05-18"),
        ("travel", "M", "2024-02", 8.0, "2026-05-18"),
    }
    assert result.imported.warnings == [
        "series BPBP6JYNCB has 2 LAST_UPDATE dates (2026-05-18, 2026-05-19); the latest, "
        "2026-05-19, is its vintage"
    ]


def test_long_csv_stray_line_is_named(tmp_path: Path) -> None:
    rows = [LONG_HEADER, _long_row("BPBP6JYNCB", "Current account", 20260518, 1, "1"), "oops"]
    path = tmp_path / "long.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode())
    with pytest.raises(ImportFileError) as info:
        import_file(path, vintage="2026-06-01")
    assert str(info.value) == f"{path}, line 3: has 1 field; expected 8 (truncated file?)"


def test_merge_report_numbers_keep_every_digit() -> None:
    from digital_deficit.data.importers.merge import full_number

    assert full_number(15988.45732161) == "15,988.45732161"  # :g gave 15988.5
    assert full_number(-66506.0) == "-66,506"
    assert full_number(1234567.5) == "1,234,567.5"
