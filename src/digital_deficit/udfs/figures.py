"""The data UDFs: published figures, series, citations and the vocabularies, as cell values.

The dataset is the embedded published figures with the user's dataset file read on top (the
file ``udfs.data_file`` names) and the table of the ``data`` range on top of both. Nothing is
kept between calls except the parsed file, which ``load_dataset`` reads again when its size or
time changes, and the parsed tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from digital_deficit.core.definitions import (
    DEFINITION_IDS,
    DEFINITIONS,
    Definition,
)
from digital_deficit.core.errors import InputError
from digital_deficit.core.items import AGGREGATE_ITEMS, ITEMS, check_side, get_item
from digital_deficit.core.periods import Period, excel_serial_date, parse_period, period_of_month
from digital_deficit.core.values import describe
from digital_deficit.udfs.args import (
    Cell,
    Output,
    Shape,
    basis_arg,
    cell,
    choose,
    definition_arg,
    excel_errors,
    is_blank,
    period_arg,
    period_cells,
    read_cells,
    shaped,
    text_arg,
    unwrap,
)
from digital_deficit.udfs.data_file import configured_data_file
from digital_deficit.udfs.data_table import NAME as TABLE_ORIGIN
from digital_deficit.udfs.data_table import with_table

if TYPE_CHECKING:
    from digital_deficit.data.dataset import Dataset
    from digital_deficit.data.figures import Figure


def dataset(data: object = None) -> Dataset:
    """The dataset a data UDF reads: the embedded figures, the user's dataset file on top
    (checked for changes on each call), and the table in the ``data`` range on top of both."""
    from digital_deficit.data.embedded import load_dataset

    return with_table(load_dataset(configured_data_file()), data)


def _item(value: object) -> str:
    text = text_arg("item", value, "", "an item id such as digital or services")
    if not text:
        raise InputError("item", "is blank; expected an item id such as digital or services")
    return choose("item", get_item, text.lower()).id


# Items published only as one side (an import bill has no receipts and no net balance): the
# side when the side argument is blank.
def _options(
    item_id: str, definition: object, side: object, vintage: object
) -> tuple[Definition, str, str | None]:
    """The definition, side and vintage arguments, checked against the item."""
    if item_id not in AGGREGATE_ITEMS and not is_blank(unwrap(definition)):
        raise InputError(
            "definition",
            f"applies only to the digital item; leave it blank for {item_id}",
        )
    chosen = definition_arg(definition)
    published_sides = get_item(item_id).sides
    only = published_sides[0] if len(published_sides) == 1 else None
    side_text = text_arg("side", side, only or "net", "net, credit or debit").lower()
    side_id = choose("side", check_side, side_text)
    if only and side_id != only:
        raise InputError(
            "side",
            f"is {side_id}, but {item_id} is published only as a {only} "
            f"(the import bill); leave side blank or use {only}",
        )
    vintage_id = text_arg("vintage", vintage, "", "a vintage such as preliminary") or None
    if vintage_id is not None:
        from digital_deficit.data.vintage import VINTAGE_FORMS, vintage_rank

        vintage_id = vintage_id.lower()
        try:
            vintage_rank(vintage_id)
        except ValueError:
            raise InputError(
                "vintage", f"is {describe(vintage_id)}; expected {VINTAGE_FORMS}"
            ) from None
    return chosen, side_id, vintage_id


def _figure(
    data: Dataset,
    item_id: str,
    period: Period,
    definition: Definition,
    side: str,
    vintage: str | None,
) -> Figure:
    from digital_deficit.data.figures import digital_figure, item_figure

    if item_id in AGGREGATE_ITEMS:
        return digital_figure(data, period, period.basis, definition, side, vintage=vintage)
    return item_figure(data, item_id, period, period.basis, side, vintage=vintage)


def _figures(
    item: object,
    period: object,
    basis: object,
    definition: object,
    side: object,
    vintage: object,
    data: object,
) -> tuple[list[Figure | None], Shape, Dataset]:
    """The figure for each period cell (None for a blank cell), the cells' shape and the
    dataset read."""
    item_id = _item(item)
    chosen, side_id, vintage_id = _options(item_id, definition, side, vintage)
    periods = read_cells("period", period)
    basis_id = basis_arg(basis)
    found = dataset(data)
    parsed = period_cells(periods, basis_id)
    figures = [
        None if p is None else _figure(found, item_id, p, chosen, side_id, vintage_id)
        for p in parsed
    ]
    if not basis_id:
        cells = enumerate(zip(periods.values, parsed, figures, strict=True), start=1)
        for i, (written, p, fig) in cells:
            if p is not None and _a_date(written, p) and (fig is None or fig.value is None):
                position = None if periods.scalar else i
                _no_month_for_a_date(found, item_id, chosen, written, p, position)
                break  # the first missing date tells whether the item has monthly figures
    return figures, periods.shape, found


def _no_month_for_a_date(
    data: Dataset,
    item_id: str,
    definition: Definition,
    written: object,
    period: Period,
    position: int | None,
    name: str = "period",
) -> None:
    """A date typed without a basis is its month: say so when the item has no monthly figures.

    It never falls back to a year on its own: 2025-03-31 is in CY2025 and in FY2024.
    """
    if _series_span(data, item_id, definition, "M") is not None:
        return
    cy, fy, q = (period_of_month(period.year, period.index, b).label for b in ("CY", "FY", "Q"))
    shown = describe(written)
    if isinstance(written, (int, float)):
        shown += f" (the date {excel_serial_date(int(written))})"
    raise InputError(
        name,
        f"is {shown}, which without a basis is the month {period.label}; {item_id} has no "
        f"monthly figures: give the basis CY for {cy}, FY for {fy} (April to March) or Q for {q}",
        position,
    )


def _a_date(written: object, period: Period) -> bool:
    """A cell that is a date (a datetime, or an Excel date serial under Lite), read as a month."""
    return period.basis == "M" and not isinstance(written, str)


@excel_errors
def value(
    item: object,
    period: object,
    basis: object = None,
    definition: object = None,
    side: object = None,
    vintage: object = None,
    data: object = None,
) -> Output:
    """The figure of ``item`` for each period given (oku yen); #N/A where not published."""
    figures, shape, _ = _figures(item, period, basis, definition, side, vintage, data)
    return shaped([None if f is None else f.value for f in figures], shape)


