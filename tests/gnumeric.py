"""Gnumeric as a second independent checker: ``ssconvert --recalc`` recalculates a workbook and
writes it again (as .xlsx, with the recalculated values cached)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SSCONVERT = shutil.which("ssconvert")


def available() -> bool:
    """True when Gnumeric's ssconvert is installed (Debian package gnumeric)."""
    return SSCONVERT is not None


def recalculate(workbook: Path, outdir: Path) -> Path:
    """Open, recalculate every formula and save as xlsx in ``outdir``; returns the new file."""
    assert SSCONVERT is not None
    outdir.mkdir(parents=True, exist_ok=True)
    result = outdir / workbook.name
    subprocess.run(
        [SSCONVERT, "--recalc", str(workbook), str(result)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert result.exists(), f"ssconvert wrote no {result}"
    return result
