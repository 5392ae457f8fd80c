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

from digital_deficit.core.errors import InputError, UnknownNameError
from digital_deficit.core.values import (
    Result,
    Value,
    ValueLike,
    align,
    shaped,
    sum_or_missing,
    to_value,
)


@dataclass(frozen=True)
class CashFlowMethod:
    """One cash-flow method: the inputs it needs and where it comes from."""

    id: str
    needs: tuple[str, ...]
    formula: str
    source: str


CF_METHODS: dict[str, CashFlowMethod] = {
    m.id: m
    for m in (
        CashFlowMethod(
            "karakama",
            ("reinvested_earnings", "portfolio_income"),
            "current account - net reinvested earnings - net portfolio investment income",
            "Daisuke Karakama (Mizuho Bank), Weekly Economist 2024-06-04",
        ),
        CashFlowMethod(
            "oguro1",
            ("reinvested_earnings",),
            "current account - net reinvested earnings",
            "Kazumasa Oguro (Hosei Univ.), Diamond Online 329952",
        ),
        CashFlowMethod(
            "oguro2",
            ("reinvested_earnings", "bond_interest"),
            "current account - net reinvested earnings - net bond interest",
            "Kazumasa Oguro (Hosei Univ.), Diamond Online 329952",
        ),
        CashFlowMethod(
            "repatriation",
            ("primary_income", "repatriation_share"),
            "goods and services + secondary income + r × primary income",
            "user assumption r (no published ratio exists)",
        ),
    )
}
CF_METHOD_IDS: tuple[str, ...] = tuple(CF_METHODS)
CF_INPUT_ITEMS: dict[str, str] = {
    "current_account": "current_account",
    "reinvested_earnings": "reinvested_earnings",
    "portfolio_income": "portfolio_investment_income",
    "bond_interest": "bond_interest",
    "primary_income": "primary_income",
}
"""The item (core/items.py) behind each flow argument of cf_current_account; every method
starts from the current account. ``repatriation_share`` is an assumption, not an item."""
DEFAULT_CF_METHOD = "karakama"


def get_cf_method(method: str) -> CashFlowMethod:
    """Return the cash-flow method with this id or raise UnknownNameError."""
    key = method.strip().lower() if isinstance(method, str) else method
    if key not in CF_METHODS:
        raise UnknownNameError("cash-flow method", method, CF_METHOD_IDS)
    return CF_METHODS[str(key)]


def current_account(
    goods: ValueLike, services: ValueLike, primary: ValueLike, secondary: ValueLike
) -> Result:
    """Current account = goods + services + primary income + secondary income."""
    cols, n, scalar = align(goods=goods, services=services, primary=primary, secondary=secondary)
    return shaped([sum_or_missing([c[i] for c in cols.values()]) for i in range(n)], scalar)


def ca_residual(
    reported: ValueLike,
    goods: ValueLike,
    services: ValueLike,
    primary: ValueLike,
    secondary: ValueLike,
) -> Result:
    """Reported current account minus the sum of its four parts (0 or ±1 from rounding)."""
    cols, n, scalar = align(
        reported=reported, goods=goods, services=services, primary=primary, secondary=secondary
    )
    out: list[Value] = []
    for i in range(n):
        parts = sum_or_missing([cols[k][i] for k in ("goods", "services", "primary", "secondary")])
        rep = cols["reported"][i]
        out.append(None if parts is None or rep is None else rep - parts)
    return shaped(out, scalar)


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
        "reinvested_earnings": reinvested_earnings,
        "portfolio_income": portfolio_income,
        "bond_interest": bond_interest,
        "primary_income": primary_income,
        "repatriation_share": NOT_GIVEN if repatriation_share is None else repatriation_share,
    }
    for name in chosen.needs:
        if given[name] is NOT_GIVEN:
            raise InputError(name, f"is missing; the {chosen.id} method needs it")
    if chosen.id == "repatriation":
        share = to_value("repatriation_share", repatriation_share)
        if share is None or not 0.0 <= share <= 1.0:
            raise InputError("repatriation_share", f"is {share!r}; expected a share from 0 to 1")
        cols, n, scalar = align(current_account=current_account, primary_income=primary_income)
        out: list[Value] = []
        for ca, pi in zip(cols["current_account"], cols["primary_income"], strict=True):
            out.append(None if ca is None or pi is None else ca - (1.0 - share) * pi)
        return shaped(out, scalar)
    removed = {name: given[name] for name in chosen.needs}
    cols, n, scalar = align(current_account=current_account, **removed)
    results: list[Value] = []
    for i in range(n):
        ca = cols["current_account"][i]
        outflows = sum_or_missing([cols[name][i] for name in chosen.needs])
        results.append(None if ca is None or outflows is None else ca - outflows)
    return shaped(results, scalar)


def unrepatriated_share(
    primary_income: ValueLike, reinvested_earnings: ValueLike, portfolio_income: ValueLike
) -> Result:
    """Share of primary income that stays abroad: (reinvested + portfolio) / primary income."""
    cols, _n, scalar = align(
        primary_income=primary_income,
        reinvested_earnings=reinvested_earnings,
        portfolio_income=portfolio_income,
    )
    out: list[Value] = []
    for pi, re_, po in zip(
        cols["primary_income"], cols["reinvested_earnings"], cols["portfolio_income"], strict=True
    ):
        out.append(None if pi is None or re_ is None or po is None or pi <= 0 else (re_ + po) / pi)
    return shaped(out, scalar)
