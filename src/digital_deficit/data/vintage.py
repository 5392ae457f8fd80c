"""Vintages and how they rank: a later revision supersedes an earlier one.

Grammar: ``preliminary``, ``revised-YYYY-MM``, ``published``, ``official``, ``derived``,
``analyst``, or ``YYYY-MM-DD`` (the update date of a fetched or imported series).
Rank, lowest first: analyst < derived < preliminary < published = official < revised-YYYY-MM
(by month) < dated import (by date). A dated import supersedes every embedded figure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

_FIXED = {"analyst": 0, "derived": 1, "preliminary": 2, "published": 3, "official": 3}
_REVISED = re.compile(r"^revised-(\d{4})-(0[1-9]|1[0-2])$")
_DATED = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
VINTAGE_FORMS = "preliminary, revised-YYYY-MM, published, official, derived, analyst or YYYY-MM-DD"


@lru_cache(maxsize=4096)
def vintage_rank(vintage: str) -> tuple[int, str]:
    """Sort key of a vintage; raises ValueError for text outside the grammar."""
    if vintage in _FIXED:
        return _FIXED[vintage], ""
    if _REVISED.match(vintage):
        return 4, vintage[8:]
    if _DATED.match(vintage):
        try:
            dt.date.fromisoformat(vintage)
        except ValueError:
            raise ValueError(f"{vintage!r} is not a real date; expected YYYY-MM-DD") from None
        return 5, vintage
    raise ValueError(f"{vintage!r} is not a vintage; expected {VINTAGE_FORMS}")


def oldest_first(vintages: Iterable[str]) -> list[str]:
    """The distinct vintages, oldest first; published and official (equal in rank) by name, so
    the order never depends on how a set happens to iterate."""
    return sorted(set(vintages), key=lambda v: (vintage_rank(v), v))


def first_release(vintages: Sequence[str]) -> int:
    """Index of the first release among a figure's vintages (sorted oldest first, as held).

    The preliminary figure if there is one, else the earliest release (published, official, a
    revision, an import); an analyst's or a derived figure only when nothing else is held
    (derived before analyst: arithmetic on published figures beats a rounded quote).
    """
    ranks = [vintage_rank(v) for v in vintages]
    released = [i for i, r in enumerate(ranks) if r[0] >= _FIXED["preliminary"]]
    if released:
        return min(released, key=lambda i: ranks[i])
    return max(range(len(vintages)), key=lambda i: ranks[i])


def is_import_vintage(vintage: str) -> bool:
    """True for the dated vintage of a fetched or imported series."""
    return bool(_DATED.match(vintage))


def date_vintage(yyyymmdd: int | str) -> str:
    """BoJ ``LAST_UPDATE`` (20260518) as a vintage (2026-05-18)."""
    text = str(yyyymmdd).strip()
    if not re.fullmatch(r"\d{8}", text):
        raise ValueError(f"{yyyymmdd!r} is not a YYYYMMDD date")
    vintage = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    vintage_rank(vintage)
    return vintage
