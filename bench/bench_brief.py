"""Benchmark of `digital-deficit brief` (run on demand: python bench/bench_brief.py).

1. The default briefing, end to end (core numbers, sheets, charts, openpyxl save, cached
   values, atomic write), against a baseline measured in the same run: openpyxl alone writing
   the same cells (values, formulas, styles: style indices copied, the cheapest way) and the
   same charts (re-created by deep copy) to a new workbook file.
   Target: ratio under 1.5.
2. A 20-scenario batch: two worker processes against one after the other; the CPU time of the
   workers divided by the wall time shows whether both cores work (close to 2).
3. A monthly briefing over 30 years of months (360 periods, every BP01 item and side the
   package fetches, with their CY and FY totals: SYNTHETIC values, built in memory), end to end,
   against openpyxl alone writing the same cells and charts in the same run. Target: ratio under
   1.5. Then its PDF (LibreOffice headless), timed on its own: reported, no target.
"""

from __future__ import annotations

import copy
import os
import resource
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from digital_deficit.core.aggregation import aggregate_months
from digital_deficit.data.boj.catalogue import BP01_CODES
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.model import Observation
from digital_deficit.export.batch import run_batch
from digital_deficit.export.builder import build_briefing, write_briefing
from digital_deficit.export.options import BriefOptions

REPEAT = 41
MONTHLY_REPEAT = 7


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
    return _against_openpyxl(tmp, "default briefing", BriefOptions(), None, REPEAT)


def _against_openpyxl(
    tmp: Path, what: str, options: BriefOptions, dataset: Dataset | None, repeat: int
) -> float:
    built = build_briefing(options, dataset)
    snapshot = _snapshot(built.workbook)
    write_briefing(options, tmp / "warm.xlsx", force=True, dataset=dataset)  # warm caches
    ours, alone = interleaved(
        lambda: write_briefing(options, tmp / "brief.xlsx", force=True, dataset=dataset),
        lambda: openpyxl_alone(snapshot, built.workbook, tmp / "alone.xlsx"),
        repeat,
    )
    ratio = ours / alone
    print(f"{what}, end to end: {ours * 1000:9.1f} ms (median of {repeat})")
    print(f"openpyxl alone, same cells/charts: {alone * 1000:7.1f} ms")
    print(f"ratio: {ratio:.2f} (target < 1.5)")
    return ratio


def monthly_dataset(years: int = 30, first: int = 1995) -> Dataset:
    """Every BP01 item and side the package fetches, month by month, with CY and FY totals
    (SYNTHETIC values with BoJ-like decimals; each net exactly credit minus debit)."""
    months = [(first + i // 12, i % 12 + 1) for i in range(12 * years)]
    keys = sorted(set(BP01_CODES.values()))
    series: dict[tuple[str, str], dict[tuple[int, int], Decimal]] = {}
    for n, (item, side) in enumerate(keys):
        if side != "net":
            base = Decimal(1000 + 37 * n if side == "credit" else 2500 + 41 * n)
            series[(item, side)] = {
                m: base + Decimal("3.17") * t + Decimal("0.51732161") * (t % 7)
                for t, m in enumerate(months)
            }
    for item, side in keys:
        if side == "net" and (item, "credit") in series:
            credit, debit = series[(item, "credit")], series[(item, "debit")]
            series[(item, side)] = {m: credit[m] - debit[m] for m in months}
        elif side == "net":
            series[(item, side)] = {
                m: Decimal(5000 - 97 * len(item)) + Decimal("2.3") * t for t, m in enumerate(months)
            }
    observations: list[Observation] = []
    for (item, side), values in series.items():
        model = Observation(
            country="JPN",
            basis="M",
            period=f"{first}-01",
            item=item,
            side=side,
            value=1.0,
            vintage="2025-05-12",
            source=f"bench: synthetic {item} {side}",
        )
        for (y, m), v in values.items():
            observations.append(
                model.model_copy(update={"period": f"{y}-{m:02d}", "value": float(v)})
            )
        floats = {k: float(v) for k, v in values.items()}
        for basis in ("CY", "FY"):
            for total in aggregate_months(floats, basis):
                if total.value is not None:
                    observations.append(
                        model.model_copy(
                            update={
                                "basis": basis,
                                "period": str(total.period),
                                "value": round(total.value, 8),
                            }
                        )
                    )
    return Dataset(observations, origin="bench: 30 years of months")


def bench_monthly(tmp: Path) -> float:
    data = monthly_dataset()
    months = len(data.periods("M"))
    ratio = _against_openpyxl(
        tmp, f"monthly briefing, {months} months", BriefOptions(), data, MONTHLY_REPEAT
    )
    from digital_deficit.export.pdf import soffice

    if soffice() is None:
        print("PDF step: LibreOffice not installed, not measured")
        return ratio
    options = BriefOptions(pdf=True)
    write_briefing(options, tmp / "pdf.xlsx", force=True, dataset=data)
    start = time.perf_counter()
    write_briefing(options, tmp / "pdf.xlsx", force=True, dataset=data)
    with_pdf = time.perf_counter() - start
    start = time.perf_counter()
    write_briefing(BriefOptions(), tmp / "pdf.xlsx", force=True, dataset=data)
    without = time.perf_counter() - start
    print(f"PDF step (LibreOffice headless):   {(with_pdf - without) * 1000:7.1f} ms (reported)")
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
        monthly = bench_monthly(tmp)
    return 0 if max(ratio, monthly) < 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
