"""Number formats of the briefing in each language, and their marked variants.

Money, multiples, yen and periods take their words from the language's label table (``money``
is "¥{value}T" in English and "{value}兆円" in Japanese; ``period.FY`` is "FY{year}" or
"{year}年度"), so a format is written once for both languages. The minus sign comes before the
currency (-¥10.16T). A marked variant puts ≈ before the number (built on a rounded figure) and
† after it (combines figures of different vintages).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from digital_deficit.export.i18n import Labels

APPROX = "≈"
DAGGER = "†"
PCT = "0.0%;[Red]-0.0%;0.0%"
AXIS = "0.0;-0.0;0"
OKU = "#,##0;[Red]-#,##0;0"
OKU_DEC = "#,##0.00;[Red]-#,##0.00;0.00"
NUMBER = "#,##0.####"


def _quoted(text: str) -> str:
    return f'"{text}"' if text else ""


def _around(template: str, field: str = "value") -> tuple[str, str]:
    before, _, after = template.partition("{" + field + "}")
    return _quoted(before), _quoted(after)


def signed(template: str, body: str, zero: str) -> str:
    """Positive, negative (red, minus first) and zero sections of ``body`` in ``template``."""
    before, after = _around(template)
    minus = _quoted("-" + template.partition("{value}")[0])
    return f"{before}{body}{after};[Red]{minus}{body}{after};{before}{zero}{after}"


def year_format(template: str) -> str:
    """A period template (FY{year}, {year}年度) as the number format of a year."""
    before, after = _around(template, "year")
    return f"{before}0{after}"


@lru_cache(maxsize=256)
def marked(fmt: str, approx: bool, dagger: bool) -> str:
    """``fmt`` with ≈ before the number of each section and † after it, as asked."""
    out = []
    for section in fmt.split(";"):
        colour = section[: section.index("]") + 1] if section.startswith("[") else ""
        body = section[len(colour) :]
        out.append(
            colour
            + (_quoted(APPROX) if approx else "")
            + body
            + (_quoted(DAGGER) if dagger else "")
        )
    return ";".join(out).replace('""', "")


@dataclass(frozen=True)
class Formats:
    """The number formats of one language."""

    money: str
    """¥ trillion (the tables and key figures)."""
    times: str
    yen: str
    year_cy: str
    year_fy: str
    pct: str = PCT

    def year(self, basis: str) -> str:
        """The format of a year on ``basis`` (2024, FY2024, 2024年度)."""
        return self.year_fy if basis == "FY" else self.year_cy

    def style(self, style: str) -> str:
        """The format of a catalogue display style (amount, pct, x)."""
        return {"amount": self.money, "pct": self.pct, "x": self.times}[style]


def formats_for(labels: Labels) -> Formats:
    """The formats of ``labels``' language."""
    return Formats(
        money=signed(labels["money"], "#,##0.00", "0.00"),
        times=signed(labels["times"], "0.00", "0.00"),
        yen=signed(labels["yen"], "0.00", "0.00"),
        year_cy=year_format(labels["period.CY"]),
        year_fy=year_format(labels["period.FY"]),
    )
