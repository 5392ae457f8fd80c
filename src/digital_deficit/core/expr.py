"""A small expression language that speaks both Python and Excel.

A metric is written once as an expression over named inputs. Nodes: ``Ref`` (an input),
``Const``, arithmetic (``+ - * / **`` and unary minus on nodes), ``Sum`` (sum-or-missing),
``Call`` (SIGN, LOG2), comparisons (``lt``, ``le``, ``gt``, ``ge``, ``eq``), ``AnyOf``/``AllOf``,
``If`` and ``NA`` ("not available"); ``Forecast`` is the one range node (the least-squares trend
Excel's FORECAST draws).

``evaluate`` (``core.evaluate``) gives the Python value and ``to_excel`` (``core.excel``) the
formula text. Semantics, shared by both renderings:
- missing in, missing out: the value is missing when any scalar input is missing (in Excel a
  ``COUNT`` guard gives "n/a");
- a result or intermediate value that is not a finite number (overflow, 0/0, a logarithm of a
  negative number) is missing, never inf or NaN and never a Python exception;
- ``Sum`` is exact: ``math.fsum``, or with ``decimal=True`` the exact decimal sum of published
  figures (``values.exact_total``).
Only functions Excel, LibreOffice 7.4 and Gnumeric evaluate alike are written: IF, OR, AND,
COUNT, SIGN, LOG, FORECAST and operators.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeAlias


class Expr:
    """Base of the value nodes; arithmetic operators build new nodes."""

    def __add__(self, other: ExprLike) -> Expr:
        return Bin("+", self, lift(other))

    def __radd__(self, other: ExprLike) -> Expr:
        return Bin("+", lift(other), self)

    def __sub__(self, other: ExprLike) -> Expr:
        return Bin("-", self, lift(other))

    def __rsub__(self, other: ExprLike) -> Expr:
        return Bin("-", lift(other), self)

    def __mul__(self, other: ExprLike) -> Expr:
        return Bin("*", self, lift(other))

    def __rmul__(self, other: ExprLike) -> Expr:
        return Bin("*", lift(other), self)

    def __truediv__(self, other: ExprLike) -> Expr:
        return Bin("/", self, lift(other))

    def __rtruediv__(self, other: ExprLike) -> Expr:
        return Bin("/", lift(other), self)

    def __pow__(self, other: ExprLike) -> Expr:
        return Bin("^", self, lift(other))

    def __neg__(self) -> Expr:
        return Neg(self)


ExprLike: TypeAlias = Expr | float | int


@dataclass(frozen=True, eq=False)
class Ref(Expr):
    """A named input (an item, a parameter, a cell)."""

    name: str


@dataclass(frozen=True, eq=False)
class Const(Expr):
    """A number."""

    value: float


@dataclass(frozen=True, eq=False)
class Neg(Expr):
    """Unary minus."""

    operand: Expr


@dataclass(frozen=True, eq=False)
class Bin(Expr):
    """A binary operation: + - * / ^."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, eq=False)
class Sum(Expr):
    """Sum or missing (never a partial sum); exact. A term may be ``Neg`` (shown as ``a-b``)."""

    terms: tuple[Expr, ...]
    decimal: bool = False


@dataclass(frozen=True, eq=False)
class Call(Expr):
    """A function of numbers: SIGN or LOG2."""

    function: str
    args: tuple[Expr, ...]


@dataclass(frozen=True, eq=False)
class NotAvailable(Expr):
    """The missing value ("n/a" in a sheet)."""


NA = NotAvailable()


