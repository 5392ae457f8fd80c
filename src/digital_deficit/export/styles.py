"""Fonts, fills, number formats and page setup shared by every sheet."""

from __future__ import annotations

import re
from collections.abc import Hashable
from copy import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side


@dataclass(frozen=True)
class Language:
    """What a language changes in the layout (measured on the rendered pages): the font, the
    height of its lines in points per point of font size (Meiryo's are taller than Calibri's),
    the characters of 10-point Latin text a unit of column width holds (a unit is a digit's
    width; a full-width character takes two), and the width of a year's column (a marked
    amount, "≈-¥10.89T†" or "≈-10.89兆円†", fits)."""

    font: str
    leading: float
    chars_per_width: float
    year_width: float


# Calibri in Excel (Carlito is metric-compatible in LibreOffice); Meiryo has Japanese glyphs on
# every Windows since Vista and in Office for Mac.
LANGUAGES: dict[str, Language] = {
    "en": Language("Calibri", 1.3, 1.2, 10.5),
    "ja": Language("Meiryo", 1.65, 0.95, 12.5),
}


@lru_cache(maxsize=8192)  # a Data sheet repeats its labels and sources row after row
def wrapped_lines(text: str, width: float, size: float = 10, chars_per_width: float = 1.2) -> int:
    """The lines ``text`` takes wrapped in ``width`` units of column width at ``size`` points:
    words kept whole (a full-width character is a word of its own, two units wide)."""
    per_line = max(1, int(width * chars_per_width * 10 / size))
    lines = 0
    for part in text.split("\n"):
        if part.isascii() and len(part) <= per_line:
            lines += 1
            continue
        used, count = 0, 1
        for word in _WORDS.findall(part):
            size_of = sum(2 if ord(c) > 0x2E7F else 1 for c in word)
            if used and used + size_of > per_line:
                count, used = count + 1, 0
            while size_of > per_line:  # a word longer than a line breaks where it must
                count, size_of = count + 1, size_of - per_line
            used += size_of
        lines += count
    return lines


_WORDS = re.compile(r"[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+")


NAVY = "1F3864"
BLUE = "2F5597"
GREY_TEXT = "595959"
LIGHT = "D9E1F2"
PALE = "F2F2F2"
INPUT = "FFF2CC"
RED = "C00000"


@dataclass(frozen=True)
class Styles:
    """The styles of one language (the font and the width of a character differ)."""

    font_name: str
    leading: float = 1.3
    chars_per_width: float = 1.2
    year_width: float = 10.5

    def lines(self, text: str, kind: str) -> int:
        """How many lines ``text`` takes in a wrapped cell of ``kind``: cover facts, notes (9
        points, Assumptions) or sources (the Sources sheet's texts)."""
        width, size = {"cover": (100, 10), "note": (70, 9), "source": (130, 10)}[kind]
        return wrapped_lines(text, width, size, self.chars_per_width)

    def lines_in(self, text: str, width: float, size: float = 10) -> int:
        """The lines ``text`` takes wrapped in ``width`` units of column width."""
        return wrapped_lines(text, width, size, self.chars_per_width)

    def height(self, text: str, width: float, size: float = 10, least: float = 0) -> float:
        """The row height (points) that shows ``text`` wrapped in ``width`` units of column
        width at ``size`` points (at least ``least``)."""
        lines = wrapped_lines(text, width, size, self.chars_per_width)
        return max(least, round(lines * size * self.leading + 3, 1))

    def font(
        self, size: float = 10, bold: bool = False, color: str = "000000", italic: bool = False
    ) -> Font:
        return _font(self.font_name, size, bold, color, italic)

    @property
    def body(self) -> Font:
        return self.font()

    @property
    def title(self) -> Font:
        return self.font(18, bold=True, color=NAVY)

    @property
    def subtitle(self) -> Font:
        return self.font(11, color=GREY_TEXT)

    @property
    def header(self) -> Font:
        return self.font(10, bold=True, color="FFFFFF")

    @property
    def section(self) -> Font:
        return self.font(10, bold=True, color=NAVY)

    @property
    def note(self) -> Font:
        return self.font(9, italic=True, color=GREY_TEXT)

    @property
    def key(self) -> Font:
        return self.font(9, color=GREY_TEXT)

    @property
    def emphasis(self) -> Font:
        return self.font(10, bold=True)


