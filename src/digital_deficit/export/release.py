"""The release-day additions to a briefing, in one place for the builder: with months in the data,
the Latest release, Monthly charts and Months sheets; with ``--compare``, the Countries sheet;
with ``--pdf``, the one-page summary the PDF starts with. Annual-only data without those
options leave the briefing as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from digital_deficit.core.items import ITEM_IDS
from digital_deficit.core.periods import BASES
from digital_deficit.data.comparison import load_for_comparison
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.model import Observation
from digital_deficit.export.cells import CacheBook, Formula, put
from digital_deficit.export.chart_data import SeriesData
from digital_deficit.export.charts import Chart, build_charts
from digital_deficit.export.countries_sheet import write_countries
from digital_deficit.export.country_numbers import (
    CONVERTED,
    NO_RATE,
    CountryNumbers,
    compute_countries,
    requested,
)
from digital_deficit.export.formats import formats_for
from digital_deficit.export.glance_sheet import GLANCE_KEY, LatestRelease, write_glance
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import SHEET_KEYS, Layout
from digital_deficit.export.marks import MarkBook
from digital_deficit.export.month_chart_data import write_month_chart_data
from digital_deficit.export.month_charts import headline_chart, monthly_charts
from digital_deficit.export.month_numbers import MonthNumbers, compute_months
from digital_deficit.export.months_sheet import MONTHS_KEY, months_layout, write_months
from digital_deficit.export.numbers import SIDES, BriefNumbers, compute
from digital_deficit.export.options import BriefOptions
from digital_deficit.export.release_format import month_text
from digital_deficit.export.release_sheet import write_release
from digital_deficit.export.release_stats import RELEASE_KEY, release_layout
from digital_deficit.export.styles import NAVY, WRAP, Styles, page_setup
from digital_deficit.export.summary_sheet import missing_note
from digital_deficit.export.tables import set_widths, title_block

ORDER: tuple[str, ...] = (
    "glance",
    "cover",
    "summary",
    "release",
    "monthcharts",
    "countries",
    "digital",
    "ca",
    "outlook",
    "months",
    "assumptions",
    "data",
    "countrydata",
    "sources",
    "chartdata",
    "monthchart",
    "marks",
)
"""The sheets in reading order (those a briefing has)."""
RELEASE_MARKED: tuple[str, ...] = (MONTHS_KEY, RELEASE_KEY, GLANCE_KEY)
"""The release-day sheets whose cells can carry live marks (shadows on the Marks sheet)."""
NOT_PRINTED: tuple[str, ...] = ("data", "months", "countrydata")
"""Sheets the PDF leaves out: every figure, long; the workbook holds them."""
CHART_ANCHORS: tuple[str, ...] = ("A4", "A22", "H22", "A38", "H38")
"""The headline chart across the page, then two rows of two (columns of width 11, about
2.2 cm; rows of about 0.53 cm)."""
NOTE_ROW = 54
"""Under the last row of charts: the annual chart's missing years, then the sheet's note."""


@dataclass
class ReleaseParts:
    """What a briefing adds on release day (None: not in this briefing)."""

    months: MonthNumbers | None
    countries: CountryNumbers | None


def compute_briefing(
    options: BriefOptions, dataset: Dataset | None = None
) -> tuple[BriefNumbers, ReleaseParts]:
    """The core's numbers, the monthly numbers and the comparison; the observations they use
    are added to the Data sheet's (sorted as the briefing sorts them)."""
    apart = Dataset(origin="")
    if dataset is None and options.compare:
        dataset, apart = load_for_comparison(options.data)
    numbers = compute(options, dataset)
    months = compute_months(numbers)
    countries = (
        compute_countries(numbers, apart, requested(options.compare)) if options.compare else None
    )
    extra: list[Observation] = [] if months is None else months.observations()
    if countries is not None:
        extra += [
            o
            for r in countries.rows
            if r.how in (CONVERTED, NO_RATE)
            for f in r.figures.values()
            for o in f.sources
        ]
    if extra:
        seen = {(*o.key, o.vintage): o for o in (*numbers.observations, *extra)}
        numbers.observations = sorted(seen.values(), key=_data_order)
    return numbers, ReleaseParts(months, countries)


def _data_order(obs: Observation) -> tuple[object, ...]:
    """The Data sheet's order: by item, definition, side, then basis (years before months)."""
    return (
        ITEM_IDS.index(obs.item),
        obs.definition,
        SIDES.index(obs.side),
        BASES.index(obs.basis),
        obs.period,
        obs.vintage,
    )


