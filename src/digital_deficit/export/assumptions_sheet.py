"""The Assumptions sheet: named input cells with validation, and the lookup tables they use."""

from __future__ import annotations

from typing import Any

from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from digital_deficit.core.current_account import CF_METHOD_IDS
from digital_deficit.core.definitions import DEFINITIONS, get_definition
from digital_deficit.core.references import YEN_PER_DOUBLING
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import CacheBook, Content, Formula, put, quote_sheet, value_or_na
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import (
    DEFINITIONS_TABLE_ROW,
    INPUT_COL,
    INPUT_ROWS,
    METHODS_TABLE_ROW,
    Layout,
)
from digital_deficit.export.numbers import BriefNumbers, tn
from digital_deficit.export.options import FX_BASE_YEAR
from digital_deficit.export.styles import (
    BOX,
    INPUT_FILL,
    LEFT,
    TN,
    WRAP,
    WRAP_MIDDLE,
    YEAR_CY,
    Styles,
)
from digital_deficit.export.tables import header_row, set_widths, title_block

DEF_ROWS = {d: DEFINITIONS_TABLE_ROW + 1 + i for i, d in enumerate(DEFINITIONS)}
METHOD_ROWS = {m: METHODS_TABLE_ROW + 1 + i for i, m in enumerate(CF_METHOD_IDS)}


def _validations(numbers: BriefNumbers, labels: Labels) -> dict[str, tuple[DataValidation, str]]:
    years = numbers.years
    # any year of the Digital sheet (lead-in included), and always the published base year
    fx_low = min(numbers.grid_years[0], FX_BASE_YEAR)
    fx_high = max(years[-1], FX_BASE_YEAR)
    return {
        "Definition": (
            DataValidation(
                type="list", formula1='"' + ",".join(DEFINITIONS) + '"', allow_blank=False
            ),
            ", ".join(DEFINITIONS),
        ),
        "Base_Year": (
            DataValidation(
                type="whole", operator="between", formula1=str(years[0]), formula2=str(years[-1])
            ),
            f"{years[0]}-{years[-1]}",
        ),
        "CF_Method": (
            DataValidation(
                type="list", formula1='"' + ",".join(CF_METHOD_IDS) + '"', allow_blank=False
            ),
            ", ".join(CF_METHOD_IDS),
        ),
        "Repatriation_Share": (
            DataValidation(
                type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True
            ),
            "0-1",
        ),
        "Projection_Method": (
            DataValidation(type="list", formula1='"cagr,linear"', allow_blank=False),
            "cagr, linear",
        ),
        "Target_Year": (
            DataValidation(
                type="whole", operator="between", formula1=str(years[-1] + 1), formula2="2100"
            ),
            f"{years[-1] + 1}-2100",
        ),
        "Yen_Per_Doubling": (
            DataValidation(type="decimal", operator="between", formula1="0", formula2="100"),
            labels.fmt(
                "assump.yen_allowed",
                low=f"{YEN_PER_DOUBLING.low:g}",
                high=f"{YEN_PER_DOUBLING.high:g}",
            ),
        ),
        "FX_Base_Year": (
            DataValidation(
                type="whole", operator="between", formula1=str(fx_low), formula2=str(fx_high)
            ),
            f"{fx_low}-{fx_high}",
        ),
    }


