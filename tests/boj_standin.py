"""A stand-in for the BoJ API on 127.0.0.1 that answers as the live API does (BOJ_API.md).

getMetadata serves the real BP01 catalogue (fixtures/bp01_metadata_2026-02.csv.gz, 17,989
series) with heading rows; with lang=jp both languages' fields come back. getDataCode serves
the fixture series (fixtures/boj_api_*.json: real codes, values built to the published totals)
and, for every other monthly code of the catalogue, SYNTHETIC values (whole numbers, sent as
JSON integers, and quarters: stand-in scaffolding, never facts). Errors are live-style: HTTP 400
with a compact body (STATUS, MESSAGEID, MESSAGE, DATE only). Switches add a 503 (HTTP or
STATUS), a trickling body, an oversized body, gzip.
"""

from __future__ import annotations

import csv
import gzip
import json
import threading
import time
import zlib
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

FIXTURES = Path(__file__).parent / "fixtures"
CATALOGUE = FIXTURES / "bp01_metadata_2026-02.csv.gz"
DATE = "2026-02-21T5:00:11.476+09:00"  # one-digit hour, as observed live
SYNTHETIC_MONTHS = [y * 100 + m for y in range(2020, 2026) for m in range(1, 13)]
SYNTHETIC_UPDATE = 20260518  # the fixtures' LAST_UPDATE: one release for the whole fetch


