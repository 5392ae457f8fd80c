"""Python value of an expression (``core.expr``): missing in, missing out; finite or missing.

Overflow, 0/0, the logarithm of a non-positive number and the like give a missing value, never
inf or NaN and never a Python exception: the one guard every metric shares.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TypeAlias

from digital_deficit.core.expr import (
    AllOf,
    AnyOf,
    Bin,
    Call,
    Cond,
    Const,
    Expr,
    Forecast,
    If,
    Neg,
    Ref,
    Sum,
    scalar_inputs,
)
from digital_deficit.core.values import exact_total

Value: TypeAlias = float | None
Env: TypeAlias = Mapping[str, "float | Sequence[float | None] | None"]


OVERFLOW = "overflow"
UNDEFINED = "undefined"
MISSING_INPUT = "missing input"


class _Missing(Exception):
    """Raised inside evaluation for a missing or non-finite value; says which."""

    def __init__(self, reason: str = OVERFLOW) -> None:
        super().__init__(reason)
        self.reason = reason


def evaluate(expr: Expr, env: Env) -> Value:
    """The value of ``expr`` with inputs from ``env`` (missing in, missing out; finite or None)."""
    return explain(expr, env)[0]


def explain(expr: Expr, env: Env) -> tuple[Value, str | None]:
    """The value and, when it is missing, why: ``MISSING_INPUT``, ``UNDEFINED`` (the rule says
    not available: a zero base, a surplus) or ``OVERFLOW`` (not a finite number)."""
    for name in scalar_inputs(expr):
        if env.get(name) is None:
            return None, MISSING_INPUT
    try:
        return _value(expr, env), None
    except _Missing as missing:
        return None, missing.reason


def _finite(x: float) -> float:
    if not math.isfinite(x):
        raise _Missing(OVERFLOW)
    return x


def _value(node: Expr, env: Env) -> float:
    if isinstance(node, Ref):
        found = env.get(node.name)
        if found is None or not isinstance(found, (int, float)):
            raise _Missing(MISSING_INPUT)
        return _finite(float(found))
    if isinstance(node, Const):
        return node.value
    if isinstance(node, Neg):
        return -_value(node.operand, env)
    if isinstance(node, Bin):
        return _finite(_arith(node.op, _value(node.left, env), _value(node.right, env)))
    if isinstance(node, Sum):
        terms = [_value(t, env) for t in node.terms]
        try:
            return _finite(exact_total(terms) if node.decimal else math.fsum(terms))
        except OverflowError:
            raise _Missing(OVERFLOW) from None
    if isinstance(node, Call):
        args = [_value(a, env) for a in node.args]
        return _finite(_FUNCTIONS[node.function](*args))
    if isinstance(node, If):
        chosen = node.then if _holds(node.condition, env) else node.otherwise
        return _value(chosen, env)
    if isinstance(node, Forecast):
        return _finite(_forecast(_value(node.target, env), env[node.ys], env[node.xs]))
    raise _Missing(UNDEFINED)  # NotAvailable


def _arith(op: str, a: float, b: float) -> float:
    try:
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            return a / b
        return math.pow(a, b)
    except OverflowError:
        raise _Missing(OVERFLOW) from None
    except (ZeroDivisionError, ValueError):  # x/0, a negative number to a fractional power
        raise _Missing(UNDEFINED) from None


def _holds(condition: Cond, env: Env) -> bool:
    if isinstance(condition, AnyOf):
        return any(_holds(c, env) for c in condition.conditions)
    if isinstance(condition, AllOf):
        return all(_holds(c, env) for c in condition.conditions)
    a, b = _value(condition.left, env), _value(condition.right, env)
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "=": a == b}[condition.op]


def _sign(x: float) -> float:
    return 0.0 if x == 0 else math.copysign(1.0, x)


def _log2(x: float) -> float:
    if x <= 0:
        raise _Missing(UNDEFINED)
    return math.log2(x)


_FUNCTIONS: dict[str, Callable[..., float]] = {"SIGN": _sign, "LOG2": _log2}


def _forecast(target: float, ys: object, xs: object) -> float:
    """Least squares through the pairs where both are numbers (FORECAST skips the others)."""
    if not isinstance(ys, Sequence) or not isinstance(xs, Sequence) or len(ys) != len(xs):
        raise _Missing(MISSING_INPUT)
    points = [
        (float(x), float(y))
        for x, y in zip(xs, ys, strict=True)
        if isinstance(x, (int, float)) and isinstance(y, (int, float))
    ]
    if len(points) < 2:
        raise _Missing(UNDEFINED)
    try:
        n = len(points)
        mean_x = math.fsum(x for x, _ in points) / n
        mean_y = math.fsum(y for _, y in points) / n
        sxx = math.fsum((x - mean_x) ** 2 for x, _ in points)
        sxy = math.fsum((x - mean_x) * (y - mean_y) for x, y in points)
        return mean_y + sxy / sxx * (target - mean_x)
    except (OverflowError, ValueError):  # a sum of products past the float range (inf - inf)
        raise _Missing(OVERFLOW) from None
    except ZeroDivisionError:  # every point in the same period
        raise _Missing(UNDEFINED) from None
