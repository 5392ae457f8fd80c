"""Build many briefings in parallel (two worker processes) with a progress bar."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from digital_deficit.export.builder import OutputExistsError, write_briefing
from digital_deficit.export.options import BriefOptions

WORKERS = 2


@dataclass(frozen=True)
class BatchResult:
    """What happened to one scenario: its output, or the one-line error."""

    name: str
    out: Path
    error: str | None = None


def build_one(options_json: str, out: str, force: bool, generated: str) -> str:
    """Worker: build one briefing (arguments are plain data so they pickle)."""
    options = BriefOptions.model_validate_json(options_json)
    write_briefing(options, out, force=force, generated=_dt.datetime.fromisoformat(generated))
    return out


def run_batch(
    jobs: Sequence[tuple[str, BriefOptions, Path]],
    force: bool = False,
    workers: int = WORKERS,
    show_progress: bool = True,
) -> list[BatchResult]:
    """Build every job; results in the jobs' order. Existing outputs are refused up front."""
    if not force:
        existing = [str(out) for _, _, out in jobs if out.exists()]
        if existing:
            raise OutputExistsError(
                f"{', '.join(existing)} exist{'s' if len(existing) == 1 else ''}; "
                "use --force to overwrite"
            )
    generated = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    results: dict[int, BatchResult] = {}
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("[bold]briefings"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        disable=not show_progress,
        transient=False,
    )
    with progress, ProcessPoolExecutor(max_workers=workers) as pool:
        task = progress.add_task("build", total=len(jobs))
        futures: dict[Future[str], int] = {
            pool.submit(build_one, options.model_dump_json(), str(out), force, generated): i
            for i, (_, options, out) in enumerate(jobs)
        }
        for future in as_completed(futures):
            i = futures[future]
            name, _, out = jobs[i]
            try:
                future.result()
                results[i] = BatchResult(name, out)
            except (OSError, ValueError) as exc:
                problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                results[i] = BatchResult(name, out, problem)
            progress.advance(task)
    return [results[i] for i in range(len(jobs))]
