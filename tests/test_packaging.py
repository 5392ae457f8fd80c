"""What `pip install digital-deficit` brings on a desktop and what micropip fetches in xlwings Lite.

The requirements' environment markers decide: in Pyodide (sys_platform "emscripten") only xlwings
and pydantic; elsewhere every library the commands import. tests/pyodide runs the real micropip.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
# Pyodide 314 (CPython 3.14 in WebAssembly), as its `packaging` reports the environment
PYODIDE = {
    **default_environment(),
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "platform_machine": "wasm32",
    "python_version": "3.14",
    "python_full_version": "3.14.2",
    "implementation_name": "cpython",
}
DISTRIBUTION_OF = {"sdmx": "sdmx1"}  # import name -> distribution name, where they differ


def _needed(requirements: list[str], environment: dict[str, str]) -> set[str]:
    return {
        r.name
        for r in map(Requirement, requirements)
        if r.marker is None or r.marker.evaluate(environment)
    }


def test_xlwings_lite_fetches_only_xlwings_and_pydantic() -> None:
    assert _needed(PROJECT["dependencies"], PYODIDE) == {"xlwings", "pydantic"}


def _third_party_imports() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "src" / "digital_deficit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            else:
                continue
            found.update(n.split(".")[0] for n in names)
    return {m for m in found if m not in sys.stdlib_module_names and m != "digital_deficit"}


@pytest.mark.slow
def test_a_desktop_install_brings_every_library_the_code_imports() -> None:
    imports = {DISTRIBUTION_OF.get(m, m) for m in _third_party_imports()}
    assert imports >= {"openpyxl", "httpx", "rich", "lxml", "pydantic", "xlwings", "sdmx1"}
    optional = {"sdmx1": "imf"}  # IMF SDMX imports: pip install 'digital-deficit[imf]'
    for version in ("3.10", "3.12", "3.14"):
        for platform in ("linux", "win32", "darwin"):
            desktop = {**default_environment(), "sys_platform": platform}
            desktop |= {"python_version": version, "python_full_version": f"{version}.0"}
            needed = _needed(PROJECT["dependencies"], desktop)
            missing = {m for m in imports - needed if m not in optional}
            if version == "3.10":
                assert "tomli" in needed
            assert missing <= {"tomli"}, (version, platform, missing)
            assert "pandas" in needed  # xlwings' DataFrame converters on the desktop
    extras = PROJECT["optional-dependencies"]
    for distribution, extra in optional.items():
        assert distribution in {Requirement(r).name for r in extras[extra]}


def test_the_lite_requirements_line_names_this_version() -> None:
    lines = (ROOT / "addin" / "lite" / "requirements.txt").read_text("utf-8").splitlines()
    requirements = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert requirements == [f"digital-deficit=={PROJECT['version']}"]
    # the documented wheel address: the file name micropip parses, on a host that sends CORS
    urls = [re.search(r"https://\S+\.whl", line) for line in lines]
    wheel = f"digital_deficit-{PROJECT['version']}-py3-none-any.whl"
    assert {u.group(0).rsplit("/", 1)[1] for u in urls if u} == {wheel}
