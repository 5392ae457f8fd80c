"""`fetch boj` end to end against the stand-in API on 127.0.0.1 serving the real BP01 catalogue."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlwings

from digital_deficit import udfs
from digital_deficit.cli.main import main
from digital_deficit.data.boj import CREDIT_LINE
from digital_deficit.data.boj.catalogue import BP01_CODES, side_code
from digital_deficit.data.csvio import read_dataset
from digital_deficit.data.embedded import load_dataset
from digital_deficit.data.figures import digital_figure, item_figure
from tests.boj_standin import Server, StandIn, metadata_body, series_entry

pytestmark = pytest.mark.slow  # a local HTTP stand-in with retries: seconds, not milliseconds

FETCH = ["fetch", "boj", "--from", "2023-01", "--to", "2025-12", "--backoff", "0"]
SA_TWIN = "BPBP6JYACBX12"  # Current account/Net balance (Seasonally-adjusted)


def _fetch(tmp_path: Path, standin: StandIn, *extra: str) -> tuple[int, Path]:
    out = tmp_path / "fetched.csv"
    with Server(standin) as url:
        code = main([*FETCH, "--base-url", url, "--out", str(out), *extra])
    return code, out


def _months(code: str, year: int, lang: str = "en") -> Decimal:
    """The sum of a series' months in ``year`` as the stand-in serves them (independent)."""
    entry = series_entry(code, lang)
    assert entry is not None
    values = entry["VALUES"]
    return sum(
        (
            Decimal(repr(v))
            for d, v in zip(values["SURVEY_DATES"], values["VALUES"], strict=True)
            if d // 100 == year
        ),
        Decimal(0),
    )


def _code(item: str, side: str = "net") -> str:
    code = side_code(item, side)
    assert code is not None
    return code


@pytest.mark.parametrize("lang", ["en", "jp"])
def test_fetch_with_the_defaults_gives_every_definition_and_method(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    code, out = _fetch(tmp_path, StandIn(), "--lang", lang)
    printed = capsys.readouterr().out
    assert code == 0
    rows = {tuple(line.split()[:3]) for line in printed.splitlines() if "BP01 code" in line}
    assert rows == {(item, side, c) for c, (item, side) in BP01_CODES.items()}
    if lang == "jp":
        assert "サービス/その他サービス/知的財産権等使用料/著作権等使用料/ネット" in printed
    for line in (
        "  digital balance mof3: yes, 2023-2025",
        "  digital balance narrow: yes, 2023-2025",
        "  cash-flow current account karakama: yes, 2023-2025",
        "  cash-flow current account oguro1: yes, 2023-2025",
        "  cash-flow current account oguro2: yes, 2023-2025",
        "  cash-flow current account repatriation: yes, 2023-2025 (with your repatriation share)",
    ):
        assert line in printed.splitlines()

    monkeypatch.setenv("DIGITAL_DEFICIT_DATA", str(out))
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(tmp_path / "absent.conf"))
    copyright_, consulting = (
        _months(_code("copyright_royalties"), 2024),
        _months(_code("consulting"), 2024),
    )
    mof3 = copyright_ + _months(_code("ict_services"), 2024) + consulting
    narrow = copyright_ + _months(_code("computer_services"), 2024) + consulting
    assert udfs.dd_value("digital", 2024) == float(mof3) == -66506
    assert udfs.dd_value("digital", 2024, None, "narrow") == float(narrow) == -64622

    fetched = read_dataset(out)
    for item in ("copyright_royalties", "ict_services", "telecom_services",
                 "computer_services", "information_services", "consulting"):  # fmt: skip
        for side in ("credit", "debit"):
            obs = fetched.get(item, "2024", side=side)
            assert obs is not None and obs.value == float(_months(_code(item, side), 2024))
    cash_flow_inputs = ("current_account", "reinvested_earnings", "portfolio_investment_income",
                        "bond_interest", "primary_income", "goods_and_services",
                        "secondary_income")  # fmt: skip
    for item in cash_flow_inputs:
        obs = fetched.get(item, "2024")
        assert obs is not None and obs.value == float(_months(_code(item), 2024)), item


