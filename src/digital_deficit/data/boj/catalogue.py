"""The BP01 series codes of the project's items, as the real getMetadata lists them.

Monthly balance-of-payments series (BPM6) are ``BPBP6JYN`` + a suffix; each item has a net
code and, where the BoJ publishes them, a credit and a debit code made by swapping the net
marker N for C or D (``SN907`` -> ``SC907``/``SD907``, ``PIN21`` -> ``PIC21``, ``SIN`` ->
``SIC``). Goods have exports and imports (``EX``, ``IM``) as credit and debit; the current
account and goods & services are published net only. Confirmed against the BP01 catalogue of
2026-02 (shared/BOJ_API.md; tests/fixtures/bp01_metadata_2026-02.csv.gz), whose names agree
with every code here in English and Japanese.
"""

from __future__ import annotations

import re

NET_CODES: dict[str, str] = {
    "current_account": "BPBP6JYNCB",
    "goods_and_services": "BPBP6JYNTS",
    "goods": "BPBP6JYNTB",
    "services": "BPBP6JYNSN",
    "travel": "BPBP6JYNSN2",
    "ip_charges": "BPBP6JYNSN906",
    "copyright_royalties": "BPBP6JYNSN9062",
    "ict_services": "BPBP6JYNSN907",
    "telecom_services": "BPBP6JYNSN9071",
    "computer_services": "BPBP6JYNSN9072",
    "information_services": "BPBP6JYNSN9073",
    "consulting": "BPBP6JYNSN9082",
    "primary_income": "BPBP6JYNPIN",
    "direct_investment_income": "BPBP6JYNPIN21",
    "reinvested_earnings": "BPBP6JYNPIN2112",
    "portfolio_investment_income": "BPBP6JYNPIN22",
    "bond_interest": "BPBP6JYNPIN222",
    "secondary_income": "BPBP6JYNSIN",
}
"""Item -> monthly net code (BOJ_API.md's table)."""

_GOODS_SIDES = {"credit": "BPBP6JYNEX", "debit": "BPBP6JYNIM"}
_SIDED = re.compile(r"^(BPBP6JYN)(S|PI|SI)N(\d*)$")

NOT_IN_BP01: dict[str, str] = {
    "crude_oil_imports": "a customs statistic (MOF Trade Statistics), not in BP01",
    "digital": "an aggregate: its definition's items are fetched instead",
}
"""Project items no BP01 series holds, and why."""

DEFAULT_ITEMS: tuple[str, ...] = tuple(NET_CODES)
"""What `fetch boj` asks for when no --items or --codes are given (every side published):
every item the digital balance (mof3, narrow), its components and the cash-flow current
account (every method) need."""


def side_code(item: str, side: str) -> str | None:
    """The monthly BP01 code of ``item`` on ``side``, or None when the BoJ publishes none."""
    net = NET_CODES.get(item)
    if net is None or side == "net":
        return net
    if item == "goods":
        return _GOODS_SIDES[side]
    match = _SIDED.match(net)
    if match is None:
        return None
    return f"{match.group(1)}{match.group(2)}{side[0].upper()}{match.group(3)}"


BP01_CODES: dict[str, tuple[str, str]] = {
    code: (item, side)
    for item in NET_CODES
    for side in ("net", "credit", "debit")
    if (code := side_code(item, side)) is not None
}
"""Monthly BP01 code -> (item, side), for every side published."""


def bare_code(code: str) -> tuple[str, str]:
    """(database, code) of a code written with its database prefix (``BP01'BPBP6JYNCB``)."""
    db, _, bare = code.strip().rpartition("'")
    return db.upper(), bare
