"""Official series names -> project items and sides (English and Japanese name patterns).

A name is read as a path of segments split at "/" (BoJ: "Services/Computer services/Credit").
The last segment may be a side (Credit, Debit, Net balance; 受取, 支払, 収支); the segment
holding the item is the one just before it (or the last one when no side is given), so a deeper
child ("Computer services/Computer software/Credit") never matches its parent. The whole path
counts: a top-level item (current account, goods, services...) must be the first segment, and
every other item must sit under its heading (service items under Services/サービス収支, income
items under Primary income/第一次所得収支), so "Financial account/Direct investment/Reinvested
earnings" or "Goods & services/Services/Credit" name no item. Each segment is NFKC-normalised,
case-folded and must match a pattern in full. Seasonally adjusted series (names with
"seasonally adjusted" or 季節調整) never match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class ItemName:
    """The English and Japanese name patterns of one project item."""

    item: str
    en: str
    ja: str
    heading: str | None = None
    """The top-level item the series must sit under (None: it is a top-level item itself)."""

    def matches(self, segment: str) -> bool:
        """True when the normalised segment is this item's name in English or Japanese."""
        return bool(re.fullmatch(self.en, segment) or re.fullmatch(self.ja, segment))


ITEM_NAMES: tuple[ItemName, ...] = (
    ItemName("current_account", r"current account", r"経常収支"),
    ItemName("goods_and_services", r"goods (?:and|&) services", r"貿易・サービス収支"),
    ItemName("goods", r"goods|trade balance", r"貿易収支"),
    ItemName("services", r"services", r"サービス収支"),
    ItemName("travel", r"travel", r"旅行(?:収支)?", heading="services"),
    ItemName("primary_income", r"primary income", r"第一次所得(?:収支)?"),
    ItemName("secondary_income", r"secondary income", r"第二次所得(?:収支)?"),
    ItemName(
        "ip_charges",
        r"charges for the use of intellectual property(?: n\.i\.e\.?)?",
        r"知的財産権等使用料",
        heading="services",
    ),
    ItemName(
        "copyright_royalties",
        r"copyright[- ]related (?:royalties|use fees|charges)|charges for the use of copyrights?",
        r"著作権等使用料",
        heading="services",
    ),
    ItemName(
        "ict_services",
        r"telecommunications?, computer,? and information services",
        r"通信・コンピュータ・情報サービス",
        heading="services",
    ),
    ItemName(
        "telecom_services", r"telecommunications? services", r"通信サービス", heading="services"
    ),
    ItemName(
        "computer_services", r"computer services", r"コンピュータサービス", heading="services"
    ),
    ItemName("information_services", r"information services", r"情報サービス", heading="services"),
    ItemName(
        "consulting",
        r"professional and management consulting(?: services)?",
        r"専門・経営コンサルティング(?:サービス)?",
        heading="services",
    ),
    ItemName(
        "direct_investment_income",
        r"direct investment income",
        r"直接投資収益",
        heading="primary_income",
    ),
    ItemName(
        "reinvested_earnings", r"reinvested earnings", r"再投資収益", heading="primary_income"
    ),
    ItemName(
        "portfolio_investment_income",
        r"portfolio investment income",
        r"証券投資収益",
        heading="primary_income",
    ),
    ItemName(
        "bond_interest",
        r"interest on bonds(?: and notes)?|bond interest",
        r"債券利子",
        heading="primary_income",
    ),
)

SIDE_NAMES: dict[str, tuple[str, str]] = {
    "net": (r"net(?: balance)?|balance", r"収支|収支尻|ネット"),
    "credit": (r"credits?|receipts?", r"受取"),
    "debit": (r"debits?|payments?", r"支払"),
}

_EXCLUDED = re.compile(r"seasonally adjusted|季節調整")


def normalise(text: str) -> str:
    """NFKC, case-folded, single spaces, no surrounding space or quotes."""
    text = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split()).strip(" \"'")


_ITEM_RE = re.compile(
    "|".join(f"(?P<i{i}>{n.en}|{n.ja})" for i, n in enumerate(ITEM_NAMES))
)  # one pass over every pattern; the first item (in ITEM_NAMES order) that matches wins


def item_of(segment: str) -> str | None:
    """The project item whose name the segment is, or None."""
    match = _ITEM_RE.fullmatch(normalise(segment))
    if match is None or match.lastgroup is None:
        return None
    return ITEM_NAMES[int(match.lastgroup[1:])].item


def side_of(segment: str) -> str | None:
    """net, credit or debit when the segment names a side, else None."""
    seg = normalise(segment)
    for side, (en, ja) in SIDE_NAMES.items():
        if re.fullmatch(en, seg) or re.fullmatch(ja, seg):
            return side
    return None


def classify_name(name: str) -> tuple[str, str] | None:
    """(item, side) named by an official series name, or None when it names no project item."""
    text = normalise(name)
    if not text or _EXCLUDED.search(text):
        return None
    segments = [s.strip() for s in text.split("/") if s.strip()]
    if not segments:
        return None
    side = side_of(segments[-1])
    if side is not None:
        segments = segments[:-1]
    if not segments:
        return None
    item = item_of(segments[-1])
    if item is None or not _under_heading(item, segments):
        return None
    return item, side or "net"


_HEADINGS = {n.item: n.heading for n in ITEM_NAMES}


def _under_heading(item: str, segments: list[str]) -> bool:
    """True when the item sits where it belongs in the tree (see the module docstring)."""
    heading = _HEADINGS[item]
    if heading is None:
        return len(segments) == 1
    return len(segments) >= 2 and item_of(segments[0]) == heading


def classify_header(cells: list[str]) -> tuple[str, str] | None:
    """(item, side) of a table column from its header cells (top to bottom), or None.

    The lowest cell that names an item wins; a side is taken from any cell (default net).
    """
    item: str | None = None
    side: str | None = None
    for cell in cells:
        for part in re.split(r"[\r\n]+", cell):
            if not part.strip():
                continue
            found = item_of(part)
            if found is not None:
                item = found
            elif side_of(part) is not None:
                side = side_of(part)
    return None if item is None else (item, side or "net")
