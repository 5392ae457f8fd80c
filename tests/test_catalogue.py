"""The metric catalogue and its expression language: structure, Python values, Excel text."""

from __future__ import annotations

import math

import pytest

from digital_deficit.core.catalogue import CASH_FLOW, CATALOGUE, digital_sum, get_metric, headline
from digital_deficit.core.definitions import MOF3
from digital_deficit.core.errors import UnknownNameError
from digital_deficit.core.evaluate import evaluate
from digital_deficit.core.excel import to_excel
from digital_deficit.core.expr import NA, If, Ref, Sum, gt, scalar_inputs, substitute, total
from digital_deficit.core.metric import Input, Metric

CELLS = {
    "current": "M20",
    "previous": "L20",
    "digital": "M20",
    "services": "M24",
    "travel": "M26",
    "crude_oil_imports": "M27",
    "current_account": "K12",
    "reinvested_earnings": "K14",
    "portfolio_income": "K15",
    "bond_interest": "K16",
    "primary_income": "K10",
    "repatriation_share": "Repatriation_Share",
}


@pytest.mark.parametrize(
    ("metric", "formula"),
    [
        ("tourism_coverage", 'IF(COUNT(M26,M20)<2,"n/a",IF(OR(M20>=0,M26<0),"n/a",M26/-M20))'),
        ("oil_ratio", 'IF(COUNT(M20,M27)<2,"n/a",IF(OR(M20>=0,M27<=0),"n/a",-M20/M27))'),
        (
            "yoy",
            'IF(COUNT(M20,L20)<2,"n/a",IF(OR(L20=0,SIGN(M20)*SIGN(L20)<0),"n/a",M20/L20-1))',
        ),
        ("cf_karakama", 'IF(COUNT(K12,K14,K15)<3,"n/a",K12-(K14+K15))'),
        ("cf_oguro1", 'IF(COUNT(K12,K14)<2,"n/a",K12-K14)'),
        (
            "cf_repatriation",
            'IF(COUNT(K12,K10,Repatriation_Share)<3,"n/a",K12-(1-Repatriation_Share)*K10)',
        ),
    ],
)
def test_formula_text(metric: str, formula: str) -> None:
    assert get_metric(metric).to_excel(CELLS) == formula


def test_power_operands_are_always_parenthesised() -> None:
    # Gnumeric reads 2^3^2 as 2^(3^2); Excel and LibreOffice as (2^3)^2
    assert get_metric("projection_cagr").to_excel(lambda n: n, guard=False) == (
        'IF(SIGN(y0)*SIGN(y1)<=0,"n/a",y1*((y1/y0)^(1/(x1-x0)))^(target-x1))'
    )
    assert to_excel(-(Ref("a") ** 2), {"a": "A1"}) == "-(A1^2)"


def test_sums_show_as_chains_and_chart_gaps_as_na() -> None:
    expr = Sum((Ref("a"), -Ref("b"), Ref("c")), decimal=True)
    assert to_excel(expr / 10000, {"a": "A1", "b": "B1", "c": "C1"}) == "(A1-B1+C1)/10000"
    assert to_excel(total(Ref("a")), {"a": "A1"}, ["a"], na="NA()") == ("IF(COUNT(A1)<1,NA(),A1)")


def test_missing_in_missing_out_and_exact_sums() -> None:
    mof3 = digital_sum(MOF3)
    assert mof3.evaluate({"copyright_royalties": -1, "ict_services": None, "consulting": 2}) is None
    decimal = digital_sum(MOF3, decimal=True)
    parts = {"copyright_royalties": -3112.3, "ict_services": -3112.7, "consulting": -3113.1}
    assert decimal.evaluate(parts) == -9338.1
    assert mof3.evaluate(parts) == math.fsum(parts.values())


def test_values_that_are_not_finite_are_missing() -> None:
    assert get_metric("multiple").evaluate({"current": 1e308, "base": 1e-308}) is None
    assert (
        get_metric("ca_identity").evaluate(
            {"goods": 1e308, "services": 1e308, "primary": 0, "secondary": 0}
        )
        is None
    )
    fx = get_metric("fx_impact")
    # 5e-324 / 1e308 underflows to 0, whose logarithm is undefined
    assert fx.evaluate({"base": 1e308, "new": 5e-324, "yen_per_doubling": 5}) is None
    assert evaluate(Ref("a") * 0 + 1, {"a": 1e308}) == 1.0


def test_substitution_rebuilds_an_item_from_its_parts() -> None:
    expr = substitute(total(Ref("a"), Ref("b")), {"b": total(Ref("c"), Ref("d"))})
    assert scalar_inputs(expr) == ("a", "c", "d")
    assert evaluate(expr, {"a": 1, "c": 2, "d": 3}) == 6.0


def test_entries_refuse_undeclared_inputs_and_na_as_an_operand() -> None:
    with pytest.raises(ValueError, match="undeclared inputs"):
        Metric("bad", (Input("a"),), Ref("a") + Ref("b"), "money", "amount", "")
    with pytest.raises(ValueError, match="NA may only be a branch of IF"):
        Metric("bad", (Input("a"),), If(gt(Ref("a"), 0), NA, Ref("a")) - 1, "money", "amount", "")


def test_catalogue_lookups_and_headline_columns() -> None:
    with pytest.raises(UnknownNameError, match="unknown metric 'growth'"):
        get_metric("growth")
    columns = [c for c, _ in headline("oguro2")]
    assert columns[-2:] == ["current_account", "cf_current_account"]
    assert dict(headline("oguro2"))["cf_current_account"] is CASH_FLOW["oguro2"]
    assert all(m.help for m in CATALOGUE.values())
