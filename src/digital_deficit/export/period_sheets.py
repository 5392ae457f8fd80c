"""The cells of the Digital and Current account sheets: live formulas with the core's values.

Every derived cell is a catalogue entry's ``to_excel()`` over the cells its inputs sit in (a
row of the sheet, a named input of the Assumptions sheet), or a figure's own derivation over
the Data sheet; its cached value is the core's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from digital_deficit.core.catalogue import (
    DIGITAL_SHEET,
    FAMILIES,
    digital_sum,
    get_metric,
    parts_sum,
    tagged,
)
from digital_deficit.core.definitions import Definition
from digital_deficit.core.metric import Input, Metric
from digital_deficit.data.figures import Figure
from digital_deficit.data.options import field_meta
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import NA_TEXT, Content, Formula, value_or_na
from digital_deficit.export.layout import Layout, SheetLayout, locate
from digital_deficit.export.numbers import (
    CA_ITEMS,
    INCOME_ITEMS,
    SIDES,
    BriefNumbers,
    comparators,
    tn,
)
from digital_deficit.export.options import BriefOptions
from digital_deficit.export.styles import PCT, TIMES, TN

Cells = dict[str, dict[int, Content]]
STYLE_FORMATS = {"amount": TN, "pct": PCT, "x": TIMES}

CA_FORMATS = {"ca": TN, **{name: TN for name in FAMILIES}}
DIGITAL_FORMATS = {
    "comp": TN,
    "def": TN,
    "sel": TN,
    "cmp": TN,
    **{f"m:{m.id}": STYLE_FORMATS[m.style] for m in tagged(DIGITAL_SHEET)},
}
"""Number formats of the Digital sheet's rows (a ratio as its catalogue style says)."""


def _name(option: str) -> str:
    name = named_input(option)
    assert name is not None, option
    return name


def named_input(name: str) -> str | None:
    """The Assumptions sheet's defined name of an option (Repatriation_Share...), if any."""
    if name not in BriefOptions.model_fields:
        return None
    sheet = field_meta(BriefOptions, name).get("sheet")
    return str(sheet) if sheet else None


def metric_formula(
    metric: Metric, cell: Callable[[Input], str | None], cached: float | None
) -> Content:
    """The entry's formula over the cells of its inputs; "n/a" text when an input has none."""
    refs: dict[str, str] = {}
    for inp in metric.inputs:
        found = cell(inp)
        if found is None:
            return NA_TEXT
        refs[inp.name] = found
    return Formula("=" + metric.to_excel(refs), value_or_na(cached))


def rule_for(item: str, definition: Definition | None, side: str) -> Metric | None:
    """The catalogue rule summing an item's parts (a definition's items), if it has parts."""
    if definition is not None:
        return digital_sum(definition, side)
    return parts_sum(item, decimal=False)


def item_cell(
    layout: Layout,
    sheet: SheetLayout,
    fig: Figure,
    item: str,
    year: int,
    side: str,
    row_prefix: str,
    definition: Definition | None = None,
) -> Content:
    """A figure's cell: the catalogue's sum over rows of this sheet when the core summed parts
    shown here, else the figure's derivation over Data cells, else "n/a" (text, never zero)."""
    rule = rule_for(item, definition, side)
    parts: Sequence[str] = rule.names if rule is not None else ()
    on_sheet = bool(parts) and all(f"{row_prefix}{p}" in sheet.rows for p in parts)
    if rule is not None and on_sheet and side == "net" and (fig.value is None or fig.parts):
        refs = {p: sheet.local(f"{row_prefix}{p}", year) for p in parts}
        return Formula("=" + rule.to_excel(refs), value_or_na(tn(fig.value)))
    expr = fx.figure_expression(fig, layout.data_ref)
    if expr is None:
        return NA_TEXT
    return Formula("=" + expr, value_or_na(tn(fig.value)))


