"""Command-line flags from the options model: one definition of every option, read alike by
`metrics` and `brief`, with one-line errors naming the flag."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from digital_deficit.data.options import field_meta, problem_text

from .common import CliError, year_arg

M = TypeVar("M", bound=BaseModel)

_TYPES: dict[str, Callable[[str], object]] = {"year": year_arg, "float": float, "upper": str.upper}


def option_names(model: type[BaseModel], skip: Iterable[str] = ()) -> list[str]:
    """The model's options that are command-line flags, in declaration order."""
    skipped = set(skip)
    return [n for n in model.model_fields if n not in skipped and "flag" in field_meta(model, n)]


def flag(model: type[BaseModel], name: str) -> str:
    """The flag of an option (field name or alias): start -> --from."""
    for field_name, info in model.model_fields.items():
        if name in (field_name, info.alias):
            return str(field_meta(model, field_name)["flag"])
    return name


def add_flags(parser: Any, model: type[BaseModel], skip: Iterable[str] = ()) -> None:
    """One flag per option; its default is None (the model's default applies when absent)."""
    for name in option_names(model, skip):
        meta = field_meta(model, name)
        default = model.model_fields[name].default
        shown = "" if default is None or "default" in meta["help"] else f" (default {default})"
        kwargs: dict[str, Any] = {"dest": name, "default": None, "help": meta["help"] + shown}
        if meta.get("type") == "flag":  # a switch: --pdf
            kwargs.update(action="store_const", const=True)
        elif "type" in meta:
            kwargs["type"] = _TYPES[meta["type"]]
        if "choices" in meta:
            kwargs["choices"] = list(meta["choices"])
        if "metavar" in meta:
            kwargs["metavar"] = meta["metavar"]
        parser.add_argument(meta["flag"], **kwargs)


def given_flags(
    args: argparse.Namespace, model: type[BaseModel], skip: Iterable[str] = ()
) -> list[str]:
    """The option flags given on the command line."""
    return [
        str(field_meta(model, n)["flag"])
        for n in option_names(model, skip)
        if getattr(args, n, None) is not None
    ]


def read_options(args: argparse.Namespace, model: type[M], skip: Iterable[str] = ()) -> M:
    """The options given on the command line, checked; a bad one is a one-line CliError."""
    given = {n: getattr(args, n) for n in option_names(model, skip) if getattr(args, n) is not None}
    try:
        return model.model_validate(given)
    except ValidationError as exc:
        raise CliError(problem_text(exc, lambda name: flag(model, name))) from None
