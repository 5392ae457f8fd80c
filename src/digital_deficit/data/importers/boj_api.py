"""BoJ API files: the saved JSON response (the long CSV is in boj_long_csv.py).

Speed: the JSON is decoded once; only the series that name a project item are validated in
full (typed model, every date and value checked; a boolean is no number). The others keep
their code and name only: they never become figures.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from digital_deficit.data.boj import CREDIT_LINE
from digital_deficit.data.boj.models import BojSeries
from digital_deficit.data.boj.parsing import (
    BojApiError,
    BojFormatError,
    check_status,
    names_of,
    parse_envelope,
    parse_json_payload,
    series_of_entry,
    text_field,
)
from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.series import (
    ImportedFile,
    SourceSeries,
    decimals_of,
)
from digital_deficit.data.vintage import date_vintage

API_LABEL = "BoJ Time-Series Data Search API"
_FREQUENCIES = {"MONTHLY": "M", "QUARTERLY": "Q", "ANNUAL": "A"}


def frequency_of(text: str, path: str, line: int | None, code: str) -> str:
    """M, Q or A for the API's FREQUENCY text; other frequencies are refused."""
    freq = _FREQUENCIES.get(text.strip().upper())
    if freq is None:
        raise ImportFileError(
            path,
            line,
            f"series {code} has frequency {text!r}; expected MONTHLY, QUARTERLY or ANNUAL",
        )
    return freq


def point_of(date: int | str, freq: str, path: str, line: int | None, code: str) -> tuple[int, int]:
    """(year, month|quarter|1) of a SURVEY_DATE such as 202401 (or 2024 for annual)."""
    text = str(date).strip()
    ok = (freq == "A" and len(text) == 4) or (freq in "MQ" and len(text) == 6)
    if ok and text.isdigit():
        year, sub = int(text[:4]), int(text[4:] or 1)
        if 1850 <= year <= 2100 and 1 <= sub <= (12 if freq == "M" else 4 if freq == "Q" else 1):
            return year, sub
    form = {"M": "YYYYMM", "Q": "YYYYQQ (01-04)", "A": "YYYY"}[freq]
    raise ImportFileError(path, line, f"series {code} has survey date {text!r}; expected {form}")


def vintage_of(last_update: int | str | None, fallback: str, path: str, line: int | None) -> str:
    """LAST_UPDATE (YYYYMMDD) as the vintage, else ``fallback``."""
    if last_update in (None, ""):
        return fallback
    try:
        return date_vintage(str(last_update))
    except ValueError:
        raise ImportFileError(
            path, line, f"LAST_UPDATE is {last_update!r}; expected a date YYYYMMDD"
        ) from None


def source_from_boj(series: BojSeries, path: str, fallback_vintage: str) -> SourceSeries:
    """A BojSeries as a SourceSeries (dates checked, duplicates refused)."""
    freq = frequency_of(series.frequency, path, None, series.code)
    points: dict[tuple[int, int], float | None] = {}
    decimals = 0
    for date, value in zip(series.survey_dates, series.values, strict=True):
        key = point_of(date, freq, path, None, series.code)
        if key in points:
            raise ImportFileError(
                path, None, f"series {series.code} gives {date} twice; expected each period once"
            )
        points[key] = value
        if value is not None:
            decimals = max(decimals, decimals_of(repr(value)))
    return SourceSeries(
        code=series.code,
        name=series.name,
        other_names=series.other_names,
        unit_text=series.unit,
        frequency=freq,
        points=points,
        vintage=vintage_of(series.last_update, fallback_vintage, path, None),
        decimals=decimals,
    )


def import_boj_json(text: str, path: str, fallback_vintage: str, db: str = "BP01") -> ImportedFile:
    """A saved getDataCode/getDataLayer JSON response (one page: NEXTPOSITION is warned of)."""
    try:
        payload = parse_json_payload(text)
        if not isinstance(payload, Mapping):
            raise BojFormatError("is not a BoJ API envelope (no STATUS field)")
        results = payload.get("RESULTSET") or []
        response = check_status(parse_envelope({**payload, "RESULTSET": []}))
        if not isinstance(results, list):
            raise BojFormatError("RESULTSET is not a list")
    except (BojFormatError, BojApiError) as exc:
        raise ImportFileError(path, None, str(exc)) from None
    imported = ImportedFile(path, "boj-json", f"{API_LABEL}, {db}", CREDIT_LINE)
    entries = [e for e in results if not _is_heading(e)]
    if entries and all(isinstance(e, Mapping) and "VALUES" not in e for e in entries):
        raise ImportFileError(
            path,
            None,
            "is a getMetadata response (series names, no values), not data; "
            "expected a getDataCode or getDataLayer response",
        )
    if not entries:
        said = f" ({response.message_id}: {response.message})" if response.message else ""
        raise ImportFileError(path, None, f"holds no series{said}; expected a response with data")
    if response.next_position is not None:
        imported.warnings.append(
            f"the file is one page of several (NEXTPOSITION {response.next_position}): only "
            f"its {len(entries)} series were imported; fetch the rest or use `fetch boj`"
        )
    seen: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, Mapping):
            raise ImportFileError(path, None, f"RESULTSET entry {position} is not an object")
        code = str(entry.get("SERIES_CODE") or "")
        if not code:
            raise ImportFileError(path, None, f"RESULTSET entry {position} has no SERIES_CODE")
        if code in seen:
            raise ImportFileError(path, None, f"series {code} appears twice; expected once")
        seen.add(code)
        names = names_of(entry)
        series = _JsonSeries(entry, position, code, names[0], path, fallback_vintage)
        series.other_names = names[1:]
        imported.series.append(series)
    return imported


def _is_heading(entry: object) -> bool:
    """A heading row of a getMetadata response: no series code and no values."""
    return isinstance(entry, Mapping) and not entry.get("SERIES_CODE") and "VALUES" not in entry


class _JsonSeries(SourceSeries):
    """A RESULTSET entry validated and read only when it is mapped to a project item."""

    def __init__(
        self,
        entry: Mapping[str, Any],
        position: int,
        code: str,
        name: str,
        path: str,
        fallback_vintage: str,
    ) -> None:
        super().__init__(
            code=code, name=name, unit_text=text_field(entry, "UNIT"), frequency="",
            points={}, vintage=fallback_vintage,
        )  # fmt: skip
        self._entry, self._position, self._path = entry, position, path
        self._loaded = False

    def load(self) -> None:
        """Validate the entry (typed model) and read its dates and values."""
        if self._loaded:
            return
        try:
            series = series_of_entry(self._entry)
        except (ValidationError, ValueError) as exc:
            problem = _first_problem(exc)
            raise ImportFileError(
                self._path, None, f"RESULTSET entry {self._position} ({self.code!r}): {problem}"
            ) from None
        source = source_from_boj(series, self._path, self.vintage)
        self.frequency, self.points, self.vintage = source.frequency, source.points, source.vintage
        self.decimals, self._loaded = source.decimals, True


def _first_problem(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        loc = err["loc"]
        if len(loc) >= 2 and loc[0] in ("values", "survey_dates") and isinstance(loc[1], int):
            field = "VALUES" if loc[0] == "values" else "SURVEY_DATES"
            expected = "a number or null" if field == "VALUES" else "a date such as 202401"
            shown = json.dumps(err["input"], ensure_ascii=False)
            return f"{field} item {loc[1] + 1} is {shown}; expected {expected}"
        where = ".".join(str(p) for p in err["loc"])
        return f"{where}: {err['msg']}".removeprefix(": ")
    return str(exc)
