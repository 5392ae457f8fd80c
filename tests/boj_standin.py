"""A stand-in for the BoJ API on 127.0.0.1: real HTTP, paging, STATUS errors, a 503 once."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

FIXTURES = Path(__file__).parent / "fixtures"


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text("utf-8"))
    return data


@dataclass
class StandIn:
    """Behaviour switches and a log of what the client sent."""

    page_codes: int = 4
    http_503_once: bool = True
    status_503_once: bool = True
    requests: list[tuple[str, dict[str, str], dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def data(self, lang: str) -> dict[str, dict[str, Any]]:
        name = "boj_api_en.json" if lang == "en" else "boj_api_jp.json"
        return {s["SERIES_CODE"]: s for s in _load(name)["RESULTSET"]}

    def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
        lang = params.get("lang", "jp").lower()
        if path == "/api/v1/getMetadata":
            with self.lock:
                if self.status_503_once:
                    self.status_503_once = False
                    return 200, _error(503, "M181090S", "Database access error")
            return 200, _load(f"boj_metadata_{lang}.json")
        if path == "/api/v1/getDataLayer":
            params = {**params, "code": ",".join(self.data(lang))}
        elif path != "/api/v1/getDataCode":
            return 404, {}
        with self.lock:
            if self.http_503_once:
                self.http_503_once = False
                return 503, {}
        if params.get("db", "").upper() != "BP01":
            return 200, _error(400, "M181005E", "Invalid DB name")
        codes = [c for c in params.get("code", "").split(",") if c]
        if len(codes) > 250:
            return 200, _error(400, "M181007E", "Too many series codes")
        data = self.data(lang)
        for position, code in enumerate(codes, start=1):
            if code not in data:
                return 200, _error(400, "M181013E", f"Series code does not exist ({position})")
        start = int(params.get("startPosition", "1"))
        page = codes[start - 1 : start - 1 + self.page_codes]
        lo, hi = int(params.get("startDate", "0")), int(params.get("endDate", "999999"))
        results = []
        for code in page:
            entry = dict(data[code])
            dates, values = entry["VALUES"]["SURVEY_DATES"], entry["VALUES"]["VALUES"]
            kept = [(d, v) for d, v in zip(dates, values, strict=True) if lo <= d <= hi]
            entry["VALUES"] = {"SURVEY_DATES": [d for d, _ in kept], "VALUES": [v for _, v in kept]}
            results.append(entry)
        nxt = start + self.page_codes if start - 1 + self.page_codes < len(codes) else None
        return 200, {
            "STATUS": 200,
            "MESSAGEID": "M181000I",
            "MESSAGE": "Successfully completed",
            "DATE": "2026-05-18T09:00:00.000+09:00",
            "PARAMETER": params,
            "NEXTPOSITION": nxt,
            "RESULTSET": results,
        }


def _error(status: int, message_id: str, message: str) -> dict[str, Any]:
    return {
        "STATUS": status,
        "MESSAGEID": message_id,
        "MESSAGE": message,
        "PARAMETER": None,
        "NEXTPOSITION": None,
        "RESULTSET": [],
    }


class _Handler(BaseHTTPRequestHandler):
    standin: StandIn

    def do_GET(self) -> None:
        url = urlparse(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        with self.standin.lock:
            self.standin.requests.append((url.path, params, dict(self.headers.items())))
        status, payload = self.standin.answer(url.path, params)
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client that gave up (timeout test) is not an error of the stand-in


class Server:
    """Context manager: ``with Server(StandIn()) as url:`` serves until the block ends."""

    def __init__(self, standin: StandIn) -> None:
        handler = type("Handler", (_Handler,), {"standin": standin})
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
