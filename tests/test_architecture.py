"""The rooms and their arrows: core imports nothing of ours outside core, data only core, the
Excel functions only core (data lazily, inside a function), export core and data, the CLI
anything; no import cycles among the modules."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "digital_deficit"
ALLOWED = {
    "core": {"core"},
    "data": {"core", "data"},
    "udfs": {"core", "udfs"},
    "export": {"core", "data", "export"},
    "cli": {"core", "data", "export", "cli"},
}
LAZY = {"udfs": {"data"}}
"""Rooms a room may import inside a function only (the Excel functions load the dataset code
when a data function is called, never at import: xlwings Lite imports them all at start)."""
MAX_LINES = 400


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, top_level_only: bool = False) -> set[str]:
    """Absolute names of the modules ``path`` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text("utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    here = _module(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            else:
                name = node.module or ""
            found.add(name)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _room(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "digital_deficit" and len(parts) > 1 else None


@pytest.mark.parametrize("room", sorted(ALLOWED))
def test_arrows_point_into_the_core(room: str) -> None:
    for path in sorted((PACKAGE / room).rglob("*.py")):
        top = _imports(path, top_level_only=True)
        for module in _imports(path):
            target = _room(module)
            if target is None or target in ALLOWED[room]:
                continue
            assert module not in top and target in LAZY.get(room, set()), (
                f"{path.relative_to(PACKAGE)} imports {module}"
            )


def test_no_import_cycles() -> None:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        ours = {m for m in _imports(path, top_level_only=True) if m.startswith("digital_deficit")}
        graph[_module(path)] = {m for m in ours if m != _module(path)}
    known = set(graph)
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if target not in known:
                continue
            assert state.get(target) != 1, " -> ".join([*trail, node, target])
            if target not in state:
                visit(target, [*trail, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


def test_core_uses_only_the_standard_library() -> None:
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        for module in _imports(path):
            top = module.split(".")[0]
            assert top in sys.stdlib_module_names or top in ("digital_deficit", "__future__"), (
                f"{path.name} imports {module}"
            )


def test_importing_core_and_data_loads_no_heavy_library() -> None:
    code = (
        "import sys, digital_deficit.core.digital, digital_deficit.core.current_account, "
        "digital_deficit.core.catalogue, digital_deficit.data.figures; "
        "print(sorted(m for m in ('pandas', 'xlwings', 'openpyxl', 'httpx', 'numpy') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_modules_stay_small() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = len(path.read_text("utf-8").splitlines())
        assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines"
