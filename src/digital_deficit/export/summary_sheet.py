"""The Summary sheet: key figures (latest available period of each) and the four charts."""

from __future__ import annotations

from typing import Any

from digital_deficit.core.catalogue import headline
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import CacheBook, Formula, put, value_or_na
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import Kpi, Layout, kpis, locate
from digital_deficit.export.numbers import BriefNumbers, tn
from digital_deficit.export.period_sheets import STYLE_FORMATS
from digital_deficit.export.styles import BOTTOM, LEFT, RIGHT, WRAP, YEAR_CY, YEAR_FY, Styles
from digital_deficit.export.tables import header_row, set_widths, title_block

KPI_HEADER_ROW = 4
CHART_ANCHORS: tuple[str, ...] = ("A15", "F15", "A32", "F32")
PRINT_AREA = "A1:N48"


def kpi_rows(numbers: BriefNumbers) -> dict[str, int]:
    """The Summary row of every key figure."""
    return {k.key: KPI_HEADER_ROW + 1 + i for i, k in enumerate(kpis(numbers.options.cf_method))}


def _metric(numbers: BriefNumbers, column: str) -> Any:
    return dict(headline(numbers.options.cf_method))[column]


def kpi_values(numbers: BriefNumbers) -> dict[str, tuple[int | None, float | None]]:
    """Period and value of every key figure (money in ¥ trillion), from the core's rows."""
    out: dict[str, tuple[int | None, float | None]] = {}
    for kpi in kpis(numbers.options.cf_method):
        found = numbers.latest(kpi.year_column, kpi.exact_digital or kpi.year_column == "digital")
        if found is None:
            out[kpi.key] = (None, None)
            continue
        year = found[0]
        value = numbers.headline[year].values[kpi.column]
        money = _metric(numbers, kpi.column).unit == "money"
        out[kpi.key] = (year, tn(value) if money else value)
    return out


def _year_column_row(layout: Layout, kpi: Kpi) -> str:
    return layout.chart.row_range(f"c:yr:{kpi.year_column}")


def write_summary(
    ws: Any,
    numbers: BriefNumbers,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    charts: list[Any],
) -> None:
    """KPI table and charts."""
    title_block(ws, st, labels["title"], labels["units.tn"])
    header_row(
        ws, st, KPI_HEADER_ROW, [labels["sum.kpi"], labels["sum.period"], labels["sum.value"]]
    )
    year_format = YEAR_FY if numbers.options.basis == "FY" else YEAR_CY
    values = kpi_values(numbers)
    rows = kpi_rows(numbers)
    for kpi in kpis(numbers.options.cf_method):
        sheet, row_key = locate(layout, kpi.column)
        row = rows[kpi.key]
        put(ws, f"A{row}", labels[f"kpi.{kpi.key}"], cache).font = st.body
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
        period.number_format = year_format
        period.alignment = RIGHT
        period.font = st.body
        cell = put(
            ws,
            f"C{row}",
            Formula(
                "=" + fx.at_year(sheet.row_range(row_key), sheet.header_range(), year_cell),
                value_or_na(value),
            ),
            cache,
        )
        cell.number_format = STYLE_FORMATS[_metric(numbers, kpi.column).style]
        cell.alignment = RIGHT
        cell.font = st.font(11, bold=True) if value is not None else st.font(9, color="7F7F7F")
        for col in "ABC":
            ws[f"{col}{row}"].border = BOTTOM
        ws[f"A{row}"].alignment = LEFT
    note_row = max(rows.values()) + 1
    put(ws, f"A{note_row}", labels["na_note"], cache).font = st.note
    ws.merge_cells(f"A{note_row}:N{note_row + 1}")
    ws[f"A{note_row}"].alignment = WRAP
    for anchor, item in zip(CHART_ANCHORS, charts, strict=True):
        ws.add_chart(item, anchor)
    # with the 10-point default font a character is about 6 px: A-E hold a 15 cm chart
    set_widths(ws, {"A": 38, "B": 10, "C": 12, "D": 16, "E": 16, **{c: 12 for c in "FGHIJKLMN"}})
    ws.sheet_view.showGridLines = False
