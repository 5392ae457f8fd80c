"""The Outlook sheet: the history used, the projection to the target year, FX and METI points."""

from __future__ import annotations

from typing import Any

from digital_deficit.core.catalogue import get_metric
from digital_deficit.core.references import METI_SCENARIOS
from digital_deficit.core.units import to_trillion_yen
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import CacheBook, Formula, put, value_or_na
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import Layout
from digital_deficit.export.numbers import BriefNumbers, tn
from digital_deficit.export.options import FX_BASE_YEAR
from digital_deficit.export.period_sheets import Cells
from digital_deficit.export.styles import HEADER_FILL, LEFT, RIGHT, TN, YEAR_CY, YEN, Styles
from digital_deficit.export.tables import header_row, notes, write_period_table


def history_cells(numbers: BriefNumbers, layout: Layout) -> Cells:
    """The selected digital balance per year and the year where it is present."""
    sheet, digital = layout.outlook, layout.digital
    cells: Cells = {}
    for year in numbers.years:
        value = numbers.selected(year)
        cells.setdefault("o:value", {})[year] = Formula(
            "=" + digital.ref("sel:net", year), value_or_na(tn(value))
        )
        header = f"{sheet.col(year)}${sheet.header_row}"
        cells.setdefault("o:year_used", {})[year] = Formula(
            "=" + fx.year_if(sheet.local("o:value", year), header),
            float(year) if value is not None else "",
        )
    return cells


def _c(layout: Layout, key: str) -> str:
    return f"$C${layout.outlook.rows[key]}"


def projection_formula(layout: Layout, target: str) -> str:
    """The projected selected digital balance in year ``target``: the catalogue's CAGR rule
    over the fit's first and last points, or its linear rule over the history (live)."""
    refs = {k: _c(layout, f"stat:{k}") for k in ("x0", "x1", "y0", "y1")}
    refs["target"] = target
    refs["values"] = layout.outlook.row_range("o:value", external=False)
    refs["periods"] = layout.outlook.header_range(external=False)
    cagr = get_metric("projection_cagr").to_excel(refs)
    linear = get_metric("projection_linear").to_excel(refs)
    return f'IF(Projection_Method="cagr",{cagr},{linear})'


def stat_cells(numbers: BriefNumbers, layout: Layout) -> dict[str, Formula]:
    """Points used, first and last point (selections over the history; no arithmetic)."""
    sheet = layout.outlook
    used = [y for y in numbers.years if numbers.selected(y) is not None]
    years_used = sheet.row_range("o:year_used", external=False)
    values = sheet.row_range("o:value", external=False)
    header = sheet.header_range(external=False)
    x0, x1 = _c(layout, "stat:x0"), _c(layout, "stat:x1")
    first = float(used[0]) if used else None
    last = float(used[-1]) if used else None
    return {
        "stat:n": Formula(f"=COUNT({values})", float(len(used))),
        "stat:x0": Formula(
            f"=IF(COUNT({years_used})=0,{fx.NA},MIN({years_used}))", value_or_na(first)
        ),
        "stat:x1": Formula(f"={fx.latest_year(years_used)}", value_or_na(last)),
        "stat:y0": Formula(
            "=" + fx.at_year(values, header, x0),
            value_or_na(tn(numbers.selected(used[0])) if used else None),
        ),
        "stat:y1": Formula(
            "=" + fx.at_year(values, header, x1),
            value_or_na(tn(numbers.selected(used[-1])) if used else None),
        ),
    }


