"""The client and transport against the API as it really answers (BOJ_API.md): HTTP 400 with
a compact JSON body, STATUS deciding over the HTTP status, integers among the values, both
languages' fields with lang=jp, paging, a deadline for a slow server and a size cap."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from digital_deficit.data.boj.client import BojClient, plan_chunks
from digital_deficit.data.boj.parsing import (
    BojApiError,
    BojFormatError,
    check_status,
    parse_json_text,
)
from digital_deficit.data.boj.transport import (
    BojTransportError,
    DeadlineError,
    ResponseTooLargeError,
    RetryPolicy,
    Transport,
)
from digital_deficit.data.csvio import format_number
from tests.boj_standin import Server, StandIn, compact_error


def test_requests_stay_under_250_codes_and_60000_points() -> None:
    codes = [f"C{i}" for i in range(600)]
    year = plan_chunks(codes, (2024, 1), (2024, 12))
    assert [len(c) for c in year] == [250, 250, 100]
    full = plan_chunks(codes, (1996, 1), (2026, 10))  # 370 months -> 162 codes a request
    assert [len(c) for c in full] == [162, 162, 162, 114]
    assert all(len(c) * 370 <= 60_000 for c in full)
    widest = plan_chunks(codes[:100], (1850, 1), (2050, 12))  # 2,412 months -> 24 codes
    assert [len(c) for c in widest] == [24, 24, 24, 24, 4]


def test_envelope_status_is_the_real_status() -> None:
    text = json.dumps(compact_error(400, "M181007E", "Too many codes"))
    response = parse_json_text(text)
    assert (response.status, response.series) == (400, [])
    with pytest.raises(BojApiError) as info:
        check_status(response)
    assert str(info.value) == "BoJ API: M181007E Too many codes (STATUS 400)"
    with pytest.raises(BojFormatError, match="is not a BoJ API envelope"):
        parse_json_text("[1, 2]")
    bad = (
        '{"STATUS": 200, "RESULTSET": [{"SERIES_CODE": "A", "FREQUENCY": "MONTHLY", '
        '"VALUES": {"SURVEY_DATES": [202401, 202402], "VALUES": [1.5]}}]}'
    )
    with pytest.raises(BojFormatError, match="has 2 SURVEY_DATES but 1 VALUES"):
        parse_json_text(bad)


def test_integers_among_the_values_are_floats_from_the_model_on() -> None:
    text = (
        '{"STATUS": 200, "RESULTSET": [{"SERIES_CODE": "A", "FREQUENCY": "MONTHLY", '
        '"VALUES": {"SURVEY_DATES": [202401, 202402, 202403], "VALUES": [1387782, 1412814.5, '
        "null]}}]}"
    )
    values = parse_json_text(text).series[0].values
    assert values == [1387782.0, 1412814.5, None]
    assert [type(v) for v in values[:2]] == [float, float]
    assert format_number(1387782) == "1387782"  # an int reaching the writer is no crash


def test_lang_jp_reads_both_languages_fields() -> None:
    entry = {
        "SERIES_CODE": "BPBP6JYNCB",
        "NAME_OF_TIME_SERIES_J": "経常収支",
        "NAME_OF_TIME_SERIES": "Current account/Net balance",
        "UNIT_J": "億円",
        "UNIT": "100 million Yen",
        "FREQUENCY": "MONTHLY",
        "VALUES": {"SURVEY_DATES": [202401], "VALUES": [1]},
    }
    text = json.dumps({"STATUS": 200, "RESULTSET": [entry]})
    jp = parse_json_text(text, lang="jp").series[0]
    assert (jp.name, jp.other_names, jp.unit) == (
        "経常収支",
        ("Current account/Net balance",),
        "億円",
    )
    en = parse_json_text(text, lang="en").series[0]
    assert (en.name, en.other_names) == ("Current account/Net balance", ("経常収支",))


def _client(url: str, lang: str = "en", **transport: Any) -> BojClient:
    options: dict[str, Any] = {"timeout": 5, "retry": RetryPolicy(3, 0.0), **transport}
    return BojClient(Transport(url, **options), lang)


@pytest.mark.slow
def test_japanese_metadata_of_the_real_catalogue_and_layer_requests() -> None:
    standin = StandIn(page_codes=7, http_503_once=False, status_503_once=False)
    with Server(standin) as url:
        client = _client(url, "jp")
        meta = {m.code: m for m in client.metadata("BP01")}
        series = client.data_by_layer("BP01", "M", "1,*", (2024, 1), (2024, 3))
    assert len(meta) == 17_989  # heading rows (no code) dropped
    royalties = meta["BPBP6JYNSC9062"]
    assert royalties.name == "サービス/その他サービス/知的財産権等使用料/著作権等使用料/受取"
    assert royalties.other_names == (
        "Services/Other services/Charges for the use of intellectual property n.i.e./Charges "
        "for the use of copyrights n.i.e./Credit",
    )
    assert (royalties.unit, royalties.frequency, royalties.last_update) == (
        "億円",
        "MONTHLY",
        "20260209",
    )
    assert len(series) == 26
    assert series[0].survey_dates == [202401, 202402, 202403]
    layer_calls = [p for path, p, _ in standin.requests if path == "/api/v1/getDataLayer"]
    assert [c.get("startPosition") for c in layer_calls] == [None, "8", "15", "22"]
    assert layer_calls[0]["frequency"] == "M" and layer_calls[0]["layer"] == "1,*"


def test_synthetic_series_arrive_with_integers_among_the_values() -> None:
    params = {"db": "BP01", "code": "BPBP6JYNSC9071", "lang": "en", "startDate": "202401",
              "endDate": "202403"}  # fmt: skip
    with Server(StandIn(http_503_once=False)) as url:
        client = _client(url)
        raw = json.loads(client.transport.get_once("/api/v1/getDataCode", params).text)
        [series] = client.data_by_codes("BP01", ["BPBP6JYNSC9071"], (2024, 1), (2024, 3))
    sent = raw["RESULTSET"][0]["VALUES"]["VALUES"]
    assert [type(v) for v in sent] == [float, int, int]  # as the live API sends them
    assert series.values == [float(v) for v in sent]
    assert all(type(v) is float for v in series.values)


def test_a_next_position_that_does_not_move_is_an_error() -> None:
    class Stuck(StandIn):
        def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any] | bytes]:
            status, payload = super().answer(path, params)
            assert isinstance(payload, dict)
            payload["NEXTPOSITION"] = 1
            return status, payload

    with (
        Server(Stuck(http_503_once=False)) as url,
        pytest.raises(BojFormatError, match="NEXTPOSITION 1 does not move past 1"),
    ):
        _client(url).data_by_codes("BP01", ["BPBP6JYNCB"])


@pytest.mark.slow
def test_a_timeout_is_retried() -> None:
    class Slow(StandIn):
        slow_once = True

        def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any] | bytes]:
            if self.slow_once:
                self.slow_once = False
                time.sleep(1.5)
            return super().answer(path, params)

    standin = Slow(http_503_once=False, status_503_once=False)
    with Server(standin) as url:
        client = _client(url, timeout=0.5, retry=RetryPolicy(2, 0.0))
        series = client.data_by_codes("BP01", ["BPBP6JYNCB"], (2024, 1), (2024, 2))
    assert [s.values for s in series] == [[30587.90732161, 32560.53051895]]
    assert client.transport.retries_done == 1


class _Answers(StandIn):
    """Answers each request with the next of ``replies`` (HTTP status, body)."""

    def __init__(self, *replies: tuple[int, dict[str, Any] | bytes]) -> None:
        super().__init__(http_503_once=False, status_503_once=False)
        self.replies = list(replies)

    def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any] | bytes]:
        return self.replies.pop(0) if self.replies else super().answer(path, params)


@pytest.mark.parametrize("http_status", [200, 400])
def test_the_body_status_decides_and_its_message_reaches_the_user(http_status: int) -> None:
    body = compact_error(400, "M181008E", "Invalid start date")
    with Server(_Answers((http_status, body))) as url, pytest.raises(BojApiError) as info:
        _client(url).data_by_codes("BP01", ["BPBP6JYNCB"], (2024, 1), (2024, 2))
    assert str(info.value) == "BoJ API: M181008E Invalid start date (STATUS 400)"


def test_500_and_503_are_retried_as_http_codes_or_as_status() -> None:
    standin = _Answers(
        (500, compact_error(500, "M181099S", "Unexpected error")),
        (200, compact_error(503, "M181090S", "Database access error")),
        (502, b"<html>Bad gateway</html>"),
    )
    with Server(standin) as url:
        client = _client(url, retry=RetryPolicy(4, 0.0))
        series = client.data_by_codes("BP01", ["BPBP6JYNCB"], (2024, 1), (2024, 1))
    assert series[0].values == [30587.90732161]
    assert client.transport.retries_done == 3


def test_an_http_error_without_a_boj_body_is_named() -> None:
    with (
        Server(_Answers((404, b"<html><body>Not Found</body></html>"))) as url,
        pytest.raises(BojTransportError) as info,
    ):
        _client(url).metadata("BP01")
    assert str(info.value) == (
        f"{url}/api/v1/getMetadata answered HTTP 404 without a BoJ API message "
        "('<html><body>Not Found</body></html>'); expected 200"
    )


def test_a_deeply_nested_response_is_one_typed_error() -> None:
    with (
        Server(_Answers((200, b'{"STATUS": ' + b"[" * 100_000))) as url,
        pytest.raises(BojFormatError) as info,
    ):
        _client(url).metadata("BP01")
    assert str(info.value) == (
        "/api/v1/getMetadata response: is JSON nested too deeply to read; expected a BoJ API "
        "JSON response (an envelope with a RESULTSET list)"
    )


@pytest.mark.slow
def test_a_trickling_server_cannot_hang_the_fetch() -> None:
    standin = StandIn(http_503_once=False, trickle_seconds=0.05)
    started = time.monotonic()
    with Server(standin) as url, pytest.raises(DeadlineError) as info:
        _client(url, deadline=1.0).data_by_codes("BP01", ["BPBP6JYNCB"], (2024, 1), (2024, 12))
    assert time.monotonic() - started < 2.5
    assert str(info.value) == (
        "the fetch took longer than its deadline of 1 s (--deadline); the BoJ API answered "
        "too slowly, try again later"
    )


def test_retries_stop_at_the_deadline() -> None:
    with Server(_Answers(*[(503, b"")] * 5)) as url, pytest.raises(DeadlineError) as info:
        _client(url, retry=RetryPolicy(5, 10.0), deadline=5.0).metadata("BP01")
    assert str(info.value).startswith("the next retry would come after the deadline of 5 s")


@pytest.mark.parametrize(
    ("declare", "gzip", "said"),
    [
        (True, False, "declares 2,097,{} bytes"),
        (False, False, "is larger"),
        (True, True, "is larger"),  # small compressed, over the cap once decoded
    ],
)
def test_a_response_over_the_cap_is_refused(declare: bool, gzip: bool, said: str) -> None:
    standin = StandIn(http_503_once=False, pad_bytes=2 * 2**20, declare_length=declare, gzip=gzip)
    with Server(standin) as url, pytest.raises(ResponseTooLargeError) as info:
        _client(url, max_bytes=2**20).data_by_codes("BP01", ["BPBP6JYNCB"], (2024, 1), (2024, 1))
    message = str(info.value)
    assert message.startswith(f"{url}/api/v1/getDataCode: the response ")
    assert message.endswith("; the cap of one response is 1 MB (--max-response-mb)")
    if "{}" in said:
        assert said.split("{}")[0] in message
    else:
        assert f"the response {said};" in message
