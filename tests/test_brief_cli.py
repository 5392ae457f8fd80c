"""`digital-deficit brief`: writes atomically, refuses to overwrite, one-line errors, batches."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from digital_deficit.cli.main import main
from digital_deficit.export import builder


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["brief", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_writes_the_default_briefing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "briefing.xlsx"
    code, stdout, err = run(["--out", str(out), "--author", "Desk"], capsys)
    assert (code, stdout, err) == (0, f"wrote {out}\n", "")
    wb = openpyxl.load_workbook(out)
    assert wb.properties.creator == "Desk"
    assert wb["Assumptions"]["B5"].value == "mof3"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.xlsx"]


def test_options_reach_the_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "b.xlsx"
    args = ["--out", str(out), "--definition", "narrow", "--cf-method", "oguro2", "--from", "2018"]
    args += ["--projection-method", "linear", "--target-year", "2035", "--lang", "ja"]
    assert run(args, capsys)[0] == 0
    wb = openpyxl.load_workbook(out, data_only=True)
    inputs = wb["前提"]
    assert [inputs[f"B{r}"].value for r in (5, 7, 9, 12, 13)] == [
        "narrow",
        2018,
        "oguro2",
        "linear",
        2035,
    ]
    assert wb["デジタル収支"]["C4"].value == 2018


def test_existing_output_is_refused_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "briefing.xlsx"
    out.write_bytes(b"keep me")
    code, _, err = run(["--out", str(out)], capsys)
    assert code == 1
    assert err == f"digital-deficit brief: error: {out} exists; use --force to overwrite it\n"
    assert out.read_bytes() == b"keep me"
    assert run(["--out", str(out), "--force"], capsys)[0] == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "Cover"


def test_unwritable_path_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "b.xlsx"
    code, _, err = run(["--out", str(out)], capsys)
    assert code == 1
    assert err == f"digital-deficit brief: error: cannot write {out}: No such file or directory\n"


def test_a_crash_while_writing_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "briefing.xlsx"
    out.write_bytes(b"old briefing")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(builder.os, "replace", interrupted)
    code, _, err = run(["--out", str(out), "--force"], capsys)
    assert code == 130
    assert err == f"digital-deficit brief: error: interrupted; {out} was not written\n"
    assert out.read_bytes() == b"old briefing"
    assert sorted(os.listdir(tmp_path)) == ["briefing.xlsx"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cf-method", "repatriation"], "--cf-method repatriation needs --repatriation-share"),
        (["--repatriation-share", "1.5"], "--repatriation-share: Input should be less than"),
        (["--from", "2030"], "no CY figures between 2030 and the last year"),
    ],
)
def test_bad_options_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(["--out", str(tmp_path / "b.xlsx"), *args], capsys)
    assert code in (1, 2)
    assert err.startswith(f"digital-deficit brief: error: {message}")
    assert err.count("\n") == 1
    assert not (tmp_path / "b.xlsx").exists()


def test_bad_data_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "bad.csv"
    data.write_text("country,basis\nJPN,CY\n", encoding="utf-8")
    code, _, err = run(["--out", str(tmp_path / "b.xlsx"), "--data", str(data)], capsys)
    assert code == 1 or code == 2
    assert err.startswith(f"digital-deficit brief: error: {data}")
    assert err.count("\n") == 1


def test_scenarios_build_one_workbook_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenarios = tmp_path / "s.toml"
    scenarios.write_text(
        '[[scenario]]\nname = "base"\n\n'
        '[[scenario]]\nname = "narrow"\ndefinition = "narrow"\n\n'
        '[[scenario]]\nname = "japanese"\nlang = "ja"\nbasis = "FY"\n',
        encoding="utf-8",
    )
    code, out, err = run(["--scenarios", str(scenarios), "--out-dir", str(tmp_path)], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"wrote {tmp_path / n}.xlsx" for n in ("base", "narrow", "japanese")
    ]
    assert openpyxl.load_workbook(tmp_path / "narrow.xlsx")["Assumptions"]["B5"].value == "narrow"
    assert openpyxl.load_workbook(tmp_path / "japanese.xlsx").sheetnames[0] == "表紙"
    code, _, err = run(["--scenarios", str(scenarios), "--out-dir", str(tmp_path)], capsys)
    assert code == 1
    assert "exist; use --force to overwrite" in err


def test_scenario_unknown_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenarios = tmp_path / "s.toml"
    scenarios.write_text('[[scenario]]\nname = "a"\ndefinitoin = "narrow"\n', encoding="utf-8")
    code, _, err = run(["--scenarios", str(scenarios), "--out-dir", str(tmp_path)], capsys)
    assert code == 2
    assert err == (
        f"digital-deficit brief: error: {scenarios}: scenario 1: unknown key 'definitoin'\n"
    )
