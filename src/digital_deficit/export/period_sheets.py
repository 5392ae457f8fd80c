"""The cells of the Digital and Current account sheets: live formulas with the core's values.

Every derived cell is a catalogue entry's ``to_excel()`` over the cells its inputs sit in (a
row of the sheet, a named input of the Assumptions sheet), or a figure's own derivation over
the Data sheet; its cached value is the core's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

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
from digital_deficit.export.cells import NA_TEXT, Content, Formula, quote_sheet, value_or_na
from digital_deficit.export.layout import INPUT_COL, INPUT_ROWS, Layout, SheetLayout, locate
from digital_deficit.export.marks import Loc, MarkBook
from digital_deficit.export.numbers import (
    CA_ITEMS,
    INCOME_ITEMS,
    SIDES,
    BriefNumbers,
    comparators,
    tn,
)
from digital_deficit.export.options import BriefOptions

Cells = dict[str, dict[int, Content]]

CA_STYLES = {"ca": "amount", **{name: "amount" for name in FAMILIES}}
DIGITAL_STYLES = {
    "comp": "amount",
    "def": "amount",
    "sel": "amount",
    "cmp": "amount",
    **{f"m:{m.id}": m.style for m in tagged(DIGITAL_SHEET)},
}
"""Display styles of the Digital sheet's rows (a ratio as its catalogue style says)."""


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


@dataclass(frozen=True)
class Cell:
    """An input's cell: its reference in a formula and, when it is a marked cell, where."""

    ref: str
    loc: Loc | None = None


def metric_formula(
    metric: Metric,
    cell: Callable[[Input], Cell | None],
    cached: float | None,
    marks: MarkBook | None,
    loc: Loc | None,
) -> Content:
    """The entry's formula over the cells of its inputs ("n/a" text when an input has none),
    and its marks (≈, †) from those of its inputs (none where ``marks`` is None: nothing on
    its sheet can be marked)."""
    refs: dict[str, str] = {}
    used: list[tuple[Loc, bool]] = []
    for inp in metric.inputs:
        found = cell(inp)
        if found is None:
            return NA_TEXT
        refs[inp.name] = found.ref
        if found.loc is not None:
            used.append((found.loc, inp.when == "period"))
    if marks is not None and loc is not None:
        marks.derived(loc, used)
    return Formula("=" + metric.to_excel(refs), value_or_na(cached))


@lru_cache(maxsize=256)
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
    return data_cell(layout, fig)


def data_cell(layout: Layout, fig: Figure) -> Content:
    """A figure as its derivation over Data cells (¥ trillion), or "n/a"."""
    expr = fx.figure_expression(fig, layout.data_ref)
    if expr is None:
        return NA_TEXT
    return Formula("=" + expr, value_or_na(tn(fig.value)))


def figure_marks(
    numbers: BriefNumbers,
    layout: Layout,
    marks: MarkBook,
    loc: Loc,
    row: str,
    year: int,
    fig: Figure,
) -> None:
    """A figure's marks and its first release where that differs (the F shadow: "n/a" where
    it does not, for a present figure and every cell of a row selections look up)."""
    marks.figure(loc, fig)
    first = numbers.first.get(row, {}).get(year)
    if first is None and fig.value is None and not row.startswith("def:"):
        return
    marks.first(
        loc,
        data_cell(layout, first) if first is not None else None,
        tn(first.value) if first else None,
    )


def selection(
    marks: MarkBook,
    sheet: SheetLayout,
    key: str,
    rows: list[str],
    year: int,
    name: str,
    chosen: str,
    cached: float | None,
) -> Formula:
    """The row among ``rows`` whose key equals the named input (live; ``cached`` the chosen
    row's value), with its marks and first release."""
    col = sheet.col(year)
    first, last = sheet.rows[rows[0]], sheet.rows[rows[-1]]
    keys = f"{quote_sheet(sheet.title)}!$B${first}:$B${last}"
    lookup = fx.select("{range}", keys, name)
    loc = Loc(sheet.key, sheet.local(key, year))
    span = (Loc(sheet.key, f"{col}{first}"), Loc(sheet.key, f"{col}{last}"))
    chosen_loc = Loc(sheet.key, sheet.local(chosen, year))
    marks.select(loc, lookup, span, chosen_loc)
    if ("F", span[0]) in marks.content:  # figures with first releases (not derived rows)
        marks.first_select(loc, lookup, span, chosen_loc)
    formula = fx.select(f"{col}${first}:{col}${last}", f"$B${first}:$B${last}", name)
    return Formula("=" + formula, value_or_na(cached))


