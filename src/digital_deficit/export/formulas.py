"""Excel formula text of the workbook's plumbing (lookups, chart gaps, a figure's derivation);
the metrics' own formulas are the catalogue's (``Metric.to_excel``).

Missing values are the text "n/a" (a gap, #N/A, in chart data): never a zero. Only functions
Excel, LibreOffice 7.4 and Gnumeric evaluate alike; no INDEX with one index over a one-row
range (Gnumeric reads the index as a row and gives #REF!): INDEX(range,1,column) instead.
"""

from __future__ import annotations

from collections.abc import Callable

from digital_deficit.core.excel import to_excel
from digital_deficit.core.units import OKU_PER_TRILLION
from digital_deficit.data.figures import Figure

NA = '"n/a"'


def select(values_range: str, keys_range: str, name: str) -> str:
    """The value of the row whose key equals the named input (a column range of values)."""
    return f"INDEX({values_range},MATCH({name},{keys_range},0))"


def chart_value(ref: str) -> str:
    """The value for a chart: #N/A (a gap) where the cell holds no number."""
    return f"IF(ISNUMBER({ref}),{ref},NA())"


def year_if(ref: str, year_ref: str, also: str | None = None) -> str:
    """The year where ``ref`` holds a number (and ``also`` is true), else "" (MAX skips it)."""
    test = f"ISNUMBER({ref})" if also is None else f"AND(ISNUMBER({ref}),{also})"
    return f'IF({test},{year_ref},"")'


def latest_year(year_range: str) -> str:
    """The last year with a value in a year-if row, or "n/a"."""
    return f"IF(COUNT({year_range})=0,{NA},MAX({year_range}))"


def at_year(values_range: str, header_range: str, year_ref: str, na: str = NA) -> str:
    """The value of a period row in the year held by ``year_ref`` (``na``, "n/a" unless told,
    when none or absent)."""
    match = f"MATCH({year_ref},{header_range},0)"
    return f"IF(ISNUMBER({year_ref}),IF(ISNA({match}),{na},INDEX({values_range},1,{match})),{na})"


DataRef = Callable[[tuple[str, ...]], str]


def figure_expression(fig: Figure, data_ref: DataRef) -> str | None:
    """The figure's own derivation written over Data-sheet cells, in ¥ trillion (the Data
    sheet holds oku yen); None when the figure is missing."""
    if fig.value is None:
        return None
    cells = {name: data_ref((*obs.key, obs.vintage)) for name, obs in fig.observations().items()}
    return to_excel(fig.expr / OKU_PER_TRILLION, cells)
