"""The one-page summary a PDF starts with: the key messages, the latest release (where the data
hold months) and the headline chart, all live over the other sheets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from digital_deficit.export.cells import CacheBook, Formula, put
from digital_deficit.export.cells import value_or_na as cached_value
from digital_deficit.export.charts import Chart
from digital_deficit.export.formats import OKU
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import Layout
from digital_deficit.export.marks import Loc, MarkBook
from digital_deficit.export.messages import Message, messages
from digital_deficit.export.month_numbers import MonthNumbers
from digital_deficit.export.months_sheet import series_label
from digital_deficit.export.numbers import SIDES, BriefNumbers
from digital_deficit.export.release_format import month_text
from digital_deficit.export.release_stats import ReleaseLayout, release_messages, windows
from digital_deficit.export.styles import (
    BOTTOM,
    HEADER_FILL,
    LEFT,
    NAVY,
    RIGHT,
    WRAP,
    WRAP_CENTER,
    WRAP_MIDDLE,
    Styles,
    page_setup,
)
from digital_deficit.export.summary_sheet import missing_note
from digital_deficit.export.tables import set_widths

GLANCE_STATS = ("latest", "year_ago", "ytd", "ytd_prev", "r12", "r12_prev")
WIDTHS = {"A": 34.0, **{c: 13.0 for c in "BCDEFGH"}}
WIDTH = sum(WIDTHS.values())
"""The page's width in characters (the messages wrap in it)."""
GLANCE_KEY = "glance"
"""The glance page's key (the shadows of its release table on the Marks sheet)."""
LAST_COL = "H"


@dataclass(frozen=True)
class LatestRelease:
    """The Latest release sheet as the glance page reads it."""

    months: MonthNumbers
    layout: ReleaseLayout
    values: dict[str, dict[str, float | None]]
    """Each series' statistics (the core's values) by key."""
    marks: MarkBook | None
    """The marks, where a monthly cell can be marked (else None)."""


def write_glance(
    ws: Any,
    numbers: BriefNumbers,
    layout: Layout,
    latest: LatestRelease | None,
    chart: Chart,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    stamp: str,
    marks: MarkBook,
) -> None:
    """Title, key messages (marked as the Cover's are), the latest release and the headline
    chart on one A4 page."""
    ws["A1"].value = labels["title"]
    ws["A1"].font = st.font(18, bold=True, color=NAVY)
    ws.row_dimensions[1].height = 28
    o = numbers.options
    years = f"{labels.fmt(f'period.{o.basis}', year=numbers.years[0])}–" + labels.fmt(
        f"period.{o.basis}", year=numbers.years[-1]
    )
    subtitle = labels.fmt(
        "glance.subtitle", periods=years, definition=labels.name(o.definition), generated=stamp
    )
    put(ws, "A2", subtitle, cache).font = st.subtitle
    row = 4
    put(ws, f"A{row}", labels["cover.messages"], cache).font = st.font(12, bold=True, color=NAVY)
    found = messages(numbers, layout, labels, marks)
    if latest is not None:
        found += [
            Message(formula, text, "")
            for formula, text in release_messages(
                latest.months, latest.layout, labels, latest.values, latest.marks, external=True
            )
        ]
    for message in found:
        row += 1
        cell = put(ws, f"A{row}", Formula(message.formula, message.cached), cache)
        cell.font = st.font(10.5)
        cell.alignment = WRAP_MIDDLE
        ws.merge_cells(f"A{row}:{LAST_COL}{row}")
        ws.row_dimensions[row].height = st.height(message.cached, WIDTH, 10.5, least=28)
    row += 2
    if latest is not None:
        row = _release_table(ws, latest, labels, st, cache, row) + 2
    else:
        put(ws, f"A{row}", labels["glance.no_months"], cache).font = st.note
        row += 2
    if chart.chart is None:  # nothing to draw: the line saying what to fetch
        put(ws, f"A{row}", labels[f"chart.fetch.{chart.name}"], cache).font = st.body
        note = row + 2
    else:
        ws.add_chart(chart.chart, f"A{row}")
        chart.chart.width, chart.chart.height = 20.5, 9.5
        note = row + 21
        if chart.missing:  # the years its series have no figure for, as on the Summary
            missing = put(ws, f"A{note - 2}", missing_note(layout, labels, cache, chart), cache)
            missing.font = st.note
            ws.merge_cells(f"A{note - 2}:{LAST_COL}{note - 2}")
    for text in (labels["marks_note"], labels["glance.note"]):  # the messages' marks
        put(ws, f"A{note}", text, cache).font = st.note
        ws[f"A{note}"].alignment = WRAP
        ws.merge_cells(f"A{note}:{LAST_COL}{note}")
        ws.row_dimensions[note].height = st.height(text, WIDTH, 9)
        note += 1
    note -= 1
    set_widths(ws, WIDTHS)
    page_setup(ws, f"A1:{LAST_COL}{note}", fit_height=True)
    ws.sheet_view.showGridLines = False


def _release_table(
    ws: Any, latest: LatestRelease, labels: Labels, st: Styles, cache: CacheBook, top: int
) -> int:
    """Digital balance, payments and receipts: the month, the year to date and 12-month sums
    beside a year earlier (references to the Latest release sheet), marked as those are."""
    months, release, values, marks = latest.months, latest.layout, latest.values, latest.marks
    if marks is not None:  # the table's rows (it ends the sheet's marked cells)
        marks.add_sheet(GLANCE_KEY, top + 2 + len(SIDES) + 1)
    title = labels.fmt("release.title", month=month_text(labels, months.latest_month))
    put(ws, f"A{top}", title, cache).font = st.font(12, bold=True, color=NAVY)
    head = top + 1
    w = windows(months)
    ago = "" if w.year_ago is None else month_text(labels, months.months[w.year_ago])
    texts = [
        labels["col.item"],
        month_text(labels, months.latest_month),
        ago,
        labels[f"release.group.ytd.{months.basis}"],
        labels["glance.year_earlier"],
        labels["metric.twelve_month_sum"],
        labels["glance.year_earlier"],
    ]
    for i, text in enumerate(texts):
        cell = ws.cell(head, 1 + i)
        cell.value = text
        cell.font, cell.fill = st.header, HEADER_FILL
        cell.alignment = WRAP_MIDDLE if i == 0 else WRAP_CENTER
    ws.row_dimensions[head].height = max(st.height(t, 13) for t in texts[1:])
    row = head
    amounts: list[str] = []
    for side in SIDES:
        series = months.selected[side]
        row += 1
        put(ws, f"A{row}", series_label(labels, series), cache).alignment = LEFT
        for i, stat in enumerate(GLANCE_STATS):
            cell = ws.cell(row, 2 + i)
            value = values[series.key][stat]
            put(
                ws,
                cell.coordinate,
                Formula("=" + release.ref(series.key, stat), cached_value(value)),
                cache,
            )
            cell.number_format = OKU
            cell.alignment, cell.border = RIGHT, BOTTOM
            cell.font = st.emphasis if side == "net" else st.body
            amounts.append(cell.coordinate)
            if marks is not None:
                source = [(release.loc(series.key, stat), True)]
                marks.derived(Loc(GLANCE_KEY, cell.coordinate), source)
        ws[f"A{row}"].border = BOTTOM
    if marks is not None:
        marks.show(ws, GLANCE_KEY, {OKU: amounts})
    put(ws, f"A{row + 1}", labels["release.units"], cache).font = st.note
    return row + 1
