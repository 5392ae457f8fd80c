"""The Months sheet: one row per month, one column per series, every cell a live formula over
the Data sheet (or over the row's own cells) with the core's value cached.

Shown: the digital balance, payments and receipts of the definition chosen on Assumptions, the
12-month sum, each component on each side the data hold, the current account, services, travel
and the cash-flow figure of the chosen method. Hidden to the right: each definition's series,
the cash-flow inputs and every method (what the shown columns choose from).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from digital_deficit.core.catalogue import FAMILIES, get_metric
from digital_deficit.core.items import get_item
from digital_deficit.core.metric import Input
from digital_deficit.export.cells import (
    NA_TEXT,
    CacheBook,
    Content,
    Formula,
    put,
    put_cell,
    quote_sheet,
)
from digital_deficit.export.cells import value_or_na as cached_value
from digital_deficit.export.formats import OKU
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import Layout
from digital_deficit.export.marks import Loc, MarkBook
from digital_deficit.export.month_numbers import MonthNumbers, Series
from digital_deficit.export.period_sheets import Cell, metric_formula, named_input
from digital_deficit.export.release_format import data_cell, month_text, style_amount
from digital_deficit.export.series import definition_index
from digital_deficit.export.styles import (
    BOTTOM,
    HEADER_FILL,
    LEFT,
    WRAP_MIDDLE,
    StyleCache,
    Styles,
    page_setup,
)
from digital_deficit.export.tables import set_widths, title_block

HEADER_ROW = 4
FIRST_ROW = 5
TWELVE = "r12"
MONTHS_KEY = "months"
"""The Months sheet's key (its shadows on the Marks sheet)."""


@dataclass
class MonthsLayout:
    """Where each series and each month sit on the Months sheet."""

    title: str
    columns: dict[str, int] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    last_visible: int = 1
    count: int = 0

    def row(self, index: int) -> int:
        return FIRST_ROW + index

    def local(self, key: str, index: int) -> str:
        """A cell on this sheet: D17."""
        return f"{get_column_letter(self.columns[key])}{self.row(index)}"

    def loc(self, key: str, index: int) -> Loc:
        """A cell of this sheet as its marks know it."""
        return Loc(MONTHS_KEY, self.local(key, index))

    def ref(self, key: str, index: int) -> str:
        """A cell from another sheet: 'Months'!$D$17."""
        return (
            f"{quote_sheet(self.title)}!${get_column_letter(self.columns[key])}${self.row(index)}"
        )

    @property
    def last_row(self) -> int:
        return self.row(self.count - 1)


def series_label(labels: Labels, series: Series) -> str:
    """What a series is, in words: "Digital payments", "Consulting: receipts"."""
    if series.key.startswith("sel:"):
        return labels[f"row.sel_{series.side}"]
    if series.key.startswith("def:"):
        definition = series.key.split(":")[2]
        return labels.fmt(f"row.{series.side}", definition=labels.name(definition))
    if series.key.startswith("cf:"):
        variant = series.key.split(":")[1]
        if variant == "sel":
            return labels["row.cf_sel"]
        return labels.fmt("row.cf", method=labels.name(variant))
    name = labels.item(series.item)
    return name if series.side == "net" else labels.fmt(f"release.side_{series.side}", item=name)


def series_code(series: Series, definition: str) -> str:
    """The key column: the definition of a digital series, the method of a cash-flow one, else
    the item's BPM6 code."""
    if series.item == "digital":
        return definition
    if series.key.startswith("cf:"):
        return series.key.split(":")[1]
    return get_item(series.item).code


def months_layout(months: MonthNumbers, labels: Labels) -> MonthsLayout:
    """The columns: shown series first (printed), then the hidden ones."""
    layout = MonthsLayout(labels["sheet.months"], count=len(months.months))
    shown = [months.selected[s] for s in ("net", "debit", "credit")]
    keys = [s.key for s in shown[:1]] + [TWELVE] + [s.key for s in shown[1:]]
    keys += [s.key for s in (*months.components, *months.items)]
    if months.cf_selected is not None:
        keys.append(months.cf_selected.key)
    layout.last_visible = 1 + len(keys)
    keys += [s.key for s in months.digital.values()]
    keys += [s.key for s in months.cf_inputs.values()]
    keys += [s.key for s in months.cf_members.values()]
    for offset, key in enumerate(keys, start=2):
        layout.columns[key] = offset
    by_key = {s.key: s for s in _all_series(months)}
    for key in keys:
        layout.labels[key] = (
            labels["metric.twelve_month_sum"]
            if key == TWELVE
            else series_label(labels, by_key[key])
        )
    return layout


def _all_series(months: MonthNumbers) -> list[Series]:
    found = [*months.selected.values(), *months.components, *months.items]
    found += [*months.digital.values(), *months.cf_inputs.values(), *months.cf_members.values()]
    if months.cf_selected is not None:
        found.append(months.cf_selected)
    return found


def twelve_month_values(values: tuple[float | None, ...]) -> list[float | None]:
    """The 12-month sum ending at each month (missing for the first eleven)."""
    rule = get_metric("twelve_month_sum")
    return [
        rule.evaluate({f"m{k + 1}": values[i - 11 + k] for k in range(12)}) if i >= 11 else None
        for i in range(len(values))
    ]


