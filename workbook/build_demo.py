"""Build workbook/digital_deficit_demo.xlsx: the Excel functions on published figures.

Sheets: Instructions; Data (published series pulled with DD_SERIES, citations with DD_SOURCE,
the vocabularies); Components (component tables for DD_DIGITAL_BALANCE, DD_DIGITAL_PAYMENTS and
DD_DIGITAL_RECEIPTS); Metrics (each metric computed by a UDF next to the value expected from the
published figures, its source, a tolerance from the figures' precision and a check cell); Your data
(a dataset table in cells, read by the data functions' ``data`` argument, checked the same way).

The Expected column never calls the functions it checks: it is the published figure (PUBLISHED
below, copied from the embedded dataset with its precision and source; a test compares the two)
or plain arithmetic on published figures. The tolerance is how far the result may move when every
published input moves by half its precision (``precision_oku_yen``), plus half the precision of
the expected figure when that is itself a separately published, rounded result.

openpyxl writes formulas without cached values: the workbook shows numbers once Excel with the
xlwings add-in (or xlwings Lite) calculates it. The file is byte-reproducible: its dates (the
document properties and every part's time in the zip) are fixed, so a rebuild changes the
committed file only when its content changes.

Run: ``python workbook/build_demo.py [OUTPUT.xlsx]``.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import statistics
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from digital_deficit import udfs
from digital_deficit.core.references import METI_SCENARIOS
from digital_deficit.data.csvio import COLUMNS

OUTPUT = Path(__file__).with_name("digital_deficit_demo.xlsx")
STAMP = dt.datetime(2026, 1, 1)  # the document's dates: fixed, so the build is reproducible
FIRST, LAST = 2014, 2025
FONT = "Calibri"
BOLD = Font(name=FONT, bold=True)
TITLE = Font(name=FONT, bold=True, size=14)
PLAIN = Font(name=FONT)
NOTE = Font(name=FONT, italic=True, color="C00000")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
ILLUSTRATIVE_FILL = PatternFill("solid", fgColor="FFF2CC")


@dataclass(frozen=True)
class Published:
    """A published figure as the embedded dataset holds it (oku yen)."""

    value: float
    precision: float
    source: str


# Published figures the Expected column uses: (item, period, definition, side, vintage) -> figure.
# Copied from src/digital_deficit/data/japan_bop_published.csv (tests compare them).
PUBLISHED: dict[tuple[str, str, str, str, str], Published] = {
    ("digital", "CY2024", "mof3", "net", "preliminary"): Published(
        -66506,
        1,
        "MOF via Jiji 2025-02-10: 6 trillion 6506 oku yen (the seed article's 6.65 trillion)",
    ),
    ("digital", "CY2024", "narrow", "net", "preliminary"): Published(
        -64622, 1, "Kyodo report of MOF figures (kumanichi.com 1685611)"
    ),
    ("digital", "FY2024", "mof3", "net", "preliminary"): Published(
        -69651, 1, "MOF via Jiji (FY2024)"
    ),
    ("digital", "CY2023", "mof3", "net", "preliminary"): Published(
        -55360, 1, "MOF via Jiji 2024-02-29: 5 trillion 5360 oku yen"
    ),
    ("digital", "CY2023", "mof3", "debit", "preliminary"): Published(
        92463, 1, "MOF via Jiji 2024-02-29: payments 9 trillion 2463 oku yen"
    ),
    ("digital", "CY2023", "mof3", "credit", "derived"): Published(
        37103,
        1,
        "payments minus net deficit (92463 - 55360); MRI rounds to 3.7 trillion",
    ),
    ("digital", "CY2014", "narrow", "net", "preliminary"): Published(
        -20225,
        1,
        "Kyodo report of MOF figures (kumanichi.com 1685611); the seed article's 2.02 trillion yen",
    ),
    ("digital", "CY2023", "narrow", "net", "official"): Published(
        -53452, 1, "Digital Agency priority plan 2024-06-21"
    ),
    ("ict_services", "CY2024", "", "net", "preliminary"): Published(
        -24941,
        1,
        "MOF via Jiji 2025-02-10: telecommunications, computer and information services "
        "2 trillion 4941 oku yen deficit",
    ),
    ("services", "CY2024", "", "net", "preliminary"): Published(
        -26162, 1, "MOF preliminary CY2024 release (Jiji/Kyodo)"
    ),
    ("travel", "CY2024", "", "net", "preliminary"): Published(
        58973, 1, "MOF preliminary CY2024 release (Kyodo via kumanichi 1685611)"
    ),
    ("crude_oil_imports", "CY2024", "", "debit", "analyst"): Published(
        107000, 1000, "Karakama via 2ch.logpo 396218 (about 10.7 trillion yen)"
    ),
    ("current_account", "CY2023", "", "net", "preliminary"): Published(
        206295,
        1,
        "MOF preliminary CY2023 release (Jiji table via moneytimes.jp 316783)",
    ),
    ("goods", "CY2023", "", "net", "preliminary"): Published(
        -66290, 1, "MOF preliminary CY2023 release (Jiji table)"
    ),
    ("services", "CY2023", "", "net", "preliminary"): Published(
        -32026, 1, "MOF preliminary CY2023 release (Jiji table)"
    ),
    ("primary_income", "CY2023", "", "net", "preliminary"): Published(
        345573, 1, "MOF preliminary CY2023 release (Jiji table)"
    ),
    ("secondary_income", "CY2023", "", "net", "preliminary"): Published(
        -40962, 1, "MOF preliminary CY2023 release (Jiji table)"
    ),
    ("current_account", "CY2022", "", "net", "preliminary"): Published(
        114432, 1, "MOF preliminary CY2022 release (Jiji; Nikkei 2023-02-08)"
    ),
    ("reinvested_earnings", "CY2022", "", "credit", "analyst"): Published(
        130000, 10000, "Karakama, Toyo Keizai 686158 p.4 (about 13 trillion yen)"
    ),
    ("reinvested_earnings", "CY2022", "", "debit", "analyst"): Published(
        17000, 1000, "Karakama, Toyo Keizai 686158 p.4 (about 1.7 trillion yen)"
    ),
    ("portfolio_investment_income", "CY2022", "", "credit", "analyst"): Published(
        185000, 1000, "Karakama, Toyo Keizai 686158 p.4 (about 18.5 trillion yen)"
    ),
    ("portfolio_investment_income", "CY2022", "", "debit", "analyst"): Published(
        82000, 1000, "Karakama, Toyo Keizai 686158 p.4 (about 8.2 trillion yen)"
    ),
    ("current_account", "FY2023", "", "net", "preliminary"): Published(
        253390, 1, "MOF preliminary FY2023 release (Jiji)"
    ),
    ("reinvested_earnings", "FY2023", "", "net", "preliminary"): Published(
        105687, 1, "MOF FY2023 release as reported by Nikkei (note.com/kecofin)"
    ),
    ("portfolio_investment_income", "FY2023", "", "net", "preliminary"): Published(
        128169, 1, "MOF FY2023 release as reported by Nikkei (note.com/kecofin)"
    ),
    ("current_account", "CY2019", "", "net", "preliminary"): Published(
        200597, 1, "MOF preliminary CY2019 release as reported by Nikkei 2020-02-10"
    ),
    ("reinvested_earnings", "CY2019", "", "net", "published"): Published(
        54050, 1, "MOF primary income table (finance.lv21.net)"
    ),
    ("bond_interest", "CY2019", "", "net", "published"): Published(
        94101, 1, "MOF primary income table (finance.lv21.net)"
    ),
    ("digital", "CY2024", "mof3", "net", "revised-2025-07"): Published(
        -68000,
        1000,
        "MIC Information and Communications White Paper 2025 (令和7年版情報通信白書, "
        "2025-07-08) https://www.soumu.go.jp/johotsusintokei/whitepaper/ja/r07/html/nd211400.html"
        ": 「④通信サービス、⑤情報サービスを加えると、約6.8兆円の赤字」",
    ),
    ("digital", "CY2024", "narrow", "net", "revised-2025-07"): Published(
        -67000,
        1000,
        "MIC Information and Communications White Paper 2025 (令和7年版情報通信白書, "
        "2025-07-08) https://www.soumu.go.jp/johotsusintokei/whitepaper/ja/r07/html/nd211400.html"
        ": 「①コンピュータサービス、②著作権等使用料、③専門・経営コンサルティングサービスの"
        "合計では、2024年では、約6.7兆円の赤字」",
    ),
    ("digital", "CY2023", "mof3", "net", "published"): Published(
        -55194,
        1,
        "Nikkei article (~2024-09, Karakama quoted) as reproduced at "
        "note.com/easy_plover3101/n/ne70fd814aa8c: "
        "「デジタル赤字は2023年に5兆5194億円だった。前年から16%の増加」",
    ),
    ("services", "CY2024", "", "net", "revised-2026-02"): Published(
        -27765,
        1,
        "Toyo Keizai 934947 (Karakama), CY2025 release table, previous-year column "
        "(MOF 2026-02-09)",
    ),
}

# A published result that is not a stored figure: Karakama's cash-flow current account, CY2022.
KARAKAMA_2022 = Published(
    -97000, 1000, "Karakama (Mizuho Bank), Weekly Economist 2024-06-04: about -9.7 trillion yen"
)

# Illustrative split of the 2023 mof3 payments and receipts (oku yen): NOT published. Only the
# totals are (PUBLISHED above); the split is made up so that its totals are the published ones.
COMPONENTS = ("copyright_royalties", "ict_services", "consulting")
ILLUSTRATIVE_PAYMENTS = (30000, 40000, 22463)
ILLUSTRATIVE_RECEIPTS = (10000, 15000, 12103)

# (title, item, definition, side) of each series block on the Data sheet
SERIES: tuple[tuple[str, str, str, str], ...] = (
    ("Digital balance (mof3)", "digital", "mof3", "net"),
    ("Digital balance (narrow)", "digital", "narrow", "net"),
    ("Services", "services", "", "net"),
    ("Travel", "travel", "", "net"),
    ("Current account", "current_account", "", "net"),
    ("Crude-oil imports", "crude_oil_imports", "", "debit"),
)

INSTRUCTIONS = (
    "Digital deficit demo workbook",
    "",
    "What it is: Japan's published balance-of-payments figures pulled into cells with the",
    "digital-deficit Excel functions (DD_...), and every metric computed by them.",
    "Units: oku yen (100 million yen; 10,000 oku yen = 1 trillion yen); ratios are fractions.",
    "",
    "The cells hold formulas only. This file was written by a script (openpyxl), which cannot",
    "calculate. Until Excel calculates it with the DD_ functions installed, formula cells show",
    "#NAME? (Excel without the functions, LibreOffice) or nothing (file previewers).",
    "",
    "Desktop Excel for Windows with the xlwings add-in (on a Mac use xlwings Lite):",
    "  1. In Command Prompt:  python -m venv %USERPROFILE%\\digital-deficit",
    "     then  %USERPROFILE%\\digital-deficit\\Scripts\\pip install digital-deficit",
    "  2. Install the add-in:  %USERPROFILE%\\digital-deficit\\Scripts\\xlwings addin install",
    "     and restart Excel; an xlwings tab appears.",
    "  3. In the xlwings tab set Interpreter to",
    "     C:\\Users\\<you>\\digital-deficit\\Scripts\\pythonw.exe  (without it Excel reports",
    '     "Could not activate Python COM server") and UDF Modules to  digital_deficit.udfs',
    "  4. Allow Import Functions to write its VBA module: File > Options > Trust Center >",
    "     Trust Center Settings > Macro Settings > Trust access to the VBA project object model.",
    "  5. Save this file as a macro-enabled workbook (.xlsm) and click Import Functions.",
    "  6. Press Ctrl+Alt+F9 to recalculate everything.",
    "  A missing figure shows as the text #N/A (classic xlwings cannot return error values);",
    "  a mistake in an argument shows its message in the cell.",
    "",
    "xlwings Lite (Excel on Windows, macOS and the web; no Python to install):",
    "  1. Home > Add-ins: search for xlwings Lite, add it and open it (xlwings Lite button).",
    "  2. In its editor, requirements.txt tab: keep the lines there and add this last line:",
    "         digital-deficit==0.1.0",
    "  3. main.py tab: replace everything with this one line:",
    "         from digital_deficit.udfs import *",
    "     then click Restart in the editor's menu; wait until the Output says it is done.",
    "  4. Press Ctrl+Alt+F9 (or re-enter a formula) to recalculate.",
    "  A missing figure shows as the error #N/A; a mistake shows #VALUE! with its message when",
    "  you hover over the cell.",
    "",
    "Sheets:",
    "  Data: published series (DD_SERIES), their citations (DD_SOURCE), items and definitions.",
    "  Components: tables of component values for DD_DIGITAL_BALANCE, DD_DIGITAL_PAYMENTS and",
    "  DD_DIGITAL_RECEIPTS. The 2023 split by component is ILLUSTRATIVE (not published): only its",
    "  totals are published figures.",
    "  Metrics: each metric by a DD_ function (Result), the value expected from the published",
    "  figures (Expected) with its source, a tolerance from the figures' precision, and a check",
    "  (OK when Result is within the tolerance of Expected).",
    "  Your data: a table of figures in cells (here METI's published projections) that",
    "  DD_VALUE, DD_SERIES and DD_SOURCE read through their last argument, data, on top of the",
    "  figures shipped with the functions. Edit or extend the table: the results follow.",
    "",
    "Series blocks on Data are legacy array formulas sized to the figures known when the file",
    "was built; in Excel 365 you may instead type =DD_SERIES(...) in one cell and let it spill.",
    "",
    "Sources: each figure's source and vintage is what DD_SOURCE returns; see the Data sheet.",
)


def _header(ws: Worksheet, row: int, values: Sequence[str]) -> None:
    for col, text in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=text)
        cell.font = BOLD
        cell.fill = HEADER_FILL


def _q(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _series_formula(item: str, definition: str, side: str) -> str:
    args = [_q(item), str(FIRST), str(LAST), "", _q(definition) if definition else ""]
    if side != "net":
        args.append(_q(side))
    return "=DD_SERIES(" + ",".join(args).rstrip(",") + ")"


def build_instructions(ws: Worksheet) -> None:
    ws.title = "Instructions"
    for row, line in enumerate(INSTRUCTIONS, start=1):
        cell = ws.cell(row=row, column=1, value=line)
        cell.font = TITLE if row == 1 else PLAIN
    ws.column_dimensions["A"].width = 100


def build_data(ws: Worksheet) -> dict[tuple[str, str, str], str]:
    """The series blocks; returns the value-column range of each (for the Metrics sheet)."""
    ws["A1"] = "Published figures (oku yen), pulled with DD_SERIES"
    ws["A1"].font = TITLE
    ranges: dict[tuple[str, str, str], str] = {}
    top = 3
    for i, (title, item, definition, side) in enumerate(SERIES):
        col = 1 + 2 * i
        rows = udfs.dd_series(item, FIRST, LAST, None, definition or None, side)
        first_cell = ws.cell(row=top, column=col, value=title)
        first_cell.font = BOLD
        start = ws.cell(row=top + 1, column=col).coordinate
        end = ws.cell(row=top + len(rows), column=col + 1).coordinate
        ws[start] = ArrayFormula(f"{start}:{end}", _series_formula(item, definition, side))
        value_col = ws.cell(row=top + 2, column=col + 1).column_letter
        period_col = ws.cell(row=top + 2, column=col).column_letter
        ranges[(item, definition, side)] = (
            f"Data!${period_col}${top + 2}:${period_col}${top + len(rows)}|"
            f"Data!${value_col}${top + 2}:${value_col}${top + len(rows)}"
        )
        ws.column_dimensions[period_col].width = 10
        ws.column_dimensions[value_col].width = 16
    n_rows = LAST - FIRST + 2
    src_col = 1 + 2 * len(SERIES)
    source_top = top
    ws.cell(
        row=source_top, column=src_col, value="Source of the mof3 figure (DD_SOURCE)"
    ).font = BOLD
    for r in range(top + 2, top + n_rows + 1):
        ws.cell(row=r, column=src_col, value=f'=DD_SOURCE("digital",A{r})')
    ws.column_dimensions[ws.cell(row=1, column=src_col).column_letter].width = 80
    vocab_top = top + n_rows + 3
    ws.cell(row=vocab_top, column=1, value="Items (DD_ITEMS)").font = BOLD
    items = udfs.dd_items()
    end = ws.cell(row=vocab_top + len(items), column=len(items[0])).coordinate
    ws.cell(row=vocab_top + 1, column=1).value = ArrayFormula(
        f"A{vocab_top + 1}:{end}", "=DD_ITEMS()"
    )
    def_top = vocab_top + len(items) + 3
    ws.cell(row=def_top, column=1, value="Definitions (DD_DEFINITIONS)").font = BOLD
    defs = udfs.dd_definitions()
    end = ws.cell(row=def_top + len(defs), column=len(defs[0])).coordinate
    ws.cell(row=def_top + 1, column=1).value = ArrayFormula(
        f"A{def_top + 1}:{end}", "=DD_DEFINITIONS()"
    )
    ws.freeze_panes = "A4"
    return ranges


def _v(
    item: str, period: int | str, definition: str = "", side: str = "", vintage: str = ""
) -> str:
    args = [_q(item), str(period) if isinstance(period, int) else _q(period)]
    if definition or side or vintage:
        args += ["", _q(definition) if definition else ""]
    if side or vintage:
        args.append(_q(side) if side else "")
    if vintage:
        args.append(_q(vintage))
    return "DD_VALUE(" + ",".join(args) + ")"


def _call(function: str, *args: str) -> str:
    return f"={function}({','.join(args)})"


def _fig(
    item: str, period: str, definition: str = "", side: str = "net", vintage: str | None = None
) -> Published:
    """The figure of ``vintage``; without one, the only vintage the demo holds."""
    found = [
        fig
        for (i, p, d, sd, v), fig in PUBLISHED.items()
        if (i, p, d, sd) == (item, period, definition, side) and vintage in (None, v)
    ]
    assert len(found) == 1, (item, period, definition, side, vintage)
    return found[0]


def spread(f: Callable[..., float], *inputs: Published) -> float:
    """Largest change of ``f`` when each input moves by half its precision (every corner)."""
    base = f(*(i.value for i in inputs))
    return max(
        abs(f(*(i.value + s * i.precision / 2 for i, s in zip(inputs, signs, strict=True))) - base)
        for signs in itertools.product((-1, 1), repeat=len(inputs))
    )


@dataclass(frozen=True)
class Metric:
    """One row of the Metrics sheet."""

    label: str
    formula: str
    expected: float | str
    tolerance: float
    unit: str
    source: str


def _computed(
    label: str, formula: str, f: Callable[..., float], unit: str, how: str, *inputs: Published
) -> Metric:
    """A metric whose expected value is plain arithmetic (``f``) on published figures."""
    expected = f(*(i.value for i in inputs))
    return Metric(label, formula, expected, spread(f, *inputs), unit, how)


def _lookup(label: str, formula: str, fig: Published) -> Metric:
    return Metric(label, formula, fig.value, fig.precision / 2, "oku yen", fig.source)


def _cagr_projection(y0: float, y1: float, x0: int, x1: int, target: int) -> float:
    return y1 * (y1 / y0) ** ((target - x1) / (x1 - x0))


def _linear_projection(xs: Sequence[int], target: int) -> Callable[..., float]:
    def f(*ys: float) -> float:
        slope, intercept = statistics.linear_regression(xs, ys)
        return slope * target + intercept

    return f


def metric_rows(table: dict[str, str]) -> list[Metric]:
    """Each metric: formula, expected value from published figures, tolerance, source."""
    # DD_VALUE gives the latest revision: 2024 as revised in the MIC white paper 2025-07 (about
    # ¥6.8T mof3, ¥6.7T narrow), 2023 mof3 as revised (-55,194), services 2024 as revised 2026-02.
    d24 = _fig("digital", "CY2024", "mof3", vintage="revised-2025-07")
    d24_first = _fig("digital", "CY2024", "mof3", vintage="preliminary")
    n24 = _fig("digital", "CY2024", "narrow", vintage="revised-2025-07")
    fy24 = _fig("digital", "FY2024", "mof3")
    d23 = _fig("digital", "CY2023", "mof3", vintage="published")
    d23_first = _fig("digital", "CY2023", "mof3", vintage="preliminary")
    n23 = _fig("digital", "CY2023", "narrow")
    n14 = _fig("digital", "CY2014", "narrow")
    pay23 = _fig("digital", "CY2023", "mof3", "debit")
    rec23 = _fig("digital", "CY2023", "mof3", "credit")
    ict24 = _fig("ict_services", "CY2024")
    svc24 = _fig("services", "CY2024", vintage="revised-2026-02")
    trv24 = _fig("travel", "CY2024")
    oil24 = _fig("crude_oil_imports", "CY2024", side="debit")
    # the identity and the cash-flow balances from one release each (first releases)
    first = "preliminary"
    ca23 = _fig("current_account", "CY2023")
    ca_parts = ("goods", "services", "primary_income", "secondary_income")
    parts23 = [_fig(i, "CY2023", vintage=first) for i in ca_parts]
    parts23_f = [_v(i, 2023, vintage=first) for i in ca_parts]
    karakama22_inputs = (
        _fig("current_account", "CY2022", vintage=first),
        _fig("reinvested_earnings", "CY2022", side="credit"),
        _fig("reinvested_earnings", "CY2022", side="debit"),
        _fig("portfolio_investment_income", "CY2022", side="credit"),
        _fig("portfolio_investment_income", "CY2022", side="debit"),
    )
    ca19, re19, bi19 = (
        _fig(i, "CY2019") for i in ("current_account", "reinvested_earnings", "bond_interest")
    )
    cf_items = ("current_account", "reinvested_earnings", "portfolio_investment_income")
    ca19_f, re19_f, pi19_f, bi19_f = (_v(i, 2019) for i in (*cf_items, "bond_interest"))
    narrow_years = (2014, 2023, 2024)
    periods, values = table["narrow series"].split("|")
    arithmetic = "arithmetic on the published figures: "
    rows = [
        _lookup("Digital balance CY2024 (mof3), latest revision", "=" + _v("digital", 2024), d24),
        _lookup(
            "Digital balance CY2024 (mof3), first release",
            "=" + _v("digital", 2024, vintage="preliminary"),
            d24_first,
        ),
        _lookup("Digital balance CY2024 (narrow)", "=" + _v("digital", 2024, "narrow"), n24),
        _lookup("Digital balance FY2024 (mof3)", "=" + _v("digital", "FY2024"), fy24),
        _lookup("Digital payments CY2023 (mof3)", "=" + _v("digital", 2023, side="debit"), pay23),
        _lookup(
            "Digital receipts CY2023 (mof3), as derived from the first release",
            "=" + _v("digital", 2023, side="credit", vintage="derived"),
            rec23,
        ),
        Metric(
            "Crude-oil imports CY2024 (published only as a debit: the default side)",
            "=" + _v("crude_oil_imports", 2024),
            oil24.value,
            oil24.precision / 2,
            "oku yen",
            oil24.source,
        ),
        Metric(
            "Source of the CY2024 figure",
            '=DD_SOURCE("digital",2024)',
            d24.source + " [revised-2025-07]",
            0,
            "text",
            "the source and vintage of the embedded figure",
        ),
        _lookup(
            "Digital payments CY2023 from the component table (mof3)",
            f"=DD_DIGITAL_PAYMENTS({table['payments']})",
            pay23,
        ),
        _lookup(
            "Digital receipts CY2023 from the component table (mof3)",
            f"=DD_DIGITAL_RECEIPTS({table['receipts']})",
            rec23,
        ),
        _lookup(
            "Digital balance CY2023 from the component table (mof3)",
            f"=DD_DIGITAL_BALANCE({table['net']})",
            d23_first,
        ),
        _lookup(
            "Digital balance from a table (custom: ict_services, 2024)",
            f'=DD_DIGITAL_BALANCE({table["ict_services"]},"ict_services")',
            ict24,
        ),
        _computed(
            "Multiple of 2014 (narrow, 2024)",
            f"=DD_GROWTH_MULTIPLE({_v('digital', 2024, 'narrow')},{_v('digital', 2014, 'narrow')})",
            lambda a, b: a / b,
            "times",
            arithmetic + "67000 / 20225 (MIC white paper 2025, Kyodo)",
            n24,
            n14,
        ),
        _computed(
            "CAGR 2014-2024 (narrow)",
            f"=DD_CAGR({_v('digital', 2014, 'narrow')},{_v('digital', 2024, 'narrow')},10)",
            lambda a, b: (b / a) ** (1 / 10) - 1,
            "fraction a year",
            arithmetic + "(67000 / 20225)^(1/10) - 1",
            n14,
            n24,
        ),
        _computed(
            "Change on 2023 (mof3, 2024)",
            f"=DD_YOY({_v('digital', 2024)},{_v('digital', 2023)})",
            lambda a, b: a / b - 1,
            "fraction",
            arithmetic + "68000 / 55194 - 1 (MIC white paper 2025, Nikkei)",
            d24,
            d23,
        ),
        _computed(
            "Digital / services deficit (2024)",
            f"=DD_SHARE_OF_SERVICES_DEFICIT({_v('digital', 2024)},{_v('services', 2024)})",
            lambda a, b: a / b,
            "times",
            arithmetic + "68000 / 27765 (MIC white paper 2025, MOF as revised 2026-02)",
            d24,
            svc24,
        ),
        _computed(
            "Travel surplus / digital deficit (narrow, 2024)",
            f"=DD_TOURISM_COVERAGE({_v('travel', 2024)},{_v('digital', 2024, 'narrow')})",
            lambda a, b: a / -b,
            "fraction",
            arithmetic + "58973 / 67000 (Kyodo, MIC white paper 2025)",
            trv24,
            n24,
        ),
        _computed(
            "Digital deficit / crude-oil imports (2024)",
            f"=DD_OIL_RATIO({_v('digital', 2024)},{_v('crude_oil_imports', 2024)})",
            lambda a, b: -a / b,
            "fraction",
            arithmetic + "68000 / 107000 (oil bill: an analyst's 10.7 trillion yen)",
            d24,
            oil24,
        ),
        _computed(
            "ICT services / digital balance (2024)",
            f"=DD_COMPONENT_SHARE({_v('ict_services', 2024)},{_v('digital', 2024)})",
            lambda a, b: a / b,
            "fraction",
            arithmetic + "24941 / 68000 (MOF via Jiji, MIC white paper 2025)",
            ict24,
            d24,
        ),
        _computed(
            "Projection to 2030 (narrow, CAGR first to last point)",
            f'=DD_PROJECT({periods},{values},2030,"cagr")',
            lambda a, b: _cagr_projection(a, b, 2014, 2024, 2030),
            "oku yen",
            arithmetic + "-67000 x (67000 / 20225)^(6/10); no published projection",
            n14,
            n24,
        ),
        _computed(
            "Projection to 2030 (narrow, linear trend)",
            f'=DD_PROJECT({periods},{values},2030,"linear")',
            _linear_projection(narrow_years, 2030),
            "oku yen",
            arithmetic + "least-squares line through 2014, 2023, 2024; no published projection",
            n14,
            n23,
            n24,
        ),
        Metric(
            "Yen depreciation if the 2023 deficit doubles (assumption: 5.5 yen per doubling)",
            f"=DD_FX_IMPACT({_v('digital', 2023)},2*{_v('digital', 2023)},5.5)",
            5.5 * math.log2(2),
            0,
            "yen per USD",
            "5.5 x log2(2): the user's assumption (5-6 yen per doubling, Mizuho R&T via Nikkei "
            "Asian Review, unconfirmed)",
        ),
        Metric(
            "Current account CY2023 from its parts",
            "=DD_CURRENT_ACCOUNT(" + ",".join(parts23_f) + ")",
            ca23.value,
            spread(lambda *v: sum(v), *parts23) + ca23.precision / 2,
            "oku yen",
            "the published current account: " + ca23.source,
        ),
        _computed(
            "Reported minus parts, CY2023",
            "=DD_CA_RESIDUAL(" + ",".join([_v("current_account", 2023), *parts23_f]) + ")",
            lambda ca, g, s, p, si: ca - (g + s + p + si),
            "oku yen",
            arithmetic + "206295 - (-66290 - 32026 + 345573 - 40962)",
            ca23,
            *parts23,
        ),
        Metric(
            "Cash-flow current account CY2022 (karakama), from the first-release current account "
            "and the analyst's inputs",
            "=DD_CF_CURRENT_ACCOUNT("
            + ",".join(
                [
                    _v("current_account", 2022, vintage=first),
                    _v("reinvested_earnings", 2022),
                    _v("portfolio_investment_income", 2022),
                ]
            )
            + ")",
            KARAKAMA_2022.value,
            spread(lambda ca, rc, rd, pc, pd: ca - (rc - rd) - (pc - pd), *karakama22_inputs)
            + KARAKAMA_2022.precision / 2,
            "oku yen",
            KARAKAMA_2022.source + " (inputs rounded to 0.1-1 trillion yen)",
        ),
        _computed(
            "Cash-flow current account FY2023 (karakama), first release",
            "=DD_CF_CURRENT_ACCOUNT("
            + ",".join(
                [
                    _v("current_account", "FY2023", vintage=first),
                    _v("reinvested_earnings", "FY2023"),
                    _v("portfolio_investment_income", "FY2023"),
                ]
            )
            + ")",
            lambda ca, re, pi: ca - re - pi,
            "oku yen",
            arithmetic + "253390 - 105687 - 128169 (MOF via Jiji and Nikkei)",
            _fig("current_account", "FY2023", vintage=first),
            _fig("reinvested_earnings", "FY2023"),
            _fig("portfolio_investment_income", "FY2023"),
        ),
        _computed(
            "Cash-flow current account CY2019 (oguro1)",
            _call("DD_CF_CURRENT_ACCOUNT", ca19_f, re19_f, "", "", '"oguro1"'),
            lambda ca, re: ca - re,
            "oku yen",
            arithmetic + "200597 - 54050 (MOF)",
            ca19,
            re19,
        ),
        _computed(
            "Cash-flow current account CY2019 (oguro2)",
            _call("DD_CF_CURRENT_ACCOUNT", ca19_f, re19_f, pi19_f, bi19_f, '"oguro2"'),
            lambda ca, re, bi: ca - re - bi,
            "oku yen",
            arithmetic + "200597 - 54050 - 94101 (MOF)",
            ca19,
            re19,
            bi19,
        ),
    ]
    return rows


def build_components(ws: Worksheet) -> dict[str, str]:
    """Component tables; returns each table's range for the Metrics sheet."""
    ws["A1"] = "Component tables for DD_DIGITAL_BALANCE, DD_DIGITAL_PAYMENTS, DD_DIGITAL_RECEIPTS"
    ws["A1"].font = TITLE
    ws["A2"] = (
        "ILLUSTRATIVE: the 2023 split by component below is NOT published and was made up for "
        "this demo. Only its totals are published (MOF via Jiji 2024-02-29): payments 92,463, "
        "receipts 37,103, net -55,360 oku yen (mof3)."
    )
    ws["A2"].font = NOTE
    header = ["period", *COMPONENTS]
    ranges: dict[str, str] = {}
    blocks = (
        ("payments", "Payments (debit), oku yen: illustrative split", ILLUSTRATIVE_PAYMENTS),
        ("receipts", "Receipts (credit), oku yen: illustrative split", ILLUSTRATIVE_RECEIPTS),
    )
    top = 4
    value_rows: dict[str, int] = {}
    for key, title, values in blocks:
        ws.cell(row=top, column=1, value=title).font = BOLD
        _header(ws, top + 1, header)
        ws.cell(row=top + 2, column=1, value=2023)
        for c, v in enumerate(values, start=2):
            ws.cell(row=top + 2, column=c, value=v).fill = ILLUSTRATIVE_FILL
        ranges[key] = f"Components!A{top + 1}:D{top + 2}"
        value_rows[key] = top + 2
        top += 4
    ws.cell(row=top, column=1, value="Net balance = receipts - payments, oku yen").font = BOLD
    _header(ws, top + 1, header)
    ws.cell(row=top + 2, column=1, value=2023)
    for c in range(2, 2 + len(COMPONENTS)):
        col = ws.cell(row=1, column=c).column_letter
        receipts, payments = value_rows["receipts"], value_rows["payments"]
        ws.cell(row=top + 2, column=c, value=f"={col}{receipts}-{col}{payments}")
    ranges["net"] = f"Components!A{top + 1}:D{top + 2}"
    top += 4
    ws.cell(
        row=top, column=1, value="Published component: ICT services CY2024, oku yen"
    ).font = BOLD
    _header(ws, top + 1, ["ict_services"])
    ws.cell(row=top + 2, column=1, value="=" + _v("ict_services", 2024))
    ranges["ict_services"] = f"Components!A{top + 1}:A{top + 2}"
    for col, width in zip("ABCD", (22, 22, 16, 16), strict=True):
        ws.column_dimensions[col].width = width
    return ranges


