"""The hidden chart-data sheet: each chart series as a row of formulas over the visible sheets,
#N/A where a value is missing (a gap, never a zero), with the core's values cached.

Beside each marked series, two overlay rows repeat its points built on a rounded figure (≈)
and those combining vintages (†), live from the marks (``export.marks``); the charts draw them
as hollow and crossed markers. The components of the digital balance are stacked where the
total is known, with the part no published component covers as "not split".
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from digital_deficit.core.catalogue import headline
from digital_deficit.core.definitions import Definition
from digital_deficit.core.references import METI_SCENARIOS
from digital_deficit.core.units import to_trillion_yen
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import CacheBook, Formula, put, quote_sheet
from digital_deficit.export.chart_marks import chart_sources, missing_years, overlays
from digital_deficit.export.i18n import Labels
from digital_deficit.export.key_figures import chart_series, year_columns
from digital_deficit.export.layout import (
    YEAR_NUMBER_OFFSET,
    Layout,
    SheetLayout,
    component_slots,
    locate,
)
from digital_deficit.export.marks import MarkBook
from digital_deficit.export.numbers import PATH_END_YEAR, BriefNumbers, tn
from digital_deficit.export.outlook_sheet import meti_rows, path_block, path_shown
from digital_deficit.export.series import NA, chart_cached, choose
from digital_deficit.export.series import SeriesData as SeriesData  # read from here too
from digital_deficit.export.series import definition_index as definition_index
from digital_deficit.export.styles import Styles


def write_chart_data(
    ws: Any,
    numbers: BriefNumbers,
    layout: Layout,
    labels: Labels,
    st: Styles,
    cache: CacheBook,
    marks: MarkBook,
) -> dict[str, SeriesData]:
    """Fill the hidden chart-data sheet; returns the series by row key (overlays included,
    ``<key>:approx`` and ``<key>:mixed``, where a point can be marked)."""
    ws.sheet_state = "hidden"
    ws["A1"].value = labels["sheet.chartdata"]
    chart = layout.chart
    _year_rows(ws, chart, numbers.options.basis, labels)
    _year_rows(ws, layout.path, numbers.options.basis, labels)
    out: dict[str, SeriesData] = {}
    for key, column in chart_series(numbers.options.cf_method).items():
        sheet, row_key = locate(layout, column)
        points = [_shown(numbers, column, y) for y in numbers.years]
        for year, value in zip(numbers.years, points, strict=True):
            put(
                ws,
                chart.local(key, year),
                Formula("=" + fx.chart_value(sheet.ref(row_key, year)), chart_cached(value)),
                cache,
            )
        put(ws, f"A{chart.rows[key]}", _spec_label(chart, key), cache)
        out[key] = SeriesData(chart, key, _spec_label(chart, key), points)
    out.update(_component_rows(ws, numbers, layout, labels, cache))
    _year_if_rows(ws, numbers, layout, cache)
    out.update(_path_rows(ws, numbers, layout, labels, cache))
    for key in (*chart_sources(numbers, layout), "p:actual", "p:projection"):
        out.update(overlays(ws, numbers, layout, labels, cache, marks, key, out))
    for key in ("c:digital", "c:ca", "c:cf", "c:travel"):
        missing_years(ws, out[key], labels, numbers.options.basis, cache)
    return out


def _shown(numbers: BriefNumbers, column: str, year: int) -> float | None:
    """A headline column's value as the sheets show it (money in ¥ trillion)."""
    value = numbers.headline[year].values[column]
    return tn(value) if _unit(numbers, column) == "money" else value


def _unit(numbers: BriefNumbers, column: str) -> str:
    return _units(numbers.options.cf_method)[column]


@lru_cache(maxsize=8)
def _units(cf_method: str) -> dict[str, str]:
    return {column: metric.unit for column, metric in headline(cf_method)}


