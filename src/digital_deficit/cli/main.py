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
    """Run the command and return its exit status, with any error in one line on stderr.

    0: done. 2: what the user typed or gave cannot be used (a bad argument or option, a
    scenario file, a data or official file that cannot be read, years without figures, a
    request the BoJ refuses): every DigitalDeficitError. 1: the work could not be finished
    although the request was sound (an output that exists without --force or cannot be
    written, a server or network failure during a fetch, a scenario that failed).
    130: interrupted (Ctrl-C).
    """
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
    except KeyboardInterrupt:  # Ctrl-C while reading or computing: no traceback
        sys.stderr.write(f"digital-deficit {args.command}: interrupted\n")
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
