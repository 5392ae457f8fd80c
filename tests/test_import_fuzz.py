"""Random bytes and mutated fixtures never crash an importer with anything but ImportFileError."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digital_deficit.data.importers.dispatch import FORMATS, import_file
from digital_deficit.data.importers.errors import ImportFileError

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_FIXTURES = (
    "boj_api_en.json",
    "boj_api_en.csv",
    "boj_api_jp_sjis.csv",
    "boj_wide_bp01.csv",
    "mof_summary_cp932.csv",
    "mof_services_cp932.csv",
    "mof_summary_rows_cp932.csv",
    "imf_bop_deu.xml",
    "imf_bop_deu.json",
    "boj_search_simple_cp932.csv",
    "boj_search_detail_en.csv",
    "mof_summary_era_cp932.csv",
    "imf_portal_bop.xml",
    "imf_portal_bop.json",
)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _attempt(tmp_path: Path, content: bytes, fmt: str | None) -> None:
    path = tmp_path / "input.dat"
    path.write_bytes(content)
    try:
        import_file(path, fmt)
    except ImportFileError as exc:
        assert str(path) in str(exc)


@SETTINGS
@given(content=st.binary(max_size=2000), fmt=st.sampled_from([None, *FORMATS]))
def test_random_bytes(tmp_path: Path, content: bytes, fmt: str | None) -> None:
    _attempt(tmp_path, content, fmt)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    name = draw(st.sampled_from(SMALL_FIXTURES))
    data = bytearray((FIXTURES / name).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["cut", "delete", "insert", "replace"]))
        at = draw(st.integers(0, len(data)))
        if kind == "cut":
            del data[at:]
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 50))]
        elif kind == "insert":
            data[at:at] = draw(
                st.sampled_from(
                    [
                        b",",
                        b"\n",
                        b'"',
                        b"abc",
                        b"\xff",
                        b"--",
                        b"(P)",
                        b"1e309",
                        b"NaN",
                        b"<",
                        b"{",
                        b"\x00",
                    ]
                )
            )
        else:
            data[at : at + 1] = draw(st.binary(min_size=1, max_size=3))
    return bytes(data), name


@SETTINGS
@given(case=mutated())
def test_mutated_fixtures(tmp_path: Path, case: tuple[bytes, str]) -> None:
    content, _name = case
    _attempt(tmp_path, content, None)


@pytest.mark.parametrize("name", SMALL_FIXTURES)
def test_every_fixture_still_imports(name: str) -> None:
    assert len(import_file(FIXTURES / name).dataset) > 0
