"""Classic desktop UDFs: the real xlwings.udfs decorators (with pywin32 stand-ins), their
metadata, the VBA that Import Functions writes, and calls converted as call_udf converts them."""

from __future__ import annotations

import re
from typing import Any

import pytest

from digital_deficit import udfs
from tests.xlwings_stubs import EXCEL_CALLS, NA, check_result, run_runtime

# VBA keywords and names the generated wrapper uses: an argument called like this breaks the
# module Import Functions writes ("Compile error").
VBA_RESERVED = set(
    """and as base boolean byref byte byval call case cbool cbyte ccur cdate cdbl cdec cint
    clng clnglng clngptr close const csng cstr currency cvar cverr date debug decimal declare
    dim do double each else elseif empty end endif enum eqv erase error event exit false fix
    for friend function get global gosub goto if imp implements in input int integer is lbound
    len let like lock long longlong longptr loop lset me mid mod name new next not nothing null
    object on open option optional or paramarray preserve print private property ptrsafe public
    put raiseevent redim rem resume return rset seek select set single static step stop string
    sub then to true type typeof ubound until variant wend while with withevents write xor
    array application caller range thisworkbook activeworkbook xlpy""".split()  # noqa: SIM905
)


@pytest.fixture(scope="module")
def classic() -> dict[str, Any]:
    calls = [{"func_name": f, "args": args} for _, f, args, _ in EXCEL_CALLS]
    return run_runtime("classic", "digital_deficit.udfs", calls)


def test_every_catalogue_function_has_classic_metadata(classic: dict[str, Any]) -> None:
    meta = classic["meta"]
    assert sorted(meta) == sorted(udfs.__all__)
    for name, info in meta.items():
        assert info["name"] == name
        assert info["category"] == "Digital deficit"
        assert info["sub"] is False
        assert info["ret"]["doc"] == getattr(udfs, name).__doc__
        assert len(info["ret"]["doc"]) <= 255, name
        for arg in info["args"]:
            assert not arg["doc"].startswith("Positional argument"), (name, arg["name"])
            assert len(arg["doc"]) <= 255
            assert "convert" not in arg["options"], (name, arg["name"])


def test_classic_metadata_of_dd_value(classic: dict[str, Any]) -> None:
    info = classic["meta"]["dd_value"]
    assert [a["name"] for a in info["args"]] == [
        "item",
        "period",
        "basis",
        "definition",
        "side",
        "vintage",
        "data",
    ]
    assert info["args"][1]["options"] == {"ndim": 2}
    assert info["args"][6]["options"] == {"ndim": 2}
    assert [("optional" in a) for a in info["args"]] == [False, False] + [True] * 5
    assert info["ret"]["doc"] == (
        "Figure for a period in oku yen: published or analyst estimate (DD_SOURCE); #N/A if none."
    )
    assert info["args"][0]["doc"] == (
        "item id, e.g. digital, services, travel, current_account (see DD_ITEMS)"
    )


def test_vba_wrapper_for_every_function(classic: dict[str, Any]) -> None:
    vba = classic["vba"]
    declared = re.findall(r"^Function (\w+)\((.*)\)$", vba, flags=re.M)
    assert sorted(name for name, _ in declared) == sorted(udfs.__all__)
    for name, params in declared:
        assert f'{name} = XLPy.CallUDF("digital_deficit.udfs", "{name}", Array(' in vba
        for param in filter(None, (p.strip() for p in params.split(","))):
            bare = param.removeprefix("Optional ").strip()
            assert bare.lower() not in VBA_RESERVED, (name, bare)
    assert (
        "Function dd_value(item, period, Optional basis, Optional definition, "
        "Optional side, Optional vintage, Optional data)" in vba
    )
    assert vba.count("End Function") == len(udfs.__all__)


@pytest.mark.parametrize(("case", "expected"), [(c[0], c[3]) for c in EXCEL_CALLS])
def test_classic_calls(classic: dict[str, Any], case: str, expected: Any) -> None:
    result = classic["results"][[c[0] for c in EXCEL_CALLS].index(case)]
    check_result(result, expected, NA)
