"""Published reference points and assumptions, each with its citation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReferencePoint:
    """A published projection or estimate: a rounded figure in oku yen with its source."""

    year: int
    item: str
    definition: str
    value_oku_yen: int
    precision_oku_yen: int
    label_en: str
    label_ja: str
    source: str
    source_ja: str = ""
    """The source in Japanese (the Japanese title of a Japanese source), where known."""

    def label(self, lang: str) -> str:
        """The label in ``lang`` (en or ja)."""
        return {"en": self.label_en, "ja": self.label_ja}[lang]

    def cited(self, lang: str) -> str:
        """The source in ``lang`` (the English citation where no Japanese one is known)."""
        return self.source_ja if lang == "ja" and self.source_ja else self.source


METI_SCENARIOS: tuple[ReferencePoint, ...] = (
    ReferencePoint(
        2030,
        "digital",
        "mof3",
        -100000,
        10000,
        "METI estimate (about ¥10T by 2030)",
        "経産省試算（2030年に約10兆円）",
        "METI estimate as reported; about the 2024 crude-oil import bill",
        "経済産業省の試算（報道による）。2024年の原油輸入額とほぼ同じ",
    ),
    ReferencePoint(
        2030,
        "computer_services",
        "",
        -80000,
        10000,
        "METI meeting: computer services about ¥8T by 2030",
        "経産省会合資料：コンピュータサービス約8兆円（2030年）",
        "METI study-group material as reported",
        "経済産業省の研究会資料（報道による）",
    ),
    ReferencePoint(
        2035,
        "digital",
        "mof3",
        -180000,
        10000,
        "METI 2025 report, base case (≈¥18T)",
        "経産省2025年報告 基本ケース（約18兆円）",
        "METI digital economy report 2025, base scenario",
        "経済産業省「デジタル経済レポート」（2025年）基本シナリオ",
    ),
    ReferencePoint(
        2035,
        "digital",
        "mof3",
        -280000,
        10000,
        "METI 2025 report, pessimistic case (≈¥28T)",
        "経産省2025年報告 悲観ケース（約28兆円）",
        "METI digital economy report 2025, pessimistic scenario",
        "経済産業省「デジタル経済レポート」（2025年）悲観シナリオ",
    ),
)


@dataclass(frozen=True)
class Assumption:
    """A user assumption with the published figure it comes from."""

    name: str
    low: float
    high: float
    default: float
    unit: str
    citation: str


YEN_PER_DOUBLING = Assumption(
    "yen_per_doubling",
    5.0,
    6.0,
    5.5,
    "yen per US dollar of depreciation per doubling of the digital deficit",
    "Mizuho Research & Technologies estimate quoted by Nikkei Asian Review (via the seed "
    "article): doubling the digital deficit from its 2023 level adds ¥5-6 of yen depreciation "
    "against the dollar. The original study was not found: a user assumption, not an "
    "established elasticity.",
)
