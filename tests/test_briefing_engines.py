"""The English, Japanese and FY briefings in two spreadsheet engines and on paper (issue 12).

- LibreOffice and Gnumeric (``ssconvert --recalc``) recalculate every formula, marks included,
  to its cached value; no error value shows outside the chart data.
- The Cover's links are internal locations that survive both engines and point at the cells
  the messages read.
- Editing the target year (2040, 2050) extends the projection path and the chart's points.
- Printed (LibreOffice's PDF): every visible sheet on A4 landscape, the tables one page wide
  at a readable size (the Data sheet's header row repeated on each page), the marks where
  the reader looks, FY wording throughout.

One LibreOffice run recalculates the three briefings, one renders them, one recalculates the
edited target years; Gnumeric runs once per briefing.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from digital_deficit.export.builder import build_briefing
from digital_deficit.export.options import BriefOptions
from tests import gnumeric as gn
from tests import libreoffice as lo
from tests.briefing_fixtures import GENERATED, build, differences, formula_cells, values

pytestmark = [
    pytest.mark.skipif(
        not (lo.available() and gn.available()) and not os.environ.get("CI"),
        reason="LibreOffice, pdftoppm or Gnumeric not installed",
    ),
    pytest.mark.slow,
]

VARIANTS: dict[str, dict[str, Any]] = {
    "en": {},
    "ja": {"lang": "ja"},
    "fy": {"basis": "FY", "definition": "narrow", "cf_method": "oguro1"},
}
ERRORS = ("#REF!", "#NAME?", "#DIV/0!", "#VALUE!", "#NUM!", "#NULL!", "Err:")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return lo.make_profile(tmp_path_factory.mktemp("engines"))


@pytest.fixture(scope="module")
def built(root: Path) -> dict[str, Path]:
    return {name: build(root, f"{name}.xlsx", **options) for name, options in VARIANTS.items()}


@pytest.fixture(scope="module")
def recalculated(root: Path, built: dict[str, Path]) -> dict[tuple[str, str], Path]:
    """(variant, engine) -> the workbook as that engine recalculated and saved it."""
    names = list(built)
    out = dict(
        zip(
            [(n, "libreoffice") for n in names],
            lo.recalculate_many(root, list(built.values()), root / "lo"),
            strict=True,
        )
    )
    for name, path in built.items():
        out[(name, "gnumeric")] = gn.recalculate(path, root / "gnumeric")
    return out


@pytest.mark.parametrize("engine", ["libreoffice", "gnumeric"])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_formula_recalculates_to_its_cached_value(
    built: dict[str, Path], recalculated: dict[tuple[str, str], Path], variant: str, engine: str
) -> None:
    path, recalc = built[variant], recalculated[(variant, engine)]
    assert len(list(formula_cells(path))) > 1200
    assert differences(path, recalc) == []
    cached, fresh = values(path), values(recalc)
    for sheet in cached.worksheets:  # the sheets visible as built (Gnumeric unhides them)
        if sheet.sheet_state != "visible":
            continue
        ws = fresh[sheet.title]
        shown = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        assert not [t for t in shown if t.startswith(ERRORS) or t == "#N/A"], ws.title


@pytest.mark.parametrize("engine", ["built", "libreoffice", "gnumeric"])
def test_the_cover_links_point_at_the_cells_the_messages_read(
    built: dict[str, Path], recalculated: dict[tuple[str, str], Path], engine: str
) -> None:
    path = built["en"] if engine == "built" else recalculated[("en", engine)]
    wb = openpyxl.load_workbook(path)
    cover = wb["Cover"]
    links = [(r, cover[f"D{r}"].hyperlink) for r in range(14, 19)]
    # Gnumeric writes the sheet name unquoted (Summary!C5): the same place
    assert [link.location.replace("'", "") if link else None for _, link in links] == [
        "Summary!C5",
        "Summary!C6",
        "Summary!C8",
        "Summary!C11",
        "Outlook!C15",
    ]
    for row, link in links:
        sheet, cell = link.location.rsplit("!", 1)
        target = wb[sheet.strip("'")][cell]
        assert str(target.value).startswith("="), (row, link.location)
        # the message reads the cell it links to
        assert cell.replace("C", "$C$") in str(cover[f"C{row}"].value)


@pytest.fixture(scope="module")
def edited(root: Path, built: dict[str, Path]) -> dict[int, Path]:
    """The English briefing with its target year set to 2040 and to 2050 on Assumptions,
    recalculated by LibreOffice."""
    paths = []
    for year in (2040, 2050):
        wb = openpyxl.load_workbook(built["en"])
        cell = wb.defined_names["Target_Year"].attr_text.split("!")[1].replace("$", "")
        wb["Assumptions"][cell] = year
        path = root / f"target{year}.xlsx"
        wb.save(path)
        paths.append(path)
    return dict(zip((2040, 2050), lo.recalculate_many(root, paths, root / "edited"), strict=True))


@pytest.mark.parametrize("target", [2040, 2050])
def test_editing_the_target_year_extends_the_path_and_its_chart(
    edited: dict[int, Path], target: int
) -> None:
    expected = build_briefing(BriefOptions(target_year=target), generated=GENERATED)
    numbers, layout = expected.numbers, expected.layout
    wb = values(edited[target])
    outlook, chart = wb["Outlook"], wb["Chart data"]
    assert outlook[f"C{layout.outlook.rows['res:at_target']}"].value == pytest.approx(
        numbers.at_target / 10000, rel=1e-9
    )
    path = layout.path
    for block in layout.outlook_paths:
        for year in block.years:
            shown = outlook[block.local("op:value", year)].value
            x = chart[path.local("p:x", year)].value
            point = chart[path.local("p:projection", year)].value
            if year <= target:
                assert shown == pytest.approx(numbers.projection[year] / 10000, rel=1e-9), year
                assert (x, point) == (year, pytest.approx(shown, rel=1e-12))
            else:
                assert shown in (None, "") and x == "#N/A" and point == "#N/A", year
    assert max(y for y in path.years if chart[path.local("p:x", y)].value != "#N/A") == target


@pytest.fixture(scope="module")
def pages(root: Path, built: dict[str, Path]) -> dict[str, list[str]]:
    """Each variant's printed pages as text (LibreOffice's PDF, pdftotext -layout)."""
    pdfs = lo.to_pdf_many(root, list(built.values()), root / "pdf")
    out = {}
    for name, pdf in zip(built, pdfs, strict=True):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        out[name] = text.split("\f")[:-1]
    return out


def _sheet_of(page: str) -> str:
    """The sheet name the page's header carries (right of the first line)."""
    return page.strip().splitlines()[0].split()[-1]


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_sheet_prints_one_page_wide_and_readable(
    pages: dict[str, list[str]], built: dict[str, Path], variant: str
) -> None:
    wb = openpyxl.load_workbook(built[variant])
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    printed = [_sheet_of(p) for p in pages[variant]]
    per_sheet = {title: printed.count(title.split()[-1]) for title in visible}
    # the title pages and tables on one page each; the Data sheet and the Sources' texts as
    # many as they take
    data_title, sources_title = visible[6], visible[7]
    assert {t: n for t, n in per_sheet.items() if t not in (data_title, sources_title)} == {
        t: 1 for t in visible[:6]
    }
    assert per_sheet[data_title] >= 2  # long: as many pages as it takes, each with its header
    assert 1 <= per_sheet[sources_title] <= 2
    header = wb[data_title]["A4"].value
    data_pages = [p for p in pages[variant] if _sheet_of(p) == data_title.split()[-1]]
    assert all(header in p for p in data_pages)  # the header row repeated on every page
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
            assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
            area = ws.print_area.split("!")[1].replace("$", "")
            last = openpyxl.utils.column_index_from_string(re.sub(r"\d", "", area.split(":")[1]))
            used = max(c.column for row in ws.iter_rows() for c in row if c.value is not None)
            assert used <= last, ws.title


