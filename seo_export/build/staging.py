"""The staging folder beside out/, where a run's files wait until the whole build is in.

It sits on the same file system as out/ (``.out.staging`` beside ``out``), so
that moving a file in is an atomic rename. Workers write each article's files
straight into it (:func:`stage_files`); :mod:`seo_export.build.journal` moves
them into out/, and :class:`seo_export.build.emit.OutputTransaction` decides
when. This module holds the names of everything a run keeps beside out/ and
inside the staging folder, so that the lock, the journal and the transaction
agree on them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from seo_export.errors import SeoExportError
from seo_export.model import OutputFile

JOURNAL = ".seo-export-journal.json"
"""In the staging folder: what to remove from out/, written when a run has decided to commit."""
WRITTEN_LIST = ".seo-export-written"
"""In the staging folder: every staged path, one per line, in the order staged."""
UNDOING = ".seo-export-undoing"
"""In the staging folder: a run was putting out/ back when it stopped."""
BACKUP = ".seo-export-backup"
"""In the staging folder: the files of out/ a commit replaced or removed, until it is done."""


class OutputWriteError(SeoExportError):
    """Writing the output failed; out/ was left as it was."""


def staging_dir(out_dir: Path) -> Path:
    """``.out.staging`` beside ``out``."""
    return out_dir.parent / f".{out_dir.name}.staging"


def rebuild_marker(out_dir: Path) -> Path:
    """``.out.rebuild`` beside ``out``: a whole build is owed (a run stopped while undoing its
    commit); it stays until a build has committed."""
    return out_dir.parent / f".{out_dir.name}.rebuild"


def list_aside(out_dir: Path) -> Path:
    """``.out.staging.list`` beside ``out``: the staged-file list while staging becomes out/."""
    return out_dir.parent / f".{out_dir.name}.staging.list"


def safe_relative(path: str) -> str:
    """``path`` if it is a plain relative POSIX path inside out/, else ValueError."""
    parts = path.split("/")
    if not path or path.startswith("/") or "\\" in path or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"unsafe output path: {path!r}")
    return path


def stage_files(staging: Path, files: Iterable[OutputFile]) -> tuple[str, ...]:
    """Write ``files`` into the staging folder (from a worker process); their paths.

    The main process then takes them into its transaction with
    :meth:`~seo_export.build.emit.OutputTransaction.adopt`. Plain ``os`` calls
    on strings: this runs three times per article.
    """
    root = os.fspath(staging)
    written = []
    made: set[str] = set()
    for file in files:
        target = os.path.join(root, safe_relative(file.path))  # noqa: PTH118 - hot path
        folder = os.path.dirname(target)  # noqa: PTH120
        if folder not in made:
            os.makedirs(folder, exist_ok=True)  # noqa: PTH103
            made.add(folder)
        try:
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                os.write(descriptor, file.content)
            finally:
                os.close(descriptor)
        except OSError as exc:
            raise OutputWriteError(f"cannot write {target}: {exc.strerror or exc}") from exc
        written.append(file.path)
    return tuple(written)
