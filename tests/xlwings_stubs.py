"""Test-only stand-ins for pywin32 and a runner that loads the UDFs the way each runtime does.

``xlwings.udfs`` (classic desktop UDFs) imports ``pythoncom``, ``pywintypes`` and
``win32com.client`` when it loads; the stand-ins below let it import on Linux so the tests can
read the real ``__xlfunc__`` metadata and the VBA that Import Functions would write. The
decorators are chosen when xlwings is imported, so each runtime runs in its own interpreter:
``python tests/xlwings_stubs.py classic|officejs|plain MODULE`` reads a JSON list of calls on
stdin and prints a JSON report (metadata, VBA, results or errors) on stdout.
"""

from __future__ import annotations

import asyncio
import importlib
import io
import json
import os
import sys
import types
from typing import Any


class _ComError(Exception):
    """pywintypes.com_error."""


class COMException(_ComError):
    """win32com.server.exception.COMException (pywin32): the attributes pywin32 reads."""

    def __init__(
        self,
        description: str | None = None,
        scode: int | None = None,
        source: str | None = None,
        helpfile: str | None = None,
        helpContext: int | None = None,  # pywin32 spells it so
        desc: str | None = None,
        hresult: int | None = None,
    ) -> None:
        self.scode = scode or hresult
        self.description = description or desc
        self.source, self.helpfile, self.helpcontext = source, helpfile, helpContext
        super().__init__(self.scode, self.description, None, -1)


def vba_err_description(exc: BaseException) -> str:
    """Err.Description in the VBA wrapper after the COM server raised ``exc``.

    pywin32 (com/win32com/src/ErrorUtils.cpp, PyCom_ExcepInfoFromPyException) fills the COM
    EXCEPINFO from a COMException's ``description``; any other exception becomes "Unexpected
    Python Error: " and the traceback. The wrapper Import Functions writes puts
    Err.Description in the cell (``failed: f = Err.Description``).
    """
    import traceback

    if isinstance(exc, _ComError) and getattr(exc, "description", None) is not None:
        return str(exc.description)  # type: ignore[attr-defined]
    return "Unexpected Python Error: " + "".join(traceback.format_exception(exc))


def install_pywin32_stand_ins() -> None:
    """Put minimal pythoncom, pywintypes and win32com.client modules in sys.modules."""
    pythoncom = types.ModuleType("pythoncom")
    pythoncom.CoInitialize = lambda: None  # type: ignore[attr-defined]
    pythoncom.IID_IDispatch = object()  # type: ignore[attr-defined]
    pythoncom.CoMarshalInterThreadInterfaceInStream = lambda *a: None  # type: ignore[attr-defined]
    pywintypes = types.ModuleType("pywintypes")
    pywintypes.com_error = _ComError  # type: ignore[attr-defined]
    win32com = types.ModuleType("win32com")
    client = types.ModuleType("win32com.client")

    def dispatch(*args: object) -> None:
        raise _ComError("no Excel here")

    client.Dispatch = dispatch  # type: ignore[attr-defined]
    win32com.client = client  # type: ignore[attr-defined]
    server = types.ModuleType("win32com.server")
    exception = types.ModuleType("win32com.server.exception")
    exception.COMException = COMException  # type: ignore[attr-defined]
    server.exception = exception  # type: ignore[attr-defined]
    win32com.server = server  # type: ignore[attr-defined]
    sys.modules.update(
        {
            "pythoncom": pythoncom,
            "pywintypes": pywintypes,
            "win32com": win32com,
            "win32com.client": client,
            "win32com.server": server,
            "win32com.server.exception": exception,
        }
    )


