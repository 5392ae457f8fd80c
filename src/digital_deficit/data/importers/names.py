"""Official series names -> project items and sides (English and Japanese names as the BoJ
writes them; the fallback when a series code is not one of the known BP01 codes).

A name is a path of segments split at "/" ("Services/Other services/.../Computer
services/Net balance", "サービス/その他サービス/.../コンピュータサービス/ネット"). The last segment
may be a side (Net balance, Credit, Debit, Exports, Imports; ネット, 収支, 受取, 支払, 輸出, 輸入);
the segment before it names the item, so a deeper child ("Computer services/Computer
software/Credit") never matches its parent. Where the item sits counts: a top-level item
(current account, goods, services, primary and secondary income) is the whole path; any other
sits under its top-level heading, which is the first segment (so "Financial account/Direct
investment/Reinvested earnings" and "Goods & services/Services/Credit" name no item); an item
named by a word that is only meaningful in context ("Direct investment", "Portfolio
investment", "Interest") must also sit below its parent item. Segments in between
("Other services", "Investment income", 出資所得) are passed over.

The BoJ's own quirks are read: a side glued to its item ("Direct investmentNet balance"), a
space before the slash ("Secondary income /Net balance"), top-level names without a side
(経常収支, 貿易・サービス収支: the net balance), full-width slashes. Seasonally adjusted series
("(Seasonally-adjusted)", 季節調整済) and the historical rearranged tables ("(Data Rearranged
Based on the BPM6)", 6版組替) never match. Each segment is NFKC-normalised and case-folded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class ItemName:
    """The names of one project item: anywhere (``en``/``ja``) or only under ``parent``."""

    item: str
    en: str
    ja: str
    parent: str | None = None
    """The item it sits under (None: a top-level item)."""
    in_context: str | None = None
    """A further name that names the item only right under its parent ("interest")."""


ITEM_NAMES: tuple[ItemName, ...] = (
    ItemName("current_account", r"current account", r"経常収支"),
    ItemName("goods_and_services", r"goods (?:and|&) services", r"貿易・サービス収支"),
    ItemName("goods", r"goods|trade balance", r"貿易収支"),
    ItemName("services", r"services", r"サービス収支|サービス"),
    ItemName("primary_income", r"primary income", r"第一次所得(?:収支)?"),
    ItemName("secondary_income", r"secondary income", r"第二次所得(?:収支)?"),
    ItemName("travel", r"travel", r"旅行(?:収支)?", "services"),
    ItemName(
        "ip_charges",
        r"charges for the use of intellectual property(?: n\.i\.e\.?)?",
        r"知的財産権等使用料",
        "services",
    ),
    ItemName(
        "copyright_royalties",
        r"copyright[- ]related (?:royalties|use fees|charges)"
        r"|charges for the use of copyrights?(?: n\.i\.e\.?)?",
        r"著作権等使用料",
        "services",
    ),
    ItemName(
        "ict_services",
        r"telecommunications?, computer,? and information services",
        r"通信・コンピュータ・情報サービス",
        "services",
    ),
    ItemName("telecom_services", r"telecommunications? services", r"通信サービス", "services"),
    ItemName("computer_services", r"computer services", r"コンピュータサービス", "services"),
    ItemName("information_services", r"information services", r"情報サービス", "services"),
    ItemName(
        "consulting",
        r"professional and management consulting(?: services)?",
        r"専門・経営コンサルティング(?:サービス)?",
        "services",
    ),
    ItemName(
        "direct_investment_income",
        r"direct investment income",
        r"直接投資収益",
        "primary_income",
        r"direct investment",
    ),
    ItemName("reinvested_earnings", r"reinvested earnings", r"再投資収益", "primary_income"),
    ItemName(
        "portfolio_investment_income",
        r"portfolio investment income",
        r"証券投資収益",
        "primary_income",
        r"portfolio investment",
    ),
    ItemName(
        "bond_interest",
        r"interest on bonds(?: and notes)?|bond interest",
        r"債券利子",
        "portfolio_investment_income",
        r"interest",
    ),
)

SIDE_NAMES: dict[str, tuple[str, str]] = {
    "net": (r"net(?: balance)?|balance", r"収支|収支尻|ネット"),
    "credit": (r"credits?|receipts?|exports?", r"受取|輸出"),
    "debit": (r"debits?|payments?|imports?", r"支払|輸入"),
}

_EXCLUDED = re.compile(r"seasonally[- ]adjusted|季節調整|data rearranged|組替")
_GLUED_SIDE = re.compile(r"(?<=[a-z])(?=(?:net balance|credit|debit)$)")
_BY_ITEM = {n.item: n for n in ITEM_NAMES}


def normalise(text: str) -> str:
    """NFKC, case-folded, single spaces, no surrounding space or quotes."""
    text = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split()).strip(" \"'")


_ITEM_RE = re.compile(
    "|".join(f"(?P<i{i}>{n.en}|{n.ja})" for i, n in enumerate(ITEM_NAMES))
)  # one pass over every name; the first item (in ITEM_NAMES order) that matches wins


_FORMULA = re.compile(r"\s*\(\s*[a-z](?:\s*[+\-]\s*[a-z])*\s*\)$")
"""A MOF header's annotation: 経常収支 (a+b+c), 貿易・サービス収支 (a)."""


def item_of(segment: str) -> str | None:
    """The project item a segment names on its own (a table header cell), or None."""
    match = _ITEM_RE.fullmatch(_FORMULA.sub("", normalise(segment)))
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


def _root(item: str) -> str:
    parent = _BY_ITEM[item].parent
    return item if parent is None else _root(parent)


_ANY_RE = re.compile(
    "|".join(
        [f"(?P<i{i}>{n.en}|{n.ja})" for i, n in enumerate(ITEM_NAMES)]
        + [f"(?P<c{i}>{n.in_context})" for i, n in enumerate(ITEM_NAMES) if n.in_context]
    )
)  # a segment names at most one item: one pass finds it (speed: every series name is read)


def _named_at(segments: list[str], k: int) -> list[tuple[str, bool]]:
    """(item, named only in context) for the item segment ``k`` names, if any."""
    match = _ANY_RE.fullmatch(segments[k])
    if match is None or match.lastgroup is None:
        return []
    return [(ITEM_NAMES[int(match.lastgroup[1:])].item, match.lastgroup[0] == "c")]


def _placed(item: str, in_context: bool, segments: list[str], k: int) -> bool:
    """Whether ``item``, named at segment ``k``, sits where it belongs in the path."""
    parent = _BY_ITEM[item].parent
    if parent is None:
        return k == 0
    if k == 0 or item_of(segments[0]) != _root(item):
        return False
    if not in_context:
        return True
    return any(
        found == parent and _placed(found, ctx, segments, j)
        for j in range(k)
        for found, ctx in _named_at(segments, j)
    )


def classify_name(name: str) -> tuple[str, str] | None:
    """(item, side) named by an official series name, or None when it names no project item."""
    text = normalise(name)
    if not text or _EXCLUDED.search(text):
        return None
    text = _GLUED_SIDE.sub("/", text)
    segments = [s.strip() for s in text.split("/") if s.strip()]
    if not segments:
        return None
    side = side_of(segments[-1])
    if side is not None:
        segments = segments[:-1]
    if not segments:
        return None
    k = len(segments) - 1
    for item, in_context in _named_at(segments, k):
        if _placed(item, in_context, segments, k):
            return item, side or "net"
    return None


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
