"""Series -> items: the BP01 codes and, as a fallback, the official names as the BoJ writes them.

The real BP01 getMetadata of 2026-02 (fixtures/bp01_metadata_2026-02.csv.gz, 17,989 series)
drives the main tests, in English and in Japanese.
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from digital_deficit.data.boj.catalogue import BP01_CODES, DEFAULT_ITEMS, NOT_IN_BP01
from digital_deficit.data.boj.fetch import monthly_candidates
from digital_deficit.data.boj.models import BojMetadata
from digital_deficit.data.boj.resolve import BY_CODE, BY_NAME, resolve_series
from digital_deficit.data.importers.names import classify_header, classify_name

CATALOGUE = Path(__file__).parent / "fixtures" / "bp01_metadata_2026-02.csv.gz"

# Every item and side `fetch boj` asks for by default, with the monthly code the real
# catalogue holds it under (checked by hand against the names, English and Japanese).
PINNED: dict[tuple[str, str], str] = {
    ("current_account", "net"): "BPBP6JYNCB",
    ("goods_and_services", "net"): "BPBP6JYNTS",
    ("goods", "net"): "BPBP6JYNTB",
    ("goods", "credit"): "BPBP6JYNEX",
    ("goods", "debit"): "BPBP6JYNIM",
    **{
        (item, side): f"BPBP6JYN{prefix}{mark}{suffix}"
        for item, prefix, suffix in (
            ("services", "S", ""),
            ("travel", "S", "2"),
            ("ip_charges", "S", "906"),
            ("copyright_royalties", "S", "9062"),
            ("ict_services", "S", "907"),
            ("telecom_services", "S", "9071"),
            ("computer_services", "S", "9072"),
            ("information_services", "S", "9073"),
            ("consulting", "S", "9082"),
            ("primary_income", "PI", ""),
            ("direct_investment_income", "PI", "21"),
            ("reinvested_earnings", "PI", "2112"),
            ("portfolio_investment_income", "PI", "22"),
            ("bond_interest", "PI", "222"),
            ("secondary_income", "SI", ""),
        )
        for side, mark in (("net", "N"), ("credit", "C"), ("debit", "D"))
    },
}


def _catalogue(lang: str) -> list[BojMetadata]:
    """The real getMetadata as the client reads it (names in ``lang``, the other second)."""
    with gzip.open(CATALOGUE, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    first, second = ("name_en", "name_j") if lang == "en" else ("name_j", "name_en")
    unit = "unit_en" if lang == "en" else "unit_j"
    return [
        BojMetadata(
            code=r["series_code"],
            name=r[first],
            other_names=(r[second],),
            unit=r[unit],
            frequency=r["frequency"],
        )
        for r in rows
    ]


@pytest.mark.slow
def test_the_real_catalogue_has_17989_series_and_every_pinned_code() -> None:
    metadata = _catalogue("en")
    assert len(metadata) == 17_989
    monthly = {m.code for m in metadata if m.frequency == "MONTHLY"}
    assert set(PINNED.values()) <= monthly
    assert {v: k for k, v in PINNED.items()} == BP01_CODES
    assert set(DEFAULT_ITEMS) == {item for item, _ in PINNED}
    assert set(NOT_IN_BP01) == {"crude_oil_imports", "digital"}


@pytest.mark.parametrize("lang", ["en", "jp"])
@pytest.mark.parametrize("known_codes", [True, False], ids=["by code", "by name only"])
@pytest.mark.slow
def test_the_whole_real_catalogue_resolves_to_the_pinned_codes(
    lang: str, known_codes: bool
) -> None:
    """Codes first; the names alone (English or Japanese only) give the same series."""
    metadata = _catalogue(lang)
    if not known_codes:  # the name fallback on its own, in one language
        metadata = [m.model_copy(update={"other_names": ()}) for m in metadata]
    result = resolve_series(
        monthly_candidates(metadata), wanted_items=DEFAULT_ITEMS, known_codes=known_codes
    )
    assert {(m.item, m.side): m.code for m in result.matches} == PINNED
    assert {m.how for m in result.matches} == {BY_CODE if known_codes else BY_NAME}
    assert (result.ambiguous, result.missing, result.notes) == ({}, [], [])


@pytest.mark.slow
def test_twins_are_never_candidates() -> None:
    """Seasonally adjusted twins and rearranged historical tables carry the same names with a
    mark: they match nothing. In the real catalogue the names match monthly series only; a
    quarterly or annual series with a monthly one's name is no candidate either."""
    metadata = _catalogue("en")
    every = resolve_series((m.code, (m.name, *m.other_names)) for m in metadata)
    assert {m.code for m in every.matches} == set(PINNED.values())
    twins = {m.code: m.name for m in metadata if m.code in ("BPBP6JYACBX12", "BPBP6RAJYNSN9062")}
    assert twins == {
        "BPBP6JYACBX12": "Current account/Net balance (Seasonally-adjusted)",
        "BPBP6RAJYNSN9062": "(Data Rearranged Based on the BPM6)Services/Other Services/Charges "
        "for the use of intellectual property n.i.e./Charges for the use of copyrights "
        "n.i.e./Net balance",
    }
    quarterly = BojMetadata(code="Q1", name="Current account/Net balance",
                            unit="100 million Yen", frequency="QUARTERLY")  # fmt: skip
    billions = BojMetadata(code="B1", name="Services/Travel/Credit", unit="Billion Yen",
                           frequency="MONTHLY")  # fmt: skip
    assert monthly_candidates([quarterly, billions, *metadata[:1]]) == [
        ("BPBP6JYNCB", ("Current account/Net balance", "経常収支"))
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the real catalogue's names and quirks
        ("Current account/Net balance", ("current_account", "net")),
        ("経常収支", ("current_account", "net")),  # top level, no side
        ("貿易・サービス収支", ("goods_and_services", "net")),
        ("Goods/Exports", ("goods", "credit")),
        ("貿易収支/輸入", ("goods", "debit")),
        ("Secondary income /Net balance", ("secondary_income", "net")),  # space before /
        ("第二次所得/受取", ("secondary_income", "credit")),
        (
            "Primary income/Investment income/Direct investmentNet balance",
            ("direct_investment_income", "net"),
        ),  # side glued to the item
        ("第一次所得/投資収益/直接投資収益/ネット", ("direct_investment_income", "net")),
        (
            "Primary income/Investment income/Portfolio investment/Interest/Debit",
            ("bond_interest", "debit"),
        ),
        ("Primary income/Investment income/Other investment/Interest/Debit", None),
        (
            "Primary income/Investment income/Portfolio investment/Credit",
            ("portfolio_investment_income", "credit"),
        ),
        (
            "Services/Other services/Charges for the use of intellectual property n.i.e./"
            "Charges for the use of copyrights n.i.e./Net balance",
            ("copyright_royalties", "net"),
        ),
        (
            "サービス/その他サービス/知的財産権等使用料/著作権等使用料/受取",
            ("copyright_royalties", "credit"),
        ),
        (
            "サービス/その他サービス/通信・コンピュータ・情報サービス/コンピュータサービス/ネット",
            ("computer_services", "net"),
        ),
        (
            "(Data Rearranged Based on the BPM6)Services/Other Services/Charges for the use of "
            "intellectual property n.i.e./Charges for the use of copyrights n.i.e./Net balance",
            None,
        ),
        ("（6版組替）サービス/その他サービス/知的財産権等使用料/著作権等使用料/ネット", None),
        # other wordings, and what must not match
        ("Services/Travel/Credit", ("travel", "credit")),
        (
            "Services/Other business services/Professional and management consulting "
            "services/Net balance",
            ("consulting", "net"),
        ),
        ("Services/Computer services/Credit", ("computer_services", "credit")),
        ("第一次所得収支/投資収益/証券投資収益/債券利子/収支", ("bond_interest", "net")),
        ("サービス収支／著作権等使用料／受取", ("copyright_royalties", "credit")),  # full-width /
        ("Services/Computer services/Computer software/Credit", None),  # a deeper child
        ("Current account/Net balance (seasonally adjusted)", None),
        ("経常収支/収支（季節調整済）", None),
        ("Financial account/Direct investment/Net", None),
        ("Financial account/Direct investment/Reinvested earnings/Net", None),  # not income
        ("金融収支/直接投資/再投資収益/ネット", None),
        ("Goods & services/Services/Credit", None),  # a child of goods & services
        ("貿易・サービス収支/サービス収支/受取", None),
        ("Travel/Net balance", None),  # no Services heading: where it sits is unknown
        ("Primary income/Investment income/Reinvested earnings", ("reinvested_earnings", "net")),
        ("Interest/Net balance", None),
        ("", None),
    ],
)
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
            (
                "X3",
                "Services/Telecommunications, computer and information services/"
                "Computer services/Net balance",
            ),
            ("X4", "Widgets/Net"),
        ],
        wanted_items=["ict_services", "computer_services", "consulting"],
    )
    assert [(m.code, m.item, m.how) for m in result.matches] == [
        ("BPBP6JYNSN907", "ict_services", BY_CODE)
    ]
    assert [m.code for m in result.ambiguous[("computer_services", "net")]] == ["X2", "X3"]
    assert result.missing == [("consulting", "any side")]
    table = result.table()
    assert "AMBIGUOUS computer_services net: X2, X3" in table
    assert "not found: consulting any side" in table


