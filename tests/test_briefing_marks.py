"""The briefing tells the truth at a glance (issue 12), checked without a spreadsheet engine.

- Every number shown that is built on a rounded figure shows ≈, every one combining figures
  of different vintages shows † (and no other does), exactly as the core says (the rules
  `metrics` marks by: ``HeadlineRow.rounded``/``mixed``, ``Figure.precision``/``mixed``). The
  marks are conditional formats over the hidden Marks sheet: the test evaluates each cell's
  rules on the cached shadows, as a spreadsheet would.
- First releases stand beside the revisions; the key messages state the latest released
  figure, marked.
- No chart without data: each chart's points exist, its years are those with figures, and a
  chart with nothing to draw gives way to the line saying what to fetch.
- No English code in the Japanese edition, outside the columns of identifiers a user types.
- A figure from the embedded data although a data file was given is named (issue 13).

The spreadsheet engines' side (recalculation, rendering) is in test_briefing_engines.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl.utils import column_index_from_string, get_column_letter

from digital_deficit.core.catalogue import DIGITAL_SHEET, FAMILIES, get_metric, tagged
from digital_deficit.core.items import ITEM_IDS
from digital_deficit.core.periods import BASES, Period
from digital_deficit.data.csvio import write_dataset
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.figures import Figure, resolver_for
from digital_deficit.data.headline import Computed, Context
from digital_deficit.data.model import UNITS, Observation
from digital_deficit.export.builder import Briefing, build_briefing
from digital_deficit.export.i18n import Labels
from digital_deficit.export.key_figures import kpis
from digital_deficit.export.layout import Layout
from digital_deficit.export.numbers import BriefNumbers, comparators
from digital_deficit.export.options import BriefOptions
from digital_deficit.export.summary_sheet import kpi_rows, kpi_values
from tests.briefing_fixtures import GENERATED

VARIANTS: dict[str, dict[str, Any]] = {
    "en": {},
    "ja": {"lang": "ja"},
    "fy": {"basis": "FY", "definition": "narrow", "cf_method": "oguro1"},
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Briefing]:
    """The three briefings in memory (the engine tests read the files)."""
    return {
        name: build_briefing(BriefOptions(**options), generated=GENERATED)
        for name, options in VARIANTS.items()
    }


class Shown:
    """A built briefing's cells as a reader without recalculation sees them: the cached value
    of a formula, else the cell's own value."""

    def __init__(self, briefing: Briefing) -> None:
        self.workbook, self.cache = briefing.workbook, briefing.cache

    def __getitem__(self, sheet: str) -> Any:
        return _Sheet(self, sheet)


class _Sheet:
    def __init__(self, shown: Shown, title: str) -> None:
        self.shown, self.title = shown, title

    def cell(self, row: int, column: int) -> Any:
        return self[f"{get_column_letter(column)}{row}"]

    def __getitem__(self, coord: str) -> Any:
        found = self.shown.cache.get(self.title, coord)
        value = found if found is not None else self.shown.workbook[self.title][coord].value
        return _Value(value)


@dataclass
class _Value:
    value: Any


# --- what a spreadsheet shows: the conditional formats evaluated on the cached shadows -------

_REF = re.compile(r"'((?:[^']|'')+)'!(\$?)([A-Z]+)(\$?)(\d+)")


def _condition(formula: str, cached: Any, rows: int, cols: int) -> bool:
    """A mark condition (``P>1``, ``BITAND(V,MAX(V-1,0))<>0``, ``AND(...)``) evaluated on the
    cached values, its relative references moved by (rows, cols) from the range's corner."""

    def value(match: re.Match[str]) -> str:
        sheet, dollar_col, col, dollar_row, row = match.groups()
        c = column_index_from_string(col) + (0 if dollar_col else cols)
        r = int(row) + (0 if dollar_row else rows)
        found = cached[sheet.replace("''", "'")].cell(r, c).value
        return repr(float(found or 0))

    text = _REF.sub(value, formula)
    text = text.replace("_xlfn.BITAND", "_bitand").replace("MAX(", "max(").replace("AND(", "_and(")
    text = text.replace("<>", "!=")
    namespace = {"_bitand": lambda a, b: int(a) & int(b), "_and": lambda *a: all(a)}
    return bool(eval(text, {"__builtins__": {"max": max}}, namespace))


