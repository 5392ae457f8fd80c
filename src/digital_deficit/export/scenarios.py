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

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.data.options import problem_text
from digital_deficit.export.options import BriefOptions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")


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


def load_scenarios(path: str | Path, out_dir: str | Path) -> list[tuple[str, BriefOptions, Path]]:
    """(name, options, output file) of every scenario; raises ScenarioFileError."""
    source = Path(path)
    try:
        raw = tomllib.loads(source.read_text("utf-8"))
    except OSError as exc:
        raise ScenarioFileError(f"{source}: cannot read ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ScenarioFileError(f"{source}: not valid TOML ({exc})") from None
    try:
        parsed = ScenarioFile.model_validate(raw)
    except ValidationError as exc:
        raise ScenarioFileError(_problem(exc, f"{source}: ")) from None
    defaults = parsed.defaults
    _check_keys(defaults, f"{source}: [defaults]: ")
    found: list[tuple[str, BriefOptions, Path]] = []
    outputs: dict[Path, str] = {}
    for number, table in enumerate(parsed.scenario, start=1):
        where = f"{source}: scenario {number}"
        _check_keys({k: v for k, v in table.items() if k not in _SCENARIO_ONLY}, f"{where}: ")
        if not isinstance(table.get("name"), str):
            raise ScenarioFileError(f"{where}: missing key 'name'")
        scenario = _Scenario(table["name"], table.get("out"))
        if not _NAME.fullmatch(scenario.name):
            raise ScenarioFileError(
                f"{where}: name {scenario.name!r} must be letters, digits, '.', '_' or '-'"
            )
        own = {k: v for k, v in table.items() if k not in _SCENARIO_ONLY}
        chosen = {**defaults, **own}
        data = chosen.get("data")
        if isinstance(data, str) and data and not Path(data).is_absolute():
            chosen["data"] = str(source.parent / chosen["data"])
        try:
            options = BriefOptions(**chosen)
        except ValidationError as exc:
            raise ScenarioFileError(_problem(exc, f"{where} ({scenario.name}): ")) from None
        if scenario.out is not None and not (
            isinstance(scenario.out, str)
            and _NAME.fullmatch(scenario.out)
            and scenario.out.lower().endswith(".xlsx")
        ):
            raise ScenarioFileError(
                f"{where} ({scenario.name}): out {scenario.out!r} must be a file name ending in "
                ".xlsx, of letters, digits, '.', '_' or '-' (it is written in --out-dir)"
            )
        target = Path(out_dir) / (scenario.out or f"{scenario.name}.xlsx")
        if target in outputs:
            raise ScenarioFileError(
                f"{where} ({scenario.name}) writes {target}, as does {outputs[target]}"
            )
        outputs[target] = scenario.name
        found.append((scenario.name, options, target))
    return found
