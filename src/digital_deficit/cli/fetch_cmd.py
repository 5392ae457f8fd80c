"""`digital-deficit fetch boj`: BoJ Time-Series Data Search API -> a dataset file (atomic)."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from digital_deficit.core.items import ITEM_IDS
from digital_deficit.data.boj import CREDIT_LINE
from digital_deficit.data.boj.catalogue import DEFAULT_ITEMS
from digital_deficit.data.boj.client import BojClient, ProgressHook
from digital_deficit.data.boj.fetch import ResolutionError, fetch_boj
from digital_deficit.data.boj.parsing import BojApiError, BojFormatError
from digital_deficit.data.boj.transport import (
    DEFAULT_BASE_URL,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_MB,
    BojTransportError,
    RetryPolicy,
    Transport,
)
from digital_deficit.data.csvio import DatasetFileError
from digital_deficit.data.importers.build import import_date_vintage

from .common import CliError
from .io_common import check_out, fail, month_arg, report_and_write, warn

NAME = "fetch"
HELP = "fetch official data (BoJ Time-Series Data Search API) into a dataset file"


def _list(text: str) -> list[str]:
    return [p.strip() for p in text.split(",") if p.strip()]


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    p = sub.add_parser(NAME, help=HELP, description=HELP)
    p.add_argument("source", choices=["boj"], help="the data source")
    p.add_argument("--db", default="BP01", help="BoJ database (default BP01, balance of payments)")
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--items", type=_list, default=None, help="project item ids, comma-separated"
    )
    which.add_argument(
        "--codes", type=_list, default=None, help="BoJ series codes, comma-separated"
    )
    p.add_argument("--from", dest="start", type=month_arg, default=None, metavar="YYYY-MM")
    p.add_argument("--to", dest="end", type=month_arg, default=None, metavar="YYYY-MM")
    p.add_argument("--lang", choices=["en", "jp"], default="en")
    p.add_argument("--out", required=True, help="dataset CSV to write (read it with --data)")
    p.add_argument("--base-url", default=DEFAULT_BASE_URL, help=f"default {DEFAULT_BASE_URL}")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    p.add_argument(
        "--deadline",
        type=float,
        default=DEFAULT_DEADLINE,
        help=f"seconds the whole fetch may take (default {DEFAULT_DEADLINE:g})",
    )
    p.add_argument(
        "--max-response-mb",
        type=float,
        default=DEFAULT_MAX_MB,
        help=f"largest response accepted, in MB (default {DEFAULT_MAX_MB})",
    )
    p.add_argument("--retries", type=int, default=3, help="retries of 5xx and timeouts (max 6)")
    p.add_argument("--backoff", type=float, default=1.0, help="first wait between retries (s)")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(run=run)


@contextmanager
def _progress(enabled: bool) -> Iterator[ProgressHook | None]:
    if not enabled:
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("Fetching from the BoJ API", total=None)

        def hook(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield hook


def run(args: argparse.Namespace) -> int:
    """Resolve, fetch, print the resolution and credit line, write the dataset."""
    if args.items:
        unknown = [i for i in args.items if i not in ITEM_IDS]
        if unknown:
            raise CliError(f"unknown item {unknown[0]!r}; expected one of: {', '.join(ITEM_IDS)}")
    if args.start and args.end and args.start > args.end:
        raise CliError("--from is after --to")
    check_out(args.out, args.force)
    if not 0 <= args.retries <= 6:
        raise CliError("--retries must be 0 to 6")
    for flag, value in (
        ("--timeout", args.timeout),
        ("--deadline", args.deadline),
        ("--max-response-mb", args.max_response_mb),
    ):
        if not (math.isfinite(value) and value > 0):
            raise CliError(f"{flag} must be a number above 0, not {value:g}")
    if not (math.isfinite(args.backoff) and args.backoff >= 0):
        raise CliError(f"--backoff must be a number of seconds from 0, not {args.backoff:g}")
    transport = Transport(
        args.base_url,
        timeout=args.timeout,
        retry=RetryPolicy(attempts=args.retries + 1, backoff=args.backoff),
        deadline=args.deadline,
        max_bytes=int(args.max_response_mb * 2**20),
    )
    client = BojClient(transport, args.lang)
    items = None if args.codes else (args.items or list(DEFAULT_ITEMS))
    try:
        with _progress(sys.stderr.isatty()) as hook:
            result = fetch_boj(
                client,
                args.db,
                items,
                args.codes,
                args.start,
                args.end,
                import_date_vintage(),
                hook,
                explicit_items=bool(args.items),
            )
    except BojApiError as exc:  # STATUS 400: the request asked for was wrong (code, dates, db)
        raise CliError(str(exc), 2 if 400 <= exc.status < 500 else 1) from None
    except (DatasetFileError, BojFormatError, BojTransportError, ResolutionError) as exc:
        raise CliError(str(exc), 1) from None
    finally:
        transport.close()
    print("Series resolution (code -> project item):")
    print(result.resolution.table())
    warn(result.warnings)
    vintages = sorted({s.vintage for s in result.imported.series})
    print(f"Vintage (LAST_UPDATE): {', '.join(vintages)}; {client.requests} requests")
    print(f"Credit: {CREDIT_LINE}")
    try:
        report_and_write(result.dataset, args.out, args.force, args.out)
    except DatasetFileError as exc:
        raise fail(exc) from None
    return 0
