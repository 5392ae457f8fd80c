"""MOF tables with items in rows and months across (the 国際収支総括表 press-release layout).

Layout read: preamble rows with the unit (上段は単位:億円) and optionally a release date; then one
or more blocks, each starting with a header row whose first cell may hold the year
("項 目/2024年") and whose other cells are months ("1月P", "2月", ...; a month without a year
takes the last year seen; a trailing P or (P) marks a preliminary month); then one row per
item, the first cell its name (leading spaces and ※ ignored). A cell holding two lines keeps
the upper one (the lower is the year-on-year change). Rows naming no project item are skipped.
"""

from __future__ import annotations

from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.mof_csv import (
    MOF_CREDIT,
    MOF_LABEL,
    check_unit_row,
    header_months,
    is_month_header,
    mof_value,
    preamble_facts,
)
from digital_deficit.data.importers.names import classify_header
from digital_deficit.data.importers.series import ImportedFile, SourceSeries


def import_mof_rows(rows: list[list[str]], path: str, fallback_vintage: str) -> ImportedFile:
    """Read the items-in-rows layout (already split into CSV rows)."""
    first = next(i for i, r in enumerate(rows) if is_month_header(r))
    unit, vintage = preamble_facts(rows[:first], path, fallback_vintage)
    imported = ImportedFile(path, "mof-csv", MOF_LABEL, MOF_CREDIT)
    by_item: dict[tuple[str, str], SourceSeries] = {}
    seen_at: dict[tuple[str, str, tuple[int, int]], int] = {}
    preliminary: list[str] = []
    months: list[tuple[int, tuple[int, int], bool]] = []
    for line_no, row in enumerate(rows[first:], start=first + 1):
        if is_month_header(row):
            months = header_months(row)
            preliminary += [f"{y}-{m:02d}" for _, (y, m), p in months if p]
            continue
        if not row or not row[0].strip():
            continue
        label = row[0].strip().strip("※*　 ")
        found = classify_header([label])
        if found is None:
            if not any(c.strip() for c in row[1:]):  # a label-only row may restate the unit
                check_unit_row(row, unit, path, line_no)
            continue
        series = by_item.get(found)
        if series is None:
            series = SourceSeries(
                code=f"row {label}", name=label, unit_text=unit, frequency="M", points={},
                vintage=vintage, line=line_no, match_hint=found,
            )  # fmt: skip
            by_item[found] = series
            imported.series.append(series)
        for col, key, _ in months:
            if col >= len(row):
                raise ImportFileError(
                    path, line_no, f"has {len(row)} fields; expected {col + 1} (truncated file?)"
                )
            where = (*found, key)
            if where in seen_at:
                raise ImportFileError(
                    path, line_no, f"{label} {key[0]}-{key[1]:02d} is also on line "
                    f"{seen_at[where]}; expected each month once",
                )  # fmt: skip
            seen_at[where] = line_no
            upper = row[col].strip().splitlines()[0] if row[col].strip() else ""
            value, places = mof_value(upper, path, line_no, f"column {col + 1} ({label})")
            series.points[key] = value
            series.decimals = max(series.decimals, places)
    if not by_item:
        raise ImportFileError(
            path, first + 1, "no row names a project item; expected e.g. 経常収支 or 貿易収支"
        )
    if preliminary:
        note = "months marked P, preliminary: " + ", ".join(dict.fromkeys(preliminary))
        for series in by_item.values():
            series.notes = note
    return imported
