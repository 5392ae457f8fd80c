"""`digital-deficit brief`: build the briefing workbook (or one per scenario)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from digital_deficit.core.current_account import CF_METHOD_IDS, DEFAULT_CF_METHOD
from digital_deficit.core.definitions import DEFAULT_DEFINITION, DEFINITIONS
from digital_deficit.core.references import YEN_PER_DOUBLING

from .common import CliError, year_arg

NAME = "brief"
HELP = "build the briefing workbook (.xlsx, no Excel needed)"


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    p = sub.add_parser(NAME, help=HELP, description=HELP)
    p.add_argument("--out", default="briefing.xlsx", help="workbook to write (briefing.xlsx)")
    p.add_argument("--force", action="store_true", help="overwrite an existing workbook")
    p.add_argument(
        "--data",
        default=None,
        help="dataset file read on top of the embedded one (default: $DIGITAL_DEFICIT_DATA if set)",
    )
    p.add_argument("--basis", choices=["CY", "FY"], default="CY", type=str.upper)
    p.add_argument("--from", dest="start", type=year_arg, default=None, metavar="YEAR")
    p.add_argument("--to", dest="end", type=year_arg, default=None, metavar="YEAR")
    p.add_argument("--definition", choices=list(DEFINITIONS), default=DEFAULT_DEFINITION)
    p.add_argument("--cf-method", choices=list(CF_METHOD_IDS), default=DEFAULT_CF_METHOD)
    p.add_argument(
        "--repatriation-share",
        type=float,
        default=None,
        metavar="R",
        help="share of primary income coming home, 0 to 1 (repatriation method)",
    )
    p.add_argument("--projection-method", choices=["cagr", "linear"], default="cagr")
    p.add_argument(
        "--target-year",
        type=year_arg,
        default=None,
        metavar="YEAR",
        help="projection target year (default 2030)",
    )
    p.add_argument(
        "--yen-per-doubling",
        type=float,
        default=YEN_PER_DOUBLING.default,
        metavar="YEN",
        help="FX assumption (default 5.5; published range 5-6)",
    )
    p.add_argument("--lang", choices=["en", "ja"], default="en")
    p.add_argument("--author", default="digital-deficit", help="document author property")
    p.add_argument(
        "--scenarios",
        default=None,
        metavar="FILE.toml",
        help="build one workbook per [[scenario]] of a TOML file",
    )
    p.add_argument("--out-dir", default=".", help="directory of the scenario workbooks (.)")
    p.set_defaults(run=run)
    _DEFAULTS.update({dest: p.get_default(dest) for dest in [*_SINGLE_ONLY, "out_dir"]})


# Flags of a single briefing: with --scenarios the file sets these (in [defaults] or per scenario).
_SINGLE_ONLY: dict[str, str] = {
    "out": "--out",
    "data": "--data",
    "basis": "--basis",
    "start": "--from",
    "end": "--to",
    "definition": "--definition",
    "cf_method": "--cf-method",
    "repatriation_share": "--repatriation-share",
    "projection_method": "--projection-method",
    "target_year": "--target-year",
    "yen_per_doubling": "--yen-per-doubling",
    "lang": "--lang",
    "author": "--author",
}
_DEFAULTS: dict[str, Any] = {}


def _options(args: argparse.Namespace) -> Any:
    from digital_deficit.export.options import BriefOptions

    try:
        return BriefOptions(
            data=args.data,
            basis=args.basis,
            start=args.start,
            end=args.end,
            definition=args.definition,
            cf_method=args.cf_method,
            repatriation_share=args.repatriation_share,
            projection_method=args.projection_method,
            target_year=args.target_year,
            yen_per_doubling=args.yen_per_doubling,
            lang=args.lang,
            author=args.author,
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        key = "--" + str(first["loc"][-1]).replace("_", "-") if first["loc"] else ""
        key = {"--start": "--from", "--end": "--to"}.get(key, key)
        message = str(first["msg"]).removeprefix("Value error, ")
        message = message.replace("cf_method repatriation", "--cf-method repatriation").replace(
            "repatriation_share", "--repatriation-share"
        )
        raise CliError(f"{key}: {message}" if key else message) from None


def run(args: argparse.Namespace) -> int:
    """Build and write; returns the exit status."""
    if args.scenarios:
        given = [
            flag for dest, flag in _SINGLE_ONLY.items() if getattr(args, dest) != _DEFAULTS[dest]
        ]
        if given:
            raise CliError(
                f"{', '.join(given)} cannot be used with --scenarios; "
                "set them in the scenario file (its [defaults] table or a [[scenario]])"
            )
        return _run_scenarios(args)
    if args.out_dir != _DEFAULTS["out_dir"]:
        raise CliError("--out-dir is for --scenarios; give the workbook with --out")
    from digital_deficit.data.csvio import DatasetFileError
    from digital_deficit.data.dataset import DuplicateObservationError
    from digital_deficit.export.builder import write_briefing
    from digital_deficit.export.numbers import NoPeriodsError, TargetYearError

    options = _options(args)
    out = Path(args.out)
    try:
        write_briefing(options, out, force=args.force)
    except (NoPeriodsError, TargetYearError, DatasetFileError, DuplicateObservationError) as exc:
        raise CliError(str(exc), 1) from None
    except FileExistsError:
        raise
    except KeyboardInterrupt:
        raise CliError(f"interrupted; {out} was not written", 130) from None
    except OSError as exc:
        raise CliError(
            f"cannot write {out}: {exc.strerror}" if exc.strerror else str(exc), 1
        ) from None
    print(f"wrote {out}")
    return 0


def _run_scenarios(args: argparse.Namespace) -> int:
    from digital_deficit.export.batch import run_batch
    from digital_deficit.export.scenarios import load_scenarios

    out_dir = Path(args.out_dir)
    if not out_dir.is_dir():
        raise CliError(f"--out-dir {out_dir} is not a directory", 1)
    jobs = load_scenarios(args.scenarios, out_dir)
    try:
        results = run_batch(jobs, force=args.force, show_progress=sys.stderr.isatty())
    except KeyboardInterrupt:
        raise CliError(
            "interrupted; finished workbooks are complete, others not written", 130
        ) from None
    failed = [r for r in results if r.error]
    for r in results:
        if r.error:
            sys.stderr.write(f"digital-deficit brief: error: {r.name}: {r.error}\n")
        else:
            print(f"wrote {r.out}")
    return 1 if failed else 0
