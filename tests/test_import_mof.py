"""MOF time-series CSVs in MOF's own layout: era years on January rows, the English month with
(P), ▲ negatives, quoted numbers after a space, -- or blank for no data (DOMAIN.md section 4,
as three public parsers read 6s-1-4.csv and 6s-a-2.csv; fixtures by make_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digital_deficit.data.dataset import Dataset
from digital_deficit.data.figures import digital_figure, item_figure
from digital_deficit.data.importers.dispatch import import_file, sniff_format
from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.mof_dates import era_year

FIXTURES = Path(__file__).parent / "fixtures"
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def test_the_era_layout_gives_the_published_figures() -> None:
    summary_path = FIXTURES / "mof_summary_era_cp932.csv"
    assert sniff_format(summary_path.read_bytes(), "x") == "mof-csv"
    summary = import_file(summary_path, vintage="2026-05-20").dataset
    services = import_file(FIXTURES / "mof_services_era_cp932.csv", vintage="2026-05-20").dataset
    assert item_figure(summary, "current_account", "2024").value == 292615
    assert item_figure(summary, "current_account", "2024", "FY").value == 303771
    assert item_figure(summary, "goods", "2024").value == -38990  # ▲ read as negative
    assert item_figure(summary, "goods_and_services", "2024").value == -65152
    assert item_figure(summary, "secondary_income", "2023").value == -40962
    assert digital_figure(services, "2024", "CY", "mof3").value == -66506
    assert digital_figure(services, "2023", "CY", "mof3", side="debit").value == 92463
    obs = summary.get("current_account", "2025-12", "M")
    assert obs is not None and obs.vintage == "2026-05-20"
    assert "months marked (P), preliminary: 2025-11, 2025-12" in obs.source
    assert summary.get("current_account", "2026-01", "M") is None  # -- and blank: no data
    jan = summary.get("goods", "2023-01", "M")
    assert jan is not None and jan.value == -5137  # ' "▲5,137"'
    assert isinstance(Dataset([*summary, *services]), Dataset)


@pytest.mark.parametrize(
    ("text", "year"),
    [("平成8年", 1996), ("平成31年", 2019), ("令和元年", 2019), ("令和6年", 2024),
     ("昭和64年", 1989), ("令和 7 年", 2025), ("2024年", None), ("R6", None)],
)  # fmt: skip
def test_era_years(text: str, year: int | None) -> None:
    assert era_year(text) == year


HEAD = "(単位：億円)\r\n,,,,経常収支 (a+b+c),サービス収支\r\n,,,,Current Account,Services\r\n"


def _import(tmp_path: Path, body: str) -> Dataset:
    path = tmp_path / "mof.csv"
    path.write_bytes((HEAD + body).encode("cp932"))
    return import_file(path, vintage="2026-05-20").dataset


def _error(tmp_path: Path, body: str) -> str:
    with pytest.raises(ImportFileError) as info:
        _import(tmp_path, body)
    return str(info.value).split(": ", 1)[1]


def test_era_year_and_western_year_must_agree(tmp_path: Path) -> None:
    assert _error(tmp_path, '令和6年,1月,2023,Jan, "1", "2"\r\n') == (
        "era year 令和6年 is 2024, not 2023; expected the same"
    )
    assert _error(tmp_path, ',1月,,Jan, "1", "2"\r\n') == (
        "states no year above this month (era year or Western year)"
    )
    assert _error(tmp_path, '令和6年,2月,2024,Jan, "1", "2"\r\n') == (
        "month '2月' but 'Jan'; expected the same"
    )
    assert _error(tmp_path, '令和6年,1月,2024,Jan, "1", "x"\r\n') == (
        "column 6 (サービス収支 / Services) is 'x'; expected a number or a blank cell"
    )


def test_the_year_carries_down_and_the_western_year_alone_dates(tmp_path: Path) -> None:
    data = _import(tmp_path, '平成8年,12月,1996,Dec, "1"," 2"\r\n,1月,1997,Jan, "▲3", --\r\n')
    assert {(o.period, o.item, o.value) for o in data.observations if o.basis == "M"} == {
        ("1996-12", "current_account", 1.0),
        ("1997-01", "current_account", -3.0),
        ("1996-12", "services", 2.0),
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.lists(st.one_of(st.none(), st.integers(-(10**7), 10**7)), min_size=1, max_size=30),
    quote=st.sampled_from(['"', ""]),
    space=st.sampled_from([" ", ""]),
)
def test_any_era_table_reads_back_exactly(
    tmp_path: Path, values: list[int | None], quote: str, space: str
) -> None:
    rows = []
    for i, v in enumerate(values):
        year, month = 2019 + i // 12, i % 12 + 1
        era = ("平成31年" if year == 2019 else f"令和{year - 2018}年") if month == 1 else ""
        western = str(year) if month == 1 else ""
        digits = "" if v is None else f"{abs(v):,}" if quote else str(abs(v))
        text = "--" if v is None else f"{'▲' if v < 0 else ''}{digits}"
        cell = text if v is None or not quote else f"{space}{quote}{text}{quote}"
        english = EN_MONTHS[month - 1]
        rows.append(f"{era},{month}月,{western},{english},{cell}, 1\r\n")
    if all(v is None for v in values):
        return
    data = _import(tmp_path, "".join(rows))
    for i, v in enumerate(values):
        obs = data.get("current_account", f"{2019 + i // 12}-{i % 12 + 1:02d}", "M")
        assert (obs.value if obs else None) == v
