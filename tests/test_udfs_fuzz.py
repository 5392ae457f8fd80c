"""Issue 11's done-when for the Excel functions: zero plain Python errors and zero non-finite
results over 10,000 fuzzed calls per function (every function of ``udfs.__all__``, the data
functions with and without the ``data`` range and with a data file), and a sample of the same
calls through xlwings' Office.js path (xlwings Lite and Server) whose results are valid JSON.

The strategies and the rule are in ``tests/udf_fuzz.py``. The 10,000-call runs call the
functions directly (as plain CPython does, the way ``test_udfs_direct`` does): the Office.js
sample shows that the same results survive xlwings' conversion and JSON.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import xlwings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digital_deficit import udfs
from digital_deficit.udfs.args import UdfError
from tests import xlwings_stubs
from tests.udf_fuzz import (
    DATA_FUNCTIONS,
    FUNCTIONS,
    TEXT_RESULTS,
    bad_error,
    bad_result,
    calls,
    check,
    parameters,
)

FUZZ_CALLS = 10_000
"""Calls per function (issue 11: "over 10,000 fuzzed calls per function")."""
BATCH = 5
"""Calls per hypothesis example: drawing an example costs more than the calls it makes."""
DATA_FILE_CALLS = 2_000
OFFICEJS_CALLS = 300
WITH_ARGUMENTS = [name for name in udfs.__all__ if parameters(name)]
FUZZ = settings(
    max_examples=FUZZ_CALLS,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def _no_user_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DIGITAL_DEFICIT_DATA", raising=False)
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(tmp_path / "absent.conf"))


def _short(args: list[Any]) -> str:
    text = repr(args)
    return text if len(text) < 600 else text[:600] + "..."


def fuzz(name: str, budget: int) -> Counter[str]:
    """Run ``budget`` fuzzed calls of ``name``; fails on the first call that breaks the rule."""
    outcomes: Counter[str] = Counter()

    @settings(FUZZ, max_examples=budget // BATCH)
    @given(st.lists(calls(name), min_size=BATCH, max_size=BATCH))
    def some(batch: list[list[Any]]) -> None:
        for args in batch:
            kind, why = check(name, args)
            outcomes[kind] += 1
            assert why is None, f"{name}({_short(args)}): {why}"

    started = time.perf_counter()
    some()
    seconds = time.perf_counter() - started
    print(f"{name}: {sum(outcomes.values()):,} calls in {seconds:.1f} s, {dict(outcomes)}")
    return outcomes


@pytest.mark.slow
@pytest.mark.parametrize("name", WITH_ARGUMENTS)
def test_10000_fuzzed_calls_give_finite_numbers_na_or_typed_errors(name: str) -> None:
    outcomes = fuzz(name, FUZZ_CALLS)
    assert sum(outcomes.values()) >= FUZZ_CALLS
    assert outcomes["value"] > 0 and outcomes["error"] > 0  # both kinds of answer were reached


@pytest.mark.slow
@pytest.mark.parametrize("name", DATA_FUNCTIONS)
def test_data_functions_with_a_data_file_of_extreme_values(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "extreme.csv"
    data.write_text(
        "country,basis,period,item,definition,side,value,unit,precision,vintage,source\n"
        "JPN,CY,2024,digital,mof3,net,-1e308,oku_yen,1,2026-05-18,fuzz\n"
        "JPN,CY,2023,digital,mof3,net,1e308,oku_yen,1,2026-05-18,fuzz\n"
        "JPN,CY,2024,travel,,net,5e-324,oku_yen,1,2026-05-18,fuzz\n"
        "JPN,CY,2024,copyright_royalties,,debit,1.7976931348623157e308,oku_yen,1,2026-05-18,f\n"
        "JPN,M,2024-03,services,,net,-0.0,oku_yen,1,2026-05-18,fuzz\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DIGITAL_DEFICIT_DATA", str(data))
    outcomes = fuzz(name, DATA_FILE_CALLS)
    assert sum(outcomes.values()) >= DATA_FILE_CALLS


@pytest.mark.parametrize("name", [n for n in udfs.__all__ if not parameters(n)])
def test_functions_without_arguments_give_text_tables(name: str) -> None:
    assert check(name, []) == ("value", None)


# --- the Office.js path ----------------------------------------------------------------------


def officejs_arg(value: Any) -> Any:
    """An argument as Office.js sends it: a 2D list (None: omitted); dates as serial numbers."""
    if value is None:
        return None
    if not isinstance(value, list):
        rows: list[Any] = [[value]]
    elif value and all(isinstance(row, list) for row in value):
        rows = value
    elif value and not any(isinstance(row, list) for row in value):
        rows = [value]  # a flat list: one row
    else:
        rows = [[None]]
    if not rows[0] or len({len(row) for row in rows}) != 1:
        rows = [[None]]  # Excel never sends an empty or ragged range
    return [[_officejs_cell(cell) for cell in row] for row in rows]


def _officejs_cell(cell: Any) -> Any:
    import datetime as dt

    if isinstance(cell, dt.datetime):
        return (cell - dt.datetime(1899, 12, 30)).total_seconds() / 86400
    if isinstance(cell, dt.date):
        return float((cell - dt.date(1899, 12, 30)).days)
    if isinstance(cell, float) and not math.isfinite(cell):
        return None if math.isnan(cell) else math.copysign(1e308, cell)
    return cell


def _no_constants(name: str) -> None:
    raise AssertionError(f"the Office.js result holds {name}, which is not JSON")


def _officejs_problem(name: str, report: dict[str, Any]) -> str | None:
    """Why one Office.js call's report breaks the rule (None when it keeps it)."""
    if "error" in report:
        if not report["xlwings_error"]:
            return f"plain Python error {report['type']}: {report['error'][:200]}"
        return bad_error(xlwings.XlwingsError(report["error"]))
    for row in report["value"]:
        for cell in row:
            if isinstance(cell, dict):
                if cell != {"type": "Error", "errorType": "NotAvailable"}:
                    return f"an error cell {cell}"
            elif isinstance(cell, str) and name not in TEXT_RESULTS:
                return f"text {cell[:80]!r} from a function that gives numbers"
            elif isinstance(cell, float) and not math.isfinite(cell):
                return f"a non-finite number {cell!r}"
    return None


