"""Where everything sits: sheet titles, period columns, keyed rows and named input cells."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from digital_deficit.core.catalogue import DIGITAL_SHEET, FAMILIES, tagged
from digital_deficit.core.items import get_item
from digital_deficit.export.cells import quote_sheet
from digital_deficit.export.i18n import Labels
from digital_deficit.export.key_figures import kpis, year_columns
from digital_deficit.export.numbers import (
    CA_ITEMS,
    INCOME_ITEMS,
    SIDES,
    BriefNumbers,
    comparators,
)

FIRST_COL = 3  # column C: the first period
HEADER_ROW = 4
FIRST_ROW = 5

SHEET_KEYS: tuple[str, ...] = (
    "cover",
    "summary",
    "digital",
    "ca",
    "outlook",
    "assumptions",
    "data",
    "sources",
    "chartdata",
    "marks",
)
MARKED_SHEETS: tuple[str, ...] = ("summary", "digital", "ca", "outlook", "assumptions")
"""The sheets whose cells carry marks (≈, †): their shadows are on the Marks sheet."""

# Named input cells on the Assumptions sheet: name -> row (value in column C).
INPUT_ROWS: dict[str, int] = {
    "Definition": 5,
    "Definition_Items": 6,
    "Base_Year": 7,
    "Base_Value": 8,
    "CF_Method": 9,
    "CF_Formula": 10,
    "Repatriation_Share": 11,
    "Projection_Method": 12,
    "Target_Year": 13,
    "Yen_Per_Doubling": 14,
    "FX_Base_Year": 15,
}
INPUT_COL = "B"


@dataclass
class Row:
    """One row of a period table: a section heading (key starts with "sec:") or a keyed row."""

    key: str
    label: str
    code: str = ""


@dataclass
class SheetLayout:
    """A sheet's title, period columns and the row of every keyed row."""

    title: str
    rows: dict[str, int] = field(default_factory=dict)
    specs: list[Row] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    header_row: int = HEADER_ROW
    key: str = ""
    """The sheet's key (digital, ca, outlook, chartdata)."""
    _columns: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def col(self, year: int) -> str:
        """Column letter of ``year``."""
        return str(get_column_letter(self.col_index(year)))

    def col_index(self, year: int) -> int:
        """Column number of ``year`` (C = 3)."""
        if len(self._columns) != len(self.years):
            self._columns = {y: FIRST_COL + i for i, y in enumerate(self.years)}
        return self._columns[year]

    @property
    def first_col(self) -> str:
        return str(get_column_letter(FIRST_COL))

    @property
    def last_col(self) -> str:
        return str(get_column_letter(FIRST_COL + len(self.years) - 1))

    def local(self, key: str, year: int) -> str:
        """Reference within the sheet: C7."""
        return f"{self.col(year)}{self.rows[key]}"

    def ref(self, key: str, year: int) -> str:
        """Reference from another sheet: 'Digital'!C7."""
        return f"{quote_sheet(self.title)}!{self.local(key, year)}"

    def row_range(self, key: str, absolute: bool = True, external: bool = True) -> str:
        """The whole period range of a row: 'Digital'!$C$7:$N$7."""
        r = self.rows[key]
        d = "$" if absolute else ""
        text = f"{d}{self.first_col}{d}{r}:{d}{self.last_col}{d}{r}"
        return f"{quote_sheet(self.title)}!{text}" if external else text

    def header_range(self, external: bool = True) -> str:
        """The period header row as an absolute range."""
        h = self.header_row
        text = f"${self.first_col}${h}:${self.last_col}${h}"
        return f"{quote_sheet(self.title)}!{text}" if external else text

    def add(self, spec: Row, row: int) -> None:
        self.specs.append(spec)
        if not spec.key.startswith("sec:"):
            self.rows[spec.key] = row


def _place(
    titles: dict[str, str], key: str, specs: list[Row], years: list[int], start: int = FIRST_ROW
) -> SheetLayout:
    sheet = SheetLayout(titles[key], years=years, header_row=start - 1, key=key)
    for offset, spec in enumerate(specs):
        sheet.add(spec, start + offset)
    return sheet


