"""The Data sheet (an Excel table of every observation used) and the Sources & method sheet."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.table import Table, TableStyleInfo

from digital_deficit.core.catalogue import CASH_FLOW
from digital_deficit.core.references import METI_SCENARIOS, YEN_PER_DOUBLING
from digital_deficit.data.csvio import BRIEFING_COLUMNS
from digital_deficit.export.cells import CacheBook, clean_text, put, put_text
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import DATA_HEADER_ROW
from digital_deficit.export.numbers import BriefNumbers
from digital_deficit.export.styles import NUMBER, OKU, OKU_DEC, TOP, WRAP, StyleCache, Styles
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


def write_data(ws: Any, numbers: BriefNumbers, labels: Labels, st: Styles, cache: CacheBook) -> str:
    """The observations as an Excel table; returns the table's range."""
    title_block(ws, st, labels["data.title"], labels["na_note"])
    # styled explicitly too: LibreOffice does not draw table styles
    header_row(ws, st, DATA_HEADER_ROW, [labels[f"data.{c}"] for c in DATA_COLUMNS])
    row = DATA_HEADER_ROW
    styler = StyleCache()
    row = DATA_HEADER_ROW
    for obs in numbers.observations:
        texts = (
            obs.period_obj.label,
            obs.basis,
            obs.item,
            labels.item(obs.item),
            obs.definition or None,
            obs.side,
        )
        ws.append(
            [
                *(clean_text(t) if t else t for t in texts),
                obs.value,
                clean_text(obs.unit),
                obs.precision,
                clean_text(obs.vintage),
                clean_text(obs.source),
            ]
        )
        row += 1
        for column in (1, 2, 3, 4, 5, 6, 8, 10, 11):
            cell = ws.cell(row, column)
            if isinstance(cell.value, str):
                put_text(cell, cell.value)  # text from data files is never a formula
        whole = float(obs.value).is_integer()
        styler.apply(ws.cell(row, 7), ("value", whole), number_format=OKU if whole else OKU_DEC)
        styler.apply(ws.cell(row, 9), "precision", number_format=NUMBER)
    last = max(row, DATA_HEADER_ROW + 1)
    ref = f"A{DATA_HEADER_ROW}:K{last}"
    table = Table(displayName=DATA_TABLE_NAME, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    set_widths(
        ws,
        {
            "A": 9,
            "B": 6,
            "C": 26,
            "D": 40,
            "E": 10,
            "F": 7,
            "G": 15,
            "H": 9,
            "I": 19,
            "J": 16,
            "K": 90,
        },
    )
    ws.freeze_panes = f"A{DATA_HEADER_ROW + 1}"
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
            [(d.id, f"{d.label(labels.lang)} — {d.source}") for d in numbers.definitions],
        ),
        (
            labels["src.cf"],
            [(m, f"{labels.cf_formula(m)} — {labels.cf_source(m)}") for m in CASH_FLOW],
        ),
        (
            labels["src.formulas"],
            [(k.removeprefix("f."), labels[k]) for k in labels.keys("f.")],
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
                    + f" — {p.source}",
                )
                for p in METI_SCENARIOS
            ]
            + [
                (
                    "FX",
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
            ws.row_dimensions[row].height = 15 * st.lines(text, "source")
            row += 1
    set_widths(ws, {"A": 22, "B": 130})
    return row
