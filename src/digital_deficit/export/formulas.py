"""Excel formula text for the metrics; functions both Excel and LibreOffice 7.4 know.

Missing values are the text "n/a": every formula checks with COUNT that its inputs are numbers
and otherwise gives "n/a", so a gap never turns into a zero. The conditions mirror the core's
(a ratio of values of opposite sign is missing, and so on); the values are the core's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from digital_deficit.core.excel import to_excel
from digital_deficit.core.units import OKU_PER_TRILLION
from digital_deficit.data.figures import Figure

NA = '"n/a"'


def guarded(refs: Sequence[str], expr: str) -> str:
    """``expr`` when every ref holds a number, else "n/a"."""
    return f"IF(COUNT({','.join(refs)})<{len(refs)},{NA},{expr})"


def sum_of(refs: Sequence[str]) -> str:
    """Sum of the refs, "n/a" unless all are numbers (never a partial sum)."""
    return guarded(refs, f"SUM({','.join(refs)})")


def same_sign_ratio(current: str, base: str, minus_one: bool = False) -> str:
    """current / base (minus 1 for a change); "n/a" when base is 0 or the signs differ."""
    tail = "-1" if minus_one else ""
    return guarded(
        [current, base],
        f"IF(OR({base}=0,{current}*{base}<0),{NA},{current}/{base}{tail})",
    )


def share_of_deficit(digital: str, reference: str) -> str:
    """Digital deficit / another deficit; "n/a" unless both are deficits."""
    return guarded(
        [digital, reference], f"IF(OR({reference}>=0,{digital}>0),{NA},{digital}/{reference})"
    )


def tourism_coverage(travel: str, digital: str) -> str:
    """Travel surplus / size of the digital deficit; "n/a" when either is not so."""
    return guarded([travel, digital], f"IF(OR({digital}>=0,{travel}<0),{NA},{travel}/-{digital})")


def oil_ratio(digital: str, oil: str) -> str:
    """Size of the digital deficit / crude-oil import bill."""
    return guarded([digital, oil], f"IF(OR({digital}>=0,{oil}<=0),{NA},-{digital}/{oil})")


def cash_flow(method: str, ca: str, inputs: dict[str, str], share: str) -> str:
    """Cash-flow current account by method, over refs to the needed net flows."""
    if method == "repatriation":
        pi = inputs["primary_income"]
        return guarded([ca, pi, share], f"{ca}-(1-{share})*{pi}")
    needs = {
        "karakama": ("reinvested_earnings", "portfolio_investment_income"),
        "oguro1": ("reinvested_earnings",),
        "oguro2": ("reinvested_earnings", "bond_interest"),
    }[method]
    refs = [inputs[n] for n in needs]
    outflow = refs[0] if len(refs) == 1 else "(" + "+".join(refs) + ")"
    return guarded([ca, *refs], f"{ca}-{outflow}")


def select(values_range: str, keys_range: str, name: str) -> str:
    """The value of the row whose key equals the named input."""
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


def at_year(values_range: str, header_range: str, year_ref: str) -> str:
    """The value of a period row in the year held by ``year_ref`` ("n/a" when none or absent)."""
    match = f"MATCH({year_ref},{header_range},0)"
    return f"IF(ISNUMBER({year_ref}),IF(ISNA({match}),{NA},INDEX({values_range},{match})),{NA})"


DataRef = Callable[[tuple[str, ...]], str]


def figure_expression(fig: Figure, data_ref: DataRef) -> str | None:
    """The figure's own derivation written over Data-sheet cells, in ¥ trillion (the Data
    sheet holds oku yen); None when the figure is missing."""
    if fig.value is None:
        return None
    cells = {name: data_ref((*obs.key, obs.vintage)) for name, obs in fig.observations().items()}
    return to_excel(fig.expr / OKU_PER_TRILLION, cells)
