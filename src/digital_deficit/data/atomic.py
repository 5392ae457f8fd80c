"""Atomic writes: a temporary file beside the target, renamed into place; nothing left behind.

The temporary file is ``.NAME.PID-RANDOM.tmp`` in the target's folder. It is removed when the
write fails, on Ctrl-C, and on SIGTERM or SIGHUP (a handler installed for the time the file
exists removes it, then lets the signal do what it did before: by default, end the process).
SIGKILL cannot be caught: a temporary file of ours whose process is gone is removed by the
next write to the same target. Standard library only (imported by the smallest commands).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

STALE_AFTER_SECONDS = 600.0
"""Age after which a temporary file whose owner cannot be checked is taken as abandoned."""

_LIVE: set[str] = set()
_CAUGHT = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_Handler = Callable[[int, FrameType | None], Any] | int | None
_previous: dict[int, _Handler] = {}
_depth = 0


def _remove_live() -> None:
    for path in list(_LIVE):
        with contextlib.suppress(OSError):
            os.unlink(path)
    _LIVE.clear()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    """Hand the signal on as it was handled before, without leaving a temporary file.

    A Python handler of the program's own is called: if it raises (to stop the program),
    the exception unwinds through write_atomic, which removes its file. Otherwise the live
    temporary files are removed, the default action (ending the process) is restored and
    the signal is sent again.
    """
    previous = _previous.get(signum, signal.SIG_DFL)
    if callable(previous):
        previous(signum, frame)
        return
    _remove_live()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """SIGTERM/SIGHUP remove the live temporary files while the block runs (main thread)."""
    global _depth
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; its own writes are covered
        return
    if _depth == 0:
        for signum in _CAUGHT:
            old = signal.getsignal(signum)
            if old is signal.SIG_IGN:
                continue  # an ignored signal stays ignored: nothing to clean up after
            _previous[signum] = old
            signal.signal(signum, _on_signal)
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            for signum, old in _previous.items():
                signal.signal(signum, signal.SIG_DFL if old is None else old)
            _previous.clear()


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Delay SIGTERM/SIGHUP for the block (POSIX); they are delivered when it ends."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or not _CAUGHT:
        yield
        return
    old = mask(signal.SIG_BLOCK, _CAUGHT)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, old)


def _temp_pattern(name: str) -> re.Pattern[str]:
    # ours: .NAME.PID-RANDOM.tmp; earlier versions: .NAME.RANDOM.tmp (mkstemp's 8 characters)
    return re.compile(rf"^\.{re.escape(name)}\.(?:(\d+)-[a-z0-9_]+|[a-z0-9_]{{8}})\.tmp$")


def _process_gone(pid: int) -> bool | None:
    """True when no process has this id, False when one has, None when it cannot be told."""
    if os.name != "posix":
        return None  # os.kill would end the process on Windows
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists (another user's)
    return False


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove temporary files of earlier writes to ``target`` whose process is gone.

    A file of a live process is left alone; when its owner cannot be checked (Windows, or
    the older naming without a process id) it is removed once older than
    STALE_AFTER_SECONDS. Returns what was removed.
    """
    folder = target.parent
    pattern = _temp_pattern(target.name)
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(folder or ".") if n.startswith(f".{target.name}.")]
    except OSError:
        return removed
    for name in names:
        match = pattern.match(name)
        path = folder / name
        if match is None or str(path) in _LIVE:
            continue
        try:
            info = path.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            continue
        gone = _process_gone(int(match.group(1))) if match.group(1) else None
        if gone is None:
            gone = time.time() - info.st_mtime > STALE_AFTER_SECONDS
        if gone:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _mode_for(target: Path, overwrite: bool) -> int:
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a directory; give a file name")
    if target.exists() or target.is_symlink():
        if not target.is_file():
            raise OSError(f"{target} is not a regular file; refusing to replace it")
        if not overwrite:
            raise FileExistsError(f"{target} exists; use --force to overwrite it")
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str | os.PathLike[str], data: bytes, overwrite: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    A crash, Ctrl-C, SIGTERM or SIGHUP never leaves a half-written file, never destroys the
    existing one and leaves no temporary file behind. Raises FileExistsError when the file
    exists and ``overwrite`` is False, and OSError for a directory or any other non-regular
    target (a device, a FIFO). A replaced file keeps its permissions; a new one gets the
    usual ones (0666 less the umask).
    """
    target = Path(path)
    mode = _mode_for(target, overwrite)
    remove_stale_temporaries(target)
    with _cleanup_on_signals():
        with _signals_held():  # the file is known to the handler from its first moment
            fd, tmp = tempfile.mkstemp(
                prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=target.parent or "."
            )
            _LIVE.add(tmp)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        finally:
            _LIVE.discard(tmp)
