"""Excel formula text of an expression (``core.expr``), with the guards a sheet needs.

Only functions Excel, LibreOffice 7.4 and Gnumeric evaluate alike: IF, OR, AND, COUNT, SIGN,
LOG(x,2), FORECAST and the operators; ``^`` always gets parenthesised operands (engines differ
on -2^2 and on 2^3^2).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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
    NotAvailable,
    Ref,
    Sum,
)

_FUNCTIONS: dict[str, Callable[[list[str]], str]] = {
    "SIGN": lambda a: f"SIGN({a[0]})",
    "LOG2": lambda a: f"LOG({a[0]},2)",
}

NA_TEXT = '"n/a"'
"""What a formula shows for a missing value in a table; charts use NA() (a gap)."""

# Binding strength in Excel: unary minus binds tighter than ^ (-2^2 is 4).
_LEVEL = {"cmp": 0, "+": 2, "-": 2, "*": 3, "/": 3, "^": 4, "neg": 5, "atom": 6}
_EXCEL_OP = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": "="}

Refs: TypeAlias = Mapping[str, str] | Callable[[str], str]


def to_excel(expr: Expr, refs: Refs, guard: Sequence[str] | None = None, na: str = NA_TEXT) -> str:
    """Formula text (without "=") with each input written as its cell reference or name.

    ``guard``: the inputs to check with COUNT first (missing in, ``na`` out); None for none.
    """
    lookup = refs if callable(refs) else refs.__getitem__
    body = _Writer(lookup, na).text(expr)
    if not guard:
        return body
    cells = ",".join(lookup(name) for name in guard)
    return f"IF(COUNT({cells})<{len(guard)},{na},{body})"


@dataclass
class _Writer:
    lookup: Callable[[str], str]
    na: str

    def text(self, node: Expr, minimum: int = 0) -> str:
        written, level = self._write(node)
        return f"({written})" if level < minimum else written

    def _write(self, node: Expr) -> tuple[str, int]:
        if isinstance(node, Ref):
            return self.lookup(node.name), _LEVEL["atom"]
        if isinstance(node, Const):
            return _number(node.value), _LEVEL["atom"] if node.value >= 0 else _LEVEL["neg"]
        if isinstance(node, NotAvailable):
            return self.na, _LEVEL["atom"]
        if isinstance(node, Neg):
            return "-" + self.text(node.operand, _LEVEL["neg"] + 1), _LEVEL["neg"]
        if isinstance(node, Bin):
            level = _LEVEL[node.op]
            # ^ takes atoms on both sides: engines differ on -2^2 and on 2^3^2
            left = self.text(node.left, level if node.op != "^" else _LEVEL["atom"])
            right = self.text(node.right, level + 1 if node.op != "^" else _LEVEL["atom"])
            return f"{left}{node.op}{right}", level
        if isinstance(node, Sum):
            return self._sum(node)
        if isinstance(node, Call):
            args = [self.text(a) for a in node.args]
            return _FUNCTIONS[node.function](args), _LEVEL["atom"]
        if isinstance(node, If):
            cond = self.condition(node.condition)
            return f"IF({cond},{self.text(node.then)},{self.text(node.otherwise)})", 6
        if isinstance(node, Forecast):
            target, ys, xs = self.text(node.target), self.lookup(node.ys), self.lookup(node.xs)
            # fewer than two points: FORECAST gives an error, the line is missing
            return f"IF(COUNT({ys})<2,{self.na},FORECAST({target},{ys},{xs}))", 6
        raise TypeError(f"cannot write {node!r} as a formula")

    def _sum(self, node: Sum) -> tuple[str, int]:
        if len(node.terms) == 1:
            return self._write(node.terms[0])
        parts = [self.text(node.terms[0], _LEVEL["+"])]
        for term in node.terms[1:]:
            if isinstance(term, Neg):
                parts.append("-" + self.text(term.operand, _LEVEL["+"] + 1))
            else:
                parts.append("+" + self.text(term, _LEVEL["+"] + 1))
        return "".join(parts), _LEVEL["+"]

    def condition(self, node: Cond) -> str:
        if isinstance(node, AnyOf):
            return "OR(" + ",".join(self.condition(c) for c in node.conditions) + ")"
        if isinstance(node, AllOf):
            return "AND(" + ",".join(self.condition(c) for c in node.conditions) + ")"
        left = self.text(node.left, _LEVEL["+"])
        right = self.text(node.right, _LEVEL["+"])
        return f"{left}{_EXCEL_OP[node.op]}{right}"


def _number(value: float) -> str:
    """A number as a formula writes it: 1, 0.5, 10000, 1E+300."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value).upper()
