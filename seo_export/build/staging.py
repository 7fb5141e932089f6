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


CONTESTED = ".seo-export-contested"
"""In the staging folder: the files of an article whose folder another article of the run (with
the same slug) had staged first, one folder per article, until the main process knows which
of them keeps the slug: it moves them in (the first in source order) or drops them."""


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


def stage_files(staging: Path, files: Iterable[OutputFile], owner: str = "") -> tuple[str, ...]:
    """Write ``files`` into the staging folder (from a worker process); their paths.

    The main process then takes them into its transaction with
    :meth:`~seo_export.build.emit.OutputTransaction.adopt`. An article's folder is
    made by the first article of the run that stages it; another one (a duplicate slug,
    which only the main process can settle, in source order) writes into
    :data:`CONTESTED` under ``owner`` (its source's name) instead, and the paths returned
    say so (:func:`contested_path`), so that no article's files are written over and no
    article has to be built twice. Plain ``os`` calls on strings: this runs three times
    per article.
    """
    root = os.fspath(staging)
    written = []
    made: set[str] = set()
    prefix = ""
    for file in files:
        path = prefix + safe_relative(file.path)
        target = os.path.join(root, path)  # noqa: PTH118 - hot path
        folder = os.path.dirname(target)  # noqa: PTH120
        try:
            if folder not in made:
                if not made and not _claim_folder(folder):
                    prefix = contested_path(owner, "")
                    path = prefix + file.path
                    target = os.path.join(root, path)  # noqa: PTH118
                    folder = os.path.dirname(target)  # noqa: PTH120
                os.makedirs(folder, exist_ok=True)  # noqa: PTH103
                made.add(folder)
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                os.write(descriptor, file.content)
            finally:
                os.close(descriptor)
        except OSError as exc:
            raise OutputWriteError(f"cannot write {target}: {exc.strerror or exc}") from exc
        written.append(path)
    return tuple(written)


def _claim_folder(folder: str) -> bool:
    """Make the article's folder; False when another article of the run made it first."""
    os.makedirs(os.path.dirname(folder), exist_ok=True)  # noqa: PTH103, PTH120
    try:
        os.mkdir(folder)  # noqa: PTH102 - atomic: one of two workers gets it
    except FileExistsError:
        return False
    return True


def contested_path(owner: str, path: str) -> str:
    """Where the article from source ``owner`` stages ``path`` when its folder was taken."""
    import hashlib

    key = hashlib.sha256(owner.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"{CONTESTED}/{key}/{path}"


def is_contested(path: str) -> bool:
    """Whether a staged path is in :data:`CONTESTED` (see :func:`stage_files`)."""
    return path.startswith(CONTESTED + "/")
