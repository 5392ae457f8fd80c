"""Excel argument handling for the UDFs: cells in, the same orientation out, clear errors.

Every runtime hands a range argument over differently: classic xlwings and xlwings Lite/Server
give a 2D list (the UDFs ask for ``ndim=2``), a blank single cell may arrive as ``None``, and a
direct Python call may pass a scalar or a flat list. ``read_cells`` turns all of them into one
``Cells`` value that remembers the orientation; ``shaped`` gives results back in it, with a
missing value as ``#N/A``.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, ParamSpec, TypeAlias, TypeVar

from xlwings import XlwingsError

from digital_deficit.core.definitions import (
    DEFAULT_DEFINITION,
    Definition,
    custom_definition,
    get_definition,
)
from digital_deficit.core.errors import (
    DigitalDeficitError,
    InputError,
    PeriodError,
    UnknownNameError,
    shown,
)
from digital_deficit.core.items import ITEM_IDS
from digital_deficit.core.periods import Period, check_basis, period_of_month, read_period
from digital_deficit.core.values import Value, describe, to_value

NA = "#N/A"
"""What a missing result becomes: a real #N/A error under xlwings Lite and Server (xlwings
turns the text into Excel's error value), the text "#N/A" in classic desktop xlwings (which
cannot return error values)."""

Shape = Literal["scalar", "row", "column", "list"]
Cell: TypeAlias = float | str | None
Output: TypeAlias = Cell | list[Cell] | list[list[Cell]]
"""What a UDF returns: one value, a flat list (direct Python calls) or a 2D array."""

P = ParamSpec("P")
R = TypeVar("R")


class UdfError(DigitalDeficitError, XlwingsError):
    """A user mistake in a cell; an XlwingsError so Lite and Server show the message."""


def excel_errors(function: Callable[P, R]) -> Callable[P, R]:
    """Re-raise the package's own errors (bad input, bad data file) with a one-line message.

    Under Lite, Server and plain Python that is a UdfError. Inside the classic desktop COM
    server it is pywin32's COMException: pywin32 hands its description to VBA as
    Err.Description, which the wrapper Import Functions writes puts in the cell; any other
    exception would show there as "Unexpected Python Error: Traceback ...".
    """

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except DigitalDeficitError as exc:
            error: Exception = exc if isinstance(exc, UdfError) else UdfError(str(exc))
        except ValueError as exc:
            from digital_deficit.data.csvio import DatasetFileError

            if not isinstance(exc, DatasetFileError):
                raise
            error = UdfError(str(exc))
        raise cell_error(error) from None

    return wrapper


def cell_error(error: Exception) -> Exception:
    """The exception that shows ``error``'s message in the cell under the running runtime."""
    if in_classic_com_server():
        # pywin32 ships no type hints; the class is looked up by name.
        exception_module = importlib.import_module("win32com.server.exception")
        com_error: Exception = exception_module.COMException(desc=str(error))
        return com_error
    return error


def in_classic_com_server() -> bool:
    """True inside the COM server of the classic xlwings add-in (Excel for Windows).

    The add-in starts Python with ``import xlwings; xlwings.serve(...)``, which imports
    ``xlwings.com_server``; Lite and Server set XLWINGS_ON_SERVER instead.
    """
    on_server = os.environ.get("XLWINGS_ON_SERVER") == "true"  # as xlwings itself reads it
    return not on_server and "xlwings.com_server" in sys.modules


def number(name: str, value: object, position: int | None = None) -> Value:
    """One cell as a number or None (blank); anything else raises InputError in Excel words."""
    return to_value(name, value, position)


def is_blank(value: object) -> bool:
    """A blank cell: None, empty text, or the "#N/A" a classic UDF shows for a missing value."""
    return value is None or (isinstance(value, str) and (not value.strip() or value == NA))


@dataclass(frozen=True)
class Cells:
    """The cells of one argument, flattened, and the orientation they came in."""

    name: str
    values: list[object]
    shape: Shape

    @property
    def scalar(self) -> bool:
        """True for a single cell or a plain value."""
        return self.shape == "scalar"

    def numbers(self) -> list[Value]:
        """Each cell as a number or None (blank or #N/A); text and the like raise InputError.

        The text "#N/A" counts as missing: it is what classic desktop Excel shows for a missing
        result of these functions, so one function's #N/A can feed another.
        """
        values = [None if is_blank(v) else v for v in self.values]
        if self.scalar:
            return [number(self.name, values[0])]
        return [number(self.name, v, i) for i, v in enumerate(values, start=1)]

    def core_arg(self) -> Value | list[Value]:
        """The numbers as the core takes them: a scalar for one cell, else a list."""
        numbers = self.numbers()
        return numbers[0] if self.scalar else numbers


def _is_seq(value: object) -> bool:
    return isinstance(value, (list, tuple))


def read_cells(name: str, value: object) -> Cells:
    """A single cell, a row or a column (2D list, flat list or plain value) as Cells."""
    if not _is_seq(value):
        return Cells(name, [value], "scalar")
    assert isinstance(value, (list, tuple))
    if not value:
        raise InputError(name, "is an empty range; expected a cell, a row or a column")
    if not any(_is_seq(row) for row in value):
        return Cells(name, list(value), "list")
    rows = [list(row) if _is_seq(row) else [row] for row in value]
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise InputError(name, "has rows of different lengths; expected a rectangular range")
    if len(rows) == 1 and width == 1:
        return Cells(name, [rows[0][0]], "scalar")
    if len(rows) == 1:
        return Cells(name, rows[0], "row")
    if width == 1:
        return Cells(name, [row[0] for row in rows], "column")
    raise InputError(
        name,
        f"is a range of {len(rows)} rows and {width} columns; "
        "expected a single cell, a row or a column",
    )


