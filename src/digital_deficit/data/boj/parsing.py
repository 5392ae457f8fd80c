"""BoJ API JSON -> typed models; the English and Japanese (``_J``) field names are both read."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.data.boj.models import BojMetadata, BojResponse, BojSeries


class BojFormatError(DigitalDeficitError):
    """A BoJ response or file is not in the documented layout."""


class BojApiError(DigitalDeficitError):
    """The API answered with an error STATUS (``status``, ``message_id``, ``message``)."""

    def __init__(self, status: int, message_id: str, message: str) -> None:
        self.status, self.message_id, self.message = status, message_id, message
        said = " ".join(part for part in (message_id, message) if part) or "no message"
        super().__init__(f"BoJ API: {said} (STATUS {status})")


def text_field(entry: Mapping[str, Any], key: str, lang: str = "en") -> str:
    """``key`` or its Japanese ``key_J``, the language asked for first (the first not empty).

    With lang=jp the live API sends both languages' fields.
    """
    for name in (key, f"{key}_J") if lang != "jp" else (f"{key}_J", key):
        value = entry.get(name)
        if value not in (None, ""):
            return str(value)
    return ""


def names_of(entry: Mapping[str, Any], lang: str = "en") -> tuple[str, ...]:
    """Every name a series is given (the language asked for first), each once."""
    order = ("NAME_OF_TIME_SERIES", "NAME_OF_TIME_SERIES_J")
    keys = order if lang != "jp" else order[::-1]
    found = (str(entry.get(k) or "") for k in keys)
    return tuple(dict.fromkeys(n for n in found if n)) or ("",)


def series_of_entry(entry: Mapping[str, Any], lang: str = "en") -> BojSeries:
    """One RESULTSET entry as a typed series (ValidationError/ValueError when malformed)."""
    values = entry.get("VALUES") or {}
    if not isinstance(values, Mapping):
        raise ValueError("VALUES is not an object with SURVEY_DATES and VALUES")
    last = entry.get("LAST_UPDATE")
    names = names_of(entry, lang)
    return BojSeries.model_validate(
        {
            "code": entry.get("SERIES_CODE"),
            "name": names[0],
            "other_names": names[1:],
            "unit": text_field(entry, "UNIT", lang),
            "frequency": str(entry.get("FREQUENCY") or ""),
            "category": text_field(entry, "CATEGORY", lang),
            "last_update": None if last in (None, "") else last,
            "survey_dates": values.get("SURVEY_DATES") or [],
            "values": values.get("VALUES") or [],
        }
    )


def _metadata(entry: Mapping[str, Any], lang: str) -> BojMetadata | None:
    code = entry.get("SERIES_CODE")
    if not code:
        return None
    names = names_of(entry, lang)
    last = entry.get("LAST_UPDATE")
    return BojMetadata(
        code=str(code),
        name=names[0],
        other_names=names[1:],
        unit=text_field(entry, "UNIT", lang),
        frequency=str(entry.get("FREQUENCY") or ""),
        category=text_field(entry, "CATEGORY", lang),
        layers=tuple(str(entry.get(f"LAYER{i}") or "") for i in range(1, 6)),
        start=str(entry.get("START_OF_THE_TIME_SERIES") or ""),
        end=str(entry.get("END_OF_THE_TIME_SERIES") or ""),
        last_update=str(last or ""),
    )


def parse_envelope(payload: object, metadata: bool = False, lang: str = "en") -> BojResponse:
    """A decoded JSON envelope as a BojResponse; raises BojFormatError when it is not one."""
    if not isinstance(payload, Mapping) or "STATUS" not in payload:
        raise BojFormatError("is not a BoJ API envelope (no STATUS field)")
    try:
        status = int(payload["STATUS"])
        results = payload.get("RESULTSET") or []
        if not isinstance(results, list):
            raise BojFormatError("RESULTSET is not a list")
        series: list[BojSeries] = []
        meta: list[BojMetadata] = []
        for position, entry in enumerate(results, start=1):
            if not isinstance(entry, Mapping):
                raise BojFormatError(f"RESULTSET entry {position} is not an object")
            try:
                if metadata:
                    found = _metadata(entry, lang)
                    if found is not None:
                        meta.append(found)
                else:
                    series.append(series_of_entry(entry, lang))
            except (ValidationError, ValueError) as exc:
                raise BojFormatError(
                    f"RESULTSET entry {position} ({entry.get('SERIES_CODE')!r}): {_first(exc)}"
                ) from None
        nxt = payload.get("NEXTPOSITION")
        return BojResponse(
            status=status,
            message_id=str(payload.get("MESSAGEID") or ""),
            message=str(payload.get("MESSAGE") or ""),
            date=str(payload.get("DATE") or ""),
            next_position=None if nxt in (None, "") else int(nxt),
            series=series,
            metadata=meta,
        )
    except (TypeError, ValueError) as exc:
        if isinstance(exc, BojFormatError):
            raise
        raise BojFormatError(f"envelope field: {exc}") from None


def _first(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        return f"{where}: {err['msg']}".removeprefix(": ")
    return str(exc)


def parse_json_payload(text: str) -> object:
    """Decoded JSON; a body that is not JSON gives BojFormatError with line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BojFormatError(
            f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}); "
            "expected a BoJ API JSON response (truncated?)"
        ) from None
    except RecursionError:
        raise BojFormatError(
            "is JSON nested too deeply to read; expected a BoJ API JSON response "
            "(an envelope with a RESULTSET list)"
        ) from None


def parse_json_text(text: str, metadata: bool = False, lang: str = "en") -> BojResponse:
    """Parse response text into a typed response (see parse_json_payload for bad JSON)."""
    return parse_envelope(parse_json_payload(text), metadata, lang)


def check_status(response: BojResponse) -> BojResponse:
    """Raise BojApiError unless STATUS is 200 (no data, M181030I, is a success)."""
    if response.status != 200:
        raise BojApiError(response.status, response.message_id, response.message)
    return response
