"""The Cover sheet: what the briefing covers, on which data, and its key messages."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.hyperlink import Hyperlink

from digital_deficit.data.vintage import oldest_first
from digital_deficit.export.cells import CacheBook, Formula, put
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import Layout
from digital_deficit.export.marks import MarkBook
from digital_deficit.export.messages import messages
from digital_deficit.export.numbers import BriefNumbers
from digital_deficit.export.reference_sheets import data_source_text, fallback_text
from digital_deficit.export.styles import BOTTOM, NAVY, WRAP, Styles, merge, page_setup
from digital_deficit.export.tables import set_widths

FACTS_ROW = 5
FACT_WIDTH = 100  # characters of column C


def vintage_summary(numbers: BriefNumbers, labels: Labels) -> str:
    """The vintages of the figures used, newest first, in the language's words."""
    ordered = oldest_first(obs.vintage for obs in numbers.observations)[::-1]
    return ", ".join(labels.vintage(v) for v in ordered) or "n/a"


def write_cover(
    ws: Any,
    numbers: BriefNumbers,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    generated: str,
    marks: MarkBook,
) -> None:
    """Title, facts about the briefing, five live key messages with their source cells, and
    the notes on units and marks."""
    o = numbers.options
    ws["B2"].value = labels["title"]
    ws["B2"].font = st.font(22, bold=True, color=NAVY)
    ws["B3"].value = labels["subtitle"]
    ws["B3"].font = st.font(13, color="595959")
    ws.row_dimensions[2].height = 36
    first, last = numbers.years[0], numbers.years[-1]
    period = "-".join(labels.fmt(f"period.{o.basis}", year=y) for y in (first, last))
    definition = numbers.definition
    data = data_source_text(numbers.dataset.origin, labels)
    facts = [
        (labels["cover.country"], labels["cover.country_value"]),
        (labels["cover.basis"], f"{labels['cover.basis_' + o.basis]}, {period}"),
        (
            labels["cover.vintage"],
            data
            + "; "
            + labels.fmt("cover.vintage_text", vintages=vintage_summary(numbers, labels)),
        ),
        (labels["cover.retrieved"], generated),
        (
            labels["cover.definition"],
            f"{labels.name(definition.id)}: {definition.label(labels.lang)}",
        ),
        (
            labels["cover.cf_method"],
            f"{labels.name(o.cf_method)}: {labels.cf_formula(o.cf_method)} "
            f"({labels.cf_source(o.cf_method)})",
        ),
    ]
    fallback = fallback_text(numbers, labels)
    if fallback is not None:
        facts.append((labels["cover.data_fallback"], fallback))
    for row, (label, text) in enumerate(facts, start=FACTS_ROW):
        put(ws, f"B{row}", label, cache).font = st.font(10, bold=True, color="595959")
        ws[f"B{row}"].alignment = Alignment(vertical="top")
        cell = put(ws, f"C{row}", text, cache)
        cell.font = (
            st.body if label != labels["cover.data_fallback"] else st.font(10, color="C00000")
        )
        cell.alignment = WRAP
        ws.row_dimensions[row].height = st.height(text, FACT_WIDTH)
    title_row = FACTS_ROW + len(facts) + 1
    ws[f"B{title_row}"].value = labels["cover.messages"]
    ws[f"B{title_row}"].font = st.font(13, bold=True, color=NAVY)
    ws[f"D{title_row}"].value = labels["cover.source_cell"]
    ws[f"D{title_row}"].font = st.key
    first_message = title_row + 2
    found = messages(numbers, layout, labels, marks)
    for i, message in enumerate(found):
        row = first_message + i
        ws[f"B{row}"].value = i + 1
        ws[f"B{row}"].font = st.font(14, bold=True, color=NAVY)
        ws[f"B{row}"].alignment = Alignment(horizontal="right", vertical="top")
        cell = put(ws, f"C{row}", Formula(message.formula, message.cached), cache)
        cell.font = st.font(12)
        cell.alignment = WRAP
        target = message.source.replace("$", "")
        link = put(ws, f"D{row}", target, cache)
        # an internal link (a location, no relationship): Excel, LibreOffice and Gnumeric
        link.hyperlink = Hyperlink(ref=f"D{row}", location=target)
        link.font = Font(name=st.font_name, size=9, color="2F5597", underline="single")
        link.alignment = Alignment(vertical="top")
        ws.row_dimensions[row].height = st.height(message.cached, FACT_WIDTH, 12) + 8
        for col in "BCD":
            ws[f"{col}{row}"].border = BOTTOM
    note_row = first_message + len(found) + 1
    for i, key in enumerate(("cover.units", "marks_note")):
        row = note_row + i
        merge(ws, f"B{row}:D{row}")
        put(ws, f"B{row}", labels[key], cache).font = st.note
        ws[f"B{row}"].alignment = WRAP
        ws.row_dimensions[row].height = st.height(labels[key], FACT_WIDTH + 48, 9)
    set_widths(ws, {"A": 3, "B": 26, "C": FACT_WIDTH, "D": 22})
    ws.sheet_view.showGridLines = False
    page_setup(ws, f"A1:D{note_row + 1}", fit_height=True)
