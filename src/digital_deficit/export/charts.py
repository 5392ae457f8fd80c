"""Native charts over the hidden chart-data sheet, each series carrying its cached points.

Each chart covers the years its series have figures for (under any choice of the
Assumptions); a chart with nothing to draw gives way to a line saying what to fetch. Chart
ranges hold #N/A where a value is missing, so Excel and LibreOffice leave a gap instead of
plotting a zero. Points built on a rounded figure are drawn again as hollow rings (≈), those
combining vintages as crosses (†), one legend entry each. The projection is a scatter chart
over numeric years: its axis follows the target year when it is edited.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from openpyxl.chart import BarChart, LineChart, ScatterChart
from openpyxl.chart.data_source import (
    AxDataSource,
    NumData,
    NumDataSource,
    NumRef,
    NumVal,
    StrData,
    StrRef,
    StrVal,
)
from openpyxl.chart.legend import LegendEntry
from openpyxl.chart.marker import Marker
from openpyxl.chart.series import Series, SeriesLabel
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import (
    CharacterProperties,
    Font,
    Paragraph,
    ParagraphProperties,
    RichTextProperties,
)

from digital_deficit.core.catalogue import FAMILIES
from digital_deficit.export.cells import quote_sheet
from digital_deficit.export.formats import AXIS, Formats
from digital_deficit.export.i18n import Labels
from digital_deficit.export.key_figures import chart_series
from digital_deficit.export.layout import OVERLAYS
from digital_deficit.export.numbers import BriefNumbers
from digital_deficit.export.series import SeriesData
from digital_deficit.export.styles import Styles

COLORS = ("1F3864", "5B9BD5", "A5A5A5", "ED7D31", "70AD47", "FFC000", "7030A0")
REST_COLOR = "EDEDED"
"""The part of a total no published component covers (drawn pale, outlined)."""
MARK_COLOR = "E06666"
HORIZONTAL = 21600000
"""A text rotation of a full turn: labels kept level (wrapped, never turned to fit)."""


@dataclass
class Chart:
    """A chart of the Summary, or (``chart`` None) the line replacing it, and the series whose
    missing years its note names."""

    name: str
    chart: Any
    missing: list[str]


def _ref(data: SeriesData, years: list[int]) -> str:
    sheet = data.layout
    row = sheet.rows[data.key]
    first, last = sheet.col(years[0]), sheet.col(years[-1])
    return f"{quote_sheet(sheet.title)}!${first}${row}:${last}${row}"


def _categories(data: SeriesData, years: list[int], labels: list[str]) -> AxDataSource:
    """The category axis source (text labels of the years), shared by a chart's series."""
    sheet = data.layout
    row = sheet.header_row
    first, last = sheet.col(years[0]), sheet.col(years[-1])
    ref = f"{quote_sheet(sheet.title)}!${first}${row}:${last}${row}"
    cache = StrData(ptCount=len(labels), pt=[StrVal(idx=i, v=t) for i, t in enumerate(labels)])
    return AxDataSource(strRef=StrRef(f=ref, strCache=cache))


def _numbers(data: SeriesData, years: list[int]) -> NumDataSource:
    sheet = data.layout
    at = [sheet.years.index(y) for y in years]
    points = [data.points[i] for i in at]
    cells = [NumVal(idx=i, v=v) for i, v in enumerate(points) if v is not None]
    ref = _ref(data, years)
    return NumDataSource(
        numRef=NumRef(f=ref, numCache=NumData(formatCode="General", ptCount=len(at), pt=cells))
    )


def _series(data: SeriesData, years: list[int], color: str, x: Any = None) -> Series:
    series = Series()
    series.val = _numbers(data, years)
    if x is not None:
        series.xVal = x
        series.yVal = series.val
        series.val = None
    sheet = data.layout
    series.tx = SeriesLabel(
        strRef=StrRef(
            f=f"{quote_sheet(sheet.title)}!$A${sheet.rows[data.key]}",
            strCache=StrData(ptCount=1, pt=[StrVal(idx=0, v=data.label)]),
        )
    )
    series.graphicalProperties = GraphicalProperties(solidFill=color)
    series.graphicalProperties.line = LineProperties(solidFill=color)
    return series


def _line(series: Series, color: str, size: int = 6, dash: bool = False) -> Series:
    series.smooth = False
    series.marker = Marker(symbol="circle", size=size)
    series.marker.graphicalProperties = GraphicalProperties(solidFill=color)
    series.marker.graphicalProperties.line = LineProperties(solidFill=color)
    if dash:
        series.graphicalProperties.line.prstDash = "dash"
    return series


