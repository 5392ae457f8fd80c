"""Atomic writes under signals: SIGTERM/SIGHUP leave the old file and no temporary file, for
``write_atomic`` alone and for the whole `digital-deficit brief` command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digital_deficit.data.atomic import STALE_AFTER_SECONDS, remove_stale_temporaries, write_atomic

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

# The child stops inside write_atomic once its temporary file is written and synced
# (os.fsync patched to announce it and wait), so the signal arrives while the file exists.
# Mode "brief" runs the whole command (options, dataset, building the workbook) instead.
CHILD = """
import os, sys, time
from digital_deficit.data import atomic
real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    print("ready", flush=True)
    time.sleep(60)
os.fsync = fsync
if sys.argv[2] == "own-handler":
    import signal
    def stop(signum, frame):
        raise SystemExit(3)
    signal.signal(signal.SIGTERM, stop)
if sys.argv[2] == "brief":
    from digital_deficit.cli.main import main
    sys.exit(main(["brief", "--out", sys.argv[1], "--force"]))
atomic.write_atomic(sys.argv[1], b"new " * 250_000)
"""


def _interrupt(target: Path, signum: int, mode: str = "default") -> int:
    env = {k: v for k, v in os.environ.items() if k != "DIGITAL_DEFICIT_DATA"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target), mode],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    temporaries = [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    assert [p.name.startswith(f".{target.name}.{child.pid}-") for p in temporaries] == [True]
    assert temporaries[0].stat().st_size > 10_000  # written whole, not yet renamed
    child.send_signal(signum)
    try:
        return child.wait(timeout=60)
    finally:
        child.stdout.close()


@pytest.mark.slow
def test_sigterm_while_the_temporary_file_exists_20_times(tmp_path: Path) -> None:
    target = tmp_path / "briefing.xlsx"
    target.write_bytes(b"old workbook")
    for _ in range(20):
        assert _interrupt(target, signal.SIGTERM) == -signal.SIGTERM
        assert target.read_bytes() == b"old workbook"
        assert [p.name for p in tmp_path.iterdir()] == ["briefing.xlsx"]


@pytest.mark.slow  # 21 interpreters, each building a briefing
def test_brief_itself_killed_20_times_while_its_temporary_workbook_exists(tmp_path: Path) -> None:
    target = tmp_path / "briefing.xlsx"
    target.write_bytes(b"old workbook")
    for signum in [signal.SIGTERM] * 20 + [signal.SIGHUP]:
        assert _interrupt(target, signum, "brief") == -signum
        assert target.read_bytes() == b"old workbook"
        assert [p.name for p in tmp_path.iterdir()] == ["briefing.xlsx"]


def test_sighup_and_a_program_handler_that_stops(tmp_path: Path) -> None:
    target = tmp_path / "data.csv"
    target.write_bytes(b"old data")
    assert _interrupt(target, signal.SIGHUP) == -signal.SIGHUP
    assert _interrupt(target, signal.SIGTERM, "own-handler") == 3  # its SystemExit, cleaned up
    assert target.read_bytes() == b"old data"
    assert [p.name for p in tmp_path.iterdir()] == ["data.csv"]


def test_handlers_are_restored_after_a_write(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGTERM)
    write_atomic(tmp_path / "x.csv", b"x")
    assert signal.getsignal(signal.SIGTERM) is before


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporary_files_are_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "briefing.xlsx"
    killed = tmp_path / f".briefing.xlsx.{_dead_pid()}-abc123_x.tmp"  # SIGKILLed earlier
    live = tmp_path / f".briefing.xlsx.{os.getppid()}-livexyz.tmp"  # a running writer's
    legacy_old = tmp_path / ".briefing.xlsx.k2j4h5g6.tmp"  # older naming, abandoned
    legacy_new = tmp_path / ".briefing.xlsx.a1b2c3d4.tmp"  # older naming, maybe running
    other = tmp_path / ".other.xlsx.123-abc.tmp"  # another target's
    for path in (killed, live, legacy_old, legacy_new, other):
        path.write_bytes(b"partial")
    old = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(legacy_old, (old, old))
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    remaining = sorted(p.name for p in tmp_path.iterdir())
    assert remaining == sorted(["briefing.xlsx", live.name, legacy_new.name, other.name])
    assert remove_stale_temporaries(target) == []
