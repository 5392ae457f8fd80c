"""The Cover sheet: what the briefing covers, on which data, and its key messages."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment

from digital_deficit.export.cells import CacheBook, Formula, put
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import Layout
from digital_deficit.export.messages import messages
from digital_deficit.export.numbers import BriefNumbers
from digital_deficit.export.reference_sheets import data_source_text
from digital_deficit.export.styles import BOTTOM, NAVY, WRAP, Styles
from digital_deficit.export.tables import set_widths

MESSAGE_FIRST_ROW = 14


def vintage_summary(numbers: BriefNumbers) -> str:
    """The vintages of the figures used, newest first."""
    from digital_deficit.data.vintage import vintage_rank

    found = {obs.vintage for obs in numbers.observations}
    return ", ".join(sorted(found, key=vintage_rank, reverse=True)) or "n/a"


def write_cover(
    ws: Any,
    numbers: BriefNumbers,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    generated: str,
) -> None:
    """Title, facts about the briefing, and five live key messages with their source cells."""
    o = numbers.options
    ws["B2"].value = labels["title"]
    ws["B2"].font = st.font(22, bold=True, color=NAVY)
    ws["B3"].value = labels["subtitle"]
    ws["B3"].font = st.font(13, color="595959")
    ws.row_dimensions[2].height = 36
    first, last = numbers.years[0], numbers.years[-1]
    period = f"FY{first}-FY{last}" if o.basis == "FY" else f"{first}-{last}"
    definition = numbers.definition
    data = data_source_text(numbers.dataset.origin, labels)
    facts = [
        (labels["cover.country"], labels["cover.country_value"]),
        (labels["cover.basis"], f"{labels['cover.basis_' + o.basis]}, {period}"),
        (
            labels["cover.vintage"],
            data + "; " + labels.fmt("cover.vintage_text", vintages=vintage_summary(numbers)),
        ),
        (labels["cover.retrieved"], generated),
        (
            labels["cover.definition"],
            f"{o.definition}: {definition.label(labels.lang)}",
        ),
        (
            labels["cover.cf_method"],
            f"{o.cf_method}: {labels.cf_formula(o.cf_method)} ({labels.cf_source(o.cf_method)})",
        ),
    ]
    for row, (label, text) in enumerate(facts, start=5):
        put(ws, f"B{row}", label, cache).font = st.font(10, bold=True, color="595959")
        ws[f"B{row}"].alignment = Alignment(vertical="top")
        cell = put(ws, f"C{row}", text, cache)
        cell.font = st.body
        cell.alignment = WRAP
        wide = st.lines(text, "cover") > 1
        ws.row_dimensions[row].height = 30 if wide else 16
    ws[f"B{MESSAGE_FIRST_ROW - 2}"].value = labels["cover.messages"]
    ws[f"B{MESSAGE_FIRST_ROW - 2}"].font = st.font(13, bold=True, color=NAVY)
    ws[f"D{MESSAGE_FIRST_ROW - 2}"].value = labels["cover.source_cell"]
    ws[f"D{MESSAGE_FIRST_ROW - 2}"].font = st.key
    for i, message in enumerate(messages(numbers, layout, labels)):
        row = MESSAGE_FIRST_ROW + i
        ws[f"B{row}"].value = i + 1
        ws[f"B{row}"].font = st.font(14, bold=True, color=NAVY)
        ws[f"B{row}"].alignment = Alignment(horizontal="right", vertical="top")
        cell = put(ws, f"C{row}", Formula(message.formula, message.cached), cache)
        cell.font = st.font(12)
        cell.alignment = WRAP
        link = ws[f"D{row}"]
        put(ws, f"D{row}", message.source.replace("$", ""), cache)
        link.hyperlink = "#" + message.source.replace("$", "")
        link.font = st.font(9, color="2F5597")
        link.alignment = Alignment(vertical="top")
        ws.row_dimensions[row].height = 36
        for col in "BCD":
            ws[f"{col}{row}"].border = BOTTOM
    note_row = MESSAGE_FIRST_ROW + 6
    ws.merge_cells(f"B{note_row}:D{note_row + 1}")
    put(ws, f"B{note_row}", labels["cover.units"], cache).font = st.note
    ws[f"B{note_row}"].alignment = WRAP
    set_widths(ws, {"A": 3, "B": 26, "C": 100, "D": 22})
    ws.sheet_view.showGridLines = False