def shown(book: Any, cached: Shown, sheet: str, coord: str) -> tuple[bool, bool]:
    """(≈ shown, † shown) for a cell: its first conditional format whose rule holds, else its
    own number format."""
    ws = book[sheet]
    col, row = (
        column_index_from_string(coord.rstrip("0123456789")),
        int(coord.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
    )
    rules = []
    for found in ws.conditional_formatting:
        # relative references are relative to the first range as written (sorted)
        first = found.sqref.sorted()[0]
        for cells in found.sqref.ranges:
            if cells.min_col <= col <= cells.max_col and cells.min_row <= row <= cells.max_row:
                corner = (first.min_row, first.min_col)
                rules += [(rule.priority, rule, corner) for rule in found.rules]
    for _, rule, (top, left) in sorted(rules, key=lambda r: r[0]):
        if _condition(rule.formula[0], cached, row - top, col - left):
            code = rule.dxf.numFmt.formatCode
            return "≈" in code, "†" in code
    code = ws[coord].number_format
    return "≈" in code, "†" in code


# --- what the core says -------------------------------------------------------------------


def _figure(fig: Figure) -> tuple[bool, bool]:
    return fig.precision > 1, fig.mixed


def _computed(found: Computed) -> tuple[bool, bool]:
    return found.rounded, found.mixed


def expected_marks(
    numbers: BriefNumbers, layout: Layout
) -> dict[tuple[str, str], tuple[bool, bool]]:
    """(sheet, cell) -> (rounded, mixed) of every number of the period tables and key figures,
    from the core (missing values left out: "n/a" shows no mark)."""
    out: dict[tuple[str, str], tuple[bool, bool]] = {}
    digital, ca = layout.digital, layout.ca
    chosen = numbers.definition.id

    def put(sheet: Any, key: str, year: int, value: float | None, marks: tuple[bool, bool]) -> None:
        if value is not None:
            out[(sheet.title, sheet.local(key, year))] = marks

    for year in numbers.grid_years:
        for item, per_year in numbers.components.items():
            put(digital, f"comp:{item}", year, per_year[year].value, _figure(per_year[year]))
        for (side, d), per_year in numbers.by_definition.items():
            fig = per_year[year]
            put(digital, f"def:{side}:{d}", year, fig.value, _figure(fig))
            if d == chosen:
                put(digital, f"sel:{side}", year, fig.value, _figure(fig))
        for item, _ in comparators():
            fig = (numbers.ca_items.get(item) or numbers.comparators[item])[year]
            put(digital, f"cmp:{item}", year, fig.value, _figure(fig))
        for item, per_year in numbers.ca_items.items():
            put(ca, f"ca:{item}", year, per_year[year].value, _figure(per_year[year]))
    context = Context(
        resolver_for(numbers.dataset, "JPN", numbers.options.release),
        numbers.options.basis,
        numbers.definition,
        Period(numbers.options.basis, numbers.base_year),
        {"repatriation_share": numbers.options.repatriation_share},
        numbers.options.cf_method,
    )
    for year in numbers.years:
        row = numbers.headline[year]
        for metric in tagged(DIGITAL_SHEET):
            marks = (metric.id in row.rounded, metric.id in row.mixed)
            put(digital, f"m:{metric.id}", year, row.values[metric.id], marks)
        period = Period(numbers.options.basis, year)
        for family in FAMILIES.values():
            for variant, entry in family.members.items():
                found = context.compute(entry, period)
                put(ca, f"{family.name}:{variant}", year, found.value, _computed(found))
            entry = family.member(numbers.options.cf_method)
            found = context.compute(entry, period)
            put(ca, f"{family.name}:sel", year, found.value, _computed(found))
        found = context.compute(get_metric("ca_gap"), period)
        put(ca, "ca:gap", year, found.value, _computed(found))
    rows = kpi_rows(numbers)
    for kpi in kpis(numbers.options.cf_method):
        year, _ = kpi_values(numbers)[kpi.key]
        if year is not None:
            headline = numbers.headline[year]
            marks = (kpi.column in headline.rounded, kpi.column in headline.mixed)
            out[(layout.title("summary"), f"C{rows[kpi.key]}")] = marks
    return out


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.slow
def test_every_number_built_on_a_rounded_figure_shows_it(
    built: dict[str, Briefing], variant: str
) -> None:
    briefing = built[variant]
    book, cached = briefing.workbook, Shown(briefing)
    expected = expected_marks(briefing.numbers, briefing.layout)
    assert len(expected) > 50
    wrong = {
        key: (marks, shown(book, cached, *key))
        for key, marks in expected.items()
        if shown(book, cached, *key) != marks
    }
    assert wrong == {}
    # marks are there at all: the 2024 digital balance is rounded (about ¥6.8T)
    if variant == "en":
        assert expected[("Digital", "M20")] == (True, False)
        assert expected[("Current account", "K18")] == (True, True)  # karakama 2022


def test_the_messages_state_the_latest_release_marked_and_its_first_release() -> None:
    briefing = build_briefing(BriefOptions(end=2024))
    cache = briefing.cache.by_sheet
    # the Digital sheet: a column of first releases where the figure shown is a revision
    digital = briefing.layout.digital
    column = get_column_letter(3 + len(digital.years))
    assert cache["Digital"][f"{column}{digital.rows['sel:net']}"] == (
        "2023: -¥5.54T; 2024: -¥6.65T"
    )
    assert cache["Digital"][f"{column}{digital.rows['comp:ict_services']}"] == (
        "2022: -¥1.60T; 2023: -¥1.63T"
    )
    note = cache["Summary"]["D5"]
    assert note == "≈ built on a figure rounded to 1000 oku yen; first reported -¥6.65T"
    assert cache["Cover"]["C14"] == (
        "Digital deficit ≈¥6.80T in 2024, ≈3.2× its 2014 level (mof3 definition)."
    )
    # the first release is on the Data sheet beside the revision
    rows = [
        (o.period, o.value, o.vintage)
        for o in briefing.numbers.observations
        if o.item == "digital" and o.definition == "mof3" and o.side == "net"
    ]
    assert ("2024", -66506.0, "preliminary") in rows and (
        "2024",
        -68000.0,
        "revised-2025-07",
    ) in rows


def test_fy_wording_where_a_figure_has_no_period() -> None:
    # FY2015-FY2022: no digital balance on the FY basis: the messages say so in FY wording
    briefing = build_briefing(BriefOptions(basis="FY", start=2015, end=2022))
    cover = [v for k, v in briefing.cache.by_sheet["Cover"].items() if k.startswith("C")]
    assert "No digital balance is available for the periods shown." in cover
    assert (
        "No change on the previous year can be computed for the periods shown (previous year "
        "not published)." in cover
    )
    assert not any("n/a" in str(text) for text in cover)


def test_the_first_release_briefing_has_no_revisions() -> None:
    briefing = build_briefing(BriefOptions(release="first"))
    assert briefing.numbers.first == {}
    assert briefing.cache.by_sheet["Summary"]["C5"] == pytest.approx(-6.6506)


# --- charts -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def charts(built: dict[str, Briefing]) -> dict[str, list[str]]:
    """Each variant's chart parts, as saved."""
    return {name: _chart_xml(briefing.to_bytes()) for name, briefing in built.items()}


def _chart_xml(package: bytes) -> list[str]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        return [archive.read(n).decode("utf-8") for n in names]


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_no_chart_without_data(charts: dict[str, list[str]], variant: str) -> None:
    assert len(charts[variant]) == 4
    for xml in charts[variant]:
        points = re.findall(r"<c:pt idx=\"\d+\"><c:v>", xml) or re.findall(r"<pt idx", xml)
        assert points, xml[:200]


def test_charts_cover_the_years_with_figures_and_name_the_missing(
    built: dict[str, Briefing], charts: dict[str, list[str]]
) -> None:
    # FY: the current account is published for FY2022-FY2024 only: the chart covers those
    ca = charts["fy"][1]
    categories = re.findall(r"<cat><strRef><f>([^<]+)</f>", ca)
    assert categories[0] == "'Chart data'!$K$4:$M$4"
    assert re.findall(r"<v>(FY20\d\d)</v>", ca)[:3] == ["FY2022", "FY2023", "FY2024"]
    summary = Shown(built["fy"])["Summary"]
    notes = [summary[f"{c}{r}"].value for c, r in (("A", 32), ("F", 32), ("A", 50), ("F", 50))]
    assert notes[1] == (
        "Current account: no figures for FY2014–FY2021. Cash-flow current account: no figures "
        "for FY2014–FY2022, FY2024."
    )
    assert notes[0] == "Digital balance: no figures for FY2015–FY2022."
    en = Shown(built["en"])["Summary"]
    assert en["A32"].value == "Digital balance: no figures for 2015–2021."


def test_a_chart_with_nothing_to_draw_says_what_to_fetch(tmp_path: Path) -> None:
    observations = [
        Observation(
            country="JPN",
            basis="CY",
            period=str(year),
            item=item,
            value=value,
            vintage="2026-01-05",
            source="a test's figures",
        )
        for year in (2022, 2023)
        for item, value in (("current_account", 100000.0 + year), ("travel", 30000.0))
    ]
    briefing = build_briefing(BriefOptions(), dataset=Dataset(observations, origin="test.csv"))
    summary = briefing.workbook["Summary"]
    assert summary["A16"].value == (
        "No digital balance to draw: fetch the digital items with `digital-deficit fetch boj` "
        "(or add them to the data file) and build again."
    )
    assert len(summary._charts) == 3  # the others have figures


# --- the Japanese edition -----------------------------------------------------------------

CODES = (
    set(ITEM_IDS)
    | set(UNITS)
    | set(BASES)
    | {m for f in FAMILIES.values() for m in f.members}
    | {"analyst", "derived", "preliminary", "published", "official", "net", "credit", "debit"}
    | {"narrow", "mof3", "custom", "cagr", "linear"}
)
CODE = re.compile(
    r"(?<![A-Za-z0-9_])("
    + "|".join(sorted(map(re.escape, CODES), key=len, reverse=True))
    + r"|revised-\d{4}-\d{2})(?![A-Za-z0-9_])"
)


def identifier_cells(labels: Labels) -> Callable[[str, str], bool]:
    """The cells of identifiers a user types or that formulas match (exempt): the Data table's
    item ids, definitions and sources as recorded; the period tables' keys (BPM6 codes,
    definition and method ids); the Assumptions' inputs, their allowed values and the ids of
    its tables."""

    def exempt(sheet: str, coord: str) -> bool:
        column = coord.rstrip("0123456789")
        row = int(coord[len(column) :])
        if sheet == labels["sheet.data"]:
            return column in ("C", "E", "K")
        if sheet in (labels["sheet.digital"], labels["sheet.ca"]):
            return column == "B"
        if sheet == labels["sheet.assumptions"]:
            return (column in ("B", "C") and 5 <= row <= 15) or (column == "A" and row > 17)
        return False

    return exempt


def english_codes(briefing: Briefing, exempt: Callable[[str, str], bool]) -> list[Any]:
    """(sheet, cell, code) of every English code shown on a visible sheet, outside ``exempt``."""
    book = Shown(briefing)
    found = []
    for ws in briefing.workbook.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows():
            for cell in row:
                text = book[ws.title][cell.coordinate].value
                if isinstance(text, str) and not exempt(ws.title, cell.coordinate):
                    found += [(ws.title, cell.coordinate, m) for m in CODE.findall(text)]
    return found


def test_no_english_code_in_the_japanese_edition(built: dict[str, Briefing]) -> None:
    labels = Labels("ja")
    assert english_codes(built["ja"], identifier_cells(labels)) == []
    book = Shown(built["ja"])
    # the words are there instead: vintages, sides, units, money in 兆円, no 確定値
    data = built["ja"].workbook[labels["sheet.data"]]
    words = {
        (row[1].value, row[5].value, row[7].value, row[9].value)
        for row in data.iter_rows(min_row=5)
    }
    assert ("暦年", "収支", "億円", "速報") in words
    assert ("暦年", "収支", "億円", "2025年7月改定") in words
    assert ("暦年", "収支", "億円", "推計") in words
    texts = [
        book[ws.title][c.coordinate].value
        for ws in built["ja"].workbook.worksheets
        for row in ws.iter_rows()
        for c in row
    ]
    assert not any(isinstance(t, str) and "確定値" in t for t in texts)
    assert book[labels["sheet.summary"]]["A5"].value == "デジタル関連収支（最新の公表値）"
    assert (
        book["表紙"]["C14"].value
        == "デジタル赤字は≈6.80兆円（2024年、2014年の≈3.2倍、財務省3項目）。"
    )
    # every English code in the workbook exists in the check (a new code must be added there)
    assert {"revised-2025-07", "oku_yen", "karakama"} <= set(
        CODE.findall("revised-2025-07 oku_yen karakama")
    )


def test_the_japanese_data_table_is_read_back_as_codes(built: dict[str, Briefing]) -> None:
    from digital_deficit.udfs import data_table

    sheet = built["ja"].workbook["データ"]
    rows = [list(r) for r in sheet.iter_rows(min_row=4, values_only=True)]
    table = data_table.with_table(Dataset(origin="embedded"), rows)
    assert not isinstance(table, Exception)
    held = {(o.period, o.item, o.definition, o.vintage): o for o in table}
    revised = held[("2024", "digital", "mof3", "revised-2025-07")]
    assert (revised.value, revised.precision, revised.side, revised.basis) == (
        -68000.0,
        1000.0,
        "net",
        "CY",
    )


# --- figures from the embedded data although a data file was given (issue 13) ------------


def test_figures_not_from_the_data_file_are_named(tmp_path: Path) -> None:
    def data_sheet(options: BriefOptions) -> Any:
        briefing = build_briefing(options, generated=GENERATED)
        return briefing.workbook[briefing.layout.title("data")], briefing.workbook.worksheets[0]

    data = tmp_path / "mine.csv"
    write_dataset(
        data,
        [
            Observation(
                country="JPN",
                basis="CY",
                period="2025",
                item="travel",
                value=64000.0,
                vintage="2026-03-01",
                source="a test's figure",
            )
        ],
    )
    data_ws, cover_ws = data_sheet(BriefOptions(data=str(data)))
    cover = {cover_ws[f"B{r}"].value: cover_ws[f"C{r}"].value for r in range(5, 13)}
    note = cover["Not from the data file"]
    # every figure shown but the file's 2025 travel balance (first releases are older by
    # nature: not counted)
    assert note == (
        f"94 of the 95 figures used come from the embedded published figures, not from {data}: "
        "2014-2024; 2025: Current account (net), Goods (net), Services (net), Primary income "
        "(net), Secondary income (net), Digital balance (by definition) (net)."
    )
    assert data_ws["A3"].value == note
    ja, _ = data_sheet(BriefOptions(data=str(data), lang="ja"))
    assert ja["A3"].value.startswith("使用した95件の数値のうち94件は")
    assert "経常収支（収支）、貿易収支（収支）" in ja["A3"].value
    assert "旅行収支" not in ja["A3"].value  # the file's own figure is not named
    # no data file: no note
    assert data_sheet(BriefOptions())[0]["A3"].value is None
