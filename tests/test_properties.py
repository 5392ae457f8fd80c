"""Properties that hold for any input (hypothesis): shapes, missing values, sums, loader safety."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digital_deficit.core.aggregation import aggregate_months
from digital_deficit.core.current_account import cf_current_account, current_account
from digital_deficit.core.digital import digital_balance
from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.core.growth import growth_multiple, yoy_series
from digital_deficit.data.csvio import DatasetFileError, dataset_text, read_dataset_text
from digital_deficit.data.model import Observation

money = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False, allow_infinity=False)
maybe = st.one_of(st.none(), money)


@given(st.lists(st.tuples(maybe, maybe, maybe), min_size=1, max_size=30))
def test_digital_balance_is_the_exact_sum_or_missing(rows: list[tuple[float | None, ...]]) -> None:
    cols = list(zip(*rows, strict=True))
    got = digital_balance(
        {"copyright_royalties": cols[0], "ict_services": cols[1], "consulting": cols[2]}
    )
    assert isinstance(got, list) and len(got) == len(rows)
    for value, row in zip(got, rows, strict=True):
        if any(v is None for v in row):
            assert value is None
        else:
            assert value == math.fsum(v for v in row if v is not None)


@given(money, money, money, money)
def test_scalar_in_scalar_out(g: float, s: float, p: float, i: float) -> None:
    assert current_account(g, s, p, i) == math.fsum([g, s, p, i])
    assert current_account([g], [s], [p], [i]) == [math.fsum([g, s, p, i])]


@given(st.lists(maybe, max_size=40))
def test_yoy_series_keeps_length_and_first_is_missing(values: list[float | None]) -> None:
    got = yoy_series(values)
    assert len(got) == len(values)
    assert not got or got[0] is None


@given(money, money)
def test_growth_multiple_is_missing_or_positive(current: float, base: float) -> None:
    got = growth_multiple(current, base)
    assert got is None or (isinstance(got, float) and got >= 0)


@given(money, money, money)
def test_karakama_removes_both_flows(ca: float, re_: float, pi: float) -> None:
    assert cf_current_account(ca, re_, pi) == ca - math.fsum([re_, pi])


@given(st.dictionaries(st.tuples(st.integers(2000, 2003), st.integers(1, 12)), money, max_size=48))
def test_complete_years_equal_their_quarters(monthly: dict[tuple[int, int], float]) -> None:
    years = {a.period.year: a.value for a in aggregate_months(monthly, "CY")}
    quarters = aggregate_months(monthly, "Q")
    for year, total in years.items():
        qs = [q.value for q in quarters if q.period.year == year]
        if total is None:
            assert len(qs) < 4 or any(q is None for q in qs)
        else:
            assert len(qs) == 4 and all(q is not None for q in qs)
            assert math.isclose(
                total, math.fsum(q for q in qs if q is not None), rel_tol=1e-12, abs_tol=1e-6
            )


observations = st.builds(
    Observation,
    country=st.just("JPN"),
    basis=st.just("M"),
    period=st.tuples(st.integers(1996, 2030), st.integers(1, 12)).map(
        lambda t: f"{t[0]}-{t[1]:02d}"
    ),
    item=st.sampled_from(["current_account", "travel", "ict_services"]),
    side=st.sampled_from(["net", "credit", "debit"]),
    value=money,
    precision=st.sampled_from([1.0, 1000.0]),
    vintage=st.sampled_from(["preliminary", "2026-05-18", "revised-2025-02"]),
    source=st.text(
        st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30
    ).filter(lambda s: s.strip() == s and s.strip() != "" and "\r" not in s),
)


@given(st.lists(observations, max_size=20, unique_by=lambda o: (*o.key, o.vintage)))
@pytest.mark.slow
def test_dataset_text_round_trips(obs: list[Observation]) -> None:
    again = read_dataset_text(dataset_text(obs), "x.csv")
    assert sorted(again.observations, key=lambda o: (*o.key, o.vintage)) == sorted(
        obs, key=lambda o: (*o.key, o.vintage)
    )


@given(st.text(max_size=300))
def test_loader_only_raises_its_typed_error(text: str) -> None:
    try:
        read_dataset_text(
            "country,basis,period,item,definition,side,value,unit,precision,"
            "vintage,source\n" + text,
            "fuzz.csv",
        )
    except DatasetFileError as exc:
        assert str(exc).startswith("fuzz.csv")
    except DigitalDeficitError:  # pragma: no cover - would be a defect
        raise AssertionError("untyped loader error") from None
