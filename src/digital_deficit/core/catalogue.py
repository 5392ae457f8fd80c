"""The metric catalogue: one entry per metric, read by the core, the Excel functions, the CLI and
the briefing workbook.

An entry (``core.metric.Metric``) names its inputs (balance-of-payments items, other metrics or
parameters), its rule as an expression (``core.expr``), its unit and display style, and its Excel
help text; its label is ``metric.<id>`` in each language's label table. The entries live in
``catalogue_digital`` and ``catalogue_accounts``; adding a metric is adding an entry there and
its labels (and, if wanted, an Excel function in ``udfs``).
"""

from __future__ import annotations

from collections.abc import Iterable

from digital_deficit.core.catalogue_accounts import (
    ACCOUNT_ENTRIES,
    CASH_FLOW_FAMILY,
    SIDE_RULES,
)
from digital_deficit.core.catalogue_digital import (
    DIGITAL_ENTRIES,
    DIGITAL_SHEET,
    GROWTH_ENTRIES,
    HEADLINE,
    SUMMARY,
    TABLE,
    digital_sum,
    parts_sum,
)
from digital_deficit.core.catalogue_release import RELEASE_ENTRIES
from digital_deficit.core.errors import UnknownNameError
from digital_deficit.core.metric import Family, Metric

__all__ = [
    "CASH_FLOW",
    "CATALOGUE",
    "DIGITAL_SHEET",
    "FAMILIES",
    "HEADLINE",
    "SIDE_RULES",
    "SUMMARY",
    "TABLE",
    "digital_sum",
    "get_metric",
    "headline",
    "member",
    "parts_sum",
    "tagged",
]

CATALOGUE: dict[str, Metric] = {
    m.id: m
    for m in (
        *DIGITAL_ENTRIES,
        *GROWTH_ENTRIES,
        *ACCOUNT_ENTRIES,
        *SIDE_RULES.values(),
        *RELEASE_ENTRIES,
    )
}
FAMILIES: dict[str, Family] = {f.name: f for f in (CASH_FLOW_FAMILY,)}
CASH_FLOW: dict[str, Metric] = CASH_FLOW_FAMILY.members


def get_metric(metric_id: str) -> Metric:
    """The catalogue entry with this id, or UnknownNameError."""
    try:
        return CATALOGUE[metric_id]
    except KeyError:
        raise UnknownNameError("metric", metric_id, tuple(CATALOGUE)) from None


def member(metric_id: str, choices: dict[str, str]) -> Metric:
    """An entry, or the member of a family the options pick (``choices``: option -> value)."""
    family = FAMILIES.get(metric_id)
    if family is None:
        return get_metric(metric_id)
    return family.member(choices.get(family.option, family.default))


def tagged(tag: str, entries: Iterable[Metric] | None = None) -> tuple[Metric, ...]:
    """Entries carrying ``tag``, in catalogue order."""
    return tuple(m for m in (entries or CATALOGUE.values()) if tag in m.tags)


def headline(cf_method: str, tag: str = HEADLINE) -> tuple[tuple[str, Metric], ...]:
    """The metrics columns (entries tagged ``tag``) in order, as (column id, entry): a family
    appears once under its name, as the member the options pick (``cf_method``...)."""
    choices = {"cf_method": cf_method}
    out: list[tuple[str, Metric]] = []
    for entry in tagged(tag):
        if not entry.family:
            out.append((entry.id, entry))
        elif entry is member(entry.family, choices):
            out.append((entry.family, entry))
    return tuple(out)
