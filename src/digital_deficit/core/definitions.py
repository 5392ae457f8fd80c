"""Definitions of the digital deficit: which items make up the digital balance."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from digital_deficit.core.errors import InputError, UnknownNameError
from digital_deficit.core.items import AGGREGATE_ITEMS, ITEM_IDS, get_item


@dataclass(frozen=True)
class Definition:
    """A named set of items whose net balances add up to the digital balance."""

    id: str
    items: tuple[str, ...]
    label_en: str
    label_ja: str
    source: str

    def label(self, lang: str) -> str:
        """The label in ``lang`` (en or ja)."""
        return {"en": self.label_en, "ja": self.label_ja}[lang]


MOF3 = Definition(
    "mof3",
    ("copyright_royalties", "ict_services", "consulting"),
    "Copyright royalties + telecom, computer and information services + consulting",
    "著作権等使用料＋通信・コンピュータ・情報サービス＋専門・経営コンサルティングサービス",
    "MOF releases as reported by Jiji; BoJ Review 2023 (same total in five parts)",
)
NARROW = Definition(
    "narrow",
    ("copyright_royalties", "computer_services", "consulting"),
    "Copyright royalties + computer services + consulting",
    "著作権等使用料＋コンピュータサービス＋専門・経営コンサルティングサービス",
    "Nikkei's own tally, Kyodo, Digital Agency, MIC white paper headline",
)
DEFINITIONS: dict[str, Definition] = {d.id: d for d in (MOF3, NARROW)}
DEFINITION_IDS: tuple[str, ...] = (*DEFINITIONS, "custom")
DEFAULT_DEFINITION = "mof3"


def custom_definition(items: Iterable[str]) -> Definition:
    """A user-named set of item ids (for example an analyst's reclassification).

    A problem names the definition and the item's place in the list ("item 2 repeats ...").
    """
    chosen: list[str] = []
    for position, item_id in enumerate(items, start=1):
        if not isinstance(item_id, str) or not item_id.strip():
            raise InputError("definition", "is blank; expected an item id", position, "item")
        item = get_item(item_id.strip())
        if item.id in AGGREGATE_ITEMS:
            raise InputError(
                "definition", f"is {item.id!r}, an aggregate; name its parts", position, "item"
            )
        if item.id in chosen:
            raise InputError("definition", f"repeats {item.id!r}", position, "item")
        chosen.append(item.id)
    if not chosen:
        raise InputError("definition", "names no item; a custom definition needs at least one")
    return Definition(
        "custom",
        tuple(chosen),
        " + ".join(chosen),
        "＋".join(get_item(i).label_ja for i in chosen),
        "user-defined",
    )


def get_definition(definition: str | Definition | Iterable[str] = DEFAULT_DEFINITION) -> Definition:
    """Resolve a definition id (mof3, narrow), a Definition, or a list of item ids (custom)."""
    if isinstance(definition, Definition):
        return definition
    if isinstance(definition, str):
        key = definition.strip().lower()
        if key in DEFINITIONS:
            return DEFINITIONS[key]
        if "," in key or "+" in key or key in ITEM_IDS:
            return custom_definition(p.strip() for p in key.replace("+", ",").split(","))
        if key == "custom":
            raise InputError(
                "definition",
                "is 'custom'; name the items instead, separated by commas "
                "(e.g. computer_services,consulting)",
            )
        raise UnknownNameError("definition", definition, DEFINITION_IDS)
    return custom_definition(definition)