@excel_errors
def source(
    item: object,
    period: object,
    basis: object = None,
    definition: object = None,
    side: object = None,
    vintage: object = None,
    data: object = None,
) -> Output:
    """Citation and vintage of each figure ``value`` returns; #N/A where there is none.

    A figure from the embedded figures although a data file or range was given says so.
    """
    figures, shape, found = _figures(item, period, basis, definition, side, vintage, data)
    given = _given(found)
    texts = [None if f is None or f.value is None else citation(f, found, given) for f in figures]
    return shaped(texts, shape)


def citation(fig: Figure, found: Dataset | None = None, given: str | None = None) -> str:
    """One line: "source [vintage]", or "how: source [vintage]; ..." for a derived figure; first
    "embedded figure, not from boj.csv: " when it falls back on the embedded figures although
    a data file or range was given (first, so that a narrow cell shows it)."""
    from digital_deficit.data.provenance import fallback_note

    cites = "; ".join(dict.fromkeys(o.citation for o in fig.sources))
    text = cites if fig.how == "published" else f"{fig.how}: {cites}"
    note = None if found is None else fallback_note(found, fig.sources, given)
    return text if note is None else f"{note}: {text}"


def _given(found: Dataset) -> str | None:
    """What the user read on top of the embedded figures, in words: the data file's name, the
    data range, or both ("boj.csv or the data range"); None for nothing."""
    from digital_deficit.data.provenance import holds_data_file

    if not holds_data_file(found):
        return None
    named = configured_data_file()
    parts = [Path(named).name] if named else []
    if found.file_origin == TABLE_ORIGIN:
        parts.append("the data range")
    return " or ".join(parts) or None


def _series_span(
    data: Dataset, item_id: str, definition: Definition, basis: str
) -> tuple[Period, Period] | None:
    """First and last period on ``basis`` with a stored figure that can make up the series."""
    if item_id in AGGREGATE_ITEMS:
        wanted = {("digital", definition.id)} | {(i, "") for i in definition.items}
    else:
        wanted = {(item_id, "")} | {(p, "") for p in get_item(item_id).parts}
    texts = {
        o.period
        for o in data
        if o.basis == basis and (o.item, o.definition) in wanted and o.country == "JPN"
    }
    if not texts:
        return None
    # Stored period texts are canonical, so on one basis text order is time order.
    return parse_period(min(texts), basis), parse_period(max(texts), basis)


