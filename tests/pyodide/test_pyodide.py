"""The Excel functions in a real Pyodide, as xlwings Lite runs them, against CPython.

``scripts/setup_pyodide.sh`` (run by scripts/setup.sh) puts Node's npm package ``pyodide`` and
the Pyodide wheels of xlwings and pydantic (from PyPI) in .cache/pyodide. This test builds the
project's wheel, installs everything with micropip from local files (no CDN, no index), imports
addin/lite/main.py as Lite does, and calls every function through xlwings' Office.js entry points
(``custom_functions_meta``, ``custom_functions_call``) with the arguments as JavaScript values:
blank cells are JS null. The same calls on CPython (tests/xlwings_stubs.py) are the reference,
whatever they give: a number, #N/A, an error, even a plain Python error.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from digital_deficit import udfs
from tests.xlwings_stubs import EXCEL_CALLS, run_runtime

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("XLWINGS_LICENSE_KEY"),
        reason="xlwings.server needs XLWINGS_LICENSE_KEY (noncommercial is accepted for tests)",
    ),
]

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("DD_PYODIDE_CACHE", ROOT / ".cache" / "pyodide"))
LITE_MAIN = ROOT / "addin" / "lite" / "main.py"
PIP_WHEEL = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
RUNNER_TIMEOUT = 110
NOT_AVAILABLE = {
    "type": "Error",
    "errorType": "NotAvailable",
}  # #N/A as Office.js gets it  # seconds: the whole run must stay well under two minutes

# Extreme numbers (issue 11): whatever CPython gives is what Pyodide must give.
EXTREME_CALLS: list[tuple[str, str, list[Any]]] = [
    ("ca-overflow", "dd_current_account", [[[1e308]], [[1e308]], [[0]], [[0]]]),
    ("residual-overflow", "dd_ca_residual", [[[1e308]], [[-1e308]], [[-1e308]], [[0]], [[0]]]),
    (
        "cf-overflow",
        "dd_cf_current_account",
        [[[1e308]], [[-1e308]], [[-1e308]], None, None, None, None],
    ),
    (
        "balance-overflow",
        "dd_digital_balance",
        [[["copyright_royalties", 1e308], ["ict_services", 1e308], ["consulting", 0]], None],
    ),
    ("cagr-tiny-years", "dd_cagr", [[[1]], [[2]], [[1e-300]]]),
    ("multiple-huge", "dd_growth_multiple", [[[1e308]], [[1e-308]]]),
    ("yoy-huge", "dd_yoy", [[[1e-308], [1e308]], None]),
    ("share-huge", "dd_component_share", [[[1e308]], [[5e-324]]]),
    ("services-huge", "dd_share_of_services_deficit", [[[-1e308]], [[-1e-308]]]),
    ("tourism-huge", "dd_tourism_coverage", [[[1e308]], [[-1e-308]]]),
    ("oil-huge", "dd_oil_ratio", [[[-1e308]], [[1e-308]]]),
    ("fx-signs", "dd_fx_impact", [[[-1]], [[1]], [[5]]]),
    ("fx-huge", "dd_fx_impact", [[[1e-308]], [[1e308]], [[1e308]]]),
    ("project-huge", "dd_project", [[[2014], [2024]], [[1e-308], [1e308]], [[2100]], None]),
    ("value-tiny-period", "dd_value", [[["digital"]], [[5e-324]], None, None, None, None, None]),
]
CALLS: list[tuple[str, str, list[Any]]] = [
    *((case, name, args) for case, name, args, _ in EXCEL_CALLS),
    *EXTREME_CALLS,
]


def _missing(what: str) -> None:
    message = f"{what}: run bash scripts/setup_pyodide.sh"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The Pyodide report, the CPython report and the seconds each part took."""
    manifest_path = CACHE / "manifest.json"
    if not manifest_path.exists():
        _missing(f"no Pyodide set-up in {CACHE}")
    if shutil.which("node") is None:
        _missing("Node.js is not installed")
    manifest = json.loads(manifest_path.read_text("utf-8"))
    for key in ("pyodide", "wheels"):
        manifest[key] = str((CACHE / manifest[key]).resolve())
    seconds: dict[str, float] = {}
    started = time.monotonic()
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [*PIP_WHEEL, "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("digital_deficit-*.whl")
    seconds["build wheel"] = time.monotonic() - started
    spec = {
        **manifest,
        "project": str(wheel),
        "repo": str(ROOT),
        "main": str(LITE_MAIN),
        "in_pyodide": str(HERE / "in_pyodide.py"),
        "license": os.environ["XLWINGS_LICENSE_KEY"],
        "calls": [{"func_name": name, "args": args} for _, name, args in CALLS],
    }
    spec_path = out / "spec.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run(
        ["node", str(HERE / "run_in_pyodide.mjs"), str(spec_path)],
        capture_output=True,
        text=True,
        timeout=RUNNER_TIMEOUT,
    )
    seconds["pyodide"] = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-4000:]
    pyodide: dict[str, Any] = json.loads(done.stdout)
    started = time.monotonic()
    cpython = run_runtime("officejs", str(LITE_MAIN), spec["calls"])
    seconds["cpython"] = time.monotonic() - started
    sizes = {w: (Path(manifest["wheels"]) / w).stat().st_size for w in manifest["dependencies"]}
    sizes[wheel.name] = wheel.stat().st_size
    return {"pyodide": pyodide, "cpython": cpython, "seconds": seconds, "wheel_sizes": sizes}