def digital_cells(numbers: BriefNumbers, layout: Layout, marks: MarkBook) -> Cells:
    """Every cell of the Digital sheet's period table, with its marks."""
    sheet = layout.digital
    cells: Cells = {}

    def at(key: str, year: int) -> Loc:
        return Loc("digital", sheet.local(key, year))

    for year in numbers.grid_years:
        for item, per_year in numbers.components.items():
            key = f"comp:{item}"
            cells.setdefault(key, {})[year] = item_cell(
                layout, sheet, per_year[year], item, year, "net", "comp:"
            )
            figure_marks(numbers, layout, marks, at(key, year), key, year, per_year[year])
        for side in SIDES:
            for d in numbers.definitions:
                key = f"def:{side}:{d.id}"
                fig = numbers.by_definition[(side, d.id)][year]
                cells.setdefault(key, {})[year] = item_cell(
                    layout, sheet, fig, "digital", year, side, "comp:", d
                )
                figure_marks(numbers, layout, marks, at(key, year), key, year, fig)
            rows = [f"def:{side}:{d}" for d in numbers.definition_ids]
            chosen = numbers.by_definition[(side, numbers.definition.id)][year]
            cells.setdefault(f"sel:{side}", {})[year] = selection(
                marks,
                sheet,
                f"sel:{side}",
                rows,
                year,
                "Definition",
                f"def:{side}:{numbers.definition.id}",
                tn(chosen.value),
            )
        for item, _side in comparators():
            key = f"cmp:{item}"
            if f"ca:{item}" in layout.ca.rows:
                fig = numbers.ca_items[item][year]
                content: Content = Formula(
                    "=" + layout.ca.ref(f"ca:{item}", year), value_or_na(tn(fig.value))
                )
            else:
                fig = numbers.comparators[item][year]
                content = data_cell(layout, fig)
            cells.setdefault(key, {})[year] = content
            marks.figure(at(key, year), fig)
    base_value_marks(numbers, layout, marks)
    for year in numbers.years:
        values = numbers.headline[year].values

        def cell(inp: Input, year: int = year) -> Cell | None:
            if inp.item == "digital":
                if inp.when == "base":
                    return Cell("Base_Value", BASE_VALUE)
                shown = {"period": year, "previous": year - 1}.get(inp.when)
                if shown not in sheet.years:
                    return None
                return Cell(sheet.local("sel:net", shown), at("sel:net", shown))
            return Cell(sheet.local(f"cmp:{inp.item}", year), at(f"cmp:{inp.item}", year))

        for metric in tagged(DIGITAL_SHEET):
            key = f"m:{metric.id}"
            cells.setdefault(key, {})[year] = metric_formula(
                metric, cell, values[metric.id], marks, at(key, year)
            )
    return cells


BASE_VALUE = Loc("assumptions", f"{INPUT_COL}{INPUT_ROWS['Base_Value']}")
"""The Assumptions cell of the digital balance in the base year (a marked cell)."""


def base_value_marks(numbers: BriefNumbers, layout: Layout, marks: MarkBook) -> None:
    """The base-year digital balance's marks: a lookup of the selected row's marks."""
    digital = layout.digital
    row = digital.rows["sel:net"]
    lookup = fx.at_year("{range}", digital.header_range(), "Base_Year", "{na}")
    years = digital.years
    span = (
        Loc("digital", f"{digital.col(years[0])}{row}"),
        Loc("digital", f"{digital.col(years[-1])}{row}"),
    )
    chosen = Loc("digital", digital.local("sel:net", numbers.base_year))
    marks.select(BASE_VALUE, lookup, span, chosen)


def ca_cells(numbers: BriefNumbers, layout: Layout, marks: MarkBook) -> Cells:
    """Every cell of the Current account sheet's period table, with its marks."""
    sheet = layout.ca
    cells: Cells = {}

    def at(key: str, year: int) -> Loc:
        return Loc("ca", sheet.local(key, year))

    for year in numbers.grid_years:
        for item in CA_ITEMS + INCOME_ITEMS:
            key = f"ca:{item}"
            fig = numbers.ca_items[item][year]
            cells.setdefault(key, {})[year] = item_cell(
                layout, sheet, fig, item, year, "net", "ca:"
            )
            figure_marks(numbers, layout, marks, at(key, year), key, year, fig)
    for year in numbers.years:

        def cell(inp: Input, year: int = year) -> Cell | None:
            if inp.metric is not None:
                key = locate(layout, inp.metric)[1]
                return Cell(sheet.local(key, year), at(key, year))
            if inp.item is not None:
                return Cell(sheet.local(f"ca:{inp.item}", year), at(f"ca:{inp.item}", year))
            name = named_input(inp.name)
            return None if name is None else Cell(name)

        for family in FAMILIES.values():
            rows = [f"{family.name}:{m}" for m in family.members]
            for variant, metric in family.members.items():
                key = f"{family.name}:{variant}"
                cells.setdefault(key, {})[year] = metric_formula(
                    metric,
                    cell,
                    tn(numbers.by_method[family.name][variant][year]),
                    marks,
                    at(key, year),
                )
            chosen = family.member(getattr(numbers.options, family.option)).variant
            cells.setdefault(f"{family.name}:sel", {})[year] = selection(
                marks,
                sheet,
                f"{family.name}:sel",
                rows,
                year,
                _name(family.option),
                f"{family.name}:{chosen}",
                tn(numbers.by_method[family.name][chosen][year]),
            )
        cells.setdefault("ca:gap", {})[year] = metric_formula(
            get_metric("ca_gap"), cell, tn(numbers.ca_gap[year]), marks, at("ca:gap", year)
        )
    return cells
