"""Where shown figures came from: the user's data file or the older embedded figures.

Never a silent fallback: when a data file is given, every figure built on an embedded
observation instead of one from the file can be named. ``embedded_fallbacks`` picks those
observations; ``fallback_warning`` says it in one line (the CLI prints it; a briefing's
Cover and Data sheet can use it) and ``fallback_note`` in a few words for one figure (what
``DD_SOURCE`` puts before a citation).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from digital_deficit.data.dataset import Dataset
from digital_deficit.data.embedded import EMBEDDED_ORIGIN
from digital_deficit.data.model import Observation


def holds_data_file(dataset: Dataset) -> bool:
    """True when the dataset has a user's data file read on top of the embedded figures."""
    return dataset.file_origin != EMBEDDED_ORIGIN


def embedded_fallbacks(dataset: Dataset, observations: Iterable[Observation]) -> list[Observation]:
    """The observations (of those behind a shown figure) that come from the embedded figures
    although a data file was given; none when the dataset holds no data file. Each once."""
    if not holds_data_file(dataset):
        return []
    found: dict[int, Observation] = {}
    for obs in observations:
        if dataset.origin_of(obs) == EMBEDDED_ORIGIN:
            found.setdefault(id(obs), obs)
    return list(found.values())


def year_ranges(labels: list[str]) -> str:
    """ "2014, 2015, 2016, 2019" -> "2014-2016, 2019" (other periods listed as they are)."""
    out: list[str] = []
    run: list[int] = []
    for label in [*labels, ""]:
        if label.isdigit() and (not run or int(label) == run[-1] + 1):
            run.append(int(label))
            continue
        if run:
            out.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
        run = [int(label)] if label.isdigit() else []
        if label and not label.isdigit():
            out.append(label)
    return ", ".join(out)


@dataclass(frozen=True)
class Fallbacks:
    """Which figures used come from the embedded data although a data file was given."""

    count: int
    total: int
    file: str
    whole: list[str]
    """Periods whose every figure used is embedded."""
    partly: list[tuple[str, str, list[tuple[str, str]]]]
    """(basis, period, [(item, side)...]): the embedded figures of the other periods."""


def fallbacks(dataset: Dataset, observations: Iterable[Observation]) -> Fallbacks | None:
    """The figures used that come from the embedded data, not the data file, by period;
    None when nothing falls back (or no data file was given)."""
    used = list({id(o): o for o in observations}.values())
    found = embedded_fallbacks(dataset, used)
    if not found:
        return None
    by_period: dict[tuple[str, str], list[Observation]] = {}
    for obs in used:
        by_period.setdefault((obs.basis, obs.period), []).append(obs)
    fell = {id(o) for o in found}
    whole: list[str] = []
    partly: list[tuple[str, str, list[tuple[str, str]]]] = []
    for (basis, period), held in sorted(by_period.items()):
        embedded = [o for o in held if id(o) in fell]
        if not embedded:
            continue
        if len(embedded) == len(held):
            whole.append(period)
        else:
            items = list(dict.fromkeys((o.item, o.side) for o in embedded))
            partly.append((basis, period, items))
    return Fallbacks(len(found), len(used), dataset.file_origin, whole, partly)


def fallback_warning(dataset: Dataset, observations: Iterable[Observation]) -> str | None:
    """One line naming the figures used that come from the embedded data, not the data file.

    Periods whose every figure is embedded are listed as years; in the others, the items.
    None when nothing falls back (or no data file was given).
    """
    found = fallbacks(dataset, observations)
    if found is None:
        return None
    partly = [
        f"{basis} {period}: " + ", ".join(f"{item} {side}" for item, side in items)
        for basis, period, items in found.partly
    ]
    where = "; ".join(part for part in (year_ranges(found.whole), *partly) if part)
    return (
        f"{found.count} of the {found.total} figures used come from the embedded published "
        f"figures, not from {found.file} ({where})"
    )


def fallback_note(
    dataset: Dataset, observations: Iterable[Observation], given: str | None = None
) -> str | None:
    """A few words for one figure built on embedded observations although a data file (or a
    range: ``given`` names what the user gave) was read on top: "embedded figure, not from
    boj.csv", or "embedded figures for consulting debit, not from boj.csv" when only some of
    its inputs are embedded. None when nothing falls back."""
    used = list({id(o): o for o in observations}.values())
    fallbacks = embedded_fallbacks(dataset, used)
    if not fallbacks:
        return None
    where = given or dataset.file_origin
    if len(fallbacks) == len(used):
        return f"embedded figure, not from {where}"
    items = ", ".join(dict.fromkeys(f"{o.item} {o.side}" for o in fallbacks))
    return f"embedded figures for {items}, not from {where}"
