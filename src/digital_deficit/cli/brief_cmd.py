"""`digital-deficit brief`: build the briefing workbook (placeholder until built)."""

from __future__ import annotations

import argparse
from typing import Any

from .common import CliError

NAME = "brief"
HELP = "build the briefing workbook"


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    p = sub.add_parser(NAME, help=HELP, description=HELP)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Not built yet."""
    raise CliError("brief is not available in this version", 1)
