"""The hidden chart-data sheet: each chart series as a row of formulas over the period sheets,
#N/A where a value is missing (a gap, never a zero), with the core's values cached."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from digital_deficit.core.catalogue import headline
from digital_deficit.core.definitions import Definition
from digital_deficit.core.references import METI_SCENARIOS
from digital_deficit.core.units import to_trillion_yen
from digital_deficit.export import formulas as fx
from digital_deficit.export.cells import CacheBook, Cached, ExcelError, Formula, put, quote_sheet
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import (
    YEAR_NUMBER_OFFSET,
    Layout,
    SheetLayout,
    chart_series,
    component_slots,
    locate,
    year_columns,
)
from digital_deficit.export.numbers import BriefNumbers, tn
from digital_deficit.export.outlook_sheet import meti_rows
from digital_deficit.export.styles import Styles

NA = ExcelError("#N/A")


@dataclass
class SeriesData:
    """A chart series: its row on the chart-data sheet, label and cached points."""

    layout: SheetLayout
    key: str
    label: str
    points: list[float | None]


def _chart_value(value: float | None) -> Cached:
    return NA if value is None else value


def write_chart_data(
    ws: Any, numbers: BriefNumbers, layout: Layout, labels: Labels, st: Styles, cache: CacheBook
) -> dict[str, SeriesData]:
    """Fill the hidden chart-data sheet; returns the series by row key."""
    ws.sheet_state = "hidden"
    ws["A1"].value = labels["sheet.chartdata"]
    chart = layout.chart
    _year_rows(ws, chart, numbers.options.basis)
    _year_rows(ws, layout.path, numbers.options.basis)
    out: dict[str, SeriesData] = {}
    for key, column in chart_series(numbers.options.cf_method).items():
        sheet, row_key = locate(layout, column)
        points = [_shown(numbers, column, y) for y in numbers.years]
        for year, value in zip(numbers.years, points, strict=True):
            put(
                ws,
                chart.local(key, year),
                Formula("=" + fx.chart_value(sheet.ref(row_key, year)), _chart_value(value)),
                cache,
            )
        put(ws, f"A{chart.rows[key]}", _spec_label(chart, key), cache)
        out[key] = SeriesData(chart, key, _spec_label(chart, key), points)
    out.update(_component_rows(ws, numbers, layout, labels, cache))
    _year_if_rows(ws, numbers, layout, cache)
    out.update(_path_rows(ws, numbers, layout, labels, cache))
    return out


def _shown(numbers: BriefNumbers, column: str, year: int) -> float | None:
    """A headline column's value as the sheets show it (money in ¥ trillion)."""
    value = numbers.headline[year].values[column]
    return tn(value) if _unit(numbers, column) == "money" else value


def _unit(numbers: BriefNumbers, column: str) -> str:
    return dict(headline(numbers.options.cf_method))[column].unit


def definition_index(numbers: BriefNumbers) -> str:
    """The position of the Definition input among the Digital sheet's definitions."""
    ids = ",".join(f'"{d}"' for d in numbers.definition_ids)
    return f"MATCH(Definition,{{{ids}}},0)"


def _choose(numbers: BriefNumbers, options: list[str]) -> str:
    """CHOOSE over the definitions by the Definition input (no INDEX over a one-row range:
    Gnumeric reads its index as a row and gives #REF!)."""
    return f"CHOOSE({definition_index(numbers)},{','.join(options)})"


def _component_rows(
    ws: Any, numbers: BriefNumbers, layout: Layout, labels: Labels, cache: CacheBook
) -> dict[str, SeriesData]:
    """The components of the chosen definition, slot by slot (ICT in mof3's second slot,
    computer services in narrow's), stacked only in years where all of them are present:
    never a partial stack. The Definition input picks the definition live."""
    chart, digital = layout.chart, layout.digital
    chosen = numbers.definition
    slots = component_slots(numbers)
    keys = [f"c:comp{k}" for k in range(1, slots + 1)]
    stacks: dict[str, list[float | None]] = {key: [] for key in keys}
    for year in numbers.years:

        def ref(d: Definition, k: int, year: int = year) -> str:
            return digital.ref(f"comp:{d.items[k]}", year) if k < len(d.items) else "NA()"

        complete = _choose(
            numbers,
            [
                "AND(" + ",".join(f"ISNUMBER({ref(d, k)})" for k in range(len(d.items))) + ")"
                for d in numbers.definitions
            ],
        )
        found = [tn(numbers.components[i][year].value) for i in chosen.items]
        whole = all(v is not None for v in found)
        for k, key in enumerate(keys):
            value = found[k] if whole and k < len(found) else None
            stacks[key].append(value)
            formula = (
                f"=IF({complete},{_choose(numbers, [ref(d, k) for d in numbers.definitions])},NA())"
            )
            put(ws, chart.local(key, year), Formula(formula, _chart_value(value)), cache)
    out: dict[str, SeriesData] = {}
    for k, key in enumerate(keys):
        names = [labels.item(d.items[k]) if k < len(d.items) else "" for d in numbers.definitions]
        label = names[numbers.definition_ids.index(chosen.id)]
        text = _choose(numbers, ['"' + n.replace('"', '""') + '"' for n in names])
        put(ws, f"A{chart.rows[key]}", Formula("=" + text, label), cache)
        out[key] = SeriesData(chart, key, label, stacks[key])
    return out


