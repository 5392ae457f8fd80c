"""Issue 11 through the Excel functions: the calls fuzzing found raising OverflowError or
ValueError, or returning inf, now give #N/A (missing), and extreme inputs never give a plain
Python error or a non-finite number."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest
import xlwings
from hypothesis import given, settings
from hypothesis import strategies as st

from digital_deficit import udfs
from digital_deficit.udfs.args import NA, UdfError


@pytest.fixture(autouse=True)
def _no_user_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DIGITAL_DEFICIT_DATA", raising=False)
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(tmp_path / "absent.conf"))


TABLE = [["copyright_royalties", "ict_services", "consulting"], [1e308, 1e308, 0]]


@pytest.mark.parametrize(
    "call",
    [
        lambda: udfs.dd_current_account(1e308, 1e308, 0, 0),
        lambda: udfs.dd_ca_residual(1e308, -1e308, -1e308, 0, 0),
        lambda: udfs.dd_cf_current_account(1e308, -1e308, -1e308),
        lambda: udfs.dd_digital_balance(TABLE),
        lambda: udfs.dd_digital_payments(TABLE),
        lambda: udfs.dd_digital_receipts(TABLE),
        lambda: udfs.dd_cagr(1, 2, 1e-300),
        lambda: udfs.dd_growth_multiple(1e308, 1e-308),
        lambda: udfs.dd_fx_impact(1e308, 5e-324, 5),
        lambda: udfs.dd_project([[2014, 2024]], [[1e308, -1e308]], 2030, "linear"),
        lambda: udfs.dd_project([[2014, 2024]], [[-1e-300, -1e300]], 2100),
        lambda: udfs.dd_tourism_coverage(1e308, -1e-308),
        lambda: udfs.dd_oil_ratio(-1e308, 1e-308),
    ],
)
def test_what_fuzzing_found_is_missing(call: Callable[[], object]) -> None:
    result = call()
    while isinstance(result, list):
        (result,) = result
    assert result == NA


extreme = st.sampled_from([1e308, -1e308, 5e-324, -5e-324, 0.0, -0.0, math.inf, math.nan, None])
FUNCTIONS: list[Callable[..., object]] = [
    udfs.dd_growth_multiple,
    udfs.dd_yoy,
    udfs.dd_share_of_services_deficit,
    udfs.dd_tourism_coverage,
    udfs.dd_oil_ratio,
    udfs.dd_component_share,
]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(range(len(FUNCTIONS))), extreme, extreme)
def test_extremes_give_a_number_missing_or_a_one_line_error(
    index: int, a: float | None, b: float | None
) -> None:
    try:
        result = FUNCTIONS[index]([[a]], [[b]])
    except UdfError as exc:
        assert "\n" not in str(exc)
        return
    assert result == NA or (isinstance(result, float) and math.isfinite(result))
