"""Replacing a file the user owns (an article, a page) atomically, keeping its mode;
clearing the temporary files that runs stopped half-way left beside such a file; and
refusing a report's or bundle's ``-o`` that would overwrite an article or the build."""

from __future__ import annotations

import contextlib
import glob
import os
import re
import tempfile
import time
from pathlib import Path

LEFTOVER_AGE = 3600.0
"""Seconds after which a temporary file nobody writes to any more is taken for one that a
stopped run left (one being written is touched every moment)."""


_BUILD_NAMES = re.compile(
    r"manifest\.json|articles\.ndjson|robots-sitemap\.txt|sitemap(-\d+)?\.xml(\.gz)?"
)
"""The files a build writes at the top of out/ (articles' files are in folders below it)."""


def refuse_own_files(
    path: Path, *, content_dir: Path, out_dir: Path, default: Path | None = None
) -> None:
    """OutputTargetError when writing ``path`` would overwrite an article (anything in the
    content folder) or a file the build owns: an article's folder in out/, the manifest,
    the sitemaps, the bundle, or what the build keeps beside out/ (``.out.*``).
    ``default``, the command's own file, is always allowed; so is any other name at the
    top of out/ (``out/validation.json``).
    """
    from .errors import OutputTargetError

    target = Path(os.path.realpath(path))
    if default is not None and target == Path(os.path.realpath(default)):
        return
    content, out = Path(os.path.realpath(content_dir)), Path(os.path.realpath(out_dir))
    if target.is_relative_to(content):
        reason = f"it is inside the content folder {content_dir}, where the articles are"
    elif target.is_relative_to(out) and (
        target.parent != out or _BUILD_NAMES.fullmatch(target.name)
    ):
        reason = f"it is one of the files the build writes in {out_dir}"
    elif target.parent == out.parent and target.name.startswith(f".{out.name}."):
        reason = f"the build keeps its state there, beside {out_dir}"
    else:
        return
    hint = f" (the default is {default})" if default is not None else ""
    raise OutputTargetError(f"will not write {path}: {reason}; choose another file{hint}")


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
