"""The Summary sheet: key figures (latest available period of each) and the four charts."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment

from digital_deficit.core.catalogue import headline
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import CacheBook, Formula, put, quote_sheet, value_or_na
from digital_deficit.export.chart_marks import MISSING_COL
from digital_deficit.export.charts import Chart
from digital_deficit.export.formats import formats_for
from digital_deficit.export.i18n import Labels
from digital_deficit.export.key_figures import Kpi, kpis
from digital_deficit.export.layout import KPI_ROWS_FROM, Layout, SheetLayout, locate
from digital_deficit.export.marks import Loc, MarkBook
from digital_deficit.export.numbers import BriefNumbers, tn
from digital_deficit.export.styles import BOTTOM, LEFT, RIGHT, WRAP, Styles, merge, page_setup
from digital_deficit.export.tables import header_row, set_widths, title_block
from digital_deficit.export.text_formulas import (
    Part,
    cat,
    drop_lead,
    fixed,
    in_period,
    lit,
    money,
    when,
)

KPI_HEADER_ROW = KPI_ROWS_FROM - 1
CHART_ANCHORS: tuple[str, ...] = ("A16", "F16", "A34", "F34")
CHART_SPANS: tuple[str, ...] = ("E", "N", "E", "N")
"""The last column under each chart (its missing-years note spans the chart's width)."""
CHART_ROWS = 16
LAST_COL = "N"


def kpi_rows(numbers: BriefNumbers) -> dict[str, int]:
    """The Summary row of every key figure."""
    return {k.key: KPI_HEADER_ROW + 1 + i for i, k in enumerate(kpis(numbers.options.cf_method))}


def _metric(numbers: BriefNumbers, column: str) -> Any:
    return dict(headline(numbers.options.cf_method))[column]


def kpi_values(numbers: BriefNumbers) -> dict[str, tuple[int | None, float | None]]:
    """Period and value of every key figure (money in ¥ trillion), from the core's rows: the
    latest released figure (rounded or not), not an analyst's estimate, for those built on
    the digital balance."""
    out: dict[str, tuple[int | None, float | None]] = {}
    for kpi in kpis(numbers.options.cf_method):
        found = numbers.latest(
            kpi.year_column, kpi.released_digital or kpi.year_column == "digital"
        )
        if found is None:
            out[kpi.key] = (None, None)
            continue
        year = found[0]
        value = numbers.headline[year].values[kpi.column]
        money_unit = _metric(numbers, kpi.column).unit == "money"
        out[kpi.key] = (year, tn(value) if money_unit else value)
    return out


def _year_column_row(layout: Layout, kpi: Kpi) -> str:
    return layout.chart.row_range(f"c:yr:{kpi.year_column}")


def _kpi_marks(
    marks: MarkBook, sheet: SheetLayout, row_key: str, loc: Loc, year: int | None, title: str
) -> None:
    """A key figure's marks (and first release): the lookup of its source row's shadows."""
    first = Loc(sheet.key, f"{sheet.first_col}{sheet.rows[row_key]}")
    last = Loc(sheet.key, f"{sheet.last_col}{sheet.rows[row_key]}")
    year_ref = f"{quote_sheet(title)}!$B${loc.coord[1:]}"
    lookup = fx.at_year("{range}", sheet.header_range(), year_ref, "{na}")
    chosen = Loc(sheet.key, sheet.local(row_key, year)) if year is not None else None
    marks.select(loc, lookup, (first, last), chosen)
    if ("F", first) in marks.content:
        marks.first_select(loc, lookup, (first, last), chosen)


def note_formula(marks: MarkBook, loc: Loc, labels: Labels) -> Part:
    """The note of a key figure: how rounded its inputs are (≈), which vintages it combines
    (†), its first release where revised; live from the marks."""
    mark = marks.mark(loc)
    p = marks.ref("P", loc, absolute=True)
    v = marks.ref("V", loc, absolute=True)
    separator = labels["sep.groups"]
    before, _, after = labels["note.approx"].partition("{precision}")
    pieces = [
        when(
            marks.rounded(loc, True),
            cat(lit(separator + before), fixed(p, mark.precision, 0), lit(after)),
            lit(""),
            mark.rounded,
        )
    ]
    comma = labels["sep.items"]
    names = [
        when(
            f"{BITAND_}({v},{bit})>0",
            lit(comma + labels.vintage(name)),
            lit(""),
            bool(mark.vintages & bit),
        )
        for name, bit in marks.bits.bits.items()
    ]
    before, _, after = labels["note.mixed"].partition("{vintages}")
    pieces.append(
        when(
            marks.mixed(loc, True),
            cat(lit(separator + before), drop_lead(cat(*names), comma), lit(after)),
            lit(""),
            mark.mixed,
        )
    )
    if ("F", loc) in marks.content:
        f = marks.ref("F", loc, absolute=True)
        value = marks.firsts.get(loc)
        before, _, after = labels["note.first"].partition("{money}")
        pieces.append(
            when(
                f"ISNUMBER({f})",
                cat(lit(separator + before), money(labels["money"], f, value), lit(after)),
                lit(""),
                value is not None,
            )
        )
    return drop_lead(cat(*pieces), separator)


def write_summary(
    ws: Any,
    numbers: BriefNumbers,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    marks: MarkBook,
    charts: list[Chart],
) -> None:
    """Key figures with their notes, the charts and what each chart is missing."""
    fm = formats_for(labels)
    title_block(ws, st, labels["title"], labels["units.tn"])
    header_row(
        ws,
        st,
        KPI_HEADER_ROW,
        [labels["sum.kpi"], labels["sum.period"], labels["sum.value"], labels["sum.note"]],
    )
    merge(ws, f"D{KPI_HEADER_ROW}:{LAST_COL}{KPI_HEADER_ROW}")
    values = kpi_values(numbers)
    rows = kpi_rows(numbers)
    by_format: dict[str, list[str]] = {}
    for kpi in kpis(numbers.options.cf_method):
        sheet, row_key = locate(layout, kpi.column)
        row = rows[kpi.key]
        label: Any = labels[f"kpi.{kpi.key}"]
        if "{base}" in label:
            formula, shown = in_period(
                label, "base", labels[f"period.{numbers.options.basis}"], numbers.base_year
            )
            label = Formula("=" + formula, shown)
        put(ws, f"A{row}", label, cache).font = st.body
        year_cell = f"$B${row}"
        year, value = values[kpi.key]
        period = put(
            ws,
            f"B{row}",
            Formula(
                "=" + fx.latest_year(_year_column_row(layout, kpi)),
                value_or_na(None if year is None else float(year)),
            ),
            cache,
        )
        period.number_format = fm.year(numbers.options.basis)
        period.alignment = RIGHT
        period.font = st.body
        fmt = fm.style(_metric(numbers, kpi.column).style)
        cell = put(
            ws,
            f"C{row}",
            Formula(
                "=" + fx.at_year(sheet.row_range(row_key), sheet.header_range(), year_cell),
                value_or_na(value),
            ),
            cache,
        )
        cell.number_format = fmt
        by_format.setdefault(fmt, []).append(f"C{row}")
        cell.alignment = RIGHT
        cell.font = st.font(11, bold=True) if value is not None else st.font(9, color="7F7F7F")
        loc = Loc("summary", f"C{row}")
        _kpi_marks(marks, sheet, row_key, loc, year, ws.title)
        note = note_formula(marks, loc, labels)
        put(ws, f"D{row}", Formula("=" + note[0], note[1]), cache).font = st.key
        merge(ws, f"D{row}:{LAST_COL}{row}")
        ws[f"D{row}"].alignment = NOTE_ALIGNMENT
        ws.row_dimensions[row].height = st.height(note[1], NOTE_WIDTH, 9, least=15)
        for col in "ABCD":
            ws[f"{col}{row}"].border = BOTTOM
        ws[f"A{row}"].alignment = LEFT
    marks.show(ws, "summary", by_format)
    note_row = max(rows.values()) + 1
    for i, text in enumerate((labels["na_note"], labels["marks_note"])):
        put(ws, f"A{note_row + i}", text, cache).font = st.note
        merge(ws, f"A{note_row + i}:{LAST_COL}{note_row + i}")
        ws[f"A{note_row + i}"].alignment = WRAP
    for anchor, last, chart in zip(CHART_ANCHORS, CHART_SPANS, charts, strict=True):
        _place_chart(ws, layout, labels, st, cache, anchor, last, chart)
    # with the 10-point default font a character is about 6 px: A-E hold a 15 cm chart
    set_widths(ws, {"A": 38, "B": 10, "C": 16, "D": 14, "E": 16, **{c: 12 for c in "FGHIJKLMN"}})
    ws.sheet_view.showGridLines = False
    end = int(CHART_ANCHORS[-1][1:]) + CHART_ROWS + 1
    page_setup(ws, f"A1:{LAST_COL}{end}", fit_height=True)


NOTE_WIDTH = 14 + 16 + 12 * 9
NOTE_ALIGNMENT = Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1)
"""Characters across the merged note cells D:N."""
BITAND_ = "_xlfn.BITAND"


