"""The Latest release's statistics: which months each reads (the latest month, a year before
it, the year to date and the 12 months to each), their cells (catalogue entries over the Months
sheet) and the core's values, the column headers and the release's three sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from digital_deficit.core.catalogue import get_metric
from digital_deficit.core.catalogue_release import year_to_date
from digital_deficit.core.metric import Metric
from digital_deficit.core.periods import period_of_month
from digital_deficit.export.cells import NA_TEXT, Content, Formula, quote_sheet
from digital_deficit.export.cells import value_or_na as cached_value
from digital_deficit.export.formats import APPROX, DAGGER
from digital_deficit.export.i18n import Labels
from digital_deficit.export.marks import Loc, MarkBook
from digital_deficit.export.month_numbers import MonthNumbers, Series
from digital_deficit.export.months_sheet import MonthsLayout
from digital_deficit.export.release_format import (
    money,
    month_name,
    month_text,
    sentence,
    vintage_words,
)
from digital_deficit.export.text_formulas import Part, cat, lit, when

STATS: tuple[str, ...] = (
    "latest",
    "year_ago",
    "change",
    "growth",
    "ytd",
    "ytd_prev",
    "ytd_change",
    "r12",
    "r12_prev",
    "r12_change",
)
COLUMNS = "CDEFGHIJKL"
MESSAGE_ROW = 4
TABLE_ROW = 9  # the group header; the column header is the row below
RELEASE_KEY = "release"
"""The Latest release sheet's key (its shadows on the Marks sheet)."""


@dataclass
class ReleaseLayout:
    """Where each series and statistic sit on the Latest release sheet."""

    title: str
    rows: dict[str, int] = field(default_factory=dict)
    message_rows: tuple[int, ...] = ()
    notes: list[str] = field(default_factory=list)
    """The notes under the table."""

    def local(self, key: str, stat: str) -> str:
        return f"{COLUMNS[STATS.index(stat)]}{self.rows[key]}"

    def loc(self, key: str, stat: str) -> Loc:
        """A statistic's cell as its marks know it."""
        return Loc(RELEASE_KEY, self.local(key, stat))

    @property
    def notes_row(self) -> int:
        """The first note's row (below the table)."""
        return max(self.rows.values()) + 2

    @property
    def recent_row(self) -> int:
        """The title row of the last 13 months' table (after the notes)."""
        return self.notes_row + len(self.notes) + 1

    @property
    def height(self) -> int:
        """Rows of the sheet (the last 13 months' table ends it)."""
        return self.recent_row + 2 + len(self.rows)

    def ref(self, key: str, stat: str) -> str:
        column = COLUMNS[STATS.index(stat)]
        return f"{quote_sheet(self.title)}!${column}${self.rows[key]}"


@dataclass(frozen=True)
class Windows:
    """The months each statistic reads, as indices into the months shown (empty: not held)."""

    latest: int
    year_ago: int | None
    ytd: tuple[int, ...]
    ytd_prev: tuple[int, ...]
    r12: tuple[int, ...]
    r12_prev: tuple[int, ...]


