"""`digital-deficit brief` itself under SIGTERM and SIGHUP (issue 11): killed at the moment its
temporary workbook exists, 20 times, it leaves the old workbook intact and nothing beside it.

``test_atomic_write`` does the same for ``write_atomic`` alone; this runs the whole command
(options, dataset, building the workbook) in a child process that stops once the temporary
file is written and synced (os.fsync patched to announce it and wait).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="POSIX signals"),
    pytest.mark.slow,  # 21 interpreters, each building a briefing
]

CHILD = """
import os, sys, time
real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    print("ready", flush=True)
    time.sleep(60)
os.fsync = fsync
from digital_deficit.cli.main import main
sys.exit(main(["brief", "--out", sys.argv[1], "--force"]))
"""


def _interrupt(target: Path, signum: int) -> int:
    env = {k: v for k, v in os.environ.items() if k != "DIGITAL_DEFICIT_DATA"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    temporaries = [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    assert len(temporaries) == 1 and temporaries[0].startswith(f".{target.name}.{child.pid}-")
    assert (target.parent / temporaries[0]).stat().st_size > 10_000  # the workbook, written
    child.send_signal(signum)
    return child.wait(timeout=60)


def test_brief_killed_20_times_while_its_temporary_file_exists(tmp_path: Path) -> None:
    target = tmp_path / "briefing.xlsx"
    target.write_bytes(b"old workbook")
    for signum in [signal.SIGTERM] * 20 + [signal.SIGHUP]:
        assert _interrupt(target, signum) == -signum
        assert target.read_bytes() == b"old workbook"
        assert os.listdir(tmp_path) == ["briefing.xlsx"]
