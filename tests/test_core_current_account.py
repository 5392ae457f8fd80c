"""The current-account identity and the four cash-flow methods."""

from __future__ import annotations

import pytest

from digital_deficit.core.current_account import (
    CF_METHOD_IDS,
    ca_residual,
    cf_current_account,
    current_account,
    unrepatriated_share,
)
from digital_deficit.core.errors import InputError, UnknownNameError


def test_identity_2014() -> None:
    assert current_account(-103637, -30932, 180712, -19877) == 26266.0
    assert ca_residual(26266, -103637, -30932, 180712, -19877) == 0.0


def test_identity_missing_part() -> None:
    assert current_account([1, 1], [1, None], [1, 1], [1, 1]) == [4.0, None]


def test_methods() -> None:
    assert CF_METHOD_IDS == ("karakama", "oguro1", "oguro2", "repatriation")
    assert cf_current_account(100, 30, 50) == 20.0
    assert cf_current_account(100, 30, method="oguro1") == 70.0
    assert cf_current_account(100, 30, bond_interest=45, method="oguro2") == 25.0
    # goods and services + secondary + r * primary == CA - (1 - r) * primary
    assert (
        cf_current_account(100, method="repatriation", primary_income=80, repatriation_share=0.25)
        == 40.0
    )


def test_oguro_fy2022_second_half_shape() -> None:
    # Oguro: CA +4.6T, definition 1 -0.9T, definition 2 -6.0T -> RE 5.5T, bonds 5.1T implied.
    assert cf_current_account(46000, 55000, method="oguro1") == -9000.0
    assert cf_current_account(46000, 55000, bond_interest=51000, method="oguro2") == -60000.0


def test_method_errors() -> None:
    with pytest.raises(InputError) as err:
        cf_current_account(100, 30, method="oguro2")
    assert str(err.value) == "bond_interest: is missing; the oguro2 method needs it"
    with pytest.raises(UnknownNameError, match="unknown cash-flow method 'cash'"):
        cf_current_account(100, 30, 50, method="cash")
    with pytest.raises(InputError, match=r"^repatriation_share: is 1.5; expected a share from 0"):
        cf_current_account(100, method="repatriation", primary_income=1, repatriation_share=1.5)


def test_missing_flows_give_missing() -> None:
    assert cf_current_account([100, 100], [30, None], [50, 50]) == [20.0, None]


def test_unrepatriated_share() -> None:
    assert unrepatriated_share(345573, 70000, 138000) == 208000 / 345573


def test_blank_scalar_flow_gives_missing_not_an_error() -> None:
    assert cf_current_account(114432, None, 103000) is None
    assert cf_current_account(114432, 113000, None) is None
