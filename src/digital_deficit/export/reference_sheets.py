"""The Data sheet (an Excel table of every observation used) and the Sources & method sheet."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.table import Table, TableStyleInfo

from digital_deficit.core.catalogue import CASH_FLOW
from digital_deficit.core.references import METI_SCENARIOS, YEN_PER_DOUBLING
from digital_deficit.data.csvio import BRIEFING_COLUMNS
from digital_deficit.data.provenance import fallbacks, year_ranges
from digital_deficit.export.cells import CacheBook, put, put_text
from digital_deficit.export.formats import NUMBER, OKU, OKU_DEC
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import DATA_HEADER_ROW
from digital_deficit.export.numbers import BriefNumbers
from digital_deficit.export.styles import (
    TOP,
    WRAP,
    WRAP_MIDDLE,
    StyleCache,
    Styles,
    merge,
    page_setup,
)
from digital_deficit.export.tables import header_row, set_widths, title_block

DATA_TABLE_NAME = "Observations"
DATA_COLUMNS = BRIEFING_COLUMNS  # the layout the Excel functions' data argument reads back


def data_source_text(origin: str, labels: Labels) -> str:
    """Where the figures come from: the embedded figures and any file read on top of them.

    ``origin`` is the dataset's origin ("embedded japan_bop_published.csv + my.csv"), so a file
    named by --data or by the DIGITAL_DEFICIT_DATA environment variable is shown alike.
    """
    parts = [p for p in origin.split(" + ") if p]
    if not parts:
        return labels["cover.data_embedded"]
    if parts[0].startswith("embedded"):
        parts[0] = labels["cover.data_embedded"]
    return " + ".join(parts)


def fallback_text(numbers: BriefNumbers, labels: Labels) -> str | None:
    """The note naming the figures used that come from the embedded data although a data
    file was given (issue 13): None when every figure comes from the file."""
    found = fallbacks(numbers.dataset, numbers.shown)
    if found is None:
        return None
    partly = [
        labels.fmt(
            "fallback.items",
            period=labels.fmt(f"period.{basis}", year=period),
            items=labels["sep.items"].join(
                labels.fmt("fallback.item", item=labels.item(item), side=labels.word("side", side))
                for item, side in items
            ),
        )
        for basis, period, items in found.partly
    ]
    where = labels["sep.groups"].join(p for p in (year_ranges(found.whole), *partly) if p)
    return labels.fmt(
        "fallback", count=found.count, total=found.total, file=found.file, where=where
    )


SOURCE_WIDTH = 130  # the Sources sheet's texts
DATA_WIDTHS = {
    "A": 8,
    "B": 7,
    "C": 24,
    "D": 30,
    "E": 9,
    "F": 7,
    "G": 13,
    "H": 8,
    "I": 11,
    "J": 16,
    "K": 50,
}
"""The Data table's columns: one A4 page wide at a readable size, long texts wrapped."""
WRAPPED = {4: "D", 11: "K"}
SOURCE_COLUMN = 11


def _data_style(column: int, whole: bool) -> dict[str, Any]:
    """A Data cell's style: long texts wrap within their column (never over the next), every
    other cell sits at the top of its row; values in oku yen (decimals only where they have
    them), precisions as numbers."""
    style: dict[str, Any] = {"alignment": WRAP if column in WRAPPED else TOP}
    if column == 7:
        style["number_format"] = OKU if whole else OKU_DEC
    elif column == 9:
        style["number_format"] = NUMBER
    return style


_DATA_STYLES = {
    (column, whole): _data_style(column, whole)
    for column in range(1, len(DATA_COLUMNS) + 1)
    for whole in (True, False)
}