def test_fetch_pages_retries_and_writes_the_published_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    standin = StandIn()
    code, out = _fetch(tmp_path, standin)
    printed = capsys.readouterr().out
    assert code == 0
    assert f"Credit: {CREDIT_LINE}" in printed
    assert "Vintage (LAST_UPDATE): 2026-05-18; 16 requests" in printed
    assert "AMBIGUOUS" not in printed and "not found" not in printed

    paths = [p for p, _, _ in standin.requests]
    assert paths[:2] == ["/api/v1/getMetadata", "/api/v1/getMetadata"]  # STATUS 503 retried
    data = [(params, headers) for p, params, headers in standin.requests if p.endswith("Code")]
    assert data[0][0] == data[1][0]  # HTTP 503 retried with the same request
    assert [params.get("startPosition") for params, _ in data[1:]] == [
        None,
        *(str(n) for n in range(5, 50, 4)),
    ]
    requested = {c for params, _ in data for c in params["code"].split(",")}
    assert requested == set(BP01_CODES)  # 50 codes; no seasonally adjusted twin
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
    captured = capsys.readouterr()
    rows = {r["period"]: r for r in json.loads(captured.out)["rows"]}
    assert rows["2024"]["digital"] == -66506
    assert rows["2024"]["current_account"] == 292615
    assert rows["2023"]["digital_payments"] == 92463
    merged = load_dataset(out)
    obs = merged.get("current_account", "2024")
    assert obs is not None and obs.vintage == "2026-05-18"  # supersedes the preliminary figure
    assert [o.vintage for o in merged.vintages(obs.key)] == ["preliminary", "2026-05-18"]
    # 2022 (the base of 2023's change) and the oil bill are not in the file: said so
    assert captured.err.startswith("warning: ") and "(2022; CY 2023: crude_oil_imports" in (
        captured.err
    )


def test_fetch_in_japanese_with_items(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _fetch(
        tmp_path, StandIn(), "--lang", "jp", "--items", "copyright_royalties,consulting"
    )
    assert code == 0
    printed = capsys.readouterr().out
    row = "copyright_royalties  debit   BPBP6JYNSD9062  BP01 code  "
    assert row + "サービス/その他サービス/知的財産権等使用料/著作権等使用料/支払" in printed
    assert "  digital balance mof3: no, missing ict_services" in printed
    assert "  cash-flow current account karakama: no, missing current_account, " in printed
    fetched = read_dataset(out)
    assert {o.item for o in fetched} == {"copyright_royalties", "consulting"}
    obs = fetched.get("consulting", "2024", side="credit")
    assert obs is not None and "専門・経営コンサルティングサービス/受取" in obs.source


def test_items_no_bp01_series_holds_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _fetch(tmp_path, StandIn(), "--items", "travel,crude_oil_imports")
    assert code == 0
    assert capsys.readouterr().err == (
        "warning: crude_oil_imports: a customs statistic (MOF Trade Statistics), not in BP01; "
        "not fetched\n"
    )
    code, _ = _fetch(tmp_path, StandIn(), "--items", "crude_oil_imports", "--force")
    assert code == 1
    assert capsys.readouterr().err == (
        "digital-deficit fetch: error: none of the items asked for is a BoJ series: "
        "crude_oil_imports: a customs statistic (MOF Trade Statistics), not in BP01; "
        "not fetched\n"
    )


def test_fetch_by_codes_and_an_unknown_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    codes = f"BPBP6JYNCB,BPBP6JYNSC9062,{SA_TWIN}"
    code, out = _fetch(tmp_path, StandIn(), "--codes", codes)
    assert code == 0
    captured = capsys.readouterr()
    assert f"warning: {SA_TWIN}: names no project item; skipped" in captured.err
    assert read_dataset(out).get("copyright_royalties", "2024", side="credit") is not None

    code, out = _fetch(tmp_path / "..", StandIn(), "--codes", "BPBP6JYNCB,NOSUCHCODE", "--force")
    assert code == 2  # the BoJ refused the request asked for (HTTP 400, compact body)
    assert capsys.readouterr().err == (
        "digital-deficit fetch: error: BoJ API: M181013E Invalid series code (position 2) "
        "(STATUS 400)\n"
    )


def test_a_failing_api_gives_up_after_the_bounded_retries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    class Down(StandIn):
        def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any] | bytes]:
            return 503, b"<html>Service Unavailable</html>"

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
        """HTTP 503, STATUS 503 and HTTP 500 with a compact STATUS 500 body, in turn."""

        calls = 0

        def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any] | bytes]:
            self.calls += 1
            if self.calls % 3 == 1:
                return 503, b""
            if self.calls % 3 == 2:
                return 200, {"STATUS": 503, "MESSAGEID": "M181090S", "MESSAGE": "Database"}
            return 500, {"STATUS": 500, "MESSAGEID": "M181099S", "MESSAGE": "Unexpected error"}

    standin = Flaky()
    code, out = _fetch(tmp_path, standin, "--retries", "2")
    assert code == 1
    assert len(standin.requests) == 3
    assert capsys.readouterr().err == (
        "digital-deficit fetch: error: BoJ API: M181099S Unexpected error (still failing "
        "after 3 tries) (STATUS 500)\n"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--timeout", "0"),
        ("--timeout", "-1"),
        ("--timeout", "nan"),
        ("--deadline", "0"),
        ("--deadline", "inf"),
        ("--max-response-mb", "-5"),
    ],
)
def test_limits_must_be_positive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str, value: str
) -> None:
    out = tmp_path / "x.csv"
    assert main(["fetch", "boj", "--out", str(out), flag, value]) == 2
    err = capsys.readouterr().err
    assert err == f"digital-deficit fetch: error: {flag} must be a number above 0, not {value}\n"


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
    data = book.get_sheet_by_name("Data").to_python()
    fetched = {
        row[2]: row[6]
        for row in data
        if row[:2] == ["2024", "CY"] and row[5] == "net" and row[9] == "2026-05-18"
    }
    parts = ("copyright_royalties", "ict_services", "consulting")
    assert sum(fetched[item] for item in parts) == -66506


