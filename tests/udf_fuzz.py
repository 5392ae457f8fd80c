"""Hypothesis strategies for every Excel function's arguments, and the rule every call must keep.

Each argument gets either a hostile value (extreme numbers, blanks, text, booleans, dates, empty,
ragged and large ranges, in every shape a runtime may hand over) or a value the argument is meant
to take (an item id, a period, a basis, a dataset table...) so that the arithmetic behind the
argument checks is reached with extreme numbers too. The rule (``check``): a call either raises
the functions' own typed error (UdfError, an XlwingsError) with a one-line message of bounded
length, or returns cells that are finite numbers, ``#N/A`` or (for the functions that return
text) text; never a plain Python exception, never inf or NaN.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import math
import random
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from xlwings import XlwingsError

from digital_deficit import udfs
from digital_deficit.core.items import ITEM_IDS
from digital_deficit.udfs.args import NA, UdfError

FUNCTIONS: dict[str, Callable[..., object]] = {name: getattr(udfs, name) for name in udfs.__all__}
TEXT_RESULTS = frozenset({"dd_source", "dd_series", "dd_items", "dd_definitions"})
"""Functions whose cells may hold text (citations, headers, labels); the others give numbers."""
DATA_FUNCTIONS = ("dd_value", "dd_series", "dd_source")
MAX_MESSAGE = 1_000
"""Longest error message accepted: a 32,767-character cell is not echoed whole."""

EXTREME_NUMBERS = [
    1e308,
    -1e308,
    1.7976931348623157e308,
    5e-324,
    -5e-324,
    1e-300,
    0.0,
    -0.0,
    math.inf,
    -math.inf,
    math.nan,
]
PLAIN_NUMBERS = [1.0, -1.0, 0.5, 2, 2024, 2030.0, 45657, -55194.0, 200597.0, 12.5]
HOSTILE_TEXT = [
    "",
    "   ",
    "abc",
    "#N/A",
    "#DIV/0!",
    "2024",
    "FY2024",
    "1e308",
    "nan",
    "inf",
    "=HYPERLINK(1)",
    "line\nbreak",
    "tab\there",
    "\x00",
    "日本",
    "x" * 2_000,
]
DATES = [
    dt.datetime(2024, 3, 31),
    dt.datetime(2024, 12, 31, 13, 45),
    dt.date(2014, 1, 1),
    dt.datetime(1900, 1, 1),
    dt.datetime(9999, 12, 31),
]
RANDOM = random.Random(20260518)
"""Fixed seed: the pools below are the same on every run (hypothesis combines them)."""
SCALARS: list[Any] = [
    *EXTREME_NUMBERS,
    None,
    True,
    False,
    *PLAIN_NUMBERS,
    *HOSTILE_TEXT,
    *DATES,
    10**20,
    -(10**20),
    *(RANDOM.uniform(-1e6, 1e6) for _ in range(8)),
    *(math.ldexp(RANDOM.random(), RANDOM.randint(-1074, 1024)) for _ in range(8)),
]


def shapes(
    cells: list[Any], count: int = 120, most: int = 6, length: int | None = None
) -> list[Any]:
    """Forms an argument arrives in, built from ``cells``: each value alone and as a 1x1 range,
    then rows, columns, 2D blocks and flat lists (a direct Python call) of ``length`` cells
    (1 to ``most`` when None), and empty and ragged ranges when ``length`` is None."""
    out: list[Any] = [*cells, *([[v]] for v in cells)]
    for _ in range(count):
        picked = RANDOM.choices(cells, k=length or RANDOM.randint(1, most))
        form = RANDOM.randrange(3 if length else 4)
        if form == 0:
            out.append([picked])
        elif form == 1:
            out.append([[v] for v in picked])
        elif form == 2:
            out.append(picked)
        else:
            out.append([picked, RANDOM.choices(cells, k=len(picked))])
    odd = [[], [[]], [[1.0], [2.0, 3.0]], [[None] * 3] * 3]
    return out if length else [*out, *odd]


HOSTILE = shapes(SCALARS, 300)
HUGE = [[[1e308]] * 5_000, [[None] * 5_000], [[2024.0] * 5_000]]
"""Large ranges (a column, a row): a few, since they cost time on every call."""

# --- what each argument is meant to take -----------------------------------------------------

DATA_HEADER = [
    "country", "basis", "period", "item", "definition", "side", "value", "unit", "precision",
    "vintage", "source",
]  # fmt: skip
YEARS = [*range(2012, 2027), 0, 1850, 2030, 2100, 9999, -1]
PERIODS = [
    *YEARS,
    *(float(y) for y in YEARS),
    *["FY2024", "2024Q1", "2024-03", "2024H2", "FY2013", "2030", "2024-13"],
    *DATES,
    *[45657, 45382.0, 1.0, 2958465],
]
NUMBERS = [*EXTREME_NUMBERS, *PLAIN_NUMBERS, *(RANDOM.uniform(-1e5, 1e5) for _ in range(20))]
VINTAGES = ["preliminary", "revised-2025-07", "published", "analyst", "2026-05-18", "2026-02-30"]


def data_row() -> list[Any]:
    """One row of a dataset table: mostly well-formed (with an extreme value), else odd cells."""
    if RANDOM.random() < 0.7:
        item = RANDOM.choice(["digital", "travel", "services", "current_account"])
        return [
            "JPN",
            "CY",
            RANDOM.choice([2023, 2024, 2030, "2024"]),
            item,
            RANDOM.choice(["mof3", "narrow"]) if item == "digital" else None,
            "net",
            RANDOM.choice(NUMBERS),
            "oku_yen",
            RANDOM.choice([1, 1000]),
            RANDOM.choice(["analyst", "2026-05-18", dt.datetime(2026, 5, 18)]),
            "mine",
        ]
    return [
        RANDOM.choice(["JPN", "DEU", "", None]),
        RANDOM.choice(["CY", "FY", "M", "Q", "", "XX"]),
        RANDOM.choice(PERIODS),
        RANDOM.choice(["digital", "travel", "services", "goods", "nope"]),
        RANDOM.choice(["mof3", "narrow", "", None]),
        RANDOM.choice(["net", "credit", "debit"]),
        RANDOM.choice([*NUMBERS, *HOSTILE_TEXT[:6]]),
        RANDOM.choice(["oku_yen", "usd_million", ""]),
        RANDOM.choice([1, 1000, 0, -1, None, 1e308]),
        RANDOM.choice([*VINTAGES, *DATES, 45657]),
        RANDOM.choice(["mine", "", None, "=1+1"]),
    ]


def data_table() -> list[list[Any]]:
    """A dataset table in a range: the header and a few rows."""
    return [list(DATA_HEADER), *(data_row() for _ in range(RANDOM.randint(0, 4)))]


MOF3_PARTS = ["copyright_royalties", "ict_services", "consulting"]
NARROW_PARTS = ["copyright_royalties", "computer_services", "consulting"]
ICT_PARTS = ["copyright_royalties", "telecom_services", "computer_services",
             "information_services", "consulting"]  # fmt: skip


def item_table() -> list[list[Any]]:
    """A table of digital components: a header of item ids and rows, or id/value pairs."""
    ids = RANDOM.choice(
        [MOF3_PARTS, NARROW_PARTS, ICT_PARTS, RANDOM.sample([*ITEM_IDS, "DIGITAL"], 3)]
    )
    if RANDOM.random() < 0.3:
        return [[item_id, RANDOM.choice(NUMBERS + SCALARS)] for item_id in ids]
    body = [[RANDOM.choice(NUMBERS) for _ in ids] for _ in range(RANDOM.randint(0, 3))]
    return [list(ids), *body]


MEANT: dict[str, list[Any]] = {
    "item": [*ITEM_IDS, "DIGITAL", " travel "],
    "period": shapes(
        [*range(2012, 2027), "FY2024", "2024Q1", "2024-03", "2024H2", *DATES], 60, 3, 3
    ),
    "first": [2014, 2023, "FY2020", "2024Q1", "2024-03", dt.datetime(2024, 3, 31)],
    "last": [2024, 2025, "FY2024", "2024Q4", "2024-12", dt.datetime(2024, 12, 31)],
    "target": shapes([2030, 2035.0, 2026], 60, 3, 3),
    "periods": [[RANDOM.sample(range(2012, 2027), 3)] for _ in range(60)],
    "values": [[RANDOM.choices(NUMBERS, k=3)] for _ in range(60)],
    "basis": ["CY", "FY", "cy"],
    "definition": ["mof3", "narrow", "NARROW", "copyright_royalties,consulting"],
    "side": ["net", "credit", "debit", "Net"],
    "vintage": ["preliminary", "revised-2025-07", "published", "analyst", "2026-05-18"],
    "method": ["cagr", "linear", "karakama", "oguro1", "oguro2", "repatriation"],
    "data": [None, *(data_table() for _ in range(150))],
    "items": [item_table() for _ in range(150)],
}
ODD: dict[str, list[Any]] = {
    "period": shapes(PERIODS),
    "first": PERIODS,
    "last": PERIODS,
    "target": shapes(PERIODS, 60, 3),
    "periods": [[RANDOM.sample(YEARS, RANDOM.randint(1, 6))] for _ in range(60)],
    "basis": ["H", "Q", "M", "YY"],
    "definition": ["custom", "digital", "a,,b", "travel,travel"],
    "side": ["both"],
    "vintage": ["2026-02-30", "revised-2025-13", "x"],
    "method": ["other", "CAGR "],
}
"""Values an argument is nearly meant to take (a period that does not exist, an unknown
method): drawn beside the hostile values."""
NUMBER_SHAPES = shapes(NUMBERS, 60, 3, 3)
"""Numbers as one cell or a row or column of three: ranges of one length, as meant."""


def parameters(name: str) -> list[inspect.Parameter]:
    """The function's parameters (xlwings keeps the signature)."""
    return list(inspect.signature(FUNCTIONS[name]).parameters.values())


