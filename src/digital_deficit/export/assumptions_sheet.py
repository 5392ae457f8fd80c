"""The Assumptions sheet: named input cells with validation, and the lookup tables they use."""

from __future__ import annotations

from typing import Any

from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from digital_deficit.core.current_account import CF_METHOD_IDS
from digital_deficit.core.references import YEN_PER_DOUBLING
from digital_deficit.data.options import field_meta
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import CacheBook, Content, Formula, put, quote_sheet, value_or_na
from digital_deficit.export.formats import formats_for
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import (
    DEFINITIONS_TABLE_ROW,
    INPUT_COL,
    INPUT_ROWS,
    METHODS_TABLE_ROW,
    Layout,
)
from digital_deficit.export.marks import MarkBook
from digital_deficit.export.numbers import BriefNumbers, tn
from digital_deficit.export.options import FX_BASE_YEAR, BriefOptions
from digital_deficit.export.styles import (
    BOX,
    INPUT_FILL,
    LEFT,
    WRAP,
    WRAP_MIDDLE,
    Styles,
    merge,
    page_setup,
)
from digital_deficit.export.tables import header_row, set_widths, title_block

NOTE_WIDTH = 70
ALLOWED_WIDTH = 24
ITEMS_WIDTH = 50  # B:C merged
METHOD_ROWS = {m: METHODS_TABLE_ROW + 1 + i for i, m in enumerate(CF_METHOD_IDS)}


def definition_rows(numbers: BriefNumbers) -> dict[str, int]:
    """The row of each definition in the definitions table (mof3, narrow, custom if chosen)."""
    return {d: DEFINITIONS_TABLE_ROW + 1 + i for i, d in enumerate(numbers.definition_ids)}


def sheet_options() -> dict[str, str]:
    """The options shown as named inputs: defined name -> option."""
    return {
        str(field_meta(BriefOptions, n)["sheet"]): n
        for n in BriefOptions.model_fields
        if "sheet" in field_meta(BriefOptions, n)
    }


def _rule(name: str, numbers: BriefNumbers, labels: Labels) -> tuple[DataValidation, str] | None:
    """The validation of a named input and the text of what it allows."""
    years = numbers.years
    # any year of the Digital sheet (lead-in included), and always the published base year
    fx_low, fx_high = min(numbers.grid_years[0], FX_BASE_YEAR), max(years[-1], FX_BASE_YEAR)
    year_bounds = {
        "Base_Year": (years[0], years[-1]),
        "Target_Year": (years[-1] + 1, numbers.path_years[-1]),
        "FX_Base_Year": (fx_low, fx_high),
    }
    if name in year_bounds:
        low, high = year_bounds[name]
        rule = DataValidation(
            type="whole", operator="between", formula1=str(low), formula2=str(high)
        )
        return rule, f"{low}-{high}"
    option = sheet_options().get(name)
    if option is None:
        return None
    meta = field_meta(BriefOptions, option)
    choices = numbers.definition_ids if option == "definition" else meta.get("choices")
    if choices:
        rule = DataValidation(
            type="list", formula1='"' + ",".join(choices) + '"', allow_blank=False
        )
        # the ids to type, each with its name where the language has one (cagr（年平均成長率）)
        named = [c if labels.name(c) == c else f"{c}（{labels.name(c)}）" for c in choices]
        return rule, labels["sep.items"].join(named)
    low, high = meta["bounds"]
    blank = BriefOptions.model_fields[option].default is None
    rule = DataValidation(
        type="decimal",
        operator="between",
        formula1=f"{low:g}",
        formula2=f"{high:g}",
        allow_blank=blank,
    )
    text = labels.get(f"allowed.{option}", "{low}-{high}")
    fxa = YEN_PER_DOUBLING
    return rule, text.format(
        low=f"{low:g}", high=f"{high:g}", cited_low=f"{fxa.low:g}", cited_high=f"{fxa.high:g}"
    )