def test_the_data_sheet_prints_at_a_readable_size(root: Path, built: dict[str, Path]) -> None:
    pdf = root / "pdf" / "en.pdf"
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", "7", "-l", "7", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    heights = sorted(
        float(y2) - float(y1)
        for y1, y2 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', words)
    )
    # 10-point text printed at about 80%: not the half size it had
    assert heights[len(heights) // 2] >= 7.5


@pytest.mark.parametrize(
    ("variant", "sheet", "texts"),
    [
        ("en", 1, ["≈-¥6.80T", "first reported -¥6.65T", "≈86.7%†"]),
        ("en", 2, ["≈-¥6.80T", "2023: -¥5.54T; 2024: -¥6.65T", "≈3.16×"]),
        ("en", 3, ["≈-¥10.89T†", "¥3.90T†"]),
        ("ja", 1, ["≈-6.80兆円", "当初公表値 -6.65兆円", "2025年7月改定"]),
        ("fy", 0, ["FY2014-FY2024", "in FY2024", "FY2023 against a headline"]),
        ("fy", 4, ["FY2030", "Calendar year"]),
    ],
)
def test_marks_and_wording_where_the_reader_looks(
    pages: dict[str, list[str]], variant: str, sheet: int, texts: list[str]
) -> None:
    page = " ".join(pages[variant][sheet].split())
    for text in texts:
        assert " ".join(text.split()) in page, text
    assert "n/a" not in "".join(re.findall(r"FYn/a|FY n/a", page))
