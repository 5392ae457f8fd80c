"""BoJ API files: the JSON response and the long CSV (UTF-8 for lang=en, Shift-JIS for jp)."""

from __future__ import annotations

from digital_deficit.data.boj import CREDIT_LINE
from digital_deficit.data.boj.models import BojSeries
from digital_deficit.data.boj.parsing import (
    BojApiError,
    BojFormatError,
    check_status,
    parse_json_text,
)
from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.safe_read import csv_rows
from digital_deficit.data.importers.series import (
    ImportedFile,
    SourceSeries,
    decimals_of,
    parse_number,
)
from digital_deficit.data.vintage import date_vintage

API_LABEL = "BoJ Time-Series Data Search API"
CSV_COLUMNS = (
    "SERIES_CODE",
    "NAME_OF_TIME_SERIES",
    "UNIT",
    "FREQUENCY",
    "CATEGORY",
    "LAST_UPDATE",
    "SURVEY_DATE",
    "VALUE",
)
_FREQUENCIES = {"MONTHLY": "M", "QUARTERLY": "Q", "ANNUAL": "A"}


def frequency_of(text: str, path: str, line: int | None, code: str) -> str:
    """M, Q or A for the API's FREQUENCY text; other frequencies are refused."""
    freq = _FREQUENCIES.get(text.strip().upper())
    if freq is None:
        raise ImportFileError(
            path,
            line,
            f"series {code} has frequency {text!r}; expected MONTHLY, QUARTERLY or ANNUAL",
        )
    return freq


def point_of(date: int | str, freq: str, path: str, line: int | None, code: str) -> tuple[int, int]:
    """(year, month|quarter|1) of a SURVEY_DATE such as 202401 (or 2024 for annual)."""
    text = str(date).strip()
    ok = (freq == "A" and len(text) == 4) or (freq in "MQ" and len(text) == 6)
    if ok and text.isdigit():
        year, sub = int(text[:4]), int(text[4:] or 1)
        if 1850 <= year <= 2100 and 1 <= sub <= (12 if freq == "M" else 4 if freq == "Q" else 1):
            return year, sub
    form = {"M": "YYYYMM", "Q": "YYYYQQ (01-04)", "A": "YYYY"}[freq]
    raise ImportFileError(path, line, f"series {code} has survey date {text!r}; expected {form}")


def vintage_of(last_update: int | str | None, fallback: str, path: str, line: int | None) -> str:
    """LAST_UPDATE (YYYYMMDD) as the vintage, else ``fallback``."""
    if last_update in (None, ""):
        return fallback
    try:
        return date_vintage(str(last_update))
    except ValueError:
        raise ImportFileError(
            path, line, f"LAST_UPDATE is {last_update!r}; expected a date YYYYMMDD"
        ) from None


def source_from_boj(series: BojSeries, path: str, fallback_vintage: str) -> SourceSeries:
    """A BojSeries as a SourceSeries (dates checked, duplicates refused)."""
    freq = frequency_of(series.frequency, path, None, series.code)
    points: dict[tuple[int, int], float | None] = {}
    decimals = 0
    for date, value in zip(series.survey_dates, series.values, strict=True):
        key = point_of(date, freq, path, None, series.code)
        if key in points:
            raise ImportFileError(
                path, None, f"series {series.code} gives {date} twice; expected each period once"
            )
        points[key] = value
        if value is not None:
            decimals = max(decimals, decimals_of(repr(value)))
    return SourceSeries(
        code=series.code,
        name=series.name,
        unit_text=series.unit,
        frequency=freq,
        points=points,
        vintage=vintage_of(series.last_update, fallback_vintage, path, None),
        decimals=decimals,
    )


def import_boj_json(text: str, path: str, fallback_vintage: str, db: str = "BP01") -> ImportedFile:
    """A saved getDataCode/getDataLayer JSON response."""
    try:
        response = check_status(parse_json_text(text))
    except (BojFormatError, BojApiError) as exc:
        raise ImportFileError(path, None, str(exc)) from None
    imported = ImportedFile(path, "boj-json", f"{API_LABEL}, {db}", CREDIT_LINE)
    seen: set[str] = set()
    for series in response.series:
        if series.code in seen:
            raise ImportFileError(path, None, f"series {series.code} appears twice; expected once")
        seen.add(series.code)
        imported.series.append(source_from_boj(series, path, fallback_vintage))
    return imported


def import_boj_csv(text: str, path: str, fallback_vintage: str, db: str = "BP01") -> ImportedFile:
    """A getDataCode CSV (long: one row per series and survey date)."""
    rows = iter(csv_rows(text, path))
    header: list[str] | None = None
    header_line = 0
    for line_no, row in enumerate(rows, start=1):
        cells = [c.strip().removesuffix("_J") for c in row]
        if cells[:1] == ["SERIES_CODE"]:
            header, header_line = cells, line_no
            break
        if line_no >= 20:
            break
    if header is None:
        raise ImportFileError(path, 1, f"has no header row; expected {','.join(CSV_COLUMNS)}")
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        raise ImportFileError(
            path,
            header_line,
            f"header lacks {', '.join(missing)}; expected {','.join(CSV_COLUMNS)}",
        )
    col = {name: header.index(name) for name in CSV_COLUMNS}
    imported = ImportedFile(path, "boj-csv", f"{API_LABEL}, {db}", CREDIT_LINE)
    by_code: dict[str, SourceSeries] = {}
    for line_no, row in enumerate(rows, start=header_line + 1):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise ImportFileError(
                path, line_no, f"has {len(row)} fields; expected {len(header)} (truncated file?)"
            )
        code = row[col["SERIES_CODE"]].strip()
        unit = row[col["UNIT"]].strip()
        freq = frequency_of(row[col["FREQUENCY"]], path, line_no, code)
        series = by_code.get(code)
        if series is None:
            series = SourceSeries(
                code=code,
                name=row[col["NAME_OF_TIME_SERIES"]].strip(),
                unit_text=unit,
                frequency=freq,
                points={},
                vintage=vintage_of(
                    row[col["LAST_UPDATE"]].strip(), fallback_vintage, path, line_no
                ),
                line=line_no,
            )
            by_code[code] = series
            imported.series.append(series)
        elif unit != series.unit_text:
            raise ImportFileError(
                path,
                line_no,
                f"unit changes in series {code}: {unit!r} after {series.unit_text!r}; "
                "expected one unit",
                "UNIT",
            )
        key = point_of(row[col["SURVEY_DATE"]], series.frequency, path, line_no, code)
        if key in series.points:
            raise ImportFileError(
                path,
                line_no,
                f"series {code} gives {row[col['SURVEY_DATE']]} twice; expected each period once",
            )
        raw = row[col["VALUE"]]
        series.points[key] = parse_number(raw, path, line_no, "VALUE")
        if series.points[key] is not None:
            series.decimals = max(series.decimals, decimals_of(raw))
    if not by_code:
        raise ImportFileError(path, header_line, "has a header but no data rows")
    return imported
