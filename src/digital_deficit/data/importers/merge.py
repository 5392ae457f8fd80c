"""An imported dataset against the embedded one: units must agree; what would be replaced."""

from __future__ import annotations

from digital_deficit.data.dataset import Dataset, MergeReport
from digital_deficit.data.importers.errors import ImportFileError


def check_units_against(base: Dataset, imported: Dataset, path: str) -> None:
    """ImportFileError when a country's imported unit differs from the unit held for it.

    Checked per country, not per figure: a net derived from dollar credits and debits must
    never sit beside yen figures of the same country.
    """
    held: dict[str, str] = {}
    for obs in base:
        held.setdefault(obs.country, obs.unit)
    for obs in imported:
        unit = held.get(obs.country)
        if unit is not None and unit != obs.unit:
            raise ImportFileError(
                path,
                None,
                f"{obs.country} figures are in {obs.unit} here but in {unit} in the embedded "
                "dataset; expected the same unit (units are never mixed)",
            )


def full_number(value: float) -> str:
    """Every digit of a figure with thousands separators (15988.45732161 -> 15,988.45732161)."""
    if value.is_integer():
        return f"{int(value):,}"
    return format(value, ",")


def merge_lines(report: MergeReport, limit: int = 10) -> list[str]:
    """The summary and the first ``limit`` superseded figures, for a terminal."""
    lines = [f"Merged with the embedded dataset: {report.summary()}"]
    for rep in report.replaced[:limit]:
        old, new = rep.old, rep.new
        lines.append(
            f"  {old.basis} {old.period} {old.item}{'/' + old.definition if old.definition else ''}"
            f" {old.side}: {full_number(old.value)} [{old.vintage}] -> "
            f"{full_number(new.value)} [{new.vintage}]"
        )
    if len(report.replaced) > limit:
        lines.append(f"  ... and {len(report.replaced) - limit} more")
    return lines