def write_outlook(
    ws: Any, numbers: BriefNumbers, layout: Layout, labels: Labels, st: Styles, cache: CacheBook
) -> None:
    """History, fit, projection at the target year, FX impact, projection path, METI points."""
    sheet = layout.outlook
    last = write_period_table(
        ws,
        sheet,
        st,
        labels,
        numbers.options.basis,
        history_cells(numbers, layout),
        {"o:value": TN, "o:year_used": YEAR_CY},
        cache,
        lead_in=numbers.lead_in,
    )
    formats = {"stat:n": "0", "stat:x0": YEAR_CY, "stat:x1": YEAR_CY, "stat:y0": TN, "stat:y1": TN}
    for key, formula in stat_cells(numbers, layout).items():
        cell = put(ws, f"C{sheet.rows[key]}", formula, cache)
        cell.number_format = formats[key]
        cell.alignment = RIGHT
    digital = layout.digital
    results = {
        "res:at_target": (
            Formula(
                "=" + projection_formula(layout, "Target_Year"), value_or_na(tn(numbers.at_target))
            ),
            TN,
        ),
        "res:fx_base": (
            Formula(
                "="
                + fx.at_year(digital.row_range("sel:net"), digital.header_range(), "FX_Base_Year"),
                value_or_na(tn(numbers.fx_base)),
            ),
            TN,
        ),
    }
    base, new = _c(layout, "res:fx_base"), _c(layout, "res:at_target")
    refs = {"base": base, "new": new, "yen_per_doubling": "Yen_Per_Doubling"}
    results["res:fx"] = (
        Formula("=" + get_metric("fx_impact").to_excel(refs), value_or_na(numbers.fx)),
        YEN,
    )
    for key, (formula, fmt) in results.items():
        cell = put(ws, f"C{sheet.rows[key]}", formula, cache)
        cell.number_format = fmt
        cell.alignment = RIGHT
        cell.font = st.emphasis
    # target year and FX base year shown beside their results
    put(
        ws,
        f"D{sheet.rows['res:at_target']}",
        Formula("=Target_Year", float(numbers.target_year)),
        cache,
    )
    put(ws, f"D{sheet.rows['res:fx_base']}", Formula("=FX_Base_Year", float(FX_BASE_YEAR)), cache)
    for key in ("res:at_target", "res:fx_base"):
        ws[f"D{sheet.rows[key]}"].number_format = YEAR_CY
        ws[f"D{sheet.rows[key]}"].alignment = LEFT
        ws[f"D{sheet.rows[key]}"].font = st.key
    notes(ws, st, last + 1, [labels["outlook.fx_note"]], sheet.last_col)
    _write_path(ws, numbers, layout, labels, st, cache)
    _write_meti(ws, layout, labels, st, cache)


def _write_path(
    ws: Any, numbers: BriefNumbers, layout: Layout, labels: Labels, st: Styles, cache: CacheBook
) -> None:
    path = layout.outlook_path
    h = path.header_row
    ws[f"A{h - 1}"].value = labels["outlook.path"]
    ws[f"A{h - 1}"].font = st.section
    header_row(ws, st, h, [labels["outlook.year"], ""])
    for year in path.years:
        cell = ws[f"{path.col(year)}{h}"]
        cell.value = year
        cell.font = st.header
        cell.number_format = YEAR_CY
        cell.alignment = RIGHT
        cell.fill = HEADER_FILL
    row = path.rows["op:value"]
    put(ws, f"A{row}", labels["outlook.projection"], cache)
    ws[f"A{row}"].font = st.body
    for year in path.years:
        value = numbers.projection[year]
        cell = put(
            ws,
            f"{path.col(year)}{row}",
            Formula(
                "=" + projection_formula(layout, f"{path.col(year)}${h}"), value_or_na(tn(value))
            ),
            cache,
        )
        cell.number_format = TN
        cell.alignment = RIGHT
        cell.font = st.body if value is not None else st.font(9, color="7F7F7F")


def meti_rows(layout: Layout) -> dict[int, int]:
    """Row of each METI reference point (by index in METI_SCENARIOS) on the Outlook sheet."""
    return {i: layout.meti_first_row + 1 + i for i in range(len(METI_SCENARIOS))}


def _write_meti(ws: Any, layout: Layout, labels: Labels, st: Styles, cache: CacheBook) -> None:
    top = layout.meti_first_row
    ws[f"A{top - 1}"].value = labels["outlook.meti"]
    ws[f"A{top - 1}"].font = st.section
    header_row(
        ws,
        st,
        top,
        [
            labels["outlook.meti_label"],
            labels["outlook.meti_year"],
            labels["outlook.meti_value"],
            labels["outlook.meti_source"],
        ],
    )
    for i, row in meti_rows(layout).items():
        point = METI_SCENARIOS[i]
        label = point.label(labels.lang)
        put(ws, f"A{row}", label, cache).font = st.body
        ws[f"B{row}"].value = point.year
        ws[f"B{row}"].font = st.body
        ws[f"C{row}"].value = to_trillion_yen(point.value_oku_yen)
        ws[f"C{row}"].number_format = TN
        ws[f"C{row}"].font = st.body
        put(ws, f"D{row}", point.source, cache).font = st.note