class ExcelEngineStandIn:
    """The value cleaning of xlwings' Windows engine (_xlwindows), without COM.

    Excel hands a classic UDF empty cells as None or "", error cells as COM error codes (which
    xlwings reads as None) and dates as datetimes; results go back with None as "".
    """

    name = "excel"
    type = "desktop"
    cell_errors = frozenset(
        {-2146826281, -2146826246, -2146826259, -2146826288, -2146826252, -2146826265}
    )

    def clean_value_data(
        self, data: Any, datetime_builder: Any, empty_as: Any, number_builder: Any, err: Any
    ) -> Any:
        def clean(value: Any) -> Any:
            if value in ("", None):
                return empty_as
            if isinstance(value, int) and value in self.cell_errors:
                return None
            return value

        return [[clean(c) for c in row] for row in data]

    @staticmethod
    def prepare_xl_data_element(x: Any, date_format: Any) -> Any:
        return "" if x is None else x


def _decode(value: Any) -> Any:
    """JSON stand-ins for what COM delivers: {"date": "2024-03-31"} is a datetime."""
    import datetime as dt

    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict) and "date" in value:
        return dt.datetime.fromisoformat(value["date"])
    return value


def load_classic(module_name: str) -> tuple[Any, Any]:
    """Import xlwings.udfs with the stand-ins and the UDF module with its classic decorators."""
    install_pywin32_stand_ins()
    import xlwings
    import xlwings.udfs as classic

    xlwings.engines.add(xlwings.Engine(impl=ExcelEngineStandIn()))
    # The add-in starts the COM server with xlwings.serve(), which imports xlwings.com_server
    # (it needs win32api and win32event, so a bare module stands in for it).
    sys.modules["xlwings.com_server"] = types.ModuleType("xlwings.com_server")

    xlwings.func, xlwings.arg, xlwings.ret = classic.xlfunc, classic.xlarg, classic.xlret
    return classic, importlib.import_module(module_name)


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return "NaN"
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


def _error(exc: BaseException) -> dict[str, Any]:
    import xlwings

    return {
        "error": str(exc),
        "type": type(exc).__name__,
        "xlwings_error": isinstance(exc, xlwings.XlwingsError),
    }


def run_classic(module_name: str, calls: list[dict[str, Any]]) -> dict[str, Any]:
    """Metadata, VBA wrapper and calls converted as classic call_udf converts values."""
    classic, module = load_classic(module_name)
    from xlwings import conversion

    vba = io.StringIO()
    workbook = types.SimpleNamespace(Name="digital_deficit_demo.xlsm")
    classic.generate_vba_wrapper(module_name, module, vba, workbook)
    meta = {
        name: {k: v for k, v in f.__xlfunc__.items() if k != "argmap"}
        for name, f in vars(module).items()
        if hasattr(f, "__xlfunc__")
    }
    results = []
    for call in calls:
        f = getattr(module, call["func_name"])
        info = f.__xlfunc__
        args = []
        for i, value in enumerate(call["args"]):
            arg_info = info["args"][i]
            if value is None:  # an omitted argument (VBA Missing)
                args.append(arg_info.get("optional"))
            else:
                args.append(conversion.read(None, _decode(value), arg_info["options"]))
        try:
            ret = f(*args)
            results.append({"value": conversion.write(ret, None, info["ret"]["options"])})
        except Exception as exc:
            results.append({"cell": vba_err_description(exc)})
    return {"meta": _jsonable(meta), "vba": vba.getvalue(), "results": _jsonable(results)}


def officejs_request(call: dict[str, Any], version: str) -> dict[str, Any]:
    """A custom-function call as xlwings Lite and Server hand it to ``custom_functions_call``."""
    return {
        "func_name": call["func_name"],
        "args": call["args"],
        "version": version,
        "client": "Office.js",
        "runtime": "1.4",
        "culture_info_name": "en-US",
        "date_format": "m/d/yyyy",
        "caller_address": "Sheet1!A1",
    }