def write_assumptions(
    ws: Any,
    wb: Any,
    numbers: BriefNumbers,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
) -> None:
    """Inputs (yellow), derived descriptions, and the definition and method tables."""
    o = numbers.options
    title_block(ws, st, labels["assump.title"])
    header_row(
        ws,
        st,
        4,
        [
            labels["assump.name"],
            labels["assump.value"],
            labels["assump.allowed"],
            labels["assump.note"],
        ],
    )
    digital = layout.digital
    definition = get_definition(o.definition)
    sheet = quote_sheet(ws.title)
    def_ids = f"{sheet}!$A${DEF_ROWS['mof3']}:$A${DEF_ROWS['narrow']}"
    def_items = f"{sheet}!$B${DEF_ROWS['mof3']}:$B${DEF_ROWS['narrow']}"
    first, last = METHOD_ROWS[CF_METHOD_IDS[0]], METHOD_ROWS[CF_METHOD_IDS[-1]]
    values: dict[str, Content] = {
        "Definition": o.definition,
        "Definition_Items": Formula(
            "=" + fx.select(def_items, def_ids, "Definition"),
            definition.label_ja if labels.lang == "ja" else definition.label_en,
        ),
        "Base_Year": numbers.base_year,
        "Base_Value": Formula(
            "=" + fx.at_year(digital.row_range("sel:net"), digital.header_range(), "Base_Year"),
            value_or_na(tn(numbers.selected(numbers.base_year))),
        ),
        "CF_Method": o.cf_method,
        "CF_Formula": Formula(
            "="
            + fx.select(
                f"{sheet}!$B${first}:$B${last}", f"{sheet}!$A${first}:$A${last}", "CF_Method"
            ),
            labels.cf_formula(o.cf_method),
        ),
        "Repatriation_Share": o.repatriation_share,
        "Projection_Method": o.projection_method,
        "Target_Year": numbers.target_year,
        "Yen_Per_Doubling": o.yen_per_doubling,
        "FX_Base_Year": FX_BASE_YEAR,
    }
    notes = {
        "Repatriation_Share": labels["note.repatriation_share"],
        "Projection_Method": labels["note.projection_method"],
        "Yen_Per_Doubling": labels.fx_note(),
        "FX_Base_Year": labels["note.fx_base_year"],
    }
    formats = {
        "Base_Year": YEAR_CY,
        "Target_Year": YEAR_CY,
        "FX_Base_Year": YEAR_CY,
        "Base_Value": TN,
    }
    validations = _validations(numbers, labels)
    for name, row in INPUT_ROWS.items():
        label_key = f"in.{name.lower()}"
        put(ws, f"A{row}", labels[label_key], cache).alignment = LEFT
        cell = put(ws, f"{INPUT_COL}{row}", values[name], cache)
        cell.font = st.emphasis
        cell.alignment = LEFT
        cell.border = BOX
        if name in formats:
            cell.number_format = formats[name]
        if name in validations:
            rule, allowed = validations[name]
            cell.fill = INPUT_FILL
            rule.error = f"{allowed}"
            rule.errorTitle = labels[label_key]
            rule.prompt = allowed
            rule.showErrorMessage = True
            ws.add_data_validation(rule)
            rule.add(cell.coordinate)
            put(ws, f"C{row}", allowed, cache).font = st.key
            ws[f"C{row}"].alignment = LEFT
        if name in notes:
            put(ws, f"D{row}", notes[name], cache).font = st.note
            ws[f"D{row}"].alignment = WRAP_MIDDLE
            ws.row_dimensions[row].height = 14 * (
                1 + len(notes[name]) // (45 if labels.lang == "ja" else 90)
            )
        wb.defined_names[name] = DefinedName(name, attr_text=f"{sheet}!${INPUT_COL}${row}")
    _lookup_tables(ws, labels, st, cache)
    set_widths(ws, {"A": 46, "B": 26, "C": 24, "D": 70})
    ws.freeze_panes = "A5"


def _lookup_tables(ws: Any, labels: Labels, st: Styles, cache: CacheBook) -> None:
    ja = labels.lang == "ja"
    definitions = {
        d: (DEFINITIONS[d].label_ja if ja else DEFINITIONS[d].label_en, DEFINITIONS[d].source)
        for d in DEF_ROWS
    }
    methods = {m: (labels.cf_formula(m), labels.cf_source(m)) for m in METHOD_ROWS}
    tables = (
        (DEFINITIONS_TABLE_ROW, "assump.definitions", "assump.items", DEF_ROWS, definitions),
        (METHODS_TABLE_ROW, "assump.methods", "assump.formula", METHOD_ROWS, methods),
    )
    for header, title, column, rows, texts in tables:
        ws[f"A{header - 1}"].value = labels[title]
        ws[f"A{header - 1}"].font = st.section
        header_row(
            ws, st, header, [labels["assump.id"], labels[column], "", labels["assump.source"]]
        )
        for key, row in rows.items():
            text, source = texts[key]
            put(ws, f"A{row}", key, cache).font = st.body
            put(ws, f"B{row}", text, cache).font = st.body
            ws.merge_cells(f"B{row}:C{row}")
            put(ws, f"D{row}", source, cache).font = st.note
            for col in "ABD":
                ws[f"{col}{row}"].alignment = WRAP
            ws.row_dimensions[row].height = 30
