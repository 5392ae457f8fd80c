"""Excel functions (xlwings UDFs): Japan's digital deficit and cash-flow current account.

``from xlwings import func, arg, ret`` gives classic desktop UDFs on Windows (Import Functions),
Office.js custom functions under xlwings Lite and xlwings Server (``XLWINGS_ON_SERVER=true``),
and plain functions elsewhere. Each function below only declares its help text and calls a plain
function of ``udfs.figures`` or ``udfs.metrics``; the arithmetic is the core's.

Shared behaviour: a range argument takes one cell, a row or a column and the result comes back in
the same orientation (it spills in Excel 365). A blank cell is missing: its result is #N/A (a real
error under Lite and Server, the text "#N/A" in classic desktop Excel), never 0. Bad input raises
an error whose message names the argument and the cell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from xlwings import arg, func

from digital_deficit.udfs import figures, metrics
from digital_deficit.udfs.args import Cell, Output

__all__ = [
    "dd_ca_residual",
    "dd_cagr",
    "dd_cf_current_account",
    "dd_component_share",
    "dd_current_account",
    "dd_definitions",
    "dd_digital_balance",
    "dd_digital_payments",
    "dd_digital_receipts",
    "dd_fx_impact",
    "dd_growth_multiple",
    "dd_items",
    "dd_oil_ratio",
    "dd_project",
    "dd_series",
    "dd_share_of_services_deficit",
    "dd_source",
    "dd_tourism_coverage",
    "dd_value",
    "dd_yoy",
]

CATEGORY = "Digital deficit"
F = TypeVar("F", bound=Callable[..., object])


def hints_for_mypy_only(function: F) -> F:
    """Hide the type hints from xlwings, which would read them as converters.

    (Under Lite and Server ``object`` means "object handle"; our cells are converted by
    ``udfs.args`` instead.) Apply it first, i.e. as the lowest decorator.
    """
    function.__annotations__ = {}
    return function


# Argument help shown in Excel's function wizard and in Lite/Server's formula tooltips.
RANGE = "a cell, a row or a column; blank = missing"
OKU = f"oku yen (100 million yen) or any one unit; {RANGE}"
ITEM = "item id, e.g. digital, services, travel, current_account (see DD_ITEMS)"
PERIOD = "period(s): 2024, FY2024, 2024Q1, 2024-03 or a date; " + RANGE
BASIS = "optional: CY, FY, H, Q or M (default: as the period is written)"
DEFINITION = "optional: mof3 (default), narrow, or item ids separated by commas"
DATA_DEFINITION = DEFINITION + "; only for the item digital"
SIDE = "optional: net (default; debit for crude_oil_imports), credit (receipts) or debit (payments)"
VINTAGE = (
    "optional: preliminary, revised-YYYY-MM, published, official, derived, analyst "
    "or YYYY-MM-DD (default: the latest)"
)
DATA = (
    "optional range: a dataset table (header row country,basis,period,item,definition,side,"
    "value,unit,precision,vintage,source, or a briefing's Data table) read on top of the figures"
)
TABLE = (
    "range: a header row of item ids and one row per period (oku yen), "
    "or two columns of item id and value"
)


# --- data ---------------------------------------------------------------------------------


@func(category=CATEGORY)
@arg("item", doc=ITEM)
@arg("period", ndim=2, doc=PERIOD)
@arg("basis", doc=BASIS)
@arg("definition", doc=DATA_DEFINITION)
@arg("side", doc=SIDE)
@arg("vintage", doc=VINTAGE)
@arg("data", ndim=2, doc=DATA)
@hints_for_mypy_only
def dd_value(
    item: object,
    period: object,
    basis: object = None,
    definition: object = None,
    side: object = None,
    vintage: object = None,
    data: object = None,
) -> Output:
    """Figure for a period in oku yen: published or analyst estimate (DD_SOURCE); #N/A if none."""
    return figures.value(item, period, basis, definition, side, vintage, data)


@func(category=CATEGORY)
@arg("item", doc=ITEM)
@arg("first", doc="optional first period, e.g. 2014 or FY2014 (default: earliest)")
@arg("last", doc="optional last period (default: latest)")
@arg("basis", doc=BASIS)
@arg("definition", doc=DATA_DEFINITION)
@arg("side", doc=SIDE)
@arg("vintage", doc=VINTAGE)
@arg("data", ndim=2, doc=DATA)
@hints_for_mypy_only
def dd_series(
    item: object,
    first: object = None,
    last: object = None,
    basis: object = None,
    definition: object = None,
    side: object = None,
    vintage: object = None,
    data: object = None,
) -> list[list[Cell]]:
    """Spills a period/value table (with a header) of an item, in oku yen; #N/A if unpublished."""
    return figures.series(item, first, last, basis, definition, side, vintage, data)


