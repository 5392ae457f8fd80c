"""Native charts over a hidden chart-data sheet, each series carrying its cached points.

Chart ranges hold #N/A where a value is missing, so Excel and LibreOffice leave a gap instead
of plotting a zero; the visible tables show "n/a".
"""

from __future__ import annotations

from dataclasses import dataclass
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

from digital_deficit.core.references import METI_SCENARIOS
from digital_deficit.core.units import to_trillion_yen
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import CacheBook, Cached, ExcelError, Formula, put, quote_sheet
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import (
    EXACT_DIGITAL_ROWS,
    YEAR_IF_ROWS,
    YEAR_NUMBER_OFFSET,
    Layout,
    SheetLayout,
    period_sheet,
)
from digital_deficit.export.numbers import DEFINITION_IDS, BriefNumbers, tn
from digital_deficit.export.outlook_sheet import meti_rows
from digital_deficit.export.styles import Styles

NA = ExcelError("#N/A")
COLORS = ("1F3864", "5B9BD5", "A5A5A5", "ED7D31", "70AD47", "FFC000", "7030A0")


@dataclass
class SeriesData:
    """A chart series: its row on the chart-data sheet, label and cached points."""

    layout: SheetLayout
    key: str
    label: str
    points: list[float | None]


def _chart_value(value: float | None) -> Cached:
    return NA if value is None else value


def write_chart_data(
    ws: Any, numbers: BriefNumbers, layout: Layout, labels: Labels, st: Styles, cache: CacheBook
) -> dict[str, SeriesData]:
    """Fill the hidden chart-data sheet; returns the series by row key."""
    ws.sheet_state = "hidden"
    ws["A1"].value = labels["sheet.chartdata"]
    chart, path, digital, ca = layout.chart, layout.path, layout.digital, layout.ca
    _year_rows(ws, chart, numbers.options.basis)
    _year_rows(ws, path, numbers.options.basis)
    choose = numbers.options.definition
    middle = "computer_services" if choose == "narrow" else "ict_services"
    sources: dict[str, tuple[SheetLayout, str, dict[int, float | None]]] = {
        "c:digital": (digital, "sel:net", {y: numbers.selected(y) for y in numbers.years}),
        "c:ca": (ca, "ca:current_account", _fig(numbers.ca_items["current_account"])),
        "c:cf": (ca, "cf:sel", numbers.cf_by_method[numbers.options.cf_method]),
        "c:travel": (ca, "ca:travel", _fig(numbers.ca_items["travel"])),
    }
    out: dict[str, SeriesData] = {}
    for key, (sheet, row_key, values) in sources.items():
        points = [tn(values.get(y)) for y in numbers.years]
        for year, value in zip(numbers.years, points, strict=True):
            put(
                ws,
                chart.local(key, year),
                Formula("=" + fx.chart_value(sheet.ref(row_key, year)), _chart_value(value)),
                cache,
            )
        put(ws, f"A{chart.rows[key]}", _spec_label(chart, key), cache)
        out[key] = SeriesData(chart, key, _spec_label(chart, key), points)
    # the components of the chosen definition (the middle one is ICT for mof3, computer services
    # for narrow), stacked only in years where all three are present: never a partial stack
    parts = {
        "c:comp1": "copyright_royalties",
        "c:comp2": middle,
        "c:comp3": "consulting",
    }
    stacks: dict[str, list[float | None]] = {key: [] for key in parts}
    for year in numbers.years:
        computer_ref = digital.ref("comp:computer_services", year)
        ict_ref = digital.ref("comp:ict_services", year)
        refs = {
            "c:comp1": digital.ref("comp:copyright_royalties", year),
            "c:comp2": f'IF(Definition="narrow",{computer_ref},{ict_ref})',
            "c:comp3": digital.ref("comp:consulting", year),
        }
        found = {key: tn(numbers.components[item][year].value) for key, item in parts.items()}
        complete = all(v is not None for v in found.values())
        every = "AND(" + ",".join(f"ISNUMBER({r})" for r in refs.values()) + ")"
        for key, ref in refs.items():
            value = found[key] if complete else None
            stacks[key].append(value)
            put(
                ws,
                chart.local(key, year),
                Formula(f"=IF({every},{ref},NA())", _chart_value(value)),
                cache,
            )
    for key in ("c:comp1", "c:comp3"):
        put(ws, f"A{chart.rows[key]}", _spec_label(chart, key), cache)
        out[key] = SeriesData(chart, key, _spec_label(chart, key), stacks[key])
    comp2 = stacks["c:comp2"]
    ict, computer = labels.item("ict_services"), labels.item("computer_services")
    comp2_label = computer if choose == "narrow" else ict
    put(
        ws,
        f"A{chart.rows['c:comp2']}",
        Formula(f'=IF(Definition="narrow","{computer}","{ict}")', comp2_label),
        cache,
    )
    out["c:comp2"] = SeriesData(chart, "c:comp2", comp2_label, comp2)
    _year_if_rows(ws, numbers, layout, cache)
    out.update(_path_rows(ws, numbers, layout, labels, cache))
    return out


