"""LibreOffice as an independent checker: recalculate a workbook, render it to PDF and PNG.

A private profile forces recalculation on load (OOXMLRecalcMode=0) and fixes the locale to
en-US; a private fontconfig file maps Meiryo (the Japanese font the workbook names, present on
Windows and in Office for Mac) to Noto Sans CJK JP, as Carlito stands in for Calibri.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")

_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N">
 <prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N">
 <prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
"""

_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>Meiryo</family>
    <prefer><family>Noto Sans CJK JP</family></prefer></alias>
</fontconfig>
"""


def available() -> bool:
    """True when soffice and pdftoppm are installed."""
    return SOFFICE is not None and PDFTOPPM is not None


def make_profile(root: Path) -> Path:
    """A LibreOffice user profile that recalculates everything on load."""
    user = root / "profile" / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    (root / "fonts.conf").write_text(_FONTS, encoding="utf-8")
    return root


def _run(root: Path, args: list[str], timeout: int = 180) -> None:
    assert SOFFICE is not None
    env = dict(os.environ, FONTCONFIG_FILE=str(root / "fonts.conf"), SAL_USE_VCLPLUGIN="svp")
    profile = (root / "profile").resolve().as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", *args],
        check=True,
        capture_output=True,
        timeout=timeout,
        env=env,
    )


def recalculate(root: Path, workbook: Path, outdir: Path) -> Path:
    """Open, recalculate and save as xlsx in ``outdir``; returns the new file."""
    outdir.mkdir(parents=True, exist_ok=True)
    _run(
        root,
        ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(workbook)],
    )
    result = outdir / workbook.name
    assert result.exists(), f"LibreOffice wrote no {result}"
    return result


def render(root: Path, workbook: Path, outdir: Path, dpi: int = 110) -> list[Path]:
    """PDF of the workbook, then one PNG per page; returns the PNGs in page order."""
    assert PDFTOPPM is not None
    outdir.mkdir(parents=True, exist_ok=True)
    _run(root, ["--convert-to", "pdf", "--outdir", str(outdir), str(workbook)])
    pdf = outdir / (workbook.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice wrote no {pdf}"
    prefix = outdir / workbook.stem
    subprocess.run(
        [PDFTOPPM, "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True, timeout=120
    )
    return sorted(outdir.glob(f"{workbook.stem}-*.png"))


def recalculate_many(root: Path, workbooks: list[Path], outdir: Path) -> list[Path]:
    """``recalculate`` for several workbooks in one LibreOffice run (one start-up)."""
    outdir.mkdir(parents=True, exist_ok=True)
    _run(
        root,
        ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir)]
        + [str(w) for w in workbooks],
        timeout=300,
    )
    found = [outdir / w.name for w in workbooks]
    assert all(f.exists() for f in found), f"LibreOffice wrote no {found}"
    return found


def to_pdf_many(root: Path, workbooks: list[Path], outdir: Path) -> list[Path]:
    """The PDF of each workbook, in one LibreOffice run."""
    outdir.mkdir(parents=True, exist_ok=True)
    _run(root, ["--convert-to", "pdf", "--outdir", str(outdir)] + [str(w) for w in workbooks], 300)
    found = [outdir / (w.stem + ".pdf") for w in workbooks]
    assert all(f.exists() for f in found), f"LibreOffice wrote no {found}"
    return found
