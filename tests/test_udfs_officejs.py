"""xlwings Lite and xlwings Server: Office.js custom-function metadata and calls.

``xlwings.server`` needs a license key to import; these tests run when XLWINGS_LICENSE_KEY is
set (``.ci/run`` sets ``noncommercial`` for the test run: testing this open project falls under
the PolyForm Noncommercial terms) and are skipped otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from digital_deficit import udfs
from tests.xlwings_stubs import EXCEL_CALLS, check_result, run_runtime

pytestmark = pytest.mark.skipif(
    not os.environ.get("XLWINGS_LICENSE_KEY"),
    reason="xlwings.server needs XLWINGS_LICENSE_KEY (noncommercial is accepted for tests)",
)

LITE_MAIN = Path(__file__).resolve().parents[1] / "addin" / "lite" / "main.py"
NOT_AVAILABLE = {"type": "Error", "errorType": "NotAvailable"}


def _calls() -> list[dict[str, Any]]:
    return [{"func_name": f, "args": args} for _, f, args, _ in EXCEL_CALLS]


@pytest.fixture(scope="module")
def officejs() -> dict[str, Any]:
    return run_runtime("officejs", "digital_deficit.udfs", _calls())


@pytest.fixture(scope="module")
def lite() -> dict[str, Any]:
    return run_runtime("officejs", str(LITE_MAIN), _calls())


def test_metadata_lists_the_catalogue(officejs: dict[str, Any]) -> None:
    functions = officejs["meta"]["functions"]
    assert sorted(f["id"] for f in functions) == sorted(n.upper() for n in udfs.__all__)
    assert sorted(f["name"] for f in functions) == sorted(n.upper() for n in udfs.__all__)
    assert officejs["meta"]["allowErrorForDataTypeAny"] is True
    for f in functions:
        assert f["description"] == getattr(udfs, f["id"].lower()).__doc__
        assert f["result"] == {"dimensionality": "matrix", "type": "any"}
        for p in f["parameters"]:
            assert p["dimensionality"] == "matrix"
            assert p["type"] == "any"
            assert not p["description"].startswith("Positional argument")


def test_metadata_of_dd_cf_current_account(officejs: dict[str, Any]) -> None:
    (f,) = [f for f in officejs["meta"]["functions"] if f["id"] == "DD_CF_CURRENT_ACCOUNT"]
    params = [(p["name"], p.get("optional", False)) for p in f["parameters"]]
    assert params == [
        ("current_account", False),
        ("reinvested_earnings", False),
        ("portfolio_income", False),
        ("bond_interest", True),
        ("method", True),
        ("repatriation_share", True),
        ("primary_income", True),
    ]
    assert f["parameters"][4]["description"] == (
        "optional: karakama (default), oguro1, oguro2 or repatriation"
    )


def test_lite_main_exposes_exactly_the_same_catalogue(
    officejs: dict[str, Any], lite: dict[str, Any]
) -> None:
    assert lite["meta"] == officejs["meta"]
    assert lite["results"] == officejs["results"]


@pytest.mark.parametrize(("case", "expected"), [(c[0], c[3]) for c in EXCEL_CALLS])
def test_officejs_calls(officejs: dict[str, Any], case: str, expected: Any) -> None:
    result = officejs["results"][[c[0] for c in EXCEL_CALLS].index(case)]
    check_result(result, expected, NOT_AVAILABLE)
