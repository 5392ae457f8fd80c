"""`digital-deficit brief`: writes atomically, refuses to overwrite, one-line errors, batches."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from digital_deficit.cli.main import main
from digital_deficit.data import csvio
from digital_deficit.export import batch
from digital_deficit.export.options import BriefOptions


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["brief", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_writes_the_default_briefing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "briefing.xlsx"
    code, stdout, err = run(["--out", str(out), "--author", "Desk"], capsys)
    assert (code, stdout, err) == (0, f"wrote {out}\n", "")
    wb = openpyxl.load_workbook(out)
    assert wb.properties.creator == "Desk"
    assert wb["Assumptions"]["B5"].value == "mof3"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.xlsx"]


@pytest.mark.slow
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

    monkeypatch.setattr(csvio.os, "replace", interrupted)
    code, _, err = run(["--out", str(out), "--force"], capsys)
    assert code == 130
    assert err == f"digital-deficit brief: error: interrupted; {out} was not written\n"
    assert out.read_bytes() == b"old briefing"
    assert sorted(os.listdir(tmp_path)) == ["briefing.xlsx"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cf-method", "repatriation"], "--cf-method repatriation needs --repatriation-share"),
        # one options model: the message metrics gives too (was pydantic's "Input should be...")
        (
            ["--repatriation-share", "1.5", "--cf-method", "repatriation"],
            "--repatriation-share is 1.5; expected a number from 0 to 1\n",
        ),
        (["--from", "2030"], "no CY figures between 2030 and the last year"),
        (
            ["--target-year", "2020"],
            "target year 2020 is not after the last year shown (2025); give a year from 2026 on\n",
        ),
        (
            ["--to", "2022", "--target-year", "2022"],
            "target year 2022 is not after the last year shown (2022); give a year from 2023 on\n",
        ),
        (["--out-dir", "x"], "--out-dir is for --scenarios; give the workbook with --out\n"),
    ],
)
def test_bad_options_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(["--out", str(tmp_path / "b.xlsx"), *args], capsys)
    assert code == 2  # what the user typed (issue 11: brief exited 1 for some)
    assert err.startswith(f"digital-deficit brief: error: {message}")
    assert err.count("\n") == 1
    assert not (tmp_path / "b.xlsx").exists()


def test_bad_data_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "bad.csv"
    data.write_text("country,basis\nJPN,CY\n", encoding="utf-8")
    code, _, err = run(["--out", str(tmp_path / "b.xlsx"), "--data", str(data)], capsys)
    assert code == 2
    assert err.startswith(f"digital-deficit brief: error: {data}")
    assert err.count("\n") == 1


@pytest.mark.slow  # worker processes
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


def test_a_directory_is_refused_before_asking_for_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["--out", str(tmp_path)], capsys)
    assert (code, err) == (
        1,
        f"digital-deficit brief: error: {tmp_path} is a directory; give a file name\n",
    )


def test_a_fifo_or_a_symlink_to_one_is_refused_even_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    link = tmp_path / "link.xlsx"
    link.symlink_to(fifo)
    for target in (fifo, link):
        code, _, err = run(["--out", str(target), "--force"], capsys)
        assert (code, err) == (
            1,
            f"digital-deficit brief: error: {target} is not a regular file; "
            "refusing to replace it\n",
        )
    assert sorted(os.listdir(tmp_path)) == ["link.xlsx", "pipe.xlsx"]


@pytest.mark.slow
def test_force_keeps_the_file_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "b.xlsx"
    out.write_bytes(b"old")
    out.chmod(0o640)
    assert run(["--out", str(out), "--force"], capsys)[0] == 0
    assert oct(out.stat().st_mode & 0o777) == "0o640"
    assert openpyxl.load_workbook(out).sheetnames[0] == "Cover"


def test_single_briefing_flags_are_refused_with_scenarios(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenarios = tmp_path / "s.toml"
    scenarios.write_text('[[scenario]]\nname = "a"\n', encoding="utf-8")
    args = ["--scenarios", str(scenarios), "--lang", "ja", "--definition", "narrow"]
    code, _, err = run([*args, "--out", "foo.xlsx"], capsys)
    assert (code, err) == (
        2,
        "digital-deficit brief: error: --out, --definition, --lang cannot be used with "
        "--scenarios; set them in the scenario file (its [defaults] table or a [[scenario]])\n",
    )
    assert os.listdir(tmp_path) == ["s.toml"]


@pytest.mark.parametrize(
    ("out", "problem"),
    [
        ("../escaped.xlsx", "contains '/', a path separator; use letters, digits, '.', '_' or '-'"),
        ("/tmp/abs.xlsx", "contains '/', a path separator; use letters, digits, '.', '_' or '-'"),
        ("sub/x.xlsx", "contains '/', a path separator; use letters, digits, '.', '_' or '-'"),
        ("a.txt", "must end in .xlsx"),
        (".x.xlsx", "must start with a letter or a digit"),
        ("nul.xlsx", "is 'nul', a device name Windows reserves (with any extension)"),
    ],
)
def test_scenario_out_must_be_a_bare_xlsx_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str, problem: str
) -> None:
    scenarios = tmp_path / "s.toml"
    scenarios.write_text(f'[[scenario]]\nname = "a"\nout = "{out}"\n', encoding="utf-8")
    code, _, err = run(["--scenarios", str(scenarios), "--out-dir", str(tmp_path)], capsys)
    assert (code, err) == (
        2,
        f"digital-deficit brief: error: {scenarios}: scenario 1 (a): out {out!r} {problem} "
        "(a file name in --out-dir)\n",
    )
    assert os.listdir(tmp_path) == ["s.toml"]


@pytest.mark.slow  # worker processes
def test_one_bad_scenario_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "inj_bad.csv").write_text("country,basis\nJPN,CY\n", encoding="utf-8")
    scenarios = tmp_path / "s7.toml"
    scenarios.write_text(
        '[[scenario]]\nname = "a"\n\n'
        '[[scenario]]\nname = "bad"\ndata = "inj_bad.csv"\n\n'
        '[[scenario]]\nname = "c"\ntarget_year = 2020\n\n'
        '[[scenario]]\nname = "d"\ndefinition = "narrow"\n',
        encoding="utf-8",
    )
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = run(["--scenarios", str(scenarios), "--out-dir", str(out_dir)], capsys)
    assert code == 1
    assert out.splitlines() == [f"wrote {out_dir / n}.xlsx" for n in ("a", "d")]
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"digital-deficit brief: error: bad: {tmp_path / 'inj_bad.csv'}")
    assert lines[1] == (
        "digital-deficit brief: error: c: target year 2020 is not after the last year shown "
        "(2025); give a year from 2026 on"
    )
    assert sorted(os.listdir(out_dir)) == ["a.xlsx", "d.xlsx"]


@pytest.mark.slow  # worker processes
def test_ctrl_c_cancels_the_scenarios_not_yet_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = batch.as_completed

    def interrupted_after_first(futures: object) -> object:
        for _ in real(futures):  # type: ignore[arg-type]
            raise KeyboardInterrupt
        return iter(())

    monkeypatch.setattr(batch, "as_completed", interrupted_after_first)
    jobs = [(f"s{i}", BriefOptions(), tmp_path / f"s{i}.xlsx") for i in range(24)]
    with pytest.raises(KeyboardInterrupt):
        batch.run_batch(jobs, show_progress=False)
    written = sorted(p.name for p in tmp_path.iterdir())
    # the finished one and the few already running or queued in the workers (6 seen), not 24
    assert 1 <= len(written) <= 12
    assert all(name.endswith(".xlsx") for name in written)


@pytest.mark.slow  # worker processes
def test_a_bad_data_file_is_read_once_and_its_scenarios_not_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digital_deficit.data import embedded

    bad = tmp_path / "inj_bad.csv"
    bad.write_text("country,basis\nJPN,CY\n", encoding="utf-8")
    reads: list[str] = []
    real = embedded.load_dataset

    def counted(path: str | None = None) -> object:
        reads.append(str(path))
        return real(path)

    monkeypatch.setattr(embedded, "load_dataset", counted)
    jobs = [
        ("x", BriefOptions(data=str(bad)), tmp_path / "x.xlsx"),
        ("y", BriefOptions(data=str(bad), lang="ja"), tmp_path / "y.xlsx"),
        ("z", BriefOptions(), tmp_path / "z.xlsx"),
    ]
    results = batch.run_batch(jobs, show_progress=False)
    assert reads == [str(bad)]
    assert [r.name for r in results] == ["x", "y", "z"]
    assert results[0].error == results[1].error
    assert results[0].error is not None and results[0].error.startswith(str(bad))
    assert results[2].error is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inj_bad.csv", "z.xlsx"]
