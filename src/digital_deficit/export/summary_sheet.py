"""The Summary sheet: key figures (latest available period of each) and the four charts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import CacheBook, Formula, put, value_or_na
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import (
    EXACT_DIGITAL_ROWS,
    YEAR_IF_ROWS,
    Layout,
    period_sheet,
)
from digital_deficit.export.numbers import BriefNumbers, tn
from digital_deficit.export.styles import (
    BOTTOM,
    LEFT,
    PCT,
    RIGHT,
    TIMES,
    TN,
    WRAP,
    YEAR_CY,
    YEAR_FY,
    Styles,
)
from digital_deficit.export.tables import header_row, set_widths, title_block

KPI_HEADER_ROW = 4


@dataclass(frozen=True)
class Kpi:
    """A key figure: the chart-data row giving its period, and the period sheet row and headline
    metric giving its value."""

    year_key: str
    sheet_key: str
    row_key: str
    metric: str
    number_format: str


# The headline current account appears twice: in the cash-flow figure's year (the comparison a
# director reads) and in its own latest year.
KPIS: dict[str, Kpi] = {
    "digital": Kpi("c:yr_digital", "digital", "sel:net", "digital", TN),
    "yoy": Kpi("c:yr_digital", "digital", "m:yoy", "yoy", PCT),
    "multiple": Kpi("c:yr_digital", "digital", "m:multiple", "multiple", TIMES),
    "cf": Kpi("c:yr_cf", "ca", "cf:sel", "cf_current_account", TN),
    "ca": Kpi("c:yr_cf", "ca", "ca:current_account", "current_account", TN),
    "ca_latest": Kpi("c:yr_ca", "ca", "ca:current_account", "current_account", TN),
    "tourism": Kpi("c:yr_tourism", "digital", "m:tourism", "tourism_coverage", PCT),
    "oil": Kpi("c:yr_oil", "digital", "m:oil", "oil_ratio", PCT),
}
KPI_KEYS: tuple[str, ...] = tuple(KPIS)
KPI_ROWS: dict[str, int] = {k: KPI_HEADER_ROW + 1 + i for i, k in enumerate(KPI_KEYS)}
CHART_ANCHORS: tuple[str, ...] = ("A15", "F15", "A32", "F32")
PRINT_AREA = "A1:N48"
_MONEY = {"digital", "current_account", "cf_current_account"}


def kpi_values(numbers: BriefNumbers) -> dict[str, tuple[int | None, float | None]]:
    """Period and value of every key figure, from the core's headline rows."""
    out: dict[str, tuple[int | None, float | None]] = {}
    for key, kpi in KPIS.items():
        year_metric = YEAR_IF_ROWS[kpi.year_key][2]
        found = numbers.latest(year_metric, kpi.year_key in EXACT_DIGITAL_ROWS)
        if found is None:
            out[key] = (None, None)
            continue
        year = found[0]
        value = numbers.headline[year].values[kpi.metric]
        out[key] = (year, tn(value) if kpi.metric in _MONEY else value)
    return out


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
    chart = layout.chart
    year_format = YEAR_FY if numbers.options.basis == "FY" else YEAR_CY
    values = kpi_values(numbers)
    for key, kpi in KPIS.items():
        sheet = period_sheet(layout, kpi.sheet_key)
        row = KPI_ROWS[key]
        put(ws, f"A{row}", labels[f"kpi.{key}"], cache).font = st.body
        year_cell = f"$B${row}"
        year, value = values[key]
        period = put(
            ws,
            f"B{row}",
            Formula(
                "=" + fx.latest_year(chart.row_range(kpi.year_key)),
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
                "=" + fx.at_year(sheet.row_range(kpi.row_key), sheet.header_range(), year_cell),
                value_or_na(value),
            ),
            cache,
        )
        cell.number_format = kpi.number_format
        cell.alignment = RIGHT
        cell.font = st.font(11, bold=True) if value is not None else st.font(9, color="7F7F7F")
        for col in "ABC":
            ws[f"{col}{row}"].border = BOTTOM
        ws[f"A{row}"].alignment = LEFT
    note_row = KPI_ROWS[KPI_KEYS[-1]] + 1
    put(ws, f"A{note_row}", labels["na_note"], cache).font = st.note
    ws.merge_cells(f"A{note_row}:N{note_row + 1}")
    ws[f"A{note_row}"].alignment = WRAP
    for anchor, item in zip(CHART_ANCHORS, charts, strict=True):
        ws.add_chart(item, anchor)
    # with the 10-point default font a character is about 6 px: A-E hold a 15 cm chart
    set_widths(ws, {"A": 38, "B": 10, "C": 12, "D": 16, "E": 16, **{c: 12 for c in "FGHIJKLMN"}})
    ws.sheet_view.showGridLines = False
