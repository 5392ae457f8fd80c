"""Benchmark of the Excel functions (run on demand; not a test).

1. Share of a UDF call spent in our code, against xlwings' own conversion in
   ``custom_functions_call`` (xlwings Lite/Server path), for 30-period ranges. Target: <= 10%
   for every function, the data function DD_VALUE included (PASS or MISS is printed).
2. ``DD_SERIES`` over a 30-year monthly series (360 periods) read from a dataset file.
   Target: under 5 ms of our time.
3. What ``import digital_deficit.udfs`` adds on top of ``import xlwings``.
4. A thousand cells reading one ``data`` range (the embedded figures as a dataset table, 110
   rows): the range is parsed once; each cell pays for recognising it by its content. Target:
   per cell, the range adds at most 0.1 µs per cell of the range over a DD_VALUE cell without
   it, measured in the same run.

Run: ``XLWINGS_LICENSE_KEY=noncommercial .venv/bin/python bench/bench_udfs.py``. The dataset
file of part 2 is a synthetic benchmark fixture written to a temporary folder, never shipped.
"""

from __future__ import annotations

import asyncio
import functools
import os
import statistics
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ["XLWINGS_ON_SERVER"] = "true"
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # PolyForm Noncommercial: testing

import xlwings
from xlwings import server

from digital_deficit import udfs

PERIODS = 30
REPEAT = 300
TARGET_SHARE = 0.10  # our time / xlwings' time, per function
TARGET_SERIES_MS = 5.0
TARGET_NS_PER_RANGE_CELL = 100.0
CELLS = 1000


def _column(values: list[float | None]) -> list[list[float | None]]:
    return [[v] for v in values]


def _ranges() -> dict[str, list[Any]]:
    base = [float(-20000 - 1500 * i) for i in range(PERIODS)]
    later = [v * 1.07 for v in base]
    later[7] = None  # a blank cell
    return {
        "dd_growth_multiple": [_column(later), _column(base)],
        "dd_cagr": [_column(base), _column(later), [[10]]],
        "dd_current_account": [_column(base), _column(later), _column(base), _column(later)],
        "dd_cf_current_account": [_column(base), _column(later), _column(base), None, None],
        "dd_yoy": [_column(later), None],
        "dd_value": [[["digital"]], _column([2014 + i % 12 for i in range(PERIODS)])],
    }


