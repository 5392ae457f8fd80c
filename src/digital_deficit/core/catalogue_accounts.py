"""Catalogue entries of the current account: the identity and its residual, the four cash-flow
methods (a family: one quantity, four rules), the gap between headline and cash-flow, the share
of primary income kept abroad, and how each side of an item follows from the other two."""

from __future__ import annotations

from digital_deficit.core.catalogue_digital import (
    HEADLINE,
    OKU,
    RANGE,
    SUMMARY,
    TABLE,
    figure_entry,
)
from digital_deficit.core.expr import NA, Expr, If, Ref, Sum, le, ref, total
from digital_deficit.core.metric import SHARE, Family, Input, Metric

CF_FAMILY = "cf_current_account"
ca, re_, pi, bonds, primary, share = ref(
    "current_account",
    "reinvested_earnings",
    "portfolio_income",
    "bond_interest",
    "primary_income",
    "repatriation_share",
)
goods, services, primary_, secondary = ref("goods", "services", "primary", "secondary")

_CA = Input("current_account", item="current_account", doc=f"current account (net); {OKU}")
_RE = Input(
    "reinvested_earnings",
    item="reinvested_earnings",
    doc=f"net reinvested earnings, same unit; {RANGE}",
)
_PORTFOLIO = Input(
    "portfolio_income",
    item="portfolio_investment_income",
    doc=f"net portfolio investment income, same unit; {RANGE}",
)
_OGURO = "Kazumasa Oguro (Hosei Univ.), Diamond Online 329952"


def _cash_flow(
    variant: str, inputs: tuple[Input, ...], expr: Expr, formula: str, source: str
) -> Metric:
    return Metric(
        f"cf_{variant}",
        inputs,
        expr,
        "money",
        "amount",
        "Cash-flow current account (unit of the input): the surplus minus income kept abroad.",
        formula,
        source,
        frozenset({HEADLINE, TABLE, SUMMARY}),
        CF_FAMILY,
        variant,
        ("current_account",),
    )


CASH_FLOW_ENTRIES: tuple[Metric, ...] = (
    _cash_flow(
        "karakama",
        (_CA, _RE, _PORTFOLIO),
        ca - total(re_, pi),
        "current account - net reinvested earnings - net portfolio investment income",
        "Daisuke Karakama (Mizuho Bank), Weekly Economist 2024-06-04",
    ),
    _cash_flow(
        "oguro1",
        (_CA, _RE),
        ca - total(re_),
        "current account - net reinvested earnings",
        _OGURO,
    ),
    _cash_flow(
        "oguro2",
        (
            _CA,
            _RE,
            Input(
                "bond_interest",
                item="bond_interest",
                doc=f"optional net bond interest (oguro2), same unit; {RANGE}",
            ),
        ),
        ca - total(re_, bonds),
        "current account - net reinvested earnings - net bond interest",
        _OGURO,
    ),
    _cash_flow(
        "repatriation",
        (
            _CA,
            Input(
                "primary_income",
                item="primary_income",
                doc=f"optional net primary income (repatriation); {RANGE}",
            ),
            Input(
                "repatriation_share",
                domain=SHARE,
                doc="optional share r from 0 to 1 (repatriation method only)",
                scalar=True,
            ),
        ),
        # goods and services + secondary income + r × primary income = CA - (1 - r) × primary
        ca - (1 - share) * primary,
        "goods and services + secondary income + r × primary income",
        "user assumption r (no published ratio exists)",
    ),
)

CASH_FLOW_FAMILY = Family(
    CF_FAMILY,
    "cash-flow method",
    "cf_method",
    "karakama",
    {m.variant: m for m in CASH_FLOW_ENTRIES},
)

_PARTS = (
    Input("services", item="services", doc=f"services balance, same unit; {RANGE}"),
    Input("primary", item="primary_income", doc=f"primary income balance, same unit; {RANGE}"),
    Input(
        "secondary", item="secondary_income", doc=f"secondary income balance, same unit; {RANGE}"
    ),
)

ACCOUNT_ENTRIES: tuple[Metric, ...] = (
    figure_entry("current_account", "current_account", tags=(TABLE, SUMMARY)),
    *CASH_FLOW_ENTRIES,
    Metric(
        "ca_identity",
        (Input("goods", item="goods", doc=f"goods (trade) balance; {OKU}"), *_PARTS),
        total(goods, services, primary_, secondary),
        "money",
        "amount",
        "Current account = goods + services + primary + secondary income (unit of the input).",
    ),
    Metric(
        "ca_residual",
        (
            Input("reported", item="current_account", doc=f"reported current account; {OKU}"),
            Input("goods", item="goods", doc=f"goods balance, same unit; {RANGE}"),
            *_PARTS,
        ),
        Ref("reported") - total(goods, services, primary_, secondary),
        "money",
        "amount",
        "Reported current account minus its four parts (0 or +-1 from rounding).",
    ),
    Metric(
        "ca_gap",
        (_CA, Input("cash_flow", metric=CF_FAMILY)),
        ca - Ref("cash_flow"),
        "money",
        "amount",
        "Headline current account minus the cash-flow current account.",
    ),
    Metric(
        "unrepatriated_share",
        (
            Input("primary_income", item="primary_income"),
            Input("reinvested_earnings", item="reinvested_earnings"),
            Input("portfolio_income", item="portfolio_investment_income"),
        ),
        If(le(primary, 0), NA, total(re_, pi) / primary),
        "ratio",
        "pct",
        "Share of primary income that stays abroad: (reinvested + portfolio) / primary income.",
    ),
)

# How each side of an item follows from the other two: exact decimal sums of the figures. Each
# input's ``side`` says which side of the item it is.
SIDE_RULES: dict[str, Metric] = {
    side: Metric(
        f"{side}_from_sides",
        (Input(a, side=side_a), Input(b, side=side_b)),
        Sum((Ref(a), -Ref(b) if sign < 0 else Ref(b)), decimal=True),
        "money",
        "amount",
        help_,
    )
    for side, a, side_a, b, side_b, sign, help_ in (
        ("net", "credit", "credit", "debit", "debit", -1, "Net = credit - debit."),
        ("credit", "payments", "debit", "net", "net", 1, "Receipts = payments + net balance."),
        ("debit", "receipts", "credit", "net", "net", -1, "Payments = receipts - net balance."),
    )
}
