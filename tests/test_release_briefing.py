"""The release-day briefing on a monthly file (issue 9): the Latest release sheet's numbers are
the sums this test makes of the monthly values it wrote (tests/monthly_release_data.py), the
charts carry the monthly points, annual-only data change nothing, FY and Japanese editions."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from digital_deficit.export.builder import Briefing, build_briefing
from digital_deficit.export.options import BriefOptions
from tests.monthly_release_data import MONTHS, VALUES, digital, monthly_file, total
from tests.test_export_golden import SHEETS

REL = 1e-12


@pytest.fixture(scope="module")
def monthly(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return monthly_file(tmp_path_factory.mktemp("monthly"))


@pytest.fixture(scope="module")
def briefing(monthly: Path) -> Briefing:
    return build_briefing(BriefOptions(data=str(monthly)))


def cached(b: Briefing, sheet: str, coordinate: str) -> Any:
    """What a viewer shows: the cached value of a formula, else the cell's value."""
    found = b.cache.get(sheet, coordinate)
    return found if found is not None else b.workbook[sheet][coordinate].value


def row_of(b: Briefing, sheet: str, label: str, after: int = 0) -> int:
    ws = b.workbook[sheet]
    for row in range(after + 1, ws.max_row + 1):
        if ws[f"A{row}"].value == label:
            return row
    raise AssertionError(f"{label!r} not on {sheet}")


def months_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    return [m for m in MONTHS if first <= m <= last]


def close(value: object, expected: Decimal) -> bool:
    return isinstance(value, float) and value == pytest.approx(float(expected), rel=REL)


def test_latest_release_names_the_month_and_sums_the_months(briefing: Briefing) -> None:
    sheet = "Latest release"
    assert cached(briefing, sheet, "A1") == "Latest release: 2025-03"
    headers = [cached(briefing, sheet, f"{c}10") for c in "CDEFGHIJKL"]
    assert headers[:2] == ["2025-03", "2024-03"]
    assert headers[4:6] == ["2025, Jan–Mar", "2024, Jan–Mar"]
    assert headers[7:9] == ["12 months to 2025-03", "12 months to 2024-03"]
    row = row_of(briefing, sheet, "Digital balance")
    got = [cached(briefing, sheet, f"{c}{row}") for c in "CDEFGHIJKL"]
    now, ago = digital("net", (2025, 3)), digital("net", (2024, 3))
    ytd = sum(digital("net", m) for m in months_between((2025, 1), (2025, 3)))
    ytd_prev = sum(digital("net", m) for m in months_between((2024, 1), (2024, 3)))
    r12 = sum(digital("net", m) for m in months_between((2024, 4), (2025, 3)))
    r12_prev = sum(digital("net", m) for m in months_between((2023, 4), (2024, 3)))
    expected = [now, ago, now - ago, None, ytd, ytd_prev, ytd - ytd_prev, r12, r12_prev]
    expected.append(r12 - r12_prev)
    for value, want in zip(got, expected, strict=True):
        if want is not None:
            assert close(value, want), (value, want)
    assert got[3] == pytest.approx(float(now / ago - 1), rel=1e-9)  # deficits: size change


@pytest.mark.parametrize(
    ("label", "item", "side"),
    [
        ("Digital payments", "digital", "debit"),
        ("Digital receipts", "digital", "credit"),
        ("Current account", "current_account", "net"),
        ("Travel", "travel", "net"),
    ],
)
def test_payments_receipts_and_other_items(
    briefing: Briefing, label: str, item: str, side: str
) -> None:
    row = row_of(briefing, "Latest release", label)

    def summed(first: tuple[int, int], last: tuple[int, int]) -> Decimal:
        span = months_between(first, last)
        if item == "digital":
            return sum((digital(side, m) for m in span), Decimal(0))
        return total(item, side, span)

    assert close(cached(briefing, "Latest release", f"C{row}"), summed((2025, 3), (2025, 3)))
    assert close(cached(briefing, "Latest release", f"G{row}"), summed((2025, 1), (2025, 3)))
    assert close(cached(briefing, "Latest release", f"J{row}"), summed((2024, 4), (2025, 3)))


