"""Catalogue entries of the digital balance: its figures, growth, comparisons, FX, projection.

Each entry names its inputs (balance-of-payments items, other metrics or parameters), its rule
as an expression (``core.expr``), its unit and display style, and its Excel help text; its label
is ``metric.<id>`` in each language's label table (see ``core.catalogue``).

A ratio of balances is taken on the signed values; it is missing where its denominator is zero
or the signs make it meaningless (a deficit that turned into a surplus).
"""

from __future__ import annotations

from collections.abc import Callable

from digital_deficit.core.definitions import Definition
from digital_deficit.core.expr import (
    NA,
    Expr,
    Forecast,
    If,
    Ref,
    Sum,
    either,
    eq,
    ge,
    gt,
    le,
    log2,
    lt,
    not_same_sign,
    opposite_signs,
    ref,
)
from digital_deficit.core.items import get_item
from digital_deficit.core.metric import REQUIRED, YEARS, Input, Metric

RANGE = "a cell, a row or a column; blank = missing"
OKU = f"oku yen (100 million yen) or any one unit; {RANGE}"
ITEM_TABLE = (
    "range: a header row of item ids and one row per period (oku yen), "
    "or two columns of item id and value"
)
HEADLINE = "headline"
"""A column of `metrics` (JSON and CSV) and of the briefing's headline rows."""
TABLE = "table"
"""Also a column of the `metrics` table (title: ``short.<id>`` in the English labels)."""
DIGITAL_SHEET = "digital"
"""A ratio row of the briefing's Digital sheet."""
SUMMARY = "summary"
"""A key figure of the briefing's Summary (and the Cover's messages)."""


def same_sign_ratio(
    current: Expr, base: Expr, then: Callable[[Expr], Expr] = lambda ratio: ratio
) -> Expr:
    """then(current / base); missing when base is 0 or the two lie on opposite sides of zero."""
    return If(either(eq(base, 0), opposite_signs(current, base)), NA, then(current / base))


def _share_of_deficit(digital: Expr, reference: Expr) -> Expr:
    return If(either(ge(reference, 0), gt(digital, 0)), NA, digital / reference)


def figure_entry(
    name: str, item: str, side: str = "net", help_: str = "", tags: tuple[str, ...] = ()
) -> Metric:
    """A published (or derived) figure shown as it is: a metrics column."""
    return Metric(
        name,
        (Input(name, item=item, side=side),),
        Ref(name),
        "money",
        "amount",
        help_ or f"{get_item(item).label_en} ({side})",
        tags=frozenset({HEADLINE, *tags}),
    )


current, base, previous, digital, new = ref("current", "base", "previous", "digital", "new")
travel, oil, services, gs = ref("travel", "crude_oil_imports", "services", "goods_and_services")
start, end, years, component, whole = ref("start", "end", "years", "component", "total")
x0, y0, x1, y1, target, per_doubling = ref("x0", "y0", "x1", "y1", "target", "yen_per_doubling")

_DIGITAL = Input("digital", item="digital", arg="digital_balance")

DIGITAL_ENTRIES: tuple[Metric, ...] = (
    figure_entry(
        "digital", "digital", help_="Digital balance (net) by definition", tags=(TABLE, SUMMARY)
    ),
    figure_entry("digital_payments", "digital", "debit", "Digital payments (debit) by definition"),
    figure_entry(
        "digital_receipts", "digital", "credit", "Digital receipts (credit) by definition"
    ),
    Metric(
        "yoy",
        (
            Input(
                "current",
                item="digital",
                arg="values",
                doc=f"balances; alone: consecutive periods in a row or column; {OKU}",
            ),
            Input(
                "previous",
                item="digital",
                when="previous",
                doc=f"optional previous-period balances, same unit; {RANGE}",
            ),
        ),
        same_sign_ratio(current, previous, lambda r: r - 1),
        "ratio",
        "pct",
        "Change on the previous period (0.20 = 20% larger; for deficits the size of the deficit).",
        tags=frozenset({HEADLINE, TABLE, DIGITAL_SHEET, SUMMARY}),
    ),
    Metric(
        "multiple",
        (
            Input("current", item="digital", doc=f"current balance; {OKU}"),
            Input(
                "base",
                item="digital",
                when="base",
                arg="base_value",
                doc=f"base-period balance in the same unit; {RANGE}",
            ),
        ),
        same_sign_ratio(current, base),
        "times",
        "x",
        "Times the base level (3.2 = more than tripled); #N/A if the signs differ.",
        tags=frozenset({HEADLINE, TABLE, DIGITAL_SHEET, SUMMARY}),
    ),
    figure_entry("services", "services"),
    Metric(
        "share_of_services_deficit",
        (
            Input(
                "digital",
                item="digital",
                arg="digital_balance",
                doc=f"digital balance (negative = deficit); {OKU}",
            ),
            Input("services", item="services", doc=f"services balance in the same unit; {RANGE}"),
        ),
        _share_of_deficit(digital, services),
        "ratio",
        "x",
        "Digital deficit / services deficit (1.7 = larger); #N/A unless both are deficits.",
        tags=frozenset({HEADLINE, TABLE, DIGITAL_SHEET}),
    ),
    figure_entry("goods_and_services", "goods_and_services"),
    Metric(
        "share_of_gs_deficit",
        (_DIGITAL, Input("goods_and_services", item="goods_and_services")),
        _share_of_deficit(digital, gs),
        "ratio",
        "x",
        "Digital deficit / goods-and-services deficit; #N/A unless both are deficits.",
        tags=frozenset({HEADLINE, DIGITAL_SHEET}),
    ),
    figure_entry("travel", "travel"),
    Metric(
        "tourism_coverage",
        (
            Input("travel", item="travel", doc=f"travel balance; {OKU}"),
            Input(
                "digital",
                item="digital",
                arg="digital_balance",
                doc=f"digital balance in the same unit; {RANGE}",
            ),
        ),
        If(either(ge(digital, 0), lt(travel, 0)), NA, travel / -digital),
        "ratio",
        "pct",
        "Travel balance / digital deficit (0.91 = tourism covers 91%); #N/A if no deficit.",
        tags=frozenset({HEADLINE, TABLE, DIGITAL_SHEET, SUMMARY}),
    ),
    figure_entry("crude_oil_imports", "crude_oil_imports", "debit", "Crude-oil import bill"),
    Metric(
        "oil_ratio",
        (
            Input(
                "digital",
                item="digital",
                arg="digital_balance",
                doc=f"digital balance (negative = deficit); {OKU}",
            ),
            Input(
                "crude_oil_imports",
                item="crude_oil_imports",
                side="debit",
                doc=f"crude-oil import bill (positive), same unit; {RANGE}",
            ),
        ),
        If(either(ge(digital, 0), le(oil, 0)), NA, -digital / oil),
        "ratio",
        "pct",
        "Digital deficit / crude-oil imports (0.62 = 62% of the oil bill); #N/A if no deficit.",
        tags=frozenset({HEADLINE, TABLE, DIGITAL_SHEET, SUMMARY}),
    ),
    Metric(
        "payments_to_receipts",
        (
            Input("payments", item="digital", side="debit", doc=f"digital payments; {OKU}"),
            Input("receipts", item="digital", side="credit", doc=f"receipts, same unit; {RANGE}"),
        ),
        If(le(Ref("receipts"), 0), NA, Ref("payments") / Ref("receipts")),
        "times",
        "x",
        "Digital payments / receipts (2.5 = pays 2.5 times what it earns); #N/A unless receipts "
        "are above 0.",
        tags=frozenset({HEADLINE}),
    ),
)

