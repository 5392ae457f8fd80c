"""Projection of a balance to a target year, by CAGR or by a linear trend."""

from __future__ import annotations

from collections.abc import Sequence

from digital_deficit.core.catalogue import get_metric
from digital_deficit.core.errors import InputError, UnknownNameError
from digital_deficit.core.evaluate import evaluate
from digital_deficit.core.values import Value, ValueLike, required_number, to_values

PROJECTION_METHODS: tuple[str, ...] = ("cagr", "linear")


def check_projection_method(method: str) -> str:
    """Return the method id (cagr or linear) or raise UnknownNameError."""
    key = method.strip().lower() if isinstance(method, str) else method
    if key not in PROJECTION_METHODS:
        raise UnknownNameError("projection method", method, PROJECTION_METHODS)
    return str(key)


def project(
    periods: Sequence[float | int], values: ValueLike, target: float | int, method: str = "cagr"
) -> Value:
    """Value at ``target`` extrapolated from the (period, value) points given.

    cagr: grows the last value at the compound rate between the first and last points (missing
    when they differ in sign). linear: least-squares line through every point. Blank values are
    skipped; at least two points are needed.
    """
    method = check_projection_method(method)
    xs, _ = to_values("periods", periods)
    ys, _ = to_values("values", values)
    if len(xs) != len(ys):
        raise InputError("values", f"has {len(ys)} cells but periods has {len(xs)}")
    for position, x in enumerate(xs, start=1):
        if x is None:
            raise InputError("periods", "is blank; every period needs a year", position)
    goal = required_number("target", target)
    points = [(x, y) for x, y in zip(xs, ys, strict=True) if x is not None and y is not None]
    points.sort()
    if len(points) < 2:
        raise InputError("values", f"has {len(points)} usable points; a projection needs two")
    if len({x for x, _ in points}) != len(points):
        raise InputError("periods", "repeats a period; give each period once")
    if method == "cagr":
        (x0, y0), (x1, y1) = points[0], points[-1]
        ends: dict[str, float | None] = {"x0": x0, "y0": y0, "x1": x1, "y1": y1, "target": goal}
        return get_metric("projection_cagr").evaluate(ends)
    linear = get_metric("projection_linear").expr
    env: dict[str, float | list[float]] = {
        "target": goal,
        "periods": [x for x, _ in points],
        "values": [y for _, y in points],
    }
    return evaluate(linear, env)