@excel_errors
def series(
    item: object,
    first: object = None,
    last: object = None,
    basis: object = None,
    definition: object = None,
    side: object = None,
    vintage: object = None,
    data: object = None,
) -> list[list[Cell]]:
    """Period and value of ``item`` for every period from ``first`` to ``last``, with a header.

    Without ``first``/``last`` the series runs from the first to the last published period.
    """
    item_id = _item(item)
    chosen, side_id, vintage_id = _options(item_id, definition, side, vintage)
    basis_id = basis_arg(basis)
    start = _bound("first", first, basis_id, last=False)
    end = _bound("last", last, basis_id, last=True)
    basis_id = basis_id or (start or end or Period("CY", 2000)).basis
    if start and end and start.basis != end.basis:
        raise InputError("last", f"is a {end.basis} period but first is a {start.basis} period")
    found = dataset(data)
    if not basis_arg(basis):
        for name, bound, written in (("first", start, first), ("last", end, last)):
            if bound is not None and _a_date(unwrap(written), bound):
                _no_month_for_a_date(found, item_id, chosen, unwrap(written), bound, None, name)
    if start is None or end is None:
        span = _series_span(found, item_id, chosen, basis_id)
        if span is not None:
            start, end = start or span[0], end or span[1]
    title = f"{_label(item_id, chosen)} ({side_id}, oku yen)"
    header: list[Cell] = ["Period", title]
    rows: list[list[Cell]] = [header]
    if start is None or end is None:
        return rows
    if end < start:
        raise InputError("last", f"is {end.label}, before first ({start.label})")
    from digital_deficit.data.provenance import embedded_fallbacks

    period, embedded = start, []
    while period <= end:
        fig = _figure(found, item_id, period, chosen, side_id, vintage_id)
        rows.append([_period_cell(period), cell(fig.value)])
        if fig.value is not None and embedded_fallbacks(found, fig.sources):
            embedded.append(period.label)
        period = period.shift(1)
    if embedded:  # the numbers cannot say it: the header does
        header[1] = (
            f"{title}; {_embedded_periods(embedded, len(rows) - 1)}, not from {_given(found)}"
        )
    return rows


def _embedded_periods(labels: list[str], count: int) -> str:
    """ "embedded figures in 2014-2016, 2019", or "in 30 of the 48 periods" when that is long."""
    from digital_deficit.data.provenance import year_ranges

    listed = year_ranges(labels)
    return "embedded figures in " + (
        listed if len(listed) <= 40 else f"{len(labels)} of the {count} periods"
    )


def _bound(name: str, value: object, basis: str, last: bool) -> Period | None:
    """First or last period of a series; a plain year on a sub-annual basis is its first or
    last half, quarter or month."""
    cells = read_cells(name, value)
    if not cells.scalar:
        raise InputError(name, "is a range; expected one period")
    if is_blank(cells.values[0]):
        return None
    if basis in ("H", "Q", "M"):
        written = period_arg(name, cells.values[0], "")
        if written.basis == "CY":
            year, month = written.months()[-1 if last else 0]
            return period_of_month(year, month, basis)
    return period_arg(name, cells.values[0], basis)


def _period_cell(period: Period) -> Cell:
    """A calendar year as a number (2024), any other period as its text (FY2024, 2024-03)."""
    return float(period.year) if period.basis == "CY" else period.label


def _label(item_id: str, definition: Definition) -> str:
    if item_id in AGGREGATE_ITEMS:
        return f"Digital balance ({definition.id})"
    return get_item(item_id).label_en


def items() -> list[list[Cell]]:
    """The item vocabulary: id, English and Japanese labels, BPM6 code, notes."""
    rows: list[list[Cell]] = [["id", "English", "Japanese", "code", "parts", "note"]]
    for item in ITEMS:
        rows.append(
            [item.id, item.label_en, item.label_ja, item.code, ", ".join(item.parts), item.note]
        )
    return rows


def definitions() -> list[list[Cell]]:
    """The digital-deficit definitions: id, items, English and Japanese labels, source."""
    rows: list[list[Cell]] = [["id", "items", "English", "Japanese", "source"]]
    for d in DEFINITIONS.values():
        rows.append([d.id, ", ".join(d.items), d.label_en, d.label_ja, d.source])
    assert DEFINITION_IDS[-1] == "custom"
    rows.append(
        [
            "custom",
            "item ids separated by commas",
            "Any set of items you name, e.g. copyright_royalties,computer_services",
            "任意の項目の組合せ",
            "user-defined",
        ]
    )
    return rows
