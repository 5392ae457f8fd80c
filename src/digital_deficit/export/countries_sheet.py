"""The Countries sheet: Japan beside other countries on an IMF-comparable definition, in million
US dollars; live formulas over its own table of the IMF figures used (and, for Japan converted
from oku yen, over the Data sheet and the rate cell ``USD_JPY``)."""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break

from digital_deficit.core.catalogue import get_metric
from digital_deficit.core.excel import to_excel
from digital_deficit.core.items import get_item
from digital_deficit.data.figures import Figure
from digital_deficit.export.cells import NA_TEXT, CacheBook, Content, Formula, put, quote_sheet
from digital_deficit.export.cells import value_or_na as cached_value
from digital_deficit.export.country_numbers import (
    COMPARABLE,
    CONVERTED,
    IMF,
    OKU_IN_MILLIONS,
    CountryNumbers,
    CountryRow,
)
from digital_deficit.export.formats import OKU, formats_for, marked
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import Layout
from digital_deficit.export.numbers import SIDES
from digital_deficit.export.release_format import style_amount
from digital_deficit.export.styles import (
    BOTTOM,
    BOX,
    HEADER_FILL,
    INPUT_FILL,
    LEFT,
    RIGHT,
    WRAP,
    WRAP_MIDDLE,
    StyleCache,
    Styles,
    page_setup,
)
from digital_deficit.export.tables import set_widths, title_block

RATE_NAME = "USD_JPY"
RATE_ROW = 4
SUMMARY_ROW = 7
SUMMARY_STATS = ("net", "debit", "credit", "ratio", "base_net", "debit_x", "credit_x")
DATA_COLUMNS = ("period", "item", "side", "value", "unit", "vintage", "source")
DATA_TOP = 4  # the Country data sheet's header row
RATE = "0.00"
ONE_PAGE_ROWS = 60
"""The Countries sheet prints on one page up to this many rows (about seven countries)."""
NAME_WIDTH, HOW_WIDTH, COLUMN_WIDTH = 30, 22, 13
NOTE_WIDTH = NAME_WIDTH + HOW_WIDTH + 7 * COLUMN_WIDTH
"""Columns A to I (the summary's), where the notes wrap."""


def figure_marks(own: list[Figure], others: tuple[Figure, ...] = ()) -> tuple[bool, bool]:
    """(≈, †) of a number over figures of its own year and ``others`` (an earlier year's): any
    rounded figure; vintages mixed within its own year. The Countries sheet's figures do not
    follow the Assumptions, so these marks are fixed formats."""
    rounded = any(f.value is not None and f.precision > 1 for f in (*own, *others))
    vintages = {v for f in own if f.value is not None for v in f.vintages}
    return rounded, len(vintages) > 1


def obs_row(obs: Any) -> tuple[str, ...]:
    """An observation's key with its vintage (its row in a table of observations)."""
    return (*obs.key, obs.vintage)


def country_name(labels: Labels, code: str) -> str:
    """ "Germany (DEU)"; the code alone where the language has no name for it."""
    name = labels.get(f"country.{code}", "")
    return labels.fmt("countries.name", name=name, code=code) if name else code


def _converted(fig: Figure, data: Layout, value: float | None) -> Content:
    cells = {
        name: data.data_ref((*obs.key, obs.vintage)) for name, obs in fig.observations().items()
    }
    body = f"({to_excel(fig.expr, cells)})*{OKU_IN_MILLIONS}/{RATE_NAME}"
    return Formula(f'=IF(COUNT({RATE_NAME})<1,"n/a",{body})', cached_value(value))


def write_countries(
    ws: Any,
    ws_data: Any,
    wb: Any,
    found: CountryNumbers,
    data: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
) -> None:
    """The Countries sheet (rate, latest-year summary, the years) and the Country data sheet
    (the IMF figures used, which its formulas read)."""
    styler = StyleCache()
    title_block(ws, st, labels["countries.title"], labels["countries.subtitle"])
    ws["A2"].alignment = WRAP
    ws.merge_cells("A2:I2")
    ws.row_dimensions[2].height = 44
    _rate(ws, wb, found, labels, st, cache)
    years = found.years
    year_row0 = SUMMARY_ROW + len(found.rows) + 3 + len(_notes(found, labels)) + 1
    positions: dict[tuple[str, str], int] = {}
    row = year_row0 + 1
    for country in found.rows:
        for side in SIDES:
            positions[(country.country, side)] = row
            row += 1
    obs = found.observations(IMF)
    source = quote_sheet(ws_data.title)
    block = {obs_row(o): f"{source}!$E${DATA_TOP + 1 + i}" for i, o in enumerate(obs)}

    def cell(country: str, side: str, year: int) -> str:
        return f"{get_column_letter(3 + years.index(year))}{positions[(country, side)]}"

    _summary(ws, found, labels, st, cache, cell, styler)
    _year_table(ws, found, data, labels, st, cache, year_row0, positions, block, styler)
    _data_table(ws_data, labels, st, cache, obs)
    set_widths(
        ws,
        {
            "A": NAME_WIDTH,
            "B": HOW_WIDTH,
            **{get_column_letter(3 + i): COLUMN_WIDTH for i in range(max(7, len(years)))},
        },
    )
    last = get_column_letter(max(9, 2 + len(years)))
    # a handful of countries on one page; more, and the year table starts the second page
    one_page = row <= ONE_PAGE_ROWS
    if not one_page:
        ws.row_breaks.append(Break(id=year_row0 - 2))
    page_setup(ws, f"A1:{last}{row}", fit_height=one_page)
    ws.print_title_rows = "1:1"
    ws.sheet_view.showGridLines = False