def write_assumptions(
    ws: Any,
    wb: Any,
    numbers: BriefNumbers,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    marks: MarkBook,
) -> None:
    """Inputs (yellow), derived descriptions, and the definition and method tables."""
    o = numbers.options
    fm = formats_for(labels)
    year = fm.year(o.basis)
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
    definition = numbers.definition
    sheet = quote_sheet(ws.title)
    def_rows = definition_rows(numbers)
    first_def, last_def = min(def_rows.values()), max(def_rows.values())
    def_ids = f"{sheet}!$A${first_def}:$A${last_def}"
    def_items = f"{sheet}!$B${first_def}:$B${last_def}"
    first, last = METHOD_ROWS[CF_METHOD_IDS[0]], METHOD_ROWS[CF_METHOD_IDS[-1]]
    options: dict[str, Content] = {
        name: getattr(o, option) for name, option in sheet_options().items()
    }
    values: dict[str, Content] = {
        **options,
        "Definition": definition.id,
        "Definition_Items": Formula(
            "=" + fx.select(def_items, def_ids, "Definition"), definition.label(labels.lang)
        ),
        "Base_Year": numbers.base_year,
        "Base_Value": Formula(
            "=" + fx.at_year(digital.row_range("sel:net"), digital.header_range(), "Base_Year"),
            value_or_na(tn(numbers.selected(numbers.base_year))),
        ),
        "CF_Formula": Formula(
            "="
            + fx.select(
                f"{sheet}!$B${first}:$B${last}", f"{sheet}!$A${first}:$A${last}", "CF_Method"
            ),
            labels.cf_formula(o.cf_method),
        ),
        "Target_Year": numbers.target_year,
        "FX_Base_Year": FX_BASE_YEAR,
    }
    notes = {
        "Repatriation_Share": labels["note.repatriation_share"],
        "Projection_Method": labels["note.projection_method"],
        "Yen_Per_Doubling": labels.fx_note(),
        "FX_Base_Year": labels["note.fx_base_year"],
    }
    formats = {
        "Base_Year": year,
        "Target_Year": year,
        "FX_Base_Year": year,
        "Base_Value": fm.money,
    }
    for name, row in INPUT_ROWS.items():
        label_key = f"in.{name.lower()}"
        put(ws, f"A{row}", labels[label_key], cache).alignment = LEFT
        cell = put(ws, f"{INPUT_COL}{row}", values[name], cache)
        cell.font = st.emphasis
        cell.alignment = LEFT
        cell.border = BOX
        if name in formats:
            cell.number_format = formats[name]
        found = _rule(name, numbers, labels)
        if found is not None:
            rule, allowed = found
            cell.fill = INPUT_FILL
            rule.error = f"{allowed}"
            rule.errorTitle = labels[label_key]
            rule.prompt = allowed
            rule.showErrorMessage = True
            ws.add_data_validation(rule)
            rule.add(cell.coordinate)
            put(ws, f"C{row}", allowed, cache).font = st.key
            ws[f"C{row}"].alignment = WRAP_MIDDLE
        heights = [st.height(allowed, ALLOWED_WIDTH, 9)] if found is not None else []
        if name in notes:
            put(ws, f"D{row}", notes[name], cache).font = st.note
            ws[f"D{row}"].alignment = WRAP_MIDDLE
            heights.append(st.height(notes[name], NOTE_WIDTH, 9))
        if heights and max(heights) > 16:
            ws.row_dimensions[row].height = max(heights)
        if name in ("Definition_Items", "CF_Formula"):  # a text, as long as it takes
            merge(ws, f"{INPUT_COL}{row}:D{row}")
        wb.defined_names[name] = DefinedName(name, attr_text=f"{sheet}!${INPUT_COL}${row}")
    marks.show(ws, "assumptions", {fm.money: [f"{INPUT_COL}{INPUT_ROWS['Base_Value']}"]})
    _lookup_tables(ws, numbers, labels, st, cache)
    set_widths(ws, {"A": 46, "B": 26, "C": ALLOWED_WIDTH, "D": NOTE_WIDTH})
    ws.freeze_panes = "A5"
    page_setup(ws, f"A1:D{max(METHOD_ROWS.values())}", fit_height=True)


def _lookup_tables(
    ws: Any, numbers: BriefNumbers, labels: Labels, st: Styles, cache: CacheBook
) -> None:
    definitions = {
        d.id: (d.label(labels.lang), labels.definition_source(d)) for d in numbers.definitions
    }
    methods = {m: (labels.cf_formula(m), labels.cf_source(m)) for m in METHOD_ROWS}
    tables = (
        (
            DEFINITIONS_TABLE_ROW,
            "assump.definitions",
            "assump.items",
            definition_rows(numbers),
            definitions,
        ),
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
            merge(ws, f"B{row}:C{row}")
            put(ws, f"D{row}", source, cache).font = st.note
            for col in "ABD":
                ws[f"{col}{row}"].alignment = WRAP
            ws.row_dimensions[row].height = max(
                st.height(text, ITEMS_WIDTH), st.height(source, NOTE_WIDTH, 9)
            )
