"""The exit statuses of every command (cli.main, README): 2 for what the user typed or gave,
1 for work that could not be finished, 130 for Ctrl-C; always one line on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from digital_deficit.cli import metrics_cmd
from digital_deficit.cli.main import main
from digital_deficit.data.csvio import DatasetFileError


def _raises(exc: BaseException) -> object:
    def load(*args: object, **kwargs: object) -> object:
        raise exc

    return load


@pytest.mark.parametrize(
    ("exc", "code", "line"),
    [
        (KeyboardInterrupt(), 130, "digital-deficit metrics: interrupted\n"),
        (
            DatasetFileError("d.csv", 3, "value", "is the text 'x'; expected a number"),
            2,
            "digital-deficit metrics: error: d.csv, line 3, field value: is the text 'x'; "
            "expected a number\n",
        ),
        (
            PermissionError(13, "Permission denied", "d.csv"),
            1,
            "digital-deficit metrics: error: [Errno 13] Permission denied: 'd.csv'\n",
        ),
    ],
)
def test_each_kind_of_failure_has_its_status_and_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    exc: BaseException,
    code: int,
    line: str,
) -> None:
    monkeypatch.setattr(metrics_cmd, "load_dataset", _raises(exc))
    assert main(["metrics"]) == code
    assert capsys.readouterr().err == line


def test_an_output_that_exists_is_1_and_a_missing_data_file_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.xlsx"
    out.write_bytes(b"keep")
    assert main(["brief", "--out", str(out)]) == 1
    missing = tmp_path / "missing.csv"
    for command in (["metrics"], ["brief", "--out", str(tmp_path / "new.xlsx")]):
        assert main([*command, "--data", str(missing)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[1:] == [
        f"digital-deficit {c}: error: {missing}: cannot be read (No such file or directory)"
        for c in ("metrics", "brief")
    ]
    assert out.read_bytes() == b"keep"