def _timed_module() -> tuple[types.SimpleNamespace, list[float]]:
    """The UDF module as custom_functions_call sees it, with our functions timed."""
    spent: list[float] = []
    namespace = types.SimpleNamespace()
    for name in udfs.__all__:
        original: Callable[..., Any] = getattr(udfs, name)

        @functools.wraps(original)
        def timed(*args: Any, __f: Callable[..., Any] = original, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return __f(*args, **kwargs)
            finally:
                spent.append(time.perf_counter() - start)

        timed.__signature__ = __import__("inspect").signature(original)  # type: ignore[attr-defined]
        setattr(namespace, name, timed)
    return namespace, spent


def bench_conversion_share() -> None:
    module, spent = _timed_module()

    async def run(name: str, args: list[Any]) -> tuple[float, float]:
        data = {
            "func_name": name,
            "args": args,
            "version": xlwings.__version__,
            "client": "Office.js",
            "runtime": "1.4",
            "culture_info_name": "en-US",
            "date_format": "m/d/yyyy",
        }
        await server.custom_functions_call(data, module)  # warm up
        spent.clear()
        totals = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            await server.custom_functions_call(data, module)
            totals.append(time.perf_counter() - start)
        return statistics.median(totals), statistics.median(spent)

    print(f"1. Share of a custom_functions_call spent in our code ({PERIODS}-cell ranges)")
    print(
        f"   {'function':<24}{'total µs':>10}{'ours µs':>10}{'xlwings µs':>12}{'ours/xlwings':>14}"
        "  target"
    )
    value_ratio = 0.0
    for name, args in _ranges().items():
        total, ours = asyncio.run(run(name, args))
        xl = total - ours
        verdict = "PASS" if ours / xl <= TARGET_SHARE else "MISS"
        row = f"{total * 1e6:>10.0f}{ours * 1e6:>10.0f}{xl * 1e6:>12.0f}{ours / xl:>13.1%}"
        print(f"   {name:<24}{row}  {verdict}")
        if name == "dd_value":
            value_ratio = ours / xl
    print(f"   target: ours/xlwings <= {TARGET_SHARE:.0%} for every function. dd_value's time is")
    print("   mostly the dataset lookup in data/figures.py (unpublished periods go through its")
    print("   derivation attempts); see the profile below.")
    share = _profile_value()
    print(
        f"   dd_value without data/figures.py: ours/xlwings {share * value_ratio:.1%} "
        f"({'PASS' if share * value_ratio <= TARGET_SHARE else 'MISS'}; the whole function "
        f"{'PASSES' if value_ratio <= TARGET_SHARE else 'MISSES'} the target)"
    )


def _profile_value() -> float:
    """Where dd_value's own time goes: our argument handling vs the dataset lookup."""
    import cProfile
    import pstats

    args = _ranges()["dd_value"]
    udfs.dd_value(*args)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(REPEAT):
        udfs.dd_value(*args)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(cum for (_, _, name), (_, _, _, cum, _) in stats.items() if name == "dd_value")
    figures = sum(
        cum
        for (path, _, name), (_, _, _, cum, _) in stats.items()
        if path.endswith("figures.py") and name in ("digital_figure", "item_figure")
    )
    print(
        f"   dd_value profile: {figures / total:.0%} in data/figures.py, "
        f"{1 - figures / total:.0%} in udfs.args/udfs.figures (arguments, periods, dataset check)"
    )
    return 1 - figures / total


def _monthly_fixture(path: Path) -> None:
    """A synthetic 30-year monthly dataset (benchmark fixture only; the values mean nothing)."""
    items = ("services", "travel", "goods", "current_account", "primary_income")
    items += ("copyright_royalties", "ict_services", "consulting")
    lines = ["country,basis,period,item,definition,side,value,unit,precision,vintage,source"]
    for i, item in enumerate(items):
        for year in range(1995, 2025):
            for month in range(1, 13):
                value = -(year - 1990) * 10.5 - month - i
                lines.append(
                    f"JPN,M,{year}-{month:02d},{item},,net,{value},oku_yen,1,preliminary,"
                    "benchmark fixture (synthetic)"
                )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_series() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "monthly.csv"
        _monthly_fixture(path)
        os.environ["DIGITAL_DEFICIT_DATA"] = str(path)
        try:
            start = time.perf_counter()
            udfs.dd_series("services", "1995-01", "2024-12")
            first = time.perf_counter() - start
            print(
                "\n2. DD_SERIES over 360 months (one dataset file read on top of the embedded one)"
            )
            print(f"   first call, file read and parsed: {first * 1e3:.1f} ms")
            module, spent = _timed_module()
            cases = {
                "services 1995-01..2024-12": ["services", "1995-01", "2024-12"],
                "services, whole monthly series": ["services", "", "", "M"],
                "digital mof3 (sum of 3 items)": ["digital", "1995-01", "2024-12"],
            }
            for label, args in cases.items():
                times = []
                for _ in range(50):
                    start = time.perf_counter()
                    rows = udfs.dd_series(*args)
                    times.append(time.perf_counter() - start)
                ours = statistics.median(times)
                payload = [[[a]] for a in args]
                data = {
                    "func_name": "dd_series",
                    "args": payload,
                    "version": xlwings.__version__,
                    "client": "Office.js",
                    "runtime": "1.4",
                }
                spent.clear()
                start = time.perf_counter()
                for _ in range(20):
                    asyncio.run(server.custom_functions_call(data, module))
                total = (time.perf_counter() - start) / 20
                xl = total - statistics.median(spent)
                verdict = "PASS" if ours * 1e3 < TARGET_SERIES_MS else "MISS"
                print(
                    f"   {label:<32} {len(rows) - 1:>4} rows  ours {ours * 1e3:6.2f} ms {verdict}"
                    f"  (xlwings conversion and call {xl * 1e3:6.2f} ms, ratio {ours / xl:5.1%})"
                )
            print(
                f"   target: under {TARGET_SERIES_MS:.0f} ms of our time per call (PASS/MISS above)"
            )
        finally:
            del os.environ["DIGITAL_DEFICIT_DATA"]


def bench_import() -> None:
    code = (
        "import sys, time, xlwings; before = set(sys.modules); t = time.perf_counter(); "
        "import digital_deficit.udfs; t = time.perf_counter() - t; "
        "new = sorted(set(sys.modules) - before); "
        "print(f'{t * 1e3:.1f} ms, {len(new)} modules: ' + ', '.join(new))"
    )
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_ON_SERVER"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    base = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t=time.perf_counter(); import xlwings; "
            "print(f'{(time.perf_counter()-t)*1e3:.0f} ms')",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    print("\n3. import digital_deficit.udfs after import xlwings (classic/plain decorators)")
    print(f"   xlwings itself: {base.stdout.strip()}; ours adds {out.stdout.strip()}")


def _embedded_as_range() -> list[list[object]]:
    """The embedded figures as a worksheet hands them over: a header, then typed cells."""
    from digital_deficit.data.csvio import COLUMNS
    from digital_deficit.data.embedded import embedded_dataset

    rows: list[list[object]] = [list(COLUMNS)]
    for o in embedded_dataset().observations:
        period: object = float(o.period) if o.basis in ("CY", "FY") else o.period
        rows.append(
            [o.country, o.basis, period, o.item, o.definition or None, o.side, o.value, o.unit,
             o.precision, o.vintage, o.source]
        )  # fmt: skip
    return rows


def bench_data_range() -> None:
    from digital_deficit.udfs import data_table

    table = _embedded_as_range()
    periods = [2014 + i % 12 for i in range(CELLS)]

    def cells(with_range: bool) -> float:
        # as Excel hands them over: a fresh copy of the range for every cell (made untimed)
        ranges = [[list(row) for row in table] if with_range else None for _ in periods]
        start = time.perf_counter()
        for period, data in zip(periods, ranges, strict=True):
            udfs.dd_value("digital", period, None, None, None, None, data)
        return time.perf_counter() - start

    data_table._parsed_cached.cache_clear()
    start = time.perf_counter()
    udfs.dd_value("digital", 2024, None, None, None, None, table)
    first = time.perf_counter() - start
    without = min(cells(False) for _ in range(3))
    with_range = min(cells(True) for _ in range(3))
    info = data_table._parsed_cached.cache_info()
    range_cells = len(table) * len(table[0])
    added_ns = (with_range - without) / CELLS / range_cells * 1e9
    print(f"\n4. {CELLS} DD_VALUE cells reading one data range of {len(table) - 1} rows")
    print(f"   first cell (parse and merge): {first * 1e3:.1f} ms")
    print(
        f"   per cell: {without / CELLS * 1e6:.0f} µs without the range, "
        f"{with_range / CELLS * 1e6:.0f} µs with it (ratio {with_range / without:.2f}): "
        f"{added_ns:.0f} ns per range cell, "
        f"{'PASS' if added_ns <= TARGET_NS_PER_RANGE_CELL else 'MISS'} "
        f"(target <= {TARGET_NS_PER_RANGE_CELL:.0f} ns)"
    )
    print(f"   parses: {info.misses} for {info.hits + info.misses} calls (cached by content)")


if __name__ == "__main__":
    bench_conversion_share()
    bench_series()
    bench_import()
    bench_data_range()