async def officejs_call(server: Any, module: Any, call: dict[str, Any]) -> dict[str, Any]:
    """One call's result as the report holds it: {"value": ...} or the exception raised.

    Also run inside Pyodide by tests/pyodide/in_pyodide.py, so both reports have one format.
    """
    import xlwings

    try:
        value = await server.custom_functions_call(
            officejs_request(call, xlwings.__version__), module
        )
    except Exception as exc:
        return _error(exc)
    result: dict[str, Any] = _jsonable({"value": value})
    return result


def run_officejs(module_name: str, calls: list[dict[str, Any]]) -> dict[str, Any]:
    """custom_functions_meta and custom_functions_call as xlwings Lite and Server run them."""
    os.environ["XLWINGS_ON_SERVER"] = "true"
    from xlwings import server

    module = importlib.import_module(module_name)
    meta = server.custom_functions_meta(module)
    results = [asyncio.run(officejs_call(server, module, call)) for call in calls]
    return {"meta": _jsonable(meta), "results": _jsonable(results)}


def _module_name(target: str) -> str:
    """A module name, or a path to a .py file (addin/lite/main.py) made importable."""
    if not target.endswith(".py"):
        return target
    path = os.path.abspath(target)
    sys.path.insert(0, os.path.dirname(path))
    return os.path.splitext(os.path.basename(path))[0]


