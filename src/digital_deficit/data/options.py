"""The options of a computation, one model: it gives the CLI flags of `metrics` and `brief`, the
keys of scenario files and the input rows of the briefing's Assumptions sheet.

Each field carries its metadata (``json_schema_extra``): ``flag``, ``help``, ``metavar``,
``choices``, ``type`` (how the CLI reads it: year, float, upper) and, for an input of the
Assumptions sheet, ``sheet`` (its defined name). A bad value raises ``OptionProblem`` naming the
option; the same check answers the CLI, a scenario file and a Python call alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from digital_deficit.core.current_account import CF_METHOD_IDS, DEFAULT_CF_METHOD
from digital_deficit.core.definitions import DEFAULT_DEFINITION, get_definition
from digital_deficit.core.errors import InputError, UnknownNameError, one_line, shown
from digital_deficit.core.periods import BASES


class OptionProblem(ValueError):
    """A bad option: ``option`` is the field at fault, ``problem`` the rest of the sentence;
    ``{field}`` in the problem names another option (as the CLI, a scenario file... names it)."""

    def __init__(self, option: str, problem: str) -> None:
        self.option, self.problem = option, problem
        super().__init__(self.render(lambda name: name))

    def render(self, name: Callable[[str], str], joiner: str = " ") -> str:
        """The sentence with each option named by ``name``: "--from 2025 is after --to 2020"."""
        names = _Names(name)
        return f"{name(self.option)}{joiner}{self.problem.format_map(names)}"


class _Names(dict[str, str]):
    def __init__(self, name: Callable[[str], str]) -> None:
        super().__init__()
        self.name = name

    def __missing__(self, key: str) -> str:
        return self.name(key)


def option(default: Any, flag: str, help: str, **meta: Any) -> Any:
    """A field with its CLI flag, help text and other metadata."""
    alias = meta.pop("alias", None)
    bounds = {k: meta.pop(k) for k in ("ge", "le") if k in meta}
    extra = {"flag": flag, "help": help, **meta}
    return Field(default, alias=alias, json_schema_extra=extra, **bounds)


def _year(v: int | None, name: str) -> int | None:
    if v is not None and not 1850 <= v <= 2100:
        raise OptionProblem(name, f"{v} is not a year from 1850 to 2100")
    return v


def number_between(name: str, value: float | None, low: float, high: float) -> float | None:
    """A finite number from ``low`` to ``high`` (None passes)."""
    if value is not None and not (math.isfinite(value) and low <= value <= high):
        raise OptionProblem(name, f"is {value:g}; expected a number from {low:g} to {high:g}")
    return value


def _one_of(name: str, value: str, allowed: tuple[str, ...], what: str, upper: bool) -> str:
    key = value.strip().upper() if upper else value.strip().lower()
    if key not in allowed:
        raise OptionProblem(name, f"{value!r} is not {what}; expected one of: {', '.join(allowed)}")
    return key


class MetricOptions(BaseModel):
    """What a computation over the data is: which data, periods, definition and method."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    data: str | None = option(
        None,
        "--data",
        "dataset file read on top of the embedded one "
        "(default: the DIGITAL_DEFICIT_DATA environment variable, if set)",
        metavar="FILE",
    )
    basis: str = option(
        "CY",
        "--basis",
        "calendar year (CY, default) or Japanese fiscal year (FY, April-March)",
        choices=("CY", "FY"),
        type="upper",
    )
    start: int | None = option(
        None, "--from", "first year shown", alias="from", metavar="YEAR", type="year"
    )
    end: int | None = option(
        None, "--to", "last year shown", alias="to", metavar="YEAR", type="year"
    )
    base_year: int | None = option(
        None,
        "--base-year",
        "base period of the growth multiple (default: the first shown)",
        metavar="YEAR",
        type="year",
        sheet="Base_Year",
    )
    definition: str = option(
        DEFAULT_DEFINITION,
        "--definition",
        "digital-deficit definition: mof3 (default), narrow, or item ids separated by commas "
        "(e.g. ip_charges,ict_services,consulting)",
        metavar="DEF",
        sheet="Definition",
    )
    cf_method: str = option(
        DEFAULT_CF_METHOD,
        "--cf-method",
        "cash-flow method (default karakama)",
        choices=CF_METHOD_IDS,
        sheet="CF_Method",
    )
    repatriation_share: float | None = option(
        None,
        "--repatriation-share",
        "share of primary income that comes home, 0 to 1 (repatriation method)",
        metavar="R",
        type="float",
        sheet="Repatriation_Share",
        bounds=(0, 1),
    )
    release: str = option(
        "latest",
        "--release",
        "latest revision of every figure (default) or its first release",
        choices=("latest", "first"),
    )

    @field_validator("basis")
    @classmethod
    def _basis(cls, v: str) -> str:
        basis = _one_of("basis", v, BASES, "a basis", upper=True)
        if basis not in ("CY", "FY"):
            raise OptionProblem("basis", f"{v!r} is not a basis; expected CY or FY")
        return basis

    @field_validator("start", "end", "base_year")
    @classmethod
    def _years(cls, v: int | None, info: Any) -> int | None:
        return _year(v, info.field_name)

    @field_validator("definition")
    @classmethod
    def _definition(cls, v: str) -> str:
        if v.strip().lower() == "custom":
            raise OptionProblem(
                "definition",
                "'custom' is not a definition; name its items instead, separated by commas "
                "(e.g. computer_services,consulting)",
            )
        try:
            chosen = get_definition(v)
        except UnknownNameError as exc:
            if exc.kind == "definition":
                raise OptionProblem(
                    "definition",
                    f"{shown(v)} is not a definition; expected mof3, narrow or item ids "
                    "separated by commas (e.g. computer_services,consulting)",
                ) from None
            raise OptionProblem("definition", f"{shown(v)}: {one_line(str(exc), 300)}") from None
        except InputError as exc:  # the place in the list, not an Excel cell: "item 2 ..."
            raise OptionProblem("definition", f"{shown(v)}: {one_line(exc.detail, 300)}") from None
        return chosen.id if chosen.id != "custom" else ",".join(chosen.items)

    @field_validator("cf_method")
    @classmethod
    def _cf_method(cls, v: str) -> str:
        return _one_of("cf_method", v, CF_METHOD_IDS, "a cash-flow method", upper=False)

    @field_validator("repatriation_share")
    @classmethod
    def _share(cls, v: float | None) -> float | None:
        low, high = field_meta(MetricOptions, "repatriation_share")["bounds"]
        return number_between("repatriation_share", v, low, high)

    @field_validator("release")
    @classmethod
    def _release(cls, v: str) -> str:
        return _one_of("release", v, ("latest", "first"), "a release", upper=False)

    @model_validator(mode="after")
    def _consistent(self) -> MetricOptions:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise OptionProblem("start", f"{self.start} is after {{end}} {self.end}")
        if self.cf_method == "repatriation" and self.repatriation_share is None:
            raise OptionProblem("cf_method", "repatriation needs {repatriation_share} (0 to 1)")
        if self.cf_method != "repatriation" and self.repatriation_share is not None:
            raise OptionProblem("repatriation_share", "applies only to {cf_method} repatriation")
        return self


def field_meta(model: type[BaseModel], name: str) -> Mapping[str, Any]:
    """The metadata of one option (flag, help, sheet...)."""
    extra = model.model_fields[name].json_schema_extra
    return extra if isinstance(extra, dict) else {}


def problem_text(exc: ValidationError, name: Callable[[str], str], joiner: str = " ") -> str:
    """One line for a validation error, with options named by ``name`` (a flag, a key)."""
    errors = exc.errors()
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    found = first.get("ctx", {}).get("error")
    if isinstance(found, OptionProblem):
        return found.render(name, joiner)
    loc = [str(p) for p in first["loc"]]
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{name(loc[-1])}: {message}" if loc else message
