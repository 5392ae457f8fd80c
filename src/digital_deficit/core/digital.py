"""The digital balance by definition, its gross payments and receipts, and component shares."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from digital_deficit.core.definitions import DEFAULT_DEFINITION, Definition, get_definition
from digital_deficit.core.items import get_item
from digital_deficit.core.values import Result, Value, ValueLike, align, shaped, sum_or_missing

DefinitionLike = str | Definition | Iterable[str]


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
    results: list[Value] = []
    for row in range(n):
        results.append(sum_or_missing(_item_value(i, columns, row) for i in chosen.items))
    return shaped(results, scalar)


def _item_value(item_id: str, columns: Mapping[str, list[Value]], row: int) -> Value:
    if item_id in columns:
        return columns[item_id][row]
    parts = get_item(item_id).parts
    if not parts or any(p not in columns for p in parts):
        return None
    return sum_or_missing(columns[p][row] for p in parts)


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
    cols, n, scalar = align(credit=credit, debit=debit)
    return shaped([_sub(cols["credit"][i], cols["debit"][i]) for i in range(n)], scalar)


def receipts_from(payments: ValueLike, net: ValueLike) -> Result:
    """Receipts (credit) = payments (debit) + net balance."""
    cols, n, scalar = align(payments=payments, net=net)
    return shaped([_add(cols["payments"][i], cols["net"][i]) for i in range(n)], scalar)


def payments_from(receipts: ValueLike, net: ValueLike) -> Result:
    """Payments (debit) = receipts (credit) - net balance."""
    cols, n, scalar = align(receipts=receipts, net=net)
    return shaped([_sub(cols["receipts"][i], cols["net"][i]) for i in range(n)], scalar)


def component_share(component: ValueLike, total: ValueLike) -> Result:
    """Component / total, per period; missing where the total is zero or either is missing."""
    cols, n, scalar = align(component=component, total=total)
    return shaped([_ratio(cols["component"][i], cols["total"][i]) for i in range(n)], scalar)


def _add(a: Value, b: Value) -> Value:
    return None if a is None or b is None else a + b


def _sub(a: Value, b: Value) -> Value:
    return None if a is None or b is None else a - b


def _ratio(a: Value, b: Value) -> Value:
    return None if a is None or b is None or b == 0 else a / b
