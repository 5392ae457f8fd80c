"""Every catalogue entry speaks Excel as it speaks Python: hypothesis draws inputs (blanks, zeros,
both signs, decimals) for each entry, one workbook holds each entry's ``to_excel()`` formula
over them, LibreOffice and Gnumeric each recalculate it once, and every cell must equal the
entry's ``evaluate()`` (a number to 1e-9, or "n/a" for missing)."""

from __future__ import annotations

import math
import os
import warnings
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from digital_deficit.core.catalogue import CATALOGUE, digital_sum, parts_sum
from digital_deficit.core.definitions import MOF3, NARROW
from digital_deficit.core.evaluate import evaluate
from digital_deficit.core.expr import Forecast
from digital_deficit.core.metric import REQUIRED, SHARE, YEARS, Input, Metric
from tests import gnumeric
from tests import libreoffice as lo

pytestmark = pytest.mark.slow

CASES_PER_METRIC = 40
FORMULA_COL = 16  # column P: inputs sit in B..O, the formula in P, the metric id in A
FAMILIES = [
    digital_sum(MOF3),
    digital_sum(NARROW, "debit", decimal=True),
    parts_sum("ict_services"),
]
SCALAR = [m for m in (*CATALOGUE.values(), *FAMILIES) if not isinstance(m.expr, Forecast)]
RANGE_POINTS = 6

money = st.one_of(
    st.none(),
    st.just(0.0),
    st.integers(-10_000_000, 10_000_000).map(float),
    st.integers(-1_000_000, 1_000_000).map(lambda n: n / 100),  # two decimals, as BoJ figures
    st.sampled_from([1.0, -1.0, 0.5, -0.5, 66506.0, -66506.0]),
)


def _strategy(metric: Metric, inp: Input) -> st.SearchStrategy[float | None]:
    """Values in the input's domain (outside it Python raises a typed error: not compared)."""
    if inp.domain is YEARS:
        return st.one_of(st.none(), st.integers(1, 40).map(float), st.just(0.5))
    if inp.domain is SHARE:
        return st.one_of(st.just(0.0), st.just(1.0), st.integers(0, 100).map(lambda n: n / 100))
    if inp.domain is REQUIRED:
        return st.integers(0, 12).map(lambda n: n / 2)
    if metric.id == "projection_cagr" and inp.name in ("x0", "x1", "target"):
        return st.none()  # drawn together below: x0 < x1 <= target
    return money


def _draw_cases() -> list[tuple[Metric, dict[str, Any]]]:
    """Hypothesis draws the inputs of every entry (collected, then checked in one workbook)."""
    cases: list[tuple[Metric, dict[str, Any]]] = []

    @settings(
        max_examples=CASES_PER_METRIC,
        database=None,
        deadline=None,
        derandomize=True,
        phases=[Phase.generate],
    )
    @given(st.data())
    def collect(data: st.DataObject) -> None:
        for metric in SCALAR:
            values = {i.name: data.draw(_strategy(metric, i), i.name) for i in metric.inputs}
            if metric.id == "projection_cagr":
                x0 = data.draw(st.integers(2000, 2020))
                x1 = x0 + data.draw(st.integers(1, 10))
                values.update(x0=x0, x1=x1, target=x1 + data.draw(st.integers(0, 12)))
            cases.append((metric, values))
        xs = list(range(2010, 2010 + RANGE_POINTS))
        ys = data.draw(st.lists(money, min_size=RANGE_POINTS, max_size=RANGE_POINTS))
        target = data.draw(st.integers(2016, 2040))
        cases.append(
            (CATALOGUE["projection_linear"], {"target": target, "values": ys, "periods": xs})
        )

    collect()
    return cases


def _write(cases: list[tuple[Metric, dict[str, Any]]], path: Path) -> list[object]:
    """One row per case; returns the value Python gives for each row's formula."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cases"
    expected: list[object] = []
    for row, (metric, values) in enumerate(cases, start=1):
        ws.cell(row, 1).value = metric.id
        refs: dict[str, str] = {}
        col = 2
        for name, value in values.items():
            if isinstance(value, list):
                first = get_column_letter(col)
                for v in value:
                    ws.cell(row, col).value = v
                    col += 1
                refs[name] = f"{first}{row}:{get_column_letter(col - 1)}{row}"
            else:
                ws.cell(row, col).value = value
                refs[name] = f"{get_column_letter(col)}{row}"
                col += 1
        assert col <= FORMULA_COL
        ws.cell(row, FORMULA_COL).value = "=" + metric.to_excel(refs)
        result = evaluate(metric.expr, values)
        expected.append("n/a" if result is None else result)
    wb.save(path)
    return expected


def _recalculated_sheet(path: Path) -> Any:
    with warnings.catch_warnings():  # Gnumeric's file has no default style: openpyxl says so
        warnings.simplefilter("ignore", UserWarning)
        return openpyxl.load_workbook(path, data_only=True)["Cases"]


def _mismatches(
    cases: list[tuple[Metric, dict[str, Any]]], expected: list[object], recalculated: Path
) -> list[tuple[str, dict[str, Any], object, object]]:
    ws = _recalculated_sheet(recalculated)
    wrong = []
    for row, ((metric, values), want) in enumerate(zip(cases, expected, strict=True), start=1):
        got = ws.cell(row, FORMULA_COL).value
        same = (
            math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9)
            if isinstance(got, (int, float)) and isinstance(want, float)
            else got == want
        )
        if not same:
            wrong.append((metric.id, values, want, got))
    return wrong


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any], list[object]]:
    cases = _draw_cases()
    path = tmp_path_factory.mktemp("catalogue") / "catalogue.xlsx"
    return path, cases, _write(cases, path)


def test_every_entry_is_drawn_with_blanks_zeros_and_both_signs(
    workbook: tuple[Path, list[Any], list[object]],
) -> None:
    _, cases, expected = workbook
    assert {m.id for m, _ in cases} == set(CATALOGUE) | {m.id for m in FAMILIES}
    inputs = [v for _, values in cases for v in values.values() if not isinstance(v, list)]
    assert None in inputs and 0.0 in inputs
    assert any(isinstance(v, float) and v < 0 for v in inputs)
    assert "n/a" in expected and any(isinstance(v, float) for v in expected)


def _libreoffice(path: Path, tmp: Path) -> Path:
    return lo.recalculate(lo.make_profile(tmp / "lo"), path, tmp / "out")


def _gnumeric(path: Path, tmp: Path) -> Path:
    return gnumeric.recalculate(path, tmp / "out")


ENGINES = {
    "libreoffice": (_libreoffice, lo.available),
    "gnumeric": (_gnumeric, gnumeric.available),
}


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_the_engine_gives_what_python_gives(
    workbook: tuple[Path, list[Any], list[object]], tmp_path: Path, engine: str
) -> None:
    recalculate, available = ENGINES[engine]
    if not available() and not os.environ.get("CI"):
        pytest.skip(f"{engine} not installed")
    path, cases, expected = workbook
    assert _mismatches(cases, expected, recalculate(path, tmp_path)) == []
