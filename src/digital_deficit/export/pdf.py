"""NAME.pdf beside NAME.xlsx: the briefing printed by LibreOffice headless (``--pdf``).

LibreOffice prints each visible sheet with its page set-up (A4 landscape, print areas, repeated
header rows); the long Data and Months sheets are left out of the PDF (the workbook holds them).
A private profile and font map keep the run independent of the user's LibreOffice: Meiryo (the
Japanese font the workbook names) is drawn with Noto Sans CJK JP and Calibri with Carlito where
those are installed. The PDF is written atomically, like the workbook.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from digital_deficit.data.csvio import write_atomic

DEBIAN_PACKAGE = "libreoffice-calc-nogui"
TIMEOUT_SECONDS = 600

_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>Meiryo</family><prefer><family>Noto Sans CJK JP</family>
  </prefer></alias>
  <alias binding="same"><family>Calibri</family><prefer><family>Carlito</family></prefer></alias>
</fontconfig>
"""


class PdfError(OSError):
    """LibreOffice is not installed, or it could not print the workbook."""


def soffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_path(workbook: Path) -> Path:
    """Where --pdf writes: NAME.pdf beside NAME.xlsx."""
    return workbook.with_suffix(".pdf")


def pdf_target(workbook: Path, force: bool) -> Path:
    """NAME.pdf beside NAME.xlsx, checked before anything is built: LibreOffice must be
    installed and an existing PDF is replaced only with ``force``."""
    if soffice() is None:
        raise PdfError(
            "--pdf needs LibreOffice (soffice), which is not installed; install the Debian "
            f"package {DEBIAN_PACKAGE} (apt-get install {DEBIAN_PACKAGE})"
        )
    target = pdf_path(workbook)
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a directory; give another workbook name")
    if target.exists() and not force:
        raise FileExistsError(f"{target} exists; use --force to overwrite it")
    return target


def print_workbook(
    workbook: Any,
    package: Callable[[], bytes],
    leave_out: Iterable[str],
    target: Path,
    force: bool,
    timeout: int = TIMEOUT_SECONDS,
) -> Path:
    """Print ``workbook`` (serialised by ``package``) to ``target``, without the sheets named in
    ``leave_out``; the workbook itself is left as it was."""
    # LibreOffice prints a hidden sheet that has a print area: clear it too, then restore
    kept = {
        t: (workbook[t].sheet_state, workbook[t]._print_area, workbook[t]._print_rows)
        for t in leave_out
    }
    try:
        for title in leave_out:
            ws = workbook[title]
            ws.sheet_state, ws.print_area, ws._print_rows = "hidden", None, None
        data = package()
    finally:
        for title, (state, area, rows) in kept.items():
            ws = workbook[title]
            ws.sheet_state, ws._print_area, ws._print_rows = state, area, rows
    write_atomic(target, to_pdf(data, target.stem, timeout), overwrite=force)
    return target


def to_pdf(package: bytes, stem: str, timeout: int = TIMEOUT_SECONDS) -> bytes:
    """The PDF LibreOffice prints from an .xlsx package."""
    program = soffice()
    if program is None:
        raise PdfError(f"LibreOffice is not installed; install the Debian package {DEBIAN_PACKAGE}")
    with tempfile.TemporaryDirectory(prefix="digital-deficit-pdf-") as name:
        root = Path(name)
        book = root / f"{stem}.xlsx"
        book.write_bytes(package)
        (root / "fonts.conf").write_text(_FONTS, encoding="utf-8")
        env = dict(os.environ, FONTCONFIG_FILE=str(root / "fonts.conf"), SAL_USE_VCLPLUGIN="svp")
        profile = (root / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(root),
            str(book),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice did not finish printing in {timeout} s") from None
        pdf = root / f"{stem}.pdf"
        if done.returncode != 0 or not pdf.exists():
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            raise PdfError(
                f"LibreOffice could not print the workbook (exit {done.returncode})"
                + (f": {said.splitlines()[-1]}" if said else "")
            )
        return pdf.read_bytes()
