"""The digital balance by definition, its gross payments and receipts, and component shares.

Thin wrappers over the catalogue (``core.catalogue``), where each rule is written once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from digital_deficit.core.catalogue import SIDE_RULES, digital_sum, get_metric, parts_sum
from digital_deficit.core.definitions import DEFAULT_DEFINITION, Definition, get_definition
from digital_deficit.core.evaluate import evaluate
from digital_deficit.core.expr import NA, Expr, substitute
from digital_deficit.core.items import get_item
from digital_deficit.core.metric import apply
from digital_deficit.core.values import Result, Value, ValueLike, align, shaped

DefinitionLike = str | Definition | Iterable[str]


def definition_expression(definition: Definition, given: Iterable[str], side: str = "net") -> Expr:
    """The definition's sum over the items ``given``: an item not given is rebuilt from its parts
    when all of them are given (ict_services = telecom + computer + information), else the sum
    is missing, never partial."""
    names = set(given)
    replacements: dict[str, Expr] = {}
    for item_id in definition.items:
        if item_id in names:
            continue
        rebuilt = parts_sum(item_id, decimal=False)
        if rebuilt is not None and all(p in names for p in rebuilt.names):
            replacements[item_id] = rebuilt.expr
        else:
            replacements[item_id] = NA
    expr = digital_sum(definition, side).expr
    return expr if not replacements else substitute(expr, replacements)


def sum_definition(
    components: Mapping[str, ValueLike], definition: DefinitionLike = DEFAULT_DEFINITION
) -> Result:
    """Sum the definition's items, period by period; missing if any item is missing there.

    ``components`` maps item ids to a value or a sequence of period values (one side: all nets,
    all debits or all credits). An item absent from the mapping is rebuilt from its parts when
    all of them are given (ict_services = telecom + computer + information); otherwise the sum
    is missing, never partial.
    """
    chosen = get_definition(definition)
    for name in components:
        get_item(name)
    columns, n, scalar = align(**dict(components))
    expr = definition_expression(chosen, columns)
    results: list[Value] = [
        evaluate(expr, {k: v[row] for k, v in columns.items()}) for row in range(n)
    ]
    return shaped(results, scalar)


def digital_balance(
    components: Mapping[str, ValueLike], definition: DefinitionLike = DEFAULT_DEFINITION
) -> Result:
    """Digital balance (net, oku yen): the sum of the definition's component net balances."""
    return sum_definition(components, definition)


def digital_payments(
    debits: Mapping[str, ValueLike], definition: DefinitionLike = DEFAULT_DEFINITION
) -> Result:
    """Gross digital payments (debit): the sum of the definition's component debits."""
    return sum_definition(debits, definition)


def digital_receipts(
    credits: Mapping[str, ValueLike], definition: DefinitionLike = DEFAULT_DEFINITION
) -> Result:
    """Gross digital receipts (credit): the sum of the definition's component credits."""
    return sum_definition(credits, definition)


def net_from_sides(credit: ValueLike, debit: ValueLike) -> Result:
    """Net balance = credit (receipts) - debit (payments)."""
    return apply(SIDE_RULES["net"], credit=credit, debit=debit)


def receipts_from(payments: ValueLike, net: ValueLike) -> Result:
    """Receipts (credit) = payments (debit) + net balance."""
    return apply(SIDE_RULES["credit"], payments=payments, net=net)


def payments_from(receipts: ValueLike, net: ValueLike) -> Result:
    """Payments (debit) = receipts (credit) - net balance."""
    return apply(SIDE_RULES["debit"], receipts=receipts, net=net)


def component_share(component: ValueLike, total: ValueLike) -> Result:
    """Component / total, per period; missing where the total is zero or either is missing."""
    return apply(get_metric("component_share"), component=component, total=total)
