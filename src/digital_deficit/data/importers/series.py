"""What every importer produces: source series with their code, name, unit and values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digital_deficit.data.importers.errors import ImportFileError

_UNITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^(100 ?million ?yen|億円|100百万円|hundred million yen|oku ?yen)$", re.I),
        "oku_yen",
    ),
    (
        re.compile(
            r"^(millions? of us dollars|us dollars?,? millions?|usd millions?|million usd|"
            r"millions? of usd|百万ドル|usd_million)$",
            re.I,
        ),
        "usd_million",
    ),
)


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def project_unit(text: str) -> str | None:
    """The project unit id of an official unit text ("100 million Yen" -> oku_yen), or None."""
    cleaned = re.sub(r"\s+", " ", text.replace("（", "(").replace("）", ")")).strip(" ()")
    return next((unit for pattern, unit in _UNITS if pattern.match(cleaned)), None)


@dataclass
class SourceSeries:
    """One official series as read from a file or the API.

    ``frequency`` is M, Q or A; ``points`` maps (year, month), (year, quarter) or (year, 1) to
    a value (None = no data). ``decimals`` is the most decimal places a value of the source has.
    """

    code: str
    name: str
    unit_text: str
    frequency: str
    points: dict[tuple[int, int], float | None]
    vintage: str
    decimals: int = 0
    line: int | None = None
    country: str = "JPN"
    notes: str = ""
    match_hint: tuple[str, str] | None = None
    """(item, side) when the file itself says what the series is (a table's column header)."""
    other_names: tuple[str, ...] = ()
    """The series' name in the other language, when the source gives both."""

    def load(self) -> None:
        """Make ``points`` ready (a no-op here; lazy readers override it)."""


@dataclass
class ImportedFile:
    """Everything one file (or one fetch) gave: its series and how to cite them."""

    path: str
    format: str
    source_label: str
    credit: str
    series: list[SourceSeries] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def decimals_of(text: str) -> int:
    """Decimal places written in a number's text ("341.51732161" -> 8, "1e-3" -> 3)."""
    text = text.strip().lower()
    mantissa, _, exponent = text.partition("e")
    places = len(mantissa.partition(".")[2])
    if exponent:
        try:
            places -= int(exponent)
        except ValueError:
            return places
    return max(places, 0)


def parse_number(text: str, path: str, line: int | None, what: str) -> float | None:
    """A value cell: blank, NA, null or -- is None; thousands separators are allowed."""
    raw = text.strip()
    if raw in ("", "NA", "N/A", "null", "NULL", "--", "-", "…", "..."):
        return None
    cleaned = raw.replace(",", "")
    if not _NUMBER.fullmatch(cleaned):
        raise ImportFileError(path, line, f"{what} is {raw!r}; expected a number or a blank cell")
    value = float(cleaned)
    if value != value or value in (float("inf"), float("-inf")):
        raise ImportFileError(path, line, f"{what} is {raw!r}; expected a finite number")
    return value


def check_unit(series: SourceSeries, path: str) -> str:
    """The project unit of a series, or ImportFileError for a unit the project does not keep."""
    unit = project_unit(series.unit_text)
    if unit is None:
        raise ImportFileError(
            path,
            series.line,
            f"series {series.code} is in {series.unit_text!r}; expected 100 million yen (oku yen) "
            "or millions of US dollars",
        )
    return unit
