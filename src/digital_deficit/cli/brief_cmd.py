"""`digital-deficit brief`: build the briefing workbook (or one per scenario)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import CliError
from .options import add_flags, given_flags, read_options

NAME = "brief"
HELP = "build the briefing workbook (.xlsx, no Excel needed)"
# Flags of the command itself (the options model gives the rest: --data, --basis, --from ...).
_OUT_DIR = "."


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    from digital_deficit.export.options import BriefOptions

    p = sub.add_parser(NAME, help=HELP, description=HELP)
    p.add_argument("--out", default=None, help="workbook to write (briefing.xlsx)")
    p.add_argument("--force", action="store_true", help="overwrite an existing workbook")
    add_flags(p, BriefOptions)
    p.add_argument(
        "--scenarios",
        default=None,
        metavar="FILE.toml",
        help="build one workbook per [[scenario]] of a TOML file",
    )
    p.add_argument("--out-dir", default=None, help="directory of the scenario workbooks (.)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build and write; returns the exit status."""
    from digital_deficit.export.options import BriefOptions

    if args.scenarios:
        given = (["--out"] if args.out is not None else []) + given_flags(args, BriefOptions)
        if given:
            raise CliError(
                f"{', '.join(given)} cannot be used with --scenarios; "
                "set them in the scenario file (its [defaults] table or a [[scenario]])"
            )
        return _run_scenarios(args)
    if args.out_dir is not None:
        raise CliError("--out-dir is for --scenarios; give the workbook with --out")
    from digital_deficit.export.builder import write_briefing
    from digital_deficit.export.pdf import pdf_path, pdf_target

    options = read_options(args, BriefOptions)
    out = Path(args.out or "briefing.xlsx")
    if options.pdf:
        pdf_target(out, args.force)  # no LibreOffice, or the PDF exists: one line, nothing said
        sys.stderr.write(f"building {out}, then printing {pdf_path(out)} with LibreOffice\n")
    try:  # a bad data file or years without figures: a DigitalDeficitError, exit 2 (main)
        built = write_briefing(options, out, force=args.force)
    except KeyboardInterrupt:
        raise CliError(f"interrupted; {out} was not written", 130) from None
    except OSError as exc:
        if isinstance(exc, FileExistsError):
            raise
        raise CliError(
            f"cannot write {out}: {exc.strerror}" if exc.strerror else str(exc), 1
        ) from None
    print(f"wrote {out}")
    if options.pdf:
        print(f"wrote {pdf_path(out)}")
    warning = built.fallback_warning()
    if warning is not None:  # never a silent fallback to older embedded figures
        sys.stderr.write(f"warning: {warning}\n")
    return 0


def make_out_dir(out_dir: Path) -> None:
    """Create --out-dir (and its parents) when it does not exist, as the README's example needs."""
    if out_dir.is_dir():
        return
    if out_dir.exists():
        raise CliError(f"--out-dir {out_dir} is not a directory", 1)
    try:
        out_dir.mkdir(parents=True)
    except OSError as exc:
        raise CliError(f"cannot create --out-dir {out_dir}: {exc.strerror or exc}", 1) from None


def _run_scenarios(args: argparse.Namespace) -> int:
    from digital_deficit.export.batch import run_batch
    from digital_deficit.export.pdf import pdf_path
    from digital_deficit.export.scenarios import load_scenarios

    out_dir = Path(args.out_dir or _OUT_DIR)
    jobs = load_scenarios(args.scenarios, out_dir)  # a bad file creates no directory
    make_out_dir(out_dir)
    try:
        results = run_batch(jobs, force=args.force, show_progress=sys.stderr.isatty())
    except KeyboardInterrupt:
        raise CliError(
            "interrupted; finished workbooks are complete, others not written", 130
        ) from None
    failed = [r for r in results if r.error]
    for (_, options, _), r in zip(jobs, results, strict=True):
        if r.error:
            sys.stderr.write(f"digital-deficit brief: error: {r.name}: {r.error}\n")
            continue
        print(f"wrote {r.out}")
        if options.pdf:
            print(f"wrote {pdf_path(r.out)}")
        if r.warning is not None:
            sys.stderr.write(f"warning: {r.name}: {r.warning}\n")
    return 1 if failed else 0
