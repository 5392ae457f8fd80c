"""Published figures as plain rows, read straight from the embedded CSV text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from digital_deficit.data.embedded import embedded_text

REPO = Path(__file__).resolve().parents[1]
SHARED_CSV = REPO.parent / "shared" / "data" / "japan_bop_published.csv"


def published_rows() -> list[dict[str, str]]:
    """Every row of the embedded published-figures CSV."""
    return list(csv.DictReader(io.StringIO(embedded_text())))


def published(
    item: str,
    period: str,
    basis: str = "CY",
    definition: str = "",
    side: str = "net",
    vintage: str | None = None,
) -> int:
    """The published value of one figure (the only row, or the row of ``vintage``)."""
    rows = [
        r
        for r in published_rows()
        if (r["item"], r["period"], r["basis"], r["definition"], r["side"])
        == (item, period, basis, definition, side)
        and (vintage is None or r["vintage"] == vintage)
    ]
    assert len(rows) == 1, rows
    return int(rows[0]["value_oku_yen"])


def precision(
    item: str, period: str, basis: str = "CY", definition: str = "", side: str = "net"
) -> int:
    """The stated rounding unit of one figure."""
    rows = [
        r
        for r in published_rows()
        if (r["item"], r["period"], r["basis"], r["definition"], r["side"])
        == (item, period, basis, definition, side)
    ]
    assert len(rows) == 1, rows
    return int(rows[0]["precision_oku_yen"])
