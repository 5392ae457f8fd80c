"""The item vocabulary: balance-of-payments items with labels and BPM6/EBOPS 2010 codes."""

from __future__ import annotations

from dataclasses import dataclass

from digital_deficit.core.errors import UnknownNameError


@dataclass(frozen=True)
class Item:
    """One balance-of-payments item the project knows."""

    id: str
    label_en: str
    label_ja: str
    code: str
    parts: tuple[str, ...] = ()
    note: str = ""
    sides: tuple[str, ...] = ("net", "credit", "debit")
    """The sides the item is published on (crude-oil imports: only the debit, the bill)."""

    def label(self, lang: str) -> str:
        """The label in ``lang`` (en or ja)."""
        return {"en": self.label_en, "ja": self.label_ja}[lang]


ITEMS: tuple[Item, ...] = (
    Item(
        "current_account",
        "Current account",
        "経常収支",
        "CA",
        ("goods", "services", "primary_income", "secondary_income"),
    ),
    Item("goods", "Goods", "貿易収支", "G"),
    Item("services", "Services", "サービス収支", "S"),
    Item(
        "goods_and_services",
        "Goods and services",
        "貿易・サービス収支",
        "GS",
        ("goods", "services"),
    ),
    Item("travel", "Travel", "旅行収支", "SD"),
    Item("primary_income", "Primary income", "第一次所得収支", "IN1"),
    Item("secondary_income", "Secondary income", "第二次所得収支", "IN2"),
    Item("ip_charges", "Charges for the use of intellectual property", "知的財産権等使用料", "SH"),
    Item(
        "copyright_royalties",
        "Copyright-related royalties",
        "著作権等使用料",
        "SH (part)",
        note="OS, app and streaming licences",
    ),
    Item(
        "ict_services",
        "Telecommunications, computer and information services",
        "通信・コンピュータ・情報サービス",
        "SI",
        ("telecom_services", "computer_services", "information_services"),
    ),
    Item("telecom_services", "Telecommunications services", "通信サービス", "SI1"),
    Item(
        "computer_services",
        "Computer services",
        "コンピュータサービス",
        "SI2",
        note="cloud, generative-AI fees, IT consulting",
    ),
    Item("information_services", "Information services", "情報サービス", "SI3"),
    Item(
        "consulting",
        "Professional and management consulting services",
        "専門・経営コンサルティングサービス",
        "SJ2",
        note="holds search and social advertising",
    ),
    Item("direct_investment_income", "Direct investment income", "直接投資収益", "IN1 D"),
    Item("reinvested_earnings", "Reinvested earnings", "再投資収益", "IN1 D (reinvested)"),
    Item("portfolio_investment_income", "Portfolio investment income", "証券投資収益", "IN1 P"),
    Item("bond_interest", "Interest on bonds and notes", "債券利子", "IN1 P (debt)"),
    Item("crude_oil_imports", "Crude oil imports", "原油輸入額", "customs", sides=("debit",)),
    Item(
        "digital",
        "Digital balance (by definition)",
        "デジタル関連収支",
        "aggregate",
        note="needs a definition: mof3, narrow or custom",
    ),
)

_BY_ID: dict[str, Item] = {item.id: item for item in ITEMS}
ITEM_IDS: tuple[str, ...] = tuple(_BY_ID)
AGGREGATE_ITEMS: frozenset[str] = frozenset({"digital"})
SIDES: tuple[str, ...] = ("net", "credit", "debit")


def get_item(item_id: str) -> Item:
    """Return the item with this id or raise UnknownNameError."""
    try:
        return _BY_ID[item_id]
    except (KeyError, TypeError):
        raise UnknownNameError("item", item_id, ITEM_IDS) from None


def check_side(side: str) -> str:
    """Return the side id if it is net, credit or debit."""
    if side not in SIDES:
        raise UnknownNameError("side", side, SIDES)
    return side