@lru_cache(maxsize=256)
def _font(name: str, size: float, bold: bool, color: str, italic: bool) -> Font:
    # one object per distinct font: building and hashing openpyxl fonts is slow
    return Font(name=name, size=size, bold=bold, color=color, italic=italic)


class StyleCache:
    """Styles a cell like an earlier cell of the same kind by copying its style indices.

    Setting fonts, borders and alignments one by one makes openpyxl hash each of them; a
    workbook's period tables repeat a handful of combinations, so the first cell of a kind is
    styled normally and the others copy its style array. One cache per workbook.
    """

    def __init__(self) -> None:
        self._arrays: dict[Hashable, Any] = {}

    def reuse(self, cell: Any, kind: Hashable) -> bool:
        """Give ``cell`` the style of its ``kind`` if one was styled already (True), else
        leave it to ``apply``."""
        array = self._arrays.get(kind)
        if array is None:
            return False
        _give(cell, array)
        return True

    def apply(self, cell: Any, kind: Hashable, **attributes: Any) -> None:
        """Give ``cell`` the ``attributes`` (font=..., number_format=...) of its ``kind``."""
        array = self._arrays.get(kind)
        if array is None:
            for name, value in attributes.items():
                setattr(cell, name, value)
            self._arrays[kind] = copy(cell._style)
        else:
            _give(cell, array)


def _give(cell: Any, array: Any) -> None:
    """Copy a style array into ``cell``, keeping the cell's own quote prefix (text from a data
    file that starts with "=" stays text when edited in Excel, ``cells.put_text``)."""
    quoted = getattr(cell._style, "quotePrefix", 0)  # a new cell has no style array yet
    cell._style = copy(array)
    cell._style.quotePrefix = quoted


def merge(ws: Any, cells: str) -> None:
    """Merge a range of cells (a wrapped text across a table's width). Unlike openpyxl's
    merge_cells, the covered cells are not rebuilt with borders (each rebuild is slow and the
    covered cells are empty)."""
    from openpyxl.worksheet.merge import MergedCellRange

    ws.merged_cells.add(MergedCellRange(ws, cells))


def set_default_font(workbook: Any, st: Styles) -> None:
    """Make the language's body font the workbook default (cells without a font use it)."""
    from openpyxl.utils.indexed_list import IndexedList

    fonts = IndexedList()
    fonts.add(st.body)
    for font in workbook._fonts[1:]:
        fonts.add(font)
    workbook._fonts = fonts
    workbook._named_styles["Normal"].font = st.body


HEADER_FILL = PatternFill("solid", fgColor=NAVY)
SECTION_FILL = PatternFill("solid", fgColor=LIGHT)
TOTAL_FILL = PatternFill("solid", fgColor=PALE)
INPUT_FILL = PatternFill("solid", fgColor=INPUT)
THIN = Side(style="thin", color="BFBFBF")
BOTTOM = Border(bottom=THIN)
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
RIGHT = Alignment(horizontal="right", vertical="center")
LEFT = Alignment(horizontal="left", vertical="center")
CENTER = Alignment(horizontal="center", vertical="center")
TOP = Alignment(vertical="top")
WRAP_MIDDLE = Alignment(horizontal="left", vertical="center", wrap_text=True)
WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)
WRAP_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def styles_for(lang: str) -> Styles:
    """The styles of a language (en or ja)."""
    language = LANGUAGES[lang]
    return Styles(language.font, language.leading, language.chars_per_width, language.year_width)


def page_setup(ws: Any, print_area: str, fit_height: bool = False) -> None:
    """Landscape A4, all columns on one page wide (and, if asked, the whole sheet on one
    page), centred, with its print area (the builder gives every visible sheet its header and
    footer, ``page_texts``)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if fit_height else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = print_area
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3


def page_texts(ws: Any, header: str, footer: str) -> None:
    """The printed page's header (the title, the sheet) and footer (version, page n / N)."""
    ws.oddHeader.left.text = header
    ws.oddHeader.left.size = 8
    ws.oddHeader.right.text = "&A"
    ws.oddHeader.right.size = 8
    ws.oddFooter.left.text = footer
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "&P / &N"
    ws.oddFooter.right.size = 8