@functools.cache
def _meant(name: str) -> st.SearchStrategy[Any]:
    return st.sampled_from([None, *MEANT.get(name, NUMBER_SHAPES)])


@functools.cache
def _any(name: str) -> st.SearchStrategy[Any]:
    """What an argument is meant to take (a third of the time), a hostile value alone (a
    third), else a nearly meant value, a hostile one in any shape or a huge range."""
    return st.one_of(
        _meant(name),
        st.sampled_from(SCALARS),  # each hostile value alone, as often as all the shapes
        st.sampled_from([*ODD.get(name, []), *HOSTILE, *HUGE]),
    )


@st.composite
def calls(draw: st.DrawFn, name: str) -> list[Any]:
    """The positional arguments of one call; trailing optional arguments may be left out.

    Half the calls give every argument what it is meant to take (or omit it), so that the
    arithmetic is reached; the others mix in hostile values anywhere.
    """
    params = parameters(name)
    pick = _meant if draw(st.booleans(), label="every argument as meant") else _any
    values = [draw(pick(p.name), label=p.name) for p in params]
    required = sum(p.default is inspect.Parameter.empty for p in params)
    keep = draw(st.integers(required, len(params)))
    return values[:keep]


# --- the rule --------------------------------------------------------------------------------


def cells_of(result: object) -> list[object]:
    """Every cell of a result: a value, a flat list or a 2D list."""
    if isinstance(result, list):
        return [c for row in result for c in (row if isinstance(row, list) else [row])]
    return [result]


