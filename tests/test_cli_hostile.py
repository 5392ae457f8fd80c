"""Issue 11's hostile command lines, run as a user runs them (a subprocess): each mistake gives
exit 2 and exactly one line on stderr, never a traceback; the inputs that are not mistakes (a
huge but finite value, a file without a final line break, the README's scenario example) work.

Exit statuses (cli.main): 2 for what the user typed or gave, 1 for work that could not be
finished although the request was sound (a server's fault during a fetch), 0 done.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.boj_standin import Server, StandIn

pytestmark = pytest.mark.slow  # one interpreter per command line
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
HELD = "the figures run from 2014 to 2025"
HEADER = "country,basis,period,item,definition,side,value,unit,precision,vintage,source\n"


def cli(*args: str, cwd: Path) -> tuple[int, str, str]:
    """Run `digital-deficit ARGS` in ``cwd``: exit status, stdout, stderr."""
    env = {k: v for k, v in os.environ.items() if k != "DIGITAL_DEFICIT_DATA"}
    done = subprocess.run(
        [sys.executable, "-m", "digital_deficit.cli.main", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def one_error(command: str, code: int, err: str, exit_status: int = 2) -> str:
    """The one error line of a failed command, checked: its status, one line, no traceback."""
    assert code == exit_status, err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    prefix = f"digital-deficit {command}: error: "
    assert err.startswith(prefix), err
    return err.removeprefix(prefix).rstrip("\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["brief", "--author", "Desk\x01"], "--author contains the control character '\\x01'"),
        (
            ["brief", "--yen-per-doubling", "nan"],
            "--yen-per-doubling is nan; expected a number from 0 to 100",
        ),
        (["metrics", "--from", "0000"], "--from 0 is not a year from 1850 to 2100"),
        (["brief", "--from", "0000"], "--from 0 is not a year from 1850 to 2100"),
        (
            ["metrics", "--base-year", "1900"],
            f"base year 1900 has no CY figures; {HELD}",
        ),
        (
            ["brief", "--base-year", "1900"],
            f"base year 1900 has no CY figures; {HELD}",
        ),
        (
            ["brief", "--from", "2020", "--base-year", "2014"],  # the sheets look it up
            "base year 2014 is not among the years shown (2020-2025)",
        ),
        (
            ["metrics", "--from", "2100"],
            f"no CY figures between 2100 and the last year; {HELD}",
        ),
        (
            ["metrics", "--definition", "copyright_royalties,copyright_royalties"],
            "--definition 'copyright_royalties,copyright_royalties': item 2 repeats "
            "'copyright_royalties'",
        ),
        (
            ["brief", "--definition", "consulting,,travel"],
            "--definition 'consulting,,travel': item 2 is blank; expected an item id",
        ),
        (
            ["metrics", "--repatriation-share", "0.5"],
            "--repatriation-share applies only to --cf-method repatriation",
        ),
        (
            ["brief", "--repatriation-share", "0.5"],
            "--repatriation-share applies only to --cf-method repatriation",
        ),
        (
            ["import", "x.json", "--out", "x.csv", "--vintage", "2026-02-30"],
            "argument --vintage: '2026-02-30' is not a real date; expected YYYY-MM-DD",
        ),
        (
            ["metrics", "--data", "missing.csv"],
            "missing.csv: cannot be read (No such file or directory)",
        ),
        (
            ["brief", "--data", "missing.csv"],
            "missing.csv: cannot be read (No such file or directory)",
        ),
    ],
)
def test_a_mistake_is_exit_2_and_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    code, _, err = cli(*args, cwd=tmp_path)
    assert one_error(args[0], code, err) == message
    assert os.listdir(tmp_path) == []  # nothing written


def test_a_100000_character_definition_is_not_echoed_whole(tmp_path: Path) -> None:
    code, _, err = cli("metrics", "--definition", "x" * 100_000, cwd=tmp_path)
    assert one_error("metrics", code, err) == (
        f"--definition '{'x' * 57}...' is not a definition; expected mof3, narrow or item ids "
        "separated by commas (e.g. computer_services,consulting)"
    )


def test_no_error_speaks_of_excel_cells(tmp_path: Path) -> None:
    for definition in ("digital,travel", ",", "consulting,consulting"):
        code, _, err = cli("metrics", "--definition", definition, cwd=tmp_path)
        assert "cell" not in one_error("metrics", code, err)


def test_deeply_nested_inputs_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "nested.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = cli("import", "nested.json", "--out", "n.csv", cwd=tmp_path)
    assert one_error("import", code, err).startswith("nested.json")
    (tmp_path / "nested.toml").write_text("x = " + "{a=" * 5_000 + "1" + "}" * 5_000, "utf-8")
    code, _, err = cli("brief", "--scenarios", "nested.toml", "--out-dir", "out", cwd=tmp_path)
    assert one_error("brief", code, err) == "nested.toml: nested too deeply to read"
    assert sorted(os.listdir(tmp_path)) == ["nested.json", "nested.toml"]


class _Nested(StandIn):
    """A server answering getMetadata with JSON nested 100,000 deep."""

    def metadata(self, lang: str) -> bytes:
        return b'{"STATUS": ' + b"[" * 100_000


def test_a_server_sending_deeply_nested_json_is_exit_1_and_one_line(tmp_path: Path) -> None:
    # The request was sound; the server's answer was not: exit 1 (2 is for the user's mistakes).
    with Server(_Nested(http_503_once=False, status_503_once=False)) as url:
        code, _, err = cli("fetch", "boj", "--base-url", url, "--out", "boj.csv", cwd=tmp_path)
    assert one_error("fetch", code, err, exit_status=1) == (
        "/api/v1/getMetadata response: is JSON nested too deeply to read; expected a BoJ API "
        "JSON response (an envelope with a RESULTSET list)"
    )
    assert os.listdir(tmp_path) == []


def test_the_boj_refusing_the_request_is_exit_2(tmp_path: Path) -> None:
    with Server(StandIn(http_503_once=False, status_503_once=False)) as url:
        args = ["fetch", "boj", "--base-url", url, "--codes", "NOSUCHCODE", "--out", "b.csv"]
        code, _, err = cli(*args, cwd=tmp_path)
    assert one_error("fetch", code, err).startswith("BoJ API: M181013E Invalid series code")


def _finite(value: object) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def test_a_value_of_1e308_in_a_data_file_is_shown_finite_or_missing(tmp_path: Path) -> None:
    # A finite number the file states: used as given, never a traceback, never inf or NaN.
    (tmp_path / "big.csv").write_text(
        HEADER + "JPN,CY,2024,digital,mof3,net,1e308,oku_yen,1,2026-05-18,test\n"
        "JPN,CY,2024,travel,,net,-1e308,oku_yen,1,2026-05-18,test\n",
        encoding="utf-8",
    )
    code, out, err = cli("metrics", "--data", "big.csv", "--format", "json", cwd=tmp_path)
    assert code == 0, err
    assert "Traceback" not in err
    rows = json.loads(out, parse_constant=lambda c: pytest.fail(f"{c} in the JSON"))["rows"]
    assert {r["period"]: r["digital"] for r in rows}["2024"] == 1e308
    assert {r["period"]: r["tourism_coverage"] for r in rows}["2024"] is None  # overflow
    code, out, err = cli("brief", "--data", "big.csv", "--out", "b.xlsx", cwd=tmp_path)
    assert (code, out) == (0, "wrote b.xlsx\n"), err
    book = openpyxl.load_workbook(tmp_path / "b.xlsx", data_only=True)
    cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert 1e308 in cells
    assert all(_finite(v) for v in cells)


def test_a_boj_csv_without_a_final_line_break_imports(tmp_path: Path) -> None:
    data = (FIXTURES / "boj_api_en.csv").read_bytes().rstrip(b"\r\n")
    (tmp_path / "boj.csv").write_bytes(data)
    code, out, err = cli(
        "import", "boj.csv", "--out", "d.csv", "--vintage", "2026-05-18", cwd=tmp_path
    )
    assert code == 0, err
    assert "Wrote " in out and (tmp_path / "d.csv").exists()


def test_the_readme_scenario_example_works_as_written(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    command = "digital-deficit brief --scenarios examples/scenarios.toml --out-dir out/"
    assert command in readme
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    code, out, err = cli(*command.split()[1:], cwd=tmp_path)
    assert (code, err) == (0, "")
    names = ["base", "narrow-linear", "fiscal-year-ja", "half-repatriated"]
    assert out.splitlines() == [f"wrote out/{n}.xlsx" for n in names]
    assert sorted(os.listdir(tmp_path / "out")) == sorted(f"{n}.xlsx" for n in names)
    book = openpyxl.load_workbook(tmp_path / "out" / "half-repatriated.xlsx")
    assert book["Assumptions"]["B9"].value == "repatriation"
    assert book.properties.creator == "Research Dept."


@pytest.mark.parametrize("command", ["metrics", "brief"])
def test_a_200_mb_data_file_is_refused_up_front(tmp_path: Path, command: str) -> None:
    with (tmp_path / "huge.csv").open("wb") as handle:
        handle.truncate(200 * 2**20)  # sparse: refused on its size, before any reading
    code, _, err = cli(command, "--data", "huge.csv", cwd=tmp_path)
    assert one_error(command, code, err) == (
        "huge.csv: is 209,715,200 bytes; the limit of a dataset file is 128 MB and 500,000 rows "
        "(split it, or keep only the countries and years you need)"
    )
    assert os.listdir(tmp_path) == ["huge.csv"]


def test_brief_takes_the_item_lists_metrics_takes(tmp_path: Path) -> None:
    definition = "ip_charges,ict_services,consulting"
    code, out, err = cli("metrics", "--definition", definition, "--format", "csv", cwd=tmp_path)
    assert (code, err) == (0, "") and f',"{definition}",' in out
    code, out, err = cli("brief", "--definition", definition, "--out", "b.xlsx", cwd=tmp_path)
    assert (code, out, err) == (0, "wrote b.xlsx\n", "")
    assert openpyxl.load_workbook(tmp_path / "b.xlsx")["Assumptions"]["B5"].value == "custom"
