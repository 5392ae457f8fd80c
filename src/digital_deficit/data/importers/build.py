"""Mapped source series -> observations: months (or quarters) plus CY and FY totals."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from pydantic import ValidationError

from digital_deficit.core.aggregation import aggregate_months
from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.data.boj.resolve import Resolution, SeriesMatch, resolve_series
from digital_deficit.data.dataset import Dataset, DuplicateObservationError
from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.series import ImportedFile, SourceSeries, check_unit
from digital_deficit.data.model import Observation, with_period_value
from digital_deficit.data.vintage import date_vintage


def import_date_vintage(today: date | None = None) -> str:
    """Today's date as a vintage (when a file states no update or release date)."""
    return date_vintage((today or date.today()).strftime("%Y%m%d"))


def map_series(
    imported: ImportedFile, known_codes: bool = True
) -> list[tuple[SeriesMatch, SourceSeries]]:
    """Each series that names a project item, with its match; none is an error.

    An item and side named by two series is left out with a warning (nothing guessed).
    """
    by_code = {s.code: s for s in imported.series}
    hinted = [s for s in imported.series if s.match_hint is not None]
    if hinted:
        return _hinted(imported, hinted)
    resolution: Resolution = resolve_series(
        ((s.code, (s.name, *s.other_names)) for s in imported.series), known_codes=known_codes
    )
    imported.warnings += resolution.ambiguity_warnings()
    if not resolution.matches:
        raise ImportFileError(
            imported.path,
            None,
            f"none of its {len(imported.series)} series names a project item; expected known "
            "BP01 codes or official names such as 'Current account/Net balance'",
        )
    skipped = len(imported.series) - len(resolution.matches)
    skipped -= sum(len(found) for found in resolution.ambiguous.values())
    if skipped:
        imported.warnings.append(f"{skipped} series name no project item and were skipped")
    return [(m, by_code[m.code]) for m in resolution.matches]


def _hinted(
    imported: ImportedFile, hinted: list[SourceSeries]
) -> list[tuple[SeriesMatch, SourceSeries]]:
    seen: dict[tuple[str, str, str], SourceSeries] = {}
    out: list[tuple[SeriesMatch, SourceSeries]] = []
    for series in hinted:
        assert series.match_hint is not None
        item, side = series.match_hint
        key = (series.country, item, side)
        if key in seen:
            raise ImportFileError(
                imported.path,
                series.line,
                f"{item} {side} is given by two columns, {seen[key].name!r} and {series.name!r}; "
                "expected one (nothing guessed)",
            )
        seen[key] = series
        out.append((SeriesMatch(series.code, series.name, item, side, "column header"), series))
    return out


def annual_bases(country: str) -> tuple[str, ...]:
    """CY always; FY (April-March, Japan's fiscal year) only for Japan's figures."""
    return ("CY", "FY") if country == "JPN" else ("CY",)


def _rounded(value: float, decimals: int) -> float:
    # The exact decimal sum of values with d places has d places: rounding removes float noise.
    return round(value, min(decimals, 12))


def _annual_from_quarters(
    points: dict[tuple[int, int], float | None], decimals: int
) -> list[tuple[str, str, float]]:
    out: list[tuple[str, str, float]] = []
    years = sorted({y for y, _ in points})
    for year in years:
        cy = [points.get((year, q)) for q in (1, 2, 3, 4)]
        fy = [points.get((year, q)) for q in (2, 3, 4)] + [points.get((year + 1, 1))]
        for basis, values in (("CY", cy), ("FY", fy)):
            if all(v is not None for v in values):
                total = sum(v for v in values if v is not None)
                out.append((basis, str(year), _rounded(total, decimals)))
    return out


def series_observations(
    match: SeriesMatch, series: SourceSeries, unit: str, imported: ImportedFile
) -> list[Observation]:
    """The observations of one mapped series: each period as given, then CY and FY totals."""
    series.load()
    cite = (
        f"{imported.source_label}: series {series.code} {series.name!r} = {match.item} "
        f"{match.side} ({match.how})"
    )
    if series.notes:
        cite += f"; {series.notes}"
    if imported.credit:
        cite += f". {imported.credit}"
    base = {
        "country": series.country,
        "item": match.item,
        "side": match.side,
        "unit": unit,
        "vintage": series.vintage,
    }
    rows: list[tuple[str, str, float, str]] = []
    if series.frequency == "M":
        for (y, m), v in sorted(series.points.items()):
            if v is not None:
                rows.append(("M", f"{y}-{m:02d}", v, cite))
        for basis in annual_bases(series.country):
            for agg in aggregate_months(series.points, basis):
                if agg.value is not None:
                    rows.append(
                        (
                            basis,
                            str(agg.period),
                            _rounded(agg.value, series.decimals),
                            f"sum of 12 months of {cite}",
                        )
                    )
    elif series.frequency == "Q":
        for (y, q), v in sorted(series.points.items()):
            if v is not None:
                rows.append(("Q", f"{y}Q{q}", v, cite))
        rows += [
            (b, p, v, f"sum of 4 quarters of {cite}")
            for b, p, v in _annual_from_quarters(series.points, series.decimals)
            if b in annual_bases(series.country)
        ]
    else:
        rows += [
            ("CY", str(y), v, cite) for (y, _), v in sorted(series.points.items()) if v is not None
        ]
    try:
        return _observations(base, rows)
    except (ValidationError, DigitalDeficitError) as exc:
        problem = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise ImportFileError(
            imported.path,
            series.line,
            f"series {series.code}: {problem.removeprefix('Value error, ')}",
        ) from None


def _observations(
    base: dict[str, str], rows: list[tuple[str, str, float, str]]
) -> list[Observation]:
    """Validate the first row of each basis in full; the rest differ only in period and value.

    Their periods come from range-checked (year, month) pairs, so only the value is checked
    again (finite) before a copy of the validated model gets them (speed).
    """
    out: list[Observation] = []
    first: dict[tuple[str, str], Observation] = {}
    for basis, period, value, source in rows:
        model = first.get((basis, source))
        if model is None:
            model = Observation(**base, basis=basis, period=period, value=value, source=source)
            first[(basis, source)] = model
            out.append(model)
            continue
        if not math.isfinite(value):
            raise DigitalDeficitError(f"value for {period} is not a finite number")
        out.append(with_period_value(model, period, float(value)))
    return out


def build_dataset(
    imported: ImportedFile, mapped: Iterable[tuple[SeriesMatch, SourceSeries]]
) -> Dataset:
    """The dataset of the mapped series; mixed units within a country are an error."""
    dataset = Dataset(origin=imported.path)
    units: dict[str, tuple[str, SourceSeries]] = {}
    for match, series in mapped:
        unit = check_unit(series, imported.path)
        first = units.setdefault(series.country, (unit, series))
        if first[0] != unit:
            raise ImportFileError(
                imported.path,
                series.line,
                f"unit changes: series {series.code} is in {unit} but {first[1].code} is in "
                f"{first[0]}; expected one unit per country (never mixed)",
            )
        for obs in series_observations(match, series, unit, imported):
            try:
                dataset._add(obs)
            except DuplicateObservationError as exc:
                raise ImportFileError(imported.path, series.line, f"duplicate: {exc}") from None
    if not len(dataset):
        raise ImportFileError(
            imported.path, None, "holds no values (every period of its series is blank)"
        )
    return dataset


def import_dataset(imported: ImportedFile, known_codes: bool = True) -> Dataset:
    """Map and build in one step."""
    return build_dataset(imported, map_series(imported, known_codes))
