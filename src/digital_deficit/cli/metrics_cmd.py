"""`digital-deficit metrics`: the headline metrics per period, with units and sources.

The columns are the catalogue's headline entries (the table shows those tagged ``table``);
the options are the options model's (``data.options``), shared with `brief`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from typing import Any

from digital_deficit.core.catalogue import TABLE, headline
from digital_deficit.core.definitions import get_definition
from digital_deficit.core.units import UNIT_TEXT, format_amount, format_ratio, format_trillion_yen
from digital_deficit.data.embedded import load_dataset, user_merge_report
from digital_deficit.data.headline import HeadlineRow, headline_rows
from digital_deficit.data.model import Observation
from digital_deficit.data.options import MetricOptions
from digital_deficit.data.provenance import fallback_warning
from digital_deficit.export.labels_en import EN

from .common import CliError
from .options import add_flags, read_options

NAME = "metrics"
HELP = "print the headline metrics per period (oku yen) with the sources used"
MIXED = "†"


def register(sub: Any) -> None:
    """Add the metrics subcommand to the parser."""
    p = sub.add_parser(NAME, help=HELP, description=HELP)
    add_flags(p, MetricOptions)
    p.add_argument(
        "--country",
        default="JPN",
        type=str.upper,
        metavar="ISO3",
        help="country of the figures (default JPN; others come from IMF imports)",
    )
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print; returns the exit status."""
    options = read_options(args, MetricOptions)
    definition = get_definition(options.definition)
    args.definition_label = options.definition
    args.cf_method = options.cf_method
    args.basis = options.basis
    dataset = load_dataset(options.data)
    if args.country not in dataset.countries():
        known = ", ".join(dataset.countries())
        raise CliError(f"--country {args.country} has no figures; the data hold {known}")
    report = user_merge_report(options.data)
    if report is not None and report.kept_newer:
        sys.stderr.write(
            f"note: {len(report.kept_newer)} figures of the data file are older than figures "
            "already held (a later revision) and are not used\n"
        )
    args.unit = dataset.unit(args.country) or "oku_yen"
    rows = headline_rows(
        dataset,
        options.basis,
        definition,
        options.cf_method,
        options.start,
        options.end,
        options.base_year,
        args.country,
        options.repatriation_share,
        options.release,
    )
    for row in rows:
        for key in sorted(row.overflow):
            sys.stderr.write(
                f"note: {row.period.label} {key}: too large for a number (overflow); shown as "
                "missing\n"
            )
    fallback = fallback_warning(dataset, (o for row in rows for o in row.sources))
    if fallback is not None:  # never a silent fallback to older embedded figures
        sys.stderr.write(f"warning: {fallback}\n")
    render = {"table": render_table, "csv": render_csv, "json": render_json}[args.format]
    print(render(rows, args), end="")
    return 0


def _columns(args: argparse.Namespace) -> list[tuple[str, str, str]]:
    """(column id, title, style) of the table: the catalogue's table columns."""
    money = UNIT_TEXT[args.unit]
    columns: list[tuple[str, str, str]] = []
    for key, metric in headline(args.cf_method, TABLE):
        columns.append((key, EN[f"short.{key}"].format(money=money), metric.style))
        if key == "digital" and args.unit == "oku_yen":
            columns.append((key, "Digital (¥T)", "tn"))
    return columns


def _cell(row: HeadlineRow, key: str, style: str) -> str:
    value = row.values[key]
    if style == "amount":
        text = format_amount(value)
    elif style == "tn":
        text = format_trillion_yen(value)
    else:
        text = format_ratio(value, "percent" if style == "pct" else "times")
    text = f"≈{text}" if key in row.rounded else text
    return f"{text}{MIXED}" if key in row.mixed else text


def render_table(rows: list[HeadlineRow], args: argparse.Namespace) -> str:
    """A plain-text table, then units, the vintages combined and the sources used."""
    columns = _columns(args)
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
        "≈ = built on a rounded analyst estimate (see its precision below); "
        f"{MIXED} = combines figures of different vintages (listed below).",
        "",
        *lines,
    ]
    shown = dict.fromkeys(k for k, _, _ in columns)
    combined = [
        f"  {r.period.label} {key}: {' + '.join(r.mixed[key])}"
        for r in rows
        for key in shown
        if key in r.mixed
    ]
    if combined:
        out += ["", f"Vintages combined ({MIXED}):", *combined]
    out += ["", "Sources (figure: source [vintage]):"]
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
        "mixed": {k: list(v) for k, v in sorted(row.mixed.items())},
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
    """JSON with units, settings and per-period sources (never NaN or Infinity)."""
    money = UNIT_TEXT[args.unit]
    payload = {
        "country": args.country,
        "basis": args.basis,
        "definition": args.definition_label,
        "cf_method": args.cf_method,
        "unit": args.unit,
        "metrics": {
            key: {"label": EN[f"metric.{key}"], "unit": money if m.unit == "money" else m.unit}
            for key, m in headline(args.cf_method)
        },
        "rows": [_record(r) for r in rows],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def render_csv(rows: list[HeadlineRow], args: argparse.Namespace) -> str:
    """One row per period; money in the data's unit, ratios as fractions, blank = missing."""
    keys = [key for key, _ in headline(args.cf_method)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "basis", "definition", "unit", *keys, "rounded", "mixed", "sources"])
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
                *("" if r.values[k] is None else repr(r.values[k]) for k in keys),
                " ".join(sorted(r.rounded)),
                " ".join(f"{k}={'+'.join(v)}" for k, v in sorted(r.mixed.items())),
                cites,
            ]
        )
    return out.getvalue()
