"""The metric UDFs as plain functions: Excel cells in, core arithmetic, cells out.

No arithmetic happens here: every number comes from ``digital_deficit.core``. This module reads
the ranges (orientation, blanks, text where a number belongs), calls the core, and shapes the
result like the input with #N/A for a missing value.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

from digital_deficit.core import digital, growth, projection
from digital_deficit.core.catalogue import FAMILIES, get_metric
from digital_deficit.core.definitions import Definition
from digital_deficit.core.errors import InputError, LengthMismatchError, UnknownNameError
from digital_deficit.core.items import AGGREGATE_ITEMS, ITEM_IDS, get_item
from digital_deficit.core.metric import apply
from digital_deficit.core.periods import Period
from digital_deficit.core.values import Result, Value, describe
from digital_deficit.udfs.args import (
    Cells,
    Output,
    as_list,
    choose,
    definition_arg,
    excel_errors,
    is_blank,
    number,
    optional_number,
    period_arg,
    read_cells,
    read_table,
    result_shape,
    shaped,
    text_arg,
)


def elementwise(core_function: Callable[..., Result], **arguments: tuple[str, object]) -> Output:
    """Call a period-by-period core function on cells; the result takes the input's shape.

    ``arguments`` maps the core's parameter names to (Excel argument name, cells), so that
    every message names the argument the user sees.
    """
    cells = {key: read_cells(name, value) for key, (name, value) in arguments.items()}
    try:
        result = core_function(**{key: c.core_arg() for key, c in cells.items()})
    except LengthMismatchError as exc:
        named = {cells[key].name if key in cells else key: n for key, n in exc.lengths.items()}
        raise LengthMismatchError(named) from None
    return shaped(as_list(result), result_shape(*cells.values()))


@excel_errors
def metric(metric_id: str, *values: object) -> Output:
    """A catalogue entry over cells, the arguments in the entry's input order."""
    entry = get_metric(metric_id)
    arguments = {
        inp.name: (inp.excel, value) for inp, value in zip(entry.inputs, values, strict=True)
    }
    return elementwise(functools.partial(apply, entry), **arguments)


# --- digital balance from a table of components -------------------------------------------


def _definition(value: object) -> Definition:
    return definition_arg(value)


def _header_item(text: object, column: int) -> str:
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            "items", f"header column {column} is {describe(text)}; expected an item id"
        )
    try:
        item = get_item(text.strip().lower())
    except UnknownNameError as exc:
        raise InputError("items", f"header column {column}: {exc}") from None
    if item.id in AGGREGATE_ITEMS:
        raise InputError("items", f"header column {column} is {item.id!r}; name its parts")
    return item.id


def _is_id_value_pairs(rows: list[list[object]]) -> bool:
    """Two columns whose first row is an item id and a value (not a second item id)."""
    if len(rows[0]) != 2 or not isinstance(rows[0][0], str):
        return False
    second = rows[0][1]
    return not (isinstance(second, str) and second.strip().lower() in ITEM_IDS)


def component_columns(value: object) -> tuple[dict[str, list[Value]], bool]:
    """Component values by item id from the ``items`` range, and whether it was id/value pairs.

    Layouts: a header row of item ids and one row per period (an optional first column headed
    "period" or left blank holds period labels), or two columns of item id and value.
    """
    rows = read_table("items", value)
    if _is_id_value_pairs(rows):
        columns: dict[str, list[Value]] = {}
        for r, (name, cell) in enumerate(rows, start=1):
            item_id = _header_item(name, 1) if r == 1 else _pair_item(name, r)
            if item_id in columns:
                raise InputError("items", f"row {r} repeats {item_id!r}")
            columns[item_id] = [_number(cell, f"row {r}, column 2 ({item_id})")]
        return columns, True
    header, body = rows[0], rows[1:]
    first = header[0]
    skip = first is None or (isinstance(first, str) and first.strip().lower() in ("", "period"))
    start = 1 if skip else 0
    if len(header) <= start:
        raise InputError("items", "has no item columns; expected a header row of item ids")
    if not body:
        raise InputError("items", "has a header but no rows of values")
    columns = {}
    for c in range(start, len(header)):
        item_id = _header_item(header[c], c + 1)
        if item_id in columns:
            raise InputError("items", f"header column {c + 1} repeats {item_id!r}")
        columns[item_id] = [
            _number(row[c], f"row {r}, column {c + 1} ({item_id})")
            for r, row in enumerate(body, start=2)
        ]
    return columns, False


def _pair_item(name: object, row: int) -> str:
    try:
        return _header_item(name, 1)
    except InputError:
        raise InputError(
            "items", f"row {row}, column 1 is {describe(name)}; expected an item id"
        ) from None


def _number(value: object, where: str) -> Value:
    try:
        return None if is_blank(value) else number("items", value)
    except InputError:
        raise InputError(
            "items", f"{where} is {describe(value)}; expected a number or a blank cell"
        ) from None


