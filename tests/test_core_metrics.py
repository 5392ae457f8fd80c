"""Growth, comparisons, projection, FX impact: each pinned to a hand-computed value."""

from __future__ import annotations

import math

import pytest

from digital_deficit.core.comparisons import (
    oil_ratio,
    share_of_goods_and_services_deficit,
    share_of_services_deficit,
    tourism_coverage,
)
from digital_deficit.core.errors import InputError, UnknownNameError
from digital_deficit.core.fx import FX_CITATION, fx_impact
from digital_deficit.core.growth import cagr, difference, growth_multiple, yoy_change, yoy_series
from digital_deficit.core.projection import project
from digital_deficit.core.references import METI_SCENARIOS, YEN_PER_DOUBLING


def test_growth_multiple_of_deficits() -> None:
    assert growth_multiple([-55360, -66506], -20225) == [55360 / 20225, 66506 / 20225]


@pytest.mark.parametrize(("current", "base"), [(-5, 0), (5, -5), (None, -5)])
def test_growth_multiple_undefined_is_missing(current: float | None, base: float) -> None:
    assert growth_multiple(current, base) is None


def test_cagr() -> None:
    assert cagr(-20225, -64622, 10) == (64622 / 20225) ** 0.1 - 1
    with pytest.raises(InputError, match=r"^years: is 0; expected a number of years above zero$"):
        cagr(1, 2, 0)


def test_yoy_change_and_series() -> None:
    assert yoy_change(-66506, -55360) == 66506 / 55360 - 1
    assert yoy_series([-48000, -55360, None, -66506]) == [None, 55360 / 48000 - 1, None, None]
    assert difference(-66506, -55360) == -11146.0


def test_shares_of_deficits() -> None:
    assert share_of_services_deficit(-55360, -32026) == 55360 / 32026
    assert share_of_services_deficit(-55360, 1758) is None  # services in surplus
    assert share_of_goods_and_services_deficit(-66506, -65152) == 66506 / 65152


def test_tourism_and_oil() -> None:
    assert tourism_coverage([58973, -1251, 0], [-64622, -20225, -5]) == [58973 / 64622, None, 0.0]
    assert tourism_coverage(58973, 10) is None
    assert oil_ratio(-66506, 107000) == 66506 / 107000
    assert oil_ratio(-66506, 0) is None


def test_projection_cagr_and_linear() -> None:
    years, values = [2014, 2024], [-20225, -64622]
    rate = (64622 / 20225) ** (1 / 10)
    assert project(years, values, 2030, "cagr") == pytest.approx(-64622 * rate**6, rel=1e-12)
    assert project(years, values, 2030, "linear") == pytest.approx(-64622 + 6 * -4439.7, rel=1e-12)
    assert project([2014, 2020, 2024], [-20225, None, -64622], 2030, "linear") == pytest.approx(
        -91260.2, rel=1e-12
    )


def test_projection_errors() -> None:
    with pytest.raises(UnknownNameError, match="unknown projection method 'spline'"):
        project([2014, 2024], [1, 2], 2030, "spline")
    with pytest.raises(InputError, match=r"^values: has 1 usable points; a projection needs two$"):
        project([2014, 2024], [1, None], 2030)
    with pytest.raises(InputError, match=r"^values: has 1 cells but periods has 2$"):
        project([2014, 2024], [1], 2030)
    with pytest.raises(InputError, match=r"^target: is blank; a number is required$"):
        project([2014, 2024], [1, 2], None)  # type: ignore[arg-type]


def test_fx_impact_doubling_and_citation() -> None:
    assert fx_impact(-55360, -110720, 5.5) == 5.5
    assert fx_impact(-55360, [-55360, -27680], 6) == [0.0, -6.0]
    assert fx_impact(-55360, 10, 5) is None
    assert "Mizuho Research & Technologies" in FX_CITATION
    assert (YEN_PER_DOUBLING.low, YEN_PER_DOUBLING.high) == (5.0, 6.0)
    with pytest.raises(InputError, match=r"^yen_per_doubling: is blank; a number is required$"):
        fx_impact(1, 2, None)  # type: ignore[arg-type]


def test_meti_references_are_the_domain_figures() -> None:
    assert [(r.year, r.item, r.value_oku_yen) for r in METI_SCENARIOS] == [
        (2030, "digital", -100000),
        (2030, "computer_services", -80000),
        (2035, "digital", -180000),
        (2035, "digital", -280000),
    ]
    assert math.isclose(fx_impact(1, 4, 5), 10.0)  # type: ignore[arg-type]


def test_scalar_years_are_not_blamed_as_a_cell() -> None:
    with pytest.raises(InputError) as err:
        cagr([1, 2], [2, 4], 0)
    assert str(err.value) == "years: is 0; expected a number of years above zero"
    with pytest.raises(InputError, match=r"^years: cell 2 is -1;"):
        cagr([1, 2], [2, 4], [5, -1])