def _overlay(series: Series, kind: str) -> Series:
    """Markers only, in red: a large dot (≈) or a cross (†), drawn before the series they
    mark so that its own marker sits on top (a halo around it)."""
    series.smooth = False
    series.graphicalProperties = GraphicalProperties(solidFill=MARK_COLOR)
    series.graphicalProperties.line = LineProperties(noFill=True)
    symbol, size = ("circle", 10) if kind == "approx" else ("x", 11)
    series.marker = Marker(symbol=symbol, size=size)
    series.marker.graphicalProperties = GraphicalProperties(solidFill=MARK_COLOR)
    series.marker.graphicalProperties.line = LineProperties(solidFill=MARK_COLOR, w=19050)
    return series


def add_overlays(
    chart: Any, series: dict[str, SeriesData], key: str, years: list[int], x: Any = None
) -> list[str]:
    """The overlays (≈, †) of ``key``'s points appended to ``chart`` (a line or scatter chart,
    before the series they mark: a red halo or cross behind its marker), where the chart data
    hold them; returns their kinds in order."""
    kinds = []
    for kind in OVERLAYS:
        found = series.get(f"{key}:{kind}")
        if found is not None:
            chart.series.append(_overlay(_series(found, years, COLORS[0], x), kind))
            kinds.append(kind)
    return kinds


def slant_labels(chart: Any, st: Styles, texts: list[str], longest: int = 4) -> None:
    """Category labels longer than ``longest`` characters (FY2024, 2024年度) drawn at 45°."""
    if texts and max(len(t) for t in texts) > longest:
        chart.x_axis.txPr = _rich_text(st.font_name, 800, False, -2700000)


@lru_cache(maxsize=32)
def _rich_text(font_name: str, size: int, bold: bool, rotation: int = 0) -> RichText:
    # shared between charts (read only): building openpyxl drawing objects is slow
    font = Font(typeface=font_name)
    props = CharacterProperties(latin=font, ea=font, sz=size, b=bold)
    body = RichTextProperties(rot=rotation % HORIZONTAL, vert="horz") if rotation else None
    return RichText(
        bodyPr=body, p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)]
    )


def _style(chart: Any, title: str, axis_title: str, st: Styles, below_zero: bool = False) -> None:
    chart.title = title
    props = CharacterProperties(
        latin=Font(typeface=st.font_name), ea=Font(typeface=st.font_name), sz=1100, b=True
    )
    chart.title.tx.rich.p[0].pPr = ParagraphProperties(defRPr=props)
    for run in chart.title.tx.rich.p[0].r:
        run.rPr = props
    chart.legend.position = "b"
    chart.legend.txPr = _rich_text(st.font_name, 900, False)
    chart.display_blanks = "gap"
    chart.visible_cells_only = False
    chart.width = 15.0
    chart.height = 8.0
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.title = axis_title
    chart.y_axis.number_format = AXIS
    chart.y_axis.majorGridlines.spPr = GraphicalProperties(ln=LineProperties(solidFill="D9D9D9"))
    chart.x_axis.txPr = _rich_text(st.font_name, 800, False)
    chart.y_axis.txPr = _rich_text(st.font_name, 800, False)
    chart.x_axis.tickLblPos = "low"
    if below_zero:
        chart.y_axis.scaling.max = 0  # deficits only: the axis shows them below zero


def legend_once(chart: Any, kinds: list[str]) -> None:
    """One legend entry per kind of overlay (the first); the other overlays' entries hidden."""
    seen: set[str] = set()
    hidden = []
    for index, kind in enumerate(kinds):
        if not kind:
            continue
        if kind in seen:
            hidden.append(LegendEntry(idx=index, delete=True))
        seen.add(kind)
    chart.legend.legendEntry = hidden


def _span(numbers: BriefNumbers, columns: list[str]) -> list[int]:
    """The years from the first to the last with a figure in any of ``columns`` under any
    definition or method the Assumptions can pick."""
    found = []
    for year in numbers.years:
        present = False
        for column in columns:
            if column == "digital":
                present |= any(
                    numbers.by_definition[("net", d)][year].value is not None
                    for d in numbers.definition_ids
                )
            elif column in FAMILIES:
                present |= any(v[year] is not None for v in numbers.by_method[column].values())
            else:
                present |= numbers.headline[year].values[column] is not None
        if present:
            found.append(year)
    return list(range(found[0], found[-1] + 1)) if found else []


def _deficits_only(series: list[SeriesData]) -> bool:
    values = [v for s in series for v in s.points if v is not None]
    return bool(values) and max(values) <= 0