METRIC_COLUMNS = (
    ("Metric", 62),
    ("Result (UDF)", 18),
    ("Expected", 18),
    ("Tolerance", 12),
    ("Check", 9),
    ("Unit", 16),
    ("Source of Expected", 80),
    ("Formula", 120),
)


def write_checks(ws: Worksheet, header_row: int, metrics: Sequence[Metric]) -> None:
    """A table of checks: metric, UDF result, expected value, tolerance, check, unit, source."""
    _header(ws, header_row, [name for name, _ in METRIC_COLUMNS])
    for offset, m in enumerate(metrics):
        r = header_row + 1 + offset
        ws.cell(row=r, column=1, value=m.label).font = PLAIN
        ws.cell(row=r, column=2, value=m.formula)
        ws.cell(row=r, column=3, value=m.expected)
        ws.cell(row=r, column=4, value=m.tolerance)
        if m.unit == "text":
            check = f'=IF(IFERROR(B{r}=C{r},FALSE),"OK","CHECK")'
        else:
            check = f'=IF(IFERROR(ABS(B{r}-C{r})<=D{r}+1E-9*MAX(1,ABS(C{r})),FALSE),"OK","CHECK")'
        ws.cell(row=r, column=5, value=check)
        ws.cell(row=r, column=6, value=m.unit)
        ws.cell(row=r, column=7, value=m.source)
        text = ws.cell(row=r, column=8, value=m.formula)
        text.data_type = "s"
        text.quotePrefix = True
        for col in (2, 3, 4):
            ws.cell(row=r, column=col).number_format = (
                "#,##0.0" if m.unit == "oku yen" else "General" if m.unit == "text" else "0.000000"
            )
    for i, (_, width) in enumerate(METRIC_COLUMNS, start=1):
        ws.column_dimensions[ws.cell(row=header_row, column=i).column_letter].width = width
    ws.cell(row=header_row + 1, column=2).alignment = Alignment(horizontal="right")
    ws.freeze_panes = ws.cell(row=header_row + 1, column=2).coordinate


