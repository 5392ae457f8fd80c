"""The current-account identity and the cash-flow current account (four methods).

karakama (default): CA - net reinvested earnings - net portfolio investment income
    (Daisuke Karakama, Mizuho Bank, Weekly Economist 2024-06-04; he concedes removing all
    portfolio income overstates it).
oguro1: CA - net reinvested earnings (Kazumasa Oguro, Diamond Online 329952).
oguro2: CA - net reinvested earnings - net bond interest (same source).
repatriation: goods and services + secondary income + r × primary income, which equals
    CA - (1 - r) × primary income; r is a user assumption (no published ratio exists).
"""

from __future__ import annotations

from dataclasses import dataclass

from digital_deficit.core.catalogue import CASH_FLOW, FAMILIES, get_metric
from digital_deficit.core.errors import InputError
from digital_deficit.core.metric import apply
from digital_deficit.core.values import Result, ValueLike


@dataclass(frozen=True)
class CashFlowMethod:
    """One cash-flow method: the inputs it needs and where it comes from (its catalogue entry)."""

    id: str
    needs: tuple[str, ...]
    formula: str
    source: str


CF_METHODS: dict[str, CashFlowMethod] = {
    variant: CashFlowMethod(
        variant,
        tuple(n for n in entry.names if n != "current_account"),
        entry.formula,
        entry.source,
    )
    for variant, entry in CASH_FLOW.items()
}
CF_METHOD_IDS: tuple[str, ...] = tuple(CF_METHODS)
CF_INPUT_ITEMS: dict[str, str] = {
    i.name: i.item for entry in CASH_FLOW.values() for i in entry.inputs if i.item is not None
}
"""The item (core/items.py) behind each flow argument of cf_current_account (the catalogue's
inputs); ``repatriation_share`` is an assumption, not an item."""
DEFAULT_CF_METHOD = FAMILIES["cf_current_account"].default


def get_cf_method(method: str) -> CashFlowMethod:
    """Return the cash-flow method with this id or raise UnknownNameError."""
    return CF_METHODS[FAMILIES["cf_current_account"].member(method).variant]


def current_account(
    goods: ValueLike, services: ValueLike, primary: ValueLike, secondary: ValueLike
) -> Result:
    """Current account = goods + services + primary income + secondary income."""
    metric = get_metric("ca_identity")
    return apply(metric, goods=goods, services=services, primary=primary, secondary=secondary)


def ca_residual(
    reported: ValueLike,
    goods: ValueLike,
    services: ValueLike,
    primary: ValueLike,
    secondary: ValueLike,
) -> Result:
    """Reported current account minus the sum of its four parts (0 or ±1 from rounding)."""
    return apply(
        get_metric("ca_residual"),
        reported=reported,
        goods=goods,
        services=services,
        primary=primary,
        secondary=secondary,
    )


class _NotGiven:
    """Marks an argument the caller did not pass (None is a blank, i.e. a missing value)."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = _NotGiven()
Flow = ValueLike | _NotGiven


def cf_current_account(
    current_account: ValueLike,
    reinvested_earnings: Flow = NOT_GIVEN,
    portfolio_income: Flow = NOT_GIVEN,
    bond_interest: Flow = NOT_GIVEN,
    method: str = DEFAULT_CF_METHOD,
    repatriation_share: float | None = None,
    primary_income: Flow = NOT_GIVEN,
) -> Result:
    """Cash-flow current account by ``method`` (karakama, oguro1, oguro2, repatriation).

    All flows are net (credit - debit) in one unit. Inputs a method does not use are ignored;
    an input it needs that is not given raises InputError naming it; a blank (None) input
    gives a missing result.
    """
    chosen = get_cf_method(method)
    given: dict[str, object] = {
        "current_account": current_account,
        "reinvested_earnings": reinvested_earnings,
        "portfolio_income": portfolio_income,
        "bond_interest": bond_interest,
        "primary_income": primary_income,
        "repatriation_share": NOT_GIVEN if repatriation_share is None else repatriation_share,
    }
    for name in chosen.needs:
        if given[name] is NOT_GIVEN:
            raise InputError(name, f"is missing; the {chosen.id} method needs it")
    return apply(CASH_FLOW[chosen.id], **given)


def unrepatriated_share(
    primary_income: ValueLike, reinvested_earnings: ValueLike, portfolio_income: ValueLike
) -> Result:
    """Share of primary income that stays abroad: (reinvested + portfolio) / primary income."""
    return apply(
        get_metric("unrepatriated_share"),
        primary_income=primary_income,
        reinvested_earnings=reinvested_earnings,
        portfolio_income=portfolio_income,
    )
