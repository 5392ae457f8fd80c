"""Writing a period table (rows of items, one column per year) and a sheet's title block."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openpyxl.utils import get_column_letter

from digital_deficit.export.cells import NA_TEXT, CacheBook, Content, Formula, put, put_cell
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import FIRST_COL, SheetLayout
from digital_deficit.export.styles import (
    BOTTOM,
    CENTER,
    HEADER_FILL,
    LEFT,
    RIGHT,
    SECTION_FILL,
    TOTAL_FILL,
    YEAR_CY,
    YEAR_FY,
    StyleCache,
    Styles,
)


def title_block(ws: Any, st: Styles, title: str, subtitle: str = "") -> None:
    """Title in A1 and a grey subtitle in A2."""
    ws["A1"].value = title
    ws["A1"].font = st.title
    if subtitle:
        put(ws, "A2", subtitle, CacheBook())
        ws["A2"].font = st.subtitle
    ws.row_dimensions[1].height = 30


def header_row(ws: Any, st: Styles, row: int, texts: list[str], first_col: int = 1) -> None:
    """White bold text on navy over the given columns."""
    for i, text in enumerate(texts):
        cell = ws.cell(row=row, column=first_col + i)
        cell.value = text
        cell.font = st.header
        cell.fill = HEADER_FILL
        cell.alignment = LEFT if i == 0 else CENTER


def write_period_table(
    ws: Any,
    sheet: SheetLayout,
    st: Styles,
    labels: Labels,
    basis: str,
    cells: Mapping[str, Mapping[int, Content]],
    formats: Mapping[str, str],
    cache: CacheBook,
    emphasis: tuple[str, ...] = (),
    lead_in: int | None = None,
) -> int:
    """Write the header, section rows, labels and cells of a period table; returns its last row."""
    h = sheet.header_row
    styler = StyleCache()
    header_row(ws, st, h, [labels["col.item"], labels["col.code"]])
    year_format = YEAR_FY if basis == "FY" else YEAR_CY
    for year in sheet.years:
        cell = ws[f"{sheet.col(year)}{h}"]
        cell.value = year
        styler.apply(
            cell,
            "year",
            number_format=year_format,
            font=st.header,
            fill=HEADER_FILL,
            alignment=RIGHT,
        )
    if lead_in is not None and lead_in in sheet.years:
        ws[f"{sheet.col(lead_in)}{h}"].font = st.font(10, bold=True, color="BFBFBF")
    last = h
    width = FIRST_COL + len(sheet.years)
    for offset, spec in enumerate(sheet.specs):
        row = h + 1 + offset
        last = row
        label = ws.cell(row=row, column=1)
        if spec.key.startswith("sec:"):
            label.value = spec.label
            for col in range(2, width):
                styler.apply(ws.cell(row=row, column=col), "section-fill", fill=SECTION_FILL)
            styler.apply(label, "section", font=st.section, fill=SECTION_FILL)
            continue
        strong = spec.key in emphasis
        put(ws, f"A{row}", spec.label, cache)
        if strong:
            styler.apply(label, "label-strong", font=st.emphasis, alignment=LEFT, fill=TOTAL_FILL)
            styler.apply(ws.cell(row=row, column=2), "key-strong", fill=TOTAL_FILL)
        else:
            styler.apply(label, "label", alignment=LEFT)
        if spec.code:
            put(ws, f"B{row}", spec.code, cache)
            styler.apply(ws[f"B{row}"], ("key", strong), font=st.key, alignment=LEFT)
        fmt = formats.get(spec.key, formats.get(spec.key.split(":")[0], "General"))
        for year, content in cells.get(spec.key, {}).items():
            cell = put_cell(ws.cell(row=row, column=sheet.col_index(year)), content, cache)
            shows_na = content == NA_TEXT or (
                isinstance(content, Formula) and content.cached == NA_TEXT
            )
            attributes: dict[str, Any] = {
                "number_format": fmt,
                "alignment": RIGHT,
                "border": BOTTOM,
                "font": st.font(9, color="7F7F7F")
                if shows_na
                else (st.emphasis if strong else st.body),
            }
            if strong:
                attributes["fill"] = TOTAL_FILL
            styler.apply(cell, ("cell", fmt, shows_na, strong), **attributes)
    return last


def set_widths(ws: Any, widths: Mapping[str, float]) -> None:
    """Column widths in characters."""
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width


def period_widths(sheet: SheetLayout, label: float = 46, code: float = 14) -> dict[str, float]:
    """Widths of a period table: wide labels, narrow keys, 9.5 per year."""
    widths = {"A": label, "B": code}
    for i in range(len(sheet.years)):
        widths[get_column_letter(FIRST_COL + i)] = 9.5
    return widths


def notes(ws: Any, st: Styles, row: int, texts: list[str], last_col: str) -> int:
    """Footnotes (the text runs on over the empty cells to its right); returns the next row."""
    for text in texts:
        put(ws, f"A{row}", text, CacheBook())
        ws[f"A{row}"].font = st.note
        row += 1
    return row
