"""Units: values stay in oku yen (100 million yen); trillions are for display only."""

from __future__ import annotations

OKU_PER_TRILLION = 10_000


def to_trillion_yen(oku_yen: float) -> float:
    """Oku yen to trillion yen (66506 -> 6.6506)."""
    return oku_yen / OKU_PER_TRILLION


def format_trillion_yen(oku_yen: float | None, decimals: int = 2) -> str:
    """Display text in trillions: -66506 -> "¥-6.65T"; a missing value -> "n/a"."""
    if oku_yen is None:
        return "n/a"
    return f"¥{to_trillion_yen(oku_yen):.{decimals}f}T"


UNIT_TEXT: dict[str, str] = {"oku_yen": "oku yen", "usd_million": "million USD"}


def format_amount(value: float | None) -> str:
    """An amount with separators: -66506 -> "-66,506", 341.517 -> "341.52"; missing -> "n/a"."""
    if value is None:
        return "n/a"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def format_oku_yen(oku_yen: float | None) -> str:
    """Display text in oku yen with separators: -66506 -> "-66,506"; decimals kept when present."""
    return format_amount(oku_yen)


def format_ratio(value: float | None, style: str = "percent") -> str:
    """0.9126 -> "91.3%" (percent) or "0.91×" (times); missing -> "n/a"."""
    if value is None:
        return "n/a"
    return f"{value * 100:.1f}%" if style == "percent" else f"{value:.2f}×"
