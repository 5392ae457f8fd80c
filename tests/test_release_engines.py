"""Release-day briefings (monthly data, `--compare`, the `--pdf` glance page) recalculate in
LibreOffice and Gnumeric to their cached values on every sheet, marks included (the data hold
a revised and a rounded month: ``with_marks``), with no error value on a visible sheet;
`--pdf` prints the briefing through LibreOffice, starting with the one-page summary (issues 9
and 12). Slow: one LibreOffice run recalculates the three variants, Gnumeric each."""

from __future__ import annotations

import math
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from digital_deficit.cli.main import main
from digital_deficit.data.csvio import read_dataset, write_dataset
from digital_deficit.data.importers.dispatch import import_file
from digital_deficit.export.builder import build_briefing
from digital_deficit.export.options import BriefOptions
from tests import gnumeric as gn
from tests import libreoffice as lo
from tests.briefing_fixtures import GENERATED, formula_cells, values
from tests.briefing_fixtures import same as same_cell
from tests.monthly_release_data import digital, monthly_file, with_marks
from tests.test_export_libreoffice import ERRORS

FIXTURES = Path(__file__).parent / "fixtures"
RELEASE_SHEETS = {
    "en": ("Latest release", "Months", "Monthly chart data", "Countries", "At a glance"),
    "ja": ("最新月", "月次", "月次グラフ用データ", "各国比較", "要旨"),
}
VARIANTS: dict[str, dict[str, Any]] = {
    "monthly": {"pdf": True, "compare": "DEU,USA", "usdjpy": 150.0},
    "fy_ja_narrow": {
        "basis": "FY",
        "lang": "ja",
        "definition": "narrow",
        "cf_method": "oguro1",
        "pdf": True,
        "compare": "DEU,USA",
        "usdjpy": 150.0,
    },
    "compare_repatriation": {
        "compare": "DEU,USA,KOR",
        "usdjpy": 149.5,
        "cf_method": "repatriation",
        "repatriation_share": 0.35,
        "release": "first",
    },
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (lo.available() and gn.available()) and not os.environ.get("CI"),
        reason="LibreOffice or Gnumeric not installed",
    ),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Japan's monthly figures (a month revised, a month rounded) and three countries' IMF
    figures in one dataset file."""
    tmp = tmp_path_factory.mktemp("data")
    imf = import_file(FIXTURES / "imf_portal_countries.xml", vintage="2026-04-01").dataset
    both = tmp / "both.csv"
    japan = with_marks(read_dataset(monthly_file(tmp)).observations)
    write_dataset(both, [*japan, *imf.observations])
    return both


@pytest.fixture(scope="module")
def recalculated(
    data: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, Path, Path]]:
    """Each variant: (as built, as LibreOffice recalculates it, as Gnumeric does). The
    ``pdf`` variants hold the glance page; their PDF is not printed here."""
    tmp = tmp_path_factory.mktemp("release_engines")
    profile = lo.make_profile(tmp)
    built = {}
    for name, options in VARIANTS.items():
        briefing = build_briefing(BriefOptions(data=str(data), **options), generated=GENERATED)
        built[name] = tmp / f"{name}.xlsx"
        built[name].write_bytes(briefing.to_bytes())
    by_lo = lo.recalculate_many(profile, list(built.values()), tmp / "lo")
    return {
        name: (path, fresh, gn.recalculate(path, tmp / "gn"))
        for (name, path), fresh in zip(built.items(), by_lo, strict=True)
    }


def same(a: object, b: object) -> bool:
    """Equal, numbers to 1e-9 relative or 1e-9 absolute: a change between two months is a
    difference of sums that each engine adds in its own order (1e-9 oku yen is 0.1 yen)."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return same_cell(a, b)  # an empty text result saved as "" or as nothing


