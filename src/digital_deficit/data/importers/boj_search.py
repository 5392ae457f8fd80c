"""BoJ Time-Series Data Search page downloads (the CSV button): vertical, one column per series.

Layout read (DOMAIN.md section 4): cp932 (Japanese page) or UTF-8, LF or CRLF line ends. The
SIMPLE header is one row, ``データコード,BP01'BPBP6JYNCB,...`` (codes carry their database and
an apostrophe); the DETAIL header has about nine rows of metadata first, each a label then one
cell per series (データコード/Series code, 系列名称/Name of time-series, 単位/Unit, 期種/Frequency,
最終更新日/Last update, ...), English or Japanese, then blank lines. Then one row per period:
``YYYY/MM`` monthly, ``YYYY/MM`` on the quarter's last month for quarterly data, ``YYYY`` for
annual data; values padded with spaces; blank, ``NA`` or ``ND`` is no data.

Only BP01 (balance of payments) series are the project's: a download from another database
(TANKAN ``CO'...``, prices ``PR01'...``) is refused naming the series it holds. A known monthly
BP01 code is taken as that item even without names (the SIMPLE header has none; its unit is
the catalogue's, 100 million yen); the search page can convert a monthly series to quarters
or years, which is refused (the conversion may average a flow): download it monthly.
"""

from __future__ import annotations

import re
from itertools import pairwise

from digital_deficit.data.boj.catalogue import BP01_CODES, bare_code
from digital_deficit.data.importers.boj_wide import FLAT_CREDIT
from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.safe_read import csv_rows
from digital_deficit.data.importers.series import (
    ImportedFile,
    SourceSeries,
    decimals_of,
    parse_number,
)
from digital_deficit.data.vintage import date_vintage

SEARCH_LABEL = "BoJ Time-Series Data Search (search-page CSV download)"
_CODE = re.compile(r"^([A-Z][A-Z0-9]{1,7})'(\S+)$")
_LABELS: dict[str, tuple[str, ...]] = {
    "code": ("データコード", "系列コード", "series code", "data code", "code"),
    "name": ("系列名称", "系列名", "name of time-series", "name of time series", "series name"),
    "unit": ("単位", "unit"),
    "frequency": ("期種", "frequency"),
    "update": ("最終更新日", "最終更新", "last update", "last updated"),
}
_FREQUENCIES = (
    (re.compile(r"月|monthly|^m$", re.I), "M"),
    (re.compile(r"四半期|quarterly|^q$", re.I), "Q"),
    (re.compile(r"年度|fiscal|annual\s*\(mar\)", re.I), "FY"),
    (re.compile(r"暦年|年次|年|annual|calendar|^cy$|^a$", re.I), "A"),
)
_DATE = re.compile(r"^(\d{4})(?:[/.-](\d{1,2}|Q[1-4]))?$", re.I)
_MISSING = ("", "NA", "ND", "N/A")
DATABASES: dict[str, str] = {
    "BP01": "balance of payments",
    "CO": "TANKAN, Short-term Economic Survey of Enterprises",
    "PR01": "Corporate Goods Price Index",
    "PR02": "Services Producer Price Index",
    "FM01": "financial markets",
    "FM08": "foreign exchange rates",
    "IR01": "interest rates",
    "MD01": "monetary base",
    "MD02": "money stock",
}


def _label(cell: str) -> str | None:
    text = " ".join(cell.split()).strip(" ：:").lower()
    return next((key for key, names in _LABELS.items() if text in names), None)


def looks_search_page(text: str) -> bool:
    """True when a row among the first ones is a code row: a label, then DB'CODE cells."""
    try:
        rows = csv_rows("\n".join(text.split("\n", 15)[:15]), "")
    except ImportFileError:
        return False
    return any(_code_row(row) for row in rows)


def _code_row(row: list[str]) -> bool:
    cells = [c.strip() for c in row[1:] if c.strip()]
    return (
        bool(row)
        and _label(row[0]) == "code"
        and bool(cells)
        and all(_CODE.match(c) for c in cells)
    )


def _frequency(text: str, path: str) -> str | None:
    found = next((f for pattern, f in _FREQUENCIES if pattern.search(text.strip())), None)
    if found == "FY":
        raise ImportFileError(
            path, None, f"holds fiscal-year data ({text.strip()!r}); download the series monthly"
        )
    return found


def _point(text: str, path: str, line: int) -> tuple[str, tuple[int, int]]:
    """(kind, key): kind A (YYYY), QM (a month that may be a quarter's last) or Q (YYYY/Qn)."""
    match = _DATE.match(text.strip())
    if match is None:
        raise ImportFileError(
            path, line, f"first cell is {text.strip()!r}; expected a period such as 2024/01"
        )
    year, sub = int(match.group(1)), match.group(2)
    if sub is None:
        return "A", (year, 1)
    if sub.upper().startswith("Q"):
        return "Q", (year, int(sub[1:]))
    month = int(sub)
    if not 1 <= month <= 12:
        raise ImportFileError(path, line, f"period {text.strip()!r} has no month {month}")
    return "M", (year, month)