def build_charts(
    series: dict[str, SeriesData],
    numbers: BriefNumbers,
    labels: Labels,
    st: Styles,
    fm: Formats,
) -> list[Chart]:
    """The four summary charts, in reading order."""
    basis = numbers.options.basis
    axis = labels["chart.axis_tn"]
    pair = chart_series(numbers.options.cf_method)

    def years_of(span: list[int]) -> list[str]:
        return [labels.fmt(f"period.{basis}", year=y) for y in span]

    def slanted(chart: Any, span: list[int]) -> None:
        slant_labels(chart, st, years_of(span))

    def overlays(
        keys: list[str], span: list[int], chart: Any, kinds: list[str], x: Any = None
    ) -> None:
        for key in keys:
            kinds += add_overlays(chart, series, key, span, x)

    out: list[Chart] = []
    # 1. the digital balance, its components stacked and the rest of it not split
    span = _span(numbers, ["digital"])
    if span:
        stacked = BarChart()
        stacked.type, stacked.grouping, stacked.overlap = "col", "stacked", 100
        cats = _categories(series["c:digital"], span, years_of(span))
        kinds: list[str] = []
        slots = [key for key in series if key.startswith("c:comp")] + ["c:rest"]
        for i, key in enumerate(slots):
            color = REST_COLOR if key == "c:rest" else COLORS[1 + i % (len(COLORS) - 1)]
            s = _series(series[key], span, color)
            if key == "c:rest":
                s.graphicalProperties.line = LineProperties(solidFill="A6A6A6", prstDash="dash")
            s.cat = cats
            stacked.series.append(s)
            kinds.append("")
        lines = LineChart()
        overlays(["c:stack"], span, lines, kinds)
        lines.series.append(_line(_series(series["c:digital"], span, COLORS[0]), COLORS[0]))
        kinds.append("")
        for s in lines.series:
            s.cat = cats
        stacked += lines
        _style(stacked, labels["chart.digital"], axis, st, _deficits_only([series["c:digital"]]))
        slanted(stacked, span)
        legend_once(stacked, kinds)
        out.append(Chart("digital", stacked, ["c:digital"]))
    else:
        out.append(Chart("digital", None, ["c:digital"]))
    # 2. headline against cash-flow current account; 3. travel against the digital balance
    for name, bar_key, line_key, color in (
        ("ca", "c:ca", "c:cf", COLORS[3]),
        ("travel", "c:travel", "c:digital", COLORS[0]),
    ):
        span = _span(numbers, [pair.get(bar_key, "travel"), pair.get(line_key, "digital")])
        if not span:
            out.append(Chart(name, None, [bar_key, line_key]))
            continue
        bars = BarChart()
        bars.type, bars.grouping = "col", "clustered"
        cats = _categories(series[bar_key], span, years_of(span))
        bar_color = COLORS[4] if name == "travel" else COLORS[0]
        bars.series.append(_series(series[bar_key], span, bar_color))
        kinds = [""]
        lines = LineChart()
        overlays([bar_key, line_key], span, lines, kinds)
        lines.series.append(_line(_series(series[line_key], span, color), color))
        kinds.append("")
        for s in [*bars.series, *lines.series]:
            s.cat = cats
        bars += lines
        _style(bars, labels[f"chart.{name}"], axis, st, False)
        slanted(bars, span)
        legend_once(bars, kinds)
        out.append(Chart(name, bars, [bar_key, line_key]))
    # 4. the projection beside METI's points: numeric years, the axis follows the target year
    path = series["p:actual"].layout
    years = path.years
    x = AxDataSource(numRef=_numbers(series["p:x"], years).numRef)
    outlook = ScatterChart()
    outlook.style = 13
    kinds = []
    for key, color in (("p:actual", COLORS[0]), ("p:projection", COLORS[1])):
        outlook.series.append(
            _line(_series(series[key], years, color, x), color, 5, key == "p:projection")
        )
        kinds.append("")
    for key, color, symbol in (
        ("p:meti_2030", "ED7D31", "triangle"),
        ("p:meti_2035b", "F4B183", "diamond"),
        ("p:meti_2035p", "C55A11", "diamond"),
    ):
        s = _series(series[key], years, color, x)
        s.graphicalProperties.line = LineProperties(noFill=True)
        s.marker = Marker(symbol=symbol, size=10)
        s.marker.graphicalProperties = GraphicalProperties(solidFill=color)
        outlook.series.append(s)
        kinds.append("")
    # LibreOffice draws a scatter chart's series last to first: the halos go after the points
    overlays(["p:actual", "p:projection"], years, outlook, kinds, x)
    drawn = [series[k] for k in ("p:actual", "p:projection", "p:meti_2030", "p:meti_2035p")]
    _style(outlook, labels["chart.outlook"], axis, st, _deficits_only(drawn))
    outlook.x_axis.number_format = fm.year(basis)
    outlook.x_axis.majorGridlines = None
    legend_once(outlook, kinds)
    out.append(Chart("outlook", outlook, ["c:digital"]))
    return out
