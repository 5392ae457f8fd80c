"""The rooms and their arrows: core imports nothing of ours outside core, data only core."""

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
}
MAX_LINES = 400


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("room", sorted(ALLOWED))
def test_arrows_point_into_the_core(room: str) -> None:
    for path in sorted((PACKAGE / room).rglob("*.py")):
        for module in _imports(path):
            if module.startswith("digital_deficit."):
                target = module.split(".")[1]
                assert target in ALLOWED[room], f"{path.name} imports {module}"


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
        "digital_deficit.data.figures; "
        "print(sorted(m for m in ('pandas', 'xlwings', 'openpyxl', 'httpx', 'numpy') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_modules_stay_small() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = len(path.read_text("utf-8").splitlines())
        assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines"
