"""The hidden Monthly chart data sheet: the blocks the monthly charts draw (the months with the
components stacked, the quarters, the components' 12-month payments and receipts, the years).

Each point is a formula over the Months, Latest release or Digital sheet giving #N/A where a
value is missing (a gap, never a zero), with the core's value cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from digital_deficit.core.catalogue import get_metric
from digital_deficit.core.periods import Period, period_of_month
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import CacheBook, Cached, ExcelError, Formula, put
from digital_deficit.export.chart_data import definition_index
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import Layout, component_slots
from digital_deficit.export.month_numbers import MonthNumbers
from digital_deficit.export.months_sheet import TWELVE, MonthsLayout, twelve_month_values
from digital_deficit.export.numbers import tn
from digital_deficit.export.release_format import month_text
from digital_deficit.export.release_stats import ReleaseLayout, windows
from digital_deficit.export.styles import Styles

NA = ExcelError("#N/A")
CHART_MONTHS = 60
"""The monthly charts show the last five years of months at most (24 or more when held)."""
QUARTERS = 20
HEADER_ROW = 2


@dataclass
class Block:
    """A table of chart series on the hidden sheet: categories down column ``first``, one
    series per column to its right, each with its label and cached points."""

    first: int
    categories: list[str]
    keys: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    points: dict[str, list[float | None]] = field(default_factory=dict)

    def add(self, key: str, name: str) -> None:
        """A series column, in order."""
        self.keys.append(key)
        self.names[key] = name

    def column(self, key: str) -> str:
        return str(get_column_letter(self.first + 1 + self.keys.index(key)))

    def cell(self, key: str, index: int) -> str:
        return f"{self.column(key)}{HEADER_ROW + 1 + index}"


@dataclass
class MonthCharts:
    """The chart-data sheet's blocks: what each chart draws."""

    title: str
    monthly: Block
    components: Block
    quarterly: Block
    annual: Block
    labels: Labels
    st: Styles
    slots: list[str]
    basis: str


def _chart_value(value: float | None) -> Cached:
    return NA if value is None else value


def _put_block(
    ws: Any, block: Block, cache: CacheBook, cells: dict[str, list[tuple[str, float | None]]]
) -> None:
    label_col = get_column_letter(block.first)
    for i, text in enumerate(block.categories):
        put(ws, f"{label_col}{HEADER_ROW + 1 + i}", text, cache)
    for key in block.keys:
        ws[f"{block.column(key)}{HEADER_ROW}"].value = block.names[key]
        points: list[float | None] = []
        for i, (formula, value) in enumerate(cells[key]):
            put(ws, block.cell(key, i), Formula(formula, _chart_value(value)), cache)
            points.append(value)
        block.points[key] = points


def write_month_chart_data(
    ws: Any,
    months: MonthNumbers,
    grid: MonthsLayout,
    release: ReleaseLayout,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
) -> MonthCharts:
    """Fill the hidden sheet; returns its blocks."""
    ws.sheet_state = "hidden"
    ws["A1"].value = labels["sheet.monthchart"]
    shown = list(range(max(0, months.latest - CHART_MONTHS + 1), months.latest + 1))
    monthly, slots = _monthly_block(months, grid, labels, shown)
    _put_block(ws, monthly[0], cache, monthly[1])
    quarterly = _quarterly_block(months, grid, labels, shown, 2 + len(monthly[0].keys) + 1)
    _put_block(ws, quarterly[0], cache, quarterly[1])
    components = _component_block(months, release, labels, quarterly[0].first + 5)
    _put_block(ws, components[0], cache, components[1])
    annual = _annual_block(months, layout, labels, components[0].first + 6)
    _put_block(ws, annual[0], cache, annual[1])
    return MonthCharts(
        ws.title,
        monthly[0],
        components[0],
        quarterly[0],
        annual[0],
        labels,
        st,
        slots,
        months.basis,
    )


Cells = dict[str, list[tuple[str, float | None]]]


def _monthly_block(
    months: MonthNumbers, grid: MonthsLayout, labels: Labels, shown: list[int]
) -> tuple[tuple[Block, Cells], list[str]]:
    numbers = months.numbers
    block = Block(1, [month_text(labels, months.months[i]) for i in shown])
    slots = [f"slot{k}" for k in range(1, component_slots(numbers) + 1)]
    cells: Cells = {key: [] for key in slots}
    pick = definition_index(numbers)
    chosen = numbers.definition
    by_key = {s.key: s for s in months.components}
    for i in shown:

        def item_cell(item: str, i: int = i) -> str | None:
            key = f"comp:{item}:net"
            return grid.ref(key, i) if key in grid.columns else None

        tests = []
        for d in numbers.definitions:
            found = [item_cell(item) for item in d.items]
            tests.append(
                "AND(" + ",".join(f"ISNUMBER({c})" for c in found) + ")"
                if all(c is not None for c in found)
                else "FALSE"
            )
        complete = f"CHOOSE({pick},{','.join(tests)})"
        held = [by_key.get(f"comp:{item}:net") for item in chosen.items]
        parts = [s.values[i] if s is not None else None for s in held]
        whole = all(v is not None for v in parts)
        for k, key in enumerate(slots):
            options = [
                (item_cell(d.items[k]) or "NA()") if k < len(d.items) else "NA()"
                for d in numbers.definitions
            ]
            value = parts[k] if whole and k < len(parts) else None
            cells[key].append((f"=IF({complete},CHOOSE({pick},{','.join(options)}),NA())", value))
    for k, key in enumerate(slots):
        names = [labels.item(d.items[k]) if k < len(d.items) else "" for d in numbers.definitions]
        block.names[key] = names[numbers.definition_ids.index(chosen.id)]
    block.keys += slots
    for key, source, name in (
        ("net", "sel:net", labels["row.sel_net"]),
        ("r12", TWELVE, labels["metric.twelve_month_sum"]),
        ("payments", "sel:debit", labels["release.chart.payments"]),
        ("receipts", "sel:credit", labels["release.chart.receipts"]),
    ):
        column = _column_values(months, source)
        cells[key] = [(f"={fx.chart_value(grid.ref(source, i))}", column[i]) for i in shown]
        block.add(key, name)
    return (block, cells), slots


