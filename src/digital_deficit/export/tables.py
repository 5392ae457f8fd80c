"""Writing a period table (rows of items, one column per year) and a sheet's title block."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter

from digital_deficit.export.cells import NA_TEXT, CacheBook, Content, Formula, put, put_cell
from digital_deficit.export.formats import formats_for
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import FIRST_COL, SheetLayout
from digital_deficit.export.marks import Loc, MarkBook
from digital_deficit.export.styles import (
    BOTTOM,
    CENTER,
    HEADER_FILL,
    LEFT,
    RIGHT,
    SECTION_FILL,
    TOTAL_FILL,
    WRAP,
    WRAP_MIDDLE,
    StyleCache,
    Styles,
    merge,
)
from digital_deficit.export.text_formulas import cat, drop_lead, in_period, lit, money, when


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


def year_header(cell: Any, year: int, st: Styles, styler: StyleCache, number_format: str) -> None:
    """A year at the head of its column: white bold on navy, right-aligned, in the format of
    its basis (2024, FY2024, 2024年度)."""
    cell.value = year
    styler.apply(
        cell,
        ("year", number_format),
        number_format=number_format,
        font=st.header,
        fill=HEADER_FILL,
        alignment=RIGHT,
    )


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
    marks: MarkBook | None = None,
    first_releases: bool = True,
    base_year: int | None = None,
) -> int:
    """Write the header, section rows, labels and cells of a period table, and (given the
    marks) show its marks and, if asked, a column of first releases; returns its last row."""
    h = sheet.header_row
    styler = StyleCache()
    header_row(ws, st, h, [labels["col.item"], labels["col.code"]])
    year_format = formats_for(labels).year(basis)
    marked: dict[str, list[str]] = {}
    for year in sheet.years:
        year_header(ws[f"{sheet.col(year)}{h}"], year, st, styler, year_format)
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
        label_text: Content = spec.label
        if "{base}" in spec.label and base_year is not None:
            formula, shown = in_period(spec.label, "base", labels[f"period.{basis}"], base_year)
            label_text = Formula("=" + formula, shown)
        put(ws, f"A{row}", label_text, cache)
        if strong:
            styler.apply(
                label, "label-strong", font=st.emphasis, alignment=WRAP_MIDDLE, fill=TOTAL_FILL
            )
            styler.apply(ws.cell(row=row, column=2), "key-strong", fill=TOTAL_FILL)
        else:
            styler.apply(label, "label", alignment=WRAP_MIDDLE)
        if st.lines_in(spec.label, LABEL_WIDTH) > 1:
            ws.row_dimensions[row].height = st.height(spec.label, LABEL_WIDTH)
        if spec.code:
            put(ws, f"B{row}", spec.code, cache)
            styler.apply(ws[f"B{row}"], ("key", strong), font=st.key, alignment=LEFT)
        fmt = formats.get(spec.key, formats.get(spec.key.split(":")[0], "General"))
        for year, content in cells.get(spec.key, {}).items():
            cell = put_cell(ws.cell(row=row, column=sheet.col_index(year)), content, cache)
            marked.setdefault(fmt, []).append(cell.coordinate)
            shows_na = content == NA_TEXT or (
                isinstance(content, Formula) and content.cached == NA_TEXT
            )
            if styler.reuse(cell, ("cell", fmt, shows_na, strong)):
                continue
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
        if marks is not None and first_releases:
            revisions(ws, sheet, spec.key, labels, basis, marks, cache, st)
    if marks is not None:
        marks.show(ws, sheet.key, marked)
    if marks is not None and first_releases:
        column = get_column_letter(FIRST_COL + len(sheet.years))
        header_row(ws, st, h, [labels["col.revisions"]], FIRST_COL + len(sheet.years))
        ws[f"{column}{h}"].alignment = WRAP_MIDDLE
        ws.column_dimensions[column].width = REVISION_WIDTH
    return last


REVISION_WIDTH = 26


def revisions(
    ws: Any,
    sheet: SheetLayout,
    key: str,
    labels: Labels,
    basis: str,
    marks: MarkBook,
    cache: CacheBook,
    st: Styles,
) -> None:
    """The row's first releases where they differ from the figures shown ("2024: -¥6.65T;
    ..."), a live text over its F shadows, in the column after the years."""
    locs = [(y, Loc(sheet.key, sheet.local(key, y))) for y in sheet.years]
    if not any(("F", loc) in marks.content for _, loc in locs):
        return
    fixed_row = not key.startswith(("sel:", "op:"))  # a figure row: its revisions never change
    if fixed_row and not any(loc in marks.firsts for _, loc in locs):
        return
    separator = labels["sep.groups"]
    pieces = []
    for year, loc in locs:
        ref = marks.ref("F", loc, absolute=True)
        value = marks.firsts.get(loc)
        period = labels.fmt(f"period.{basis}", year=year)
        pieces.append(
            when(
                f"ISNUMBER({ref})",
                cat(lit(separator + period + ": "), money(labels["money"], ref, value)),
                lit(""),
                value is not None,
            )
        )
    formula, shown = drop_lead(cat(*pieces), separator)
    column = FIRST_COL + len(sheet.years)
    cell = put_cell(
        ws.cell(row=sheet.rows[key], column=column), Formula("=" + formula, shown), cache
    )
    cell.font = st.key
    cell.alignment = WRAP
    if st.lines_in(shown, REVISION_WIDTH, 9) > 1:
        height = st.height(shown, REVISION_WIDTH, 9)
        row = sheet.rows[key]
        ws.row_dimensions[row].height = max(height, ws.row_dimensions[row].height or 0)


def set_widths(ws: Any, widths: Mapping[str, float]) -> None:
    """Column widths in characters."""
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width


LABEL_WIDTH = 38
"""The label column: a longer label wraps."""


def period_widths(
    sheet: SheetLayout, st: Styles, label: float = LABEL_WIDTH, code: float = 14
) -> dict[str, float]:
    """Widths of a period table: wide labels (wrapped when longer), keys, the years."""
    widths = {"A": label, "B": code}
    for i in range(len(sheet.years)):
        widths[get_column_letter(FIRST_COL + i)] = st.year_width
    return widths


def span_width(ws: Any, first: str, last: str) -> float:
    """The width in characters of columns ``first`` to ``last``."""
    start, end = column_index_from_string(first), column_index_from_string(last)
    total = 0.0
    for index in range(start, end + 1):
        width = ws.column_dimensions[get_column_letter(index)].width
        total += width if width else 8.43
    return total


def notes(ws: Any, st: Styles, row: int, texts: list[str], last_col: str) -> int:
    """Footnotes, each wrapped in cells merged across the table (never cut at the print
    area's edge); set the column widths first. Returns the next row."""
    width = span_width(ws, "A", last_col)
    for text in texts:
        put(ws, f"A{row}", text, CacheBook())
        ws[f"A{row}"].font = st.note
        ws[f"A{row}"].alignment = WRAP
        if last_col != "A":
            merge(ws, f"A{row}:{last_col}{row}")
        ws.row_dimensions[row].height = st.height(text, width, 9)
        row += 1
    return row
