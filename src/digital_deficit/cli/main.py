"""Entry point of the `digital-deficit` command."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

import digital_deficit
from digital_deficit import __version__
from digital_deficit.core.errors import DigitalDeficitError

from .common import CliError, OneLineParser

# the package's own one-line description: "Japan's digital deficit and ..."
_DESCRIPTION = (digital_deficit.__doc__ or "").splitlines()[0].removeprefix("digital-deficit: ")

# Each subcommand lives in its own module with NAME, HELP, register(sub) and run(args).
SUBCOMMANDS: tuple[str, ...] = ("metrics_cmd", "brief_cmd", "fetch_cmd", "import_cmd")


def build_parser() -> OneLineParser:
    """The argument parser with every subcommand registered."""
    parser = OneLineParser(prog="digital-deficit", description=_DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    for module in SUBCOMMANDS:
        importlib.import_module(f"digital_deficit.cli.{module}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; exit status 0 ok, 1 failure, 2 bad arguments."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except CliError as exc:
        sys.stderr.write(f"digital-deficit {args.command}: error: {exc}\n")
        return exc.code
    except (DigitalDeficitError, FileExistsError) as exc:
        sys.stderr.write(f"digital-deficit {args.command}: error: {exc}\n")
        return 2 if isinstance(exc, DigitalDeficitError) else 1
    except OSError as exc:
        sys.stderr.write(f"digital-deficit {args.command}: error: {exc}\n")
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