def test_it_is_pyodides_python_3_14(runs: dict[str, Any]) -> None:
    assert runs["pyodide"]["environment"]["python"].startswith("3.14.")


def test_the_package_needs_only_xlwings_and_pydantic_in_pyodide(runs: dict[str, Any]) -> None:
    """micropip resolved the project's wheel with no index reachable: it needed nothing more."""
    environment = runs["pyodide"]["environment"]
    assert environment["needed"] == ["pydantic", "xlwings"]
    installed = {name.lower().replace("_", "-") for name in environment["installed"]}
    assert installed == {
        "annotated-types",
        "digital-deficit",
        "micropip",
        "pydantic",
        "pydantic-core",
        "typing-extensions",
        "typing-inspection",
        "xlwings",
    }


def test_every_function_is_called() -> None:
    assert {name for _, name, _ in CALLS} == set(udfs.__all__)


def test_the_metadata_is_cpythons(runs: dict[str, Any]) -> None:
    assert runs["pyodide"]["meta"] == runs["cpython"]["meta"]
    names = [f["name"] for f in runs["pyodide"]["meta"]["functions"]]
    assert sorted(names) == sorted(n.upper() for n in udfs.__all__)


def test_a_two_row_data_range_in_pyodide(runs: dict[str, Any]) -> None:
    """DD_VALUE("digital", 2030, , "mof3", , , data) with a two-row table in data."""
    results = runs["pyodide"]["results"]
    assert results[[c[0] for c in CALLS].index("value-data-range")] == {"value": [[-100000.0]]}
    blank = results[[c[0] for c in CALLS].index("value-data-range-blank-definition")]
    assert blank == {"value": [[NOT_AVAILABLE], [70000.5]]}


@pytest.mark.parametrize("case", [c[0] for c in CALLS])
def test_each_call_gives_what_cpython_gives(runs: dict[str, Any], case: str) -> None:
    index = [c[0] for c in CALLS].index(case)
    got, reference = runs["pyodide"]["results"][index], runs["cpython"]["results"][index]
    if "error" in reference and not reference["xlwings_error"]:
        # a plain Python error (a bug: Lite hides its message): the same exception; its text
        # may quote the C library (errno 34 "Numerical result out of range" on glibc is
        # errno 68 "Result not representable" in Emscripten)
        assert {k: got.get(k) for k in ("type", "xlwings_error")} == {
            "type": reference["type"],
            "xlwings_error": False,
        }
    else:
        assert got == reference


def test_report_durations_and_download(runs: dict[str, Any]) -> None:
    """Not a timing assertion: the figures go to the test log (pytest -rP shows them)."""
    lap = runs["pyodide"]["milliseconds"]
    sizes = runs["wheel_sizes"]
    print(
        "Pyodide test:",
        ", ".join(f"{k} {v:.1f} s" for k, v in runs["seconds"].items()),
        f"(in Pyodide: load {lap['load'] / 1000:.1f} s, install {lap['install'] / 1000:.1f} s, "
        f"{len(CALLS)} calls {lap['calls'] / 1000:.1f} s)",
    )
    print("Lite download (wheels micropip installs):")
    for name, size in sorted(sizes.items()):
        print(f"  {size / 1e6:6.2f} MB  {name}")
    lite_bundles = sum(s for n, s in sizes.items() if n.startswith("xlwings-"))
    print(
        f"  {sum(sizes.values()) / 1e6:6.2f} MB in all, {lite_bundles / 1e6:.2f} MB of it xlwings"
    )
    assert set(lap) == {"load", "install", "calls"}
