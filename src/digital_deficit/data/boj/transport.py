"""HTTP for the BoJ API: an identifying User-Agent, timeouts, bounded retries with backoff."""

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


class BojTransportError(DigitalDeficitError):
    """The API could not be reached or kept failing after the retries."""


class RetryableError(BojTransportError):
    """One try failed in a way worth retrying (``problem`` says how)."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


@dataclass(frozen=True)
class RetryPolicy:
    """At most ``attempts`` tries; waits ``backoff`` × 2^n seconds (capped at ``max_wait``)."""

    attempts: int = 4
    backoff: float = 1.0
    max_wait: float = 30.0

    def wait(self, attempt: int) -> float:
        """Seconds to wait after failed try number ``attempt`` (0-based)."""
        return float(min(self.max_wait, self.backoff * 2**attempt))


class Transport:
    """GETs JSON text from the API, one try per call; ``retry`` is the policy the client applies."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        client: httpx.Client | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.sleep = sleep
        self.retries_done = 0
        self._client = client or httpx.Client(
            base_url=self.base_url,
            timeout=timeout,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"},
            follow_redirects=False,
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def get_once(self, path: str, params: Mapping[str, str]) -> str:
        """The body of one ``GET path?params`` (decoded); no retries here (the client owns them).

        Raises RetryableError for a timeout, a connection failure or HTTP 5xx, and
        BojTransportError for any other answer than HTTP 200.
        """
        try:
            response = self._client.get(path, params=dict(params))
        except httpx.TimeoutException:
            raise RetryableError("timed out") from None
        except httpx.TransportError as exc:
            raise RetryableError(f"connection failed ({exc.__class__.__name__})") from None
        if response.status_code >= 500:
            raise RetryableError(f"HTTP {response.status_code}")
        if response.status_code != 200:
            raise BojTransportError(
                f"{self.base_url}{path} answered HTTP {response.status_code}; expected 200"
            )
        return response.text

    def retryable_status(self, status: int) -> bool:
        """True for an envelope STATUS worth retrying (500 unexpected, 503 database access)."""
        return status >= 500
