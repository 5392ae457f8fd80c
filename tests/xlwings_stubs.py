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
    sys.modules.update(
        {
            "pythoncom": pythoncom,
            "pywintypes": pywintypes,
            "win32com": win32com,
            "win32com.client": client,
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
            results.append(_error(exc))
    return {"meta": _jsonable(meta), "vba": vba.getvalue(), "results": _jsonable(results)}


def run_officejs(module_name: str, calls: list[dict[str, Any]]) -> dict[str, Any]:
    """custom_functions_meta and custom_functions_call as xlwings Lite and Server run them."""
    os.environ["XLWINGS_ON_SERVER"] = "true"
    import xlwings
    from xlwings import server

    module = importlib.import_module(module_name)
    meta = server.custom_functions_meta(module)
    results = []
    for call in calls:
        data = {
            "func_name": call["func_name"],
            "args": call["args"],
            "version": xlwings.__version__,
            "client": "Office.js",
            "runtime": "1.4",
            "culture_info_name": "en-US",
            "date_format": "m/d/yyyy",
            "caller_address": "Sheet1!A1",
        }
        try:
            results.append({"value": asyncio.run(server.custom_functions_call(data, module))})
        except Exception as exc:
            results.append(_error(exc))
    return {"meta": _jsonable(meta), "results": _jsonable(results)}


def main() -> None:
    """Entry point of the subprocess runner."""
    runtime, module_name = sys.argv[1], sys.argv[2]
    calls = json.loads(sys.stdin.read() or "[]")
    runner = {"classic": run_classic, "officejs": run_officejs}[runtime]
    sys.stdout.write(json.dumps(runner(module_name, calls), ensure_ascii=False))


if __name__ == "__main__":
    main()
