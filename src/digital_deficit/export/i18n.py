"""Labels per language: one table each (``labels_en``, ``labels_ja``); writers look keys up and
never branch on the language.

Keys: sheet names, row and column labels, ``metric.<id>`` (a catalogue entry's label),
``short.<id>`` (its column title on the command line), ``cf.formula.<method>`` and
``cf.source.<method>`` (where a language words a cash-flow method's rule; otherwise the
catalogue's English), and ``msg.*``: the Cover's key messages as templates whose ``{field}``
parts the message writer fills (``export.messages``).
"""

from __future__ import annotations

from digital_deficit.core.catalogue import CASH_FLOW
from digital_deficit.core.definitions import Definition
from digital_deficit.core.errors import UnknownNameError
from digital_deficit.core.items import get_item
from digital_deficit.core.references import YEN_PER_DOUBLING
from digital_deficit.data.csvio import briefing_word
from digital_deficit.export.labels_en import EN
from digital_deficit.export.labels_ja import JA

TABLES: dict[str, dict[str, str]] = {"en": EN, "ja": JA}
LANGUAGES: tuple[str, ...] = tuple(TABLES)


def check_lang(lang: str) -> str:
    """Return the language id (en or ja) or raise UnknownNameError."""
    key = lang.strip().lower() if isinstance(lang, str) else lang
    if key not in TABLES:
        raise UnknownNameError("language", lang, LANGUAGES)
    return str(key)


class Labels:
    """Label lookup for one language: ``labels["title"]`` or ``labels.fmt("lead_in", year=...)``."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = check_lang(lang)
        self._table = TABLES[self.lang]

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def get(self, key: str, default: str) -> str:
        """The label, or ``default`` where this language has none of its own."""
        return self._table.get(key, default)

    def keys(self, prefix: str) -> list[str]:
        """The keys starting with ``prefix``, in the table's order."""
        return [k for k in self._table if k.startswith(prefix)]

    def fmt(self, key: str, **values: object) -> str:
        """The label with ``{name}`` fields filled in."""
        return self._table[key].format(**values)

    def metric(self, metric_id: str) -> str:
        """A catalogue entry's label (``metric.<id>``)."""
        return self._table[f"metric.{metric_id}"]

    def cf_formula(self, method_id: str) -> str:
        """A cash-flow method's formula in words, in this language."""
        entry = CASH_FLOW[method_id]
        return self.get(f"cf.formula.{entry.variant}", entry.formula)

    def cf_source(self, method_id: str) -> str:
        """Where a cash-flow method comes from (a citation; the user-assumption note translated)."""
        entry = CASH_FLOW[method_id]
        return self.get(f"cf.source.{entry.variant}", entry.source)

    def name(self, option_id: str) -> str:
        """The name of a definition, cash-flow method or projection method in this language
        (its id where the language uses the id)."""
        return self.get(f"name.{option_id}", option_id)

    def definition_source(self, definition: Definition) -> str:
        """Where a definition comes from, in this language where it has its own wording."""
        return self.get(f"def.source.{definition.id}", definition.source)

    def fx_note(self) -> str:
        """The yen-per-doubling assumption's citation, in this language."""
        fxa = YEN_PER_DOUBLING
        return self.fmt(
            "fx.citation", citation=fxa.citation, low=f"{fxa.low:g}", high=f"{fxa.high:g}"
        )

    def item(self, item_id: str) -> str:
        """An item's label in this language."""
        return get_item(item_id).label(self.lang)

    def vintage(self, vintage: str) -> str:
        """A vintage in this language's words (速報, 2025年7月改定; the code in English)."""
        return briefing_word("vintage", vintage, self.lang)

    def word(self, field: str, code: str) -> str:
        """A basis, side or unit code in this language's words (the Data table's)."""
        return briefing_word(field, code, self.lang)


OWN_WORDING = ("cf.formula.", "cf.source.", "short.", "name.", "def.source.")
"""Keys a language may leave out: the catalogue's English stands in for a cash-flow method's
wording and a definition's source, an id for its name (``name.<id>``); ``short.*`` are the
command line's (English) column titles."""


def missing_keys() -> dict[str, set[str]]:
    """Keys present in one language and not the other (empty when the tables agree)."""
    en = {k for k in EN if not k.startswith(OWN_WORDING)}
    ja = {k for k in JA if not k.startswith(OWN_WORDING)}
    return {"ja": en - ja, "en": ja - en}
