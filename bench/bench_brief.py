"""Benchmark of `digital-deficit brief` (run on demand: python bench/bench_brief.py).

1. The default briefing, end to end (core numbers, sheets, charts, openpyxl save, cached
   values, atomic write), against a baseline measured in the same run: openpyxl alone writing
   the same cells (values, formulas, styles: style indices copied, the cheapest way) and the
   same charts (re-created by deep copy) to a new workbook file.
   Target: ratio under 1.5.
2. A 20-scenario batch: two worker processes against one after the other; the CPU time of the
   workers divided by the wall time shows whether both cores work (close to 2).
"""

from __future__ import annotations

import copy
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from digital_deficit.export.batch import run_batch
from digital_deficit.export.builder import build_briefing, write_briefing
from digital_deficit.export.options import BriefOptions

REPEAT = 41


def _snapshot(workbook: Any) -> list[tuple[str, list[tuple[str, Any, Any]], list[Any]]]:
    """Every cell's value and style, and the charts, of each sheet (taken outside the timing)."""
    sheets = []
    for ws in workbook.worksheets:
        cells = [
            (c.coordinate, c.value, c._style)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None or c.has_style
        ]
        sheets.append((ws.title, cells, list(ws._charts)))
    return sheets


def openpyxl_alone(snapshot: Any, template: Any, out: Path) -> None:
    """The baseline: a new workbook with the same cells, styles and charts, saved."""
    wb = Workbook()
    wb.remove(wb.active)
    wb._fonts, wb._fills, wb._borders = template._fonts, template._fills, template._borders
    wb._alignments, wb._number_formats = template._alignments, template._number_formats
    wb._cell_styles, wb._protections = template._cell_styles, template._protections
    for title, cells, charts in snapshot:
        ws = wb.create_sheet(title)
        for coordinate, value, style in cells:
            cell = ws[coordinate]
            cell.value = value
            cell._style = copy.copy(style)
        for chart in charts:
            # deepcopy re-creates every openpyxl chart element (as building the chart would)
            ws.add_chart(copy.deepcopy(chart), "A20")
    wb.save(out)


def interleaved(first: Any, second: Any, repeat: int = REPEAT) -> tuple[float, float]:
    """Median times of two actions run alternately (so machine load hits both alike)."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        for action, times in ((first, a), (second, b)):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def bench_single(tmp: Path) -> float:
    options = BriefOptions()
    built = build_briefing(options)
    snapshot = _snapshot(built.workbook)
    write_briefing(options, tmp / "warm.xlsx", force=True)  # warm imports and caches
    ours, alone = interleaved(
        lambda: write_briefing(options, tmp / "brief.xlsx", force=True),
        lambda: openpyxl_alone(snapshot, built.workbook, tmp / "alone.xlsx"),
    )
    ratio = ours / alone
    print(f"default briefing, end to end:      {ours * 1000:7.1f} ms (median of {REPEAT})")
    print(f"openpyxl alone, same cells/charts: {alone * 1000:7.1f} ms")
    print(f"ratio: {ratio:.2f} (target < 1.5)")
    return ratio


def bench_batch(tmp: Path, count: int = 20) -> float:
    variants = [
        {"definition": d, "projection_method": p, "lang": lang}
        for d in ("mof3", "narrow")
        for p in ("cagr", "linear")
        for lang in ("en", "ja")
    ]
    jobs = [
        (f"s{i}", BriefOptions(**variants[i % len(variants)]), tmp / f"s{i}.xlsx")
        for i in range(count)
    ]
    start = time.perf_counter()
    for _, options, out in jobs:
        write_briefing(options, out, force=True)
    sequential = time.perf_counter() - start
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    results = run_batch(jobs, force=True, show_progress=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert all(r.error is None for r in results)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"{count} scenarios one after the other: {sequential:6.2f} s")
    print(
        f"{count} scenarios, 2 workers:          {wall:6.2f} s (speed-up {sequential / wall:.2f}×)"
    )
    print(f"worker CPU / wall time: {cpu / wall:.2f} (2 = both cores busy; {os.cpu_count()} CPUs)")
    return sequential / wall


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        ratio = bench_single(tmp)
        bench_batch(tmp)
    return 0 if ratio < 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
