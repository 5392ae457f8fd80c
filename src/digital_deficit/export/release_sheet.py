"""The Latest release sheet: the latest month named, each series in that month against the same
month a year earlier, the year to date against the same months of the previous year, the
12-month sum and its change (catalogue entries over the Months sheet), and the last 13 months.
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment
from openpyxl.worksheet.pagebreak import Break

from digital_deficit.export.cells import CacheBook, Content, Formula, put
from digital_deficit.export.cells import value_or_na as cached_value
from digital_deficit.export.formats import OKU, PCT
from digital_deficit.export.i18n import Labels
from digital_deficit.export.marks import Loc, MarkBook
from digital_deficit.export.month_numbers import MonthNumbers, Series
from digital_deficit.export.months_sheet import MonthsLayout, series_code, series_label
from digital_deficit.export.release_format import month_text, style_amount
from digital_deficit.export.release_stats import (
    RELEASE_KEY,
    STATS,
    TABLE_ROW,
    ReleaseLayout,
    headers,
    release_messages,
    stat_cells,
)
from digital_deficit.export.styles import (
    BOTTOM,
    CENTER,
    HEADER_FILL,
    LEFT,
    RIGHT,
    SECTION_FILL,
    TOTAL_FILL,
    WRAP,
    WRAP_CENTER,
    WRAP_MIDDLE,
    StyleCache,
    Styles,
    page_setup,
)
from digital_deficit.export.tables import set_widths

GROUPS = (("month", "C", "F"), ("ytd", "G", "I"), ("r12", "J", "L"))
INDENTED = Alignment(horizontal="left", vertical="center", indent=2)
TABLE_MONTHS = 13


def write_release(
    ws: Any,
    months: MonthNumbers,
    grid: MonthsLayout,
    release: ReleaseLayout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    marks: MarkBook | None,
) -> dict[str, dict[str, float | None]]:
    """The sheet, its marks shown where ``marks`` (None: no monthly cell can be marked);
    returns each series' statistics (the core's values) by key."""
    styler = StyleCache()
    formats: dict[str, list[str]] = {OKU: [], PCT: []}
    month = month_text(labels, months.latest_month)
    ws["A1"].value = labels.fmt("release.title", month=month)
    ws["A1"].font = st.title
    ws.row_dimensions[1].height = 30
    put(ws, "A2", labels["release.units"], cache).font = st.subtitle
    values: dict[str, dict[str, float | None]] = {}
    contents: dict[str, dict[str, Content]] = {}
    for series in months.release_series():
        found = stat_cells(months, grid, release, series, marks)
        values[series.key] = {k: v for k, (_, v) in found.items()}
        contents[series.key] = {k: c for k, (c, _) in found.items()}
    for row, (formula, text) in zip(
        release.message_rows, release_messages(months, release, labels, values, marks), strict=True
    ):
        cell = put(ws, f"A{row}", Formula(formula, text), cache)
        cell.font = st.font(11)
        cell.alignment = WRAP_MIDDLE
        ws.merge_cells(f"A{row}:L{row}")
        ws.row_dimensions[row].height = 30
    _table_header(ws, st, labels, months)
    definition = months.numbers.definition.id
    for series in months.release_series():
        row = release.rows[series.key]
        strong = series.key == "sel:net"
        text, indented = row_label(labels, series, months)
        label = put(ws, f"A{row}", text, cache)
        styler.apply(
            label,
            ("label", strong, indented),
            font=st.emphasis if strong else st.body,
            alignment=INDENTED if indented else LEFT,
            border=BOTTOM,
        )
        put(ws, f"B{row}", _code_cell(series, definition, months), cache)
        styler.apply(ws[f"B{row}"], "code", font=st.key, alignment=LEFT, border=BOTTOM)
        for stat in STATS:
            content = contents[series.key][stat]
            cell = put(ws, release.local(series.key, stat), content, cache)
            fmt = PCT if stat == "growth" else OKU
            formats[fmt].append(cell.coordinate)
            attributes: dict[str, Any] = {
                "number_format": fmt,
                "alignment": RIGHT,
                "border": BOTTOM,
                "font": st.emphasis if strong else st.body,
            }
            if strong:
                attributes["fill"] = TOTAL_FILL
            styler.apply(cell, ("stat", fmt, strong), **attributes)
    end = release.notes_row
    for text in release.notes:
        cell = put(ws, f"A{end}", text, cache)
        cell.font = st.note
        cell.alignment = WRAP
        ws.merge_cells(f"A{end}:O{end}")
        ws.row_dimensions[end].height = 14 * st.lines(text, "source")
        end += 1
    end = _recent_table(ws, months, grid, release, labels, st, cache, styler, marks, formats[OKU])
    if marks is not None:
        marks.show(ws, RELEASE_KEY, formats)
    # a statistic's column holds a marked amount and, in Japanese, "2025年1～3月" on one line
    column = max(11.5, st.year_width + 0.5)
    set_widths(ws, {"A": 50, "B": 10, **{c: column for c in "CDEFGHIJKLMNO"}})
    ws.freeze_panes = f"C{TABLE_ROW + 2}"
    page_setup(ws, f"A1:O{end}")
    ws.print_title_rows = "1:1"
    ws.sheet_view.showGridLines = False
    return values


def row_label(labels: Labels, series: Series, months: MonthNumbers) -> tuple[str, bool]:
    """A row's label and whether it is indented: a component's payments and receipts sit
    under its balance ("Payments", indented) when that row is shown."""
    under = any(c.item == series.item and c.side == "net" for c in months.components)
    if series.key.startswith("comp:") and series.side != "net" and under:
        return labels[f"release.row.{series.side}"], True
    return series_label(labels, series), False


def _code_cell(series: Series, definition: str, months: MonthNumbers) -> Content:
    """The key column: the live Definition or CF_Method where the series follows it."""
    if series.key.startswith("sel:"):
        return Formula("=Definition", definition)
    if series.key == "cf:sel":
        return Formula("=CF_Method", months.numbers.options.cf_method)
    return series_code(series, definition)


def _table_header(ws: Any, st: Styles, labels: Labels, months: MonthNumbers) -> None:
    group_row, row = TABLE_ROW, TABLE_ROW + 1
    for key, first, last in GROUPS:
        name = (
            labels[f"release.group.{key}.{months.basis}"]
            if key == "ytd"
            else labels[f"release.group.{key}"]
        )
        ws[f"{first}{group_row}"].value = name
        ws.merge_cells(f"{first}{group_row}:{last}{group_row}")
    texts = [labels["col.item"], labels["col.code"], *headers(labels, months)]
    for i, text in enumerate(texts):
        cell = ws.cell(row, 1 + i)
        cell.value = text
    for r in (group_row, row):
        for column in range(1, len(texts) + 1):
            cell = ws.cell(r, column)
            cell.font = st.header
            cell.fill = HEADER_FILL if r == row else SECTION_FILL
            cell.alignment = WRAP_MIDDLE if column <= 2 else WRAP_CENTER
            if r == group_row:
                cell.font = st.section
    ws.row_dimensions[row].height = 30


def recent_months(months: MonthNumbers) -> list[int]:
    """The last 13 months to the latest (fewer when the data start later)."""
    return list(range(max(0, months.latest - TABLE_MONTHS + 1), months.latest + 1))


def _recent_table(
    ws: Any,
    months: MonthNumbers,
    grid: MonthsLayout,
    release: ReleaseLayout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    styler: StyleCache,
    marks: MarkBook | None,
    amounts: list[str],
) -> int:
    """The last 13 months of every series (their cells added to ``amounts``); returns the
    last row written."""
    top = release.recent_row
    ws.row_breaks.append(Break(id=top - 1))  # the table starts a page, whole
    ws[f"A{top}"].value = labels["release.recent"]
    ws[f"A{top}"].font = st.section
    header = top + 1
    shown = recent_months(months)
    texts = [labels["col.item"], labels["col.code"]] + [
        month_text(labels, months.months[i]) for i in shown
    ]
    for i, text in enumerate(texts):
        cell = ws.cell(header, 1 + i)
        cell.value = text
        styler.apply(
            cell,
            ("head", i < 2),
            font=st.header,
            fill=HEADER_FILL,
            alignment=LEFT if i < 2 else CENTER,
        )
    row = header
    definition = months.numbers.definition.id
    for series in months.release_series():
        row += 1
        text, indented = row_label(labels, series, months)
        put(ws, f"A{row}", text, cache)
        styler.apply(
            ws[f"A{row}"],
            ("recent-label", indented),
            font=st.body,
            alignment=INDENTED if indented else LEFT,
            border=BOTTOM,
        )
        put(ws, f"B{row}", _code_cell(series, definition, months), cache)
        styler.apply(ws[f"B{row}"], "code", font=st.key, alignment=LEFT, border=BOTTOM)
        for offset, index in enumerate(shown):
            value = series.values[index]
            cell = ws.cell(row, 3 + offset)
            put(
                ws,
                cell.coordinate,
                Formula("=" + grid.ref(series.key, index), cached_value(value)),
                cache,
            )
            style_amount(styler, cell, st)
            amounts.append(cell.coordinate)
            if marks is not None:
                inputs = [(grid.loc(series.key, index), True)]
                marks.derived(Loc(RELEASE_KEY, cell.coordinate), inputs)
    return row
