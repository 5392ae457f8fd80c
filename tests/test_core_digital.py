"""The digital balance by definition: exact sums, parts, and missing never partial."""

from __future__ import annotations

import pytest

from digital_deficit.core.definitions import MOF3, NARROW, get_definition
from digital_deficit.core.digital import digital_balance, digital_payments, sum_definition
from digital_deficit.core.errors import InputError, UnknownNameError


def test_definitions_match_domain() -> None:
    assert MOF3.items == ("copyright_royalties", "ict_services", "consulting")
    assert NARROW.items == ("copyright_royalties", "computer_services", "consulting")
    assert get_definition().id == "mof3"


def test_mof3_sums_its_three_items() -> None:
    got = digital_balance(
        {"copyright_royalties": -20000, "ict_services": -24941, "consulting": -21565}
    )
    assert got == -66506.0


def test_ict_rebuilt_from_its_three_parts() -> None:
    got = digital_balance(
        {
            "copyright_royalties": [-1, -2],
            "telecom_services": [-3, -4],
            "computer_services": [-5, -6],
            "information_services": [-7, -8],
            "consulting": [-9, -10],
        }
    )
    assert got == [-25.0, -30.0]


def test_missing_item_gives_missing_never_partial() -> None:
    assert digital_balance({"copyright_royalties": -1, "consulting": -2}) is None
    assert digital_balance(
        {"copyright_royalties": [-1, None], "computer_services": [-1, -1], "consulting": [-1, -1]},
        "narrow",
    ) == [-3.0, None]


def test_custom_definition_from_ids_or_text() -> None:
    comps = {"computer_services": -5.0, "consulting": -2.0, "copyright_royalties": -1.0}
    assert sum_definition(comps, ["computer_services", "consulting"]) == -7.0
    assert sum_definition(comps, "computer_services + consulting") == -7.0


def test_payments_are_debits_summed() -> None:
    assert digital_payments({"copyright_royalties": 1, "ict_services": 2, "consulting": 3}) == 6.0


def test_unknown_definition_and_items() -> None:
    with pytest.raises(UnknownNameError) as err:
        get_definition("broad")
    assert str(err.value) == "unknown definition 'broad'; expected one of: mof3, narrow, custom"
    with pytest.raises(UnknownNameError, match="unknown item 'cloud'"):
        sum_definition({"cloud": 1})
    with pytest.raises(InputError, match=r"^definition: item 2 repeats 'consulting'$"):
        get_definition(["consulting", "consulting"])
    with pytest.raises(InputError, match="an aggregate; name its parts"):
        get_definition(["digital"])


def test_custom_is_a_list_of_items_and_one_item_is_enough() -> None:
    with pytest.raises(InputError) as err:
        get_definition("custom")
    assert str(err.value) == (
        "definition: is 'custom'; name the items instead, separated by commas "
        "(e.g. computer_services,consulting)"
    )
    assert get_definition("computer_services").items == ("computer_services",)