def build_metrics(ws: Worksheet, table: dict[str, str]) -> None:
    ws["A1"] = "Metrics computed by the DD_ functions, checked against the published figures"
    ws["A1"].font = TITLE
    ws["A2"] = (
        "Expected: a published figure or arithmetic on published figures, never the functions "
        "themselves. Tolerance: how far the result may move when every published input moves by "
        "half its precision (e.g. 1,000 oku yen for an analyst's 'about 10.7 trillion yen')."
    )
    write_checks(ws, 3, metric_rows(table))


# The table on the Your data sheet: METI's published projections (core.references), one figure
# per item, year and definition (the pessimistic 2035 case would repeat the base case's key).
YOUR_DATA_TOP = 4


def your_data_table() -> list[list[object]]:
    """Header and rows of the dataset table the data argument reads (blank = None)."""
    rows: list[list[object]] = [list(COLUMNS)]
    seen: set[tuple[int, str, str]] = set()
    for p in METI_SCENARIOS:
        if (p.year, p.item, p.definition) in seen:
            continue
        seen.add((p.year, p.item, p.definition))
        rows.append(
            ["JPN", "CY", p.year, p.item, p.definition or None, "net", p.value_oku_yen,
             "oku_yen", p.precision_oku_yen, "official", f"{p.source}: {p.label_en}"]
        )  # fmt: skip
    return rows