@dataclass
class Layout:
    """The positions of every sheet of one briefing."""

    titles: dict[str, str]
    digital: SheetLayout
    ca: SheetLayout
    outlook: SheetLayout
    chart: SheetLayout
    path: SheetLayout
    outlook_paths: list[SheetLayout]
    """The Outlook's projection path in blocks of years (one page wide)."""
    meti_first_row: int
    data_rows: dict[tuple[str, ...], int]
    mark_heights: dict[str, int]
    """Rows of each marked sheet (the height of its blocks on the Marks sheet)."""

    def title(self, key: str) -> str:
        return self.titles[key]

    def data_ref(self, obs_key: tuple[str, ...]) -> str:
        """Absolute reference to an observation's value on the Data sheet."""
        return f"{quote_sheet(self.titles['data'])}!$G${self.data_rows[obs_key]}"


DATA_HEADER_ROW = 4  # the Data table's header (row 3: the note on figures not from the data file)


def digital_rows(labels: Labels, numbers: BriefNumbers) -> list[Row]:
    """Rows of the Digital sheet: components, definitions, the selected one, comparators and
    the catalogue's Digital-sheet ratios."""
    rows = [Row("sec:components", labels["digital.components"])]
    rows += [Row(f"comp:{i}", labels.item(i), _code(i)) for i in numbers.components]
    rows.append(Row("sec:definitions", labels["digital.by_definition"]))
    for side in SIDES:
        rows += [
            Row(f"def:{side}:{d}", labels.fmt(f"row.{side}", definition=labels.name(d)), d)
            for d in numbers.definition_ids
        ]
    rows.append(Row("sec:selected", labels["digital.selected"]))
    rows += [Row(f"sel:{side}", labels[f"row.sel_{side}"]) for side in SIDES]
    rows.append(Row("sec:comparators", labels["digital.comparators"]))
    rows += [
        Row(f"cmp:{item}", labels.get(f"row.{item}", labels.item(item)))
        for item, _ in comparators()
    ]
    rows.append(Row("sec:metrics", labels["digital.metrics"]))
    rows += [
        Row(f"m:{m.id}", labels.get(f"row.{m.id}", labels.metric(m.id)))
        for m in tagged(DIGITAL_SHEET)
    ]
    return rows


def ca_rows(labels: Labels) -> list[Row]:
    """Rows of the Current account sheet."""
    rows = [Row("sec:items", labels["ca.items"])]
    rows += [Row(f"ca:{i}", labels.item(i), _code(i)) for i in CA_ITEMS]
    rows.append(Row("sec:income", labels["ca.income"]))
    rows += [Row(f"ca:{i}", labels.item(i), _code(i)) for i in INCOME_ITEMS]
    rows.append(Row("sec:cash_flow", labels["ca.cash_flow"]))
    for family in FAMILIES.values():
        rows += [
            Row(f"{family.name}:{m}", labels.fmt("row.cf", method=labels.name(m)), m)
            for m in family.members
        ]
    rows.append(Row("sec:selected", labels["ca.selected"]))
    rows += [Row(f"{f}:sel", labels["row.cf_sel"]) for f in FAMILIES]
    rows += [Row("ca:gap", labels["row.ca_gap"])]
    return rows


STAT_KEYS: tuple[str, ...] = ("n", "x0", "x1", "y0", "y1")


def outlook_rows(labels: Labels) -> list[Row]:
    """Rows of the Outlook sheet's history block and fit (values of the fit in column C)."""
    rows = [Row("sec:history", labels["outlook.history"])]
    rows += [
        Row("o:value", labels["outlook.value"]),
        Row("o:year_used", labels["outlook.year_used"]),
    ]
    rows.append(Row("sec:stats", labels["outlook.stats"]))
    rows += [Row(f"stat:{k}", labels[f"stat.{k}"]) for k in STAT_KEYS]
    rows.append(Row("sec:result", labels["outlook.result"]))
    rows += [
        Row("res:at_target", labels["outlook.at_target"]),
        Row("res:fx_base", labels["outlook.fx_base"]),
        Row("res:fx", labels["outlook.fx"]),
    ]
    return rows


def locate(layout: Layout, column: str) -> tuple[SheetLayout, str]:
    """The period sheet and row showing a headline column."""
    selected = {
        "digital": "sel:net",
        "digital_payments": "sel:debit",
        "digital_receipts": "sel:credit",
    }
    if column in selected:
        return layout.digital, selected[column]
    if column in FAMILIES:
        return layout.ca, f"{column}:sel"
    if f"m:{column}" in layout.digital.rows:
        return layout.digital, f"m:{column}"
    if f"ca:{column}" in layout.ca.rows:
        return layout.ca, f"ca:{column}"
    return layout.digital, f"cmp:{column}"


CHART_MARKED: tuple[str, ...] = ("c:stack", "c:digital", "c:ca", "c:cf", "c:travel")
"""Chart series whose marked points (≈, †) are drawn again by an overlay series."""
OVERLAYS: tuple[str, ...] = ("approx", "mixed")