def bad_result(name: str, result: object) -> str | None:
    """Why a returned result breaks the rule (None when it keeps it)."""
    if isinstance(result, list) and not result:
        return "an empty result"
    for cell in cells_of(result):
        if isinstance(cell, bool):
            return f"a boolean cell {cell!r}"
        if isinstance(cell, (int, float)):
            if not math.isfinite(cell):
                return f"a non-finite number {cell!r}"
        elif isinstance(cell, str):
            if cell != NA and name not in TEXT_RESULTS:
                return f"text {cell[:80]!r} from a function that gives numbers"
        elif isinstance(cell, list):
            return "a result nested deeper than two dimensions"
        else:
            return f"a cell of type {type(cell).__name__}"
    return None


def bad_error(exc: BaseException) -> str | None:
    """Why a raised exception breaks the rule (None for a typed one-line error)."""
    if not isinstance(exc, (UdfError, XlwingsError)):
        return f"plain Python error {type(exc).__name__}: {str(exc)[:200]}"
    message = str(exc)
    if not message.strip():
        return "an empty message"
    if "\n" in message or "\r" in message:
        return f"a message of several lines: {message[:200]!r}"
    if len(message) > MAX_MESSAGE:
        return f"a message of {len(message):,} characters"
    return None


def check(name: str, args: list[Any]) -> tuple[str, str | None]:
    """Call ``name`` with ``args``: ("error" or "value", why it breaks the rule or None)."""
    try:
        result = FUNCTIONS[name](*args)
    except Exception as exc:  # every exception is judged by the rule, not let through
        return "error", bad_error(exc)
    return "value", bad_result(name, result)
