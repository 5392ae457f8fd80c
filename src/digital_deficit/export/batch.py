"""Build many briefings in parallel (two worker processes) with a progress bar."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from digital_deficit.core.errors import DigitalDeficitError
from digital_deficit.export.builder import OutputExistsError, write_briefing
from digital_deficit.export.options import BriefOptions

WORKERS = 2


@dataclass(frozen=True)
class BatchResult:
    """What happened to one scenario: its output, or the one-line error."""

    name: str
    out: Path
    error: str | None = None
    warning: str | None = None
    """Figures shown that come from the embedded data although a data file was given."""


def problem(exc: BaseException, out: str) -> str:
    """One line saying what went wrong with one scenario."""
    if isinstance(exc, OSError) and not isinstance(exc, FileExistsError) and exc.strerror:
        return f"cannot write {out}: {exc.strerror}"
    if isinstance(exc, (ValueError, OSError, RuntimeError, DigitalDeficitError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def build_one(options_json: str, out: str, force: bool, generated: str) -> str | None:
    """Worker: build one briefing (arguments are plain data so they pickle); returns its
    embedded-fallback warning, if any.

    Any failure comes back as a RuntimeError holding its one-line message, so one bad
    scenario never breaks the pool and the others still get built.
    """
    try:
        options = BriefOptions.model_validate_json(options_json)
        built = write_briefing(
            options, out, force=force, generated=_dt.datetime.fromisoformat(generated)
        )
    except Exception as exc:
        raise RuntimeError(problem(exc, out)) from None
    return built.fallback_warning()


def _reading(options: BriefOptions) -> tuple[str, bool] | None:
    """How a job reads its data file: (the file, whether for a comparison of countries)."""
    return None if not options.data else (options.data, bool(options.compare))


def data_problems(
    jobs: Sequence[tuple[str, BriefOptions, Path]],
) -> dict[tuple[str, bool], str]:
    """Read each distinct data file once, as its jobs will read it (a comparison keeps another
    country's unit apart): the one-line problem of every reading that cannot be used."""
    from digital_deficit.data.comparison import load_for_comparison
    from digital_deficit.data.embedded import load_dataset

    problems: dict[tuple[str, bool], str] = {}
    for reading in dict.fromkeys(_reading(o) for _, o, _ in jobs):
        if reading is None:
            continue
        path, compare = reading
        try:
            load_for_comparison(path) if compare else load_dataset(path)
        except Exception as exc:
            problems[reading] = problem(exc, path)
    return problems


def run_batch(
    jobs: Sequence[tuple[str, BriefOptions, Path]],
    force: bool = False,
    workers: int = WORKERS,
    show_progress: bool = True,
) -> list[BatchResult]:
    """Build every job; results in the jobs' order. Existing outputs are refused up front.

    A failing job gives its result an error and the others go on; each data file is read once
    up front, and the jobs on a file that cannot be used are not started. Ctrl-C cancels the
    jobs not yet started, lets the running ones finish (each file is written whole or not at
    all) and re-raises KeyboardInterrupt.
    """
    if not force:
        existing = [str(out) for _, _, out in jobs if out.exists()]
        if existing:
            raise OutputExistsError(
                f"{', '.join(existing)} exist{'s' if len(existing) == 1 else ''}; "
                "use --force to overwrite"
            )
    generated = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    results: dict[int, BatchResult] = {}
    bad_data = data_problems(jobs)
    for i, (name, options, out) in enumerate(jobs):
        reading = _reading(options)
        if reading in bad_data:
            results[i] = BatchResult(name, out, bad_data[reading])
    todo = [i for i in range(len(jobs)) if i not in results]
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
        task = progress.add_task("build", total=len(jobs), completed=len(jobs) - len(todo))
        futures: dict[Future[str | None], int] = {
            pool.submit(
                build_one, jobs[i][1].model_dump_json(), str(jobs[i][2]), force, generated
            ): i
            for i in todo
        }
        try:
            for future in as_completed(futures):
                i = futures[future]
                name, _, out = jobs[i]
                try:
                    results[i] = BatchResult(name, out, warning=future.result())
                except Exception as exc:  # a worker's RuntimeError, or a broken pool
                    results[i] = BatchResult(name, out, problem(exc, str(out)))
                progress.advance(task)
        except KeyboardInterrupt:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return [results[i] for i in range(len(jobs))]