@func(category=CATEGORY)
@arg("item", doc=ITEM)
@arg("period", ndim=2, doc=PERIOD)
@arg("basis", doc=BASIS)
@arg("definition", doc=DATA_DEFINITION)
@arg("side", doc=SIDE)
@arg("vintage", doc=VINTAGE)
@arg("data", ndim=2, doc=DATA)
@hints_for_mypy_only
def dd_source(
    item: object,
    period: object,
    basis: object = None,
    definition: object = None,
    side: object = None,
    vintage: object = None,
    data: object = None,
) -> Output:
    """Source and vintage of the figure DD_VALUE returns (text); #N/A if none."""
    return figures.source(item, period, basis, definition, side, vintage, data)


@func(category=CATEGORY)
@hints_for_mypy_only
def dd_items() -> list[list[Cell]]:
    """Spills the item ids with English and Japanese labels and BPM6 codes."""
    return figures.items()


@func(category=CATEGORY)
@hints_for_mypy_only
def dd_definitions() -> list[list[Cell]]:
    """Spills the digital-deficit definitions with their items, labels and sources."""
    return figures.definitions()


# --- digital deficit -----------------------------------------------------------------------


@func(category=CATEGORY)
@arg("items", ndim=2, doc=TABLE + " (net balances)")
@arg("definition", doc=DEFINITION)
@hints_for_mypy_only
def dd_digital_balance(items: object, definition: object = None) -> Output:
    """Digital balance (net, units of the input) per row: sum of the definition's items."""
    return metrics.digital_sum("balance", items, definition)


@func(category=CATEGORY)
@arg("items", ndim=2, doc=TABLE + " (payments = debits)")
@arg("definition", doc=DEFINITION)
@hints_for_mypy_only
def dd_digital_payments(items: object, definition: object = None) -> Output:
    """Gross digital payments (debit, units of the input) per row: the definition's items."""
    return metrics.digital_sum("payments", items, definition)


@func(category=CATEGORY)
@arg("items", ndim=2, doc=TABLE + " (receipts = credits)")
@arg("definition", doc=DEFINITION)
@hints_for_mypy_only
def dd_digital_receipts(items: object, definition: object = None) -> Output:
    """Gross digital receipts (credit, units of the input) per row: the definition's items."""
    return metrics.digital_sum("receipts", items, definition)


@func(category=CATEGORY)
@arg("component", ndim=2, doc="component balance, e.g. computer services; " + OKU)
@arg("total", ndim=2, doc="total balance in the same unit; " + RANGE)
@hints_for_mypy_only
def dd_component_share(component: object, total: object) -> Output:
    """Component / total (a fraction: 0.45 = 45%); #N/A where the total is 0 or blank."""
    return metrics.component_share(component, total)


# --- growth and comparisons ----------------------------------------------------------------


@func(category=CATEGORY)
@arg("current", ndim=2, doc="current balance; " + OKU)
@arg("base_value", ndim=2, doc="base-period balance in the same unit; " + RANGE)
@hints_for_mypy_only
def dd_growth_multiple(current: object, base_value: object) -> Output:
    """Times the base level (3.2 = more than tripled); #N/A if the signs differ."""
    return metrics.growth_multiple(current, base_value)


@func(category=CATEGORY)
@arg("start_value", ndim=2, doc="starting balance; " + OKU)
@arg("end_value", ndim=2, doc="ending balance in the same unit; " + RANGE)
@arg("years", ndim=2, doc="number of years between them (above 0); " + RANGE)
@hints_for_mypy_only
def dd_cagr(start_value: object, end_value: object, years: object) -> Output:
    """Compound annual growth rate (0.12 = 12% a year); #N/A if the signs differ."""
    return metrics.cagr(start_value, end_value, years)


@func(category=CATEGORY)
@arg("values", ndim=2, doc="balances; alone: consecutive periods in a row or column; " + OKU)
@arg("previous", ndim=2, doc="optional previous-period balances, same unit; " + RANGE)
@hints_for_mypy_only
def dd_yoy(values: object, previous: object = None) -> Output:
    """Change on the previous period (0.20 = 20% larger; for deficits the size of the deficit)."""
    return metrics.yoy(values, previous)


@func(category=CATEGORY)
@arg("digital_balance", ndim=2, doc="digital balance (negative = deficit); " + OKU)
@arg("services", ndim=2, doc="services balance in the same unit; " + RANGE)
@hints_for_mypy_only
def dd_share_of_services_deficit(digital_balance: object, services: object) -> Output:
    """Digital deficit / services deficit (1.7 = larger); #N/A unless both are deficits."""
    return metrics.share_of_services_deficit(digital_balance, services)


