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


_BUILD_NAMES = re.compile(r"manifest\.json|articles\.ndjson|robots-sitemap\.txt")
"""Files a build writes at the top of out/ besides its sitemaps (articles' are in folders)."""


def refuse_own_files(
    path: Path, *, content_dir: Path, out_dir: Path, default: Path | None = None
) -> None:
    """OutputTargetError when writing ``path`` would overwrite a file the build owns (in an
    article's folder in out/, the manifest, a ``sitemap*.xml*``, the bundle, the state kept
    beside out/ as ``.out.*``) or an article (an article file name in the content folder).
    ``default``, the command's own file, is always allowed; so is any other name at the top
    of out/ (``out/validation.json``) and any other file in the content folder (a content
    folder that is the project root still takes ``-o junit.xml``).
    """
    import fnmatch

    from seo_export.build.statcache import (
        SITEMAP_FILES,  # the build's own names: -o must not take one
    )
    from seo_export.errors import OutputTargetError
    from seo_export.read.discover import SOURCE_SUFFIXES

    target = Path(os.path.realpath(path))
    if default is not None and target == Path(os.path.realpath(default)):
        return
    content, out = Path(os.path.realpath(content_dir)), Path(os.path.realpath(out_dir))
    if target.is_relative_to(out):
        if (
            target.parent == out
            and not _BUILD_NAMES.fullmatch(target.name)
            and not fnmatch.fnmatchcase(target.name, SITEMAP_FILES)
        ):
            return
        reason = f"it is one of the files the build writes (or removes) in {out_dir}"
    elif target.parent == out.parent and target.name.startswith(f".{out.name}."):
        reason = f"the build keeps its state there, beside {out_dir}"
    elif target.is_relative_to(content) and target.suffix.lower() in SOURCE_SUFFIXES:
        reason = f"it is an article's name in the content folder {content_dir}"
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
