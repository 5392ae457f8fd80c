"""The BoJ API's long CSV: one row per series and survey date (UTF-8 for en, Shift-JIS for jp).

Speed: rows are grouped by their first field (the series code) without parsing them (one
regular expression finds each run of consecutive rows of a series); only
the first row of each series is parsed (code, name, unit, frequency) and only the rows of a
series that names a project item are parsed in full (every field and value checked, strict
quoting). Rows of other series never become figures and are not validated further.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator

from digital_deficit.data.boj import CREDIT_LINE
from digital_deficit.data.importers.boj_api import (
    API_LABEL,
    frequency_of,
    point_of,
    vintage_of,
)
from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.series import (
    ImportedFile,
    SourceSeries,
    decimals_of,
    parse_number,
)

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


def _row(line: str, path: str, line_no: int) -> list[str]:
    try:
        return next(csv.reader([line.rstrip("\r")], strict=True), [])
    except csv.Error as exc:
        raise ImportFileError(path, line_no, f"is not valid CSV ({exc})") from None


def _header(text: str, path: str) -> tuple[int, int, dict[str, int], int]:
    """(line number of the header, offset after it, column of each name, field count)."""
    offset = 0
    for index, line in enumerate(text.split("\n", 20)[:20]):
        cells = [c.strip().removesuffix("_J") for c in _row(line, path, index + 1)]
        offset += len(line) + 1
        if cells[:1] != ["SERIES_CODE"]:
            continue
        missing = [c for c in CSV_COLUMNS if c not in cells]
        if missing:
            raise ImportFileError(
                path,
                index + 1,
                f"header lacks {', '.join(missing)}; expected {','.join(CSV_COLUMNS)}",
            )
        return index + 1, offset, {name: cells.index(name) for name in CSV_COLUMNS}, len(cells)
    raise ImportFileError(path, 1, f"has no header row; expected {','.join(CSV_COLUMNS)}")


_RUN = re.compile(r"^([^,\r\n]*),[^\n]*\n(?:\1,[^\n]*\n)*", re.M)
"""A run of consecutive rows with the same first field (matched in C, not row by row)."""

Span = tuple[int, int, int]
"""(start offset, end offset, line number of the first row) of a run of rows."""


def _check_gap(text: str, start: int, end: int, line_no: int, width: int, path: str) -> int:
    """Between runs only blank lines may stand; returns the line number after the gap."""
    gap = text[start:end]
    for offset, line in enumerate(gap.split("\n")[:-1] if gap else []):
        if line.strip(" \r\t"):
            raise ImportFileError(
                path, line_no + offset, f"has 1 field; expected {width} (truncated file?)"
            )
    return line_no + gap.count("\n")


def import_boj_csv(text: str, path: str, fallback_vintage: str, db: str = "BP01") -> ImportedFile:
    """A getDataCode CSV (long: one row per series and survey date)."""
    if not text.endswith("\n"):
        text += "\n"  # a last line without its line break (BoJ files may end so)
    header_line, pos, col, width = _header(text, path)
    line_no = header_line + 1
    runs: dict[str, list[Span]] = {}
    for match in _RUN.finditer(text, pos):
        line_no = _check_gap(text, pos, match.start(), line_no, width, path)
        runs.setdefault(match.group(1), []).append((match.start(), match.end(), line_no))
        line_no += text.count("\n", match.start(), match.end())
        pos = match.end()
    _check_gap(text, pos, len(text), line_no, width, path)
    if not runs:
        raise ImportFileError(path, header_line, "has a header but no data rows")
    imported = ImportedFile(path, "boj-csv", f"{API_LABEL}, {db}", CREDIT_LINE)
    by_code: dict[str, _LongSeries] = {}
    for spans in runs.values():
        start, _, first_line = spans[0]
        first = _row(text[start : text.index("\n", start)], path, first_line)
        if len(first) != width:
            raise ImportFileError(
                path, first_line, f"has {len(first)} fields; expected {width} (truncated file?)"
            )
        code = first[col["SERIES_CODE"]].strip()
        if code in by_code:  # the same code written quoted and unquoted
            by_code[code].spans += spans
            continue
        series = _LongSeries(text, spans, col, width, first, path, fallback_vintage)
        series.warnings = imported.warnings
        by_code[code] = series
        imported.series.append(series)
    return imported


class _LongSeries(SourceSeries):
    """The rows of one series; parsed and checked in full only when it is mapped."""

    def __init__(
        self,
        text: str,
        spans: list[Span],
        col: dict[str, int],
        width: int,
        first: list[str],
        path: str,
        fallback_vintage: str,
    ) -> None:
        line_no = spans[0][2]
        code = first[col["SERIES_CODE"]].strip()
        super().__init__(
            code=code,
            name=first[col["NAME_OF_TIME_SERIES"]].strip(),
            unit_text=first[col["UNIT"]].strip(),
            frequency=frequency_of(first[col["FREQUENCY"]], path, line_no, code),
            points={},
            vintage=vintage_of(first[col["LAST_UPDATE"]].strip(), fallback_vintage, path, line_no),
            line=line_no,
        )
        self.spans = spans
        self.warnings: list[str] = []
        self._text, self._col, self._width, self._path = text, col, width, path
        self._fallback, self._loaded = fallback_vintage, False

    def _rows(self) -> Iterator[tuple[int, list[str]]]:
        for start, end, first_line in sorted(self.spans, key=lambda span: span[2]):
            lines = self._text[start:end].split("\n")[:-1]
            for offset, line in enumerate(lines):
                yield first_line + offset, _row(line, self._path, first_line + offset)

    def load(self) -> None:
        """Parse and check every row of the series (unit, frequency, date, value, update)."""
        if self._loaded:
            return
        col, path, code = self._col, self._path, self.code
        updates: dict[str, int] = {}
        seen: dict[tuple[int, int], int] = {}
        for line_no, row in self._rows():
            if len(row) != self._width:
                raise ImportFileError(
                    path,
                    line_no,
                    f"has {len(row)} fields; expected {self._width} (truncated file?)",
                )
            unit = row[col["UNIT"]].strip()
            if unit != self.unit_text:
                raise ImportFileError(
                    path,
                    line_no,
                    f"unit changes in series {code}: {unit!r} after {self.unit_text!r}; "
                    "expected one unit",
                    "UNIT",
                )
            if frequency_of(row[col["FREQUENCY"]], path, line_no, code) != self.frequency:
                raise ImportFileError(
                    path, line_no, f"frequency changes in series {code}; expected one frequency"
                )
            updates.setdefault(row[col["LAST_UPDATE"]].strip(), line_no)
            date = row[col["SURVEY_DATE"]]
            key = point_of(date, self.frequency, path, line_no, code)
            if key in seen:
                raise ImportFileError(
                    path,
                    line_no,
                    f"series {code} gives {date.strip()} twice (line {seen[key]}); "
                    "expected each period once",
                )
            seen[key] = line_no
            raw = row[col["VALUE"]]
            value = parse_number(raw, path, line_no, "VALUE")
            self.points[key] = value
            if value is not None:
                self.decimals = max(self.decimals, decimals_of(raw))
        vintages = {
            vintage_of(text, self._fallback, path, line_no) for text, line_no in updates.items()
        }
        self.vintage = max(vintages)
        if len(vintages) > 1:
            self.warnings.append(
                f"series {code} has {len(vintages)} LAST_UPDATE dates "
                f"({', '.join(sorted(vintages))}); the latest, {self.vintage}, is its vintage"
            )
        self._loaded = True
