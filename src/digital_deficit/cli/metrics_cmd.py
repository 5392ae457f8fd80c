"""`digital-deficit metrics`: the headline metrics per period, with units and sources."""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import sys
from typing import Any

from digital_deficit.core.current_account import CF_METHOD_IDS, DEFAULT_CF_METHOD
from digital_deficit.core.definitions import DEFAULT_DEFINITION, get_definition
from digital_deficit.core.units import UNIT_TEXT, format_amount, format_ratio, format_trillion_yen
from digital_deficit.data.embedded import load_dataset, user_merge_report
from digital_deficit.data.headline import METRIC_LABELS, HeadlineRow, headline_rows
from digital_deficit.data.model import Observation
from digital_deficit.data.provenance import fallback_warning

from .common import CliError, year_arg

NAME = "metrics"
HELP = "print the headline metrics per period (oku yen) with the sources used"


def register(sub: Any) -> None:
    """Add the metrics subcommand to the parser."""
    p = sub.add_parser(NAME, help=HELP, description=HELP)
    p.add_argument(
        "--basis",
        choices=["CY", "FY"],
        default="CY",
        type=str.upper,
        help="calendar year (CY, default) or Japanese fiscal year (FY, April-March)",
    )
    p.add_argument(
        "--definition",
        default=DEFAULT_DEFINITION,
        metavar="DEF",
        help="digital-deficit definition: mof3 (default), narrow, or item ids "
        "separated by commas (e.g. ip_charges,ict_services,consulting)",
    )
    p.add_argument(
        "--cf-method",
        choices=list(CF_METHOD_IDS),
        default=DEFAULT_CF_METHOD,
        help="cash-flow current-account method (default karakama)",
    )
    p.add_argument(
        "--repatriation-share",
        type=float,
        default=None,
        metavar="R",
        help="share of primary income that comes home, 0 to 1 (repatriation method)",
    )
    p.add_argument(
        "--from", dest="start", type=year_arg, default=None, metavar="YEAR", help="first year shown"
    )
    p.add_argument(
        "--to", dest="end", type=year_arg, default=None, metavar="YEAR", help="last year shown"
    )
    p.add_argument(
        "--base-year",
        type=year_arg,
        default=None,
        metavar="YEAR",
        help="base period of the growth multiple (default: the first shown)",
    )
    p.add_argument(
        "--country",
        default="JPN",
        type=str.upper,
        metavar="ISO3",
        help="country of the figures (default JPN; others come from IMF imports)",
    )
    p.add_argument(
        "--data",
        default=None,
        metavar="FILE",
        help="dataset file read on top of the embedded one "
        "(default: the DIGITAL_DEFICIT_DATA environment variable, if set)",
    )
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=run)


def _check(args: argparse.Namespace) -> None:
    if args.start is not None and args.end is not None and args.start > args.end:
        raise CliError(f"--from {args.start} is after --to {args.end}")
    share = args.repatriation_share
    if args.cf_method == "repatriation":
        if share is None:
            raise CliError("--cf-method repatriation needs --repatriation-share (0 to 1)")
        if not (math.isfinite(share) and 0 <= share <= 1):
            raise CliError(f"--repatriation-share is {share:g}; expected a number from 0 to 1")
    elif share is not None:
        raise CliError("--repatriation-share applies only to --cf-method repatriation")
    args.definition_label = get_definition(args.definition).id
    if args.definition_label == "custom":
        args.definition_label = ",".join(get_definition(args.definition).items)


def run(args: argparse.Namespace) -> int:
    """Compute and print; returns the exit status."""
    _check(args)
    dataset = load_dataset(args.data)
    if args.country not in dataset.countries():
        known = ", ".join(dataset.countries())
        raise CliError(f"--country {args.country} has no figures; the data hold {known}")
    report = user_merge_report(args.data)
    if report is not None and report.kept_newer:
        sys.stderr.write(
            f"note: {len(report.kept_newer)} figures of the data file are older than figures "
            "already held (a later revision) and are not used\n"
        )
    args.unit = dataset.unit(args.country) or "oku_yen"
    rows = headline_rows(
        dataset,
        args.basis,
        args.definition,
        args.cf_method,
        args.start,
        args.end,
        args.base_year,
        args.country,
        args.repatriation_share,
    )
    if not rows:
        raise CliError(f"no {args.basis} figures between {args.start} and {args.end}", 1)
    fallback = fallback_warning(dataset, (o for row in rows for o in row.sources))
    if fallback is not None:  # never a silent fallback to older embedded figures
        sys.stderr.write(f"warning: {fallback}\n")
    render = {"table": render_table, "csv": render_csv, "json": render_json}[args.format]
    print(render(rows, args), end="")
    return 0