def _check_covers(columns: dict[str, list[Value]], chosen: Definition) -> None:
    for item_id in chosen.items:
        parts = get_item(item_id).parts
        if item_id not in columns and not (parts and all(p in columns for p in parts)):
            raise InputError(
                "items",
                f"has no {item_id} column; the {chosen.id} definition needs "
                f"{', '.join(chosen.items)}",
            )


@excel_errors
def digital_sum(kind: str, items: object, definition: object) -> Output:
    """Digital balance, payments or receipts (``kind``) from a table of component values."""
    chosen = _definition(definition)
    columns, pairs = component_columns(items)
    _check_covers(columns, chosen)
    core = {
        "balance": digital.digital_balance,
        "payments": digital.digital_payments,
        "receipts": digital.digital_receipts,
    }[kind]
    components = cast("dict[str, Any]", columns)
    return shaped(as_list(core(components, chosen)), "scalar" if pairs else "column")


# --- growth, comparisons, projection, FX ---------------------------------------------------


@excel_errors
def yoy(values: object, previous: object = None) -> Output:
    """Change on the previous value, or along a range of consecutive periods."""
    if previous is not None:
        return elementwise(
            growth.yoy_change, current=("values", values), previous=("previous", previous)
        )
    cells = read_cells("values", values)
    if cells.scalar:
        raise InputError(
            "previous",
            "is missing; give the previous period's value, or a range of periods in values",
        )
    return shaped(growth.yoy_series(cells.numbers()), cells.shape)


def _periods(cells: Cells) -> list[Period | None]:
    """Each period cell as written (2024 is CY2024, a date its month); None for a blank."""
    return [
        None if is_blank(value) else period_arg(cells.name, value, "", None if cells.scalar else i)
        for i, value in enumerate(cells.values, start=1)
    ]


def _one_basis(cells: Cells, periods: list[Period | None], basis: str | None) -> str:
    """The basis all ``periods`` share (``basis`` if given); mixing bases raises InputError."""
    for i, (value, period) in enumerate(zip(cells.values, periods, strict=True), start=1):
        if period is None:
            continue
        if basis is None:
            basis = period.basis
        elif period.basis != basis:
            raise InputError(
                cells.name,
                f"is {describe(value)}, a {period.basis} period, but "
                + (
                    f"the periods are {basis} periods"
                    if cells.name == "target"
                    else f"the first period is a {basis} period"
                )
                + "; give every period on one basis (e.g. FY2014 and FY2030)",
                None if cells.scalar else i,
            )
    return basis or ""


@excel_errors
def project(periods: object, values: object, target: object, method: object = None) -> Output:
    """Value at each target period, extrapolated from (period, value) points on one basis."""
    method_id = choose(
        "method",
        projection.check_projection_method,
        text_arg("method", method, "cagr", "cagr or linear"),
    )
    point_cells = read_cells("periods", periods)
    points = _periods(point_cells)
    basis = _one_basis(point_cells, points, None)
    ys = read_cells("values", values).numbers()
    targets = read_cells("target", target)
    goals = _periods(targets)
    _one_basis(targets, goals, basis or None)
    xs = [None if p is None else p.decimal_year for p in points]
    out: list[Value] = []
    for goal in goals:
        if goal is None:
            raise InputError("target", "is blank; expected a year such as 2030")
        out.append(projection.project(cast("list[float]", xs), ys, goal.decimal_year, method_id))
    return shaped(out, targets.shape)


@excel_errors
def fx_impact(base_balance: object, new_balance: object, yen_per_doubling: object) -> Output:
    """Yen depreciation = yen_per_doubling x log2(new / base), per period."""
    per_doubling = optional_number("yen_per_doubling", yen_per_doubling)
    return elementwise(
        functools.partial(apply, get_metric("fx_impact"), yen_per_doubling=per_doubling),
        base=("base_balance", base_balance),
        new=("new_balance", new_balance),
    )


# --- current account -----------------------------------------------------------------------


@excel_errors
def family(
    name: str, choice_arg: str, choice: object, optional: tuple[str, ...], **values: object
) -> Output:
    """The member of a family the ``choice`` argument picks (the cash-flow method), over cells.

    ``values`` holds every argument by its Excel name; an ``optional`` one the member needs
    that was omitted (None) is an error naming it; a blank cell is a missing value.
    """
    chosen_family = FAMILIES[name]
    text = text_arg(choice_arg, choice, chosen_family.default, chosen_family.expected)
    entry = choose(choice_arg, chosen_family.member, text)
    scalars: dict[str, object] = {}
    cells: dict[str, tuple[str, object]] = {}
    for inp in entry.inputs:
        value = values.get(inp.excel)
        if value is None and inp.excel in optional:
            raise InputError(inp.excel, f"is missing; the {entry.variant} method needs it")
        if inp.scalar:
            scalars[inp.name] = optional_number(inp.excel, value)
        else:
            cells[inp.name] = (inp.excel, value)
    return elementwise(functools.partial(apply, entry, **scalars), **cells)
