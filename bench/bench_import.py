"""Benchmark every import format against a plain reader of the same file, in the same run.

BoJ files are BP01-sized (2,000 series x 370 months): the wide CSV, the API's long CSV and a
search-page download (one column per series, cp932) against pandas.read_csv, the API JSON
against json.loads. The MOF CSV (370 months x 12 columns) and the IMF SDMX-JSON fixture are
small, and in an IMF data-portal SDMX-JSON 2.0 file (100 countries x 10 indicators x 3
entries x 80 quarters, plain US dollars) nearly every series maps (270,000 figures built,
against 5,000 in the BoJ files): their ratios are printed for information.
Run: .venv/bin/python bench/bench_import.py [--series 2000] [--months 370] [--repeat 3]
Target (large formats): import time <= 2x the baseline, and peak memory of one import under
1 GiB (tracemalloc peak and the process's max RSS).
"""

from __future__ import annotations

import argparse
import gc
import json
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


def _series(i: int) -> tuple[str, str]:
    return MAPPED[i] if i < len(MAPPED) else (f"BENCH{i:05d}", f"Other item {i}/Credit")


def generate_long(path: Path, series: int, months: int, seed: int = 20260518) -> None:
    """The API's long CSV: one row per series and month."""
    rng = random.Random(seed)
    periods = [(1996 + m // 12) * 100 + m % 12 + 1 for m in range(months)]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("SERIES_CODE,NAME_OF_TIME_SERIES,UNIT,FREQUENCY,CATEGORY,LAST_UPDATE,"
                  "SURVEY_DATE,VALUE\r\n")  # fmt: skip
        for i in range(series):
            code, name = _series(i)
            prefix = f'{code},"{name}",100 million Yen,MONTHLY,Balance of Payments,20260518,'
            out.writelines(f"{prefix}{p},{rng.uniform(-50000, 50000):.8f}\r\n" for p in periods)


def generate_json(path: Path, series: int, months: int, seed: int = 20260518) -> None:
    """A getDataCode JSON response holding every series."""
    rng = random.Random(seed)
    periods = [(1996 + m // 12) * 100 + m % 12 + 1 for m in range(months)]
    results = []
    for i in range(series):
        code, name = _series(i)
        values = [round(rng.uniform(-50000, 50000), 8) for _ in periods]
        results.append({"SERIES_CODE": code, "NAME_OF_TIME_SERIES": name,
                        "UNIT": "100 million Yen", "FREQUENCY": "MONTHLY", "CATEGORY": "BoP",
                        "LAST_UPDATE": 20260518,
                        "VALUES": {"SURVEY_DATES": periods, "VALUES": values}})  # fmt: skip
    envelope = {"STATUS": 200, "MESSAGEID": "M181000I", "MESSAGE": "ok", "NEXTPOSITION": None,
                "RESULTSET": results}  # fmt: skip
    path.write_text(json.dumps(envelope), "utf-8")


MOF_COLUMNS = (
    "経常収支",
    "貿易・サービス収支",
    "貿易収支",
    "サービス収支",
    "第一次所得収支",
    "第二次所得収支",
    "旅行",
    "直接投資収益",
    "再投資収益",
    "証券投資収益",
    "債券利子",
)


def generate_mof(path: Path, months: int, seed: int = 20260518) -> None:
    """A MOF months-in-rows CSV (cp932) with one column per item."""
    rng = random.Random(seed)
    rows = [
        "国際収支（月次）",
        "単位：億円",
        "公表日：2026年2月9日",
        "年月," + ",".join(MOF_COLUMNS),
    ]
    for m in range(months):
        cells = ",".join(f'"{rng.randint(-50000, 50000):,}"' for _ in MOF_COLUMNS)
        rows.append(f"{1996 + m // 12}年{m % 12 + 1}月,{cells}")
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp932"))


def generate_search(path: Path, series: int, months: int, seed: int = 20260518) -> None:
    """A search-page download (SIMPLE header, cp932, LF): one column per series, padded values;
    the first 12 columns are project BP01 codes (as many as the other BoJ files map)."""
    from digital_deficit.data.boj.catalogue import BP01_CODES

    rng = random.Random(seed)
    known = list(BP01_CODES)[: len(MAPPED)]
    codes = [known[i] if i < len(known) else f"BENCH{i:05d}" for i in range(series)]
    rows = ["データコード," + ",".join(f"BP01'{c}" for c in codes)]
    for m in range(months):
        cells = ",".join(f"{rng.uniform(-50000, 50000):.8f}  " for _ in codes)
        rows.append(f"{1996 + m // 12}/{m % 12 + 1:02d},{cells}")
    path.write_bytes(("\n".join(rows) + "\n").encode("cp932"))


PORTAL_INDICATORS = ("CAB", "G", "S", "IN1", "IN2", "SD", "SH", "SI", "SJ2", "D_F")


def generate_portal(path: Path, countries: int, quarters: int, seed: int = 20260518) -> None:
    """An IMF data-portal SDMX-JSON 2.0 message: countries x indicators x 3 entries, quarterly
    OBS_VALUE in plain US dollars with SCALE="6" (as the portal sends them)."""
    rng = random.Random(seed)
    names = [f"{chr(65 + i // 676)}{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}"
             for i in range(countries)]  # fmt: skip
    entries = ("CD_T", "DB_T", "NETCD_T")
    periods = [f"{2000 + q // 4}-Q{q % 4 + 1}" for q in range(quarters)]
    dims = [
        ("COUNTRY", names),
        ("BOP_ACCOUNTING_ENTRY", list(entries)),
        ("INDICATOR", list(PORTAL_INDICATORS)),
        ("UNIT", ["USD"]),
        ("FREQUENCY", ["Q"]),
    ]
    series = {
        f"{c}:{e}:{i}:0:0": {
            "attributes": [0],
            "observations": {str(q): [round(rng.uniform(-5e11, 5e11), 4)] for q in range(quarters)},
        }
        for c in range(countries)
        for e in range(len(entries))
        for i in range(len(PORTAL_INDICATORS))
    }
    message = {
        "meta": {"id": "bench", "prepared": "2026-03-31T00:00:00Z", "sender": {"id": "IMF"}},
        "data": {
            "structures": [{
                "dimensions": {
                    "series": [{"id": d, "keyPosition": n, "values": [{"id": v} for v in vs]}
                               for n, (d, vs) in enumerate(dims)],
                    "observation": [{"id": "TIME_PERIOD",
                                     "values": [{"value": p} for p in periods]}],
                },
                "attributes": {"series": [{"id": "SCALE", "values": [{"value": "6"}]}]},
            }],
            "dataSets": [{"series": series}],
        },
    }  # fmt: skip
    path.write_text(json.dumps(message), "utf-8")


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
    parser.add_argument("--countries", type=int, default=100, help="IMF portal file")
    parser.add_argument("--quarters", type=int, default=80, help="IMF portal file")
    args = parser.parse_args()

    import pandas as pd

    from digital_deficit.data.importers.dispatch import import_file

    fixtures = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        wide, long, api_json = (
            Path(tmp) / "wide.csv",
            Path(tmp) / "long.csv",
            Path(tmp) / "api.json",
        )
        mof = Path(tmp) / "mof.csv"
        search, portal = Path(tmp) / "search.csv", Path(tmp) / "portal.json"
        generate(wide, args.series, args.months)
        generate_search(search, args.series, args.months)
        generate_portal(portal, args.countries, args.quarters)
        generate_long(long, args.series, args.months)
        generate_json(api_json, args.series, args.months)
        generate_mof(mof, args.months)
        cases = [
            ("boj-wide", wide, "pandas.read_csv", True),
            ("boj-csv", long, "pandas.read_csv", True),
            ("boj-json", api_json, "json.loads", True),
            ("boj-search", search, "pandas.read_csv", True),
            ("mof-csv", mof, "pandas.read_csv", False),
            ("imf-sdmx", fixtures / "imf_bop_deu.json", "json.loads", False),
            ("imf-sdmx", portal, "json.loads", False),
        ]
        print(f"BoJ files: {args.series} series x {args.months} months")
        for fmt, path, base_name, targeted in cases:

            def read_plain(p: Path = path, f: str = fmt) -> object:
                if f in ("boj-json", "imf-sdmx"):
                    return json.loads(p.read_text("utf-8"))
                japanese = f in ("mof-csv", "boj-search")
                return pd.read_csv(
                    p,
                    encoding="cp932" if japanese else "utf-8",
                    skiprows=3 if f == "mof-csv" else 0,
                )

            def read_ours(p: Path = path, f: str = fmt) -> object:
                return import_file(p, f, vintage="2026-05-18")

            baseline = best_of(args.repeat, read_plain)
            ours = best_of(args.repeat, read_ours)
            figures = len(import_file(path, fmt, vintage="2026-05-18").dataset)
            gc.collect()
            tracemalloc.start()
            import_file(path, fmt, vintage="2026-05-18")
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            ratio = ours / baseline
            verdict = ""
            if targeted:
                passed = ratio <= 2.0 and peak < 2**30
                ok = ok and passed
                verdict = " PASS" if passed else " FAIL"
            print(
                f"{fmt:9} {path.stat().st_size / 1e6:6.1f} MB  {base_name} {baseline:.3f} s  "
                f"import {ours:.3f} s ({figures} figures)  ratio {ratio:.2f}x"
                f"{' (target <= 2.00x)' if targeted else ' (information)'}  "
                f"peak {peak / 2**20:.0f} MiB{verdict}"
            )
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    print(f"process max RSS {max_rss / 2**20:.0f} MiB (target < 1024 MiB)")
    ok = ok and max_rss < 2**30
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
