"""Charts with months: the monthly digital balance by component with its 12-month sum, payments
against receipts (monthly, by component, quarterly, annual), over the hidden Monthly chart data
sheet (``month_chart_data``); each series carries its cached points (what viewers that do not
recalculate draw).
"""

from __future__ import annotations

from typing import Any

from openpyxl.chart import BarChart, LineChart
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
from openpyxl.chart.marker import Marker
from openpyxl.chart.series import Series as ChartSeries
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.drawing.line import LineProperties
from openpyxl.utils import get_column_letter

from digital_deficit.export.cells import quote_sheet
from digital_deficit.export.charts import (
    COLORS,
    HORIZONTAL,
    _rich_text,
    _style,
    add_overlays,
    legend_once,
    slant_labels,
)
from digital_deficit.export.month_chart_data import HEADER_ROW, Block, MonthCharts
from digital_deficit.export.series import SeriesData


def _source(charts: MonthCharts, block: Block, key: str, color: str) -> ChartSeries:
    sheet = quote_sheet(charts.title)
    count = len(block.categories)
    column = block.column(key)
    points = block.points[key]
    series = ChartSeries()
    series.val = NumDataSource(
        numRef=NumRef(
            f=f"{sheet}!${column}${HEADER_ROW + 1}:${column}${HEADER_ROW + count}",
            numCache=NumData(
                formatCode="General",
                ptCount=count,
                pt=[NumVal(idx=i, v=v) for i, v in enumerate(points) if v is not None],
            ),
        )
    )
    label_col = get_column_letter(block.first)
    series.cat = AxDataSource(
        strRef=StrRef(
            f=f"{sheet}!${label_col}${HEADER_ROW + 1}:${label_col}${HEADER_ROW + count}",
            strCache=StrData(
                ptCount=count, pt=[StrVal(idx=i, v=t) for i, t in enumerate(block.categories)]
            ),
        )
    )
    series.tx = SeriesLabel(
        strRef=StrRef(
            f=f"{sheet}!${column}${HEADER_ROW}",
            strCache=StrData(ptCount=1, pt=[StrVal(idx=0, v=block.names[key])]),
        )
    )
    series.graphicalProperties = GraphicalProperties(solidFill=color)
    series.graphicalProperties.line = LineProperties(solidFill=color)
    return series


def _line(
    charts: MonthCharts, block: Block, key: str, color: str, dash: str | None = None
) -> ChartSeries:
    series = _source(charts, block, key, color)
    series.smooth = False
    series.marker = Marker(symbol="none")
    series.graphicalProperties.line.width = 22000
    if dash:
        series.graphicalProperties.line.prstDash = dash
    return series


def _finish(chart: Any, charts: MonthCharts, title: str, axis: str, amount: str = "#,##0") -> Any:
    _style(chart, title, axis, charts.st)
    chart.y_axis.number_format = amount
    chart.width, chart.height = 15.0, 7.2
    return chart


def headline_chart(charts: MonthCharts) -> Any:
    """The monthly digital balance: components stacked, the balance, and the 12-month sum on
    the right-hand axis (a new chart object each call)."""
    labels, block = charts.labels, charts.monthly
    bars = BarChart()
    bars.type, bars.grouping, bars.overlap, bars.gapWidth = "col", "stacked", 100, 40
    for k, key in enumerate(charts.slots):
        bars.series.append(_source(charts, block, key, COLORS[1 + k % (len(COLORS) - 1)]))
    net = LineChart()
    net.series.append(_line(charts, block, "net", COLORS[0]))
    r12 = LineChart()
    r12.series.append(_line(charts, block, "r12", "C00000", "dash"))
    r12.y_axis.axId = 200
    r12.y_axis.crosses = "max"
    r12.y_axis.title = labels["release.axis.r12"]
    r12.y_axis.number_format = "#,##0"
    r12.y_axis.majorGridlines = None
    r12.y_axis.delete = False
    bars += net
    bars += r12
    return _finish(bars, charts, labels["release.chart.monthly"], labels["release.axis"])


def monthly_charts(charts: MonthCharts, annual: dict[str, SeriesData]) -> list[Any]:
    """The five charts of the Monthly charts sheet, in reading order; the annual balance's
    points built on a rounded figure or combining vintages are marked as on the Summary's
    charts (the overlays of ``annual``, the chart data's)."""
    labels = charts.labels
    flows = LineChart()
    flows.series.append(_line(charts, charts.monthly, "payments", COLORS[3]))
    flows.series.append(_line(charts, charts.monthly, "receipts", COLORS[4]))
    flows = _finish(flows, charts, labels["release.chart.flows"], labels["release.axis"])
    parts = BarChart()
    parts.type, parts.grouping = "col", "clustered"
    for key, color in (
        ("pay", "C55A11"),
        ("rec", "548235"),
        ("pay_prev", "F4B183"),
        ("rec_prev", "A9D18E"),
    ):
        parts.series.append(_source(charts, charts.components, key, color))
    parts = _finish(parts, charts, labels["release.chart.components"], labels["release.axis"])
    parts.x_axis.txPr = _rich_text(charts.st.font_name, 800, False, HORIZONTAL)
    quarterly = _flows_and_net(
        charts,
        charts.quarterly,
        labels[f"release.chart.quarterly.{charts.basis}"],
        labels["release.axis"],
        "#,##0",
    )
    years = _flows_and_net(
        charts,
        charts.annual,
        labels[f"release.chart.annual.{charts.basis}"],
        labels["chart.axis_tn"],
        "0.0",
        annual,
    )
    return [headline_chart(charts), flows, parts, quarterly, years]


def _flows_and_net(
    charts: MonthCharts,
    block: Block,
    title: str,
    axis: str,
    amount: str,
    annual: dict[str, SeriesData] | None = None,
) -> Any:
    """Payments and receipts as bars, the balance as a line (its marks drawn from
    ``annual``'s overlays where given); labels longer than a year's at 45°."""
    bars = BarChart()
    bars.type, bars.grouping = "col", "clustered"
    bars.series.append(_source(charts, block, "payments", COLORS[3]))
    bars.series.append(_source(charts, block, "receipts", COLORS[4]))
    net = LineChart()
    line = _line(charts, block, "net", COLORS[0])
    line.marker = Marker(symbol="circle", size=5)
    line.marker.graphicalProperties = GraphicalProperties(solidFill=COLORS[0])
    kinds = ["", ""]
    if annual is not None:
        kinds += add_overlays(net, annual, "c:digital", annual["c:digital"].layout.years)
        for overlay in net.series:
            overlay.cat = line.cat
    net.series.append(line)
    kinds.append("")
    bars += net
    legend_once(bars, kinds)
    chart = _finish(bars, charts, title, axis, amount)
    slant_labels(chart, charts.st, block.categories, 4 if annual is not None else 6)
    return chart
