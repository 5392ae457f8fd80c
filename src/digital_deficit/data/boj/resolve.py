"""Series codes -> project items: the BP01 codes first, else the official names.

A series whose code is a known BP01 code (catalogue.py) is that item and side. Any other
series is read by its official name, English or Japanese (importers/names.py): the fallback
for other databases, renamed codes and files without codes. Two candidates of equal standing
for the same item and side are ambiguous: left out and reported, never guessed. A known code
whose names say otherwise is reported too (the table or the catalogue changed).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from digital_deficit.data.boj.catalogue import BP01_CODES, DEFAULT_ITEMS
from digital_deficit.data.importers.names import classify_name

__all__ = ["DEFAULT_ITEMS", "Resolution", "SeriesMatch", "match_series", "resolve_series"]

BY_CODE = "BP01 code"
BY_NAME = "official name"

Candidate = tuple[str, str | Sequence[str]]
"""(series code, its name or every name it has: English and Japanese)."""


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
    """Which code holds which item and side; what was missing, ambiguous or inconsistent."""

    matches: list[SeriesMatch] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    ambiguous: dict[tuple[str, str], list[SeriesMatch]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

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
        """One line per ambiguous item and side (skipped, nothing guessed), then the notes."""
        return [
            f"{item} {side} is named by {len(found)} series ("
            + ", ".join(f"{m.code} {m.name!r}" for m in found)
            + "); skipped (nothing guessed)"
            for (item, side), found in self.ambiguous.items()
        ] + self.notes


def _names(names: str | Sequence[str]) -> tuple[str, ...]:
    return (names,) if isinstance(names, str) else tuple(n for n in names if n) or ("",)


def match_series(
    code: str, names: str | Sequence[str], known_codes: bool = True, notes: list[str] | None = None
) -> SeriesMatch | None:
    """The item and side of one series: a known BP01 code, else its official names.

    Names that disagree (the English says one item, the Japanese another) match nothing;
    a known code whose names name another item keeps its code and adds a line to ``notes``.
    """
    all_names = _names(names)
    read = {found for n in all_names if (found := classify_name(n)) is not None}
    if known_codes and code in BP01_CODES:
        item, side = BP01_CODES[code]
        if read - {(item, side)} and notes is not None:
            said = ", ".join(f"{i} {s}" for i, s in sorted(read))
            notes.append(f"{code} is {item} {side} by its BP01 code but its name says {said}")
        return SeriesMatch(code, all_names[0], item, side, BY_CODE)
    if len(read) != 1:
        if len(read) > 1 and notes is not None:
            said = " / ".join(repr(n) for n in all_names)
            notes.append(f"{code}: its names {said} name different items; skipped")
        return None
    item, side = next(iter(read))
    return SeriesMatch(code, all_names[0], item, side, BY_NAME)


def resolve_series(
    candidates: Iterable[Candidate],
    wanted_items: Collection[str] | None = None,
    known_codes: bool = True,
) -> Resolution:
    """Resolve (code, names) pairs; ``wanted_items`` limits the items (None: every item found).

    A known code beats a name match for the same item and side; two matches of equal standing
    are ambiguous: they are left out of ``matches`` (the caller warns or fails). With
    ``wanted_items``, an item none of whose sides was found is missing.
    """
    result = Resolution()
    by_key: dict[tuple[str, str], list[SeriesMatch]] = {}
    seen: set[str] = set()
    for code, names in candidates:
        if code in seen:
            continue
        seen.add(code)
        match = match_series(code, names, known_codes, result.notes)
        if match is None or (wanted_items is not None and match.item not in wanted_items):
            continue
        by_key.setdefault((match.item, match.side), []).append(match)
    for key in sorted(by_key):
        found = by_key[key]
        chosen = [m for m in found if m.how == BY_CODE] or found
        if len(chosen) == 1:
            result.matches.append(chosen[0])
        else:
            result.ambiguous[key] = chosen
    if wanted_items is not None:
        found_items = {m.item for m in result.matches} | {k[0] for k in result.ambiguous}
        result.missing = [(i, "any side") for i in wanted_items if i not in found_items]
    return result