def _component_rows(
    ws: Any, numbers: BriefNumbers, layout: Layout, labels: Labels, cache: CacheBook
) -> dict[str, SeriesData]:
    """The components of the chosen definition, slot by slot (ICT in mof3's second slot,
    computer services in narrow's), each where it and the total are published, and the rest
    of the total as "not split" where a component is missing. The Definition input picks the
    definition live."""
    chart, digital = layout.chart, layout.digital
    chosen = numbers.definition
    slots = component_slots(numbers)
    keys = [f"c:comp{k}" for k in range(1, slots + 1)]
    stacks: dict[str, list[float | None]] = {key: [] for key in [*keys, "c:rest"]}
    for year in numbers.years:
        total_ref = digital.ref("sel:net", year)

        def ref(d: Definition, k: int, year: int = year) -> str:
            return digital.ref(f"comp:{d.items[k]}", year) if k < len(d.items) else "NA()"

        total = tn(numbers.selected(year))
        found = [tn(numbers.components[i][year].value) for i in chosen.items]
        for k, key in enumerate(keys):
            value = found[k] if total is not None and k < len(found) else None
            stacks[key].append(value)
            part = choose(numbers, [ref(d, k) for d in numbers.definitions])
            formula = f"=IF(AND(ISNUMBER({total_ref}),ISNUMBER({part})),{part},NA())"
            put(ws, chart.local(key, year), Formula(formula, chart_cached(value)), cache)
        parts = [v for v in found if v is not None]
        rest = total - sum(parts) if total is not None and len(parts) < len(found) else None
        stacks["c:rest"].append(rest)
        complete = choose(
            numbers,
            [
                "AND(" + ",".join(f"ISNUMBER({ref(d, k)})" for k in range(len(d.items))) + ")"
                for d in numbers.definitions
            ],
        )
        summed = choose(
            numbers,
            [
                "SUM(" + ",".join(ref(d, k) for k in range(len(d.items))) + ")"
                for d in numbers.definitions
            ],
        )
        formula = f"=IF(AND(ISNUMBER({total_ref}),NOT({complete})),{total_ref}-{summed},NA())"
        put(ws, chart.local("c:rest", year), Formula(formula, chart_cached(rest)), cache)
    out: dict[str, SeriesData] = {}
    for k, key in enumerate(keys):
        names = [labels.item(d.items[k]) if k < len(d.items) else "" for d in numbers.definitions]
        label = names[numbers.definition_ids.index(chosen.id)]
        text = choose(numbers, ['"' + n.replace('"', '""') + '"' for n in names])
        put(ws, f"A{chart.rows[key]}", Formula("=" + text, label), cache)
        out[key] = SeriesData(chart, key, label, stacks[key])
    put(ws, f"A{chart.rows['c:rest']}", labels["chart.not_split"], cache)
    out["c:rest"] = SeriesData(chart, "c:rest", labels["chart.not_split"], stacks["c:rest"])
    return out


def _spec_label(sheet: SheetLayout, key: str) -> str:
    return next(s.label for s in sheet.specs if s.key == key)


def _year_rows(ws: Any, sheet: SheetLayout, basis: str, labels: Labels) -> None:
    numbers_row = sheet.header_row - YEAR_NUMBER_OFFSET
    for year in sheet.years:
        ws[f"{sheet.col(year)}{numbers_row}"].value = year
        ws[f"{sheet.col(year)}{sheet.header_row}"].value = labels.fmt(f"period.{basis}", year=year)
        ws[f"{sheet.col(year)}{sheet.header_row}"].data_type = "s"


def _year_if_rows(ws: Any, numbers: BriefNumbers, layout: Layout, cache: CacheBook) -> None:
    """For each key figure's column, its year where present (and, if asked, where the digital
    balance of the chosen definition is a released figure), else blank."""
    chart = layout.chart
    flag_keys = [f"c:released:{d}" for d in numbers.definition_ids]
    for key, d in zip(flag_keys, numbers.definition_ids, strict=True):
        put(ws, f"A{chart.rows[key]}", _spec_label(chart, key), cache)
        for year in numbers.years:
            put(ws, chart.local(key, year), 1 if numbers.released(year, d) else 0, cache)
    for column, needs_release in year_columns(numbers.options.cf_method).items():
        key = f"c:yr:{column}"
        sheet, row_key = locate(layout, column)
        put(ws, f"A{chart.rows[key]}", _spec_label(chart, key), cache)
        for year in numbers.years:
            present = numbers.headline[year].values[column] is not None
            if needs_release:
                present = present and numbers.released(year)
            year_ref = f"{chart.col(year)}${chart.header_row - YEAR_NUMBER_OFFSET}"
            col = chart.col(year)
            flags = f"{col}${chart.rows[flag_keys[0]]}:{col}${chart.rows[flag_keys[-1]]}"
            released = f"INDEX({flags},{definition_index(numbers)})=1" if needs_release else None
            put(
                ws,
                chart.local(key, year),
                Formula(
                    "=" + fx.year_if(sheet.ref(row_key, year), year_ref, released),
                    float(year) if present else "",
                ),
                cache,
            )


