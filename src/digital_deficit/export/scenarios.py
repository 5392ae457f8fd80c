"""Scenario files: one briefing per ``[[scenario]]`` table of a TOML file.

    [defaults]              # optional, shared by every scenario
    lang = "en"

    [[scenario]]
    name = "narrow-linear"  # also the file name unless ``out`` is given
    definition = "narrow"
    projection_method = "linear"

Keys are the options of ``digital-deficit brief`` (``from``/``to`` for the period range);
an unknown key is an error that names it. A relative ``data`` path is read from the scenario
file's folder; outputs go to the --out-dir folder (``out`` is a bare file name ending .xlsx).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from digital_deficit.core.errors import DigitalDeficitError, one_line, shown
from digital_deficit.data.options import problem_text
from digital_deficit.export.options import BriefOptions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_LONGEST_NAME = 80
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")}
)
"""Names Windows keeps for devices, with any extension (NUL.txt, con.x.xlsx): such a file
cannot be created there."""


def file_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a file name on every operating system (None when it can).

    Letters, digits, '.', '_' and '-' only (no path separator, space or control character), a
    letter or digit first, no dot last (Windows drops it), not a Windows device name, at
    most 80 characters. Names that differ only in case are checked by ``load_scenarios``.
    """
    bad = next((c for c in name if not (c.isascii() and (c.isalnum() or c in "._-"))), None)
    if bad is not None:
        kind = (
            "a path separator"
            if bad in "/\\"
            else "a space"
            if bad == " "
            else "a control character"
            if not bad.isprintable()
            else "a character file names cannot hold everywhere"
        )
        return f"contains {shown(bad)}, {kind}; use letters, digits, '.', '_' or '-'"
    if not name[:1].isalnum():
        return "must start with a letter or a digit"
    if name.endswith("."):
        return "ends with '.', which Windows drops from file names"
    if name.split(".")[0].upper() in _WINDOWS_DEVICES:
        return (
            f"is {shown(name.split('.')[0])}, a device name Windows reserves (with any extension)"
        )
    if len(name) > _LONGEST_NAME:
        return f"has {len(name)} characters; at most {_LONGEST_NAME}"
    return None


@dataclass(frozen=True)
class _Scenario:
    name: str
    out: Any


class ScenarioFileError(DigitalDeficitError):
    """A scenario file cannot be used; the message names the file and the key."""


_SCENARIO_ONLY = ("name", "out")


class ScenarioFile(BaseModel):
    """The whole file: optional defaults and at least one scenario (checked one by one)."""

    model_config = ConfigDict(extra="forbid")

    defaults: dict[str, Any] = Field(default_factory=dict)
    scenario: list[dict[str, Any]] = Field(min_length=1)


def _key(name: str) -> str:
    """An option as a scenario file names it: start -> from, end -> to."""
    alias = BriefOptions.model_fields[name].alias if name in BriefOptions.model_fields else None
    return alias or name


def _problem(exc: ValidationError, where: str) -> str:
    errors = exc.errors()
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = [str(p) for p in first["loc"]]
    if first["type"] == "extra_forbidden":
        return f"{where}unknown key {loc[-1]!r}"
    if first["type"] == "missing":
        return f"{where}missing key {loc[-1]!r}"
    return where + problem_text(exc, _key, ": ")


def _check_keys(table: dict[str, Any], where: str) -> None:
    """Every key is an option of the briefing (or, in a scenario, its name or out)."""
    known = {_key(n) for n in BriefOptions.model_fields} | set(BriefOptions.model_fields)
    for key in table:
        if key not in known:
            raise ScenarioFileError(f"{where}unknown key {key!r}")


def _file_name(scenario: _Scenario, where: str) -> str:
    """The workbook's file name: ``out``, else the name with .xlsx (checked as file names)."""
    out: object = scenario.out
    if out is None:
        return f"{scenario.name}.xlsx"
    if not isinstance(out, str):
        problem = "must be a file name ending in .xlsx"
    elif not out.lower().endswith(".xlsx"):
        problem = "must end in .xlsx"
    else:
        problem = file_name_problem(out) or ""
    if problem or not isinstance(out, str):
        raise ScenarioFileError(f"{where}: out {shown(out)} {problem} (a file name in --out-dir)")
    return out


def load_scenarios(path: str | Path, out_dir: str | Path) -> list[tuple[str, BriefOptions, Path]]:
    """(name, options, output file) of every scenario; raises ScenarioFileError."""
    source = Path(path)
    try:
        raw = tomllib.loads(source.read_text("utf-8"))
        parsed = ScenarioFile.model_validate(raw)
    except OSError as exc:
        raise ScenarioFileError(f"{source}: cannot read ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ScenarioFileError(f"{source}: not valid TOML ({one_line(str(exc), 200)})") from None
    except RecursionError:  # tables or arrays nested thousands deep
        raise ScenarioFileError(f"{source}: nested too deeply to read") from None
    except ValidationError as exc:
        raise ScenarioFileError(_problem(exc, f"{source}: ")) from None
    defaults = parsed.defaults
    _check_keys(defaults, f"{source}: [defaults]: ")
    found: list[tuple[str, BriefOptions, Path]] = []
    outputs: dict[str, tuple[str, Path]] = {}
    for number, table in enumerate(parsed.scenario, start=1):
        where = f"{source}: scenario {number}"
        _check_keys({k: v for k, v in table.items() if k not in _SCENARIO_ONLY}, f"{where}: ")
        if not isinstance(table.get("name"), str):
            raise ScenarioFileError(f"{where}: missing key 'name'")
        scenario = _Scenario(table["name"], table.get("out"))
        problem = file_name_problem(scenario.name) if scenario.name else "is empty"
        if problem:
            raise ScenarioFileError(f"{where}: name {shown(scenario.name)} {problem}")
        own = {k: v for k, v in table.items() if k not in _SCENARIO_ONLY}
        chosen = {**defaults, **own}
        data = chosen.get("data")
        if isinstance(data, str) and data and not Path(data).is_absolute():
            chosen["data"] = str(source.parent / chosen["data"])
        try:
            options = BriefOptions(**chosen)
        except ValidationError as exc:
            raise ScenarioFileError(_problem(exc, f"{where} ({scenario.name}): ")) from None
        target = Path(out_dir) / _file_name(scenario, f"{where} ({scenario.name})")
        # Windows and macOS file names ignore case: a.xlsx and A.xlsx are one file there
        held = outputs.get(target.name.casefold())
        if held is not None:
            other, other_target = held
            same = (
                f"writes {target}, as does {other}"
                if other_target == target
                else f"writes {target.name}, the same file as {other_target.name} of {other} on "
                "Windows and macOS (their file names ignore case)"
            )
            raise ScenarioFileError(f"{where} ({scenario.name}) {same}")
        outputs[target.name.casefold()] = (scenario.name, target)
        found.append((scenario.name, options, target))
    return found
