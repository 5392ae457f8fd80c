"""The Outlook sheet: the history used, the projection to the target year, FX and METI points.

The projection path has a column for every year up to the furthest target year (2050) and
shows the years up to the target year (at least to 2035, beside METI's scenarios): editing the
target year on Assumptions extends it, and the chart over it, live.
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment

from digital_deficit.core.catalogue import get_metric
from digital_deficit.core.references import METI_SCENARIOS
from digital_deficit.core.units import to_trillion_yen
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import CacheBook, Formula, put, value_or_na
from digital_deficit.export.formats import Formats, formats_for, marked
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import Layout, SheetLayout
from digital_deficit.export.marks import Loc, Mark, MarkBook
from digital_deficit.export.numbers import PATH_END_YEAR, BriefNumbers, tn
from digital_deficit.export.options import FX_BASE_YEAR
from digital_deficit.export.period_sheets import Cells
from digital_deficit.export.styles import (
    LEFT,
    RIGHT,
    WRAP_MIDDLE,
    StyleCache,
    Styles,
    merge,
    page_setup,
)
from digital_deficit.export.tables import (
    LABEL_WIDTH,
    header_row,
    notes,
    period_widths,
    set_widths,
    title_block,
    write_period_table,
    year_header,
)


def _loc(layout: Layout, key: str) -> Loc:
    return Loc("outlook", _c(layout, key).replace("$", ""))


def history_cells(numbers: BriefNumbers, layout: Layout, marks: MarkBook) -> Cells:
    """The selected digital balance per year and the year where it is present."""
    sheet, digital = layout.outlook, layout.digital
    cells: Cells = {}
    for year in numbers.years:
        value = numbers.selected(year)
        cells.setdefault("o:value", {})[year] = Formula(
            "=" + digital.ref("sel:net", year), value_or_na(tn(value))
        )
        marks.derived(
            Loc("outlook", sheet.local("o:value", year)),
            [(Loc("digital", digital.local("sel:net", year)), True)],
        )
        header = f"{sheet.col(year)}${sheet.header_row}"
        cells.setdefault("o:year_used", {})[year] = Formula(
            "=" + fx.year_if(sheet.local("o:value", year), header),
            float(year) if value is not None else "",
        )
    return cells


def _c(layout: Layout, key: str) -> str:
    return f"$C${layout.outlook.rows[key]}"


TARGET = "\x00target"


def projection_formula(layout: Layout, target: str = TARGET) -> str:
    """The projected selected digital balance in year ``target``: the catalogue's CAGR rule
    over the fit's first and last points, or its linear rule over the history (live). Without
    a target, a template to fill with ``str.replace(TARGET, ...)``."""
    refs = {k: _c(layout, f"stat:{k}") for k in ("x0", "x1", "y0", "y1")}
    refs["target"] = target
    refs["values"] = layout.outlook.row_range("o:value", external=False)
    refs["periods"] = layout.outlook.header_range(external=False)
    cagr = get_metric("projection_cagr").to_excel(refs)
    linear = get_metric("projection_linear").to_excel(refs)
    return f'IF(Projection_Method="cagr",{cagr},{linear})'


def stat_cells(numbers: BriefNumbers, layout: Layout, marks: MarkBook) -> dict[str, Formula]:
    """Points used, first and last point (selections over the history; no arithmetic)."""
    sheet = layout.outlook
    used = [y for y in numbers.years if numbers.selected(y) is not None]
    years_used = sheet.row_range("o:year_used", external=False)
    values = sheet.row_range("o:value", external=False)
    header = sheet.header_range(external=False)
    x0, x1 = _c(layout, "stat:x0"), _c(layout, "stat:x1")
    first = float(used[0]) if used else None
    last = float(used[-1]) if used else None
    history = (
        Loc("outlook", f"{sheet.first_col}{sheet.rows['o:value']}"),
        Loc("outlook", f"{sheet.last_col}{sheet.rows['o:value']}"),
    )
    for key, year_ref, year in (("stat:y0", x0, used[:1]), ("stat:y1", x1, used[-1:])):
        chosen = Loc("outlook", sheet.local("o:value", year[0])) if year else None
        lookup = fx.at_year("{range}", sheet.header_range(), f"'{sheet.title}'!{year_ref}", "{na}")
        marks.select(_loc(layout, key), lookup, history, chosen)
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


def _projection_marks(numbers: BriefNumbers, layout: Layout, marks: MarkBook) -> None:
    """The projection is built on the fit's two ends (cagr) or on every point (linear)."""
    sheet = layout.outlook
    ends = [marks.mark(_loc(layout, k)) for k in ("stat:y0", "stat:y1")]
    points = [marks.mark(Loc("outlook", sheet.local("o:value", y))) for y in numbers.years]
    cagr = numbers.options.projection_method == "cagr"
    precision = max(m.precision for m in (ends if cagr else points))
    row = sheet.rows["o:value"]
    every = marks.span(
        "P", Loc("outlook", f"{sheet.first_col}{row}"), Loc("outlook", f"{sheet.last_col}{row}")
    )
    both = ",".join(marks.ref("P", _loc(layout, k), absolute=True) for k in ("stat:y0", "stat:y1"))
    p = f'IF(Projection_Method="cagr",MAX({both}),MAX({every}))'
    marks.formula(_loc(layout, "res:at_target"), p, "0", Mark(precision))


