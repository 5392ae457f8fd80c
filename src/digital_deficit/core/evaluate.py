"""Python value of an expression (``core.expr``): missing in, missing out; finite or missing.

Overflow, 0/0, the logarithm of a non-positive number and the like give a missing value, never
inf or NaN and never a Python exception: the one guard every metric shares.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
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
        return _compiled(expr)(env), None
    except _Missing as missing:
        return None, missing.reason


def _finite(x: float) -> float:
    if not math.isfinite(x):
        raise _Missing(OVERFLOW)
    return x


Compiled: TypeAlias = Callable[[Env], float]


@lru_cache(maxsize=4096)  # nodes are immutable and hash by identity
def _compiled(node: Expr) -> Compiled:
    """``node`` as nested Python functions of the inputs: built once per expression, so a
    metric evaluated over a range walks no tree (the rules are those of the nodes below)."""
    if isinstance(node, Ref):
        name = node.name

        def ref(env: Env) -> float:
            found = env.get(name)
            if found is None or not isinstance(found, (int, float)):
                raise _Missing(MISSING_INPUT)
            return _finite(float(found))

        return ref
    if isinstance(node, Const):
        constant = node.value
        return lambda env: constant
    if isinstance(node, Neg):
        operand = _compiled(node.operand)
        return lambda env: -operand(env)
    if isinstance(node, Bin):
        op, left, right = node.op, _compiled(node.left), _compiled(node.right)
        return lambda env: _finite(_arith(op, left(env), right(env)))
    if isinstance(node, Sum):
        terms, total = tuple(_compiled(t) for t in node.terms), _total(node.decimal)
        return lambda env: total([term(env) for term in terms])
    if isinstance(node, Call):
        function, args = _FUNCTIONS[node.function], tuple(_compiled(a) for a in node.args)
        return lambda env: _finite(function(*(a(env) for a in args)))
    if isinstance(node, If):
        holds = _condition(node.condition)
        then, otherwise = _compiled(node.then), _compiled(node.otherwise)
        return lambda env: then(env) if holds(env) else otherwise(env)
    if isinstance(node, Forecast):
        target, ys, xs = _compiled(node.target), node.ys, node.xs
        return lambda env: _finite(_forecast(target(env), env[ys], env[xs]))
    return _not_available


def _not_available(env: Env) -> float:
    raise _Missing(UNDEFINED)


def _total(decimal: bool) -> Callable[[list[float]], float]:
    def total(terms: list[float]) -> float:
        try:
            return _finite(exact_total(terms) if decimal else math.fsum(terms))
        except OverflowError:
            raise _Missing(OVERFLOW) from None

    return total


_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "=": operator.eq,
}


def _condition(condition: Cond) -> Callable[[Env], bool]:
    if isinstance(condition, AnyOf):
        anyof = tuple(_condition(c) for c in condition.conditions)
        return lambda env: any(c(env) for c in anyof)
    if isinstance(condition, AllOf):
        allof = tuple(_condition(c) for c in condition.conditions)
        return lambda env: all(c(env) for c in allof)
    compare = _COMPARE[condition.op]
    left, right = _compiled(condition.left), _compiled(condition.right)
    return lambda env: compare(left(env), right(env))


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