def _spec_label(sheet: SheetLayout, key: str) -> str:
    return next(s.label for s in sheet.specs if s.key == key)


def _year_rows(ws: Any, sheet: SheetLayout, basis: str) -> None:
    numbers_row = sheet.header_row - YEAR_NUMBER_OFFSET
    for year in sheet.years:
        ws[f"{sheet.col(year)}{numbers_row}"].value = year
        label = f"FY{year}" if basis == "FY" else str(year)
        ws[f"{sheet.col(year)}{sheet.header_row}"].value = label
        ws[f"{sheet.col(year)}{sheet.header_row}"].data_type = "s"


def _year_if_rows(ws: Any, numbers: BriefNumbers, layout: Layout, cache: CacheBook) -> None:
    """For each key figure's column, its year where present (and, if asked, where the digital
    balance of the chosen definition is an exact figure), else blank."""
    chart = layout.chart
    flag_keys = [f"c:exact:{d}" for d in numbers.definition_ids]
    for key, d in zip(flag_keys, numbers.definition_ids, strict=True):
        put(ws, f"A{chart.rows[key]}", _spec_label(chart, key), cache)
        for year in numbers.years:
            put(ws, chart.local(key, year), 1 if numbers.exact(year, d) else 0, cache)
    for column, needs_exact in year_columns(numbers.options.cf_method).items():
        key = f"c:yr:{column}"
        sheet, row_key = locate(layout, column)
        put(ws, f"A{chart.rows[key]}", _spec_label(chart, key), cache)
        for year in numbers.years:
            present = numbers.headline[year].values[column] is not None
            if needs_exact:
                present = present and numbers.exact(year)
            year_ref = f"{chart.col(year)}${chart.header_row - YEAR_NUMBER_OFFSET}"
            col = chart.col(year)
            flags = f"{col}${chart.rows[flag_keys[0]]}:{col}${chart.rows[flag_keys[-1]]}"
            exact = f"INDEX({flags},{definition_index(numbers)})=1" if needs_exact else None
            put(
                ws,
                chart.local(key, year),
                Formula(
                    "=" + fx.year_if(sheet.ref(row_key, year), year_ref, exact),
                    float(year) if present else "",
                ),
                cache,
            )


def _path_rows(
    ws: Any, numbers: BriefNumbers, layout: Layout, labels: Labels, cache: CacheBook
) -> dict[str, SeriesData]:
    path, outlook, opath = layout.path, layout.outlook, layout.outlook_path
    out: dict[str, SeriesData] = {}
    actual: list[float | None] = []
    projected: list[float | None] = []
    for year in path.years:
        if year in numbers.years:
            value = tn(numbers.selected(year))
            put(
                ws,
                path.local("p:actual", year),
                Formula("=" + fx.chart_value(outlook.ref("o:value", year)), _chart_value(value)),
                cache,
            )
            put(ws, path.local("p:projection", year), Formula("=NA()", NA), cache)
            actual.append(value)
            projected.append(None)
        else:
            value = tn(numbers.projection[year])
            put(ws, path.local("p:actual", year), Formula("=NA()", NA), cache)
            put(
                ws,
                path.local("p:projection", year),
                Formula("=" + fx.chart_value(opath.ref("op:value", year)), _chart_value(value)),
                cache,
            )
            actual.append(None)
            projected.append(value)
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
        out[key] = SeriesData(path, key, _spec_label(path, key), points)
    for key in out:
        put(ws, f"A{path.rows[key]}", _spec_label(path, key), cache)
    return out
