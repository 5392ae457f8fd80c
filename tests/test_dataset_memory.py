"""Reading a dataset file bounds its memory: limits checked up front, rows streamed."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from digital_deficit.cli.main import main
from digital_deficit.data import csvio
from digital_deficit.data.csvio import MAX_DATASET_BYTES, MAX_DATASET_ROWS, read_dataset

HEADER = "country,basis,period,item,definition,side,value,unit,precision,vintage,source\n"
SOURCE = (
    "\"BoJ Time-Series Data Search API, BP01: series BPBP6JYNCB 'Current account/Net balance' "
    '= current_account net (known BP01 code). This product uses the API of the BoJ site."'
)
ITEMS = ("current_account", "goods", "services", "travel", "primary_income", "ict_services")
BYTES_PER_ROW = 2_000
"""Stated bound: reading holds at most this much memory per row (measured about 1,200)."""
PEAK_AT_LIMIT = 1_000_000_000
"""Stated bound: `metrics` on a file of MAX_DATASET_ROWS rows peaks under 1 GB (README, Data)."""


def write_rows(path: Path, rows: int) -> None:
    """``rows`` monthly figures in usd_million for three-letter countries AAA, AAB, ..."""
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for n in range(rows):
            month, rest = n % 360, n // 360
            item, country = ITEMS[rest % len(ITEMS)], rest // len(ITEMS)
            code = "".join(chr(65 + (country // 26**k) % 26) for k in (2, 1, 0))
            code = "ZZZ" if code == "JPN" else code
            out.write(
                f"{code},M,{1996 + month // 12}-{month % 12 + 1:02d},{item},,net,"
                f"{n * 1.25 + 0.12345678},usd_million,1,2026-05-18,{SOURCE}\n"
            )


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(200 * 2**20)  # sparse: nothing to read, only its size
    started = time.perf_counter()
    with pytest.raises(csvio.DatasetFileError) as info:
        read_dataset(path)
    assert time.perf_counter() - started < 0.5
    assert str(info.value) == (
        f"{path}: is 209,715,200 bytes; the limit of a dataset file is 128 MB and 500,000 rows "
        "(split it, or keep only the countries and years you need)"
    )
    assert MAX_DATASET_BYTES == 128 * 2**20 and MAX_DATASET_ROWS == 500_000


def test_more_rows_than_the_limit_stop_the_read_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "many.csv"
    write_rows(path, 120)
    monkeypatch.setattr(csvio, "MAX_DATASET_ROWS", 100)
    assert main(["metrics", "--data", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"digital-deficit metrics: error: {path}, line 102: has more rows; the limit of a "
        "dataset file is 128 MB and 100 rows (split it, or keep only the countries and years "
        "you need)\n"
    )


@pytest.mark.slow
def test_memory_per_row_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    rows = 10_000
    write_rows(path, rows)
    tracemalloc.start()
    try:
        data = read_dataset(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(data) == rows
    assert peak / rows < BYTES_PER_ROW, f"{peak / rows:.0f} bytes a row"


@pytest.mark.slow
def test_metrics_on_a_file_at_the_row_limit_stays_under_1_gb(tmp_path: Path) -> None:
    path = tmp_path / "limit.csv"
    write_rows(path, MAX_DATASET_ROWS)
    assert path.stat().st_size <= MAX_DATASET_BYTES
    run = subprocess.run(
        [sys.executable, "-m", "digital_deficit.cli.main", "metrics", "--data", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # Linux: KiB
    assert peak < PEAK_AT_LIMIT, f"peak {peak / 1e6:.0f} MB"
