"""BoJ search-page downloads: SIMPLE and DETAIL headers, both languages, cp932 and UTF-8,
monthly, quarterly and annual dates, padded values, blank/NA/ND; other databases refused.

Layouts from DOMAIN.md section 4 (a real TANKAN download: cp932, LF, ``データコード,CO'...``,
``2014/03,1.1,1.8``, values padded with spaces; the DETAIL header: nine metadata rows, blank
lines, then the data); the fixtures are written by fixtures/make_fixtures.py.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digital_deficit.data.importers.dispatch import import_file, read_official_file, sniff_format
from digital_deficit.data.importers.errors import ImportFileError

FIXTURES = Path(__file__).parent / "fixtures"


def _write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "dl.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _error(path: Path) -> str:
    with pytest.raises(ImportFileError) as info:
        import_file(path, vintage="2026-05-20")
    return str(info.value).replace(str(path), path.name)


def test_simple_header_padded_values_and_missing_months() -> None:
    result = import_file(FIXTURES / "boj_search_simple_cp932.csv", vintage="2026-05-20")
    data = result.dataset
    obs = data.get("current_account", "2023-01", "M")
    assert obs is not None and (obs.value, obs.unit) == (15988.45732161, "oku_yen")
    assert "unit from the BP01 catalogue (the file states none)" in obs.source
    assert "series BPBP6JYNCB" in obs.source and "(BP01 code)" in obs.source
    assert data.get("current_account", "2026-01", "M") is None  # blank or ND: no data
    assert data.get("consulting", "2024", side="debit") is not None
    assert result.imported.warnings == []


def test_detail_header_in_japanese_gives_names_units_and_the_last_update() -> None:
    data = import_file(FIXTURES / "boj_search_detail_jp_cp932.csv", vintage="2026-05-20").dataset
    obs = data.get("copyright_royalties", "2024", side="credit")
    assert obs is not None and obs.vintage == "2026-05-18"
    assert "サービス/その他サービス/知的財産権等使用料/著作権等使用料/受取" in obs.source


def test_another_database_is_refused_naming_its_series() -> None:
    path = FIXTURES / "boj_tankan_search_cp932.csv"
    assert sniff_format(path.read_bytes(), path.name) == "boj-search"
    assert _error(path) == (
        "boj_tankan_search_cp932.csv: is a download from the BoJ database CO (TANKAN, Short-term "
        "Economic Survey of Enterprises), not the balance of payments: it holds "
        "CO'COAEF0000011HCQ000000@, CO'COAEF0000012HCQ000000@, CO'TK99F1000601GCQ01000; "
        "expected BP01 series such as BP01'BPBP6JYNCB"
    )


def test_prices_beside_bp01_are_skipped_with_a_warning(tmp_path: Path) -> None:
    text = "データコード,BP01'BPBP6JYNCB,PR01'PRCG20_2200000000\n2024/01,1.5  ,120.1\n"
    result = import_file(_write(tmp_path, text, "cp932"), vintage="2026-05-20")
    assert [(o.item, o.period, o.value) for o in result.dataset.observations] == [
        ("current_account", "2024-01", 1.5)
    ]
    assert result.imported.warnings == [
        "1 series of other BoJ databases skipped (PR01'PRCG20_2200000000): only BP01 is the "
        "balance of payments"
    ]


DETAIL = (
    "Series code,BP01'TESTQ1,BP01'TESTQ2\n"
    "Name of time-series,Current account/Net balance,Services/Travel/Credit\n"
    "Unit,100 million yen,100 million yen\n"
    "Frequency,{freq},{freq}\n"
    "Last update,2026/05/18,2026/05/18\n"
    "\n\n"
)


def test_quarterly_dates_on_the_quarters_last_month(tmp_path: Path) -> None:
    rows = "2024/03,1,2\n2024/06,3,4\n2024/09,5,NA\n2024/12,7,8\n"
    data = import_file(_write(tmp_path, DETAIL.format(freq="Quarterly") + rows)).dataset
    q3 = data.get("current_account", "2024Q3", "Q")
    assert q3 is not None and q3.value == 5
    assert data.get("current_account", "2024").value == 16  # type: ignore[union-attr]
    assert data.get("travel", "2024", side="credit") is None  # a quarter missing: no total
    simple = "データコード,BP01'TESTQ1\n2023/12,9\n2024/03,1\n2024/06,3\n"  # spacing tells
    [series] = read_official_file(_write(tmp_path, simple, name="s.csv")).series
    series.load()
    assert (series.frequency, series.points) == ("Q", {(2023, 4): 9, (2024, 1): 1, (2024, 2): 3})


def test_annual_dates(tmp_path: Path) -> None:
    rows = "2023,10.5,1\n2024,12.25,ND\n"
    data = import_file(_write(tmp_path, DETAIL.format(freq="Annual") + rows)).dataset
    assert data.get("current_account", "2024").value == 12.25  # type: ignore[union-attr]
    assert data.get("travel", "2024", side="credit") is None


def test_a_monthly_series_converted_to_quarters_is_refused(tmp_path: Path) -> None:
    text = "データコード,BP01'BPBP6JYNCB\n2024/03,1\n2024/06,2\n2024/09,3\n"
    assert _error(_write(tmp_path, text)) == (
        "dl.csv: series BP01'BPBP6JYNCB is monthly in BP01 but the file holds it quarterly "
        "(converted by the search page, which may average a flow); download it monthly"
    )


def test_bad_rows_are_named(tmp_path: Path) -> None:
    head = "データコード,BP01'BPBP6JYNCB,BP01'BPBP6JYNTB\n"
    assert _error(_write(tmp_path, head + "2024/01,1,2\n2024/02,1\n")) == (
        "dl.csv, line 3: has 2 fields; expected 3 (truncated file?)"
    )
    assert _error(_write(tmp_path, head + "2024/01,1,x\n")) == (
        "dl.csv, line 2: column 3 is 'x'; expected a number or a blank cell"
    )
    assert _error(_write(tmp_path, head + "2024/01,1,2\n2024/01,1,2\n")) == (
        "dl.csv, line 3: period 2024/01 appears twice"
    )
    assert _error(_write(tmp_path, head + "2024/13,1,2\n")) == (
        "dl.csv, line 2: period '2024/13' has no month 13"
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.lists(
        st.one_of(st.none(), st.decimals(-(10**6), 10**6, places=8, allow_nan=False)),
        min_size=1,
        max_size=30,
    ),
    padding=st.sampled_from(["", " ", "  "]),
    missing=st.sampled_from(["", "NA", "ND"]),
    encoding=st.sampled_from(["utf-8", "cp932"]),
    line_end=st.sampled_from(["\n", "\r\n"]),
)
def test_any_monthly_download_reads_back_exactly(
    tmp_path: Path,
    values: list[Decimal | None],
    padding: str,
    missing: str,
    encoding: str,
    line_end: str,
) -> None:
    rows = ["データコード,BP01'BPBP6JYNSN9062"]
    for i, v in enumerate(values):
        cell = missing if v is None else f"{v.normalize():f}{padding}"
        rows.append(f"{2000 + i // 12}/{i % 12 + 1:02d},{cell}")
    path = _write(tmp_path, line_end.join(rows) + line_end, encoding)
    if all(v is None for v in values):
        assert _error(path) == "dl.csv: holds no values (every period of its series is blank)"
        return
    data = import_file(path, vintage="2026-05-20").dataset
    for i, v in enumerate(values):
        obs = data.get("copyright_royalties", f"{2000 + i // 12}-{i % 12 + 1:02d}", "M")
        assert (obs.value if obs else None) == (None if v is None else float(v))
