"""Replacing a file the user owns (an article, a page) atomically, keeping its mode; and
clearing the temporary files that runs stopped half-way left beside such a file."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from pathlib import Path

LEFTOVER_AGE = 3600.0
"""Seconds after which a temporary file nobody writes to any more is taken for one that a
stopped run left (one being written is touched every moment)."""


def clear_leftovers(target: Path) -> None:
    """Remove the temporary files (``.{name}.*.tmp``) beside ``target`` that stopped runs
    left: old ones only (another run may be writing its own now), and quietly (another
    user's may not be ours to remove)."""
    now = time.time()
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.lstat().st_mtime > LEFTOVER_AGE:
                leftover.unlink()


def replace_file(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file and os.replace, keeping its mode.

    Readers see the old bytes or the new ones, never a part; a failure leaves
    the old file and no temporary file behind.
    """
    mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        Path(temporary).chmod(mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
