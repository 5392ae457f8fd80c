"""Argument handling shared by the metrics: scalars or sequences in, the same shape out.

A missing value is ``None`` (a blank cell); NaN counts as missing too. Text, booleans and infinities
where a number belongs raise InputError naming the argument and its 1-based cell position.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeAlias

from digital_deficit.core.errors import InputError, LengthMismatchError, one_line

Value: TypeAlias = float | None
Number: TypeAlias = float | int
ValueLike: TypeAlias = Number | Sequence[Number | None] | None
Result: TypeAlias = float | list[float | None] | None

_EXPECTED = "expected a number or a blank cell"


def describe(value: object) -> str:
    """A cell's value as Excel users know it: the text "abc", the number 2024, TRUE, the date
    2024-01-01, a range of 2 cells."""
    if value is None:
        return "a blank cell"
    if isinstance(value, str):
        return f'the text "{one_line(value)}"'
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isinf(value):
            return "an infinite number"
        return f"the number {_number_text(value)}"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return f"the date {value.date().isoformat()}"
        return f"the date and time {value.isoformat(sep=' ', timespec='minutes')}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, (list, tuple)):
        count = sum(len(v) if isinstance(v, (list, tuple)) else 1 for v in value)
        return f"a range of {count} cells"
    return f"a value Excel cannot hold ({type(value).__name__})"


def _number_text(value: float) -> str:
    """2024.0 as 2024, 0.25 as 0.25 (as Excel's General format shows them)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def to_value(name: str, value: object, position: int | None = None) -> Value:
    """One cell's value as a float, or None for a blank; anything else raises InputError."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip() == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if math.isnan(number):
            return None
        if math.isinf(number):
            raise InputError(name, _problem(value, position), position)
        return number
    raise InputError(name, _problem(value, position), position)


def _problem(value: object, position: int | None) -> str:
    if position is None:
        return f"{describe(value)} is not a number; {_EXPECTED}"
    return f"is {describe(value)}; {_EXPECTED}"


def is_sequence(value: object) -> bool:
    """True for lists, tuples and other non-text sequences."""
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping))


def to_values(name: str, value: object) -> tuple[list[Value], bool]:
    """A scalar or sequence argument as a list of values, and whether it was a scalar."""
    if is_sequence(value):
        assert isinstance(value, Iterable)
        return [to_value(name, v, i) for i, v in enumerate(value, start=1)], False
    return [to_value(name, value)], True


def align(**arguments: object) -> tuple[dict[str, list[Value]], int, bool]:
    """Read several arguments, broadcast scalars, and check the sequences share one length.

    Returns the value lists, their common length and whether every argument was a scalar.
    """
    read = {name: to_values(name, value) for name, value in arguments.items()}
    lengths = {name: len(vals) for name, (vals, scalar) in read.items() if not scalar}
    if len(set(lengths.values())) > 1:
        raise LengthMismatchError(lengths)
    n = next(iter(lengths.values())) if lengths else 1
    aligned = {name: vals if not scalar else vals * n for name, (vals, scalar) in read.items()}
    return aligned, n, not lengths


def shaped(results: list[Value], scalar: bool) -> Result:
    """Return a single value for scalar calls, the list otherwise."""
    return results[0] if scalar else results


def required_number(name: str, value: object) -> float:
    """A required scalar parameter that must be a finite number."""
    number = to_value(name, value)
    if number is None:
        raise InputError(name, "is blank; a number is required")
    return number


def decimal_places(value: float) -> int:
    """Decimal places of a number as written: 66506 -> 0, 341.51732161 -> 8 (at most 12)."""
    text = repr(float(value))
    if "e" in text or "E" in text:
        return 12
    fraction = text.partition(".")[2].rstrip("0")
    return min(len(fraction), 12)


def exact_total(values: Iterable[float]) -> float:
    """fsum of decimal figures rounded to their most decimal places: the exact decimal sum.

    -9338.1 stays -9338.1 instead of -9338.100000000002 after adding three one-decimal values.
    """
    listed = list(values)
    return round(math.fsum(listed), max((decimal_places(v) for v in listed), default=0))