def component_slots(numbers: BriefNumbers) -> int:
    """How many component series the digital chart stacks (the most items of a definition)."""
    return max(len(d.items) for d in numbers.definitions)


def chart_rows(labels: Labels, numbers: BriefNumbers) -> list[Row]:
    """Rows of the hidden chart-data sheet (display years; #N/A where a value is missing)."""
    cf = numbers.options.cf_method
    return [
        Row("c:digital", labels["row.sel_net"]),
        *(Row(f"c:comp{k}", "") for k in range(1, component_slots(numbers) + 1)),
        Row("c:ca", labels.item("current_account")),
        Row("c:cf", labels["row.cf_sel"]),
        Row("c:travel", labels.item("travel")),
        Row("c:rest", labels["chart.not_split"]),
        *(Row(f"c:yr:{c}", f"year if {c}") for c in year_columns(cf)),
        *(
            Row(f"c:released:{d}", f"{d}: released figure (1) or analyst estimate (0)")
            for d in numbers.definition_ids
        ),
        *(Row(f"{key}:{mark}", "") for key in CHART_MARKED for mark in OVERLAYS),
    ]


def path_rows(labels: Labels) -> list[Row]:
    """Rows of the outlook chart block on the chart-data sheet (display and path years)."""
    return [
        Row("p:x", labels["outlook.year"]),
        Row("p:actual", labels["outlook.actual"]),
        Row("p:projection", labels["outlook.projection"]),
        Row("p:meti_2030", labels["chart.meti_2030"]),
        Row("p:meti_2035b", labels["chart.meti_2035b"]),
        Row("p:meti_2035p", labels["chart.meti_2035p"]),
        *(Row(f"{key}:{mark}", "") for key in PATH_MARKED for mark in OVERLAYS),
    ]


PATH_MARKED: tuple[str, ...] = ("p:actual", "p:projection")


YEAR_NUMBER_OFFSET = 1  # chart-data sheet: years as numbers one row above the text labels
DEFINITIONS_TABLE_ROW = 18  # Assumptions: header of the definitions table
METHODS_TABLE_ROW = 23  # Assumptions: header of the cash-flow methods table
PATH_BLOCK_MIN = 9  # the Outlook's path blocks: at least this many years a row


def build_layout(numbers: BriefNumbers, labels: Labels) -> Layout:
    """Positions for one briefing."""
    titles = {key: labels[f"sheet.{key}"] for key in SHEET_KEYS}
    grid = numbers.grid_years
    chart = _place(titles, "chartdata", chart_rows(labels, numbers), numbers.years)
    path = _place(
        titles,
        "chartdata",
        path_rows(labels),
        numbers.years + numbers.path_years,
        max(chart.rows.values()) + 4,
    )
    data_rows: dict[tuple[str, ...], int] = {
        (*obs.key, obs.vintage): DATA_HEADER_ROW + 1 + i
        for i, obs in enumerate(numbers.observations)
    }
    outlook = _place(titles, "outlook", outlook_rows(labels), grid)
    width = max(len(grid), PATH_BLOCK_MIN)
    years = numbers.path_years
    top = max(outlook.rows.values()) + 4  # after the FX note and the path's title
    blocks = []
    for i, start in enumerate(range(0, len(years), width)):
        blocks.append(
            _place(
                titles,
                "outlook",
                [Row("op:value", labels["outlook.projection"])],
                years[start : start + width],
                top + 2 * i + 1,
            )
        )
    digital = _place(titles, "digital", digital_rows(labels, numbers), grid)
    ca = _place(titles, "ca", ca_rows(labels), grid)
    heights = {
        "summary": KPI_ROWS_FROM + len(kpis(numbers.options.cf_method)) + 1,
        "digital": max(digital.rows.values()) + 1,
        "ca": max(ca.rows.values()) + 1,
        "outlook": max(b.rows["op:value"] for b in blocks) + 1,
        "assumptions": max(INPUT_ROWS.values()) + 1,
    }
    return Layout(
        titles=titles,
        digital=digital,
        ca=ca,
        outlook=outlook,
        chart=chart,
        path=path,
        outlook_paths=blocks,
        meti_first_row=top + 2 * len(blocks) + 2,
        data_rows=data_rows,
        mark_heights=heights,
    )


KPI_ROWS_FROM = 5
"""The Summary's first key-figure row."""


def _code(item_id: str) -> str:
    return get_item(item_id).code
