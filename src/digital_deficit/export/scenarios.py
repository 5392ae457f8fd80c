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
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.export.options import BriefOptions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")


class ScenarioFileError(DigitalDeficitError):
    """A scenario file cannot be used; the message names the file and the key."""


class ScenarioSettings(BaseModel):
    """Options a scenario (or the defaults table) may set."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    data: str | None = None
    basis: str | None = None
    start: int | None = Field(default=None, alias="from")
    end: int | None = Field(default=None, alias="to")
    definition: str | None = None
    cf_method: str | None = None
    repatriation_share: float | None = None
    projection_method: str | None = None
    target_year: int | None = None
    yen_per_doubling: float | None = None
    lang: str | None = None
    author: str | None = None


class Scenario(ScenarioSettings):
    """One scenario: a name, an optional output file, and its options."""

    name: str
    out: str | None = None


class ScenarioFile(BaseModel):
    """The whole file."""

    model_config = ConfigDict(extra="forbid")

    defaults: ScenarioSettings = ScenarioSettings()
    scenario: list[dict[str, Any]] = Field(min_length=1)


def _problem(exc: ValidationError, where: str) -> str:
    errors = exc.errors()
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = [str(p) for p in first["loc"]]
    key = {"start": "from", "end": "to"}.get(loc[-1], loc[-1]) if loc else ""
    if first["type"] == "extra_forbidden":
        return f"{where}unknown key {key!r}"
    if first["type"] == "missing":
        return f"{where}missing key {key!r}"
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}{key}: {message}" if key else f"{where}{message}"


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
    defaults = parsed.defaults.model_dump(exclude_none=True)
    found: list[tuple[str, BriefOptions, Path]] = []
    outputs: dict[Path, str] = {}
    for number, table in enumerate(parsed.scenario, start=1):
        where = f"{source}: scenario {number}"
        try:
            scenario = Scenario.model_validate(table)
        except ValidationError as exc:
            raise ScenarioFileError(_problem(exc, f"{where}: ")) from None
        if not _NAME.match(scenario.name):
            raise ScenarioFileError(
                f"{where}: name {scenario.name!r} must be letters, digits, '.', '_' or '-'"
            )
        chosen = {**defaults, **scenario.model_dump(exclude_none=True, exclude={"name", "out"})}
        if chosen.get("data") and not Path(chosen["data"]).is_absolute():
            chosen["data"] = str(source.parent / chosen["data"])
        try:
            options = BriefOptions(**chosen)
        except ValidationError as exc:
            raise ScenarioFileError(_problem(exc, f"{where} ({scenario.name}): ")) from None
        if scenario.out is not None and not (
            _NAME.match(scenario.out) and scenario.out.lower().endswith(".xlsx")
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