@pytest.mark.parametrize("engine", [1, 2], ids=["libreoffice", "gnumeric"])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_recalculated_values_equal_cached_values(
    recalculated: dict[str, tuple[Path, Path, Path]], variant: str, engine: int
) -> None:
    built, *engines = recalculated[variant]
    cached, fresh = values(built), values(engines[engine - 1])
    lang = VARIANTS[variant].get("lang", "en")
    ours = list(formula_cells(built))  # every sheet's: the marks' shadows too
    release = [c for c in ours if c[0] in RELEASE_SHEETS[lang]]
    assert len(release) > 1000 and len(ours) > 4000
    if VARIANTS[variant].get("pdf"):
        assert {RELEASE_SHEETS[lang][-1], RELEASE_SHEETS[lang][-2]} <= {c[0] for c in ours}
    wrong = [
        (s, c, cached[s][c].value, fresh[s][c].value)
        for s, c, _ in ours
        if not same(cached[s][c].value, fresh[s][c].value)
    ]
    assert wrong == []


@pytest.mark.parametrize("engine", [1, 2], ids=["libreoffice", "gnumeric"])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_no_error_values(
    recalculated: dict[str, tuple[Path, Path, Path]], variant: str, engine: int
) -> None:
    built, *engines = recalculated[variant]
    book = values(engines[engine - 1])
    for sheet in values(built).worksheets:  # the sheets visible as built (Gnumeric unhides)
        if sheet.sheet_state != "visible":
            continue
        for row in book[sheet.title].iter_rows(values_only=True):
            for value in row:
                assert not any(str(value).startswith(e) for e in ERRORS), (sheet.title, value)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize(
    ("options", "pages", "expected"),
    [
        (
            [],
            ["At a glance", "Cover", "Summary", "Latest release", "Latest release",
             "Monthly charts", "Countries", "Digital", "Current account", "Outlook",
             "Assumptions", "Sources & method"],
            [f"Digital balance -¥{-digital('net', (2025, 3)) / 10000:.2f}T in 2025-03, "
             f"against -¥{-digital('net', (2024, 3)) / 10000:.2f}T in 2024-03.",
             "Latest release: 2025-03", "Monthly digital balance by component"],
        ),
        (
            ["--lang", "ja", "--basis", "FY"],
            ["要旨", "表紙", "概要", "最新月", "最新月", "月次グラフ", "各国比較",
             "デジタル収支", "経常収支", "見通し", "前提", "出典と方法"],
            ["年度初来（2024年度4～3月）は", "最新月：2025年3月"],
        ),
    ],
    ids=["en", "ja_fy"],
)  # fmt: skip
def test_pdf_starts_with_the_summary_page(
    data: Path,
    tmp_path: Path,
    options: list[str],
    pages: list[str],
    expected: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "b.xlsx"
    args = ["brief", "--data", str(data), "--compare", "DEU,USA", "--usdjpy", "150"]
    assert main([*args, *options, "--out", str(out), "--pdf"]) == 0
    printed = out.with_suffix(".pdf")
    assert printed.exists()
    said = capsys.readouterr()
    building, warning = said.err.splitlines()
    assert building == f"building {out}, then printing {printed} with LibreOffice"
    # the monthly data cover only recent years and carry no crude-oil imports: the rest is embedded
    assert warning.startswith("warning: "), warning
    assert f" come from the embedded published figures, not from {data} (2014" in warning
    assert said.out == f"wrote {out}\nwrote {printed}\n"
    text = subprocess.run(
        ["pdftotext", "-layout", str(printed), "-"], capture_output=True, check=True, text=True
    ).stdout
    heads = [_head(page) for page in text.split("\f") if page.strip()]
    # the sheets in reading order; the other helpers' sheets may grow by pages, not in number
    assert list(dict.fromkeys(heads)) == list(dict.fromkeys(pages)), heads
    assert heads[: pages.index(pages[7])] == pages[:7]  # one-page summary, then release day
    flat = " ".join(text.split())
    for sentence in expected:
        assert sentence in flat
    assert main([*args, *options, "--out", str(out), "--pdf"]) == 1  # both exist: --force


def _head(page: str) -> str:
    """The sheet name the page header prints at its top right."""
    first = next(line for line in page.splitlines() if line.strip())
    return first.split("   ")[-1].strip()
