"""The lock file beside out/: one run writes it at a time, and readers never see half a build.

A build holds an exclusive lock for its whole run (:func:`output_lock`);
report, inject and bundle hold a shared one while they read
(:func:`reading_lock`). Neither waits: a run that finds the lock taken says so
and stops.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from seo_export.build.staging import JOURNAL, OutputWriteError, staging_dir
from seo_export.errors import OutputLockedError, OutputPendingError


def lock_path(out_dir: Path) -> Path:
    """``.out.lock`` beside ``out``."""
    return out_dir.parent / f".{out_dir.name}.lock"


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out_dir`` for the duration; refuse when another run has it."""
    import fcntl

    path = lock_path(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+")  # noqa: SIM115 - held open for the lock's lifetime
    except OSError as exc:
        raise OutputWriteError(f"cannot create the lock file {path}: {exc.strerror}") from exc
    try:
        try:
            _flock(handle, fcntl.LOCK_EX, "")
        except OutputLockedError:
            raise OutputLockedError(
                f"{_holder(handle, out_dir, path)}; try again when it ends"
            ) from None
        yield
    finally:
        handle.close()


def _holder(handle: IO[str], out_dir: Path, path: Path) -> str:
    """Who holds the lock an exclusive request was refused: readers share it (a shared
    request succeeds beside them), a build does not."""
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return f"another seo-export build is writing {out_dir} (lock: {path})"
    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return f"a seo-export command is reading {out_dir} (inject, report or bundle; lock: {path})"


def _flock(handle: IO[str], operation: int, busy: str) -> None:
    """Take ``operation`` (LOCK_EX or LOCK_SH) on the lock file without waiting; when
    another run holds it, OutputLockedError saying ``busy``."""
    import fcntl

    try:
        fcntl.flock(handle.fileno(), operation | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            raise OutputLockedError(f"{busy}; try again when it ends") from None
        raise


@contextlib.contextmanager
def reading_lock(out_dir: Path) -> Iterator[None]:
    """A shared lock on ``out_dir`` for a reader (report, inject, bundle): readers share
    it, a build (exclusive) is refused while any holds it, and it is refused while a
    build writes. Read-only where it can be: a lock file that cannot be made (a read-only
    folder, another user's) means reading without it; nothing in out/ is changed. Raises
    OutputPendingError when a build stopped while moving its files in (the next build
    finishes that; a reader would see half of it)."""
    import fcntl

    path = lock_path(out_dir)
    handle = None
    for mode in ("a", "r"):
        with contextlib.suppress(OSError):
            handle = open(path, mode)  # noqa: SIM115 - held open for the lock's lifetime
            break
    try:
        if handle is not None:
            _flock(handle, fcntl.LOCK_SH, f"a seo-export build is writing {out_dir} (lock: {path})")
        try:
            (staging_dir(out_dir) / JOURNAL).stat()
            pending = True
        except FileNotFoundError:
            pending = False
        except OSError:
            pending = True  # a staging folder this reader cannot look into: cannot tell
        if pending:
            raise OutputPendingError(
                f"a build of {out_dir} stopped while moving its files in: run seo-export "
                "build to finish it"
            )
        yield
    finally:
        if handle is not None:
            handle.close()