def test_names_that_disagree_and_a_code_its_name_contradicts_are_reported() -> None:
    result = resolve_series(
        [
            ("X1", ("Services/Travel/Credit", "サービス/旅行/支払")),
            ("BPBP6JYNSN2", ("Services/Travel/Debit",)),
        ]
    )
    assert [(m.code, m.item, m.side) for m in result.matches] == [("BPBP6JYNSN2", "travel", "net")]
    assert result.notes == [
        "X1: its names 'Services/Travel/Credit' / 'サービス/旅行/支払' name different items; "
        "skipped",
        "BPBP6JYNSN2 is travel net by its BP01 code but its name says travel debit",
    ]


def test_ambiguous_items_are_left_out_with_a_warning() -> None:
    result = resolve_series(
        [
            ("X2", "Services/Computer services/Net balance"),
            (
                "X3",
                "Services/Telecommunications, computer and information services/"
                "Computer services/Net balance",
            ),
            ("X5", "Services/Travel/Credit"),
        ]
    )
    assert [m.code for m in result.matches] == ["X5"]
    assert result.ambiguity_warnings() == [
        "computer_services net is named by 2 series (X2 'Services/Computer services/Net "
        "balance', X3 'Services/Telecommunications, computer and information services/Computer "
        "services/Net balance'); skipped (nothing guessed)"
    ]
