"""The choices behind one briefing workbook (what the CLI flags and scenario files set)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from digital_deficit.core.current_account import CF_METHOD_IDS, DEFAULT_CF_METHOD
from digital_deficit.core.definitions import DEFAULT_DEFINITION, DEFINITIONS
from digital_deficit.core.periods import check_basis
from digital_deficit.core.projection import check_projection_method
from digital_deficit.core.references import YEN_PER_DOUBLING
from digital_deficit.export.i18n import check_lang

DEFAULT_TARGET_YEAR = 2030
FX_BASE_YEAR = 2023


def _one_of(value: str, allowed: tuple[str, ...] | list[str], what: str) -> str:
    key = value.strip().lower()
    if key not in allowed:
        raise ValueError(f"{value!r} is not a {what}; expected one of: {', '.join(allowed)}")
    return key


class BriefOptions(BaseModel):
    """Everything that shapes a briefing; defaults give the README's briefing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    data: str | None = None
    basis: str = "CY"
    start: int | None = Field(default=None, ge=1850, le=2100)
    end: int | None = Field(default=None, ge=1850, le=2100)
    definition: str = DEFAULT_DEFINITION
    cf_method: str = DEFAULT_CF_METHOD
    repatriation_share: float | None = Field(default=None, ge=0.0, le=1.0)
    projection_method: str = "cagr"
    target_year: int | None = Field(default=None, ge=1851, le=2100)
    yen_per_doubling: float = Field(default=YEN_PER_DOUBLING.default, ge=0.0, le=100.0)
    lang: str = "en"
    author: str = "digital-deficit"

    @field_validator("basis")
    @classmethod
    def _basis(cls, v: str) -> str:
        basis = v.strip().upper()
        if basis not in ("CY", "FY"):
            raise ValueError(f"{v!r} is not a basis; expected CY or FY")
        return check_basis(basis)

    @field_validator("definition")
    @classmethod
    def _definition(cls, v: str) -> str:
        return _one_of(v, tuple(DEFINITIONS), "definition")

    @field_validator("cf_method")
    @classmethod
    def _cf_method(cls, v: str) -> str:
        return _one_of(v, CF_METHOD_IDS, "cash-flow method")

    @field_validator("projection_method")
    @classmethod
    def _projection(cls, v: str) -> str:
        _one_of(v, ("cagr", "linear"), "projection method")
        return check_projection_method(v)

    @field_validator("lang")
    @classmethod
    def _lang(cls, v: str) -> str:
        _one_of(v, ("en", "ja"), "language")
        return check_lang(v)

    @model_validator(mode="after")
    def _consistent(self) -> BriefOptions:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        if self.cf_method == "repatriation" and self.repatriation_share is None:
            raise ValueError("cf_method repatriation needs repatriation_share (0 to 1)")
        return self