def your_data_rows(table: str) -> list[Metric]:
    """Checks of the data functions reading the table (``table``: its range)."""
    meti = {(p.year, p.item): p for p in reversed(METI_SCENARIOS)}  # first case of each key
    d30, c30, d35 = (
        meti[(2030, "digital")],
        meti[(2030, "computer_services")],
        meti[(2035, "digital")],
    )
    d24 = _fig("digital", "CY2024", "mof3", vintage="revised-2025-07")  # the latest revision
    projection = Published(d35.value_oku_yen, d35.precision_oku_yen, d35.source)

    def data(item: str, year: int, definition: str = "") -> str:
        definition_arg = _q(definition) if definition else ""
        return f"DD_VALUE({_q(item)},{year},,{definition_arg},,,{table})"

    return [
        Metric(
            "Digital balance CY2030 (mof3) from the table",
            "=" + data("digital", 2030, "mof3"),
            d30.value_oku_yen,
            d30.precision_oku_yen / 2,
            "oku yen",
            f"{d30.source}: {d30.label_en}",
        ),
        Metric(
            "Computer services CY2030 from the table (its definition cell is blank)",
            "=" + data("computer_services", 2030),
            c30.value_oku_yen,
            c30.precision_oku_yen / 2,
            "oku yen",
            f"{c30.source}: {c30.label_en}",
        ),
        Metric(
            "Source of the CY2035 figure in the table",
            f'=DD_SOURCE("digital",2035,,,,,{table})',
            f"{d35.source}: {d35.label_en} [official]",
            0,
            "text",
            "the table's source and vintage columns",
        ),
        _lookup(
            "Digital balance CY2024: not in the table, the figure shipped with the functions",
            "=" + data("digital", 2024),
            d24,
        ),
        _computed(
            "Multiple of 2024 in 2035 (METI base case over the published 2024)",
            f"=DD_GROWTH_MULTIPLE({data('digital', 2035)},{_v('digital', 2024)})",
            lambda a, b: a / b,
            "times",
            "arithmetic: METI's -180000 / the published -66506",
            projection,
            d24,
        ),
    ]


