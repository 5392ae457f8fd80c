"""What a catalogue entry is: a metric's inputs, expression, unit, label key and Excel help.

``apply`` runs an entry over scalars or ranges (the shape of the call comes back), checking the
inputs that have a domain (years above zero, a share from 0 to 1, a required number); every
core metric function is a thin wrapper over it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from digital_deficit.core.errors import InputError, UnknownNameError
from digital_deficit.core.evaluate import evaluate
from digital_deficit.core.excel import NA_TEXT, Refs, to_excel
from digital_deficit.core.expr import Expr, na_only_in_branches, scalar_inputs
from digital_deficit.core.values import Result, Value, align, is_sequence, shaped


@dataclass(frozen=True)
class Domain:
    """The values an input accepts; outside them a typed error (not a missing result)."""

    accepts: Callable[[Value], bool]
    problem: str
    """Message after the argument name; ``{value}`` is the value given (``{value:g}``...)."""

    def check(self, name: str, value: Value, position: int | None = None) -> None:
        """Raise InputError naming the argument (and cell) when ``value`` is outside."""
        if not self.accepts(value):
            raise InputError(name, self.problem.format(value=value), position)


YEARS = Domain(lambda v: v is None or v > 0, "is {value:g}; expected a number of years above zero")
SHARE = Domain(
    lambda v: v is not None and 0 <= v <= 1, "is {value!r}; expected a share from 0 to 1"
)
REQUIRED = Domain(lambda v: v is not None, "is blank; a number is required")


@dataclass(frozen=True)
class Input:
    """One input of a metric.

    ``item`` (with ``side``) is the balance-of-payments item it is read from, ``metric`` another
    metric it is the value of; neither: the caller gives it (a parameter such as the
    repatriation share). ``when`` says which period: the metric's own, the previous one, or the
    base period. ``arg`` is the Excel argument's name and ``doc`` its help text.
    """

    name: str
    item: str | None = None
    side: str = "net"
    when: str = "period"
    metric: str | None = None
    domain: Domain | None = None
    arg: str = ""
    doc: str = ""
    scalar: bool = False
    """A single value, never a range (an assumption such as the yen per doubling)."""

    @property
    def excel(self) -> str:
        """The Excel argument name (the input's name unless the function names it otherwise)."""
        return self.arg or self.name


@dataclass(frozen=True)
class Metric:
    """A catalogue entry: one rule, read by Python, Excel, the CLI and the briefing."""

    id: str
    inputs: tuple[Input, ...]
    expr: Expr
    unit: str
    """money (the inputs' unit), ratio (a fraction), times, yen (per US dollar)."""
    style: str
    """How it is shown: amount, pct (12.3%) or x (1.23×)."""
    help: str
    """Excel help text: what the function returns."""
    formula: str = ""
    """The rule in words, where a reader needs it (the cash-flow methods)."""
    source: str = ""
    tags: frozenset[str] = field(default_factory=frozenset)
    """Where it appears: headline (metrics rows), digital (the Digital sheet's ratios)..."""
    family: str = ""
    """Several rules for one quantity (one family, see ``Family``): the quantity's name."""
    variant: str = ""
    """Which rule of the family this is (karakama, oguro1, ...)."""
    against: tuple[str, ...] = ()
    """Headline columns a reader compares it with, shown beside it in its period (the headline
    current account beside a cash-flow balance)."""
    _guarded: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)

    @property
    def label(self) -> str:
        """Its label key in the per-language label tables."""
        return f"metric.{self.id}"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(i.name for i in self.inputs)

    def input(self, name: str) -> Input:
        """The input called ``name``."""
        return next(i for i in self.inputs if i.name == name)

    def reads(self, item: str, when: str = "period") -> bool:
        """Whether an input is ``item`` in the period ``when`` (period, previous, base)."""
        return any(i.item == item and i.when == when for i in self.inputs)

    def evaluate(self, values: Mapping[str, Value]) -> Value:
        """The value for one period's inputs (missing in, missing out; finite or missing)."""
        return evaluate(self.expr, values)

    def to_excel(self, refs: Refs, na: str = NA_TEXT, guard: bool = True) -> str:
        """Formula text over the cells in ``refs``, "n/a" (or ``na``) unless every input is a
        number."""
        wanted = list(self._guarded) if guard else None
        return to_excel(self.expr, refs, wanted, na)

    def __post_init__(self) -> None:
        scalars = set(scalar_inputs(self.expr))
        # the inputs a formula checks first, in input order (computed once: writers call
        # to_excel for every cell)
        object.__setattr__(self, "_guarded", tuple(n for n in self.names if n in scalars))
        unknown = scalars - set(self.names)
        if unknown:
            raise ValueError(f"{self.id}: the expression reads undeclared inputs {unknown}")
        if not na_only_in_branches(self.expr):
            # "n/a" inside arithmetic is #VALUE! in a sheet but missing in Python
            raise ValueError(f"{self.id}: NA may only be a branch of IF, never an operand")


@dataclass(frozen=True)
class Family:
    """Several rules for one quantity, one of which the user picks (its ``option``)."""

    name: str
    """The quantity, a headline column."""
    kind: str
    """What a member is called in messages (cash-flow method)."""
    option: str
    """The option that picks the member (cf_method)."""
    default: str
    members: dict[str, Metric]

    def member(self, variant: str) -> Metric:
        """The member called ``variant`` (any case), or UnknownNameError."""
        key = variant.strip().lower() if isinstance(variant, str) else variant
        if key not in self.members:
            raise UnknownNameError(self.kind, variant, tuple(self.members))
        return self.members[str(key)]

    @property
    def expected(self) -> str:
        """The members in words: "a, b, c or d"."""
        names = list(self.members)
        return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


def apply(metric: Metric, **arguments: object) -> Result:
    """Run ``metric`` period by period over scalars or equally long ranges.

    Inputs are read in the metric's order (text or an infinity raises InputError naming the
    argument and cell); scalars are broadcast; the result has the shape of the call.
    """
    given = {i.name: arguments.get(i.name) for i in metric.inputs}
    cols, n, scalar = align(**given)
    for inp in metric.inputs:
        if inp.domain is None:
            continue
        ranged = is_sequence(given[inp.name])
        values = cols[inp.name] if ranged else cols[inp.name][:1]
        for position, value in enumerate(values, start=1):
            inp.domain.check(inp.name, value, position if ranged else None)
    rows = [metric.evaluate({k: cols[k][row] for k in cols}) for row in range(n)]
    return shaped(rows, scalar)