def _place_chart(
    ws: Any,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    anchor: str,
    last: str,
    chart: Chart,
) -> None:
    """The chart at ``anchor`` and under it the years its series have no figure for; or,
    when it has nothing to draw, the line saying which figures to fetch."""
    first_col, top = anchor[0], int(anchor[1:])
    if chart.chart is None:
        put(ws, anchor, labels[f"chart.fetch.{chart.name}"], cache).font = st.body
        merge(ws, f"{anchor}:{last}{top + 2}")
        ws[anchor].alignment = WRAP
        return
    ws.add_chart(chart.chart, anchor)
    row = top + CHART_ROWS
    put(ws, f"{first_col}{row}", missing_note(layout, labels, cache, chart), cache).font = st.note
    merge(ws, f"{first_col}{row}:{last}{row}")
    ws[f"{first_col}{row}"].alignment = WRAP
    ws.row_dimensions[row].height = 24


def missing_note(layout: Layout, labels: Labels, cache: CacheBook, chart: Chart) -> Formula:
    """The years the chart's series have no figure for, in words, live from the chart data
    ("Digital balance: no figures for 2015–2021."; empty where none is missing)."""
    chart_sheet = layout.chart
    pieces = []
    for key in chart.missing:
        ref = f"{quote_sheet(chart_sheet.title)}!${MISSING_COL}${chart_sheet.rows[key]}"
        label = next(s.label for s in chart_sheet.specs if s.key == key)
        before, _, after = labels.fmt("chart.missing", series=label, years="{years}").partition(
            "{years}"
        )
        years = cache.get(chart_sheet.title, f"{MISSING_COL}{chart_sheet.rows[key]}")
        shown = years if isinstance(years, str) else ""
        pieces.append(
            when(
                f'{ref}<>""',
                cat(lit(SEPARATOR + before), (ref, shown), lit(after)),
                lit(""),
                bool(shown),
            )
        )
    formula, shown = drop_lead(cat(*pieces), SEPARATOR)
    return Formula("=" + formula, shown)


SEPARATOR = " "