@dataclass(frozen=True, eq=False)
class Cmp:
    """A comparison of two values: < <= > >= =."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, eq=False)
class AnyOf:
    """True when any condition holds (Excel OR)."""

    conditions: tuple[Cond, ...]


@dataclass(frozen=True, eq=False)
class AllOf:
    """True when every condition holds (Excel AND)."""

    conditions: tuple[Cond, ...]


Cond: TypeAlias = Cmp | AnyOf | AllOf


@dataclass(frozen=True, eq=False)
class If(Expr):
    """``then`` where ``condition`` holds, else ``otherwise``."""

    condition: Cond
    then: Expr
    otherwise: Expr


@dataclass(frozen=True, eq=False)
class Forecast(Expr):
    """The least-squares line through the (x, y) points of two ranges, at ``target``.

    The documented exception: Excel's FORECAST over ranges; blanks are skipped pairwise.
    """

    target: Expr
    ys: str
    xs: str


def lift(value: ExprLike) -> Expr:
    """A number as a Const; a node as itself."""
    return value if isinstance(value, Expr) else Const(float(value))


def ref(*names: str) -> tuple[Ref, ...]:
    """Refs to several inputs: ``a, b = ref("a", "b")``."""
    return tuple(Ref(n) for n in names)


def lt(a: ExprLike, b: ExprLike) -> Cmp:
    return Cmp("<", lift(a), lift(b))


def le(a: ExprLike, b: ExprLike) -> Cmp:
    return Cmp("<=", lift(a), lift(b))


def gt(a: ExprLike, b: ExprLike) -> Cmp:
    return Cmp(">", lift(a), lift(b))


def ge(a: ExprLike, b: ExprLike) -> Cmp:
    return Cmp(">=", lift(a), lift(b))


def eq(a: ExprLike, b: ExprLike) -> Cmp:
    return Cmp("=", lift(a), lift(b))


def either(*conditions: Cond) -> AnyOf:
    return AnyOf(conditions)


def both(*conditions: Cond) -> AllOf:
    return AllOf(conditions)


def sign(x: Expr) -> Expr:
    return Call("SIGN", (x,))


def log2(x: Expr) -> Expr:
    return Call("LOG2", (x,))


def total(*terms: ExprLike, decimal: bool = False) -> Sum:
    return Sum(tuple(lift(t) for t in terms), decimal)


def opposite_signs(a: Expr, b: Expr) -> Cmp:
    """a and b on opposite sides of zero (a zero is on neither side); no product to overflow."""
    return lt(sign(a) * sign(b), 0)


def not_same_sign(a: Expr, b: Expr) -> Cmp:
    """Not both above or both below zero (a zero is never of the same sign)."""
    return le(sign(a) * sign(b), 0)


# --- structure ----------------------------------------------------------------------------------


def _children(node: Expr | Cond) -> Iterator[Expr | Cond]:
    if isinstance(node, Neg):
        yield node.operand
    elif isinstance(node, (Bin, Cmp)):
        yield node.left
        yield node.right
    elif isinstance(node, Sum):
        yield from node.terms
    elif isinstance(node, Call):
        yield from node.args
    elif isinstance(node, (AnyOf, AllOf)):
        yield from node.conditions
    elif isinstance(node, If):
        yield node.condition
        yield node.then
        yield node.otherwise
    elif isinstance(node, Forecast):
        yield node.target


@lru_cache(maxsize=4096)  # nodes are immutable and hash by identity
def scalar_inputs(expr: Expr | Cond) -> tuple[str, ...]:
    """Names of the scalar inputs, in order of first appearance (range inputs excluded)."""
    found: dict[str, None] = {}
    stack: list[Expr | Cond] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, Ref):
            found.setdefault(node.name)
        stack.extend(reversed(list(_children(node))))
    return tuple(found)


def na_only_in_branches(expr: Expr) -> bool:
    """True when "not available" appears only as a branch of IF (nested IFs included), where a
    sheet shows it as "n/a"; as an operand a sheet would give #VALUE! while Python gives
    missing."""
    if isinstance(expr, NotAvailable):
        return True
    if isinstance(expr, If):
        return (
            _free_of_na(expr.condition)
            and na_only_in_branches(expr.then)
            and na_only_in_branches(expr.otherwise)
        )
    return _free_of_na(expr)


def _free_of_na(node: Expr | Cond) -> bool:
    if isinstance(node, NotAvailable):
        return False
    return all(_free_of_na(child) for child in _children(node))


def substitute(expr: Expr, replacements: Mapping[str, Expr]) -> Expr:
    """``expr`` with each named input replaced by an expression (an item by its parts...)."""
    return _subst(expr, replacements)  # type: ignore[return-value]


def _subst(node: Expr | Cond, rep: Mapping[str, Expr]) -> Expr | Cond:
    if isinstance(node, Ref):
        return rep.get(node.name, node)
    if isinstance(node, Neg):
        return Neg(_e(node.operand, rep))
    if isinstance(node, Bin):
        return Bin(node.op, _e(node.left, rep), _e(node.right, rep))
    if isinstance(node, Cmp):
        return Cmp(node.op, _e(node.left, rep), _e(node.right, rep))
    if isinstance(node, Sum):
        return Sum(tuple(_e(t, rep) for t in node.terms), node.decimal)
    if isinstance(node, Call):
        return Call(node.function, tuple(_e(a, rep) for a in node.args))
    if isinstance(node, AnyOf):
        return AnyOf(tuple(_c(c, rep) for c in node.conditions))
    if isinstance(node, AllOf):
        return AllOf(tuple(_c(c, rep) for c in node.conditions))
    if isinstance(node, If):
        return If(_c(node.condition, rep), _e(node.then, rep), _e(node.otherwise, rep))
    if isinstance(node, Forecast):
        return Forecast(_e(node.target, rep), node.ys, node.xs)
    return node


def _e(node: Expr, rep: Mapping[str, Expr]) -> Expr:
    out = _subst(node, rep)
    assert isinstance(out, Expr)
    return out


def _c(node: Cond, rep: Mapping[str, Expr]) -> Cond:
    out = _subst(node, rep)
    assert isinstance(out, (Cmp, AnyOf, AllOf))
    return out
