"""Shared helpers of the briefing tests (not a conftest: import what you use)."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl

from digital_deficit.export.builder import write_briefing
from digital_deficit.export.options import BriefOptions

GENERATED = _dt.datetime(2026, 11, 23, 9, 0, tzinfo=_dt.timezone.utc)


def build(tmp: Path, name: str = "briefing.xlsx", **options: Any) -> Path:
    """Write a briefing with fixed generation time; returns its path."""
    out = tmp / name
    write_briefing(BriefOptions(**options), out, force=True, generated=GENERATED)
    return out


def formula_cells(path: Path) -> Iterator[tuple[str, str, str]]:
    """(sheet, coordinate, formula) of every formula cell."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    yield ws.title, cell.coordinate, str(cell.value)


def values(path: Path) -> Any:
    """The workbook opened for its stored (cached) values."""
    return openpyxl.load_workbook(path, data_only=True)


def same(a: object, b: object) -> bool:
    """Equal cell values: numbers to 1e-9, an empty text result saved as "" or as nothing."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if a in (None, "") and b in (None, ""):
        return True
    return a == b


def differences(built: Path, recalculated: Path) -> list[tuple[str, str, object, object]]:
    """(sheet, cell, cached, recalculated) of every formula whose recalculated value differs
    from the value cached in the built workbook."""
    cached, fresh = values(built), values(recalculated)
    return [
        (s, c, cached[s][c].value, fresh[s][c].value)
        for s, c, _ in formula_cells(built)
        if not same(cached[s][c].value, fresh[s][c].value)
    ]