class _RenamedConsulting(StandIn):
    """A catalogue where consulting's net code is gone and two new series carry its name."""

    NAME = (
        "Services/Other services/Other business services/Professional and management "
        "consulting services/Net balance"
    )

    def metadata(self, lang: str) -> bytes:
        payload = json.loads(metadata_body(lang))
        payload["RESULTSET"] = [
            e for e in payload["RESULTSET"] if e["SERIES_CODE"] != _code("consulting")
        ]
        for code in self.new_codes:
            payload["RESULTSET"].append(
                {
                    "SERIES_CODE": code,
                    "NAME_OF_TIME_SERIES": self.NAME,
                    "UNIT": "100 million Yen",
                    "FREQUENCY": "MONTHLY",
                }
            )
        return json.dumps(payload).encode()

    def entry(self, code: str, lang: str) -> dict[str, Any] | None:
        if code in self.new_codes:
            entry = series_entry(_code("consulting"), lang)
            assert entry is not None
            return {**entry, "SERIES_CODE": code}
        return super().entry(code, lang)

    new_codes: tuple[str, ...] = ("BPBP6JYNSN9082X",)


def test_a_renamed_code_is_found_by_its_official_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _fetch(tmp_path, _RenamedConsulting(), "--items", "consulting")
    assert code == 0
    assert "consulting  net     BPBP6JYNSN9082X  official name  " in capsys.readouterr().out
    obs = read_dataset(out).get("consulting", "2024")
    assert obs is not None and "(official name)" in obs.source


class _TwoConsultingNets(_RenamedConsulting):
    new_codes = ("TESTSJ2A", "TESTSJ2B")


def test_an_ambiguous_item_is_skipped_with_a_warning_not_the_whole_fetch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _fetch(tmp_path, _TwoConsultingNets())
    captured = capsys.readouterr()
    assert code == 0
    name = _RenamedConsulting.NAME
    assert (
        f"warning: consulting net is named by 2 series (TESTSJ2A {name!r}, TESTSJ2B {name!r}); "
        "skipped (nothing guessed)\n"
    ) in captured.err
    assert "AMBIGUOUS consulting net: TESTSJ2A, TESTSJ2B" in captured.out
    fetched = read_dataset(out)
    assert fetched.get("consulting", "2024") is None  # the net: never guessed
    credit = fetched.get("consulting", "2024", side="credit")
    assert credit is not None and "series BPBP6JYNSC9082" in credit.source
    # Net derived from the sides that were found; mof3 still the published -66,506.
    assert digital_figure(fetched, "2024", "CY", "mof3").value == -66506


def test_an_ambiguous_item_asked_for_explicitly_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _fetch(tmp_path, _TwoConsultingNets(), "--items", "consulting,travel")
    assert code == 1
    assert capsys.readouterr().err == (
        "digital-deficit fetch: error: series names are ambiguous (nothing guessed): "
        "consulting net: TESTSJ2A, TESTSJ2B\n"
    )
    assert not out.exists()
