"""Benchmark: import a BP01-sized wide BoJ CSV (2,000 series x 370 months) vs pandas.read_csv.

Run: .venv/bin/python bench/bench_import.py [--series 2000] [--months 370] [--repeat 3]
Target: import time <= 2x pandas.read_csv of the same file (measured in the same run), and
peak memory of the import under 1 GiB (tracemalloc peak and the process's max RSS).
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

MAPPED = (
    ("BPBP6JYNCB", "Current account/Net balance"),
    ("BPBP6JYNTB", "Goods/Net balance"),
    ("BPBP6JYNSN", "Services/Net balance"),
    ("BPBP6JYNSN2", "Services/Travel/Net balance"),
    ("BPBP6JYNSN907", "Services/Telecommunications, computer, and information services/Net balance"),  # noqa: E501
    ("BPBP6JYNPIN", "Primary income/Net balance"),
    ("BPBP6JYNSIN", "Secondary income/Net balance"),
    ("BENCHSH2CR", "Services/Charges for the use of intellectual property/Copyright-related royalties/Credit"),  # noqa: E501
    ("BENCHSH2DR", "Services/Charges for the use of intellectual property/Copyright-related royalties/Debit"),  # noqa: E501
    ("BENCHSJ2NT", "Services/Other business services/Professional and management consulting services/Net balance"),  # noqa: E501
    ("BENCHSI2NT", "Services/Computer services/Net balance"),
    ("BENCHRENT", "Primary income/Direct investment income/Reinvested earnings/Net balance"),
)  # fmt: skip


def generate(path: Path, series: int, months: int, seed: int = 20260518) -> None:
    """A wide CSV: 4 metadata columns, ``months`` YYYYMM columns from 1996-01, the last 6 empty."""
    rng = random.Random(seed)
    periods = [f"{1996 + m // 12}{m % 12 + 1:02d}" for m in range(months)]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",,,," + ",".join(periods) + "\r\n")
        for i in range(series):
            code, name = (
                MAPPED[i] if i < len(MAPPED) else (f"BENCH{i:05d}", f"Other item {i}/Credit")
            )
            values = [f"{rng.uniform(-50000, 50000):.8f}" for _ in range(months - 6)] + [""] * 6
            dataset = "Balance of Payments (Data Based on the BPM6)"
            out.write(f'{code},{dataset},"{name}",100 million Yen,' + ",".join(values) + "\r\n")


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """Fastest wall time of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=2000)
    parser.add_argument("--months", type=int, default=370)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import pandas as pd

    from digital_deficit.data.importers.dispatch import import_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bp01_wide.csv"
        generate(path, args.series, args.months)
        size = path.stat().st_size
        baseline = best_of(args.repeat, lambda: pd.read_csv(path))
        ours = best_of(args.repeat, lambda: import_file(path, "boj-wide", vintage="2026-05-18"))
        result = import_file(path, "boj-wide", vintage="2026-05-18")
        gc.collect()
        tracemalloc.start()
        import_file(path, "boj-wide", vintage="2026-05-18")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    ratio = ours / baseline
    print(f"file: {args.series} series x {args.months} months, {size / 1e6:.1f} MB")
    print(f"pandas.read_csv: {baseline:.3f} s")
    print(f"import (boj-wide, {len(result.dataset)} figures): {ours:.3f} s")
    print(f"ratio: {ratio:.2f}x (target <= 2.00x)")
    print(
        f"peak traced memory of one import: {peak / 2**20:.0f} MiB; process max RSS "
        f"{max_rss / 2**20:.0f} MiB (target < 1024 MiB)"
    )
    ok = ratio <= 2.0 and peak < 2**30 and max_rss < 2**30
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