def windows(months: MonthNumbers) -> Windows:
    """The latest month, a year before it, the year to date and the 12 months to each."""
    i = months.latest
    ytd = tuple(months.ytd_indices())
    r12 = tuple(range(i - 11, i + 1)) if i >= 11 else ()

    def earlier(span: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(j - 12 for j in span) if span and span[0] >= 12 else ()

    return Windows(i, i - 12 if i >= 12 else None, ytd, earlier(ytd), r12, earlier(r12))


def _sum_rule(span: tuple[int, ...]) -> Metric:
    return get_metric("twelve_month_sum") if len(span) == 12 else year_to_date(len(span))


def stat_cells(
    months: MonthNumbers,
    grid: MonthsLayout,
    release: ReleaseLayout,
    series: Series,
    marks: MarkBook | None,
) -> dict[str, tuple[Content, float | None]]:
    """Each statistic of one series: its cell content and the core's value (its marks
    recorded in ``marks``, where monthly cells can be marked)."""
    w, v, key = windows(months), series.values, series.key

    def over(stat: str, span: tuple[int, ...]) -> None:
        if marks is not None:
            marks.derived(release.loc(key, stat), [(grid.loc(key, j), True) for j in span])

    out: dict[str, tuple[Content, float | None]] = {}
    out["latest"] = (Formula("=" + grid.ref(key, w.latest), cached_value(v[w.latest])), v[w.latest])
    over("latest", (w.latest,))
    ago = None if w.year_ago is None else v[w.year_ago]
    out["year_ago"] = (NA_TEXT, None)
    if w.year_ago is not None:
        out["year_ago"] = (Formula("=" + grid.ref(key, w.year_ago), cached_value(ago)), ago)
        over("year_ago", (w.year_ago,))
    for stat, span in (
        ("ytd", w.ytd),
        ("ytd_prev", w.ytd_prev),
        ("r12", w.r12),
        ("r12_prev", w.r12_prev),
    ):
        if not span:
            out[stat] = (NA_TEXT, None)
            continue
        rule = _sum_rule(span)
        value = rule.evaluate({f"m{k + 1}": v[j] for k, j in enumerate(span)})
        refs = {f"m{k + 1}": grid.ref(key, j) for k, j in enumerate(span)}
        out[stat] = (Formula("=" + rule.to_excel(refs), cached_value(value)), value)
        over(stat, span)
    change, growth = get_metric("year_ago_change"), get_metric("year_ago_growth")
    for stat, now, before, rule in (
        ("change", "latest", "year_ago", change),
        ("growth", "latest", "year_ago", growth),
        ("ytd_change", "ytd", "ytd_prev", change),
        ("r12_change", "r12", "r12_prev", change),
    ):
        value = rule.evaluate({"current": out[now][1], "year_ago": out[before][1]})
        refs = {"current": release.local(key, now), "year_ago": release.local(key, before)}
        out[stat] = (Formula("=" + rule.to_excel(refs), cached_value(value)), value)
        if marks is not None:  # the year before is not of the change's own period
            inputs = [(release.loc(key, now), True), (release.loc(key, before), False)]
            marks.derived(release.loc(key, stat), inputs)
    return out


def ytd_words(labels: Labels, months: MonthNumbers, span: tuple[int, ...]) -> str:
    """The months of a year to date in words: "2025, Jan–Mar", "FY2024, Apr–Mar"."""
    if not span:
        return labels["release.na"]
    first, last = months.months[span[0]], months.months[span[-1]]
    year = period_of_month(first.year, first.index, months.basis).year
    return labels.fmt(
        f"release.ytd.{months.basis}",
        year=year,
        first=month_name(labels, first.index),
        last=month_name(labels, last.index),
    )


def headers(labels: Labels, months: MonthNumbers) -> list[str]:
    w = windows(months)

    def month(index: int | None) -> str:
        return labels["release.na"] if index is None else month_text(labels, months.months[index])

    r12 = labels.fmt("release.col.r12", month=month(w.latest))
    r12_prev = labels.fmt("release.col.r12", month=month(w.year_ago))
    change, growth = labels["release.col.change"], labels["release.col.growth"]
    return [
        month(w.latest),
        month(w.year_ago),
        change,
        growth,
        ytd_words(labels, months, w.ytd),
        ytd_words(labels, months, w.ytd_prev),
        change,
        r12,
        r12_prev,
        change,
    ]


def release_layout(months: MonthNumbers, labels: Labels) -> ReleaseLayout:
    rows = {s.key: TABLE_ROW + 2 + i for i, s in enumerate(months.release_series())}
    messages = tuple(range(MESSAGE_ROW, MESSAGE_ROW + 3))
    return ReleaseLayout(labels["sheet.release"], rows, messages, release_notes(months, labels))


def release_notes(months: MonthNumbers, labels: Labels) -> list[str]:
    """The notes under the table: the windows, the series missing, the revisions, n/a and,
    where a monthly cell can be marked, what ≈ and † mean."""
    notes = [
        labels.fmt("release.note.windows", definition=labels.name(months.numbers.definition.id))
    ]
    if months.missing:
        by_item: dict[str, list[str]] = {}
        for item, side in months.missing:
            by_item.setdefault(item, []).append(labels[f"release.side.{side}"])
        listed = labels["release.list_sep"].join(
            f"{labels.item(item)} ({labels['release.list_sep'].join(sides)})"
            for item, sides in by_item.items()
        )
        notes.append(labels.fmt("release.note.missing", items=listed))
    month = month_text(labels, months.latest_month)
    for key, (first, v1, latest, v2) in months.first_release.items():
        name = labels["row.sel_net"] if key == "sel:net" else labels.item(key.split(":")[1])
        notes.append(
            labels.fmt(
                "release.note.revision",
                series=name,
                month=month,
                first=f"{first:,.0f}",
                first_vintage=vintage_words(labels, v1),
                latest=f"{latest:,.0f}",
                latest_vintage=vintage_words(labels, v2),
            )
        )
    notes.append(labels["na_note"])
    if months.markable:
        notes.append(labels["marks_note"])
    return notes


def release_messages(
    months: MonthNumbers,
    release: ReleaseLayout,
    labels: Labels,
    values: dict[str, dict[str, float | None]],
    marks: MarkBook | None,
    external: bool = False,
) -> list[tuple[str, str]]:
    """The three sentences of the release, as live text formulas with their cached text (over
    the Latest release cells; ``external``: written on another sheet), each amount marked as
    its cell is (≈ before it, † after it) where monthly cells can be marked."""
    w = windows(months)
    where = release.ref if external else release.local

    def m(key: str, stat: str) -> Part:
        amount = money(labels, where(key, stat), values[key][stat])
        if marks is None:
            return amount
        loc = release.loc(key, stat)
        mark = marks.mark(loc)
        return cat(
            when(marks.rounded(loc, True), lit(APPROX), lit(""), mark.rounded),
            amount,
            when(marks.mixed(loc, True), lit(DAGGER), lit(""), mark.mixed),
        )

    month = month_text(labels, months.latest_month)
    ago = (
        labels["release.na"]
        if w.year_ago is None
        else month_text(labels, months.months[w.year_ago])
    )
    return [
        sentence(
            labels["release.msg.month" if w.year_ago is not None else "release.msg.month.alone"],
            {
                "value": m("sel:net", "latest"),
                "month": month,
                "ago_value": m("sel:net", "year_ago"),
                "ago": ago,
            },
        ),
        sentence(
            labels[f"release.msg.ytd.{months.basis}"],
            {
                "ytd": ytd_words(labels, months, w.ytd),
                "value": m("sel:net", "ytd"),
                "prev_value": m("sel:net", "ytd_prev"),
                "prev": ytd_words(labels, months, w.ytd_prev),
            },
        ),
        sentence(
            labels["release.msg.r12"],
            {
                "month": month,
                "value": m("sel:net", "r12"),
                "prev_value": m("sel:net", "r12_prev"),
                "payments": m("sel:debit", "r12"),
                "receipts": m("sel:credit", "r12"),
            },
        ),
    ]