def month_cells(
    months: MonthNumbers, layout: MonthsLayout, data: Layout, marks: MarkBook | None
) -> dict[str, list[Content]]:
    """Every column's cells, month by month, and their marks (``marks``: None when no
    monthly cell can be marked)."""
    cells: dict[str, list[Content]] = {}
    for series in [
        *months.digital.values(),
        *months.components,
        *months.items,
        *months.cf_inputs.values(),
    ]:
        cells[series.key] = [data_cell(f, data.data_ref) for f in series.figures]
        if marks is not None:
            for i, fig in enumerate(series.figures):
                marks.figure(layout.loc(series.key, i), fig)
    ids = months.numbers.definition_ids
    pick = definition_index(months.numbers)
    chosen = months.numbers.definition.id
    for side, series in months.selected.items():
        options = [f"def:{side}:{d}" for d in ids]
        cells[series.key] = []
        for i, value in enumerate(series.values):
            choice = ",".join(layout.local(key, i) for key in options)
            cells[series.key].append(Formula(f"=CHOOSE({pick},{choice})", cached_value(value)))
            if marks is not None:
                where = [layout.loc(key, i) for key in options]
                marks.choose(
                    layout.loc(series.key, i), pick, where, layout.loc(f"def:{side}:{chosen}", i)
                )
    sums = twelve_month_values(months.selected["net"].values)
    rule = get_metric("twelve_month_sum")
    cells[TWELVE] = []
    for i in range(len(months.months)):
        if i < 11:
            cells[TWELVE].append(NA_TEXT)
            continue
        window = range(i - 11, i + 1)
        refs = {f"m{k + 1}": layout.local("sel:net", j) for k, j in enumerate(window)}
        cells[TWELVE].append(Formula("=" + rule.to_excel(refs), cached_value(sums[i])))
        if marks is not None:
            marks.derived(layout.loc(TWELVE, i), [(layout.loc("sel:net", j), True) for j in window])
    cells.update(_cash_flow_cells(months, layout, marks))
    return cells


def _cash_flow_cells(
    months: MonthNumbers, layout: MonthsLayout, marks: MarkBook | None
) -> dict[str, list[Content]]:
    family = next(iter(FAMILIES.values()))
    cells: dict[str, list[Content]] = {}
    for variant, entry in family.members.items():
        series = months.cf_members[variant]
        column: list[Content] = []
        for i, value in enumerate(series.values):

            def cell(inp: Input, i: int = i) -> Cell | None:
                if inp.item is not None:
                    key = f"in:{inp.item}"
                    return Cell(layout.local(key, i), layout.loc(key, i))
                name = named_input(inp.name)
                return None if name is None else Cell(name)

            column.append(metric_formula(entry, cell, value, marks, layout.loc(series.key, i)))
        cells[series.key] = column
    if months.cf_selected is not None:
        choices = ",".join(f'"{v}"' for v in family.members)
        pick = f"MATCH({named_input(family.option)},{{{choices}}},0)"
        chosen = family.member(getattr(months.numbers.options, family.option)).variant
        cells[months.cf_selected.key] = []
        for i, value in enumerate(months.cf_selected.values):
            options = [f"cf:{v}" for v in family.members]
            choice = ",".join(layout.local(key, i) for key in options)
            cells[months.cf_selected.key].append(
                Formula(f"=CHOOSE({pick},{choice})", cached_value(value))
            )
            if marks is not None:
                where = [layout.loc(key, i) for key in options]
                marks.choose(
                    layout.loc(months.cf_selected.key, i),
                    pick,
                    where,
                    layout.loc(f"cf:{chosen}", i),
                )
    return cells


def write_months(
    ws: Any,
    months: MonthNumbers,
    layout: MonthsLayout,
    data: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    marks: MarkBook | None,
) -> None:
    """The Months sheet, printable (shown columns one page wide, header row repeated), its
    marks shown where ``marks`` (None: no monthly cell can be marked)."""
    title_block(ws, st, labels["months.title"], labels["release.units"])
    styler = StyleCache()
    put(ws, f"A{HEADER_ROW}", labels["release.col.month"], cache)
    for key, column in layout.columns.items():
        ws.cell(HEADER_ROW, column).value = layout.labels[key]
    for column in range(1, max(layout.columns.values()) + 1):
        styler.apply(
            ws.cell(HEADER_ROW, column),
            "header",
            font=st.header,
            fill=HEADER_FILL,
            alignment=WRAP_MIDDLE,
        )
    ws.row_dimensions[HEADER_ROW].height = 54
    amounts: list[str] = []
    for key, column_cells in month_cells(months, layout, data, marks).items():
        column = layout.columns[key]
        for i, content in enumerate(column_cells):
            cell = put_cell(ws.cell(row=layout.row(i), column=column), content, cache)
            style_amount(styler, cell, st)
            amounts.append(cell.coordinate)
    if marks is not None:
        marks.show(ws, MONTHS_KEY, {OKU: amounts})
    for i, period in enumerate(months.months):
        label = put_cell(ws.cell(row=layout.row(i), column=1), month_text(labels, period), cache)
        styler.apply(label, "month", alignment=LEFT, border=BOTTOM, font=st.body)
    widths = {"A": 11.0}
    for column in layout.columns.values():
        widths[get_column_letter(column)] = 12.0
    set_widths(ws, widths)
    for column in range(layout.last_visible + 1, max(layout.columns.values()) + 1):
        ws.column_dimensions[get_column_letter(column)].hidden = True
    ws.freeze_panes = f"B{FIRST_ROW}"
    last = get_column_letter(layout.last_visible)
    page_setup(ws, f"A1:{last}{layout.last_row}")
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.sheet_view.showGridLines = False