def add_release_sheets(
    wb: Any,
    parts: ReleaseParts,
    numbers: BriefNumbers,
    layout: Layout,
    annual: dict[str, SeriesData],
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    stamp: str,
    marks: MarkBook,
) -> None:
    """Write the release-day sheets into ``wb`` (after the others) and put every sheet in
    reading order. The monthly cells carry marks only where the monthly figures can make one
    (a rounded figure, or figures of more than one vintage): else none can show under any
    choice on Assumptions, and no shadows are written."""
    sheets: dict[str, Any] = {}
    months, latest, charts = parts.months, None, None
    if months is not None:
        for key in ("release", "monthcharts", "months", "monthchart"):
            sheets[key] = wb.create_sheet(labels[f"sheet.{key}"])
        grid = months_layout(months, labels)
        release = release_layout(months, labels)
        month_marks = marks if months.markable else None
        if month_marks is not None:
            month_marks.add_sheet(MONTHS_KEY, grid.last_row + 1)
            month_marks.add_sheet(RELEASE_KEY, release.height)
        write_months(sheets["months"], months, grid, layout, labels, st, cache, month_marks)
        values = write_release(
            sheets["release"], months, grid, release, labels, st, cache, month_marks
        )
        latest = LatestRelease(months, release, values, month_marks)
        charts = write_month_chart_data(
            sheets["monthchart"], months, grid, release, layout, labels, st, cache
        )
        missing = missing_note(layout, labels, cache, Chart("annual", None, ["c:digital"]))
        drawn = monthly_charts(charts, annual)
        _chart_sheet(sheets["monthcharts"], drawn, months, labels, st, cache, missing)
    if parts.countries is not None:
        for key in ("countries", "countrydata"):
            sheets[key] = wb.create_sheet(labels[f"sheet.{key}"])
        write_countries(
            sheets["countries"],
            sheets["countrydata"],
            wb,
            parts.countries,
            layout,
            labels,
            st,
            cache,
        )
    if numbers.options.pdf:
        sheets["glance"] = wb.create_sheet(labels["sheet.glance"])
        chart = (
            Chart("monthly", headline_chart(charts), [])
            if charts is not None
            else build_charts(annual, numbers, labels, st, formats_for(labels))[0]
        )
        write_glance(
            sheets["glance"], numbers, layout, latest, chart, labels, st, cache, stamp, marks
        )
    titles = {**{k: layout.title(k) for k in SHEET_KEYS}, **{k: s.title for k, s in sheets.items()}}
    by_title = {ws.title: ws for ws in wb.worksheets}
    ordered = [by_title[titles[k]] for k in ORDER if k in titles]
    wb._sheets = ordered + [ws for ws in wb.worksheets if ws not in ordered]


def unprinted_titles(wb: Any, labels: Labels, layout: Layout) -> list[str]:
    """The titles of the sheets the PDF leaves out (those this briefing has)."""
    titles = {k: layout.title(k) if k in SHEET_KEYS else labels[f"sheet.{k}"] for k in NOT_PRINTED}
    return [titles[k] for k in NOT_PRINTED if titles[k] in wb.sheetnames]


def _chart_sheet(
    ws: Any,
    charts: list[Any],
    months: MonthNumbers,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    annual_missing: Formula,
) -> None:
    """The five monthly charts on one page, the years the annual chart's balance has no
    figure for under it (as under the Summary's charts), and the sheet's note."""
    title_block(
        ws,
        st,
        labels.fmt("monthcharts.title", month=month_text(labels, months.latest_month)),
        labels["release.units"],
    )
    ws["A1"].font = st.font(18, bold=True, color=NAVY)
    for anchor, chart in zip(CHART_ANCHORS, charts, strict=True):
        if anchor == CHART_ANCHORS[0]:
            chart.width, chart.height = 26.0, 9.0
        else:
            chart.width, chart.height = 12.9, 8.0
        ws.add_chart(chart, anchor)
    missing = put(ws, f"{CHART_ANCHORS[-1][0]}{NOTE_ROW}", annual_missing, cache)
    missing.font, missing.alignment = st.note, WRAP
    ws.merge_cells(f"{CHART_ANCHORS[-1][0]}{NOTE_ROW}:N{NOTE_ROW}")
    ws.row_dimensions[NOTE_ROW].height = 24
    row = NOTE_ROW + 2
    note = put(ws, f"A{row}", labels["monthcharts.note"], cache)
    note.font, note.alignment = st.note, WRAP
    ws.merge_cells(f"A{row}:N{row + 1}")
    ws.row_dimensions[row].height = 24
    set_widths(ws, {c: 11 for c in "ABCDEFGHIJKLMN"})
    ws.sheet_view.showGridLines = False
    page_setup(ws, f"A1:N{row + 1}", fit_height=True)
