"""The client's request planning, paging, parsing of both languages, and layer requests."""

from __future__ import annotations

import pytest

from digital_deficit.data.boj.client import BojClient, plan_chunks
from digital_deficit.data.boj.parsing import BojApiError, BojFormatError, parse_json_text
from digital_deficit.data.boj.transport import RetryPolicy, Transport
from tests.boj_standin import Server, StandIn


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
    text = '{"STATUS": 400, "MESSAGEID": "M181007E", "MESSAGE": "Too many codes", "RESULTSET": []}'
    response = parse_json_text(text)
    assert response.status == 400
    from digital_deficit.data.boj.parsing import check_status

    with pytest.raises(BojApiError, match=r"^BoJ API status 400 M181007E: Too many codes$"):
        check_status(response)
    with pytest.raises(BojFormatError, match="is not a BoJ API envelope"):
        parse_json_text("[1, 2]")
    bad = (
        '{"STATUS": 200, "RESULTSET": [{"SERIES_CODE": "A", "FREQUENCY": "MONTHLY", '
        '"VALUES": {"SURVEY_DATES": [202401, 202402], "VALUES": [1.5]}}]}'
    )
    with pytest.raises(BojFormatError, match="has 2 SURVEY_DATES but 1 VALUES"):
        parse_json_text(bad)


def _client(url: str, lang: str = "en") -> BojClient:
    return BojClient(Transport(url, timeout=5, retry=RetryPolicy(3, 0.0)), lang)


def test_japanese_metadata_and_layer_requests() -> None:
    standin = StandIn(page_codes=7, http_503_once=False, status_503_once=False)
    with Server(standin) as url:
        client = _client(url, "jp")
        meta = {m.code: m for m in client.metadata("BP01")}
        assert meta["TESTSH2CR"].name == "サービス収支/知的財産権等使用料/著作権等使用料/受取"
        assert meta["TESTSH2CR"].unit == "億円"
        series = client.data_by_layer("BP01", "M", "1,*", (2024, 1), (2024, 3))
    assert len(series) == 26
    assert series[0].survey_dates == [202401, 202402, 202403]
    layer_calls = [p for path, p, _ in standin.requests if path == "/api/v1/getDataLayer"]
    assert [c.get("startPosition") for c in layer_calls] == [None, "8", "15", "22"]
    assert layer_calls[0]["frequency"] == "M" and layer_calls[0]["layer"] == "1,*"


def test_a_next_position_that_does_not_move_is_an_error() -> None:
    class Stuck(StandIn):
        def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, object]]:
            status, payload = super().answer(path, params)
            payload["NEXTPOSITION"] = 1
            return status, payload

    with (
        Server(Stuck(http_503_once=False)) as url,
        pytest.raises(BojFormatError, match="NEXTPOSITION 1 does not move past 1"),
    ):
        _client(url).data_by_codes("BP01", ["BPBP6JYNCB"])


def test_a_timeout_is_retried() -> None:
    import time

    class Slow(StandIn):
        slow_once = True

        def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, object]]:
            if self.slow_once:
                self.slow_once = False
                time.sleep(1.5)
            return super().answer(path, params)

    standin = Slow(http_503_once=False, status_503_once=False)
    with Server(standin) as url:
        client = BojClient(Transport(url, timeout=0.5, retry=RetryPolicy(2, 0.0)), "en")
        series = client.data_by_codes("BP01", ["BPBP6JYNCB"], (2024, 1), (2024, 2))
    assert [s.values for s in series] == [[30587.90732161, 32560.53051895]]
    assert client.transport.retries_done == 1
