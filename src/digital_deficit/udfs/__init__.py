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

from digital_deficit.core.catalogue import FAMILIES, digital_sum, get_metric
from digital_deficit.core.catalogue_digital import ITEM_TABLE, RANGE
from digital_deficit.core.definitions import MOF3
from digital_deficit.core.metric import Metric
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


def help_from(*entries: Metric, summary: str = "", **more: str) -> Callable[[F], F]:
    """The function's help from the catalogue: the first entry's description (or ``summary``),
    and every input of the entries (and ``more``: options of the function itself) as argument
    help. Apply it below ``@func``; an input the function does not take is an error."""

    def decorate(function: F) -> F:
        function.__doc__ = summary or entries[0].help
        docs: dict[str, tuple[str, bool]] = {}
        for entry in entries:
            for inp in entry.inputs:
                docs.setdefault(inp.excel, (inp.doc, inp.scalar))
        docs.update({name: (doc, True) for name, doc in more.items()})
        for name, (doc, scalar) in reversed(docs.items()):
            function = (
                arg(name, doc=doc)(function) if scalar else arg(name, ndim=2, doc=doc)(function)
            )
        return function

    return decorate


# Argument help shown in Excel's function wizard and in Lite/Server's formula tooltips.
ITEM = "item id, e.g. digital, services, travel, current_account (see DD_ITEMS)"
PERIOD = "period(s): 2024, FY2024, 2024Q1, 2024-03 or a date; " + RANGE
BASIS = "optional: CY, FY, H, Q or M (default: as the period is written)"
DEFINITION = "optional: mof3 (default), narrow, or item ids separated by commas"
DIGITAL_TABLE = {
    "net": " (net balances)",
    "debit": " (payments = debits)",
    "credit": " (receipts = credits)",
}
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


def _digital(side: str) -> Callable[[F], F]:
    return help_from(summary=digital_sum(MOF3, side).help)


@func(category=CATEGORY)
@arg("items", ndim=2, doc=ITEM_TABLE + DIGITAL_TABLE["net"])
@arg("definition", doc=DEFINITION)
@_digital("net")
@hints_for_mypy_only
def dd_digital_balance(items: object, definition: object = None) -> Output:
    return metrics.digital_sum("balance", items, definition)


@func(category=CATEGORY)
@arg("items", ndim=2, doc=ITEM_TABLE + DIGITAL_TABLE["debit"])
@arg("definition", doc=DEFINITION)
@_digital("debit")
@hints_for_mypy_only
def dd_digital_payments(items: object, definition: object = None) -> Output:
    return metrics.digital_sum("payments", items, definition)


@func(category=CATEGORY)
@arg("items", ndim=2, doc=ITEM_TABLE + DIGITAL_TABLE["credit"])
@arg("definition", doc=DEFINITION)
@_digital("credit")
@hints_for_mypy_only
def dd_digital_receipts(items: object, definition: object = None) -> Output:
    return metrics.digital_sum("receipts", items, definition)


@func(category=CATEGORY)
@help_from(get_metric("component_share"))
@hints_for_mypy_only
def dd_component_share(component: object, total: object) -> Output:
    return metrics.metric("component_share", component, total)


# --- growth and comparisons ----------------------------------------------------------------


@func(category=CATEGORY)
@help_from(get_metric("multiple"))
@hints_for_mypy_only
def dd_growth_multiple(current: object, base_value: object) -> Output:
    return metrics.metric("multiple", current, base_value)


@func(category=CATEGORY)
@help_from(get_metric("cagr"))
@hints_for_mypy_only
def dd_cagr(start_value: object, end_value: object, years: object) -> Output:
    return metrics.metric("cagr", start_value, end_value, years)


@func(category=CATEGORY)
@help_from(get_metric("yoy"))
@hints_for_mypy_only
def dd_yoy(values: object, previous: object = None) -> Output:
    return metrics.yoy(values, previous)


@func(category=CATEGORY)
@help_from(get_metric("share_of_services_deficit"))
@hints_for_mypy_only
def dd_share_of_services_deficit(digital_balance: object, services: object) -> Output:
    return metrics.metric("share_of_services_deficit", digital_balance, services)


@func(category=CATEGORY)
@help_from(get_metric("tourism_coverage"))
@hints_for_mypy_only
def dd_tourism_coverage(travel: object, digital_balance: object) -> Output:
    return metrics.metric("tourism_coverage", travel, digital_balance)


@func(category=CATEGORY)
@help_from(get_metric("oil_ratio"))
@hints_for_mypy_only
def dd_oil_ratio(digital_balance: object, crude_oil_imports: object) -> Output:
    return metrics.metric("oil_ratio", digital_balance, crude_oil_imports)


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
@help_from(get_metric("fx_impact"))
@hints_for_mypy_only
def dd_fx_impact(base_balance: object, new_balance: object, yen_per_doubling: object) -> Output:
    return metrics.fx_impact(base_balance, new_balance, yen_per_doubling)


# --- current account -----------------------------------------------------------------------


@func(category=CATEGORY)
@help_from(get_metric("ca_identity"))
@hints_for_mypy_only
def dd_current_account(
    goods: object, services: object, primary: object, secondary: object
) -> Output:
    return metrics.metric("ca_identity", goods, services, primary, secondary)


@func(category=CATEGORY)
@help_from(get_metric("ca_residual"))
@hints_for_mypy_only
def dd_ca_residual(
    reported: object, goods: object, services: object, primary: object, secondary: object
) -> Output:
    return metrics.metric("ca_residual", reported, goods, services, primary, secondary)


@func(category=CATEGORY)
@help_from(
    *FAMILIES["cf_current_account"].members.values(),
    method="optional: karakama (default), oguro1, oguro2 or repatriation",
)
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
    return metrics.family(
        "cf_current_account",
        "method",
        method,
        ("bond_interest", "repatriation_share", "primary_income"),
        current_account=current_account,
        reinvested_earnings=reinvested_earnings,
        portfolio_income=portfolio_income,
        bond_interest=bond_interest,
        repatriation_share=repatriation_share,
        primary_income=primary_income,
    )