@cache
def catalogue() -> tuple[dict[str, str], ...]:
    """The real getMetadata rows, in the catalogue's order."""
    with gzip.open(CATALOGUE, "rt", encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


@cache
def by_code() -> dict[str, dict[str, str]]:
    """The catalogue rows by series code."""
    return {row["series_code"]: row for row in catalogue()}


def _fields(row: dict[str, str], lang: str) -> dict[str, Any]:
    english = {
        "NAME_OF_TIME_SERIES": row["name_en"],
        "UNIT": row["unit_en"],
        "CATEGORY": row["category_en"],
        "NOTES": row["notes_en"],
    }
    if lang == "en":
        return english
    japanese = {
        "NAME_OF_TIME_SERIES_J": row["name_j"],
        "UNIT_J": row["unit_j"],
        "CATEGORY_J": row["category_j"],
        "NOTES_J": row["notes_j"],
    }
    return {**japanese, **english}


@cache
def metadata_body(lang: str) -> bytes:
    """getMetadata of BP01: a heading row (no code) before each group of LAYER1-3, then rows."""
    entries: list[dict[str, Any]] = []
    group = None
    for row in catalogue():
        layers = tuple(row[f"layer{i}"] for i in range(1, 6))
        if layers[:3] != group:
            group = layers[:3]
            heading = row["name_en"].split("/")[0] if lang == "en" else row["name_j"].split("/")[0]
            key = "NAME_OF_TIME_SERIES" if lang == "en" else "NAME_OF_TIME_SERIES_J"
            entries.append({"SERIES_CODE": "", key: heading, "LAYER1": layers[0]})
        entries.append(
            {
                "SERIES_CODE": row["series_code"],
                **_fields(row, lang),
                "FREQUENCY": row["frequency"],
                **{f"LAYER{i}": layers[i - 1] for i in range(1, 6)},
                "START_OF_THE_TIME_SERIES": row["start_of_time_series"],
                "END_OF_THE_TIME_SERIES": row["end_of_time_series"],
                "LAST_UPDATE": int(row["last_update"]) if row["last_update"] else None,
            }
        )
    payload = {"STATUS": 200, "MESSAGEID": "M181000I", "MESSAGE": "正常に終了しました。",
               "DATE": DATE, "DB": "BP01", "RESULTSET": entries}  # fmt: skip
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


@cache
def fixture_series(lang: str) -> dict[str, dict[str, Any]]:
    """The fixture series by code (values built to the published totals)."""
    name = "boj_api_en.json" if lang == "en" else "boj_api_jp.json"
    payload = json.loads((FIXTURES / name).read_text("utf-8"))
    return {s["SERIES_CODE"]: s for s in payload["RESULTSET"]}


def synthetic_values(code: str) -> list[int | float]:
    """SYNTHETIC monthly values of a series the fixtures do not hold: whole numbers (JSON
    integers) and quarters, from the code's checksum. Stand-in scaffolding, never facts."""
    base = zlib.crc32(code.encode()) % 40_000 - 20_000
    return [base + 7 * i if i % 3 else base + 7 * i + 0.25 for i in range(len(SYNTHETIC_MONTHS))]


def series_entry(code: str, lang: str) -> dict[str, Any] | None:
    """A getDataCode entry for a monthly code (None when the catalogue has no such code)."""
    if code in fixture_series(lang):
        return dict(fixture_series(lang)[code])
    row = by_code().get(code)
    if row is None or row["frequency"] != "MONTHLY":
        return None
    return {
        "SERIES_CODE": code,
        **_fields(row, lang),
        "FREQUENCY": "MONTHLY",
        "LAST_UPDATE": SYNTHETIC_UPDATE,
        "VALUES": {"SURVEY_DATES": SYNTHETIC_MONTHS, "VALUES": synthetic_values(code)},
    }


def compact_error(status: int, message_id: str, message: str) -> dict[str, Any]:
    """A live error body: STATUS, MESSAGEID, MESSAGE and DATE only."""
    return {"STATUS": status, "MESSAGEID": message_id, "MESSAGE": message, "DATE": DATE}


@dataclass
class StandIn:
    """Behaviour switches and a log of what the client sent."""

    page_codes: int = 4
    http_503_once: bool = True
    status_503_once: bool = True
    trickle_seconds: float | None = None
    """Send data bodies one byte at a time with this pause (a slow or hostile server)."""
    pad_bytes: int = 0
    """Pad data bodies with this many spaces (still valid JSON): an oversized response."""
    declare_length: bool = True
    gzip: bool = False
    requests: list[tuple[str, dict[str, str], dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def metadata(self, lang: str) -> bytes:
        """The getMetadata body (the real catalogue); a subclass may change it."""
        return metadata_body(lang)

    def entry(self, code: str, lang: str) -> dict[str, Any] | None:
        """The getDataCode entry of a code; a subclass may change it."""
        return series_entry(code, lang)

    def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any] | bytes]:
        lang = params.get("lang", "jp").lower()
        if path == "/api/v1/getMetadata":
            with self.lock:
                if self.status_503_once:
                    self.status_503_once = False
                    return 200, compact_error(503, "M181090S", "Database access error")
            return 200, self.metadata(lang)
        if path == "/api/v1/getDataLayer":
            params = {**params, "code": ",".join(fixture_series(lang))}
        elif path != "/api/v1/getDataCode":
            return 404, b"<html><body>Not Found</body></html>"
        with self.lock:
            if self.http_503_once:
                self.http_503_once = False
                return 503, b"<html><body>Service Unavailable</body></html>"
        if params.get("db", "").upper() != "BP01":
            return 400, compact_error(400, "M181005E", "Invalid DB name")
        codes = [c for c in params.get("code", "").split(",") if c]
        if len(codes) > 250:
            return 400, compact_error(400, "M181007E", "Too many series codes")
        entries = []
        for position, code in enumerate(codes, start=1):
            entry = self.entry(code, lang)
            if entry is None:
                return 400, compact_error(
                    400, "M181013E", f"Invalid series code (position {position})"
                )
            entries.append(entry)
        start = int(params.get("startPosition", "1"))
        lo, hi = int(params.get("startDate", "0")), int(params.get("endDate", "999999"))
        results = []
        for entry in entries[start - 1 : start - 1 + self.page_codes]:
            dates, values = entry["VALUES"]["SURVEY_DATES"], entry["VALUES"]["VALUES"]
            kept = [(d, v) for d, v in zip(dates, values, strict=True) if lo <= d <= hi]
            entry["VALUES"] = {"SURVEY_DATES": [d for d, _ in kept], "VALUES": [v for _, v in kept]}
            results.append(entry)
        nxt = start + self.page_codes if start - 1 + self.page_codes < len(codes) else None
        return 200, {
            "STATUS": 200,
            "MESSAGEID": "M181000I",
            "MESSAGE": "正常に終了しました。",
            "DATE": DATE,
            "PARAMETER": {**params, "code": ",".join(codes)},
            "NEXTPOSITION": nxt,
            "RESULTSET": results,
        }


class _Handler(BaseHTTPRequestHandler):
    standin: StandIn

    def do_GET(self) -> None:
        url = urlparse(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        standin = self.standin
        with standin.lock:
            standin.requests.append((url.path, params, dict(self.headers.items())))
        status, payload = standin.answer(url.path, params)
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
        is_data = url.path != "/api/v1/getMetadata"
        if is_data and status == 200 and standin.pad_bytes:
            body = body[:-1] + b" " * standin.pad_bytes + body[-1:]
        gzipped = standin.gzip and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body)
        self.send_response(status)
        kind = "application/json" if body[:1] in (b"{", b"\x1f") else "text/html"
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        if standin.declare_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if is_data and standin.trickle_seconds is not None:
            for i in range(len(body)):
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
                time.sleep(standin.trickle_seconds)
            return
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client that gave up (timeout, deadline, cap) is no error of the stand-in


class Server:
    """Context manager: ``with Server(StandIn()) as url:`` serves until the block ends."""

    def __init__(self, standin: StandIn) -> None:
        handler = type("Handler", (_Handler,), {"standin": standin})
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> str:
        self.thread.start()
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
