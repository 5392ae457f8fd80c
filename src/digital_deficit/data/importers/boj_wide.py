"""BoJ flat files and search-page CSVs: wide, one row per series, one YYYYMM column per month.

Header row: empty (or label) cells over the 3 or 4 metadata columns, then ``YYYYMM`` columns.
Data rows: series code, [dataset name,] series name, unit, then values; empty or NA is no data.
Parsed with pandas (vectorised); only series that name a project item become observations.
"""

from __future__ import annotations

import csv
import io
import re

from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.series import (
    ImportedFile,
    SourceSeries,
    decimals_of,
)

FLAT_LABEL = "BoJ Time-Series Data Search (CSV download)"
FLAT_CREDIT = "Source: Bank of Japan, Time-Series Data Search; not guaranteed by the Bank of Japan."
_MONTH = re.compile(r"^(\d{4})(0[1-9]|1[0-2])$")
_NA = ["", "NA"]


def looks_wide(first_line: str) -> bool:
    """True when the first row is a wide header (3-4 metadata cells, then YYYYMM cells)."""
    try:
        cells = next(csv.reader([first_line.rstrip("\r")]), [])
    except csv.Error:
        return False
    meta = _meta_count(cells)
    return meta in (3, 4) and len(cells) > meta


def _meta_count(cells: list[str]) -> int:
    for i, cell in enumerate(cells):
        if _MONTH.match(cell.strip()):
            return i
    return -1


def _header(text: str, path: str) -> tuple[list[str], int, list[tuple[int, int]]]:
    first = text.split("\n", 1)[0].rstrip("\r")
    try:
        cells = next(csv.reader([first]), [])
    except csv.Error:
        cells = []
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
        if match is None:
            raise ImportFileError(
                path, 1, f"column {col} header is {cell!r}; expected YYYYMM", cell
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
    return cells, meta, months


def _check_last_line(text: str, width: int, path: str) -> None:
    lines = text.rstrip("\r\n").rsplit("\n", 1)
    last = lines[-1]
    if len(lines) == 1:
        return
    try:
        row = next(csv.reader([last.rstrip("\r")]), [])
    except csv.Error:
        row = []
    if row and any(c.strip() for c in row) and len(row) < width:
        line_no = text.rstrip("\r\n").count("\n") + 1
        raise ImportFileError(
            path, line_no, f"has {len(row)} fields; expected {width} (truncated file?)"
        )


def _locate_bad_cell(text: str, meta: int, path: str) -> ImportFileError:
    for line_no, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        if line_no == 1:
            continue
        for col, cell in enumerate(row[meta:], start=meta + 1):
            raw = cell.strip()
            if raw in _NA:
                continue
            try:
                value = float(raw)
            except ValueError:
                value = float("nan")
            if value != value or value in (float("inf"), float("-inf")):
                return ImportFileError(
                    path, line_no, f"column {col} is {cell!r}; expected a number or a blank cell"
                )
    return ImportFileError(
        path, None, "holds a value that is not a number; expected numbers or blanks"
    )


def _has_nan_text(text: str) -> bool:
    return bool(re.search(r"(?i)(^|,)\s*\"?[+-]?(nan|inf|infinity)\"?\s*(,|$)", text, re.M))


def import_boj_wide(raw: bytes, text: str, encoding: str, path: str, vintage: str) -> ImportedFile:
    """Read a wide BoJ CSV; ``vintage`` is the release or import date (the file states none)."""
    import numpy as np
    import pandas as pd

    cells, meta, months = _header(text, path)
    width = len(cells)
    _check_last_line(text, width, path)
    str_cols = {i: "string" for i in range(meta)}
    try:
        frame = pd.read_csv(
            io.BytesIO(raw),
            encoding=encoding,
            header=None,
            skiprows=1,
            names=list(range(width)),
            dtype={**str_cols, **{i: "float64" for i in range(meta, width)}},
            na_values=_NA,
            keep_default_na=False,
            skip_blank_lines=True,
        )
    except ValueError as exc:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if found:
            raise ImportFileError(
                path, int(found.group(2)), f"has {found.group(3)} fields; expected {width}"
            ) from None
        raise _locate_bad_cell(text, meta, path) from None
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ImportFileError(path, None, f"cannot be parsed as CSV ({exc})") from None
    values = frame.iloc[:, meta:].to_numpy(dtype="float64")
    if not np.isfinite(values[~np.isnan(values)]).all() or _has_nan_text(text):
        raise _locate_bad_cell(text, meta, path)
    codes = frame[0].fillna("").str.strip()
    name_col = 2 if meta == 4 else 1
    names = frame[name_col].fillna("").str.strip()
    units = frame[meta - 1].fillna("").str.strip()
    empty = codes == ""
    if empty.any():
        row = int(empty.to_numpy().nonzero()[0][0])
        raise ImportFileError(path, row + 2, "has no series code; expected one in column 1")
    duplicated = codes.duplicated()
    if duplicated.any():
        row = int(duplicated.to_numpy().nonzero()[0][0])
        raise ImportFileError(
            path, row + 2, f"series {codes.iloc[row]} appears twice; expected once"
        )
    imported = ImportedFile(path, "boj-wide", FLAT_LABEL, FLAT_CREDIT)
    imported.series = [
        _LazySeries(
            frame,
            row,
            meta,
            months,
            str(codes.iloc[row]),
            str(names.iloc[row]),
            str(units.iloc[row]),
            vintage,
        )
        for row in range(len(frame))
    ]
    return imported


class _LazySeries(SourceSeries):
    """A row whose values are turned into a dict only when the series is mapped (speed)."""

    def __init__(
        self,
        frame: object,
        row: int,
        meta: int,
        months: list[tuple[int, int]],
        code: str,
        name: str,
        unit: str,
        vintage: str,
    ) -> None:
        super().__init__(
            code=code,
            name=name,
            unit_text=unit,
            frequency="M",
            points={},
            vintage=vintage,
            line=row + 2,
        )
        self._frame, self._row, self._meta, self._months = frame, row, meta, months
        self._loaded = False

    def load(self) -> None:
        """Fill ``points`` and ``decimals`` from the frame row."""
        if self._loaded:
            return
        values = self._frame.iloc[self._row, self._meta :].tolist()  # type: ignore[attr-defined]
        points: dict[tuple[int, int], float | None] = {}
        decimals = 0
        for key, value in zip(self._months, values, strict=True):
            if value != value:
                points[key] = None
            else:
                points[key] = float(value)
                decimals = max(decimals, decimals_of(repr(float(value))))
        self.points, self.decimals, self._loaded = points, decimals, True