def officejs_requests(name: str, count: int) -> list[dict[str, Any]]:
    """``count`` fuzzed calls of ``name`` as Office.js requests (the same strategies)."""
    requests: list[dict[str, Any]] = []

    @settings(FUZZ, max_examples=count)
    @given(calls(name))
    def collect(args: list[Any]) -> None:
        requests.append({"func_name": name, "args": [officejs_arg(a) for a in args]})

    collect()
    return requests


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("XLWINGS_LICENSE_KEY"),
    reason="xlwings.server needs XLWINGS_LICENSE_KEY (noncommercial is accepted for tests)",
)
def test_a_sample_through_officejs_gives_valid_json() -> None:
    requests = [r for name in udfs.__all__ for r in officejs_requests(name, OFFICEJS_CALLS)]
    unset = ("XLWINGS_ON_SERVER", "DIGITAL_DEFICIT_DATA")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    done = subprocess.run(
        [sys.executable, xlwings_stubs.__file__, "officejs", "digital_deficit.udfs"],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout, parse_constant=_no_constants)  # no Infinity, no NaN
    results = report["results"]
    assert len(results) == len(requests) >= OFFICEJS_CALLS * len(FUNCTIONS) // 2
    problems = [
        f"{r['func_name']}({str(r['args'])[:300]}): {why}"
        for r, result in zip(requests, results, strict=True)
        if (why := _officejs_problem(r["func_name"], result)) is not None
    ]
    assert problems == []
    kinds = Counter("error" if "error" in r else "value" for r in results)
    assert kinds["value"] > 0 and kinds["error"] > 0


def test_the_rule_refuses_what_issue_11_found() -> None:
    assert bad_result("dd_growth_multiple", [[math.inf]]) == "a non-finite number inf"
    assert bad_result("dd_cagr", math.nan) == "a non-finite number nan"
    assert bad_result("dd_cagr", "12%") == "text '12%' from a function that gives numbers"
    assert bad_result("dd_source", [["BoJ [2026-05-18]"]]) is None
    assert bad_error(OverflowError("intermediate overflow in fsum")) == (
        "plain Python error OverflowError: intermediate overflow in fsum"
    )
    assert (
        bad_error(UdfError("item: is\nblank")) == "a message of several lines: 'item: is\\nblank'"
    )
    assert bad_error(UdfError("x" * 2_000)) == "a message of 2,000 characters"
    assert _officejs_problem("dd_cagr", {"value": [[{"type": "Error", "errorType": "Num"}]]})
    with pytest.raises(AssertionError, match="Infinity"):
        json.loads('{"value": [[Infinity]]}', parse_constant=_no_constants)


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("a\nb", r'the text "a\nb"'),  # Alt+Enter in a cell: still one line
        ("x" * 2_000, f'the text "{"x" * 57}..."'),  # a long cell is not echoed whole
    ],
)
def test_a_cell_is_quoted_on_one_line_and_cut(cell: str, shown: str) -> None:
    with pytest.raises(UdfError) as info:
        udfs.dd_cagr(cell, 1, 1)
    assert str(info.value) == (
        f"start_value: {shown} is not a number; expected a number or a blank cell"
    )


def test_a_long_vintage_is_cut_too() -> None:  # found by the fuzz run: 2,115 characters
    with pytest.raises(UdfError) as info:
        udfs.dd_source("current_account", 2024, None, None, None, "x" * 2_000)
    assert str(info.value) == (
        f'vintage: is the text "{"x" * 57}..."; expected preliminary, revised-YYYY-MM, '
        "published, official, derived, analyst or YYYY-MM-DD"
    )
