"""The observation: one published figure with its provenance (the dataset file's row)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from digital_deficit.core.definitions import DEFINITIONS
from digital_deficit.core.items import AGGREGATE_ITEMS, SIDES, get_item
from digital_deficit.core.periods import BASES, Period, parse_period
from digital_deficit.data.vintage import vintage_rank

UNITS: dict[str, str] = {
    "oku_yen": "100 million yen (oku yen)",
    "usd_million": "million US dollars",
}

Key = tuple[str, str, str, str, str, str]
"""(country, basis, period, item, definition, side): what a figure is, whatever its vintage."""


class Observation(BaseModel):
    """One figure: what it measures, its value and unit, how exact it is, and where it is from."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    country: str
    basis: str
    period: str
    item: str
    definition: str = ""
    side: str = "net"
    value: float
    unit: str = "oku_yen"
    precision: float = 1.0
    vintage: str
    source: str

    @field_validator("country")
    @classmethod
    def _country(cls, v: str) -> str:
        if len(v) != 3 or not v.isalpha() or not v.isupper():
            raise ValueError(f"{v!r} is not an ISO 3166 alpha-3 country code such as JPN")
        return v

    @field_validator("basis")
    @classmethod
    def _basis(cls, v: str) -> str:
        if v not in BASES:
            raise ValueError(f"{v!r} is not a basis; expected one of {', '.join(BASES)}")
        return v

    @field_validator("item")
    @classmethod
    def _item(cls, v: str) -> str:
        return get_item(v).id

    @field_validator("side")
    @classmethod
    def _side(cls, v: str) -> str:
        if v not in SIDES:
            raise ValueError(f"{v!r} is not a side; expected one of {', '.join(SIDES)}")
        return v

    @field_validator("value")
    @classmethod
    def _finite(cls, v: float) -> float:
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError("must be a finite number")
        return v

    @field_validator("unit")
    @classmethod
    def _unit(cls, v: str) -> str:
        if v not in UNITS:
            raise ValueError(f"{v!r} is not a unit; expected one of {', '.join(UNITS)}")
        return v

    @field_validator("precision")
    @classmethod
    def _precision(cls, v: float) -> float:
        if not 0 < v < float("inf"):
            raise ValueError("must be a finite number above zero (1 for an exact published figure)")
        return v

    @field_validator("vintage")
    @classmethod
    def _vintage(cls, v: str) -> str:
        vintage_rank(v)
        return v

    @field_validator("source")
    @classmethod
    def _source(cls, v: str) -> str:
        if not v:
            raise ValueError("is empty; every figure needs its source")
        bad = next((c for c in v if (ord(c) < 32 and c != "\t") or ord(c) == 127), None)
        if bad is not None:
            raise ValueError(f"contains the control character {bad!r}; expected plain text")
        return v

    @field_validator("period")
    @classmethod
    def _period(cls, v: str, info: ValidationInfo) -> str:
        basis = info.data.get("basis")
        if basis is None:
            return v
        return str(parse_period(v, basis))

    @field_validator("definition")
    @classmethod
    def _definition(cls, v: str, info: ValidationInfo) -> str:
        item = info.data.get("item")
        if item in AGGREGATE_ITEMS and v not in DEFINITIONS:
            raise ValueError(
                f"item {item!r} needs a definition ({', '.join(DEFINITIONS)}), got {v!r}"
            )
        if item is not None and item not in AGGREGATE_ITEMS and v:
            raise ValueError(f"item {item!r} takes no definition, got {v!r}")
        return v

    @property
    def key(self) -> Key:
        """What the figure measures, without its vintage."""
        return (self.country, self.basis, self.period, self.item, self.definition, self.side)

    @property
    def period_obj(self) -> Period:
        """The period as a Period."""
        return parse_period(self.period, self.basis)

    @property
    def citation(self) -> str:
        """Source and vintage as one line for a cell comment or a footnote."""
        return f"{self.source} [{self.vintage}]"


def with_period_value(model: Observation, period: str, value: float) -> Observation:
    """A copy of a validated observation with another period and value, not validated again:
    the caller has checked both (a canonical period text, a finite float). Its fields share
    the model's (one copy of the source text, one set of the fields given; the model is
    frozen): what keeps large files small in memory, twice as fast as model_construct."""
    copy = model.model_copy(update={"period": period, "value": value})
    object.__setattr__(copy, "__pydantic_fields_set__", model.__pydantic_fields_set__)
    return copy
