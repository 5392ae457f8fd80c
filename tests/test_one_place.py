"""One definition per metric (issue 8): a metric's rule lives in the catalogue; besides it, only
its labels (one table per language), its Excel function and the core function kept for callers
name it. Counted in the code and data of the modules of src/ (docstrings and comments, prose
about the package, are not counted)."""

from __future__ import annotations

import io
import re
import tokenize
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "digital_deficit"
MAX_MODULES = 5
WORDS = {
    "tourism": r"tourism",
    "oil ratio": r"oil_ratio|oil ratio|oil equivalence",
    "cash-flow current account": r"cf_current_account|cash[- ]flow current[- ]account",
}


def code_and_data(path: Path) -> str:
    """The module without its comments and docstrings (string statements)."""
    source = path.read_text("utf-8")
    kept: list[str] = []
    previous = tokenize.NEWLINE
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            continue
        statement_start = previous in (
            tokenize.NEWLINE,
            tokenize.NL,
            tokenize.INDENT,
            tokenize.DEDENT,
        )
        if token.type == tokenize.STRING and statement_start:
            previous = token.type
            continue  # a docstring, or another string standing alone as a statement
        if token.type not in (tokenize.NL, tokenize.COMMENT):
            previous = token.type
        kept.append(token.string)
    return " ".join(kept)


@cache
def package_code() -> dict[str, str]:
    """Each module of the package (its path in it) and its code and data, read once."""
    return {str(path.relative_to(PACKAGE)): code_and_data(path) for path in PACKAGE.rglob("*.py")}


def modules_naming(pattern: str) -> list[str]:
    """The modules whose code or data match ``pattern`` (case-insensitive)."""
    found = re.compile(pattern, re.IGNORECASE)
    return sorted(name for name, code in package_code().items() if found.search(code))


@pytest.mark.parametrize("word", sorted(WORDS))
def test_a_metric_is_named_in_at_most_five_modules(word: str) -> None:
    modules = modules_naming(WORDS[word])
    assert len(modules) <= MAX_MODULES, modules


def test_docstrings_are_not_counted_but_code_and_labels_are(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""About tourism."""\n# tourism\nX = {"label": "tourism"}\n', "utf-8")
    assert "About" not in code_and_data(module) and '"tourism"' in code_and_data(module)