def write_data(
    ws: Any, numbers: BriefNumbers, labels: Labels, st: Styles, cache: CacheBook, note: str | None
) -> str:
    """The observations (every vintage used) as an Excel table, its codes in the language's
    words (read back by the Excel functions alike); ``note`` names the figures that come from
    the embedded data although a data file was given. Returns the table's range."""
    title_block(ws, st, labels["data.title"], labels["data.subtitle"])
    if note is not None:
        put(ws, "A3", note, cache).font = st.font(10, color="C00000")
        merge(ws, "A3:K3")
        ws["A3"].alignment = WRAP
        ws.row_dimensions[3].height = st.height(note, sum(DATA_WIDTHS.values()))
    # styled explicitly too: LibreOffice does not draw table styles
    header_row(ws, st, DATA_HEADER_ROW, [labels[f"data.{c}"] for c in DATA_COLUMNS])
    for column in range(1, len(DATA_COLUMNS) + 1):
        ws.cell(DATA_HEADER_ROW, column).alignment = WRAP_MIDDLE
    ws.row_dimensions[DATA_HEADER_ROW].height = 30
    styler = StyleCache()
    row = DATA_HEADER_ROW
    for obs in numbers.observations:
        row += 1
        shown: list[Any] = [
            obs.period_obj.label,
            labels.word("basis", obs.basis),
            obs.item,
            labels.item(obs.item),
            obs.definition or None,
            labels.word("side", obs.side),
            obs.value,
            labels.word("unit", obs.unit),
            obs.precision,
            labels.vintage(obs.vintage),
            obs.source,
        ]
        whole = float(obs.value).is_integer()
        for column, value in enumerate(shown, start=1):
            cell = ws.cell(row, column)
            styler.apply(cell, (column, whole), **_DATA_STYLES[(column, whole)])
            if column == SOURCE_COLUMN:
                put_text(cell, value)  # free text: never a formula
            else:  # checked codes and numbers, the package's own labels
                cell.value = value
        lines = max(st.lines_in(shown[c - 1] or "", DATA_WIDTHS[k]) for c, k in WRAPPED.items())
        if lines > 1:
            ws.row_dimensions[row].height = lines * 10 * st.leading + 3
    last = max(row, DATA_HEADER_ROW + 1)
    ref = f"A{DATA_HEADER_ROW}:K{last}"
    table = Table(displayName=DATA_TABLE_NAME, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    set_widths(ws, DATA_WIDTHS)
    ws.freeze_panes = f"A{DATA_HEADER_ROW + 1}"
    page_setup(ws, f"A1:K{last}")
    ws.print_title_rows = f"{DATA_HEADER_ROW}:{DATA_HEADER_ROW}"
    return ref


def write_sources(
    ws: Any,
    numbers: BriefNumbers,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    generated: str,
    version: str,
) -> int:
    """Definitions, formulas in words, citations, caveats, generation time and version."""
    title_block(ws, st, labels["src.title"])
    fxa = YEN_PER_DOUBLING
    blocks: list[tuple[str, list[tuple[str, str]]]] = [
        (
            labels["src.definitions"],
            [
                (labels.name(d.id), f"{d.label(labels.lang)} — {labels.definition_source(d)}")
                for d in numbers.definitions
            ],
        ),
        (
            labels["src.cf"],
            [
                (labels.name(m), f"{labels.cf_formula(m)} — {labels.cf_source(m)}")
                for m in CASH_FLOW
            ],
        ),
        (
            labels["src.formulas"],
            [(str(i), labels[k]) for i, k in enumerate(labels.keys("f."), start=1)],
        ),
        (
            labels["src.references"],
            [
                (
                    str(p.year),
                    f"{p.label(labels.lang)}: "
                    + labels.fmt(
                        "src.oku_yen",
                        value=f"{p.value_oku_yen:,}",
                        precision=f"{p.precision_oku_yen:,}",
                    )
                    + f" — {p.cited(labels.lang)}",
                )
                for p in METI_SCENARIOS
            ]
            + [
                (
                    labels["src.fx_key"],
                    f"{fxa.default:g} ({fxa.low:g}-{fxa.high:g}) — {labels.fx_note()}",
                )
            ],
        ),
        (
            labels["src.caveats"],
            [
                (str(i), labels[f"cav.{k}"])
                for i, k in enumerate(("revisions", "analyst", "fx", "definitions", "cf"), start=1)
            ],
        ),
        (
            labels["src.data"],
            [
                (labels["src.data"], data_source_text(numbers.dataset.origin, labels)),
                (labels["src.generated"], generated),
                (labels["src.version"], version),
            ],
        ),
    ]
    row = 3
    styler = StyleCache()
    for heading, lines in blocks:
        row += 1
        ws[f"A{row}"].value = heading
        ws[f"A{row}"].font = st.section
        row += 1
        for key, text in lines:
            styler.apply(put(ws, f"A{row}", key, cache), "key", font=st.key, alignment=TOP)
            styler.apply(put(ws, f"B{row}", text, cache), "text", alignment=WRAP)
            ws.row_dimensions[row].height = st.height(text, SOURCE_WIDTH, least=15)
            row += 1
    set_widths(ws, {"A": 22, "B": SOURCE_WIDTH})
    page_setup(ws, f"A1:B{row}")
    return row
