"""Runs inside Pyodide (loaded by run_in_pyodide.mjs), as xlwings Lite runs the functions.

``install`` installs the dependency wheels as Pyodide and Lite provide them, then the project's
wheel with its dependencies resolved by micropip, with no index reachable: any requirement the
functions do not need would fail the install. ``load`` and ``call`` go through xlwings' own
Office.js entry points with the Lite main.py as the module.
"""

from __future__ import annotations

import importlib.metadata
import json
import sys
from typing import Any

NO_INDEX = ["http://127.0.0.1:9/simple/{package_name}/"]  # refused at once: nothing to fetch


async def install(dependencies: Any, project: str) -> str:
    """Install; report the distributions and the project's requirements in this environment."""
    import micropip
    from micropip._vendored.packaging.src.packaging.requirements import Requirement

    await micropip.install(list(dependencies), deps=False)
    await micropip.install(project, deps=True, index_urls=NO_INDEX)
    requires = importlib.metadata.requires("digital-deficit") or []
    needed = sorted(
        r.name for r in map(Requirement, requires) if r.marker is None or r.marker.evaluate()
    )
    installed = sorted(d.metadata["Name"] for d in importlib.metadata.distributions())
    return json.dumps({"installed": installed, "needed": needed, "python": sys.version})


def load(main_py: str, repo: str) -> str:
    """Import the Lite main.py (as Lite does) and return xlwings' custom-function metadata."""
    global MODULE
    sys.path[:0] = [main_py, repo]
    from xlwings import server

    from tests.xlwings_stubs import _jsonable

    MODULE = __import__("main")
    return json.dumps(_jsonable(server.custom_functions_meta(MODULE)))


async def call(request: Any) -> str:
    """One call; ``request`` is the JavaScript object, converted as Lite converts it."""
    from xlwings import server

    from tests.xlwings_stubs import officejs_call

    return json.dumps(await officejs_call(server, MODULE, request.to_py()))


MODULE: Any = None
