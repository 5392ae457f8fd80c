"""What the charts say besides their points: overlay rows repeating the points built on a
rounded figure (≈) or combining vintages (†), live from the marks (``export.marks``), and the
years each series has no figure for (the notes under the charts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from digital_deficit.core.catalogue import FAMILIES
from digital_deficit.export.cells import CacheBook, Formula, put
from digital_deficit.export.i18n import Labels
from digital_deficit.export.key_figures import chart_series
from digital_deficit.export.layout import OVERLAYS, Layout, SheetLayout, locate
from digital_deficit.export.marks import Loc, Mark, MarkBook
from digital_deficit.export.numbers import BriefNumbers
from digital_deficit.export.series import SeriesData, chart_cached, choose
from digital_deficit.export.text_formulas import cat, drop_lead, lit, when

MISSING_COL = "B"
"""The chart-data column holding, on each series' row, the years it has no figure for."""


def missing_years(
    ws: Any, series: SeriesData, labels: Labels, basis: str, cache: CacheBook
) -> None:
    """The years of a series without a figure, in runs ("2015-2021, 2023"), live."""
    sheet = series.layout
    refs = [sheet.local(series.key, y) for y in sheet.years]
    gone = [p is None for p in series.points]
    separator = labels["sep.items"]
    pieces = []
    for i, year in enumerate(sheet.years):
        text = labels.fmt(f"period.{basis}", year=year)
        before = f"ISNA({refs[i - 1]})" if i else "FALSE"
        after = f"ISNA({refs[i + 1]})" if i + 1 < len(refs) else "FALSE"
        starts = gone[i] and (i == 0 or not gone[i - 1])
        ends = gone[i] and i > 0 and gone[i - 1] and (i + 1 == len(refs) or not gone[i + 1])
        pieces.append(
            when(f"AND(ISNA({refs[i]}),NOT({before}))", lit(separator + text), lit(""), starts)
        )
        pieces.append(
            when(f"AND(ISNA({refs[i]}),{before},NOT({after}))", lit("–" + text), lit(""), ends)
        )
    formula, shown = drop_lead(cat(*pieces), separator)
    put(ws, f"{MISSING_COL}{sheet.rows[series.key]}", Formula("=" + formula, shown), cache)


SourceOf = Callable[[int], list[Loc]]


def chart_sources(numbers: BriefNumbers, layout: Layout) -> dict[str, SourceOf]:
    """For each marked series of the chart data, the cells its point of a year can show (one,
    or one per definition or method the Assumptions can pick)."""
    digital, ca = layout.digital, layout.ca
    pair = chart_series(numbers.options.cf_method)
    family = FAMILIES.get(pair["c:cf"])

    def rows(sheet: SheetLayout, keys: list[str]) -> SourceOf:
        return lambda y: [Loc(sheet.key, sheet.local(k, y)) for k in keys]

    totals = [f"def:net:{d}" for d in numbers.definition_ids]
    parts = sorted({f"comp:{i}" for d in numbers.definitions for i in d.items})
    sources: dict[str, SourceOf] = {
        "c:stack": rows(digital, totals + parts),
        "c:digital": rows(digital, totals),
        "c:travel": rows(ca, ["ca:travel"]),
    }
    for key in ("c:ca", "c:cf"):
        sheet, row = locate(layout, pair[key])
        keys = [f"{family.name}:{m}" for m in family.members] if family and key == "c:cf" else [row]
        sources[key] = rows(sheet, keys)
    return sources


