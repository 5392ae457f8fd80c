"""What `fetch` and `import` share: month arguments, the merge report, the atomic write."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from digital_deficit.data.coverage import capability_lines
from digital_deficit.data.csvio import DatasetFileError, write_dataset
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.embedded import embedded_dataset
from digital_deficit.data.importers.merge import check_units_against, merge_lines
from digital_deficit.export.labels_en import EN

from .common import CliError


def month_arg(text: str) -> tuple[int, int]:
    """YYYY-MM (or YYYYMM) for --from/--to."""
    match = re.fullmatch(r"(\d{4})-?(0[1-9]|1[0-2])", text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month such as 2024-01")
    return int(match.group(1)), int(match.group(2))


def check_out(out: str, force: bool) -> None:
    """Refuse early (before any work) to overwrite an existing file without --force."""
    if not force and Path(out).exists():
        raise CliError(f"{out} exists; use --force to overwrite it", 1)


def report_and_write(dataset: Dataset, out: str, force: bool, path: str) -> None:
    """Check units against the embedded data, print the merge report and what the file can
    compute on its own (each definition and cash-flow method), then write atomically."""
    base = embedded_dataset()
    check_units_against(base, dataset, path)
    _, report = base.merged_with(dataset)
    for line in merge_lines(report):
        print(line)
    for line in capability_lines(dataset, lambda metric: EN[f"metric.{metric}"].lower()):
        print(line)
    try:
        write_dataset(out, dataset, overwrite=force)
    except FileExistsError as exc:
        raise CliError(str(exc), 1) from None
    except OSError as exc:
        raise CliError(f"{out}: cannot be written ({exc.strerror or exc})", 1) from None
    print(f"Wrote {len(dataset)} figures to {out}")


def fail(exc: DatasetFileError) -> CliError:
    """A typed file error (a file the user gave that cannot be used) as one line, exit 2."""
    return CliError(str(exc), 2)


def warn(lines: list[str]) -> None:
    """Warnings on stderr, one a line."""
    for line in lines:
        sys.stderr.write(f"warning: {line}\n")
