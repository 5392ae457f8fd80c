"""Series codes -> project items: the known BP01 net codes, else official names from getMetadata.

Only the eight BP01 net codes confirmed in DOMAIN.md are used as codes; every other series
(copyright royalties, computer services, consulting, credit/debit splits, the primary-income
breakdown) is found by its official English or Japanese name (see importers/names.py). Two
candidates for the same item and side are ambiguous: an error, never a guess.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from digital_deficit.data.importers.names import classify_name

KNOWN_BP01_CODES: dict[str, tuple[str, str]] = {
    "BPBP6JYNCB": ("current_account", "net"),
    "BPBP6JYNTB": ("goods", "net"),
    "BPBP6JYNSN": ("services", "net"),
    "BPBP6JYNSN2": ("travel", "net"),
    "BPBP6JYNSN906": ("ip_charges", "net"),
    "BPBP6JYNSN907": ("ict_services", "net"),
    "BPBP6JYNPIN": ("primary_income", "net"),
    "BPBP6JYNSIN": ("secondary_income", "net"),
}

DEFAULT_ITEMS: tuple[str, ...] = (
    "current_account",
    "goods_and_services",
    "goods",
    "services",
    "travel",
    "primary_income",
    "secondary_income",
    "ip_charges",
    "copyright_royalties",
    "ict_services",
    "computer_services",
    "consulting",
    "direct_investment_income",
    "reinvested_earnings",
    "portfolio_investment_income",
    "bond_interest",
)
"""What `fetch boj` asks for when no --items or --codes are given (every side found)."""


@dataclass(frozen=True)
class SeriesMatch:
    """One series code resolved to a project item and side, and how."""

    code: str
    name: str
    item: str
    side: str
    how: str


@dataclass
class Resolution:
    """Which code holds which item and side; what was missing or ambiguous."""

    matches: list[SeriesMatch] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    ambiguous: dict[tuple[str, str], list[SeriesMatch]] = field(default_factory=dict)

    def table(self) -> str:
        """The resolution as a printable table."""
        rows = [("item", "side", "code", "how", "official name")]
        rows += [(m.item, m.side, m.code, m.how, m.name) for m in self.matches]
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        lines = [
            "  ".join([*(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)), r[4]])
            for r in rows
        ]
        for (item, side), found in self.ambiguous.items():
            codes = ", ".join(m.code for m in found)
            lines.append(f"AMBIGUOUS {item} {side}: {codes}")
        lines += [f"not found: {item} {side}" for item, side in self.missing]
        return "\n".join(lines)

    def ambiguity_warnings(self) -> list[str]:
        """One line per ambiguous item and side: it is skipped, nothing guessed."""
        return [
            f"{item} {side} is named by {len(found)} series ("
            + ", ".join(f"{m.code} {m.name!r}" for m in found)
            + "); skipped (nothing guessed)"
            for (item, side), found in self.ambiguous.items()
        ]


def match_series(code: str, name: str, known_codes: bool = True) -> SeriesMatch | None:
    """The item and side of one series: a known BP01 code, else its official name."""
    if known_codes and code in KNOWN_BP01_CODES:
        item, side = KNOWN_BP01_CODES[code]
        return SeriesMatch(code, name, item, side, "known BP01 code")
    found = classify_name(name)
    if found is None:
        return None
    return SeriesMatch(code, name, found[0], found[1], "official name")


def resolve_series(
    candidates: Iterable[tuple[str, str]],
    wanted_items: Collection[str] | None = None,
    known_codes: bool = True,
) -> Resolution:
    """Resolve (code, name) pairs; ``wanted_items`` limits the items (None: every item found).

    A known code beats a name match for the same item and side; two matches of equal standing
    are ambiguous: they are left out of ``matches`` (the caller warns or fails). With
    ``wanted_items``, an item none of whose sides was found is missing.
    """
    by_key: dict[tuple[str, str], list[SeriesMatch]] = {}
    seen: set[str] = set()
    for code, name in candidates:
        if code in seen:
            continue
        seen.add(code)
        match = match_series(code, name, known_codes)
        if match is None or (wanted_items is not None and match.item not in wanted_items):
            continue
        by_key.setdefault((match.item, match.side), []).append(match)
    result = Resolution()
    for key in sorted(by_key):
        found = by_key[key]
        known = [m for m in found if m.how == "known BP01 code"]
        chosen = known or found
        if len(chosen) == 1:
            result.matches.append(chosen[0])
        else:
            result.ambiguous[key] = chosen
    if wanted_items is not None:
        found_items = {m.item for m in result.matches} | {k[0] for k in result.ambiguous}
        result.missing = [(i, "any side") for i in wanted_items if i not in found_items]
    return result