def _fig(per_year: dict[int, Any]) -> dict[int, float | None]:
    return {y: f.value for y, f in per_year.items()}


def _spec_label(sheet: SheetLayout, key: str) -> str:
    return next(s.label for s in sheet.specs if s.key == key)


def _year_rows(ws: Any, sheet: SheetLayout, basis: str) -> None:
    numbers_row = sheet.header_row - YEAR_NUMBER_OFFSET
    for year in sheet.years:
        ws[f"{sheet.col(year)}{numbers_row}"].value = year
        label = f"FY{year}" if basis == "FY" else str(year)
        ws[f"{sheet.col(year)}{sheet.header_row}"].value = label
        ws[f"{sheet.col(year)}{sheet.header_row}"].data_type = "s"


def _year_if_rows(ws: Any, numbers: BriefNumbers, layout: Layout, cache: CacheBook) -> None:
    chart = layout.chart
    targets = {
        key: (period_sheet(layout, sheet_key), row_key, metric)
        for key, (sheet_key, row_key, metric) in YEAR_IF_ROWS.items()
    }
    flag_keys = [f"c:exact:{d}" for d in DEFINITION_IDS]
    for key, d in zip(flag_keys, DEFINITION_IDS, strict=True):
        put(ws, f"A{chart.rows[key]}", _spec_label(chart, key), cache)
        for year in numbers.years:
            put(ws, chart.local(key, year), 1 if numbers.exact(year, d) else 0, cache)
    for key, (sheet, row_key, metric) in targets.items():
        put(ws, f"A{chart.rows[key]}", _spec_label(chart, key), cache)
        needs_exact = key in EXACT_DIGITAL_ROWS
        for year in numbers.years:
            present = numbers.headline[year].values[metric] is not None
            if needs_exact:
                present = present and numbers.exact(year)
            year_ref = f"{chart.col(year)}${chart.header_row - YEAR_NUMBER_OFFSET}"
            col = chart.col(year)
            flags = f"{col}${chart.rows[flag_keys[0]]}:{col}${chart.rows[flag_keys[-1]]}"
            ids = "{" + ",".join(f'"{d}"' for d in DEFINITION_IDS) + "}"
            exact = f"INDEX({flags},MATCH(Definition,{ids},0))=1" if needs_exact else None
            put(
                ws,
                chart.local(key, year),
                Formula(
                    "=" + fx.year_if(sheet.ref(row_key, year), year_ref, exact),
                    float(year) if present else "",
                ),
                cache,
            )


def _path_rows(
    ws: Any, numbers: BriefNumbers, layout: Layout, labels: Labels, cache: CacheBook
) -> dict[str, SeriesData]:
    path, outlook, opath = layout.path, layout.outlook, layout.outlook_path
    out: dict[str, SeriesData] = {}
    actual: list[float | None] = []
    projected: list[float | None] = []
    for year in path.years:
        if year in numbers.years:
            value = tn(numbers.selected(year))
            put(
                ws,
                path.local("p:actual", year),
                Formula("=" + fx.chart_value(outlook.ref("o:value", year)), _chart_value(value)),
                cache,
            )
            put(ws, path.local("p:projection", year), Formula("=NA()", NA), cache)
            actual.append(value)
            projected.append(None)
        else:
            value = tn(numbers.projection[year])
            put(ws, path.local("p:actual", year), Formula("=NA()", NA), cache)
            put(
                ws,
                path.local("p:projection", year),
                Formula("=" + fx.chart_value(opath.ref("op:value", year)), _chart_value(value)),
                cache,
            )
            actual.append(None)
            projected.append(value)
    out["p:actual"] = SeriesData(path, "p:actual", labels["outlook.actual"], actual)
    out["p:projection"] = SeriesData(path, "p:projection", labels["outlook.projection"], projected)
    digital_points = [i for i, p in enumerate(METI_SCENARIOS) if p.item == "digital"]
    for key, index in zip(
        ("p:meti_2030", "p:meti_2035b", "p:meti_2035p"), digital_points, strict=True
    ):
        point = METI_SCENARIOS[index]
        ref = f"{quote_sheet(outlook.title)}!$C${meti_rows(layout)[index]}"
        points: list[float | None] = []
        for year in path.years:
            if year == point.year:
                value = to_trillion_yen(point.value_oku_yen)
                put(ws, path.local(key, year), Formula("=" + ref, value), cache)
                points.append(value)
            else:
                put(ws, path.local(key, year), Formula("=NA()", NA), cache)
                points.append(None)
        out[key] = SeriesData(path, key, _spec_label(path, key), points)
    for key in out:
        put(ws, f"A{path.rows[key]}", _spec_label(path, key), cache)
    return out


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
    for i, key in enumerate(("c:comp1", "c:comp2", "c:comp3")):
        stacked.series.append(_series(series[key], years, COLORS[i + 1]))
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