def build_your_data(ws: Worksheet) -> None:
    """A dataset table in cells and the data functions reading it."""
    ws["A1"] = "Your own figures in a table: the data argument of DD_VALUE, DD_SERIES, DD_SOURCE"
    ws["A1"].font = TITLE
    ws["A2"] = (
        "The table below holds METI's published projections of the digital deficit (rounded to "
        "1 trillion yen: precision 10,000 oku yen). The data functions read it on top of the "
        "figures shipped with them; a figure not in the table comes from those."
    )
    rows = your_data_table()
    for r, values in enumerate(rows, start=YOUR_DATA_TOP):
        for c, value in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=value)
    _header(ws, YOUR_DATA_TOP, rows[0])
    last = ws.cell(row=YOUR_DATA_TOP + len(rows) - 1, column=len(COLUMNS)).coordinate
    table = f"$A${YOUR_DATA_TOP}:${last[0]}${last[1:]}"
    checks_top = YOUR_DATA_TOP + len(rows) + 1
    write_checks(ws, checks_top, your_data_rows(table))
    series_top = checks_top + len(your_data_rows(table)) + 2
    ws.cell(row=series_top, column=1, value="DD_SERIES over the table, 2023-2035").font = BOLD
    formula = f'=DD_SERIES("digital",2023,2035,,"mof3",,,{table})'
    n = len(udfs.dd_series("digital", 2023, 2035, None, "mof3", None, None, rows))
    ws.cell(row=series_top + 1, column=1).value = ArrayFormula(
        f"A{series_top + 1}:B{series_top + n}", formula
    )
    ws.column_dimensions["K"].width = 90


def save_reproducibly(wb: Workbook, path: Path) -> None:
    """Write the package with fixed dates (document properties and zip entries), atomically."""
    wb.properties.created = wb.properties.modified = STAMP
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
        ExcelWriter(wb, archive).write_data()  # unlike wb.save, keeps properties.modified
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=STAMP.timetuple()[:6])
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    tmp = path.with_suffix(".tmp.xlsx")
    tmp.write_bytes(out.getvalue())
    tmp.replace(path)


def build(path: Path = OUTPUT) -> Path:
    """Write the demo workbook to ``path`` (atomically, byte-reproducibly) and return the path."""
    wb = Workbook()
    build_instructions(wb.active)
    ranges = build_data(wb.create_sheet("Data"))
    table = build_components(wb.create_sheet("Components"))
    table["narrow series"] = ranges[("digital", "narrow", "net")]
    build_metrics(wb.create_sheet("Metrics"), table)
    build_your_data(wb.create_sheet("Your data"))
    wb.properties.creator = "digital-deficit workbook/build_demo.py"
    save_reproducibly(wb, path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT))
