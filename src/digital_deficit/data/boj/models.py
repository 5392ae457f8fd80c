"""Typed results of the BoJ API: the envelope, a data series, a metadata entry."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, StrictFloat, StrictInt, field_validator, model_validator


class BojSeries(BaseModel):
    """One series of a getDataCode/getDataLayer result (``values[i]`` is at ``survey_dates[i]``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    name: str
    other_names: tuple[str, ...] = ()
    """The name in the other language when the API sends both (lang=jp does)."""
    unit: str
    frequency: str
    category: str = ""
    last_update: int | None = None
    survey_dates: list[int]
    values: list[StrictFloat | StrictInt | None]
    """Numbers as JSON gives them: a boolean or a string is refused (never read as 1.0).

    The live API sends integers among decimals (``[1387782, 1412814.5]``): they are held as
    floats from here on, so nothing downstream meets an int where it expects a float.
    """

    @field_validator("values", mode="after")
    @classmethod
    def _as_floats(cls, values: list[float | int | None]) -> list[float | None]:
        return [None if v is None else float(v) for v in values]

    @model_validator(mode="after")
    def _aligned(self) -> BojSeries:
        if len(self.survey_dates) != len(self.values):
            raise ValueError(
                f"has {len(self.survey_dates)} SURVEY_DATES but {len(self.values)} VALUES"
            )
        return self


class BojMetadata(BaseModel):
    """One getMetadata entry (heading rows without a code are dropped by the parser)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    name: str
    other_names: tuple[str, ...] = ()
    unit: str = ""
    frequency: str = ""
    category: str = ""
    layers: tuple[str, ...] = ()
    start: str = ""
    end: str = ""
    last_update: str = ""


class BojResponse(BaseModel):
    """The envelope: the real status is ``status`` (whatever the HTTP status says)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    status: int
    message_id: str = ""
    message: str = ""
    date: str = ""
    next_position: int | None = None
    series: list[BojSeries] = []
    metadata: list[BojMetadata] = []