def write_outlook(
    ws: Any,
    numbers: BriefNumbers,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    marks: MarkBook,
) -> None:
    """History, fit, projection at the target year, FX impact, projection path, METI points."""
    fm = formats_for(labels)
    year = fm.year(numbers.options.basis)
    sheet = layout.outlook
    title_block(ws, st, labels["outlook.title"], labels["units.tn"])
    last = write_period_table(
        ws,
        sheet,
        st,
        labels,
        numbers.options.basis,
        history_cells(numbers, layout, marks),
        {"o:value": fm.money, "o:year_used": year},
        cache,
        lead_in=numbers.lead_in,
        marks=marks,
        first_releases=False,
    )
    formats = {"stat:n": "0", "stat:x0": year, "stat:x1": year, "stat:y0": fm.money}
    formats["stat:y1"] = fm.money
    for key, formula in stat_cells(numbers, layout, marks).items():
        cell = put(ws, f"C{sheet.rows[key]}", formula, cache)
        cell.number_format = formats[key]
        cell.alignment = RIGHT
    _projection_marks(numbers, layout, marks)
    digital = layout.digital
    row = digital.rows["sel:net"]
    span = (
        Loc("digital", f"{digital.first_col}{row}"),
        Loc("digital", f"{digital.last_col}{row}"),
    )
    fx_base = (
        Loc("digital", digital.local("sel:net", FX_BASE_YEAR))
        if FX_BASE_YEAR in digital.years
        else None
    )
    marks.select(
        _loc(layout, "res:fx_base"),
        fx.at_year("{range}", digital.header_range(), "FX_Base_Year", "{na}"),
        span,
        fx_base,
    )
    marks.derived(
        _loc(layout, "res:fx"),
        [(_loc(layout, "res:fx_base"), False), (_loc(layout, "res:at_target"), False)],
    )
    results = {
        "res:at_target": (
            Formula(
                "=" + projection_formula(layout, "Target_Year"), value_or_na(tn(numbers.at_target))
            ),
            fm.money,
        ),
        "res:fx_base": (
            Formula(
                "="
                + fx.at_year(digital.row_range("sel:net"), digital.header_range(), "FX_Base_Year"),
                value_or_na(tn(numbers.fx_base)),
            ),
            fm.money,
        ),
    }
    base, new = _c(layout, "res:fx_base"), _c(layout, "res:at_target")
    refs = {"base": base, "new": new, "yen_per_doubling": "Yen_Per_Doubling"}
    results["res:fx"] = (
        Formula("=" + get_metric("fx_impact").to_excel(refs), value_or_na(numbers.fx)),
        fm.yen,
    )
    for key, (formula, fmt) in results.items():
        cell = put(ws, f"C{sheet.rows[key]}", formula, cache)
        cell.number_format = fmt
        cell.alignment = RIGHT
        cell.font = st.emphasis
    marks.show(
        ws,
        "outlook",
        {
            fm.money: [
                _c(layout, k).replace("$", "")
                for k in ("stat:y0", "stat:y1", "res:at_target", "res:fx_base")
            ],
            fm.yen: [_c(layout, "res:fx").replace("$", "")],
        },
    )
    # target year and FX base year shown beside their results
    put(
        ws,
        f"D{sheet.rows['res:at_target']}",
        Formula("=Target_Year", float(numbers.target_year)),
        cache,
    )
    put(ws, f"D{sheet.rows['res:fx_base']}", Formula("=FX_Base_Year", float(FX_BASE_YEAR)), cache)
    for key in ("res:at_target", "res:fx_base"):
        ws[f"D{sheet.rows[key]}"].number_format = year
        ws[f"D{sheet.rows[key]}"].alignment = LEFT
        ws[f"D{sheet.rows[key]}"].font = st.key
    widths = period_widths(sheet, st)
    for block in layout.outlook_paths:
        widths.update(period_widths(block, st))
    set_widths(ws, widths)
    notes(ws, st, last + 1, [labels["outlook.fx_note"]], last_col(layout))
    _write_path(ws, numbers, layout, labels, st, cache, marks, fm)
    _write_meti(ws, layout, labels, st, cache, fm)
    ws.sheet_view.showGridLines = False
    end = max(meti_rows(layout).values())
    page_setup(ws, f"A1:{last_col(layout)}{end}", fit_height=True)


