"""`fetch boj` without the command line: resolve codes, fetch, build the dataset."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.data.boj import CREDIT_LINE
from digital_deficit.data.boj.catalogue import NOT_IN_BP01
from digital_deficit.data.boj.client import BojClient, ProgressHook
from digital_deficit.data.boj.models import BojMetadata
from digital_deficit.data.boj.resolve import Resolution, resolve_series
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.importers.boj_api import API_LABEL, source_from_boj
from digital_deficit.data.importers.build import build_dataset
from digital_deficit.data.importers.series import ImportedFile, project_unit


class ResolutionError(DigitalDeficitError):
    """A series code could not be resolved without guessing."""


@dataclass
class FetchResult:
    """The dataset fetched, how codes were resolved, and warnings for the user."""

    dataset: Dataset
    imported: ImportedFile
    resolution: Resolution
    warnings: list[str] = field(default_factory=list)


def monthly_candidates(metadata: Sequence[BojMetadata]) -> list[tuple[str, tuple[str, ...]]]:
    """(code, names) of the monthly series in oku yen: the quarterly, annual and billion-yen
    series carry the same names and are never candidates."""
    return [
        (m.code, (m.name, *m.other_names))
        for m in metadata
        if m.frequency.upper() == "MONTHLY" and project_unit(m.unit) == "oku_yen"
    ]


def _resolve_from_metadata(
    client: BojClient, db: str, items: Sequence[str], explicit_items: bool
) -> tuple[Resolution, list[str]]:
    warnings = [f"{i}: {NOT_IN_BP01[i]}; not fetched" for i in items if i in NOT_IN_BP01]
    wanted = [i for i in items if i not in NOT_IN_BP01]
    if not wanted:
        raise ResolutionError("none of the items asked for is a BoJ series: " + "; ".join(warnings))
    resolution = resolve_series(monthly_candidates(client.metadata(db)), wanted_items=wanted)
    if resolution.ambiguous and explicit_items:
        which = "; ".join(
            f"{item} {side}: {', '.join(m.code for m in found)}"
            for (item, side), found in resolution.ambiguous.items()
        )
        raise ResolutionError(f"series names are ambiguous (nothing guessed): {which}")
    if not resolution.matches:
        raise ResolutionError(f"getMetadata of {db} names none of the items asked for")
    warnings += resolution.ambiguity_warnings()
    warnings += [f"{item}: no monthly series found in {db}" for item, _ in resolution.missing]
    return resolution, warnings


def fetch_boj(
    client: BojClient,
    db: str,
    items: Sequence[str] | None,
    codes: Sequence[str] | None,
    start: tuple[int, int] | None,
    end: tuple[int, int] | None,
    fallback_vintage: str,
    progress: ProgressHook | None = None,
    explicit_items: bool = False,
) -> FetchResult:
    """Resolve (from getMetadata, unless ``codes`` are given), fetch and build the dataset.

    Series are resolved by their BP01 code, else by their official names (English and
    Japanese). An item named by two series is skipped with a warning; when the user asked
    for the items explicitly (``explicit_items``), that is an error instead.
    """
    label = f"{API_LABEL}, {db}"
    if codes:
        series = client.data_by_codes(db, codes, start, end, progress)
        resolution = resolve_series((s.code, (s.name, *s.other_names)) for s in series)
        named = {m.code for m in resolution.matches}
        named |= {m.code for found in resolution.ambiguous.values() for m in found}
        warnings = resolution.ambiguity_warnings()
        warnings += [f"{s.code}: names no project item; skipped" for s in series
                     if s.code not in named]  # fmt: skip
        warnings += [f"{c}: no data returned" for c in codes if c not in {s.code for s in series}]
    else:
        resolution, warnings = _resolve_from_metadata(client, db, items or (), explicit_items)
        wanted = [m.code for m in resolution.matches]
        series = client.data_by_codes(db, wanted, start, end, progress)
        warnings += [f"{c}: no data returned" for c in wanted if c not in {s.code for s in series}]
    imported = ImportedFile(f"{client.transport.base_url} {db}", "boj-api", label, CREDIT_LINE)
    by_code = {s.code: s for s in series}
    mapped = []
    for match in resolution.matches:
        if match.code in by_code:
            source = source_from_boj(by_code[match.code], imported.path, fallback_vintage)
            imported.series.append(source)
            mapped.append((match, source))
    if not mapped:
        raise ResolutionError("no data for any resolved series")
    return FetchResult(build_dataset(imported, mapped), imported, resolution, warnings)