def _path_rows(
    ws: Any, numbers: BriefNumbers, layout: Layout, labels: Labels, cache: CacheBook
) -> dict[str, SeriesData]:
    path, outlook = layout.path, layout.outlook
    out: dict[str, SeriesData] = {}
    actual: list[float | None] = []
    projected: list[float | None] = []
    numbers_row = path.header_row - YEAR_NUMBER_OFFSET
    shown_to = max(numbers.target_year, PATH_END_YEAR)
    put(ws, f"A{path.rows['p:x']}", _spec_label(path, "p:x"), cache)
    for year in path.years:
        # the scatter's x: the years shown (#N/A past the target year: the axis stops there)
        year_ref = f"{path.col(year)}${numbers_row}"
        x = Formula(
            f"=IF({path_shown(year_ref)},{year_ref},NA())",
            float(year) if year <= shown_to else NA,
        )
        put(ws, path.local("p:x", year), x, cache)
        if year in numbers.years:
            value = tn(numbers.selected(year))
            put(
                ws,
                path.local("p:actual", year),
                Formula("=" + fx.chart_value(outlook.ref("o:value", year)), chart_cached(value)),
                cache,
            )
            put(ws, path.local("p:projection", year), Formula("=NA()", NA), cache)
            actual.append(value)
            projected.append(None)
        else:
            block = path_block(layout, year)
            value = tn(numbers.projection[year]) if year <= shown_to else None
            source = block.ref("op:value", year)
            year_ref = f"{path.col(year)}${numbers_row}"
            formula = f"IF({path_shown(year_ref)},{fx.chart_value(source)},NA())"
            put(ws, path.local("p:actual", year), Formula("=NA()", NA), cache)
            put(
                ws,
                path.local("p:projection", year),
                Formula("=" + formula, chart_cached(value)),
                cache,
            )
            actual.append(None)
            projected.append(value)
    xs: list[float | None] = [float(y) if y <= shown_to else None for y in path.years]
    out["p:x"] = SeriesData(path, "p:x", _spec_label(path, "p:x"), xs)
    out["p:actual"] = SeriesData(path, "p:actual", labels["outlook.actual"], actual)
    out["p:projection"] = SeriesData(path, "p:projection", labels["outlook.projection"], projected)
    digital_points = [i for i, p in enumerate(METI_SCENARIOS) if p.item == "digital"]
    for key, index in zip(
        ("p:meti_2030", "p:meti_2035b", "p:meti_2035p"), digital_points, strict=True
    ):
        point = METI_SCENARIOS[index]
        ref = f"{quote_sheet(outlook.title)}!$C${meti_rows(layout)[index]}"
        points: list[float | None] = []
        for year in path.years:
            if year == point.year:
                value = to_trillion_yen(point.value_oku_yen)
                put(ws, path.local(key, year), Formula("=" + ref, value), cache)
                points.append(value)
            else:
                put(ws, path.local(key, year), Formula("=NA()", NA), cache)
                points.append(None)
        label = _spec_label(path, key) + labels[f"chart.calendar.{numbers.options.basis}"]
        out[key] = SeriesData(path, key, label, points)
    for key in ("p:actual", "p:projection", "p:meti_2030", "p:meti_2035b", "p:meti_2035p"):
        put(ws, f"A{path.rows[key]}", out[key].label, cache)
    return out
