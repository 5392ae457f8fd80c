"""How a MOF table's month rows are dated: one label cell, or MOF's own four date columns.

MOF's time-series CSVs (国際収支総括表 6s-1-4.csv, サービス収支 6s-a-2.csv, 第一次所得収支), as
three independent public parsers read them (DOMAIN.md section 4): column 0 the Japanese era
year (平成8年, 令和6年, 令和元年) on January rows only, column 1 the month (1月), column 2 the
Western year on January rows only, column 3 the English month (Jan, Jun(P) when preliminary);
the data start in column 4. Other tables date a row by one label (2024年1月, 2024/1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digital_deficit.data.importers.errors import ImportFileError

PRELIMINARY = re.compile(r"[(（]\s*[PpＰ]\s*[)）]|(?<=[月\d\s])[PＰ]$")
_LABEL_MONTH = re.compile(r"^(\d{4})\s*(?:年\s*(\d{1,2})\s*月|[/.-]\s*(\d{1,2}))$")
_ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
_ERA_YEAR = re.compile(r"^(明治|大正|昭和|平成|令和)\s*(元|\d{1,2})\s*年$")
_MONTH_CELL = re.compile(r"^(\d{1,2})\s*月$")
_ENGLISH = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def month_of(cell: str) -> tuple[tuple[int, int], bool] | None:
    """((year, month), preliminary) of a first-column label, or None when it is no month."""
    text = cell.strip()
    preliminary = bool(PRELIMINARY.search(text))
    text = PRELIMINARY.sub("", text).strip()
    match = _LABEL_MONTH.match(text)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2) or match.group(3))
    if not 1 <= month <= 12 or not 1850 <= year <= 2100:
        return None
    return (year, month), preliminary


def era_year(text: str) -> int | None:
    """The Western year of a Japanese era year (平成8年 -> 1996, 令和元年 -> 2019), or None."""
    match = _ERA_YEAR.match(text.strip())
    if match is None:
        return None
    number = 1 if match.group(2) == "元" else int(match.group(2))
    return _ERAS[match.group(1)] + number


def _english_month(text: str) -> tuple[int, bool] | None:
    cleaned = PRELIMINARY.sub("", text).strip().lower().rstrip(".")
    if cleaned[:3] not in _ENGLISH or not cleaned.isalpha():
        return None
    return _ENGLISH.index(cleaned[:3]) + 1, bool(PRELIMINARY.search(text))


class LabelMonths:
    """Rows dated by their first cell (2024年1月); the data start in column 1."""

    data_from = 1

    def month(self, row: list[str], path: str, line: int) -> tuple[tuple[int, int], bool] | None:
        """((year, month), preliminary) of a month row, None for any other row."""
        return month_of(row[0]) if row else None


@dataclass
class EraMonths:
    """MOF's four date columns; the year carries from the January row down."""

    data_from: int = 4
    year: int | None = field(default=None)

    @staticmethod
    def matches(row: list[str]) -> bool:
        """True for a month row of this layout (a 月 cell, then an English month)."""
        return (
            len(row) > 4
            and _MONTH_CELL.match(row[1].strip()) is not None
            and _english_month(row[3]) is not None
        )

    def month(self, row: list[str], path: str, line: int) -> tuple[tuple[int, int], bool] | None:
        """((year, month), preliminary); the era and Western years must agree."""
        if not self.matches(row):
            return None
        month = int(_MONTH_CELL.match(row[1].strip()).group(1))  # type: ignore[union-attr]
        english = _english_month(row[3])
        assert english is not None
        if english[0] != month:
            raise ImportFileError(
                path, line, f"month {row[1].strip()!r} but {row[3].strip()!r}; expected the same"
            )
        era, western = row[0].strip(), row[2].strip()
        if era or western:
            from_era = era_year(era) if era else None
            if era and from_era is None:
                raise ImportFileError(path, line, f"era year {era!r} is not one such as 令和6年")
            if western and not (western.isdigit() and len(western) == 4):
                raise ImportFileError(path, line, f"year {western!r} is not a year such as 2024")
            year = int(western) if western else from_era
            if from_era is not None and western and from_era != int(western):
                raise ImportFileError(
                    path, line, f"era year {era} is {from_era}, not {western}; expected the same"
                )
            self.year = year
        if self.year is None:
            raise ImportFileError(
                path, line, "states no year above this month (era year or Western year)"
            )
        return (self.year, month), english[1]


def find_layout(rows: list[list[str]]) -> tuple[int, LabelMonths | EraMonths] | None:
    """(index of the first month row, its layout), or None when no row is a month."""
    for index, row in enumerate(rows):
        if EraMonths.matches(row):
            return index, EraMonths()
        if row and month_of(row[0]):
            return index, LabelMonths()
    return None