@func(category=CATEGORY)
@arg("travel", ndim=2, doc="travel balance; " + OKU)
@arg("digital_balance", ndim=2, doc="digital balance in the same unit; " + RANGE)
@hints_for_mypy_only
def dd_tourism_coverage(travel: object, digital_balance: object) -> Output:
    """Travel balance / digital deficit (0.91 = tourism covers 91%); #N/A if no deficit."""
    return metrics.tourism_coverage(travel, digital_balance)


@func(category=CATEGORY)
@arg("digital_balance", ndim=2, doc="digital balance (negative = deficit); " + OKU)
@arg("crude_oil_imports", ndim=2, doc="crude-oil import bill (positive), same unit; " + RANGE)
@hints_for_mypy_only
def dd_oil_ratio(digital_balance: object, crude_oil_imports: object) -> Output:
    """Digital deficit / crude-oil imports (0.62 = 62% of the oil bill); #N/A if no deficit."""
    return metrics.oil_ratio(digital_balance, crude_oil_imports)


@func(category=CATEGORY)
@arg("periods", ndim=2, doc="periods of the known values: 2014, FY2014, 2024Q1... (a range)")
@arg("values", ndim=2, doc="known balances, one per period; blanks are skipped; any one unit")
@arg("target", ndim=2, doc="period(s) to project to, e.g. 2030; a cell, a row or a column")
@arg("method", doc="optional: cagr (default: first to last point) or linear (least squares)")
@hints_for_mypy_only
def dd_project(periods: object, values: object, target: object, method: object = None) -> Output:
    """Projected balance at the target period(s), in the unit of values."""
    return metrics.project(periods, values, target, method)


@func(category=CATEGORY)
@arg("base_balance", ndim=2, doc="base digital balance, e.g. 2023; " + OKU)
@arg("new_balance", ndim=2, doc="new digital balance in the same unit; " + RANGE)
@arg("yen_per_doubling", doc="your assumption: yen of depreciation per doubling (cited: 5-6)")
@hints_for_mypy_only
def dd_fx_impact(base_balance: object, new_balance: object, yen_per_doubling: object) -> Output:
    """Yen depreciation vs USD, in yen = yen_per_doubling x log2(new/base). An assumption."""
    return metrics.fx_impact(base_balance, new_balance, yen_per_doubling)


# --- current account -----------------------------------------------------------------------


@func(category=CATEGORY)
@arg("goods", ndim=2, doc="goods (trade) balance; " + OKU)
@arg("services", ndim=2, doc="services balance, same unit; " + RANGE)
@arg("primary", ndim=2, doc="primary income balance, same unit; " + RANGE)
@arg("secondary", ndim=2, doc="secondary income balance, same unit; " + RANGE)
@hints_for_mypy_only
def dd_current_account(
    goods: object, services: object, primary: object, secondary: object
) -> Output:
    """Current account = goods + services + primary + secondary income (unit of the input)."""
    return metrics.current_account_total(goods, services, primary, secondary)


@func(category=CATEGORY)
@arg("reported", ndim=2, doc="reported current account; " + OKU)
@arg("goods", ndim=2, doc="goods balance, same unit; " + RANGE)
@arg("services", ndim=2, doc="services balance, same unit; " + RANGE)
@arg("primary", ndim=2, doc="primary income balance, same unit; " + RANGE)
@arg("secondary", ndim=2, doc="secondary income balance, same unit; " + RANGE)
@hints_for_mypy_only
def dd_ca_residual(
    reported: object, goods: object, services: object, primary: object, secondary: object
) -> Output:
    """Reported current account minus its four parts (0 or +-1 from rounding)."""
    return metrics.ca_residual(reported, goods, services, primary, secondary)


@func(category=CATEGORY)
@arg("current_account", ndim=2, doc="current account (net); " + OKU)
@arg("reinvested_earnings", ndim=2, doc="net reinvested earnings, same unit; " + RANGE)
@arg("portfolio_income", ndim=2, doc="net portfolio investment income, same unit; " + RANGE)
@arg("bond_interest", ndim=2, doc="optional net bond interest (oguro2), same unit; " + RANGE)
@arg("method", doc="optional: karakama (default), oguro1, oguro2 or repatriation")
@arg("repatriation_share", doc="optional share r from 0 to 1 (repatriation method only)")
@arg("primary_income", ndim=2, doc="optional net primary income (repatriation); " + RANGE)
@hints_for_mypy_only
def dd_cf_current_account(
    current_account: object,
    reinvested_earnings: object,
    portfolio_income: object,
    bond_interest: object = None,
    method: object = None,
    repatriation_share: object = None,
    primary_income: object = None,
) -> Output:
    """Cash-flow current account (unit of the input): the surplus minus income kept abroad."""
    return metrics.cf_current_account(
        current_account,
        reinvested_earnings,
        portfolio_income,
        bond_interest,
        method,
        repatriation_share,
        primary_income,
    )
