"""`digital-deficit metrics`: headline figures with units and sources; one-line errors."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from digital_deficit.cli.main import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_2024_mof3_balance_with_source(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "metrics", "--from", "2024", "--to", "2024")
    assert code == 0
    row = next(line for line in out.splitlines() if line.strip().startswith("2024"))
    # The latest revision (about ¥6.8T, MIC white paper 2025-07) is rounded to ¥0.1T: marked.
    assert "≈-68,000" in row and "≈¥-6.80T" in row
    assert "Units: oku yen (100 million yen; 10,000 oku yen = ¥1 trillion)" in out
    assert (
        "  2024 digital/mof3 net -68,000 (±500): MIC Information and Communications White Paper "
        "2025 (令和7年版情報通信白書, 2025-07-08) "
    ) in out
    assert "約6.8兆円の赤字」 [revised-2025-07]" in out


def test_json_values_are_exact(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "metrics",
        "--definition",
        "narrow",
        "--format",
        "json",
        "--from",
        "2014",
        "--to",
        "2024",
    )
    payload = json.loads(out)
    rows = {r["period"]: r for r in payload["rows"]}
    assert code == 0 and payload["unit"] == "oku_yen" and payload["definition"] == "narrow"
    assert rows["2024"]["digital"] == -67000  # revised-2025-07 (first release -64,622)
    assert rows["2024"]["multiple"] == 67000 / 20225
    assert rows["2024"]["tourism_coverage"] == 58973 / 67000
    # the revised 2022 current account (107,144) less Karakama's "about" figures
    assert rows["2022"]["cf_current_account"] == 107144 - 113000 - 103000 == -108856
    assert rows["2016"]["digital"] is None


def test_csv_blank_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "metrics", "--format", "csv", "--basis", "FY")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("period,basis,definition,unit,digital,digital_payments")
    # FY2014 is published only narrow; 16 metrics, then rounded, mixed, sources
    assert lines[1] == "2014,FY,mof3,oku_yen,,,,,,,,,,,,,,,,,,,"
    assert lines[3].startswith("2023,FY,mof3,oku_yen,-55714.0,,,,,-32307.0,")
    assert lines[4].startswith("2024,FY,mof3,oku_yen,-69651.0,,,")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["metrics", "--basis", "XX"],
            r"digital-deficit metrics: error: argument --basis: invalid choice: 'XX' "
            r"\(choose from '?CY'?, '?FY'?\)",
        ),
        (
            ["metrics", "--from", "20x4"],
            "digital-deficit metrics: error: argument --from: '20x4' is not a year such as 2014",
        ),
        (
            ["metrics", "--from", "2025", "--to", "2020"],
            "digital-deficit metrics: error: --from 2025 is after --to 2020",
        ),
        (
            ["metrics", "--cf-method", "repatriation"],
            "digital-deficit metrics: error: --cf-method repatriation needs --repatriation-share "
            "(0 to 1)",
        ),
    ],
)
@pytest.mark.slow
def test_bad_arguments_exit_2_with_one_line(argv: list[str], message: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "digital_deficit.cli.main", *argv],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert len(lines) == 1
    assert re.fullmatch(message, lines[0]) or lines[0] == message


def test_bad_data_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "metrics", "--data", "/nonexistent/d.csv")
    assert code == 2
    assert err == (
        "digital-deficit metrics: error: /nonexistent/d.csv: cannot be read "
        "(No such file or directory)\n"
    )


def test_rounded_estimates_are_marked_and_sources_cover_every_input(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(
        capsys,
        "metrics",
        "--definition",
        "narrow",
        "--from",
        "2024",
        "--to",
        "2024",
        "--base-year",
        "2014",
        "--format",
        "json",
    )
    row = json.loads(out)["rows"][0]
    assert code == 0 and row["multiple"] == 67000 / 20225 and row["yoy"] == 67000 / 53452 - 1
    cited = {(s["period"], s["item"], s["definition"]) for s in row["sources"]}
    assert {("2014", "digital", "narrow"), ("2023", "digital", "narrow")} <= cited
    assert row["rounded"] == [
        "crude_oil_imports",
        "digital",
        "multiple",
        "oil_ratio",
        "share_of_gs_deficit",
        "share_of_services_deficit",
        "tourism_coverage",
        "yoy",
    ]
    oil = next(s for s in row["sources"] if s["item"] == "crude_oil_imports")
    assert (oil["value"], oil["precision"], oil["vintage"]) == (107000, 1000, "analyst")
    code, out, _ = _run(capsys, "metrics", "--from", "2024", "--to", "2024")
    assert "≈63.6%" in out  # 68,000 / 107,000
    assert (
        "  2024 crude_oil_imports debit 107,000 (±500): Karakama via 2ch.logpo 396218 "
        "(about 10.7 trillion yen) [analyst]"
    ) in out


def test_custom_definition_from_item_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys, "metrics", "--definition", "computer_services,consulting", "--format", "json"
    )
    payload = json.loads(out)
    assert code == 0 and payload["definition"] == "computer_services,consulting"
    assert all(r["digital"] is None for r in payload["rows"])  # never a partial sum


def test_usd_data_file_for_japan_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "usd.csv"
    path.write_text(
        "country,basis,period,item,definition,side,value,unit,precision,vintage,source\n"
        "JPN,CY,2024,digital,mof3,net,-45000,usd_million,1,2026-05-18,X\n"
    )
    code, out, err = _run(capsys, "metrics", "--data", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"digital-deficit metrics: error: {path}: JPN figures are in usd_million")


def test_vintages_combined_are_marked_and_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "metrics", "--from", "2024", "--to", "2024")
    row = next(line for line in out.splitlines() if line.strip().startswith("2024"))
    # the revised 2024 digital balance (2025-07) against the 2026-02 revision of services
    assert code == 0 and "≈2.45×†" in row and "≈86.7%†" in row and "≈-68,000 " in row
    assert "  2024 share_of_services_deficit: revised-2025-07 + revised-2026-02" in out
    assert "  2024 tourism_coverage: preliminary + revised-2025-07" in out
    code, out, _ = _run(capsys, "metrics", "--from", "2024", "--to", "2024", "--format", "json")
    mixed = json.loads(out)["rows"][0]["mixed"]
    assert mixed["oil_ratio"] == ["analyst", "revised-2025-07"]
    assert "digital" not in mixed  # one vintage
    code, out, _ = _run(capsys, "metrics", "--from", "2024", "--to", "2024", "--format", "csv")
    header, line = list(csv.reader(io.StringIO(out)))
    assert header[-3:] == ["rounded", "mixed", "sources"]
    assert "tourism_coverage=preliminary+revised-2025-07" in line[-2].split()


def test_first_release_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "metrics", "--release", "first", "--format", "json")
    rows = {r["period"]: r for r in json.loads(out)["rows"]}
    assert code == 0
    assert rows["2024"]["digital"] == -66506  # the first release, not the 2025 revision
    assert rows["2021"]["current_account"] == 154359  # preliminary, revised to 215,910
    # Karakama's 2022 from the first-release current account (the README's -101,568)
    assert rows["2022"]["cf_current_account"] == 114432 - 113000 - 103000 == -101568


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--repatriation-share", "0.4"],
            "--repatriation-share applies only to --cf-method repatriation",
        ),
        (
            ["--cf-method", "repatriation", "--repatriation-share", "nan"],
            "--repatriation-share is nan; expected a number from 0 to 1",
        ),
        (
            ["--definition", "custom"],
            "--definition 'custom' is not a definition; name its items instead, separated by "
            "commas (e.g. computer_services,consulting)",
        ),
    ],
)
def test_metrics_and_brief_read_their_options_alike(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    for command in (["metrics"], ["brief", "--out", str(tmp_path / "b.xlsx")]):
        code, _, err = _run(capsys, *command, *argv)
        assert (code, err) == (2, f"digital-deficit {command[0]}: error: {message}\n")
    code, _, err = _run(
        capsys, "brief", "--out", str(tmp_path / "b.xlsx"), "--yen-per-doubling", "nan"
    )
    assert (code, err) == (
        2,
        "digital-deficit brief: error: --yen-per-doubling is nan; expected a number "
        "from 0 to 100\n",
    )
    assert not (tmp_path / "b.xlsx").exists()


def test_brief_takes_the_item_lists_metrics_takes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "custom.xlsx"
    items = "copyright_royalties,computer_services,consulting"
    code, stdout, err = _run(capsys, "brief", "--out", str(out), "--definition", items)
    assert (code, stdout, err) == (0, f"wrote {out}\n", "")
    book = openpyxl.load_workbook(out, data_only=True)
    assert book["Assumptions"]["B5"].value == "custom"
    digital = book["Digital"]
    row = next(r for r in range(5, digital.max_row + 1) if digital.cell(r, 2).value == "custom")
    header = {digital.cell(4, c).value: c for c in range(3, digital.max_column + 1)}
    # 2022: the published components (copyright 2022 about -15,000; computer services not
    # published: the sum of the chosen items is missing, never partial)
    assert digital.cell(row, header[2022]).value == "n/a"


def test_a_metric_added_to_the_catalogue_reaches_every_output(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # payments_to_receipts was added as one catalogue entry and its two labels, nothing else
    code, out, _ = _run(capsys, "metrics", "--from", "2023", "--to", "2023", "--format", "json")
    payload = json.loads(out)
    assert code == 0
    assert payload["metrics"]["payments_to_receipts"] == {
        "label": "Digital payments / receipts",
        "unit": "times",
    }
    assert payload["rows"][0]["payments_to_receipts"] == 92463 / 37103


def test_overflow_is_missing_with_a_note_never_infinity(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "huge.csv"
    data.write_text(
        "country,basis,period,item,definition,side,value,unit,precision,vintage,source\n"
        + "".join(
            f"JPN,CY,2030,{item},,net,-1e308,oku_yen,1,2026-05-18,X\n"
            for item in ("copyright_royalties", "ict_services", "consulting")
        )
        + "JPN,CY,2031,digital,mof3,net,-1e-300,oku_yen,1,2026-05-18,X\n"
        "JPN,CY,2031,travel,,net,1e308,oku_yen,1,2026-05-18,X\n",
        encoding="utf-8",
    )
    for form in ("json", "csv", "table"):
        code, out, err = _run(
            capsys, "metrics", "--data", str(data), "--from", "2030", "--format", form
        )
        assert code == 0
        assert not re.search(r"\binf\b|Infinity|\bnan\b", out, re.IGNORECASE), form
        assert (
            err
            == "note: 2031 tourism_coverage: too large for a number (overflow); shown as missing\n"
        )
    rows = {
        r["period"]: r
        for r in json.loads(
            _run(capsys, "metrics", "--data", str(data), "--from", "2030", "--format", "json")[1]
        )["rows"]
    }
    assert rows["2030"]["digital"] is None  # the sum of three -1e308 is no number: missing
    assert rows["2031"]["tourism_coverage"] is None
