"""BoJ flat files and search-page CSVs: wide, one row per series, one YYYYMM column per month.

Header row: empty (or label) cells over the 3 or 4 metadata columns, then ``YYYYMM`` columns.
Data rows: series code, [dataset name,] series name, unit, then values; empty or NA is no data.
Speed: every row's metadata is read with one regular expression; only the rows of series that
name a project item are parsed in full (every value checked, exactly as written). Rows of
other series are not validated beyond their metadata: they never become figures.
"""

from __future__ import annotations

import csv
import re

from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.series import (
    ImportedFile,
    SourceSeries,
    decimals_of,
    parse_number,
)

FLAT_LABEL = "BoJ Time-Series Data Search (CSV download)"
FLAT_CREDIT = "Source: Bank of Japan, Time-Series Data Search; not guaranteed by the Bank of Japan."
_MONTH = re.compile(r"^(\d{4})(0[1-9]|1[0-2])$")
_FIELD = r'(?:"((?:[^"]|"")*)"|([^,"\r\n]*))'
_NA = ("", "NA")


def _row_prefix(meta: int) -> re.Pattern[str]:
    return re.compile(r"^" + r",".join([_FIELD] * meta) + r"(?:,|\r?$)")


def _unquote(match: re.Match[str], index: int) -> str:
    quoted, plain = match.group(2 * index + 1), match.group(2 * index + 2)
    return (quoted.replace('""', '"') if quoted is not None else plain or "").strip()


def _cells(line: str) -> list[str]:
    try:
        return next(csv.reader([line.rstrip("\r")]), [])
    except csv.Error:
        return []


def looks_wide(first_line: str) -> bool:
    """True when the first row is a wide header (3-4 metadata cells, then YYYYMM cells)."""
    cells = _cells(first_line)
    meta = _meta_count(cells)
    return meta in (3, 4) and len(cells) > meta


def _meta_count(cells: list[str]) -> int:
    for i, cell in enumerate(cells):
        if _MONTH.match(cell.strip()):
            return i
    return -1


def _header(first: str, path: str) -> tuple[int, int, list[tuple[int, int]]]:
    cells = _cells(first)
    meta = _meta_count(cells)
    if meta not in (3, 4):
        raise ImportFileError(
            path,
            1,
            "header has no YYYYMM period columns after 3 or 4 metadata columns; "
            "expected a BoJ wide CSV",
        )
    months: list[tuple[int, int]] = []
    seen: dict[tuple[int, int], int] = {}
    for col, cell in enumerate(cells[meta:], start=meta + 1):
        match = _MONTH.match(cell.strip())
        if match is None or not 1850 <= int(match.group(1)) <= 2100:
            raise ImportFileError(
                path, 1, f"column {col} header is {cell!r}; expected YYYYMM (1850-2100)"
            )
        key = (int(match.group(1)), int(match.group(2)))
        if key in seen:
            raise ImportFileError(
                path,
                1,
                f"period {cell.strip()} appears in columns {seen[key]} and {col}; "
                "expected each period once",
            )
        seen[key] = col
        months.append(key)
    return len(cells), meta, months


def import_boj_wide(text: str, path: str, vintage: str) -> ImportedFile:
    """Read a wide BoJ CSV; ``vintage`` is the release or import date (the file states none)."""
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise ImportFileError(path, None, "is empty; expected a BoJ wide CSV")
    width, meta, months = _header(lines[0], path)
    if len(lines) > 1:
        last = _cells(lines[-1])
        if last and len(last) < width:
            raise ImportFileError(
                path, len(lines), f"has {len(last)} fields; expected {width} (truncated file?)"
            )
    prefix = _row_prefix(meta)
    name_at = 2 if meta == 4 else 1
    imported = ImportedFile(path, "boj-wide", FLAT_LABEL, FLAT_CREDIT)
    seen: dict[str, int] = {}
    for line_no, line in enumerate(lines[1:], start=2):
        if not line.strip(", \r"):
            continue
        match = prefix.match(line)
        if match is None:
            raise ImportFileError(
                path, line_no, f"does not start with {meta} metadata fields; expected a series row"
            )
        code = _unquote(match, 0)
        if not code:
            raise ImportFileError(path, line_no, "has no series code; expected one in column 1")
        if code in seen:
            raise ImportFileError(
                path, line_no, f"series {code} appears twice (line {seen[code]}); expected once"
            )
        seen[code] = line_no
        imported.series.append(
            _LazySeries(
                line, width, meta, months, code, _unquote(match, name_at),
                _unquote(match, meta - 1), vintage, line_no, path,
            )
        )  # fmt: skip
    return imported


class _LazySeries(SourceSeries):
    """A row whose values are parsed only when the series is mapped to a project item."""

    def __init__(
        self,
        line: str,
        width: int,
        meta: int,
        months: list[tuple[int, int]],
        code: str,
        name: str,
        unit: str,
        vintage: str,
        line_no: int,
        path: str,
    ) -> None:
        super().__init__(
            code=code, name=name, unit_text=unit, frequency="M", points={},
            vintage=vintage, line=line_no,
        )  # fmt: skip
        self._raw, self._width, self._meta, self._months, self._path = (
            line, width, meta, months, path,
        )  # fmt: skip
        self._loaded = False

    def load(self) -> None:
        """Parse and check every value of the row."""
        if self._loaded:
            return
        cells = _cells(self._raw)
        if len(cells) != self._width:
            raise ImportFileError(
                self._path, self.line, f"has {len(cells)} fields; expected {self._width}"
            )
        points: dict[tuple[int, int], float | None] = {}
        decimals = 0
        for col, (key, cell) in enumerate(
            zip(self._months, cells[self._meta :], strict=True), start=self._meta + 1
        ):
            raw = cell.strip()
            if raw in _NA:
                points[key] = None
                continue
            if "," in raw:
                raise ImportFileError(
                    self._path, self.line, f"column {col} is {cell!r}; expected a number"
                )
            points[key] = parse_number(raw, self._path, self.line, f"column {col}")
            decimals = max(decimals, decimals_of(raw))
        self.points, self.decimals, self._loaded = points, decimals, True
