"""The embedded default dataset (Japan's published figures) and the user's dataset file."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from digital_deficit.data.csvio import DatasetFileError, read_dataset, read_dataset_text
from digital_deficit.data.dataset import Dataset, MergeReport, UnitConflictError

EMBEDDED_NAME = "japan_bop_published.csv"
EMBEDDED_ORIGIN = f"embedded {EMBEDDED_NAME}"
"""The origin of every embedded observation (Dataset.origin_of)."""
DATA_ENV = "DIGITAL_DEFICIT_DATA"


def embedded_text() -> str:
    """The embedded CSV as shipped (equal to shared/data/japan_bop_published.csv)."""
    return resources.files("digital_deficit.data").joinpath(EMBEDDED_NAME).read_text("utf-8")


@lru_cache(maxsize=1)
def embedded_dataset() -> Dataset:
    """Japan's published figures with their sources (read once; the package data never changes)."""
    return read_dataset_text(embedded_text(), EMBEDDED_ORIGIN)


@lru_cache(maxsize=2)
def _user_data(path: str, *file_state: int) -> tuple[Dataset, MergeReport]:
    """The file read once and merged once: what load_dataset and user_merge_report share.

    Two entries at most: a large file's figures are held once, not per version seen.
    """
    try:
        return embedded_dataset().merged_with(read_dataset(path))
    except UnitConflictError as exc:
        raise DatasetFileError(path, None, None, str(exc)) from None


def _chosen_file(path: str | os.PathLike[str] | None) -> str | None:
    chosen = path if path is not None else os.environ.get(DATA_ENV) or None
    return None if chosen is None else str(chosen)


def _load(chosen: str) -> tuple[Dataset, MergeReport]:
    stat = Path(chosen).stat() if Path(chosen).exists() else None
    if stat is None:
        read_dataset(chosen)  # raises the one-line DatasetFileError
    assert stat is not None
    # ctime too: a same-size edit that keeps the modification time still changes it
    return _user_data(chosen, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)


def load_dataset(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The embedded dataset with a user file read on top.

    The file is ``path``, else the ``DIGITAL_DEFICIT_DATA`` environment variable, else none.
    A changed file (new size or modification time) is read again. Each observation knows
    where it came from (``Dataset.origin_of``): the file or the embedded figures.
    """
    chosen = _chosen_file(path)
    return embedded_dataset() if chosen is None else _load(chosen)[0]


def user_merge_report(path: str | os.PathLike[str] | None = None) -> MergeReport | None:
    """What the user's dataset file (as load_dataset picks it) changed; None without one.

    The file is read and merged once for both (cached with load_dataset's result).
    """
    chosen = _chosen_file(path)
    return None if chosen is None else _load(chosen)[1]