def _rate(
    ws: Any, wb: Any, found: CountryNumbers, labels: Labels, st: Styles, cache: CacheBook
) -> None:
    put(ws, f"A{RATE_ROW}", labels["countries.rate"], cache).font = st.emphasis
    rate = ws[f"B{RATE_ROW}"]
    rate.value = found.rate
    rate.number_format = RATE
    rate.fill, rate.border, rate.font = INPUT_FILL, BOX, st.emphasis
    rule = DataValidation(type="decimal", operator="between", formula1="1", formula2="1000")
    rule.allow_blank = True
    ws.add_data_validation(rule)
    rule.add(rate.coordinate)
    japan = found.rows[0].how
    key = "countries.rate.imf" if japan == IMF else "countries.rate.user"
    if japan not in (IMF, CONVERTED):
        key = "countries.rate.none"
    text = labels.fmt(key, rate=f"{found.rate:g}" if found.rate else "")
    put(ws, f"C{RATE_ROW}", text, cache).font = st.note
    title = quote_sheet(ws.title)
    wb.defined_names[RATE_NAME] = DefinedName(RATE_NAME, attr_text=f"{title}!$B${RATE_ROW}")


def _summary(
    ws: Any,
    found: CountryNumbers,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    cell: Any,
    styler: StyleCache,
) -> None:
    y, b = found.latest_year, found.base_year
    put(ws, f"A{SUMMARY_ROW - 1}", labels.fmt("countries.latest", year=y, base=b), cache)
    ws[f"A{SUMMARY_ROW - 1}"].font = st.section
    texts = [
        labels["countries.col.country"],
        labels["countries.col.how"],
        labels.fmt("countries.col.net", year=y),
        labels.fmt("countries.col.debit", year=y),
        labels.fmt("countries.col.credit", year=y),
        labels.fmt("countries.col.ratio", year=y),
        labels.fmt("countries.col.net", year=b),
        labels.fmt("countries.col.debit_x", base=b),
        labels.fmt("countries.col.credit_x", base=b),
    ]
    _header(ws, st, SUMMARY_ROW, texts)
    ratio, multiple = get_metric("payments_to_receipts"), get_metric("multiple")
    times = formats_for(labels).times
    for offset, country in enumerate(found.rows, start=1):
        row = SUMMARY_ROW + offset
        put(ws, f"A{row}", country_name(labels, country.country), cache)
        put(ws, f"B{row}", labels[f"countries.how.{country.how}"], cache)
        v, figs = country.values, country.figures
        # (content, format, (≈, †)) of each column
        contents: list[tuple[Content, str, tuple[bool, bool]]] = []
        for side in SIDES:
            where = cell(country.country, side, y)
            contents.append((_ref(where, v[(side, y)]), OKU, figure_marks([figs[(side, y)]])))
        pair = {"payments": f"D{row}", "receipts": f"E{row}"}
        flows = [figs[("debit", y)], figs[("credit", y)]]
        contents.append(
            (
                _rule(ratio, pair, v[("debit", y)], v[("credit", y)], "payments", "receipts"),
                times,
                figure_marks(flows),
            )
        )
        where = cell(country.country, "net", b)
        contents.append((_ref(where, v[("net", b)]), OKU, figure_marks([figs[("net", b)]])))
        for side in ("debit", "credit"):
            refs = {
                "current": cell(country.country, side, y),
                "base": cell(country.country, side, b),
            }
            growth = _rule(multiple, refs, v[(side, y)], v[(side, b)], "current", "base")
            contents.append((growth, times, figure_marks([figs[(side, y)]], (figs[(side, b)],))))
        for col, (content, base, (rounded, mixed)) in zip("CDEFGHI", contents, strict=True):
            target = put(ws, f"{col}{row}", content, cache)
            fmt = marked(base, rounded, mixed)
            styler.apply(
                target,
                ("sum", fmt),
                number_format=fmt,
                alignment=RIGHT,
                border=BOTTOM,
                font=st.body,
            )
        for col in "AB":
            styler.apply(
                ws[f"{col}{row}"], "sum-label", alignment=LEFT, border=BOTTOM, font=st.body
            )
    row = SUMMARY_ROW + len(found.rows) + 2
    for text in _notes(found, labels):  # wrapped across the summary's columns
        note = put(ws, f"A{row}", text, cache)
        note.font, note.alignment = st.note, WRAP
        ws.merge_cells(f"A{row}:I{row}")
        ws.row_dimensions[row].height = st.height(text, NOTE_WIDTH, 9)
        row += 1


