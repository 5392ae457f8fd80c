"""`digital-deficit import FILE`: an official data file -> a dataset file (atomic)."""

from __future__ import annotations

import argparse
from typing import Any

from digital_deficit.data.csvio import DatasetFileError
from digital_deficit.data.importers.dispatch import FORMATS, import_file
from digital_deficit.data.vintage import is_import_vintage, vintage_rank

from .common import CliError
from .io_common import check_out, fail, report_and_write, warn

UNIT_NAMES = {
    "oku_yen": "100 million yen (oku yen)",
    "usd_million": "million US dollars (usd_million)",
}

NAME = "import"
HELP = "import an official data file (BoJ API JSON/CSV, BoJ wide CSV, MOF CSV, IMF SDMX)"


def _vintage(text: str) -> str:
    """A release date YYYY-MM-DD that exists on the calendar (2026-02-30 does not)."""
    if not is_import_vintage(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-05-18")
    try:
        vintage_rank(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    p = sub.add_parser(NAME, help=HELP, description=HELP)
    p.add_argument("file", help="the official data file")
    p.add_argument("--format", choices=list(FORMATS), default=None, help="default: sniffed")
    p.add_argument("--out", required=True, help="dataset CSV to write (read it with --data)")
    p.add_argument(
        "--vintage",
        type=_vintage,
        default=None,
        help="release date YYYY-MM-DD when the file states none (default: today)",
    )
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import, print what was mapped and what it supersedes, write the dataset."""
    check_out(args.out, args.force)
    try:
        result = import_file(args.file, args.format, args.vintage)
        imported = result.imported
        print(f"{args.file}: {FORMATS[imported.format]}")
        print(f"Source: {imported.source_label}. {imported.credit}")
        _print_mapping(result.dataset)
        warn(imported.warnings)
        report_and_write(result.dataset, args.out, args.force, args.file)
    except DatasetFileError as exc:
        raise fail(exc) from None
    except CliError:
        raise
    return 0


def _print_mapping(dataset: Any) -> None:
    seen: dict[tuple[str, str, str, str], int] = {}
    for obs in dataset.observations:
        key = (obs.country, obs.item, obs.side, obs.unit)
        seen[key] = seen.get(key, 0) + 1
    print("Series imported (country item side: figures, unit):")
    for (country, item, side, unit), count in sorted(seen.items()):
        print(f"  {country} {item} {side}: {count}, {UNIT_NAMES.get(unit, unit)}")
