"""A dataset file read for a comparison of countries: the file on top of the embedded figures,
and apart from them the file's figures of a country the embedded data hold in another unit.

An IMF file imported with `import` holds every country in million US dollars, Japan included;
the embedded (and fetched) Japanese figures are in oku yen, and a dataset keeps one unit per
country. So Japan's dollar figures are kept apart, for the comparison only: they never mix with
the oku-yen figures the rest of a briefing uses.
"""

from __future__ import annotations

import os

from digital_deficit.data.csvio import read_dataset
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.embedded import DATA_ENV, embedded_dataset, load_dataset
from digital_deficit.data.model import Observation


def load_for_comparison(path: str | os.PathLike[str] | None) -> tuple[Dataset, Dataset]:
    """(the embedded figures with the file on top, the file's figures in another unit than
    the embedded figures of their country); the second is empty when there are none."""
    chosen = path if path is not None else os.environ.get(DATA_ENV) or None
    if chosen is None:
        return embedded_dataset(), Dataset(origin="")
    base = embedded_dataset()
    read = read_dataset(chosen)
    own: list[Observation] = []
    apart: list[Observation] = []
    for obs in read.observations:
        held = base.unit(obs.country)
        (apart if held is not None and held != obs.unit else own).append(obs)
    if not apart:
        return load_dataset(chosen), Dataset(origin=read.origin)
    kept = Dataset(own, origin=read.origin)
    merged, _ = base.merged_with(kept)
    return merged, Dataset(apart, origin=read.origin)
