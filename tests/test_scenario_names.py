"""Scenario names are file names on every operating system (issue 11): a name that Windows,
macOS or Linux could not hold, or that would overwrite another scenario's workbook there, is
one error naming the scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

from digital_deficit.export.scenarios import ScenarioFileError, file_name_problem, load_scenarios

SEPARATOR = "contains '/', a path separator; use letters, digits, '.', '_' or '-'"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("evil\n", "contains '\\n', a control character; use letters, digits, '.', '_' or '-'"),
        ("tab\there", "contains '\\t', a control character; use letters, digits, '.', '_' or '-'"),
        ("a\x00b", "contains '\\x00', a control character; use letters, digits, '.', '_' or '-'"),
        ("a/b", SEPARATOR),
        ("..\\up", "contains '\\', a path separator; use letters, digits, '.', '_' or '-'"),
        ("trailing ", "contains ' ', a space; use letters, digits, '.', '_' or '-'"),
        ("a:b", "contains ':', a character file names cannot hold everywhere; "
         "use letters, digits, '.', '_' or '-'"),
        ("悲観", "contains '悲', a character file names cannot hold everywhere; "
         "use letters, digits, '.', '_' or '-'"),
        ("trailing.", "ends with '.', which Windows drops from file names"),
        (".hidden", "must start with a letter or a digit"),
        ("-flag", "must start with a letter or a digit"),
        ("con", "is 'con', a device name Windows reserves (with any extension)"),
        ("NUL.txt", "is 'NUL', a device name Windows reserves (with any extension)"),
        ("Com1", "is 'Com1', a device name Windows reserves (with any extension)"),
        ("lpt9.backup", "is 'lpt9', a device name Windows reserves (with any extension)"),
        ("a" * 81, "has 81 characters; at most 80"),
    ],
)  # fmt: skip
def test_names_no_system_could_hold(name: str, problem: str) -> None:
    assert file_name_problem(name) == problem


@pytest.mark.parametrize("name", ["base", "narrow-linear", "FY2024_v2.1", "console", "com10", "a"])
def test_ordinary_names_pass(name: str) -> None:
    assert file_name_problem(name) is None


def _load(tmp_path: Path, text: str) -> list[tuple[str, object, Path]]:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    return load_scenarios(path, tmp_path / "out")  # type: ignore[return-value]


def test_the_error_names_the_scenario(tmp_path: Path) -> None:
    with pytest.raises(ScenarioFileError) as info:
        _load(tmp_path, '[[scenario]]\nname = "ok"\n[[scenario]]\nname = "evil\\n"\n')
    assert str(info.value) == (
        f"{tmp_path / 's.toml'}: scenario 2: name 'evil\\n' contains '\\n', a control character; "
        "use letters, digits, '.', '_' or '-'"
    )
    assert "\n" not in str(info.value)


def test_names_differing_only_in_case_are_one_file_on_windows_and_macos(tmp_path: Path) -> None:
    with pytest.raises(ScenarioFileError) as info:
        _load(tmp_path, '[[scenario]]\nname = "a"\n[[scenario]]\nname = "A"\n')
    assert str(info.value) == (
        f"{tmp_path / 's.toml'}: scenario 2 (A) writes A.xlsx, the same file as a.xlsx of a on "
        "Windows and macOS (their file names ignore case)"
    )
    with pytest.raises(ScenarioFileError, match=r"scenario 2 \(c\) writes b.XLSX, the same file "):
        _load(tmp_path, '[[scenario]]\nname = "b"\n[[scenario]]\nname = "c"\nout = "b.XLSX"\n')


def test_an_empty_name_and_an_out_that_is_no_file_name(tmp_path: Path) -> None:
    with pytest.raises(ScenarioFileError, match=r"scenario 1: name '' is empty$"):
        _load(tmp_path, '[[scenario]]\nname = ""\n')
    with pytest.raises(ScenarioFileError, match=r"out 3 must be a file name ending in .xlsx"):
        _load(tmp_path, '[[scenario]]\nname = "a"\nout = 3\n')
    with pytest.raises(ScenarioFileError, match=r"out 'aux.xlsx' is 'aux', a device name"):
        _load(tmp_path, '[[scenario]]\nname = "a"\nout = "aux.xlsx"\n')