def _periods(
    rows: list[tuple[int, list[str]]], stated: str | None, path: str
) -> tuple[str, list[tuple[int, int]]]:
    """(frequency M, Q or A; the period keys) by the stated frequency or the dates' spacing."""
    points = [_point(row[0], path, line) for line, row in rows]
    kinds = {kind for kind, _ in points}
    keys = [key for _, key in points]
    if len(kinds) > 1:
        raise ImportFileError(path, rows[0][0], "mixes monthly, quarterly and annual periods")
    if kinds != {"M"}:
        return kinds.pop(), keys
    months = [y * 12 + m for y, m in keys]
    spaced = len(months) > 1 and all(b - a == 3 for a, b in pairwise(months))
    if stated == "Q" or (stated is None and spaced and all(m % 3 == 0 for _, m in keys)):
        bad = next((y * 100 + m for y, m in keys if m % 3), None)
        if bad is not None:
            raise ImportFileError(path, None, f"quarterly data dated {bad}: not a quarter's end")
        return "Q", [(y, m // 3) for y, m in keys]
    return "M", keys


def import_boj_search(text: str, path: str, vintage: str) -> ImportedFile:
    """Read a search-page download; ``vintage`` when the file states no last update."""
    rows = csv_rows(text, path)
    header: dict[str, list[str]] = {}
    data: list[tuple[int, list[str]]] = []
    for line, row in enumerate(rows, start=1):
        if not row or not any(c.strip() for c in row):
            continue
        first = row[0].strip()
        if data or _DATE.match(first):
            data.append((line, row))
        elif (key := _label(first)) is not None:
            header.setdefault(key, [c.strip() for c in row[1:]])
    codes = header.get("code", [])
    if not codes:
        raise ImportFileError(path, None, "has no データコード / Series code row")
    _refuse_other_databases(codes, path)
    if not data:
        raise ImportFileError(path, None, "has a header but no data rows")
    width = len(codes) + 1
    for line, row in data:
        if len(row) != width and not (len(row) > width and not any(c.strip() for c in row[width:])):
            raise ImportFileError(
                path, line, f"has {len(row)} fields; expected {width} (truncated file?)"
            )
    stated = {_frequency(c, path) for c in header.get("frequency", []) if c} - {None}
    if len(stated) > 1:
        raise ImportFileError(path, None, "holds series of different frequencies")
    frequency, keys = _periods(data, next(iter(stated), None), path)
    seen: set[tuple[int, int]] = set()
    for (line, row), period in zip(data, keys, strict=True):
        if period in seen:
            raise ImportFileError(path, line, f"period {row[0].strip()} appears twice")
        seen.add(period)
    imported = ImportedFile(path, "boj-search", SEARCH_LABEL, FLAT_CREDIT)
    others = [c for c in codes if c and bare_code(c)[0] != "BP01"]
    if others:
        imported.warnings.append(
            f"{len(others)} series of other BoJ databases skipped ({', '.join(others[:3])}"
            f"{', ...' if len(others) > 3 else ''}): only BP01 is the balance of payments"
        )
    for col, raw_code in enumerate(codes, start=1):
        series = _series(col, raw_code, header, data, (frequency, keys), path, vintage)
        if series is not None:
            imported.series.append(series)
    return imported


def _cell(header: dict[str, list[str]], key: str, col: int) -> str:
    cells = header.get(key, [])
    return cells[col - 1] if col - 1 < len(cells) else ""


def _series(
    col: int,
    raw_code: str,
    header: dict[str, list[str]],
    data: list[tuple[int, list[str]]],
    periods: tuple[str, list[tuple[int, int]]],
    path: str,
    vintage: str,
) -> SourceSeries | None:
    db, code = bare_code(raw_code)
    if db != "BP01":
        return None  # refused by _refuse_other_databases when nothing is BP01
    frequency, keys = periods
    if code in BP01_CODES and frequency != "M":
        raise ImportFileError(
            path, None, f"series {raw_code} is monthly in BP01 but the file holds it "
            f"{'quarterly' if frequency == 'Q' else 'annually'} (converted by the search page, "
            "which may average a flow); download it monthly",
        )  # fmt: skip
    stated_unit = _cell(header, "unit", col)
    series = _Column(
        code=code,
        name=_cell(header, "name", col),
        unit_text=stated_unit or ("100 million yen" if code in BP01_CODES else ""),
        frequency=frequency,
        points={},
        vintage=_update(_cell(header, "update", col), vintage, path),
        line=data[0][0],
    )
    if not stated_unit:
        series.notes = "unit from the BP01 catalogue (the file states none)"
    series.source = (col, data, keys, path)
    return series


class _Column(SourceSeries):
    """One column, parsed (every value checked) only when it is mapped to a project item."""

    source: tuple[int, list[tuple[int, list[str]]], list[tuple[int, int]], str]

    def load(self) -> None:
        """Read and check the column's values."""
        if self.points:
            return
        col, data, keys, path = self.source
        for (line, row), key in zip(data, keys, strict=True):
            cell = row[col].strip() if col < len(row) else ""
            value = (
                None if cell in _MISSING else parse_number(cell, path, line, f"column {col + 1}")
            )
            if key in self.points:
                raise ImportFileError(path, line, f"period {row[0].strip()} appears twice")
            self.points[key] = value
            if value is not None:
                self.decimals = max(self.decimals, decimals_of(cell))


def _update(text: str, fallback: str, path: str) -> str:
    digits = re.sub(r"\D", "", text)
    if not text.strip():
        return fallback
    try:
        return date_vintage(digits)
    except ValueError:
        raise ImportFileError(path, None, f"last update {text.strip()!r} is not a date") from None


def _refuse_other_databases(codes: list[str], path: str) -> None:
    """ImportFileError naming the series when none of them is a BP01 series."""
    found = [bare_code(c) for c in codes if c]
    if any(db == "BP01" for db, _ in found):
        return
    dbs = list(dict.fromkeys(db for db, _ in found))
    names = ", ".join(
        f"{db} ({DATABASES.get(db, DATABASES.get(db[:2], 'another database'))})" for db in dbs
    )
    shown = ", ".join(codes[:3]) + (f" and {len(codes) - 3} more" if len(codes) > 3 else "")
    raise ImportFileError(
        path, None, f"is a download from the BoJ database {names}, not the balance of payments: "
        f"it holds {shown}; expected BP01 series such as BP01'BPBP6JYNCB",
    )  # fmt: skip
