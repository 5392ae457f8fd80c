"""The resolver: figures that carry their derivation, vintages that do not mix silently, the
first release on request, one cache per resolver."""

from __future__ import annotations

import pytest

from digital_deficit.core.evaluate import evaluate
from digital_deficit.core.items import ITEM_IDS
from digital_deficit.data.csvio import read_dataset_text
from digital_deficit.data.embedded import embedded_dataset
from digital_deficit.data.figures import FIRST, Resolver, resolver_for
from digital_deficit.data.vintage import first_release

HEADER = "country,basis,period,item,definition,side,value,unit,precision,vintage,source"


def test_every_figure_evaluates_its_own_expression() -> None:
    data = embedded_dataset()
    resolver = resolver_for(data)
    checked = 0
    for basis in ("CY", "FY"):
        for period in data.periods(basis):
            for item in ITEM_IDS:
                for side in ("net", "credit", "debit"):
                    definitions = ("mof3", "narrow") if item == "digital" else (None,)
                    for definition in definitions:
                        fig = resolver.figure(item, period, basis, side, definition)
                        if fig.value is None:
                            continue
                        values = {n: o.value for n, o in fig.observations().items()}
                        assert evaluate(fig.expr, values) == fig.value
                        checked += 1
    assert checked > 100


def test_a_sum_keeps_its_parts_and_its_expression() -> None:
    fig = resolver_for(embedded_dataset()).figure("goods_and_services", "2021")
    assert (fig.value, fig.how) == (16701 - 42316, "sum of parts")
    assert [item for item, _ in fig.parts] == ["goods", "services"]
    assert sorted(fig.observations()) == [
        "JPN|CY|2021|goods||net|revised-2023-02",
        "JPN|CY|2021|services||net|revised-2023-02",
    ]


def test_one_vintage_beats_a_mix_of_vintages() -> None:
    # stored first-release receipts (derived 37,103) against debit (preliminary) + net (published)
    fig = resolver_for(embedded_dataset()).digital("2023", side="credit")
    assert (fig.value, fig.vintages, fig.mixed) == (37103, ("derived",), False)


def test_a_mix_is_used_when_it_is_the_only_figure_and_says_so() -> None:
    data = read_dataset_text(
        f"{HEADER}\n"
        "JPN,CY,2024,travel,,credit,90000,oku_yen,1,preliminary,A\n"
        "JPN,CY,2024,travel,,debit,31000,oku_yen,1,revised-2025-02,B\n",
        "mix.csv",
    )
    fig = Resolver(data).figure("travel", "2024")
    assert (fig.value, fig.how, fig.mixed) == (59000, "credit - debit", True)
    assert fig.vintages == ("preliminary", "revised-2025-02")


@pytest.mark.parametrize(
    ("item", "period", "definition", "latest", "first"),
    [
        ("digital", "2024", "mof3", -68000, -66506),
        ("digital", "2024", "narrow", -67000, -64622),
        ("current_account", "2021", None, 215910, 154359),
        ("current_account", "2022", None, 107144, 114432),
        (
            "digital",
            "2014",
            "mof3",
            -21500,
            -21500,
        ),  # published; the analyst's -21,000 is no release
    ],
)
def test_latest_by_default_first_release_on_request(
    item: str, period: str, definition: str | None, latest: float, first: float
) -> None:
    data = embedded_dataset()
    assert resolver_for(data).figure(item, period, "CY", "net", definition).value == latest
    assert resolver_for(data, release=FIRST).figure(
        item, period, "CY", "net", definition
    ).value == (first)


def test_first_release_rule() -> None:
    assert first_release(["analyst", "preliminary", "revised-2025-07"]) == 1
    assert first_release(["analyst", "published", "revised-2025-07"]) == 1
    assert first_release(["analyst", "derived"]) == 1
    assert first_release(["analyst"]) == 0


def test_a_resolver_per_dataset_and_release() -> None:
    data = embedded_dataset()
    assert resolver_for(data) is resolver_for(data, "jpn", "latest")
    assert resolver_for(data, release=FIRST) is not resolver_for(data)
    assert not hasattr(data, "memo")
