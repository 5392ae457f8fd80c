"""Native charts over a hidden chart-data sheet, each series carrying its cached points.

Chart ranges hold #N/A where a value is missing, so Excel and LibreOffice leave a gap instead
of plotting a zero; the visible tables show "n/a".
"""

from __future__ import annotations

from functools import lru_cache
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

from digital_deficit.export.cells import ExcelError, quote_sheet
from digital_deficit.export.chart_data import SeriesData
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import (
    SheetLayout,
)
from digital_deficit.export.numbers import BriefNumbers
from digital_deficit.export.styles import Styles

NA = ExcelError("#N/A")
COLORS = ("1F3864", "5B9BD5", "A5A5A5", "ED7D31", "70AD47", "FFC000", "7030A0")


def _categories(sheet: SheetLayout, labels: list[str]) -> AxDataSource:
    """The category axis source (text labels of the years), shared by a chart's series."""
    row = sheet.header_row
    ref = f"{quote_sheet(sheet.title)}!${sheet.first_col}${row}:${sheet.last_col}${row}"
    cache = StrData(ptCount=len(labels), pt=[StrVal(idx=i, v=t) for i, t in enumerate(labels)])
    return AxDataSource(strRef=StrRef(f=ref, strCache=cache))


def _series(data: SeriesData, categories: AxDataSource, color: str) -> Series:
    sheet = data.layout
    row = sheet.rows[data.key]
    points = [NumVal(idx=i, v=v) for i, v in enumerate(data.points) if v is not None]
    series = Series()
    series.val = NumDataSource(
        numRef=NumRef(
            f=sheet.row_range(data.key),
            numCache=NumData(formatCode="General", ptCount=len(data.points), pt=points),
        )
    )
    series.cat = categories
    series.tx = SeriesLabel(
        strRef=StrRef(
            f=f"{quote_sheet(sheet.title)}!$A${row}",
            strCache=StrData(ptCount=1, pt=[StrVal(idx=0, v=data.label)]),
        )
    )
    series.graphicalProperties = GraphicalProperties(solidFill=color)
    series.graphicalProperties.line = LineProperties(solidFill=color)
    return series


def _text_props(st: Styles, size: int = 900, bold: bool = False) -> RichText:
    return _rich_text(st.font_name, size, bold)


@lru_cache(maxsize=32)
def _rich_text(font_name: str, size: int, bold: bool, rotation: int = 0) -> RichText:
    # shared between charts (read only): building openpyxl drawing objects is slow
    font = Font(typeface=font_name)
    props = CharacterProperties(latin=font, ea=font, sz=size, b=bold)
    body = RichTextProperties(rot=rotation, vert="horz") if rotation else None
    return RichText(
        bodyPr=body, p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)]
    )


def _style(chart: Any, title: str, axis_title: str, st: Styles) -> None:
    chart.title = title
    chart.title.tx.rich.p[0].pPr = ParagraphProperties(
        defRPr=CharacterProperties(
            latin=Font(typeface=st.font_name), ea=Font(typeface=st.font_name), sz=1100, b=True
        )
    )
    for run in chart.title.tx.rich.p[0].r:
        run.rPr = CharacterProperties(
            latin=Font(typeface=st.font_name), ea=Font(typeface=st.font_name), sz=1100, b=True
        )
    chart.legend.position = "b"
    chart.legend.txPr = _text_props(st)
    chart.display_blanks = "gap"
    chart.visible_cells_only = False
    chart.width = 15.0
    chart.height = 8.0
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.title = axis_title
    chart.y_axis.number_format = "0.0;-0.0;0"
    chart.y_axis.majorGridlines.spPr = GraphicalProperties(ln=LineProperties(solidFill="D9D9D9"))
    chart.x_axis.txPr = _text_props(st, 800)
    chart.y_axis.txPr = _text_props(st, 800)
    chart.x_axis.tickLblPos = "low"


def build_charts(
    series: dict[str, SeriesData], numbers: BriefNumbers, labels: Labels, st: Styles
) -> list[Any]:
    """The four summary charts, in reading order."""
    basis = numbers.options.basis
    years = _categories(
        series["c:digital"].layout, [f"FY{y}" if basis == "FY" else str(y) for y in numbers.years]
    )
    path_years = _categories(
        series["p:actual"].layout,
        [f"FY{y}" if basis == "FY" else str(y) for y in numbers.years + numbers.path_years],
    )
    axis = labels["chart.axis_tn"]

    stacked = BarChart()
    stacked.type, stacked.grouping, stacked.overlap = "col", "stacked", 100
    slots = [key for key in series if key.startswith("c:comp")]
    for i, key in enumerate(slots):
        stacked.series.append(_series(series[key], years, COLORS[1 + i % (len(COLORS) - 1)]))
    total = LineChart()
    line = _series(series["c:digital"], years, COLORS[0])
    line.smooth = False
    line.marker = Marker(symbol="circle", size=6)
    line.marker.graphicalProperties = GraphicalProperties(solidFill=COLORS[0])
    total.series.append(line)
    stacked += total
    _style(stacked, labels["chart.digital"], axis, st)

    ca = BarChart()
    ca.type, ca.grouping = "col", "clustered"
    ca.series.append(_series(series["c:ca"], years, COLORS[0]))
    ca.series.append(_series(series["c:cf"], years, COLORS[3]))
    _style(ca, labels["chart.ca"], axis, st)

    travel = BarChart()
    travel.type, travel.grouping = "col", "clustered"
    travel.series.append(_series(series["c:travel"], years, COLORS[4]))
    travel.series.append(_series(series["c:digital"], years, COLORS[0]))
    _style(travel, labels["chart.travel"], axis, st)

    # METI points as columns and the lines over them: in a column-and-line chart both Excel
    # and LibreOffice leave #N/A points out (LibreOffice draws them at zero in a line-only chart).
    outlook = BarChart()
    # overlapping columns: the 2035 base case is drawn over the deeper pessimistic case
    outlook.type, outlook.grouping, outlook.overlap, outlook.gapWidth = "col", "clustered", 100, 60
    for key, color in (
        ("p:meti_2035p", "C55A11"),
        ("p:meti_2035b", "F4B183"),
        ("p:meti_2030", "ED7D31"),
    ):
        outlook.series.append(_series(series[key], path_years, color))
    lines = LineChart()
    for key, color in (("p:actual", COLORS[0]), ("p:projection", COLORS[1])):
        s = _series(series[key], path_years, color)
        s.smooth = False
        s.marker = Marker(symbol="circle", size=5)
        s.marker.graphicalProperties = GraphicalProperties(solidFill=color)
        if key == "p:projection":
            s.graphicalProperties.line.prstDash = "dash"
        lines.series.append(s)
    outlook += lines
    _style(outlook, labels["chart.outlook"], axis, st)
    outlook.x_axis.txPr = _rich_text(st.font_name, 800, False, -2700000)  # labels at 45°
    return [stacked, ca, travel, outlook]
