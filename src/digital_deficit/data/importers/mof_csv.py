"""MOF balance-of-payments time-series CSVs (国際収支総括表, サービス収支, 第一次所得収支).

Layout read (cp932, or UTF-8): title rows; a unit row (単位：億円 / 100 million yen); optionally a
release-date row (公表日：2026年2月9日 or Release date: 2026-02-09); header rows naming each
column's item (Japanese and/or English, a label spanning several columns is carried right over
blank cells; annotations such as 経常収支 (a+b+c) are read) and side (受取/Credit, 支払/Debit,
収支/Balance; net when none); then one row per month, dated by a first cell (2024年1月, 2024/1)
or by MOF's four date columns (era year, 1月, Western year, Jan/Jun(P); mof_dates.py), "(P)"
marking a preliminary month. Values may have thousands separators, quoted after a space
(``, "174,292"``); ▲ marks a negative number; "--" or a blank is no data. Year rows (2024年,
2024年度) are skipped (the importer sums months itself). Columns naming no project item are
skipped.
"""

from __future__ import annotations

import csv
import io
import re

from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.mof_dates import PRELIMINARY, EraMonths, find_layout, month_of
from digital_deficit.data.importers.names import classify_header, item_of, side_of
from digital_deficit.data.importers.safe_read import csv_rows
from digital_deficit.data.importers.series import (
    ImportedFile,
    SourceSeries,
    decimals_of,
    parse_number,
)
from digital_deficit.data.vintage import date_vintage

MOF_LABEL = "Ministry of Finance, balance of payments time series (CSV)"
MOF_CREDIT = "Source: Ministry of Finance Japan / Bank of Japan, Balance of Payments Statistics."
_YEAR = re.compile(r"^(?:CY|FY)?\s*\d{4}\s*(?:年度?|年度計|年計)?$", re.I)
_RELEASE = re.compile(
    r"(?:公表日|公表|release date|released)\s*[:：]?\s*"
    r"(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})",
    re.I,
)
_UNITS = (
    ("億円", "100 million yen"),
    ("100 million yen", "100 million yen"),
    ("百万ドル", "millions of US dollars"),
    ("millions of us dollars", "millions of US dollars"),
)


def unit_stated(text: str) -> str | None:
    """The unit a row's text states (単位：億円, Unit: millions of US dollars...), or None."""
    lowered = text.lower()
    return next((unit for key, unit in _UNITS if key in lowered), None)


def check_unit_row(row: list[str], unit: str, path: str, line: int) -> None:
    """ImportFileError when a row part-way through the table states a different unit."""
    stated = unit_stated(" ".join(row))
    if stated is not None and stated != unit:
        raise ImportFileError(
            path,
            line,
            f"states the unit {stated} here but {unit} above; expected one unit per file "
            "(split the file at the change)",
        )


def preamble_facts(rows: list[list[str]], path: str, fallback_vintage: str) -> tuple[str, str]:
    """(unit text, vintage) stated in the rows above the data; no unit is an error."""
    preamble = " ".join(" ".join(r) for r in rows)
    unit = unit_stated(preamble)
    for line, row in enumerate(rows, start=1):
        if unit is not None:
            check_unit_row(row, unit, path, line)
    if unit is None:
        raise ImportFileError(
            path, None, "states no unit; expected a row such as 単位：億円 (100 million yen)"
        )
    stated = _RELEASE.search(preamble)
    if stated is None:
        return unit, fallback_vintage
    try:
        ymd = f"{stated.group(1)}{int(stated.group(2)):02d}{int(stated.group(3)):02d}"
        return unit, date_vintage(ymd)
    except ValueError:
        raise ImportFileError(
            path, None, f"release date {stated.group(0)!r} is not a date"
        ) from None


def _column_meaning(cells: list[str], carried: list[str]) -> tuple[str, str] | None:
    """A column's own header cells decide; a label spanning from the left fills a missing item.

    A label spans right over blank cells until a column with its own item label.
    """
    found = classify_header(cells)
    if found is not None or not any(side_of(c) for c in cells if c):
        return found
    spanning = classify_header(carried)
    if spanning is None:
        return None
    side = next((side_of(c) for c in cells if c and side_of(c)), None)
    return spanning[0], side or spanning[1]


_HEADER_MONTH = re.compile(r"^(?:.*?(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(?:[(（]?[PpＰ][)）]?)?$")


def header_months(row: list[str]) -> list[tuple[int, tuple[int, int], bool]]:
    """(column, (year, month), preliminary) of each month cell of a header row such as
    "項目/2024年", "1月P", "2月P", "3月"...: a month without a year takes the last year seen."""
    year: int | None = None
    found: list[tuple[int, tuple[int, int], bool]] = []
    for col, cell in enumerate(row):
        text = cell.strip()
        years = re.findall(r"(\d{4})\s*年", text)
        match = _HEADER_MONTH.match(text)
        if years:
            year = int(years[-1])
        if match is None or col == 0 or year is None:
            continue
        month = int(match.group(2))
        if 1 <= month <= 12 and 1850 <= year <= 2100:
            found.append((col, (year, month), bool(PRELIMINARY.search(text))))
    return found