def _ref(coordinate: str, value: float | None) -> Content:
    return Formula(f"={coordinate}", cached_value(value))


def _rule(
    metric: Any, refs: dict[str, str], a: float | None, b: float | None, na: str, nb: str
) -> Content:
    return Formula("=" + metric.to_excel(refs), cached_value(metric.evaluate({na: a, nb: b})))


def _notes(found: CountryNumbers, labels: Labels) -> list[str]:
    notes = []
    if found.not_found:
        names = ", ".join(country_name(labels, c) for c in found.not_found)
        notes.append(labels.fmt("countries.note.not_found", countries=names))
    for row in found.rows:
        if row.missing_items and row.country not in found.not_found:
            items = labels["release.list_sep"].join(labels.item(i) for i in row.missing_items)
            notes.append(
                labels.fmt(
                    "countries.note.items", country=country_name(labels, row.country), items=items
                )
            )
    codes = labels["countries.plus"].join(
        labels.fmt("countries.named_item", code=get_item(i).code, name=labels.item(i))
        for i in COMPARABLE.items
    )
    notes.append(labels.fmt("countries.note.definition", items=codes))
    return notes


def _header(ws: Any, st: Styles, row: int, texts: list[str]) -> None:
    for i, text in enumerate(texts):
        cell = ws.cell(row, 1 + i)
        cell.value = text
        cell.font, cell.fill, cell.alignment = st.header, HEADER_FILL, WRAP_MIDDLE
    ws.row_dimensions[row].height = 30


def _year_table(
    ws: Any,
    found: CountryNumbers,
    data: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    header: int,
    positions: dict[tuple[str, str], int],
    block: dict[tuple[str, ...], str],
    styler: StyleCache,
) -> None:
    put(ws, f"A{header - 1}", labels["countries.by_year"], cache).font = st.section
    _header(
        ws,
        st,
        header,
        [
            labels["countries.col.country"],
            labels["countries.col.series"],
            *(labels.fmt("period.CY", year=y) for y in found.years),
        ],
    )
    for country in found.rows:
        for side in SIDES:
            row = positions[(country.country, side)]
            put(ws, f"A{row}", country_name(labels, country.country), cache)
            put(ws, f"B{row}", labels[f"release.side.{side}"], cache)
            for col in "AB":
                styler.apply(
                    ws[f"{col}{row}"], "year-label", alignment=LEFT, border=BOTTOM, font=st.body
                )
            for i, year in enumerate(found.years):
                content = _year_cell(country, side, year, data, block)
                target = put(ws, f"{get_column_letter(3 + i)}{row}", content, cache)
                marks = figure_marks([country.figures[(side, year)]])
                style_amount(styler, target, st, *marks)


def _year_cell(
    country: CountryRow,
    side: str,
    year: int,
    data: Layout,
    block: dict[tuple[str, ...], str],
) -> Content:
    fig = country.figures[(side, year)]
    value = country.values[(side, year)]
    if fig.value is None:
        return NA_TEXT
    if country.how != IMF:
        return _converted(fig, data, value)
    cells = {name: block[obs_row(obs)] for name, obs in fig.observations().items()}
    return Formula("=" + to_excel(fig.expr, cells), cached_value(value))


def _data_table(
    ws: Any,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    observations: list[Any],
) -> None:
    """Every IMF figure the Countries sheet uses, with its source and vintage."""
    title_block(ws, st, labels["countries.data"], labels["countries.subtitle_data"])
    texts = [
        labels["countries.col.country"],
        *(labels[f"countries.data.{c}"] for c in DATA_COLUMNS),
    ]
    _header(ws, st, DATA_TOP, texts)
    styler = StyleCache()
    for i, obs in enumerate(observations, start=1):
        row = DATA_TOP + i
        texts = [obs.country, obs.period, labels.item(obs.item), labels.word("side", obs.side)]
        for col, text in zip("ABCD", texts, strict=True):
            put(ws, f"{col}{row}", text, cache)
        ws[f"E{row}"].value = obs.value
        put(ws, f"F{row}", labels.word("unit", obs.unit), cache)
        put(ws, f"G{row}", labels.vintage(obs.vintage), cache)
        put(ws, f"H{row}", obs.source, cache)
        styler.apply(
            ws[f"E{row}"], "value", number_format="#,##0.00", alignment=RIGHT, font=st.body
        )
        for col in "ABCDFGH":
            styler.apply(ws[f"{col}{row}"], "text", font=st.body, alignment=LEFT)
    set_widths(ws, {"A": 9, "B": 8, "C": 44, "D": 10, "E": 15, "F": 18, "G": 12, "H": 150})
    ws.freeze_panes = f"A{DATA_TOP + 1}"
    page_setup(ws, f"A1:H{DATA_TOP + len(observations)}")
    ws.print_title_rows = f"{DATA_TOP}:{DATA_TOP}"
    ws.sheet_view.showGridLines = False