def test_components_with_payments_and_receipts(briefing: Briefing) -> None:
    sheet = "Latest release"
    row = row_of(briefing, sheet, "Professional and management consulting services")
    assert cached(briefing, sheet, f"A{row + 1}") == "Payments"
    assert cached(briefing, sheet, f"A{row + 2}") == "Receipts"
    for offset, side in enumerate(("net", "debit", "credit")):
        span = months_between((2024, 4), (2025, 3))
        assert close(cached(briefing, sheet, f"J{row + offset}"), total("consulting", side, span))


def test_the_last_13_months_and_the_months_sheet(briefing: Briefing) -> None:
    sheet = "Latest release"
    top = row_of(briefing, sheet, "The last 13 months")
    assert cached(briefing, sheet, f"C{top + 1}") == "2024-03"
    assert cached(briefing, sheet, f"O{top + 1}") == "2025-03"
    assert close(cached(briefing, sheet, f"O{top + 2}"), digital("net", (2025, 3)))
    months = briefing.workbook["Months"]
    assert months["A5"].value == "2022-01" and months[f"A{4 + len(MONTHS)}"].value == "2025-03"
    # the 12-month sum column starts with the 12th month
    assert cached(briefing, "Months", "C15") == "n/a"
    assert close(cached(briefing, "Months", "C16"), sum(digital("net", m) for m in MONTHS[:12]))


def test_the_latest_release_formulas_read_the_months_sheet(briefing: Briefing) -> None:
    ws = briefing.workbook["Latest release"]
    row = row_of(briefing, "Latest release", "Digital balance")
    assert ws[f"C{row}"].value == "='Months'!$B$43"
    assert ws[f"E{row}"].value == f'=IF(COUNT(C{row},D{row})<2,"n/a",C{row}-D{row})'
    assert ws[f"G{row}"].value.startswith("=IF(COUNT('Months'!$B$41,'Months'!$B$42,")
    assert briefing.workbook["Months"]["B43"].value.startswith("=CHOOSE(MATCH(Definition,")


def test_charts_hold_the_monthly_points(briefing: Briefing) -> None:
    charts = briefing.workbook["Monthly charts"]._charts
    assert len(charts) == 5
    headline = charts[0]
    lines = [s for chart in headline._charts for s in chart.series]
    net = next(s for s in lines if s.tx.strRef.strCache.pt[0].v == "Digital balance")
    points = net.val.numRef.numCache.pt
    assert len(points) == len(MONTHS) == net.val.numRef.numCache.ptCount
    assert points[-1].v == pytest.approx(float(digital("net", (2025, 3))), rel=REL)
    stacked = headline.series
    assert [s.tx.strRef.strCache.pt[0].v for s in stacked] == [
        "Copyright-related royalties",
        "Telecommunications, computer and information services",
        "Professional and management consulting services",
    ]
    copyright_first = stacked[0].val.numRef.numCache.pt[0].v
    assert copyright_first == pytest.approx(
        float(VALUES[("copyright_royalties", "net")][MONTHS[0]])
    )
    twelve = next(s for s in lines if s.tx.strRef.strCache.pt[0].v == "12-month sum")
    assert twelve.val.numRef.numCache.pt[0].idx == 11  # from the 12th month on


def test_quarterly_view_sums_three_months(briefing: Briefing) -> None:
    quarterly = briefing.workbook["Monthly charts"]._charts[3]
    payments = quarterly.series[0]
    first = payments.cat.strRef.strCache.pt[0].v
    assert first == "2022Q1"
    assert payments.val.numRef.numCache.pt[0].v == pytest.approx(
        float(sum(digital("debit", m) for m in MONTHS[:3])), rel=REL
    )


def test_annual_only_data_change_nothing() -> None:
    assert build_briefing(BriefOptions()).workbook.sheetnames == SHEETS


@pytest.mark.slow
def test_fiscal_year_to_date_in_japanese(monthly: Path) -> None:
    b = build_briefing(BriefOptions(data=str(monthly), basis="FY", lang="ja"))
    sheet = "最新月"
    assert cached(b, sheet, "A1") == "最新月：2025年3月"
    assert cached(b, sheet, "G10") == "2024年度4～3月"
    row = row_of(b, sheet, "デジタル関連収支")
    ytd = sum(digital("net", m) for m in months_between((2024, 4), (2025, 3)))
    assert close(cached(b, sheet, f"G{row}"), ytd)
    assert "年度初来（2024年度4～3月）は" in cached(b, sheet, "A5")
    assert b.workbook.sheetnames[:4] == ["表紙", "概要", "最新月", "月次グラフ"]


