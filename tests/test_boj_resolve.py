"""Series names -> items: official English and Japanese names, never a guess."""

from __future__ import annotations

import pytest

from digital_deficit.data.boj.resolve import resolve_series
from digital_deficit.data.importers.names import classify_header, classify_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Current account/Net balance", ("current_account", "net")),
        ("Services/Travel/Credit", ("travel", "credit")),
        (
            "Services/Charges for the use of intellectual property n.i.e./"
            "Copyright-related royalties/Debit",
            ("copyright_royalties", "debit"),
        ),
        (
            "Services/Other business services/Professional and management consulting "
            "services/Net balance",
            ("consulting", "net"),
        ),
        ("Services/Computer services/Credit", ("computer_services", "credit")),
        ("Primary income/Direct investment income/Reinvested earnings/Net balance",
         ("reinvested_earnings", "net")),
        ("第一次所得収支/投資収益/証券投資収益/債券利子/収支", ("bond_interest", "net")),
        ("サービス収支／著作権等使用料／受取", ("copyright_royalties", "credit")),  # full-width /
        ("サービス収支/通信・コンピュータ・情報サービス/支払", ("ict_services", "debit")),
        ("経常収支", ("current_account", "net")),
        ("Services/Computer services/Computer software/Credit", None),  # a deeper child
        ("Current account/Net balance (seasonally adjusted)", None),
        ("経常収支/収支（季節調整済）", None),
        ("Financial account/Direct investment/Net", None),
        ("Financial account/Direct investment/Reinvested earnings/Net", None),  # not income
        ("金融収支/直接投資/再投資収益/ネット", None),
        ("Goods & services/Services/Credit", None),  # a child of goods & services
        ("貿易・サービス収支/サービス収支/受取", None),
        ("Goods & services/Net balance", ("goods_and_services", "net")),
        ("貿易・サービス収支/収支", ("goods_and_services", "net")),
        ("Travel/Net balance", None),  # no Services heading: where it sits is unknown
        ("Primary income/Investment income/Reinvested earnings", ("reinvested_earnings", "net")),
        ("", None),
    ],
)  # fmt: skip
def test_classify_name(name: str, expected: tuple[str, str] | None) -> None:
    assert classify_name(name) == expected


def test_classify_header_takes_the_lowest_item_and_any_side() -> None:
    assert classify_header(["著作権等使用料", "支払", "Debit"]) == ("copyright_royalties", "debit")
    assert classify_header(["貿易・サービス収支", "貿易収支", "Goods"]) == ("goods", "net")
    assert classify_header(["年月 / Period"]) is None


def test_known_codes_win_and_equal_matches_are_ambiguous() -> None:
    result = resolve_series(
        [
            ("BPBP6JYNSN907", "anything"),
            ("X1", "Services/Telecommunications, computer, and information services/Net balance"),
            ("X2", "Services/Computer services/Net balance"),
            ("X3", "Services/Telecommunications, computer and information services/"
                   "Computer services/Net balance"),
            ("X4", "Widgets/Net"),
        ],
        wanted_items=["ict_services", "computer_services", "consulting"],
    )  # fmt: skip
    assert [(m.code, m.item, m.how) for m in result.matches] == [
        ("BPBP6JYNSN907", "ict_services", "known BP01 code")
    ]
    assert [m.code for m in result.ambiguous[("computer_services", "net")]] == ["X2", "X3"]
    assert result.missing == [("consulting", "any side")]
    table = result.table()
    assert "AMBIGUOUS computer_services net: X2, X3" in table
    assert "not found: consulting any side" in table


def test_ambiguous_items_are_left_out_with_a_warning() -> None:
    result = resolve_series(
        [
            ("X2", "Services/Computer services/Net balance"),
            ("X3", "Services/Telecommunications, computer and information services/"
                   "Computer services/Net balance"),
            ("X5", "Services/Travel/Credit"),
        ]
    )  # fmt: skip
    assert [m.code for m in result.matches] == ["X5"]
    assert result.ambiguity_warnings() == [
        "computer_services net is named by 2 series (X2 'Services/Computer services/Net "
        "balance', X3 'Services/Telecommunications, computer and information services/Computer "
        "services/Net balance'); skipped (nothing guessed)"
    ]
