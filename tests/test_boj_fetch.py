"""`fetch boj` end to end against the stand-in API on 127.0.0.1 (no other network)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from digital_deficit.cli.main import main
from digital_deficit.data.boj import CREDIT_LINE
from digital_deficit.data.csvio import read_dataset
from digital_deficit.data.embedded import load_dataset
from digital_deficit.data.figures import digital_figure, item_figure
from tests.boj_standin import Server, StandIn

pytestmark = pytest.mark.slow  # a local HTTP stand-in with retries: seconds, not milliseconds

FETCH = ["fetch", "boj", "--from", "2023-01", "--to", "2025-12", "--backoff", "0"]


def _fetch(tmp_path: Path, standin: StandIn, *extra: str) -> tuple[int, Path]:
    out = tmp_path / "fetched.csv"
    with Server(standin) as url:
        code = main([*FETCH, "--base-url", url, "--out", str(out), *extra])
    return code, out


def test_fetch_resolves_pages_retries_and_writes_the_published_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    standin = StandIn()
    code, out = _fetch(tmp_path, standin)
    printed = capsys.readouterr().out
    assert code == 0
    assert f"Credit: {CREDIT_LINE}" in printed
    assert "Vintage (LAST_UPDATE): 2026-05-18" in printed
    table = {tuple(line.split()[:4]) for line in printed.splitlines()}
    assert ("copyright_royalties", "credit", "TESTSH2CR", "official") in table
    assert ("consulting", "net", "TESTSJ2NT", "official") in table
    assert ("current_account", "net", "BPBP6JYNCB", "known") in table
    assert ("reinvested_earnings", "net", "TESTREINT", "official") in table
    assert ("goods_and_services", "net", "TESTGSNT", "official") in table
    assert "AMBIGUOUS" not in printed

    paths = [p for p, _, _ in standin.requests]
    assert paths[:2] == ["/api/v1/getMetadata", "/api/v1/getMetadata"]  # STATUS 503 retried
    data = [(params, headers) for p, params, headers in standin.requests if p.endswith("Code")]
    assert data[0][0] == data[1][0]  # HTTP 503 retried with the same request
    assert [params.get("startPosition") for params, _ in data[1:]] == [
        None,
        *["5", "9", "13", "17", "21"],
    ]
    requested = {c for params, _ in data for c in params["code"].split(",")}
    assert len(requested) == 21
    decoys = {"TESTCASA", "TESTSI2SW", "TESTFADI", "TESTFARE", "TESTGSSCR", "TESTCAQ"}
    assert not requested & decoys
    assert all(h["User-Agent"].startswith("digital-deficit/") for _, h in data)
    assert data[1][0]["startDate"] == "202301" and data[1][0]["endDate"] == "202512"

    fetched = read_dataset(out)
    ca = fetched.get("current_account", "2024")
    assert ca is not None and ca.value == 292615 and ca.vintage == "2026-05-18"
    assert "BPBP6JYNCB" in ca.source and CREDIT_LINE in ca.source
    month = fetched.get("current_account", "2024-01", basis="M")
    assert month is not None and month.value == 30587.90732161  # as in the fixture
    assert item_figure(fetched, "current_account", "2024", "FY").value == 303771
    mof3 = digital_figure(fetched, "2024", "CY", "mof3")
    assert (mof3.value, mof3.how) == (-66506, "sum of mof3 items")
    assert digital_figure(fetched, "2024", "CY", "narrow").value == -64622
    assert digital_figure(fetched, "2023", "CY", "mof3", side="debit").value == 92463
    assert digital_figure(fetched, "2023", "CY", "mof3", side="credit").value == 37103
    assert digital_figure(fetched, "2024", "FY", "mof3").value == -69651
    assert item_figure(fetched, "secondary_income", "2023").value == -40962
    goods_and_services = fetched.get("goods_and_services", "2024")
    assert goods_and_services is not None and goods_and_services.value == -65152
    assert item_figure(fetched, "current_account", "2025", "FY").value is None  # incomplete


def test_metrics_on_the_fetched_file_give_the_published_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _fetch(tmp_path, StandIn())
    assert code == 0
    capsys.readouterr()
    assert main(["metrics", "--data", str(out), "--from", "2023", "--format", "json"]) == 0
    rows = {r["period"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert rows["2024"]["digital"] == -66506
    assert rows["2024"]["current_account"] == 292615
    assert rows["2023"]["digital_payments"] == 92463
    merged = load_dataset(out)
    obs = merged.get("current_account", "2024")
    assert obs is not None and obs.vintage == "2026-05-18"  # supersedes the preliminary figure
    assert [o.vintage for o in merged.vintages(obs.key)] == ["preliminary", "2026-05-18"]


def test_fetch_in_japanese_resolves_the_japanese_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _fetch(
        tmp_path, StandIn(), "--lang", "jp", "--items", "copyright_royalties,consulting"
    )
    assert code == 0
    printed = capsys.readouterr().out
    row = "copyright_royalties  debit   TESTSH2DR  official name  "
    assert row + "サービス収支/知的財産権等使用料/著作権等使用料/支払" in printed
    fetched = read_dataset(out)
    assert {o.item for o in fetched} == {"copyright_royalties", "consulting"}
    obs = fetched.get("consulting", "2024", side="credit")
    assert obs is not None and "専門・経営コンサルティングサービス/受取" in obs.source


def test_fetch_by_codes_and_an_unknown_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _fetch(tmp_path, StandIn(), "--codes", "BPBP6JYNCB,TESTSH2CR,TESTFADI")
    assert code == 0
    captured = capsys.readouterr()
    assert "warning: TESTFADI: names no project item; skipped" in captured.err
    assert read_dataset(out).get("copyright_royalties", "2024", side="credit") is not None

    code, out = _fetch(tmp_path / "..", StandIn(), "--codes", "BPBP6JYNCB,NOSUCHCODE", "--force")
    assert code == 1
    err = capsys.readouterr().err
    assert err == (
        "digital-deficit fetch: error: BoJ API status 400 M181013E: "
        "Series code does not exist (2)\n"
    )


def test_a_failing_api_gives_up_after_the_bounded_retries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    class Down(StandIn):
        def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
            return 503, {}

    standin = Down()
    code, out = _fetch(tmp_path, standin, "--retries", "2")
    assert code == 1
    assert len(standin.requests) == 3
    assert "failed 3 times (last: HTTP 503)" in capsys.readouterr().err
    assert not out.exists()


def test_mixed_failures_never_multiply_the_tries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    class Flaky(StandIn):
        """HTTP 503 and STATUS 503 in turn: one retry loop, so 3 tries are 3 requests."""

        calls = 0

        def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
            self.calls += 1
            if self.calls % 2:
                return 503, {}
            return 200, {"STATUS": 503, "MESSAGEID": "M181090S", "MESSAGE": "Database access"}

    standin = Flaky()
    code, out = _fetch(tmp_path, standin, "--retries", "2")
    assert code == 1
    assert len(standin.requests) == 3
    assert "/api/v1/getMetadata failed 3 times (last: HTTP 503)" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("value", ["0", "-1", "nan"])
def test_timeout_must_be_positive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    out = tmp_path / "x.csv"
    assert main(["fetch", "boj", "--out", str(out), "--timeout", value]) == 2
    assert "--timeout must be a number of seconds above 0" in capsys.readouterr().err


def test_brief_builds_a_workbook_from_fetched_data(tmp_path: Path) -> None:
    """The briefing on the fetched file shows its figures and lists them on the Data sheet."""
    from python_calamine import CalamineWorkbook

    code, out = _fetch(tmp_path, StandIn())
    assert code == 0
    xlsx = tmp_path / "brief.xlsx"
    assert main(["brief", "--data", str(out), "--out", str(xlsx)]) == 0
    book = CalamineWorkbook.from_path(str(xlsx))
    digital = book.get_sheet_by_name("Digital").to_python()
    years = digital[3]
    balance = next(row for row in digital if row[0] == "Digital balance")
    assert balance[years.index(2024.0)] == -6.6506
    summary = {row[0]: row[1:3] for row in book.get_sheet_by_name("Summary").to_python()[4:12]}
    assert summary["Headline current account (latest year)"] == [2025.0, 31.8799]
    data = book.get_sheet_by_name("Data").to_python()
    fetched = {
        row[2]: row[6]
        for row in data
        if row[:2] == ["2024", "CY"] and row[5] == "net" and row[9] == "2026-05-18"
    }
    parts = ("copyright_royalties", "ict_services", "consulting")
    assert sum(fetched[item] for item in parts) == -66506


class _TwoConsultingNets(StandIn):
    """Metadata naming consulting's net balance twice (and the reviewer's decoys)."""

    def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
        status, payload = super().answer(path, params)
        if path == "/api/v1/getMetadata" and payload.get("STATUS") == 200:
            payload = json.loads(json.dumps(payload))
            payload["RESULTSET"].append(
                {
                    "SERIES_CODE": "TESTSJ2DUP",
                    "NAME_OF_TIME_SERIES": "Services/Professional and management consulting "
                    "services/Net balance",
                    "UNIT": "100 million Yen",
                    "FREQUENCY": "MONTHLY",
                }
            )
        return status, payload


def test_an_ambiguous_item_is_skipped_with_a_warning_not_the_whole_fetch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _fetch(tmp_path, _TwoConsultingNets())
    captured = capsys.readouterr()
    assert code == 0
    assert (
        "warning: consulting net is named by 2 series (TESTSJ2NT 'Services/Other business "
        "services/Professional and management consulting services/Net balance', TESTSJ2DUP "
        "'Services/Professional and management consulting services/Net balance'); skipped "
        "(nothing guessed)\n"
    ) in captured.err
    assert "AMBIGUOUS consulting net: TESTSJ2NT, TESTSJ2DUP" in captured.out
    fetched = read_dataset(out)
    assert fetched.get("consulting", "2024") is None  # the net: never guessed
    credit = fetched.get("consulting", "2024", side="credit")
    assert credit is not None and "series TESTSJ2CR" in credit.source
    assert item_figure(fetched, "current_account", "2024").value == 292615
    # Net derived from the sides that were found; mof3 still the published -66,506.
    assert digital_figure(fetched, "2024", "CY", "mof3").value == -66506


def test_an_ambiguous_item_asked_for_explicitly_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _fetch(tmp_path, _TwoConsultingNets(), "--items", "consulting,travel")
    err = capsys.readouterr().err
    assert code == 1
    assert "series names are ambiguous (nothing guessed):" in err
    assert not out.exists()
