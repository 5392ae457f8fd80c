"""A chart series as the chart-data sheet holds it, and the formula pieces its rows share."""

from __future__ import annotations

from dataclasses import dataclass

from digital_deficit.export.cells import Cached, ExcelError
from digital_deficit.export.layout import SheetLayout
from digital_deficit.export.numbers import BriefNumbers

NA = ExcelError("#N/A")


@dataclass
class SeriesData:
    """A chart series: its row on the chart-data sheet, label and cached points."""

    layout: SheetLayout
    key: str
    label: str
    points: list[float | None]


def chart_cached(value: float | None) -> Cached:
    """A chart point's cached value: #N/A (a gap) where missing."""
    return NA if value is None else value


def definition_index(numbers: BriefNumbers) -> str:
    """The position of the Definition input among the Digital sheet's definitions."""
    ids = ",".join(f'"{d}"' for d in numbers.definition_ids)
    return f"MATCH(Definition,{{{ids}}},0)"


def choose(numbers: BriefNumbers, options: list[str]) -> str:
    """CHOOSE over the definitions by the Definition input (no INDEX over a one-row range:
    Gnumeric reads its index as a row and gives #REF!)."""
    return f"CHOOSE({definition_index(numbers)},{','.join(options)})"