def run_runtime(runtime: str, target: str, calls: list[dict[str, Any]]) -> dict[str, Any]:
    """Run ``calls`` in a fresh interpreter loaded as ``runtime`` (classic or officejs)."""
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_ON_SERVER"}
    done = subprocess.run(
        [sys.executable, __file__, runtime, target],
        input=json.dumps(calls),
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{runtime} runner failed:\n{done.stderr}")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def main() -> None:
    """Entry point of the subprocess runner."""
    runtime, module_name = sys.argv[1], _module_name(sys.argv[2])
    calls = json.loads(sys.stdin.read() or "[]")
    runner = {"classic": run_classic, "officejs": run_officejs}[runtime]
    sys.stdout.write(json.dumps(runner(module_name, calls), ensure_ascii=False))


if __name__ == "__main__":
    main()


# Calls shaped as Excel sends them to Office.js custom functions: every argument a 2D list,
# a blank cell None or "", an omitted argument None (JSON null). Expected results are 2D with
# "#N/A" for a missing value; an error is {"error": message}.
NA = "#N/A"
# A two-row dataset table for the data argument, blank cells (no definition for travel) as None.
DATA_TABLE: list[list[Any]] = [
    ["country", "basis", "period", "item", "definition", "side", "value", "unit", "precision",
     "vintage", "source"],
    ["JPN", "CY", 2030, "digital", "mof3", "net", -100000, "oku_yen", 1000, "analyst", "mine"],
    ["JPN", "CY", 2030, "travel", None, "net", 70000.5, "oku_yen", 1, "2030-05-08", "BoJ"],
]  # fmt: skip
EXCEL_CALLS: list[tuple[str, str, list[Any], Any]] = [
    (
        "value-data-range",
        "dd_value",
        [[["digital"]], [[2030]], None, [["mof3"]], None, None, DATA_TABLE],
        [[-100000.0]],
    ),
    (
        "value-data-range-blank-definition",
        "dd_value",
        [[["travel"]], [[2029], [2030]], None, None, None, None, DATA_TABLE],
        [[NA], [70000.5]],
    ),
    (
        "source-data-range",
        "dd_source",
        [[["travel"]], [[2030]], None, None, None, None, DATA_TABLE],
        [["BoJ [2030-05-08]"]],
    ),
    (
        "value-data-range-bad-cell",
        "dd_value",
        [
            [["digital"]],
            [[2030]],
            None,
            None,
            None,
            None,
            [DATA_TABLE[0], [*DATA_TABLE[1][:6], "x", *DATA_TABLE[1][7:]]],
        ],
        {"error": 'data: row 2, column G (value) is the text "x"; expected a number'},
    ),
    (
        "value-date-without-basis",
        "dd_value",
        [[["digital"]], [[45657]], None, None, None, None, None],
        {
            "error": "period: is the number 45657 (the date 2024-12-31), which without a basis "
            "is the month 2024-12; digital has no monthly figures: give the basis CY for 2024, "
            "FY for FY2024 (April to March) or Q for 2024Q4"
        },
    ),
    ("value", "dd_value", [[["digital"]], [[2024]], None, None, None, None], [[-68000.0]]),
    (
        "value-first-release",
        "dd_value",
        [[["digital"]], [[2024]], None, None, None, [["preliminary"]]],
        [[-66506.0]],
    ),
    (
        "value-column-with-blanks",
        "dd_value",
        [[["digital"]], [[2023], [2024], [None], [""]], None, None, None, None],
        [[-55194.0], [-68000.0], [NA], [NA]],
    ),
    (
        "value-row-narrow",
        "dd_value",
        [[["digital"]], [[2023, 2024]], None, [["narrow"]], None, None],
        [[-53452.0, -67000.0]],
    ),
    ("value-blank-cell", "dd_value", [[["digital"]], [[None]], None, None, None, None], [[NA]]),
    ("cagr-empty-text-cell", "dd_cagr", [[[-1]], [[""]], [[5]]], [[NA]]),
    (
        "cf-blank-reinvested",
        "dd_cf_current_account",
        [[[200597]], [[None]], [[97220]], None, None, None, None],
        [[NA]],
    ),
    ("value-fy-text", "dd_value", [[["digital"]], [["FY2024"]]], [[-69651.0]]),
    (
        "value-date-serial",
        "dd_value",
        [[["digital"]], [[45657]], [["CY"]], None, None, None],
        [[-68000.0]],
    ),
    (
        "value-debit",
        "dd_value",
        [[["digital"]], [["2023"]], None, None, [["debit"]], None],
        [[92463.0]],
    ),
    (
        "value-unknown-item",
        "dd_value",
        [[["software"]], [[2024]], None, None, None, None],
        {"error_start": "item: unknown item 'software'; expected one of: current_account,"},
    ),
    (
        "series",
        "dd_series",
        [[["digital"]], [[2023]], [[2024]], None, None, None, None],
        [
            ["Period", "Digital balance (mof3) (net, oku yen)"],
            [2023.0, -55194.0],
            [2024.0, -68000.0],
        ],
    ),
    (
        "source",
        "dd_source",
        [[["digital"]], [[2023]], None, [["narrow"]], None, None],
        [["Digital Agency priority plan 2024-06-21 [official]"]],
    ),
    (
        "items",
        "dd_items",
        [],
        {"first_row": ["id", "English", "Japanese", "code", "parts", "note"]},
    ),
    (
        "definitions",
        "dd_definitions",
        [],
        {"first_row": ["id", "items", "English", "Japanese", "source"]},
    ),
    (
        "digital-balance",
        "dd_digital_balance",
        [
            [
                ["period", "copyright_royalties", "ict_services", "consulting"],
                [2023, -10000, -20000, -25360],
                [2024, -11000, None, -30000],
            ],
            None,
        ],
        [[-55360.0], [NA]],
    ),
    (
        "digital-payments-pairs",
        "dd_digital_payments",
        [[["copyright_royalties", 5], ["ict_services", 6], ["consulting", 7]], None],
        [[18.0]],
    ),
    (
        "digital-receipts-narrow",
        "dd_digital_receipts",
        [[["copyright_royalties", "computer_services", "consulting"], [1, 2, ""]], [["narrow"]]],
        [[NA]],
    ),
    (
        "digital-balance-text",
        "dd_digital_balance",
        [[["copyright_royalties", "ict_services", "consulting"], [1, "abc", 3]], None],
        {
            "error": 'items: row 2, column 2 (ict_services) is the text "abc"; '
            "expected a number or a blank cell"
        },
    ),
    ("component-share", "dd_component_share", [[[-24941]], [[-66506]]], [[-24941 / -66506]]),
    (
        "growth-multiple-row",
        "dd_growth_multiple",
        [[[-64622, None]], [[-20225]]],
        [[-64622 / -20225, NA]],
    ),
    (
        "growth-multiple-text",
        "dd_growth_multiple",
        [[[1], [2], ["abc"]], [[1]]],
        {"error": 'current: cell 3 is the text "abc"; expected a number or a blank cell'},
    ),
    ("cagr-blank", "dd_cagr", [[[-20225]], [[None]], [[10]]], [[NA]]),
    (
        "cagr-mismatch",
        "dd_cagr",
        [[[1, 2]], [[1, 2, 3]], [[1]]],
        {
            "error": "ranges differ in length (start_value has 2, end_value has 3); "
            "give one value per period in each"
        },
    ),
    (
        "yoy-column",
        "dd_yoy",
        [[[-48000], [-55360], [""]], None],
        [[NA], [-55360 / -48000 - 1], [NA]],
    ),
    (
        "share-of-services",
        "dd_share_of_services_deficit",
        [[[-55360]], [[-29000]]],
        [[-55360 / -29000]],
    ),
    ("tourism", "dd_tourism_coverage", [[[58973]], [[-64622]]], [[58973 / 64622]]),
    ("oil", "dd_oil_ratio", [[[-66506]], [[107000]]], [[66506 / 107000]]),
    (
        "project-linear",
        "dd_project",
        [[[2014], [2024]], [[0], [10]], [[2030]], [["linear"]]],
        [[16.0]],
    ),
    ("fx", "dd_fx_impact", [[[-55360]], [[-110720]], [[5.5]]], [[5.5]]),
    (
        "fx-blank-assumption",
        "dd_fx_impact",
        [[[-55360]], [[-110720]], None],
        {"error": "yen_per_doubling: is blank; a number is required"},
    ),
    (
        "current-account",
        "dd_current_account",
        [[[1, 2]], [[3, None]], [[5, 6]], [[7, 8]]],
        [[16.0, NA]],
    ),
    ("ca-residual", "dd_ca_residual", [[[17]], [[1]], [[3]], [[5]], [[7]]], [[1.0]]),
    (
        "cf-karakama",
        "dd_cf_current_account",
        [[[200597]], [[54050]], [[97220]], None, None, None, None],
        [[200597.0 - 54050 - 97220]],
    ),
    (
        "cf-oguro2-missing-bonds",
        "dd_cf_current_account",
        [[[200597]], [[54050]], [[97220]], None, [["oguro2"]], None, None],
        {"error": "bond_interest: is missing; the oguro2 method needs it"},
    ),
    (
        "cf-repatriation",
        "dd_cf_current_account",
        [[[100]], None, None, None, [["repatriation"]], [[0.25]], [[40]]],
        [[70.0]],
    ),
]


def check_result(result: dict[str, Any], expected: Any, na: Any) -> None:
    """Compare one runner result with the expectation (``na`` is how #N/A comes back).

    A classic error is the text the cell shows; elsewhere the exception a UDF raised.
    """
    if isinstance(expected, dict) and "error" in expected:
        if "cell" in result:
            assert result == {"cell": expected["error"]}
        else:
            assert result == {"error": expected["error"], "type": "UdfError", "xlwings_error": True}
    elif isinstance(expected, dict) and "error_start" in expected:
        if "cell" in result:
            assert result["cell"].startswith(expected["error_start"])
        else:
            assert result["type"] == "UdfError"
            assert result["error"].startswith(expected["error_start"])
    elif isinstance(expected, dict) and "first_row" in expected:
        assert result["value"][0] == expected["first_row"]
        assert len(result["value"]) > 2
    else:
        want = [[na if v == NA else v for v in row] for row in expected]
        assert result == {"value": want}
