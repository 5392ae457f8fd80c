"""What a fetched or imported file can compute on its own: each definition of the digital
balance and each cash-flow method, with the item that is missing when it cannot.

Read from the core's own tables (core/definitions.py DEFINITIONS, core/current_account.py
CF_METHODS and CF_INPUT_ITEMS) and the figure resolver (a net from credit and debit, an item
from its parts count), never from a list restated here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from digital_deficit.core.catalogue import CASH_FLOW
from digital_deficit.core.current_account import CF_INPUT_ITEMS, CF_METHODS
from digital_deficit.core.definitions import DEFINITIONS
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.figures import digital_figure, item_figure
from digital_deficit.data.provenance import year_ranges


@dataclass(frozen=True)
class Capability:
    """One definition or method: the periods with every input, else the items missing."""

    metric: str
    """The catalogue id of what is computed: ``digital`` or the cash-flow family."""
    id: str
    periods: tuple[str, ...]
    missing: tuple[str, ...]
    assumption: str = ""

    def line(self, label: str) -> str:
        """One line for a terminal; ``label`` names the metric."""
        what = f"{label} {self.id}"
        if self.periods:
            extra = f" (with your {self.assumption})" if self.assumption else ""
            return f"  {what}: yes, {year_ranges(list(self.periods))}{extra}"
        if self.missing:
            return f"  {what}: no, missing {', '.join(self.missing)}"
        return f"  {what}: no, no period has every input"


def _bases(dataset: Dataset, country: str) -> tuple[str, list[str]]:
    """Calendar years when the file has any, else its months."""
    for basis in ("CY", "M"):
        periods = [str(p) for p in dataset.periods(basis, country)]
        if periods:
            return basis, periods
    return "CY", []


def capabilities(dataset: Dataset, country: str = "JPN") -> list[Capability]:
    """For each definition (mof3, narrow) and cash-flow method, what the dataset can compute."""
    basis, periods = _bases(dataset, country)

    def has(item: str, period: str) -> bool:
        return item_figure(dataset, item, period, basis, country=country).value is not None

    def missing(items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(i for i in items if not any(has(i, p) for p in periods))

    out: list[Capability] = []
    for definition in DEFINITIONS.values():
        able = tuple(
            p
            for p in periods
            if digital_figure(dataset, p, basis, definition, country=country).value is not None
        )
        out.append(Capability("digital", definition.id, able, missing(definition.items)))
    for method in CF_METHODS.values():
        needs = ("current_account", *method.needs)
        items = tuple(CF_INPUT_ITEMS[n] for n in needs if n in CF_INPUT_ITEMS)
        assumptions = [n.replace("_", " ") for n in needs if n not in CF_INPUT_ITEMS]
        able = tuple(p for p in periods if all(has(i, p) for i in items))
        out.append(
            Capability(
                CASH_FLOW[method.id].family,
                method.id,
                able,
                missing(items),
                " and ".join(assumptions),
            )
        )
    return out


def capability_lines(dataset: Dataset, label: Callable[[str], str]) -> list[str]:
    """The report printed after `fetch` and `import`, per country of the file; ``label`` gives
    the name of a metric from its catalogue id."""
    lines: list[str] = []
    for country in dataset.countries():
        basis, _ = _bases(dataset, country)
        where = "" if dataset.countries() == ["JPN"] else f" for {country}"
        lines.append(f"What this file can compute on its own{where} ({basis} periods):")
        lines += [c.line(label(c.metric)) for c in capabilities(dataset, country)]
    return lines
