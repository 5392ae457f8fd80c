"""The BoJ API client: metadata, data by code (split at 250 codes and 60,000 points, paged)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from digital_deficit.data.boj.models import BojMetadata, BojResponse, BojSeries
from digital_deficit.data.boj.parsing import (
    BojApiError,
    BojFormatError,
    check_status,
    parse_json_text,
)
from digital_deficit.data.boj.transport import BojTransportError, RetryableError, Transport

MAX_CODES = 250
MAX_POINTS = 60_000
FIRST_MONTH = (1996, 1)
MAX_PAGES = 1000

ProgressHook = Callable[[int, int], None]
"""Called with (requests done, requests planned)."""


def months_between(start: tuple[int, int], end: tuple[int, int]) -> int:
    """Months from ``start`` to ``end`` inclusive (at least 1)."""
    return max(1, (end[0] - start[0]) * 12 + end[1] - start[1] + 1)


def plan_chunks(
    codes: Sequence[str], start: tuple[int, int] | None, end: tuple[int, int] | None
) -> list[list[str]]:
    """Split codes so no request asks for more than 250 codes or 60,000 points."""
    today = dt.date.today()
    months = months_between(start or FIRST_MONTH, end or (today.year, today.month))
    per_request = max(1, min(MAX_CODES, MAX_POINTS // months))
    return [list(codes[i : i + per_request]) for i in range(0, len(codes), per_request)]


class BojClient:
    """Typed calls of the BoJ Time-Series Data Search API (``db`` such as BP01)."""

    def __init__(self, transport: Transport, lang: str = "en") -> None:
        if lang not in ("en", "jp"):
            raise ValueError(f"lang {lang!r}; expected en or jp")
        self.transport = transport
        self.lang = lang
        self.requests = 0

    def _call(self, path: str, params: dict[str, str], metadata: bool = False) -> BojResponse:
        """One API call with the only retry loop: at most ``retry.attempts`` requests in all.

        The JSON body's STATUS decides, whatever the HTTP status (live responses answer a bad
        request with HTTP 400 and a compact body): 500 and 503 are retried, as are timeouts,
        failed connections and an HTTP 5xx without a BoJ body; any other STATUS but 200 is a
        BojApiError carrying the BoJ's MESSAGEID and MESSAGE.
        """
        transport = self.transport
        attempts = transport.retry.attempts
        response: BojResponse | None = None
        last = ""
        for attempt in range(attempts):
            if attempt:
                transport.retries_done += 1
                transport.wait(transport.retry.wait(attempt - 1))
            self.requests += 1
            try:
                response = self._answer(path, params, metadata)
            except RetryableError as exc:
                response, last = None, exc.problem
                continue
            if not transport.retryable_status(response.status):
                return check_status(response)
            last = f"STATUS {response.status} {response.message_id} {response.message}".strip()
        if response is None:
            raise BojTransportError(
                f"{transport.base_url}{path} failed {attempts} times (last: {last})"
            )
        raise BojApiError(
            response.status,
            response.message_id,
            f"{response.message} (still failing after {attempts} tries)",
        )

    def _answer(self, path: str, params: dict[str, str], metadata: bool) -> BojResponse:
        """One request's envelope; RetryableError for a failure worth another try."""
        answer = self.transport.get_once(path, params)
        try:
            return parse_json_text(answer.text, metadata, self.lang)
        except BojFormatError as exc:
            if self.transport.retryable_status(answer.http_status):
                raise RetryableError(f"HTTP {answer.http_status}") from None
            if answer.http_status != 200:
                raise BojTransportError(
                    f"{self.transport.base_url}{path} answered HTTP {answer.http_status} "
                    f"without a BoJ API message ({_snippet(answer.text)}); expected 200"
                ) from None
            raise BojFormatError(f"{path} response: {exc}") from None

    def metadata(self, db: str) -> list[BojMetadata]:
        """Every series of ``db`` with its official name, unit and frequency."""
        response = self._call(
            "/api/v1/getMetadata", {"db": db, "format": "json", "lang": self.lang}, metadata=True
        )
        return response.metadata

    def data_by_codes(
        self,
        db: str,
        codes: Sequence[str],
        start: tuple[int, int] | None = None,
        end: tuple[int, int] | None = None,
        progress: ProgressHook | None = None,
    ) -> list[BojSeries]:
        """The series of ``codes`` (monthly, YYYYMM dates), following NEXTPOSITION."""
        chunks = plan_chunks(list(dict.fromkeys(codes)), start, end)
        found: dict[str, BojSeries] = {}
        for done, chunk in enumerate(chunks):
            for series in self._chunk(db, chunk, start, end):
                found[series.code] = _merged(found.get(series.code), series)
            if progress is not None:
                progress(done + 1, len(chunks))
        return [found[c] for c in dict.fromkeys(codes) if c in found]

    def data_by_layer(
        self,
        db: str,
        frequency: str,
        layer: str,
        start: tuple[int, int] | None = None,
        end: tuple[int, int] | None = None,
    ) -> list[BojSeries]:
        """Every series under ``layer`` (such as "1,*") at ``frequency`` (M, Q, CY, FY...)."""
        params = {"db": db, "frequency": frequency, "layer": layer, "format": "json",
                  "lang": self.lang}  # fmt: skip
        return self._paged("/api/v1/getDataLayer", params, start, end)

    def _chunk(
        self,
        db: str,
        codes: list[str],
        start: tuple[int, int] | None,
        end: tuple[int, int] | None,
    ) -> list[BojSeries]:
        params = {"db": db, "code": ",".join(codes), "format": "json", "lang": self.lang}
        return self._paged("/api/v1/getDataCode", params, start, end)

    def _paged(
        self,
        path: str,
        params: dict[str, str],
        start: tuple[int, int] | None,
        end: tuple[int, int] | None,
    ) -> list[BojSeries]:
        if start:
            params["startDate"] = f"{start[0]:04d}{start[1]:02d}"
        if end:
            params["endDate"] = f"{end[0]:04d}{end[1]:02d}"
        out: list[BojSeries] = []
        position = 1
        for _ in range(MAX_PAGES):
            response = self._call(path, params)
            out.extend(response.series)
            if response.next_position is None:
                return out
            if response.next_position <= position:
                raise BojFormatError(
                    f"NEXTPOSITION {response.next_position} does not move past {position}"
                )
            position = response.next_position
            params["startPosition"] = str(position)
        raise BojFormatError(f"more than {MAX_PAGES} pages for one request")


def _snippet(text: str) -> str:
    """The start of a body that is no BoJ envelope, on one line."""
    shown = " ".join(text.split())[:80]
    return repr(shown) if shown else "an empty body"


def _merged(old: BojSeries | None, new: BojSeries) -> BojSeries:
    if old is None:
        return new
    dates = dict(zip(old.survey_dates, old.values, strict=True))
    for d, v in zip(new.survey_dates, new.values, strict=True):
        if d in dates and dates[d] != v:
            raise BojFormatError(f"series {new.code} gives {d} twice with different values")
        dates[d] = v
    ordered = sorted(dates)
    return new.model_copy(update={"survey_dates": ordered, "values": [dates[d] for d in ordered]})
