"""Build workbook/digital_deficit_demo.xlsx: the Excel functions on published figures.

Sheets: Instructions; Data (published series pulled with DD_SERIES, citations with DD_SOURCE,
the vocabularies); Metrics (each metric computed by a UDF next to the value the package computes
outside Excel, and a check cell). openpyxl writes formulas without cached values: the workbook
shows numbers once Excel with the xlwings add-in (or xlwings Lite) calculates it.

Run: ``python workbook/build_demo.py [OUTPUT.xlsx]``.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.worksheet import Worksheet

from digital_deficit import udfs
from digital_deficit.core import projection
from digital_deficit.udf_args import NA, unwrap

OUTPUT = Path(__file__).with_name("digital_deficit_demo.xlsx")
FIRST, LAST = 2014, 2025
FONT = "Calibri"
BOLD = Font(name=FONT, bold=True)
TITLE = Font(name=FONT, bold=True, size=14)
PLAIN = Font(name=FONT)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")

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
    "calculate: until Excel calculates it with the functions installed, formula cells are empty.",
    "",
    "Desktop Excel for Windows with the xlwings add-in (on a Mac use xlwings Lite):",
    "  1. Install the package and the add-in as described in addin/README.md.",
    "  2. Save this file as .xlsm, open the xlwings ribbon, set UDF Modules to",
    "     digital_deficit.udfs and click Import Functions.",
    "  3. Press Ctrl+Alt+F9 to recalculate everything.",
    "  A missing figure shows as the text #N/A (classic xlwings cannot return error values).",
    "",
    "xlwings Lite (Excel on Windows, macOS and the web):",
    "  1. Open xlwings Lite, paste addin/lite/main.py into main.py and",
    "     addin/lite/requirements.txt into requirements.txt, then restart.",
    "  2. Press Ctrl+Alt+F9 (or re-enter a formula) to recalculate.",
    "  A missing figure shows as the error #N/A.",
    "",
    "Sheets:",
    "  Data: published series (DD_SERIES), their citations (DD_SOURCE), items and definitions.",
    "  Metrics: each metric by a DD_ function, the value the package computes outside Excel",
    "  (Expected) and a check (OK when they agree).",
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


def _v(item: str, period: int | str, definition: str = "", side: str = "") -> str:
    args = [_q(item), str(period) if isinstance(period, int) else _q(period)]
    if definition or side:
        args += ["", _q(definition) if definition else ""]
    if side:
        args.append(_q(side))
    return "DD_VALUE(" + ",".join(args) + ")"


def _call(function: str, *args: str) -> str:
    return f"={function}({','.join(args)})"


def _metric_rows(ranges: dict[tuple[str, str, str], str]) -> list[tuple[str, str, object, str]]:
    """(label, formula, expected value, unit) of each metric."""
    u = udfs
    d24, d23 = u.dd_value("digital", 2024), u.dd_value("digital", 2023)
    n14, n24 = (u.dd_value("digital", y, None, "narrow") for y in (2014, 2024))
    parts23 = [
        u.dd_value(i, 2023) for i in ("goods", "services", "primary_income", "secondary_income")
    ]
    periods, values = ranges[("digital", "narrow", "net")].split("|")
    narrow = udfs.dd_series("digital", FIRST, LAST, None, "narrow")[1:]
    points = [(r[0], r[1]) for r in narrow if r[1] != NA]
    ca19, re19, pi19, bi19 = (
        u.dd_value(i, 2019)
        for i in (
            "current_account",
            "reinvested_earnings",
            "portfolio_investment_income",
            "bond_interest",
        )
    )
    ca19_f, re19_f, pi19_f, bi19_f = (
        _v(i, 2019)
        for i in (
            "current_account",
            "reinvested_earnings",
            "portfolio_investment_income",
            "bond_interest",
        )
    )
    rows: list[tuple[str, str, object, str]] = [
        ("Digital balance CY2024 (mof3)", "=" + _v("digital", 2024), d24, "oku yen"),
        ("Digital balance CY2024 (narrow)", "=" + _v("digital", 2024, "narrow"), n24, "oku yen"),
        (
            "Digital balance FY2024 (mof3)",
            "=" + _v("digital", "FY2024"),
            u.dd_value("digital", "FY2024"),
            "oku yen",
        ),
        (
            "Digital payments CY2023 (mof3)",
            "=" + _v("digital", 2023, side="debit"),
            u.dd_value("digital", 2023, side="debit"),
            "oku yen",
        ),
        (
            "Digital receipts CY2023 (mof3)",
            "=" + _v("digital", 2023, side="credit"),
            u.dd_value("digital", 2023, side="credit"),
            "oku yen",
        ),
        (
            "Source of the CY2024 figure",
            '=DD_SOURCE("digital",2024)',
            u.dd_source("digital", 2024),
            "text",
        ),
        (
            "Multiple of 2014 (narrow, 2024)",
            f"=DD_GROWTH_MULTIPLE({_v('digital', 2024, 'narrow')},{_v('digital', 2014, 'narrow')})",
            u.dd_growth_multiple(n24, n14),
            "times",
        ),
        (
            "CAGR 2014-2024 (narrow)",
            f"=DD_CAGR({_v('digital', 2014, 'narrow')},{_v('digital', 2024, 'narrow')},10)",
            u.dd_cagr(n14, n24, 10),
            "fraction a year",
        ),
        (
            "Change on 2023 (mof3, 2024)",
            f"=DD_YOY({_v('digital', 2024)},{_v('digital', 2023)})",
            u.dd_yoy(d24, d23),
            "fraction",
        ),
        (
            "Digital / services deficit (2024)",
            f"=DD_SHARE_OF_SERVICES_DEFICIT({_v('digital', 2024)},{_v('services', 2024)})",
            u.dd_share_of_services_deficit(d24, u.dd_value("services", 2024)),
            "times",
        ),
        (
            "Travel surplus / digital deficit (narrow, 2024)",
            f"=DD_TOURISM_COVERAGE({_v('travel', 2024)},{_v('digital', 2024, 'narrow')})",
            u.dd_tourism_coverage(u.dd_value("travel", 2024), n24),
            "fraction",
        ),
        (
            "Digital deficit / crude-oil imports (2024)",
            f"=DD_OIL_RATIO({_v('digital', 2024)},{_v('crude_oil_imports', 2024, side='debit')})",
            u.dd_oil_ratio(d24, u.dd_value("crude_oil_imports", 2024, side="debit")),
            "fraction",
        ),
        (
            "ICT services / digital balance (2024)",
            f"=DD_COMPONENT_SHARE({_v('ict_services', 2024)},{_v('digital', 2024)})",
            u.dd_component_share(u.dd_value("ict_services", 2024), d24),
            "fraction",
        ),
        (
            "Digital balance from a table (custom: ict_services, 2024)",
            '=DD_DIGITAL_BALANCE(I2:I3,"ict_services")',
            u.dd_digital_balance(
                [["ict_services"], [u.dd_value("ict_services", 2024)]], "ict_services"
            ),
            "oku yen",
        ),
        (
            "Projection to 2030 (narrow, CAGR first to last point)",
            f'=DD_PROJECT({periods},{values},2030,"cagr")',
            projection.project([p for p, _ in points], [v for _, v in points], 2030, "cagr"),
            "oku yen",
        ),
        (
            "Projection to 2030 (narrow, linear trend)",
            f'=DD_PROJECT({periods},{values},2030,"linear")',
            projection.project([p for p, _ in points], [v for _, v in points], 2030, "linear"),
            "oku yen",
        ),
        (
            "Yen depreciation if the 2023 deficit doubles (assumption: 5.5 yen per doubling)",
            f"=DD_FX_IMPACT({_v('digital', 2023)},2*{_v('digital', 2023)},5.5)",
            u.dd_fx_impact(d23, 2 * d23, 5.5),
            "yen per USD",
        ),
        (
            "Current account CY2023 from its parts",
            "=DD_CURRENT_ACCOUNT("
            + ",".join(
                _v(i, 2023) for i in ("goods", "services", "primary_income", "secondary_income")
            )
            + ")",
            u.dd_current_account(*parts23),
            "oku yen",
        ),
        (
            "Reported minus parts, CY2023",
            "=DD_CA_RESIDUAL("
            + ",".join(
                _v(i, 2023)
                for i in (
                    "current_account",
                    "goods",
                    "services",
                    "primary_income",
                    "secondary_income",
                )
            )
            + ")",
            u.dd_ca_residual(u.dd_value("current_account", 2023), *parts23),
            "oku yen",
        ),
        (
            "Cash-flow current account FY2023 (karakama)",
            "=DD_CF_CURRENT_ACCOUNT("
            + ",".join(
                _v(i, "FY2023")
                for i in ("current_account", "reinvested_earnings", "portfolio_investment_income")
            )
            + ")",
            u.dd_cf_current_account(
                u.dd_value("current_account", "FY2023"),
                u.dd_value("reinvested_earnings", "FY2023"),
                u.dd_value("portfolio_investment_income", "FY2023"),
            ),
            "oku yen",
        ),
        (
            "Cash-flow current account CY2019 (oguro1)",
            _call("DD_CF_CURRENT_ACCOUNT", ca19_f, re19_f, "", "", '"oguro1"'),
            u.dd_cf_current_account(ca19, re19, None, None, "oguro1"),
            "oku yen",
        ),
        (
            "Cash-flow current account CY2019 (oguro2)",
            _call("DD_CF_CURRENT_ACCOUNT", ca19_f, re19_f, pi19_f, bi19_f, '"oguro2"'),
            u.dd_cf_current_account(ca19, re19, pi19, bi19, "oguro2"),
            "oku yen",
        ),
    ]
    return rows


def build_metrics(ws: Worksheet, ranges: dict[tuple[str, str, str], str]) -> None:
    ws["A1"] = "Metrics computed by the DD_ functions (published figures, embedded dataset)"
    ws["A1"].font = TITLE
    _header(ws, 3, ["Metric", "Result (UDF)", "Expected", "Check", "Unit", "Formula"])
    ws["H2"], ws["I2"] = "Component table:", "ict_services"
    ws["I3"] = "=" + _v("ict_services", 2024)
    for offset, (label, formula, expected, unit) in enumerate(_metric_rows(ranges)):
        r = 4 + offset
        ws.cell(row=r, column=1, value=label).font = PLAIN
        ws.cell(row=r, column=2, value=formula)
        ws.cell(row=r, column=3, value=unwrap(expected))
        if unit == "text":
            check = f'=IF(IFERROR(B{r}=C{r},FALSE),"OK","CHECK")'
        else:
            check = f'=IF(IFERROR(ABS(B{r}-C{r})<=1E-9*MAX(1,ABS(C{r})),FALSE),"OK","CHECK")'
        ws.cell(row=r, column=4, value=check)
        ws.cell(row=r, column=5, value=unit)
        text = ws.cell(row=r, column=6, value=formula)
        text.data_type = "s"
        text.quotePrefix = True
        for col in (2, 3):
            ws.cell(row=r, column=col).number_format = (
                "#,##0" if unit == "oku yen" else "General" if unit == "text" else "0.0000"
            )
    for col, width in zip("ABCDEF", (62, 18, 18, 9, 16, 120), strict=True):
        ws.column_dimensions[col].width = width
    ws["B4"].alignment = Alignment(horizontal="right")
    ws.freeze_panes = "B4"


def build(path: Path = OUTPUT) -> Path:
    """Write the demo workbook to ``path`` (atomically) and return the path."""
    wb = Workbook()
    build_instructions(wb.active)
    ranges = build_data(wb.create_sheet("Data"))
    build_metrics(wb.create_sheet("Metrics"), ranges)
    stamp = dt.datetime(2026, 1, 1)
    wb.properties.creator = "digital-deficit workbook/build_demo.py"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    tmp.replace(path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT))