def is_month_header(row: list[str]) -> bool:
    """True when a row holds two or more month cells (items-in-rows layout)."""
    return len(header_months(row)) >= 2


def looks_mof(text: str) -> bool:
    """True for a MOF layout: months in rows (one label or MOF's four date columns) or
    months across a header row, and a header naming a project item."""
    try:
        rows = list(csv.reader(io.StringIO(text[:20000], newline=""), skipinitialspace=True))[:60]
    except csv.Error:
        return False
    in_rows = any(r and (month_of(r[0]) or EraMonths.matches(r)) for r in rows)
    across = any(is_month_header(r) for r in rows)
    names_item = any(classify_header([c]) for r in rows for c in r)
    return (in_rows or across) and names_item


def mof_value(cell: str, path: str, line: int, what: str) -> tuple[float | None, int]:
    """A MOF value: ▲ (or △) marks a negative number; thousands separators; -- is no data."""
    text = cell.strip()
    negative = text[:1] in ("▲", "△")
    text = text[1:].strip() if negative else text
    value = parse_number(text, path, line, what)
    if value is None:
        return None, 0
    return (-value if negative else value), decimals_of(text.replace(",", ""))


def import_mof_csv(text: str, path: str, fallback_vintage: str) -> ImportedFile:
    """Read a MOF CSV; the vintage is its stated release date, else ``fallback_vintage``.

    Quoted numbers may follow a space (``, "174,292"``): read as quoted (skipinitialspace).
    """
    rows = csv_rows(text, path, skipinitialspace=True)
    found_layout = find_layout(rows)
    if found_layout is None and any(is_month_header(r) for r in rows):
        from digital_deficit.data.importers.mof_rows import import_mof_rows

        return import_mof_rows(rows, path, fallback_vintage)
    if found_layout is None:
        raise ImportFileError(
            path, None, "has no month rows; expected a first column such as 2024年1月"
        )
    first, layout = found_layout
    header_rows = rows[:first]
    unit, vintage = preamble_facts(header_rows, path, fallback_vintage)
    width = max(len(r) for r in header_rows) if header_rows else 0
    start = layout.data_from
    own = {
        j: [r[j].strip() if j < len(r) else "" for r in header_rows] for j in range(start, width)
    }
    carried: dict[int, list[str]] = {}
    running = [""] * len(header_rows)
    for j in range(start, width):
        if any(item_of(c) for c in own[j] if c):
            running = list(own[j])  # a new item label starts a new group of columns
        else:
            running = [cell or prev for cell, prev in zip(own[j], running, strict=True)]
        carried[j] = running
    imported = ImportedFile(path, "mof-csv", MOF_LABEL, MOF_CREDIT)
    series_by_col: dict[int, SourceSeries] = {}
    for j, cells in own.items():
        found = _column_meaning(cells, carried[j])
        if found is None:
            continue
        name = " / ".join(dict.fromkeys(c for c in carried[j] if c))
        series = SourceSeries(
            code=f"column {j + 1}",
            name=name,
            unit_text=unit,
            frequency="M",
            points={},
            vintage=vintage,
            line=first,
            match_hint=found,
        )
        series_by_col[j] = series
        imported.series.append(series)
    if not series_by_col:
        raise ImportFileError(
            path,
            first,
            "no column header names a project item; expected e.g. 経常収支 or Current account",
        )
    needed = max(series_by_col) + 1
    preliminary: list[str] = []
    seen: dict[tuple[int, int], int] = {}
    for line_no, row in enumerate(rows[first:], start=first + 1):
        if not row or all(not c.strip() for c in row):
            continue
        found_month = layout.month(row, path, line_no)
        if found_month is None:
            label = row[0].strip()
            if _YEAR.match(label) or not any(c.strip() for c in row[start:]):
                check_unit_row(row, unit, path, line_no)
                continue
            raise ImportFileError(
                path, line_no, f"first cell is {label!r}; expected a month such as 2024年1月"
            )
        key, is_preliminary = found_month
        label = "/".join(c.strip() for c in row[:start] if c.strip())
        if key in seen:
            raise ImportFileError(
                path,
                line_no,
                f"month {label!r} is also on line {seen[key]}; expected each month once",
            )
        seen[key] = line_no
        if len(row) < needed:
            raise ImportFileError(
                path,
                line_no,
                f"has {len(row)} fields; expected at least {needed} (truncated file?)",
            )
        if is_preliminary:
            preliminary.append(f"{key[0]}-{key[1]:02d}")
        for j, series in series_by_col.items():
            cell = row[j]
            flagged = bool(PRELIMINARY.search(cell))
            what = f"column {j + 1} ({series.name})"
            value, places = mof_value(PRELIMINARY.sub("", cell), path, line_no, what)
            series.points[key] = value
            series.decimals = max(series.decimals, places)
            if flagged and not is_preliminary:
                preliminary.append(f"{key[0]}-{key[1]:02d}")
    if preliminary:
        note = "months marked (P), preliminary: " + ", ".join(dict.fromkeys(preliminary))
        for series in series_by_col.values():
            series.notes = note
    return imported
