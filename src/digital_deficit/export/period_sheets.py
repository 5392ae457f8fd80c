"""The cells of the Digital and Current account sheets: live formulas with the core's values."""

from __future__ import annotations

from collections.abc import Sequence

from digital_deficit.core.current_account import CF_METHOD_IDS
from digital_deficit.core.definitions import get_definition
from digital_deficit.core.items import get_item
from digital_deficit.data.figures import Figure
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import NA_TEXT, Content, Formula, value_or_na
from digital_deficit.export.layout import Layout, SheetLayout
from digital_deficit.export.numbers import (
    CA_ITEMS,
    COMPONENT_ITEMS,
    DEFINITION_IDS,
    INCOME_ITEMS,
    SIDES,
    BriefNumbers,
    tn,
)
from digital_deficit.export.styles import PCT, TIMES, TN

Cells = dict[str, dict[int, Content]]

DIGITAL_FORMATS = {
    "comp": TN,
    "def": TN,
    "sel": TN,
    "cmp": TN,
    "m:yoy": PCT,
    "m:multiple": TIMES,
    "m:share_services": TIMES,
    "m:share_gs": TIMES,
    "m:tourism": PCT,
    "m:oil": PCT,
}
CA_FORMATS = {"ca": TN, "cf": TN}


def item_cell(
    numbers: BriefNumbers,
    layout: Layout,
    sheet: SheetLayout,
    fig: Figure,
    item: str,
    year: int,
    side: str,
    parts: Sequence[str],
    row_prefix: str,
    definition: str | None = None,
) -> Content:
    """A figure's cell: a sum over rows of this sheet when the core summed parts shown here,
    else arithmetic over Data cells, else "n/a" (text, never zero)."""
    on_sheet = bool(parts) and all(f"{row_prefix}{p}" in sheet.rows for p in parts)
    if on_sheet and side == "net" and (fig.value is None or fig.parts):
        refs = [sheet.local(f"{row_prefix}{p}", year) for p in parts]
        return Formula("=" + fx.sum_of(refs), value_or_na(tn(fig.value)))
    expr = fx.figure_expression(fig, layout.data_ref)
    if expr is None:
        return NA_TEXT
    return Formula("=" + expr, value_or_na(tn(fig.value)))


def digital_cells(numbers: BriefNumbers, layout: Layout) -> Cells:
    """Every cell of the Digital sheet's period table."""
    sheet = layout.digital
    ca = layout.ca
    cells: Cells = {}
    for year in numbers.grid_years:
        for item in COMPONENT_ITEMS:
            fig = numbers.components[item][year]
            parts = get_item(item).parts
            cells.setdefault(f"comp:{item}", {})[year] = item_cell(
                numbers, layout, sheet, fig, item, year, "net", parts, "comp:"
            )
        for side in SIDES:
            for d in DEFINITION_IDS:
                fig = numbers.by_definition[(side, d)][year]
                items = get_definition(d).items
                cells.setdefault(f"def:{side}:{d}", {})[year] = item_cell(
                    numbers, layout, sheet, fig, "digital", year, side, items, "comp:", d
                )
            first, last = (sheet.rows[f"def:{side}:{d}"] for d in DEFINITION_IDS)
            col = sheet.col(year)
            chosen = numbers.by_definition[(side, numbers.options.definition)][year]
            cells.setdefault(f"sel:{side}", {})[year] = Formula(
                "="
                + fx.select(f"{col}${first}:{col}${last}", f"$B${first}:$B${last}", "Definition"),
                value_or_na(tn(chosen.value)),
            )
        for item in ("services", "goods_and_services", "travel"):
            cells.setdefault(f"cmp:{item}", {})[year] = Formula(
                "=" + ca.ref(f"ca:{item}", year),
                value_or_na(tn(numbers.ca_items[item][year].value)),
            )
        oil = numbers.oil[year]
        expr = fx.figure_expression(oil, layout.data_ref)
        cells.setdefault("cmp:crude_oil_imports", {})[year] = (
            NA_TEXT if expr is None else Formula("=" + expr, value_or_na(tn(oil.value)))
        )
    for year in numbers.years:
        values = numbers.headline[year].values
        d = sheet.local("sel:net", year)
        if year - 1 in sheet.years:
            yoy: Content = Formula(
                "=" + fx.same_sign_ratio(d, sheet.local("sel:net", year - 1), minus_one=True),
                value_or_na(values["yoy"]),
            )
        else:
            yoy = NA_TEXT  # no figure for the year before under any definition
        metric: dict[str, Content] = {
            "yoy": yoy,
            "multiple": Formula(
                "=" + fx.same_sign_ratio(d, "Base_Value"), value_or_na(values["multiple"])
            ),
            "share_services": Formula(
                "=" + fx.share_of_deficit(d, sheet.local("cmp:services", year)),
                value_or_na(values["share_of_services_deficit"]),
            ),
            "share_gs": Formula(
                "=" + fx.share_of_deficit(d, sheet.local("cmp:goods_and_services", year)),
                value_or_na(values["share_of_gs_deficit"]),
            ),
            "tourism": Formula(
                "=" + fx.tourism_coverage(sheet.local("cmp:travel", year), d),
                value_or_na(values["tourism_coverage"]),
            ),
            "oil": Formula(
                "=" + fx.oil_ratio(d, sheet.local("cmp:crude_oil_imports", year)),
                value_or_na(values["oil_ratio"]),
            ),
        }
        for name, content in metric.items():
            cells.setdefault(f"m:{name}", {})[year] = content
    return cells


def ca_cells(numbers: BriefNumbers, layout: Layout) -> Cells:
    """Every cell of the Current account sheet's period table."""
    sheet = layout.ca
    cells: Cells = {}
    for year in numbers.grid_years:
        for item in CA_ITEMS + INCOME_ITEMS:
            fig = numbers.ca_items[item][year]
            cells.setdefault(f"ca:{item}", {})[year] = item_cell(
                numbers, layout, sheet, fig, item, year, "net", get_item(item).parts, "ca:"
            )
    for year in numbers.years:
        ca = sheet.local("ca:current_account", year)
        inputs = {
            i: sheet.local(f"ca:{i}", year)
            for i in ("reinvested_earnings", "portfolio_investment_income", "bond_interest")
        }
        inputs["primary_income"] = sheet.local("ca:primary_income", year)
        for method in CF_METHOD_IDS:
            cells.setdefault(f"cf:{method}", {})[year] = Formula(
                "=" + fx.cash_flow(method, ca, inputs, "Repatriation_Share"),
                value_or_na(tn(numbers.cf_by_method[method][year])),
            )
        first, last = (sheet.rows[f"cf:{m}"] for m in (CF_METHOD_IDS[0], CF_METHOD_IDS[-1]))
        col = sheet.col(year)
        cells.setdefault("cf:sel", {})[year] = Formula(
            "=" + fx.select(f"{col}${first}:{col}${last}", f"$B${first}:$B${last}", "CF_Method"),
            value_or_na(tn(numbers.cf_by_method[numbers.options.cf_method][year])),
        )
        cf = sheet.local("cf:sel", year)
        cells.setdefault("ca:gap", {})[year] = Formula(
            "=" + fx.guarded([ca, cf], f"{ca}-{cf}"), value_or_na(tn(numbers.ca_gap[year]))
        )
    return cells
