"""Issue 12's standards on the release-day sheets (issue 9), checked without a spreadsheet
engine, on a monthly + `--compare` + `--pdf` briefing in English, Japanese and FY:

- every monthly number built on a rounded figure shows ≈ and every one combining figures of
  different vintages shows † (and no other does), as the core's figures say: the Months
  cells, the Latest release's statistics and last 13 months, the glance page's table (the
  conditional formats evaluated on the cached shadows, as in test_briefing_marks);
- the release sentences carry the marks of the amounts they state; the glance page's key
  messages are the Cover's, marks included;
- no English code in the Japanese edition, outside the columns of identifiers;
- money with the minus before the currency, FY wording.

The data are the monthly test file with one month revised later and one rounded
(``monthly_release_data.with_marks``: synthetic) and the IMF fixture's countries.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from digital_deficit.core.catalogue import FAMILIES
from digital_deficit.data.csvio import read_dataset, write_dataset
from digital_deficit.data.figures import Figure, resolver_for
from digital_deficit.data.headline import Computed, Context
from digital_deficit.data.importers.dispatch import import_file
from digital_deficit.export.builder import Briefing, build_briefing
from digital_deficit.export.i18n import Labels
from digital_deficit.export.month_numbers import MonthNumbers, compute_months
from digital_deficit.export.months_sheet import TWELVE, months_layout
from digital_deficit.export.numbers import SIDES
from digital_deficit.export.options import BriefOptions
from digital_deficit.export.release_sheet import recent_months
from digital_deficit.export.release_stats import STATS, release_layout, windows
from tests.briefing_fixtures import GENERATED
from tests.monthly_release_data import monthly_file, with_marks
from tests.test_briefing_marks import Shown, english_codes, identifier_cells, shown

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.slow  # every test reads three release-day briefings (about 3 s)
VARIANTS: dict[str, dict[str, Any]] = {
    "en": {},
    "ja": {"lang": "ja"},
    "fy": {"basis": "FY", "definition": "narrow", "cf_method": "oguro1"},
}

Marks = tuple[bool, frozenset[str]] | None
"""(built on a rounded figure, vintages of its own period), None for a missing number."""


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("release_marks")
    japan = with_marks(read_dataset(monthly_file(tmp)).observations)
    imf = import_file(FIXTURES / "imf_portal_countries.xml", vintage="2026-04-01").dataset
    both = tmp / "both.csv"
    write_dataset(both, [*japan, *imf.observations])
    return both


@pytest.fixture(scope="module")
def built(data: Path) -> dict[str, Briefing]:
    common = {"data": str(data), "compare": "DEU,USA", "usdjpy": 150.0, "pdf": True}
    return {
        name: build_briefing(BriefOptions(**common, **options), generated=GENERATED)
        for name, options in VARIANTS.items()
    }


# --- what the core says -------------------------------------------------------------------


def _figure(fig: Figure) -> Marks:
    return None if fig.value is None else (fig.precision > 1, frozenset(fig.vintages))


def _computed(found: Computed) -> Marks:
    return None if found.value is None else (found.rounded, frozenset(found.vintages))


def _total(marks: Iterable[Marks]) -> Marks:
    """A sum of months: missing unless every month is there."""
    found = list(marks)
    if not found or any(m is None for m in found):
        return None
    return any(m[0] for m in found if m), frozenset().union(*(m[1] for m in found if m))


def _change(now: Marks, before: Marks) -> Marks:
    """A change on a year earlier: the year before is not of its own period."""
    if now is None or before is None:
        return None
    return now[0] or before[0], now[1]


def month_marks(months: MonthNumbers) -> dict[str, list[Marks]]:
    """Each Months column's marks, month by month, from the core's figures."""
    out: dict[str, list[Marks]] = {}
    for series in [
        *months.digital.values(),
        *months.components,
        *months.items,
        *months.cf_inputs.values(),
    ]:
        out[series.key] = [_figure(f) for f in series.figures]
    chosen = months.numbers.definition.id
    for side in SIDES:
        out[f"sel:{side}"] = out[f"def:{side}:{chosen}"]
    net = out["sel:net"]
    out[TWELVE] = [_total(net[i - 11 : i + 1]) if i >= 11 else None for i in range(len(net))]
    o = months.numbers.options
    context = Context(
        resolver_for(months.numbers.dataset, "JPN", o.release),
        "M",
        months.numbers.definition,
        None,
        {"repatriation_share": o.repatriation_share},
        o.cf_method,
    )
    family = next(iter(FAMILIES.values()))
    for variant, entry in family.members.items():
        out[f"cf:{variant}"] = [_computed(context.compute(entry, p)) for p in months.months]
    out["cf:sel"] = out[f"cf:{family.member(o.cf_method).variant}"]
    return out


def expected_marks(b: Briefing) -> dict[tuple[str, str], Marks]:
    """(sheet, cell) -> marks of every amount on the Months, Latest release and glance
    sheets."""
    labels = Labels(b.numbers.options.lang)
    months = compute_months(b.numbers)
    assert months is not None
    grid, release = months_layout(months, labels), release_layout(months, labels)
    by_month = month_marks(months)
    out: dict[tuple[str, str], Marks] = {}
    for key, marks in by_month.items():
        for i, mark in enumerate(marks):
            out[(grid.title, grid.local(key, i))] = mark
    w = windows(months)
    spans = {"ytd": w.ytd, "ytd_prev": w.ytd_prev, "r12": w.r12, "r12_prev": w.r12_prev}
    for series in months.release_series():
        marks = by_month[series.key]
        stats: dict[str, Marks] = {"latest": marks[w.latest]}
        stats["year_ago"] = None if w.year_ago is None else marks[w.year_ago]
        for stat, span in spans.items():
            stats[stat] = _total(marks[j] for j in span) if span else None
        for stat, now, before in (
            ("change", "latest", "year_ago"),
            ("growth", "latest", "year_ago"),
            ("ytd_change", "ytd", "ytd_prev"),
            ("r12_change", "r12", "r12_prev"),
        ):
            stats[stat] = _change(stats[now], stats[before])
        assert set(stats) == set(STATS)
        for stat, mark in stats.items():
            out[(release.title, release.local(series.key, stat))] = mark
        row = release.recent_row + 2 + months.release_series().index(series)
        for offset, index in enumerate(recent_months(months)):
            out[(release.title, f"{chr(ord('C') + offset)}{row}")] = marks[index]
    glance = b.workbook[labels["sheet.glance"]]
    prefix = f"='{release.title}'!"
    for row in glance.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(prefix):
                source = cell.value.removeprefix(prefix).replace("$", "")
                out[(glance.title, cell.coordinate)] = out[(release.title, source)]
    return out


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_monthly_number_built_on_a_rounded_figure_shows_it(
    built: dict[str, Briefing], variant: str
) -> None:
    b = built[variant]
    expected = {k: m for k, m in expected_marks(b).items() if m is not None}
    assert len(expected) > 1500
    wanted = {k: (m[0], len(m[1]) > 1) for k, m in expected.items()}
    book, cached = b.workbook, Shown(b)
    wrong = {
        k: (m, shown(book, cached, *k)) for k, m in wanted.items() if shown(book, cached, *k) != m
    }
    assert wrong == {}
    # the marks are there: the revised month (†), the rounded one (≈); the 12 months to the
    # latest hold the rounded month, those a year earlier the revised one: their change is
    # rounded, not mixed (the year before is not of its own period)
    labels = Labels(b.numbers.options.lang)
    months = compute_months(b.numbers)
    assert months is not None
    grid, release = months_layout(months, labels), release_layout(months, labels)
    periods = [str(p) for p in months.months]
    net = [wanted[(grid.title, grid.local("sel:net", periods.index(p)))] for p in periods]
    assert net[periods.index("2023-11")] == (False, True)
    assert net[periods.index("2024-12")] == (True, False)
    assert net.count((False, False)) == len(periods) - 2
    row = release.rows["sel:net"]
    shown_stats = [wanted[(release.title, f"{c}{row}")] for c in "CJKL"]
    assert shown_stats == [(False, False), (True, False), (False, True), (True, False)]


def test_the_release_sentences_carry_the_marks_and_the_glance_the_covers(
    built: dict[str, Briefing],
) -> None:
    for variant, b in built.items():
        labels = Labels(b.numbers.options.lang)
        glance, cover = labels["sheet.glance"], labels["sheet.cover"]
        release = labels["sheet.release"]
        said = [b.cache.get(release, f"A{r}") for r in (4, 5, 6)]
        if variant == "en":
            assert said[0].startswith("Digital balance -¥0.")
            assert said[2].startswith("12 months to 2025-03: ≈-¥7.")
            assert "T† a year earlier); payments ¥" in said[2]
        if variant == "ja":
            assert said[2].startswith("2025年3月までの12か月累計は≈-7.")
            assert "兆円†）、支払" in said[2]
        # the glance page: the Cover's messages (its marks), then the release's sentences
        messages = [
            (c.value, b.cache.get(cover, c.coordinate))
            for c in b.workbook[cover]["C"]
            if str(c.value).startswith("=IF(ISNUMBER(")
        ]
        rows = range(5, 5 + len(messages))
        page = [(b.workbook[glance][f"A{r}"].value, b.cache.get(glance, f"A{r}")) for r in rows]
        assert len(messages) == 5 and page == messages
        assert any("≈" in str(text) for _, text in page)
        assert [b.cache.get(glance, f"A{r}") for r in (10, 11, 12)] == said
        if variant == "fy":
            assert said[1].startswith("Fiscal year to date (FY2024, Apr–Mar): ≈-¥7.")


def test_no_english_code_in_the_japanese_release_day_edition(built: dict[str, Briefing]) -> None:
    b = built["ja"]
    labels = Labels("ja")
    identifiers = identifier_cells(labels)

    def exempt(sheet: str, coord: str) -> bool:
        column = coord.rstrip("0123456789")
        if sheet == labels["sheet.release"]:  # its key column, as the Digital sheet's
            return column == "B"
        if sheet == labels["sheet.countrydata"]:  # the sources as recorded
            return column == "H"
        return identifiers(sheet, coord)

    assert english_codes(b, exempt) == []
    # the release-day sheets are there, in Japanese words
    data = b.workbook[labels["sheet.countrydata"]]
    assert {(r[3].value, r[5].value) for r in data.iter_rows(min_row=5)} == {
        ("支払", "百万米ドル"),
        ("受取", "百万米ドル"),
    }
    months = b.workbook[labels["sheet.months"]]
    headers = [c.value for c in months[4] if c.value]
    assert "デジタル関連収支（狭義3項目）" in headers and "CF経常収支（唐鎌方式）" in headers


def test_the_release_day_pages_say_what_is_missing_and_print_whole(
    built: dict[str, Briefing],
) -> None:
    for b in built.values():
        labels = Labels(b.numbers.options.lang)
        # the annual chart of the Monthly charts: its balance's marked points drawn again (as
        # on the Summary), the years without a figure said under it
        sheet = labels["sheet.monthcharts"]
        annual = b.workbook[sheet]._charts[4]
        drawn = [s.tx.strRef.f for c in annual._charts for s in c.series]
        chart_data = b.layout.chart
        approx = f"'{chart_data.title}'!$A${chart_data.rows['c:digital:approx']}"
        assert approx in drawn
        missing = b.cache.get(sheet, "H54")
        period = labels.fmt(f"period.{b.numbers.options.basis}", year=2015)
        assert isinstance(missing, str) and missing.startswith(labels["row.sel_net"])
        assert period in missing
        # the Countries sheet: notes wrapped across the table, one page for a few countries,
        # calendar years in the language's words
        countries = b.workbook[labels["sheet.countries"]]
        merged = {str(r) for r in countries.merged_cells.ranges}
        notes = [r for r in range(8, 20) if f"A{r}:I{r}" in merged]
        assert notes and all(countries[f"A{r}"].alignment.wrap_text for r in notes)
        assert countries.page_setup.fitToHeight == 1
        header = [countries.cell(row=notes[-1] + 3, column=c).value for c in (3, 6)]
        assert header == [labels.fmt("period.CY", year=y) for y in (2021, 2024)]
        # the glance page's table header wraps ("Fiscal year to date" in a narrow column)
        glance = b.workbook[labels["sheet.glance"]]
        heads = [c for row in glance.iter_rows() for c in row if c.value == labels["col.item"]]
        assert heads and all(c.alignment.wrap_text for c in glance[heads[0].row] if c.value)