def test_pdf_without_libreoffice_is_one_line_naming_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from digital_deficit.cli.main import main
    from digital_deficit.export import pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    out = tmp_path / "b.xlsx"
    assert main(["brief", "--out", str(out), "--pdf"]) == 1
    assert capsys.readouterr().err == (
        "digital-deficit brief: error: --pdf needs LibreOffice (soffice), which is not "
        "installed; install the Debian package libreoffice-calc-nogui "
        "(apt-get install libreoffice-calc-nogui)\n"
    )
    assert not out.exists()  # checked before anything is built or written


def test_scenarios_ask_for_the_release_day_options(tmp_path: Path, monthly: Path) -> None:
    from digital_deficit.export.scenarios import load_scenarios

    scenarios = tmp_path / "s.toml"
    scenarios.write_text(
        f'[[scenario]]\nname = "ja-fy"\ndata = "{monthly}"\nlang = "ja"\nbasis = "FY"\n'
        'compare = "DEU,USA"\nusdjpy = 150.5\npdf = true\n',
        encoding="utf-8",
    )
    (job,) = load_scenarios(scenarios, tmp_path)
    assert (job[1].compare, job[1].usdjpy, job[1].pdf) == ("DEU,USA", 150.5, True)


@pytest.mark.slow  # builds from 1,400 monthly rows and an IMF file (about 1 s)
def test_first_release_and_latest_are_both_shown(tmp_path: Path, monthly: Path) -> None:
    from digital_deficit.data.csvio import read_dataset, write_dataset

    data = read_dataset(monthly)
    revised = [
        o.model_copy(update={"value": o.value - 25.5, "vintage": "2025-06-10"})
        for o in data.observations
        if o.basis == "M" and o.period == "2025-03" and o.item == "consulting" and o.side == "net"
    ]
    both = tmp_path / "revised.csv"
    write_dataset(both, [*data.observations, *revised])
    b = build_briefing(BriefOptions(data=str(both)))
    notes = [c.value for row in b.workbook["Latest release"].iter_rows() for c in row]
    first = float(digital("net", (2025, 3)))
    assert (
        f"Digital balance, 2025-03: first released as {first:,.0f} oku yen (2025-05-12), now "
        f"{first - 25.5:,.0f} oku yen (2025-05-12, 2025-06-10)." in notes
    )


def test_a_failed_print_keeps_the_workbook_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from digital_deficit.cli.main import main
    from digital_deficit.export import pdf

    def fails(package: bytes, stem: str, timeout: int = 0) -> bytes:
        raise pdf.PdfError("LibreOffice could not print the workbook (exit 81)")

    monkeypatch.setattr(pdf, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(pdf, "to_pdf", fails)
    out = tmp_path / "b.xlsx"
    assert main(["brief", "--out", str(out), "--pdf"]) == 1
    assert capsys.readouterr().err == (
        f"building {out}, then printing {out.with_suffix('.pdf')} with LibreOffice\n"
        f"digital-deficit brief: error: wrote {out}, but no PDF: LibreOffice could not print "
        "the workbook (exit 81)\n"
    )
    assert out.exists() and not out.with_suffix(".pdf").exists()


def test_months_without_a_year_before(tmp_path: Path, monthly: Path) -> None:
    from digital_deficit.data.csvio import read_dataset, write_dataset

    short = tmp_path / "short.csv"
    held = read_dataset(monthly).observations
    write_dataset(short, [o for o in held if o.basis != "M" or o.period >= "2025-01"])
    b = build_briefing(BriefOptions(data=str(short)))
    value = -digital("net", (2025, 3)) / 10000
    assert cached(b, "Latest release", "A4") == (
        f"Digital balance -¥{value:.2f}T in 2025-03 (the data hold no month a year earlier)."
    )
    row = row_of(b, "Latest release", "Digital balance")
    assert [cached(b, "Latest release", f"{c}{row}") for c in "DEFHJ"] == ["n/a"] * 5