def last_col(layout: Layout) -> str:
    """The Outlook's last column: of the history table or of the widest path block."""
    sheets = [layout.outlook, *layout.outlook_paths]
    return max((s.last_col for s in sheets), key=lambda c: (len(c), c))


def path_shown(target: str) -> str:
    """Formula condition: the path year ``target`` (a cell) is shown (up to the target year,
    and at least to 2035)."""
    return f"{target}<=MAX({PATH_END_YEAR},Target_Year)"


def path_block(layout: Layout, year: int) -> SheetLayout:
    """The block of the Outlook's path holding ``year``."""
    return next(b for b in layout.outlook_paths if year in b.years)


def _write_path(
    ws: Any,
    numbers: BriefNumbers,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    marks: MarkBook,
    fm: Formats,
) -> None:
    template = projection_formula(layout)
    first = layout.outlook_paths[0]
    ws[f"A{first.header_row - 1}"].value = labels["outlook.path"]
    ws[f"A{first.header_row - 1}"].font = st.section
    at_target = _loc(layout, "res:at_target")
    shown = max(PATH_END_YEAR, numbers.target_year)
    cells: list[str] = []
    styler = StyleCache()
    year_format = fm.year(numbers.options.basis)
    for block in layout.outlook_paths:
        h = block.header_row
        header_row(ws, st, h, [labels["outlook.year"], ""])
        row = block.rows["op:value"]
        put(ws, f"A{row}", labels["outlook.projection"], cache)
        ws[f"A{row}"].font = st.body
        for year in block.years:
            year_header(ws[f"{block.col(year)}{h}"], year, st, styler, year_format)
            value = numbers.projection[year] if year <= shown else None
            year_ref = f"{block.col(year)}${h}"
            cached = value_or_na(tn(value)) if year <= shown else ""
            formula = f'IF({path_shown(year_ref)},{template.replace(TARGET, year_ref)},"")'
            cell = put(ws, f"{block.col(year)}{row}", Formula("=" + formula, cached), cache)
            styler.apply(
                cell,
                ("value", value is None),
                number_format=fm.money,
                alignment=RIGHT,
                font=st.body if value is not None else st.font(9, color="7F7F7F"),
            )
            marks.derived(Loc("outlook", cell.coordinate), [(at_target, False)])
            cells.append(cell.coordinate)
    marks.show(ws, "outlook", {fm.money: cells})
    last = layout.outlook_paths[-1].rows["op:value"]
    notes(ws, st, last + 1, [labels["outlook.path_note"]], last_col(layout))


def meti_rows(layout: Layout) -> dict[int, int]:
    """Row of each METI reference point (by index in METI_SCENARIOS) on the Outlook sheet."""
    return {i: layout.meti_first_row + 1 + i for i in range(len(METI_SCENARIOS))}


def _write_meti(
    ws: Any,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    fm: Formats,
) -> None:
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
    end = last_col(layout)
    merge(ws, f"D{top}:{end}{top}")
    for i, row in meti_rows(layout).items():
        point = METI_SCENARIOS[i]
        put(ws, f"A{row}", point.label(labels.lang), cache).font = st.body
        ws[f"A{row}"].alignment = WRAP_MIDDLE
        ws.row_dimensions[row].height = st.height(point.label(labels.lang), LABEL_WIDTH, least=15)
        ws[f"B{row}"].value = point.year
        ws[f"B{row}"].font = st.body
        ws[f"B{row}"].number_format = fm.year_cy
        ws[f"C{row}"].value = to_trillion_yen(point.value_oku_yen)
        # a rounded figure ("about ¥10T"): marked like every number built on one
        ws[f"C{row}"].number_format = marked(fm.money, point.precision_oku_yen > 1, False)
        ws[f"C{row}"].font = st.body
        for col in "BC":
            ws[f"{col}{row}"].alignment = RIGHT
        put(ws, f"D{row}", point.cited(labels.lang), cache).font = st.note
        merge(ws, f"D{row}:{end}{row}")
        ws[f"D{row}"].alignment = Alignment(vertical="center")
