"""HTTP for the BoJ API: an identifying User-Agent, timeouts, a deadline, a size cap, retries.

One call is one GET whose answer (HTTP status and body) the client reads: the BoJ puts its
own status in the JSON body, and live responses answer a bad request with HTTP 400 and a
JSON body, so the body decides, not the HTTP status. Bodies are streamed and refused past
``max_bytes`` (after gzip decoding); the whole fetch stops at its deadline, checked between
the chunks of a body (a server trickling one byte every few seconds cannot hang it) and
bounding every wait and read.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import httpx

from digital_deficit import __version__
from digital_deficit.core.errors import DigitalDeficitError

DEFAULT_BASE_URL = "https://www.stat-search.boj.or.jp"
USER_AGENT = (
    f"digital-deficit/{__version__} (BoJ BP01 client; +https://pypi.org/project/digital-deficit/)"
)
DEFAULT_MAX_MB = 64
"""Largest response body (decoded): the whole BP01 getMetadata in Japanese is about 15 MB."""
DEFAULT_DEADLINE = 600.0
"""Seconds a whole fetch may take (all requests, waits and retries)."""


class BojTransportError(DigitalDeficitError):
    """The API could not be reached or kept failing after the retries."""


class RetryableError(BojTransportError):
    """One try failed in a way worth retrying (``problem`` says how)."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


class DeadlineError(BojTransportError):
    """The whole fetch took longer than its deadline."""


class ResponseTooLargeError(BojTransportError):
    """One response body was larger than the cap."""


@dataclass(frozen=True)
class RetryPolicy:
    """At most ``attempts`` tries; waits ``backoff`` × 2^n seconds (capped at ``max_wait``)."""

    attempts: int = 4
    backoff: float = 1.0
    max_wait: float = 30.0

    def wait(self, attempt: int) -> float:
        """Seconds to wait after failed try number ``attempt`` (0-based)."""
        return float(min(self.max_wait, self.backoff * 2**attempt))


@dataclass(frozen=True)
class Answer:
    """One HTTP answer: its status and its body as text (the client decides what it means)."""

    http_status: int
    text: str


class Transport:
    """GETs from the API, one try per call; ``retry`` is the policy the client applies.

    ``deadline`` seconds (from construction) bound the whole fetch; ``max_bytes`` caps one
    response body.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        client: httpx.Client | None = None,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int = DEFAULT_MAX_MB * 2**20,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.sleep = sleep
        self.retries_done = 0
        self.timeout = timeout
        self.deadline_seconds = deadline
        self.ends_at = time.monotonic() + deadline
        self.max_bytes = max_bytes
        self._client = client or httpx.Client(
            base_url=self.base_url,
            timeout=timeout,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"},
            follow_redirects=False,
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def remaining(self) -> float:
        """Seconds left before the deadline; DeadlineError when none are."""
        left = self.ends_at - time.monotonic()
        if left <= 0:
            raise DeadlineError(
                f"the fetch took longer than its deadline of {self.deadline_seconds:g} s "
                "(--deadline); the BoJ API answered too slowly, try again later"
            )
        return left

    def wait(self, seconds: float) -> None:
        """Sleep before a retry; DeadlineError at once when the retry would come too late."""
        if seconds >= self.remaining():
            raise DeadlineError(
                f"the next retry would come after the deadline of {self.deadline_seconds:g} s "
                "(--deadline); the BoJ API keeps failing, try again later"
            )
        self.sleep(seconds)

    def get_once(self, path: str, params: Mapping[str, str]) -> Answer:
        """The status and body of one ``GET path?params``; no retries here (the client owns them).

        Raises RetryableError for a timeout or a connection failure, ResponseTooLargeError
        past the size cap and DeadlineError past the deadline.
        """
        limit = min(self.timeout, self.remaining())
        try:
            with self._client.stream(
                "GET", path, params=dict(params), timeout=httpx.Timeout(limit)
            ) as response:
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise self._too_large(path, f"declares {int(declared):,} bytes")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise self._too_large(path, "is larger")
                    self.remaining()
                encoding = response.encoding or "utf-8"
                return Answer(response.status_code, body.decode(encoding, errors="replace"))
        except httpx.TimeoutException:
            self.remaining()
            raise RetryableError("timed out") from None
        except httpx.TransportError as exc:  # includes a broken gzip stream
            raise RetryableError(f"connection failed ({exc.__class__.__name__})") from None

    def _too_large(self, path: str, what: str) -> ResponseTooLargeError:
        return ResponseTooLargeError(
            f"{self.base_url}{path}: the response {what}; the cap of one response is "
            f"{self.max_bytes / 2**20:g} MB (--max-response-mb)"
        )

    def retryable_status(self, status: int) -> bool:
        """True for a status worth retrying: 500 (unexpected) and 503 (database access)."""
        return status in (500, 502, 503, 504)