GROWTH_ENTRIES: tuple[Metric, ...] = (
    Metric(
        "component_share",
        (
            Input("component", doc=f"component balance, e.g. computer services; {OKU}"),
            Input("total", doc=f"total balance in the same unit; {RANGE}"),
        ),
        If(eq(whole, 0), NA, component / whole),
        "ratio",
        "pct",
        "Component / total (a fraction: 0.45 = 45%); #N/A where the total is 0 or blank.",
    ),
    Metric(
        "cagr",
        (
            Input("start", arg="start_value", doc=f"starting balance; {OKU}"),
            Input("end", arg="end_value", doc=f"ending balance in the same unit; {RANGE}"),
            Input("years", domain=YEARS, doc=f"number of years between them (above 0); {RANGE}"),
        ),
        same_sign_ratio(end, start, lambda r: r ** (1 / years) - 1),
        "ratio",
        "pct",
        "Compound annual growth rate (0.12 = 12% a year); #N/A if the signs differ.",
    ),
    Metric(
        "difference",
        (Input("current"), Input("previous")),
        current - previous,
        "money",
        "amount",
        "Absolute change: current - previous (in the units given).",
    ),
    Metric(
        "fx_impact",
        (
            Input("base", arg="base_balance", doc=f"base digital balance, e.g. 2023; {OKU}"),
            Input("new", arg="new_balance", doc=f"new digital balance in the same unit; {RANGE}"),
            Input(
                "yen_per_doubling",
                domain=REQUIRED,
                doc="your assumption: yen of depreciation per doubling (cited: 5-6)",
                scalar=True,
            ),
        ),
        If(not_same_sign(base, new), NA, per_doubling * log2(new / base)),
        "yen",
        "yen",
        "Yen depreciation vs USD, in yen = yen_per_doubling x log2(new/base). An assumption.",
    ),
    Metric(
        "projection_cagr",
        tuple(Input(n) for n in ("x0", "y0", "x1", "y1", "target")),
        If(not_same_sign(y0, y1), NA, y1 * ((y1 / y0) ** (1 / (x1 - x0))) ** (target - x1)),
        "money",
        "amount",
        "The last point grown at the compound rate between the first and last points.",
    ),
    Metric(
        "projection_linear",
        (Input("target"),),
        Forecast(target, "values", "periods"),
        "money",
        "amount",
        "The least-squares line through every point (Excel's FORECAST, the one range rule).",
    ),
)


def digital_sum(definition: Definition, side: str = "net", decimal: bool = False) -> Metric:
    """The digital balance (net), payments (debit) or receipts (credit) of a definition: the
    sum of its items, missing unless every item is there."""
    kind = {"net": "balance", "debit": "payments", "credit": "receipts"}[side]
    described = {
        "net": "Digital balance (net, units of the input) per row: sum of the definition's items.",
        "debit": "Gross digital payments (debit, units of the input) per row: the definition's "
        "items.",
        "credit": "Gross digital receipts (credit, units of the input) per row: the definition's "
        "items.",
    }
    return Metric(
        f"digital_{kind}",
        tuple(Input(i, item=i, side=side) for i in definition.items),
        Sum(tuple(Ref(i) for i in definition.items), decimal),
        "money",
        "amount",
        described[side],
    )


def parts_sum(item_id: str, decimal: bool = True) -> Metric | None:
    """An item as the sum of its parts (ict_services = telecom + computer + information)."""
    parts = get_item(item_id).parts
    if not parts:
        return None
    return Metric(
        f"{item_id}_from_parts",
        tuple(Input(p, item=p) for p in parts),
        Sum(tuple(Ref(p) for p in parts), decimal),
        "money",
        "amount",
        f"{get_item(item_id).label_en} as the sum of its parts.",
    )