def overlays(
    ws: Any,
    numbers: BriefNumbers,
    layout: Layout,
    labels: Labels,
    cache: CacheBook,
    marks: MarkBook,
    key: str,
    series: dict[str, SeriesData],
) -> dict[str, SeriesData]:
    """The points of a series built on a rounded figure (approx) and those combining vintages
    (mixed): only when one of its cells can be marked at all."""
    chart = layout.path if key.startswith("p:") else layout.chart
    base_key = "c:digital" if key == "c:stack" else key
    base = series[base_key]
    out: dict[str, SeriesData] = {}
    for kind in OVERLAYS:
        conditions, cached, possible = _conditions(numbers, layout, marks, key, kind)
        row_key = f"{key}:{kind}"
        label = labels[f"chart.{kind}"]
        put(ws, f"A{chart.rows[row_key]}", label, cache)
        if not possible:
            continue  # no point of it can be marked: no row to draw
        points: list[float | None] = []
        for year, value in zip(chart.years, base.points, strict=True):
            formula = "NA()"
            shown = None
            if year in conditions:
                cell = chart.local(base_key, year)
                formula = f"IF(AND(ISNUMBER({cell}),{conditions[year]}),{cell},NA())"
                shown = value if cached[year] else None
            put(ws, chart.local(row_key, year), Formula("=" + formula, chart_cached(shown)), cache)
            points.append(shown)
        out[row_key] = SeriesData(chart, row_key, label, points)
    return out


def _conditions(
    numbers: BriefNumbers, layout: Layout, marks: MarkBook, key: str, kind: str
) -> tuple[dict[int, str], dict[int, bool], bool]:
    """Per year: the formula condition of a marked point, whether it holds for the cached
    values, and whether any point can be marked under any choice of the Assumptions."""
    test = marks.rounded if kind == "approx" else marks.mixed

    def has(mark: Mark) -> bool:
        return mark.rounded if kind == "approx" else mark.mixed

    conditions: dict[int, str] = {}
    cached: dict[int, bool] = {}
    possible = False
    if key in ("p:actual", "p:projection"):
        outlook = layout.outlook
        history = [Loc("outlook", outlook.local("o:value", y)) for y in numbers.years]
        target = Loc("outlook", f"C{outlook.rows['res:at_target']}")
        candidates = [
            Loc("digital", layout.digital.local(f"def:net:{d}", y))
            for d in numbers.definition_ids
            for y in numbers.years
        ]
        possible = any(has(marks.mark(c)) for c in candidates)
        if key == "p:actual":
            for year, loc in zip(numbers.years, history, strict=True):
                conditions[year], cached[year] = test(loc, True), has(marks.mark(loc))
        else:
            for year in numbers.path_years:
                conditions[year], cached[year] = test(target, True), has(marks.mark(target))
            possible = possible and kind == "approx"
        return conditions, cached, possible
    sources = chart_sources(numbers, layout)[key]
    for year in numbers.years:
        locs = sources(year)
        possible = possible or any(has(marks.mark(loc)) for loc in locs)
        shown = _shown_loc(numbers, layout, key, year)
        if key == "c:stack":
            digital = layout.digital
            by_definition = [
                "OR("
                + ",".join(
                    test(Loc("digital", digital.local(f"comp:{i}", year)), True) for i in d.items
                )
                + ")"
                for d in numbers.definitions
            ]
            conditions[year] = f"OR({test(shown, True)},{choose(numbers, by_definition)})"
            cached[year] = any(has(marks.mark(loc)) for loc in _stack_locs(numbers, layout, year))
        else:
            conditions[year], cached[year] = test(shown, True), has(marks.mark(shown))
    return conditions, cached, possible


def _shown_loc(numbers: BriefNumbers, layout: Layout, key: str, year: int) -> Loc:
    """The visible cell the series shows in ``year`` (the selected row's, live)."""
    column = chart_series(numbers.options.cf_method).get(key, "digital")
    sheet, row = locate(layout, column)
    return Loc(sheet.key, sheet.local(row, year))


def _stack_locs(numbers: BriefNumbers, layout: Layout, year: int) -> list[Loc]:
    digital = layout.digital
    keys = ["sel:net", *(f"comp:{i}" for i in numbers.definition.items)]
    return [Loc("digital", digital.local(k, year)) for k in keys]
