"""Build the briefing workbook: sheets, names, charts, cached values; write it atomically."""

from __future__ import annotations

import datetime as _dt
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.properties import CalcProperties
from openpyxl.writer.excel import ExcelWriter

from digital_deficit import __version__
from digital_deficit.core.catalogue import FAMILIES
from digital_deficit.data.csvio import write_atomic
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.provenance import fallback_warning
from digital_deficit.export.assumptions_sheet import write_assumptions
from digital_deficit.export.cells import CacheBook
from digital_deficit.export.chart_data import write_chart_data
from digital_deficit.export.charts import build_charts
from digital_deficit.export.cover_sheet import write_cover
from digital_deficit.export.formats import formats_for
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import (
    FIRST_COL,
    MARKED_SHEETS,
    SHEET_KEYS,
    Layout,
    SheetLayout,
    build_layout,
)
from digital_deficit.export.marks import MarkBook, VintageBits
from digital_deficit.export.numbers import BriefNumbers
from digital_deficit.export.options import BriefOptions
from digital_deficit.export.outlook_sheet import write_outlook
from digital_deficit.export.package import add_cached_values
from digital_deficit.export.pdf import PdfError, pdf_target, print_workbook
from digital_deficit.export.period_sheets import (
    CA_STYLES,
    DIGITAL_STYLES,
    ca_cells,
    digital_cells,
)
from digital_deficit.export.reference_sheets import fallback_text, write_data, write_sources
from digital_deficit.export.release import (
    RELEASE_MARKED,
    add_release_sheets,
    compute_briefing,
    unprinted_titles,
)
from digital_deficit.export.styles import page_setup, page_texts, set_default_font, styles_for
from digital_deficit.export.summary_sheet import write_summary
from digital_deficit.export.tables import (
    notes,
    period_widths,
    set_widths,
    title_block,
    write_period_table,
)


class OutputExistsError(FileExistsError):
    """The output file exists and overwriting was not asked for."""


@dataclass
class Briefing:
    """A built workbook (not yet saved), its cached values and the numbers behind them."""

    workbook: Any
    cache: CacheBook
    numbers: BriefNumbers
    layout: Layout

    def to_bytes(self) -> bytes:
        """The .xlsx package with every formula's cached value.

        openpyxl writes an uncompressed package; adding the cached values compresses it once.
        """
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            ExcelWriter(self.workbook, archive).write_data()
        return add_cached_values(buffer.getvalue(), self.cache)

    def fallback_warning(self) -> str | None:
        """One line naming the figures shown that come from the embedded data although a data
        file was given (the Cover and Data sheet say it too); None when there are none."""
        return fallback_warning(self.numbers.dataset, self.numbers.shown)


def _period_sheet(
    ws: Any,
    sheet: SheetLayout,
    numbers: BriefNumbers,
    labels: Labels,
    cache: CacheBook,
    cells: Any,
    styles: dict[str, str],
    emphasis: tuple[str, ...],
    marks: MarkBook,
) -> None:
    st = styles_for(labels.lang)
    fm = formats_for(labels)
    title_block(ws, st, labels[f"{sheet.key}.title"], labels["units.tn"])
    last = write_period_table(
        ws,
        sheet,
        st,
        labels,
        numbers.options.basis,
        cells,
        {key: fm.style(style) for key, style in styles.items()},
        cache,
        emphasis,
        numbers.lead_in,
        marks,
        base_year=numbers.base_year,
    )
    texts = [labels["na_note"], labels["marks_note"]]
    if numbers.lead_in is not None:
        texts.append(labels.fmt("lead_in", year=numbers.lead_in))
    revision_col = get_column_letter(FIRST_COL + len(sheet.years))
    set_widths(ws, period_widths(sheet, st))
    end = notes(ws, st, last + 2, texts, revision_col)
    ws.freeze_panes = f"C{sheet.header_row + 1}"
    page_setup(ws, f"A1:{revision_col}{end}", fit_height=True)
    ws.print_title_rows = f"{sheet.header_row}:{sheet.header_row}"
    ws.sheet_view.showGridLines = False