def _columns(unit: str) -> list[tuple[str, str, str]]:
    money = UNIT_TEXT[unit]
    columns = [("digital", f"Digital ({money})", "amount")]
    if unit == "oku_yen":
        columns.append(("digital", "Digital (¥T)", "tn"))
    return [
        *columns,
        ("yoy", "YoY", "pct"),
        ("multiple", "× base", "x"),
        ("share_of_services_deficit", "/ services def.", "x"),
        ("tourism_coverage", "Travel cover", "pct"),
        ("oil_ratio", "/ crude oil", "pct"),
        ("current_account", f"CA ({money})", "amount"),
        ("cf_current_account", f"Cash-flow CA ({money})", "amount"),
    ]


def _cell(row: HeadlineRow, key: str, style: str) -> str:
    value = row.values[key]
    if style == "amount":
        text = format_amount(value)
    elif style == "tn":
        text = format_trillion_yen(value)
    else:
        text = format_ratio(value, "percent" if style == "pct" else "times")
    return f"≈{text}" if key in row.rounded else text


def render_table(rows: list[HeadlineRow], args: argparse.Namespace) -> str:
    """A plain-text table, then units and the sources used."""
    columns = _columns(args.unit)
    header = ["Period", *(title for _, title, _ in columns)]
    body = [[r.period.label, *(_cell(r, k, s) for k, _, s in columns)] for r in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)) for line in [header, *body]
    ]
    units = (
        "oku yen (100 million yen; 10,000 oku yen = ¥1 trillion)"
        if args.unit == "oku_yen"
        else UNIT_TEXT[args.unit]
    )
    out = [
        f"{args.country} digital balance, {args.basis} basis, definition {args.definition_label}, "
        f"cash-flow method {args.cf_method}",
        f"Units: {units}; n/a = not published or not defined; "
        "≈ = built on a rounded analyst estimate (see its precision below).",
        "",
        *lines,
        "",
        "Sources (figure: source [vintage]):",
    ]
    used = {(*o.key, o.vintage): o for row in rows for o in row.sources}
    for obs in sorted(used.values(), key=lambda o: (o.period, o.item, o.definition, o.side)):
        rounded = f" (±{format_amount(obs.precision / 2)})" if obs.precision > 1 else ""
        out.append(
            f"  {obs.period_obj.label} {obs.item}{'/' + obs.definition if obs.definition else ''}"
            f" {obs.side} {format_amount(obs.value)}{rounded}: {obs.citation}"
        )
    return "\n".join(out) + "\n"


def _key_sources(row: HeadlineRow) -> list[Observation]:
    return sorted(row.sources, key=lambda o: (o.period, o.item, o.definition, o.side))


def _record(row: HeadlineRow) -> dict[str, Any]:
    return {
        "period": str(row.period),
        **row.values,
        "rounded": sorted(row.rounded),
        "sources": [
            {
                "period": o.period,
                "item": o.item,
                "definition": o.definition,
                "side": o.side,
                "value": o.value,
                "precision": o.precision,
                "vintage": o.vintage,
                "source": o.source,
            }
            for o in _key_sources(row)
        ],
    }


def render_json(rows: list[HeadlineRow], args: argparse.Namespace) -> str:
    """JSON with units, settings and per-period sources."""
    money = UNIT_TEXT[args.unit]
    payload = {
        "country": args.country,
        "basis": args.basis,
        "definition": args.definition_label,
        "cf_method": args.cf_method,
        "unit": args.unit,
        "metrics": {
            k: {"label": label, "unit": money if unit == "oku yen" else unit}
            for k, (label, unit) in METRIC_LABELS.items()
        },
        "rows": [_record(r) for r in rows],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_csv(rows: list[HeadlineRow], args: argparse.Namespace) -> str:
    """One row per period; money in the data's unit, ratios as fractions, blank = missing."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "basis", "definition", "unit", *METRIC_LABELS, "rounded", "sources"])
    for r in rows:
        cites = " | ".join(
            f"{o.period} {o.item} {o.side}: {o.citation}"
            + (f" (precision {format_amount(o.precision)})" if o.precision > 1 else "")
            for o in _key_sources(r)
        )
        writer.writerow(
            [
                str(r.period),
                args.basis,
                args.definition_label,
                args.unit,
                *("" if r.values[k] is None else repr(r.values[k]) for k in METRIC_LABELS),
                " ".join(sorted(r.rounded)),
                cites,
            ]
        )
    return out.getvalue()
