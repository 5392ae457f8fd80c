"""The choices behind one briefing workbook: the computation's options (``data.options``) and
the briefing's own (projection, FX assumption, language, author). One model gives the CLI flags
of `brief`, the keys of scenario files and the input rows of the Assumptions sheet."""

from __future__ import annotations

from pydantic import field_validator, model_validator

from digital_deficit.core.projection import PROJECTION_METHODS
from digital_deficit.core.references import YEN_PER_DOUBLING
from digital_deficit.data.options import (
    MetricOptions,
    OptionProblem,
    field_meta,
    number_between,
    option,
)
from digital_deficit.export.i18n import LANGUAGES

DEFAULT_TARGET_YEAR = 2030
FX_BASE_YEAR = 2023


class BriefOptions(MetricOptions):
    """Everything that shapes a briefing; defaults give the README's briefing."""

    projection_method: str = option(
        "cagr",
        "--projection-method",
        "cagr (compound growth, default) or linear (least-squares trend)",
        choices=PROJECTION_METHODS,
        sheet="Projection_Method",
    )
    target_year: int | None = option(
        None,
        "--target-year",
        f"projection target year (default {DEFAULT_TARGET_YEAR})",
        metavar="YEAR",
        type="year",
        sheet="Target_Year",
    )
    yen_per_doubling: float = option(
        YEN_PER_DOUBLING.default,
        "--yen-per-doubling",
        f"FX assumption (default {YEN_PER_DOUBLING.default:g}; published range "
        f"{YEN_PER_DOUBLING.low:g}-{YEN_PER_DOUBLING.high:g})",
        metavar="YEN",
        type="float",
        sheet="Yen_Per_Doubling",
        bounds=(0, 100),
    )
    lang: str = option("en", "--lang", "language of the workbook", choices=LANGUAGES)
    author: str = option("digital-deficit", "--author", "document author property")
    # release day (issue 9): other countries and the PDF
    compare: str | None = option(
        None,
        "--compare",
        "other countries beside Japan, ISO codes separated by commas (DEU,USA,KOR): a "
        "Countries sheet from the IMF figures in --data",
        metavar="ISO3,...",
    )
    usdjpy: float | None = option(
        None,
        "--usdjpy",
        "yen per US dollar converting Japan's figures on the Countries sheet (unless --data "
        "holds Japan's IMF figures in US dollars)",
        metavar="RATE",
        type="float",
        bounds=(1, 1000),
    )
    pdf: bool = option(
        False,
        "--pdf",
        "also write NAME.pdf beside the workbook (LibreOffice headless; default: no PDF)",
        type="flag",
    )

    @field_validator("projection_method")
    @classmethod
    def _projection(cls, v: str) -> str:
        key = v.strip().lower()
        if key not in PROJECTION_METHODS:
            raise OptionProblem(
                "projection_method",
                f"{v!r} is not a projection method; expected one of: "
                + ", ".join(PROJECTION_METHODS),
            )
        return key

    @field_validator("target_year")
    @classmethod
    def _target(cls, v: int | None) -> int | None:
        if v is not None and not 1851 <= v <= 2100:
            raise OptionProblem("target_year", f"{v} is not a year from 1851 to 2100")
        return v

    @field_validator("yen_per_doubling")
    @classmethod
    def _yen(cls, v: float) -> float:
        low, high = field_meta(BriefOptions, "yen_per_doubling")["bounds"]
        number_between("yen_per_doubling", v, low, high)
        return v

    @field_validator("lang")
    @classmethod
    def _lang(cls, v: str) -> str:
        key = v.strip().lower()
        if key not in LANGUAGES:
            raise OptionProblem(
                "lang", f"{v!r} is not a language; expected one of: {', '.join(LANGUAGES)}"
            )
        return key

    @field_validator("compare")
    @classmethod
    def _compare(cls, v: str | None) -> str | None:
        if v is None:
            return v
        codes = [c.strip().upper() for c in v.split(",") if c.strip()]
        bad = next((c for c in codes if len(c) != 3 or not c.isalpha() or not c.isascii()), None)
        if bad is not None or not codes:
            raise OptionProblem(
                "compare",
                f"{(bad or v)[:20]!r} is not a country; expected ISO 3166 alpha-3 codes "
                "separated by commas (e.g. DEU,USA,KOR)",
            )
        if len(codes) > 30:
            raise OptionProblem("compare", f"names {len(codes)} countries; at most 30")
        return ",".join(dict.fromkeys(codes))

    @field_validator("usdjpy")
    @classmethod
    def _usdjpy(cls, v: float | None) -> float | None:
        low, high = field_meta(BriefOptions, "usdjpy")["bounds"]
        return number_between("usdjpy", v, low, high)

    @model_validator(mode="after")
    def _rate_for_comparison(self) -> BriefOptions:
        if self.usdjpy is not None and self.compare is None:
            raise OptionProblem("usdjpy", "applies only with {compare}")
        return self

    @field_validator("author")
    @classmethod
    def _author(cls, v: str) -> str:
        bad = next((c for c in v if (ord(c) < 32 and c != "\t") or ord(c) == 127), None)
        if bad is not None:
            raise OptionProblem("author", f"contains the control character {bad!r}")
        if len(v) > 255:
            raise OptionProblem("author", f"has {len(v)} characters; at most 255")
        return v