def read_table(name: str, value: object) -> list[list[object]]:
    """A rectangular range as a list of rows (a single cell is a 1 x 1 table)."""
    if not _is_seq(value):
        return [[value]]
    assert isinstance(value, (list, tuple))
    rows = [list(row) if _is_seq(row) else [row] for row in value]
    if not rows or not rows[0]:
        raise InputError(name, "is an empty range")
    if any(len(row) != len(rows[0]) for row in rows):
        raise InputError(name, "has rows of different lengths; expected a rectangular range")
    return rows


def result_shape(*cells: Cells) -> Shape:
    """The orientation of the result: that of the first range argument, else a scalar."""
    return next((c.shape for c in cells if not c.scalar), "scalar")


def as_list(result: Value | Sequence[Value]) -> list[Value]:
    """A core result (scalar or list) as a list."""
    if isinstance(result, (list, tuple)):
        return list(result)
    assert not isinstance(result, Sequence)
    return [result]


def cell(value: Value | str) -> Cell:
    """One output cell: a missing value becomes #N/A."""
    return NA if value is None else value


def shaped(results: Sequence[Value | str], shape: Shape) -> Output:
    """Results in the orientation of the input (one value, a row, a column or a flat list)."""
    cells = [cell(v) for v in results]
    if shape == "scalar":
        if len(cells) != 1:
            return [[c] for c in cells]
        return cells[0]
    if shape == "row":
        return [cells]
    if shape == "column":
        return [[c] for c in cells]
    return cells


def unwrap(value: object) -> object:
    """A one-cell 2D or 1D list as its value (Excel may send a text argument that way)."""
    while _is_seq(value):
        assert isinstance(value, (list, tuple))
        if len(value) != 1:
            return value
        value = value[0]
    return value


def text_arg(name: str, value: object, default: str, expected: str) -> str:
    """A text option (item id, basis, method...); blank or omitted gives ``default``."""
    value = unwrap(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if not isinstance(value, str):
        raise InputError(name, f"is {describe(value)}; expected {expected}")
    return value.strip()


def choose(name: str, resolve: Callable[[str], R], text: str) -> R:
    """Resolve an option's text (item id, definition, method); unknown names name ``name``."""
    try:
        return resolve(text)
    except UnknownNameError as exc:
        raise InputError(name, str(exc)) from None


def definition_arg(value: object) -> Definition:
    """mof3 (default), narrow, or item ids separated by commas (one item id is fine too)."""
    text = text_arg("definition", value, DEFAULT_DEFINITION, "mof3, narrow or item ids")
    if text.lower() == "custom":
        raise InputError(
            "definition",
            'is "custom"; for your own definition list item ids separated by commas, '
            "e.g. copyright_royalties,computer_services",
        )
    if text.lower() in ITEM_IDS:
        return custom_definition([text.lower()])
    return choose("definition", get_definition, text)


def optional_number(name: str, value: object) -> float | None:
    """A single optional number; blank or omitted gives None."""
    value = unwrap(value)
    if _is_seq(value):
        raise InputError(name, f"is {describe(value)}; expected a single number")
    return number(name, value)


def basis_arg(value: object) -> str:
    """The basis option: CY, FY, H, Q or M; blank means "as the period says"."""
    text = text_arg("basis", value, "", "CY, FY, H, Q or M")
    return choose("basis", check_basis, text) if text else ""


def period_arg(name: str, value: object, basis: str, position: int | None = None) -> Period:
    """A period as a user types it, on ``basis`` when one is given (else as written).

    A month or a date on an annual, half or quarterly basis gives the period that contains it
    (2024-12-31 on FY is FY2024).
    """
    found = resolve_period(value, basis)
    if isinstance(found, str):
        raise InputError(name, found, position)
    return found


def resolve_period(value: object, basis: str) -> Period | str:
    """The period ``value`` names on ``basis`` (as ``period_arg``), or the problem in words."""
    try:
        return _period_on(value, basis)
    except TypeError:  # an unhashable value (a range): not a period, read without the cache
        return _period_on.__wrapped__(value, basis)


@functools.lru_cache(maxsize=4096, typed=True)
def _period_on(value: object, basis: str) -> Period | str:
    """The period ``value`` names on ``basis``, or the problem (a message without the name).

    Cached: a sheet asks for the same few periods over and over, on every recalculation.
    """
    default = basis if basis in ("CY", "FY") else "CY"
    written = value.strip() if isinstance(value, str) else value
    try:
        period = read_period(written, default)
    except PeriodError as exc:
        # The core names the value in Python's notation ('20x4', True): say it in Excel's.
        problem, python_name = str(exc), f"{shown(written)} "
        if problem.startswith(python_name):
            return f"is {describe(value)}, which {problem.removeprefix(python_name)}"
        return f"is {describe(value)}: {problem}"
    if basis and period.basis == "M" and basis != "M":
        return period_of_month(period.year, period.index, basis)
    if basis and period.basis != basis:
        return f"is {describe(value)}, a {period.basis} period, but the basis is {basis}"
    return period


def period_cells(cells: Cells, basis: str) -> list[Period | None]:
    """Each cell as a period, or None for a blank cell."""
    out: list[Period | None] = []
    for i, value in enumerate(cells.values, start=1):
        position = None if cells.scalar else i
        out.append(None if is_blank(value) else period_arg(cells.name, value, basis, position))
    return out
