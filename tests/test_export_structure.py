"""Reload the briefing with openpyxl and python-calamine: what the builder intended is there."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from digital_deficit.data.csvio import write_dataset
from digital_deficit.data.model import Observation
from digital_deficit.export.numbers import compute
from digital_deficit.export.options import BriefOptions
from tests.briefing_fixtures import build, formula_cells, values


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("structure"), author="A. Analyst")


@pytest.fixture(scope="module")
def book(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def cached(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path, data_only=True)


def _empty_text_caches(path: Path) -> set[tuple[str, str]]:
    """(sheet, cell) of every formula cell whose stored value is the empty text ""."""
    with zipfile.ZipFile(path) as archive:
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        workbook = archive.read("xl/workbook.xml").decode()
        targets = {}
        for rel in re.findall(r"<Relationship [^>]*>", rels):
            rid = re.search(r'Id="([^"]+)"', rel)
            target = re.search(r'Target="/?(?:xl/)?([^"]+)"', rel)
            assert rid is not None and target is not None
            targets[rid.group(1)] = "xl/" + target.group(1)
        found: set[tuple[str, str]] = set()
        sheets = re.findall(r'<sheet [^>]*name="([^"]+)"[^>]* r:id="(rId\d+)"', workbook)
        assert len(sheets) == 10
        for title, rid in sheets:
            xml = archive.read(targets[rid]).decode()
            cells = re.findall(r'<c r="([A-Z]+[0-9]+)"[^>]* t="str"><f>[^<]*</f><v></v>', xml)
            found.update((title, ref) for ref in cells)
    return found


@pytest.mark.slow
def test_every_formula_has_a_cached_value(path: Path, cached: openpyxl.Workbook) -> None:
    cells = list(formula_cells(path))
    assert len(cells) > 1400
    empty_text = _empty_text_caches(path)
    missing = [
        (s, c) for s, c, _ in cells if cached[s][c].value is None and (s, c) not in empty_text
    ]
    assert missing == []
    # what caches "": the year helpers (the year when the row has a figure there, else ""),
    # the Outlook's path past the years shown, and texts with nothing to say (a note, a list
    # of revisions or of missing years)
    formulas = {(s, c): f for s, c, f in cells}
    helper = re.compile(r'=IF\((?:AND\()?ISNUMBER\([^)]+\).*,[A-Z]+\$[0-9]+,""\)')
    path_past = re.compile(r'=IF\([A-Z]+\$[0-9]+<=MAX\(2035,Target_Year\),.*,""\)')
    texts = re.compile(r"=MID\(")
    kinds = {
        k: "helper" if helper.fullmatch(f) else "path" if path_past.fullmatch(f) else "text"
        for k, f in formulas.items()
        if k in empty_text
    }
    assert all(kind != "text" or texts.match(formulas[k]) for k, kind in kinds.items())
    # 2036-2050 are shown once the target year is past 2035
    assert sorted(c for (s, c), kind in kinds.items() if kind == "path") == sorted(
        [f"{c}24" for c in "CDEFGHIJKL"] + ["M22", "N22", "M24", "N24", "C26"]
    )
    assert sorted(c for (s, c), kind in kinds.items() if s == "Outlook" and kind == "helper") == [
        f"{c}7" for c in "DEFGHIJ"
    ]


def test_calamine_shows_the_core_numbers_without_recalculating(path: Path) -> None:
    book = CalamineWorkbook.from_path(str(path))
    summary = book.get_sheet_by_name("Summary").to_python()
    kpi = {row[0]: row[1:4] for row in summary[4:12]}
    # the latest released figure, rounded or not: 2024 as revised (about ¥6.8T, MIC white
    # paper 2025-07), not CY2025's analyst estimate of about ¥6.7T; marked and with its first
    # release beside it
    assert kpi["Digital balance (latest release)"] == [
        2024.0,
        -6.8,
        "≈ built on a figure rounded to 1000 oku yen; first reported -¥6.65T",
    ]
    assert kpi["Change on previous year"][:2] == [2024.0, pytest.approx(68000 / 55194 - 1)]
    assert kpi["Multiple of the 2014 level"][:2] == [2024.0, pytest.approx(68000 / 21500)]
    assert kpi["Travel surplus / digital deficit"] == [
        2024.0,
        pytest.approx(58973 / 68000, rel=1e-15),
        "≈ built on a figure rounded to 1000 oku yen; † combines preliminary, revised-2025-07 "
        "figures",
    ]
    # the headline beside the cash-flow figure is of the same year; the latest one has its own row
    assert kpi["Headline current account (cash-flow year)"] == [
        2022.0,
        10.7144,
        "first reported ¥11.44T",
    ]
    assert kpi["Headline current account (latest year)"] == [2025.0, 31.8799, ""]
    assert kpi["Cash-flow current account"][:2] == [2022.0, -10.8856]
    assert kpi["Digital deficit / crude-oil imports"][:2] == [
        2024.0,
        pytest.approx(68000 / 107000, rel=1e-15),
    ]
    cover = book.get_sheet_by_name("Cover").to_python()
    # calamine starts at the first used column (B): message numbers, then the messages
    messages = [row[1] for row in cover if row[0] in (1.0, 2.0, 3.0, 4.0, 5.0)]
    assert messages == [
        "Digital deficit ≈¥6.80T in 2024, ≈3.2× its 2014 level (mof3 definition).",
        "The digital balance grew ≈23.2% in size on the previous year (2024).",
        "The travel surplus covered ≈87%† of the digital deficit in 2024.",
        "Cash-flow current account ≈-¥10.89T† in 2022 against a headline ¥10.71T (karakama "
        "method).",
        "On a CAGR trend the digital balance reaches ≈-¥11.23T by 2030 (METI: deficits of about "
        "¥10T by 2030, ¥18T to ¥28T by 2035).",
    ]


def test_missing_figures_show_na_never_zero(path: Path, cached: openpyxl.Workbook) -> None:
    numbers = compute(BriefOptions())
    digital = cached["Digital"]
    header = {digital.cell(4, c).value: c for c in range(3, digital.max_column + 1)}
    row = next(r for r in range(5, 40) if digital.cell(r, 1).value == "Digital balance")
    for year in numbers.years:
        shown = digital.cell(row, header[year]).value
        expected = numbers.selected(year)
        assert shown == ("n/a" if expected is None else expected / 10000)
    zeros = [
        (s, c)
        for s, c, _ in formula_cells(path)
        if cached[s][c].value == 0 and s not in ("Chart data", "Marks")
    ]
    assert zeros == []


def test_data_table_and_frozen_headers(book: openpyxl.Workbook) -> None:
    numbers = compute(BriefOptions())
    data = book["Data"]
    assert list(data.tables) == ["Observations"]
    assert data.tables["Observations"].ref == f"A4:K{4 + len(numbers.observations)}"
    # 116: the 95 figures shown and the 21 first releases of the revised ones (every vintage
    # used is listed)
    assert len(numbers.observations) == 116
    assert sum(1 for values in numbers.first.values() for _ in values) == 21
    assert book["Digital"].freeze_panes == "C5"
    assert book["Current account"].freeze_panes == "C5"
    assert data.freeze_panes == "A5"
    first, revised = ([c.value for c in data[r]] for r in (5, 6))
    # 2014's current account as revised (2023-02), not the first release's 26,266
    assert first[:7] == ["2014", "CY", "current_account", "Current account", None, "net", 26266]
    assert first[9] == "preliminary"
    assert revised[6:10] == [39215, "oku_yen", 1, "revised-2023-02"]


def test_validation_lists_and_ranges(book: openpyxl.Workbook) -> None:
    rules = {str(dv.sqref): dv for dv in book["Assumptions"].data_validations.dataValidation}
    assert rules["B5"].type == "list" and rules["B5"].formula1 == '"mof3,narrow"'
    assert rules["B9"].formula1 == '"karakama,oguro1,oguro2,repatriation"'
    assert rules["B12"].formula1 == '"cagr,linear"'
    # up to the projection path's last year (2050): the path and its chart reach any of them
    assert (rules["B13"].type, rules["B13"].formula1, rules["B13"].formula2) == (
        "whole",
        "2026",
        "2050",
    )
    assert (rules["B11"].type, rules["B11"].formula1, rules["B11"].formula2) == (
        "decimal",
        "0",
        "1",
    )
    assert book["Assumptions"]["B14"].value == 5.5


def test_print_settings_and_properties(book: openpyxl.Workbook) -> None:
    for ws in book.worksheets[:8]:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_area, ws.title
        assert ws.oddFooter.right.text == "&P / &N"
    assert book["Summary"].print_area == "'Summary'!$A$1:$N$51"
    assert book.properties.title == "Japan's digital deficit and cash-flow current account"
    assert book.properties.creator == "A. Analyst"
    assert book.properties.subject == "Briefing workbook: mof3, karakama, CY"


def test_charts_series_references_and_caches(path: Path, cached: openpyxl.Workbook) -> None:
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        xml = [z.read(n).decode("utf-8") for n in charts]
    assert len(xml) == 4
    series = [re.findall(r"<ser>.*?</ser>", x, re.S) for x in xml]
    # 1: three components, "not split", the ≈ overlay, the total; 2: the current account,
    # the ≈ and † overlays of the cash-flow one, itself; 3: travel, the ≈ overlay of the digital
    # balance, itself (overlays are drawn first: a halo behind the marker they mark); 4: actual,
    # projection, METI's three points, the ≈ overlays of actual and projection (LibreOffice
    # draws a scatter chart's series last to first)
    assert [len(s) for s in series] == [6, 4, 3, 7]
    refs = [re.findall(r"<(?:val|yVal)><numRef><f>([^<]+)</f>", x) for x in xml]
    assert refs[0] == [f"'Chart data'!$C${r}:$N${r}" for r in (6, 7, 8, 12, 20, 5)]
    # the projection's years reach 2050 (AM): editing the target year extends the chart
    assert refs[3] == [f"'Chart data'!$C${r}:$AM${r}" for r in (34, 35, 36, 37, 38, 39, 41)]
    assert re.findall(r"<xVal><numRef><f>([^<]+)</f>", xml[3])[0] == "'Chart data'!$C$33:$AM$33"
    chart_data = cached["Chart data"]
    for chart_series in series:
        for s in chart_series:
            pattern = r"<(val|yVal)><numRef><f>'Chart data'!\$C\$(\d+):\$([A-Z]+)\$\d+</f>"
            found = re.search(pattern, s)
            assert found is not None
            ref = found.group(2, 3)
            values_xml = s.split(f"<{found.group(1)}>")[1]
            points = dict(re.findall(r'<pt idx="(\d+)"><v>([^<]+)</v></pt>', values_xml))
            row = int(ref[0])
            for idx in range(openpyxl.utils.column_index_from_string(ref[1]) - 2):
                value = chart_data.cell(row, 3 + idx).value
                if value == "#N/A":
                    assert str(idx) not in points
                else:
                    assert float(points[str(idx)]) == pytest.approx(value, rel=1e-14)  # 15 digits
    assert '<dispBlanksAs val="gap"/>' in xml[0]


@pytest.mark.slow
def test_fonts_follow_the_language(tmp_path: Path) -> None:
    ja = openpyxl.load_workbook(build(tmp_path, "ja.xlsx", lang="ja"))
    assert ja["デジタル収支"]["A20"].font.name == "Meiryo"
    assert ja["デジタル収支"]["A20"].value == "デジタル関連収支"
    en = openpyxl.load_workbook(build(tmp_path, "en.xlsx"))
    assert en["Digital"]["A20"].font.name == "Calibri"


@pytest.mark.slow
def test_text_from_data_files_stays_text(tmp_path: Path) -> None:
    hostile = ['=HYPERLINK("http://example.invalid","x")', "+1+1", "-2+3", "@SUM(1,1)"]
    observations = [
        Observation(
            country="JPN",
            basis="CY",
            period=str(2015 + i),
            item="consulting",
            side="net",
            value=-1000.0 - i,
            vintage="2026-01-05",
            source=text,
        )
        for i, text in enumerate(hostile)
    ]
    data = tmp_path / "user.csv"
    write_dataset(data, observations)
    out = build(tmp_path, data=str(data))
    sources = [
        row[10]
        for row in CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Data").to_python()
        if row[2] == "consulting" and row[0] in ("2015", "2016", "2017", "2018")
    ]
    assert sources == hostile
    ws = openpyxl.load_workbook(out)["Data"]
    cells = [
        r[10]
        for r in ws.iter_rows(min_row=4)
        if r[2].value == "consulting" and r[0].value in ("2015", "2016", "2017", "2018")
    ]
    assert [c.data_type for c in cells] == ["s"] * 4
    # and Excel keeps them text when the cell is edited (the style shared by Data rows kept it)
    assert [c.quotePrefix for c in cells] == [True] * 4
    with zipfile.ZipFile(out) as z:
        assert "<f>HYPERLINK" not in z.read("xl/worksheets/sheet7.xml").decode("utf-8")


@pytest.mark.slow
def test_control_characters_and_overlong_text_from_a_dataset(tmp_path: Path) -> None:
    from digital_deficit.data.dataset import Dataset
    from digital_deficit.data.embedded import embedded_dataset
    from digital_deficit.export.cells import MAX_CELL_TEXT

    base = Observation(
        country="JPN",
        basis="CY",
        period="2016",
        item="consulting",
        side="net",
        value=-1234.0,
        vintage="2026-01-05",
        source="x",
    )
    long = "y" * 40_000
    extra = [
        base.model_copy(update={"source": "bell\x07 and escape\x1b"}),
        base.model_copy(update={"period": "2017", "source": long}),
    ]
    dataset = embedded_dataset().merged_with(Dataset(extra, origin="user.csv"))[0]
    out = tmp_path / "b.xlsx"
    from digital_deficit.export.builder import write_briefing
    from tests.briefing_fixtures import GENERATED

    write_briefing(BriefOptions(), out, dataset=dataset, generated=GENERATED)
    ws = openpyxl.load_workbook(out)["Data"]
    sources = [
        r[10].value
        for r in ws.iter_rows(min_row=4)
        if r[2].value == "consulting" and r[0].value in ("2016", "2017")
    ]
    cut = " … [cut: 40000 characters]"
    assert sources == ["bell\ufffd and escape\ufffd", "y" * (MAX_CELL_TEXT - len(cut)) + cut]
    assert len(sources[1]) == MAX_CELL_TEXT


@pytest.mark.slow
def test_the_data_file_of_the_environment_variable_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "add.csv"
    write_dataset(
        data,
        [
            Observation(
                country="JPN",
                basis="CY",
                period="2016",
                item="consulting",
                side="net",
                value=-1234.0,
                vintage="2026-01-05",
                source="desk",
            )
        ],
    )
    monkeypatch.setenv("DIGITAL_DEFICIT_DATA", str(data))
    out = build(tmp_path)
    wb = openpyxl.load_workbook(out)
    embedded = "embedded published figures (press releases of MOF/BoJ figures)"
    assert wb["Cover"]["C7"].value.startswith(f"{embedded} + {data}; ")
    sources = wb["Sources & method"]
    shown = [r[1].value for r in sources.iter_rows() if r[0].value == "Data" and r[1].value]
    assert shown == [f"{embedded} + {data}"]


def test_latest_headline_current_account_when_no_cash_flow_figure(tmp_path: Path) -> None:
    out = build(tmp_path, start=2024, end=2024)
    summary = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Summary").to_python()
    kpi = {row[0]: row[1:3] for row in summary[4:12]}
    assert kpi["Cash-flow current account"] == ["n/a", "n/a"]
    assert kpi["Headline current account (cash-flow year)"] == ["n/a", "n/a"]
    # 2024's four parts as revised with the CY2025 release (2026-02) are newer than the
    # preliminary total of 292,615: the total is their sum
    assert kpi["Headline current account (latest year)"] == [2024.0, 28.6869]


@pytest.mark.slow
def test_components_are_stacked_where_the_total_is_known(tmp_path: Path) -> None:
    parts = {"copyright_royalties": -10000.0, "ict_services": -15000.0, "consulting": -5000.0}
    data = tmp_path / "parts.csv"
    write_dataset(
        data,
        [
            Observation(
                country="JPN",
                basis="CY",
                period="2016",
                item=item,
                side="net",
                value=value,
                vintage="2026-01-05",
                source="desk",
            )
            for item, value in parts.items()
        ],
    )
    chart = values(build(tmp_path, data=str(data)))["Chart data"]
    column = {chart.cell(3, c).value: c for c in range(3, chart.max_column + 1)}
    row = {chart.cell(r, 1).value: r for r in range(4, 30)}
    rest = row["Not split (total less the published components)"]
    # 2016: every part published: the stack is the parts, nothing left unsplit
    assert [chart.cell(r, column[2016]).value for r in (6, 7, 8, rest)] == [
        -1.0,
        -1.5,
        -0.5,
        "#N/A",
    ]
    # 2024: the published ICT balance (-2.4941T) under the total (about -6.8T), the rest of
    # the total not split; 2025: only the total (about -6.7T), all of it not split
    assert [chart.cell(r, column[2024]).value for r in (6, 7, 8)] == ["#N/A", -2.4941, "#N/A"]
    assert chart.cell(rest, column[2024]).value == pytest.approx(-6.8 + 2.4941)
    assert chart.cell(rest, column[2025]).value == pytest.approx(-6.7)
    # 2015: no total, nothing stacked
    assert [chart.cell(r, column[2015]).value for r in (6, 7, 8, rest)] == ["#N/A"] * 4


@pytest.mark.parametrize(
    ("options", "level", "outlook"),
    [
        (
            {"basis": "FY"},
            # the base year FY2014 has only a narrow figure: no mof3 multiple
            "Digital deficit ¥6.97T in FY2024 (mof3 definition).",
            # from two exact figures (FY2023 and FY2024): no mark
            "On a CAGR trend the digital balance reaches -¥26.59T by FY2030 (METI: deficits of "
            "about ¥10T by 2030, ¥18T to ¥28T by 2035).",
        ),
        (
            # the latest released figure, rounded or not (2024's revision to about ¥6.8T),
            # marked; CY2025's analyst estimate (about ¥6.7T) is in the tables, not the message;
            # the projection is built on rounded figures (≈), the minus before the currency
            {"start": 2024, "projection_method": "linear"},
            "Digital deficit ≈¥6.80T in 2024 (mof3 definition).",
            "On a linear trend the digital balance reaches ≈-¥6.20T by 2030",
        ),
        (
            {"basis": "FY", "lang": "ja"},
            "デジタル赤字は6.97兆円（2024年度、財務省3項目）。",
            "年平均成長率（CAGR）による予測では、デジタル関連収支は2030年度に-26.59兆円"
            "（経産省：赤字は2030年に約10兆円、2035年に18～28兆円）。",
        ),
    ],
)
def test_cover_messages_name_the_basis_and_the_method(
    tmp_path: Path, options: dict[str, object], level: str, outlook: str
) -> None:
    cover = values(build(tmp_path, **options)).worksheets[0]
    assert cover["C14"].value == level
    assert cover["C18"].value.startswith(outlook)


def test_japanese_assumptions_and_sources_are_translated(tmp_path: Path) -> None:
    wb = values(build(tmp_path, lang="ja"))
    inputs, sources = wb["前提"], wb["出典と方法"]
    assert inputs["C14"].value == "0～100（公表値 5～6）"
    assert inputs["D14"].value.startswith("みずほリサーチ＆テクノロジーズの試算")
    assert inputs["D27"].value == "r は利用者の前提（公表された比率はない）"
    texts = [str(c.value) for row in sources.iter_rows() for c in row if c.value]
    assert "経産省試算（2030年に約10兆円）: -100,000億円（±10,000） — " in "\n".join(texts)
    assert not [t for t in texts if "oku yen" in t or "user assumption" in t]
    assert wb["表紙"]["C7"].value.startswith("同梱の公表値（財務省・日本銀行の公表値の報道）; ")


def test_meti_table_title_claims_no_definition(book: openpyxl.Workbook) -> None:
    outlook = book["Outlook"]
    titles = [c.value for c in outlook["A"] if str(c.value).startswith("Published METI")]
    assert titles == [
        "Published METI reference points (as reported; the computer-services point is not a "
        "digital balance)"
    ]
    # its header "Rounded to (oku yen)" wraps: the table prints one page wide, readable
    assert book["Data"].column_dimensions["I"].width == 11
    assert book["Data"]["I4"].alignment.wrap_text