def build_briefing(
    options: BriefOptions, dataset: Dataset | None = None, generated: _dt.datetime | None = None
) -> Briefing:
    """Build the workbook in memory."""
    numbers, release = compute_briefing(options, dataset)
    labels = Labels(options.lang)
    st = styles_for(options.lang)
    layout = build_layout(numbers, labels)
    cache = CacheBook()
    when = (generated or _dt.datetime.now(_dt.timezone.utc)).replace(microsecond=0)
    stamp = when.strftime("%Y-%m-%d %H:%M UTC")
    marks = MarkBook(
        layout.title("marks"),
        layout.mark_heights,
        VintageBits(o.vintage for o in numbers.observations),
    )

    wb = Workbook()
    set_default_font(wb, st)
    sheets = {key: wb.create_sheet(layout.title(key)) for key in SHEET_KEYS}
    wb.remove(wb.worksheets[0])
    # written in the order their cells depend on each other (the tabs keep SHEET_KEYS' order)
    _period_sheet(
        sheets["digital"],
        layout.digital,
        numbers,
        labels,
        cache,
        digital_cells(numbers, layout, marks),
        DIGITAL_STYLES,
        ("sel:net",),
        marks,
    )
    _period_sheet(
        sheets["ca"],
        layout.ca,
        numbers,
        labels,
        cache,
        ca_cells(numbers, layout, marks),
        CA_STYLES,
        ("ca:current_account", *(f"{f}:sel" for f in FAMILIES)),
        marks,
    )
    write_outlook(sheets["outlook"], numbers, layout, labels, st, cache, marks)
    write_assumptions(sheets["assumptions"], wb, numbers, layout, labels, st, cache, marks)
    write_data(sheets["data"], numbers, labels, st, cache, fallback_text(numbers, labels))
    write_sources(sheets["sources"], numbers, labels, st, cache, stamp, __version__)
    series = write_chart_data(sheets["chartdata"], numbers, layout, labels, st, cache, marks)
    write_summary(
        sheets["summary"],
        numbers,
        layout,
        labels,
        st,
        cache,
        marks,
        build_charts(series, numbers, labels, st, formats_for(labels)),
    )
    write_cover(sheets["cover"], numbers, layout, labels, st, cache, stamp, marks)
    add_release_sheets(wb, release, numbers, layout, series, labels, st, cache, stamp, marks)
    block_titles = {k: layout.title(k) for k in MARKED_SHEETS}
    block_titles |= {k: labels[f"sheet.{k}"] for k in RELEASE_MARKED}
    marks.write(sheets["marks"], cache, block_titles)
    header = labels["title"]
    footer = labels.fmt("print.footer", version=__version__, generated=stamp)
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            page_texts(ws, header, footer)
    props = wb.properties
    props.title = labels["title"]
    props.subject = (
        f"{labels['subtitle']}: {options.definition}, {options.cf_method}, {options.basis}"
    )
    props.creator = options.author
    props.lastModifiedBy = options.author
    props.created = props.modified = when.replace(tzinfo=None)
    props.keywords = "digital deficit; current account; Japan"
    props.language = options.lang
    wb.calculation = CalcProperties(fullCalcOnLoad=True)
    wb.active = 0
    return Briefing(wb, cache, numbers, layout)


def write_briefing(
    options: BriefOptions,
    out: str | os.PathLike[str],
    force: bool = False,
    dataset: Dataset | None = None,
    generated: _dt.datetime | None = None,
) -> Briefing:
    """Build and write atomically (with ``pdf``, the PDF beside it): refused if ``out`` exists
    unless ``force``; returns what was built.

    The target is checked before building (a directory or a device is refused even with
    ``force``); a replaced file keeps its permissions.
    """
    target = Path(out)
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a directory; give a file name")
    if (target.exists() or target.is_symlink()) and not target.is_file():
        raise OSError(f"{target} is not a regular file; refusing to replace it")
    if target.exists() and not force:
        raise OutputExistsError(f"{target} exists; use --force to overwrite it")
    pdf = pdf_target(target, force) if options.pdf else None
    briefing = build_briefing(options, dataset, generated)
    write_atomic(target, briefing.to_bytes(), overwrite=force)
    if pdf is not None:
        left_out = unprinted_titles(briefing.workbook, Labels(options.lang), briefing.layout)
        try:
            print_workbook(briefing.workbook, briefing.to_bytes, left_out, pdf, force)
        except PdfError as exc:
            raise PdfError(f"wrote {target}, but no PDF: {exc}") from None
    return briefing