def digital_cells(numbers: BriefNumbers, layout: Layout) -> Cells:
    """Every cell of the Digital sheet's period table."""
    sheet = layout.digital
    cells: Cells = {}
    for year in numbers.grid_years:
        for item, per_year in numbers.components.items():
            cells.setdefault(f"comp:{item}", {})[year] = item_cell(
                layout, sheet, per_year[year], item, year, "net", "comp:"
            )
        for side in SIDES:
            for d in numbers.definitions:
                fig = numbers.by_definition[(side, d.id)][year]
                cells.setdefault(f"def:{side}:{d.id}", {})[year] = item_cell(
                    layout, sheet, fig, "digital", year, side, "comp:", d
                )
            ids = numbers.definition_ids
            first, last = (sheet.rows[f"def:{side}:{d}"] for d in (ids[0], ids[-1]))
            col = sheet.col(year)
            chosen = numbers.by_definition[(side, numbers.definition.id)][year]
            cells.setdefault(f"sel:{side}", {})[year] = Formula(
                "="
                + fx.select(f"{col}${first}:{col}${last}", f"$B${first}:$B${last}", "Definition"),
                value_or_na(tn(chosen.value)),
            )
        for item, _side in comparators():
            if f"ca:{item}" in layout.ca.rows:
                cells.setdefault(f"cmp:{item}", {})[year] = Formula(
                    "=" + layout.ca.ref(f"ca:{item}", year),
                    value_or_na(tn(numbers.ca_items[item][year].value)),
                )
            else:
                fig = numbers.comparators[item][year]
                expr = fx.figure_expression(fig, layout.data_ref)
                cells.setdefault(f"cmp:{item}", {})[year] = (
                    NA_TEXT if expr is None else Formula("=" + expr, value_or_na(tn(fig.value)))
                )
    for year in numbers.years:
        values = numbers.headline[year].values

        def cell(inp: Input, year: int = year) -> str | None:
            if inp.item == "digital":
                shown = {"period": year, "previous": year - 1}.get(inp.when)
                if inp.when == "base":
                    return "Base_Value"
                return sheet.local("sel:net", shown) if shown in sheet.years else None
            return sheet.local(f"cmp:{inp.item}", year)

        for metric in tagged(DIGITAL_SHEET):
            cells.setdefault(f"m:{metric.id}", {})[year] = metric_formula(
                metric, cell, values[metric.id]
            )
    return cells


def ca_cells(numbers: BriefNumbers, layout: Layout) -> Cells:
    """Every cell of the Current account sheet's period table."""
    sheet = layout.ca
    cells: Cells = {}
    for year in numbers.grid_years:
        for item in CA_ITEMS + INCOME_ITEMS:
            fig = numbers.ca_items[item][year]
            cells.setdefault(f"ca:{item}", {})[year] = item_cell(
                layout, sheet, fig, item, year, "net", "ca:"
            )
    for year in numbers.years:

        def cell(inp: Input, year: int = year) -> str | None:
            if inp.metric is not None:
                return layout.ca.local(locate(layout, inp.metric)[1], year)
            if inp.item is not None:
                return sheet.local(f"ca:{inp.item}", year)
            return named_input(inp.name)

        for family in FAMILIES.values():
            rows = [f"{family.name}:{m}" for m in family.members]
            for variant, metric in family.members.items():
                cells.setdefault(f"{family.name}:{variant}", {})[year] = metric_formula(
                    metric, cell, tn(numbers.by_method[family.name][variant][year])
                )
            col = sheet.col(year)
            first, last = sheet.rows[rows[0]], sheet.rows[rows[-1]]
            chosen = family.member(getattr(numbers.options, family.option)).variant
            cells.setdefault(f"{family.name}:sel", {})[year] = Formula(
                "="
                + fx.select(
                    f"{col}${first}:{col}${last}", f"$B${first}:$B${last}", _name(family.option)
                ),
                value_or_na(tn(numbers.by_method[family.name][chosen][year])),
            )
        cells.setdefault("ca:gap", {})[year] = metric_formula(
            get_metric("ca_gap"), cell, tn(numbers.ca_gap[year])
        )
    return cells
