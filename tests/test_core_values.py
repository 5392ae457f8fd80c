"""Argument handling: shapes, blanks and the exact error messages users see."""

from __future__ import annotations

import math

import pytest

from digital_deficit.core.digital import component_share, net_from_sides, payments_from
from digital_deficit.core.errors import InputError, LengthMismatchError
from digital_deficit.core.values import align, to_value


def test_text_in_a_range_names_argument_and_cell() -> None:
    with pytest.raises(InputError) as err:
        payments_from(receipts=[1.0, 2.0, 3.0], net=[1.0, 2.0, "abc"])
    assert str(err.value) == 'net: cell 3 is the text "abc"; expected a number or a blank cell'
    assert (err.value.argument, err.value.position) == ("net", 3)


def test_text_as_a_scalar() -> None:
    with pytest.raises(InputError) as err:
        net_from_sides("abc", 1)
    assert str(err.value) == (
        'credit: the text "abc" is not a number; expected a number or a blank cell'
    )


def test_boolean_and_infinity_are_refused() -> None:
    with pytest.raises(InputError, match=r"^debit: cell 2 is TRUE; expected a number"):
        net_from_sides([1, 2], [1, True])
    with pytest.raises(InputError, match="an infinite number"):
        to_value("x", math.inf)


def test_mismatched_lengths() -> None:
    with pytest.raises(LengthMismatchError) as err:
        net_from_sides([1, 2, 3], [1, 2])
    assert str(err.value) == (
        "ranges differ in length (credit has 3, debit has 2); give one value per period in each"
    )


@pytest.mark.parametrize("blank", [None, "", "  ", math.nan])
def test_blanks_are_missing_never_zero(blank: object) -> None:
    assert to_value("x", blank) is None
    assert net_from_sides([5, blank], [2, 1]) == [3.0, None]


def test_scalar_in_scalar_out_and_broadcast() -> None:
    assert net_from_sides(37103, 92463) == -55360.0
    assert net_from_sides([1, 2], 1) == [0.0, 1.0]
    cols, n, scalar = align(a=1, b=[1, 2, 3])
    assert (cols["a"], n, scalar) == ([1.0, 1.0, 1.0], 3, False)


def test_component_share_zero_total_is_missing() -> None:
    assert component_share([1, 2], [4, 0]) == [0.25, None]


def test_errors_survive_pickling_across_processes() -> None:
    import pickle

    from digital_deficit.core.errors import UnknownNameError

    for error in (
        InputError("net", 'is the text "abc"; expected a number or a blank cell', 3),
        LengthMismatchError({"credit": 3, "debit": 2}),
        UnknownNameError("definition", "broad", ("mof3", "narrow")),
    ):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert str(again) == str(error)
        assert again.__dict__ == error.__dict__


def test_exact_total_is_the_decimal_sum() -> None:
    from digital_deficit.core.values import decimal_places, exact_total

    assert [decimal_places(66506.0), decimal_places(341.51732161), decimal_places(1e-20)] == [
        0,
        8,
        12,
    ]
    assert sum([0.1, 0.2]) != 0.3 and exact_total([0.1, 0.2]) == 0.3
    assert exact_total([-20000, -24941, -21565]) == -66506.0