def _column_values(months: MonthNumbers, key: str) -> list[float | None]:
    if key == TWELVE:
        return twelve_month_values(months.selected["net"].values)
    return list(months.selected[key.split(":")[1]].values)


def _quarters(months: MonthNumbers, shown: list[int]) -> list[tuple[Period, list[int]]]:
    """The quarters (of the fiscal year on an FY basis) whose three months are all shown."""
    fy = months.basis == "FY"
    found: dict[Period, list[int]] = {}
    for i in shown:
        m = months.months[i]
        year = period_of_month(m.year, m.index, months.basis).year
        offset = (m.index - 4) % 12 if fy else m.index - 1
        found.setdefault(Period("Q", year, offset // 3 + 1), []).append(i)
    whole = [(q, idx) for q, idx in found.items() if len(idx) == 3]
    return whole[-QUARTERS:]


def _quarterly_block(
    months: MonthNumbers, grid: MonthsLayout, labels: Labels, shown: list[int], first: int
) -> tuple[Block, Cells]:
    quarters = _quarters(months, shown)
    pattern = labels[f"release.quarter.{months.basis}"]
    block = Block(first, [pattern.format(year=q.year, quarter=q.index) for q, _ in quarters])
    rule = get_metric("quarter_sum")
    cells: Cells = {}
    for key, side, name in (
        ("payments", "debit", labels["release.chart.payments"]),
        ("receipts", "credit", labels["release.chart.receipts"]),
        ("net", "net", labels["row.sel_net"]),
    ):
        values = months.selected[side].values
        column = f"sel:{side}"
        cells[key] = [
            (
                "="
                + rule.to_excel(
                    {f"m{k + 1}": grid.ref(column, j) for k, j in enumerate(idx)}, na="NA()"
                ),
                rule.evaluate({f"m{k + 1}": values[j] for k, j in enumerate(idx)}),
            )
            for _, idx in quarters
        ]
        block.add(key, name)
    return block, cells


def _component_block(
    months: MonthNumbers, release: ReleaseLayout, labels: Labels, first: int
) -> tuple[Block, Cells]:
    """Payments and receipts of each component of the chosen definition (as built) over the
    12 months to the latest and the 12 before (from the Latest release sheet)."""
    sided = {(s.item, s.side): s for s in months.components}
    held = {i for i, side in sided if side in ("debit", "credit")}
    items = [i for i in months.numbers.definition.items if i in held]
    block = Block(first, [labels.item(i) for i in items])
    w = windows(months)
    cells: Cells = {}
    latest = month_text(labels, months.latest_month)
    ago = month_text(labels, months.months[w.year_ago]) if w.year_ago is not None else ""
    for key, side, stat, name in (
        ("pay", "debit", "r12", labels.fmt("release.chart.payments_to", month=latest)),
        ("rec", "credit", "r12", labels.fmt("release.chart.receipts_to", month=latest)),
        ("pay_prev", "debit", "r12_prev", labels.fmt("release.chart.payments_to", month=ago)),
        ("rec_prev", "credit", "r12_prev", labels.fmt("release.chart.receipts_to", month=ago)),
    ):
        column: list[tuple[str, float | None]] = []
        for item in items:
            series = sided.get((item, side))
            if series is None:
                column.append(("=NA()", None))
                continue
            span = w.r12 if stat == "r12" else w.r12_prev
            value = (
                get_metric("twelve_month_sum").evaluate(
                    {f"m{k + 1}": series.values[j] for k, j in enumerate(span)}
                )
                if span
                else None
            )
            column.append((f"={fx.chart_value(release.ref(series.key, stat))}", value))
        cells[key] = column
        block.add(key, name)
    return block, cells


def _annual_block(
    months: MonthNumbers, layout: Layout, labels: Labels, first: int
) -> tuple[Block, Cells]:
    numbers = months.numbers
    basis = numbers.options.basis
    block = Block(first, [labels.fmt(f"period.{basis}", year=y) for y in numbers.years])
    cells: Cells = {}
    for key, side, name in (
        ("payments", "debit", labels["release.chart.payments"]),
        ("receipts", "credit", labels["release.chart.receipts"]),
        ("net", "net", labels["row.sel_net"]),
    ):
        figures = numbers.by_definition[(side, numbers.definition.id)]
        cells[key] = [
            (f"={fx.chart_value(layout.digital.ref(f'sel:{side}', y))}", tn(figures[y].value))
            for y in numbers.years
        ]
        block.add(key, name)
    return block, cells
