"""`digital-deficit metrics`: the headline metrics per period, with units and sources."""

from __future__ import annotations

import argparse
import csv
import io
import json
from typing import Any

from digital_deficit.core.current_account import CF_METHOD_IDS, DEFAULT_CF_METHOD
from digital_deficit.core.definitions import DEFAULT_DEFINITION, DEFINITIONS
from digital_deficit.core.units import format_oku_yen, format_ratio, format_trillion_yen
from digital_deficit.data.embedded import load_dataset
from digital_deficit.data.headline import METRIC_LABELS, HeadlineRow, headline_rows
from digital_deficit.data.model import Observation

from .common import CliError, year_arg

NAME = "metrics"
HELP = "print the headline metrics per period (oku yen) with the sources used"


def register(sub: Any) -> None:
    """Add the metrics subcommand to the parser."""
    p = sub.add_parser(NAME, help=HELP, description=HELP)
    p.add_argument("--basis", choices=["CY", "FY"], default="CY", type=str.upper)
    p.add_argument("--definition", choices=list(DEFINITIONS), default=DEFAULT_DEFINITION)
    p.add_argument("--cf-method", choices=list(CF_METHOD_IDS), default=DEFAULT_CF_METHOD)
    p.add_argument(
        "--repatriation-share",
        type=float,
        default=None,
        help="r for --cf-method repatriation (0 to 1)",
    )
    p.add_argument("--from", dest="start", type=year_arg, default=None, metavar="YEAR")
    p.add_argument("--to", dest="end", type=year_arg, default=None, metavar="YEAR")
    p.add_argument(
        "--base-year",
        type=year_arg,
        default=None,
        help="base period of the growth multiple (default: the first shown)",
    )
    p.add_argument("--data", default=None, help="dataset file read on top of the embedded one")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print; returns the exit status."""
    if args.start is not None and args.end is not None and args.start > args.end:
        raise CliError(f"--from {args.start} is after --to {args.end}")
    if args.cf_method == "repatriation" and args.repatriation_share is None:
        raise CliError("--cf-method repatriation needs --repatriation-share (0 to 1)")
    dataset = load_dataset(args.data)
    rows = headline_rows(
        dataset,
        args.basis,
        args.definition,
        args.cf_method,
        args.start,
        args.end,
        args.base_year,
        repatriation_share=args.repatriation_share,
    )
    if not rows:
        raise CliError(f"no {args.basis} figures between {args.start} and {args.end}", 1)
    render = {"table": render_table, "csv": render_csv, "json": render_json}[args.format]
    print(render(rows, args), end="")
    return 0


_TABLE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("digital", "Digital (oku yen)", "oku"),
    ("digital", "Digital (¥T)", "tn"),
    ("yoy", "YoY", "pct"),
    ("multiple", "× base", "x"),
    ("share_of_services_deficit", "/ services def.", "x"),
    ("tourism_coverage", "Travel cover", "pct"),
    ("oil_ratio", "/ crude oil", "pct"),
    ("current_account", "CA (oku yen)", "oku"),
    ("cf_current_account", "Cash-flow CA (oku yen)", "oku"),
)


def _cell(value: float | None, style: str) -> str:
    if style == "oku":
        return format_oku_yen(value)
    if style == "tn":
        return format_trillion_yen(value)
    return format_ratio(value, "percent" if style == "pct" else "times")


def _label(row: HeadlineRow) -> str:
    return row.period.label


def render_table(rows: list[HeadlineRow], args: argparse.Namespace) -> str:
    """A plain-text table, then units and numbered sources."""
    header = ["Period", *(title for _, title, _ in _TABLE_COLUMNS)]
    body = [[_label(r), *(_cell(r.values[k], s) for k, _, s in _TABLE_COLUMNS)] for r in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)) for line in [header, *body]
    ]
    out = [
        f"Japan digital deficit, {args.basis} basis, definition {args.definition}, "
        f"cash-flow method {args.cf_method}",
        "Units: oku yen (100 million yen; 10,000 oku yen = ¥1 trillion); n/a = not published.",
        "",
        *lines,
        "",
        "Sources (figure: source [vintage]):",
    ]
    for row in rows:
        for obs in _key_sources(row):
            out.append(
                f"  {_label(row)} {obs.item}{'/' + obs.definition if obs.definition else ''}"
                f" {obs.side} {format_oku_yen(obs.value)}: {obs.citation}"
            )
    return "\n".join(out) + "\n"


def _key_sources(row: HeadlineRow) -> list[Observation]:
    return sorted(row.sources, key=lambda o: (o.item, o.definition, o.side))


def _record(row: HeadlineRow) -> dict[str, Any]:
    return {
        "period": str(row.period),
        **row.values,
        "sources": [
            {
                "item": o.item,
                "definition": o.definition,
                "side": o.side,
                "value": o.value,
                "vintage": o.vintage,
                "source": o.source,
            }
            for o in _key_sources(row)
        ],
    }


def render_json(rows: list[HeadlineRow], args: argparse.Namespace) -> str:
    """JSON with units, settings and per-period sources."""
    payload = {
        "country": "JPN",
        "basis": args.basis,
        "definition": args.definition,
        "cf_method": args.cf_method,
        "unit": "oku_yen",
        "metrics": {k: {"label": lab, "unit": unit} for k, (lab, unit) in METRIC_LABELS.items()},
        "rows": [_record(r) for r in rows],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_csv(rows: list[HeadlineRow], args: argparse.Namespace) -> str:
    """One row per period; money in oku yen, ratios as fractions, blank = missing."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "basis", "definition", *METRIC_LABELS, "sources"])
    for r in rows:
        cites = " | ".join(f"{o.item} {o.side}: {o.citation}" for o in _key_sources(r))
        writer.writerow(
            [
                str(r.period),
                args.basis,
                args.definition,
                *("" if r.values[k] is None else repr(r.values[k]) for k in METRIC_LABELS),
                cites,
            ]
        )
    return out.getvalue()
