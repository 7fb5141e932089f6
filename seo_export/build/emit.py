"""Stage 5: write output so that out/ is never half-written. The only stage that writes.

A run writes every new file into a staging folder beside out/ (same file
system, so a rename is atomic; :mod:`seo_export.build.staging`). Only when the
build has finished does it write a journal listing what to move in and what to
remove, and then apply it: each file moved into out/ with ``os.replace``
(:mod:`seo_export.build.journal`). A run that dies before the journal leaves
out/ as it was (the staging folder is discarded by the next run); a run that
dies while applying is rolled forward by the next run, which finds the
journal. A lock file keeps two runs off the same out/
(:mod:`seo_export.build.lock`).

This module holds the :class:`OutputTransaction` that ties them together, the
sitemap sink that writes into it, and the names the rest of the package uses
from the stage (the error, the locks).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, TextIO

from seo_export.build.interrupts import signals_deferred
from seo_export.build.journal import UndoFailedError, move_in, recover_leftovers
from seo_export.build.lock import lock_path, output_lock, reading_lock
from seo_export.build.staging import (
    JOURNAL,
    WRITTEN_LIST,
    OutputWriteError,
    list_aside,
    rebuild_marker,
    safe_relative,
    staging_dir,
)

# The error and the locks are part of this stage's face: the commands and the readers of
# out/ (report, inject) take them from here.
__all__ = [
    "DETAIL_LIMIT",
    "OutputTransaction",
    "OutputWriteError",
    "StagedParts",
    "lock_path",
    "output_lock",
    "reading_lock",
]

DETAIL_LIMIT = 10_000
"""A build result lists the paths it wrote and removed up to this many; beyond, it counts them."""


@dataclass
class OutputTransaction:
    """Collects the files of one run in staging and applies them to out/ all together.

    Use as a context manager: leaving the block with an exception discards
    everything staged; :meth:`commit` applies it. What is staged is listed in
    a file in the staging folder, not in memory, so a build of any size holds
    only counts.
    """

    out_dir: Path
    """The folder the files end up in."""
    removed: list[str] = field(default_factory=list)
    """Paths to remove from out/ (the previous build's outputs that are gone)."""
    written_count: int = 0
    """Files staged so far (a file staged twice counts twice)."""
    rebuild_all: bool = False
    """Set on entering when a run stopped while undoing its commit and no build has
    committed since: this run must build every article again (out/ may hold old files the
    manifest calls new). The caller removes :func:`rebuild_marker` once it has committed."""

    def __post_init__(self) -> None:
        self.staging = staging_dir(self.out_dir)
        self._dirs: set[Path] = set()
        self._journal_written = False
        self._list: TextIO | None = None

    def __enter__(self) -> OutputTransaction:
        try:
            recover_leftovers(self.out_dir)
            self.rebuild_all = rebuild_marker(self.out_dir).exists()
        except OSError as exc:
            raise OutputWriteError(
                f"a build of {self.out_dir} stopped while moving its files in, and finishing "
                f"that failed ({exc.strerror or exc}: {getattr(exc, 'filename', '')}); "
                "what it left is kept for the next run"
            ) from exc
        shutil.rmtree(self.staging, ignore_errors=True)
        try:
            self.staging.mkdir(parents=True)
            self._list = open(self.staging / WRITTEN_LIST, "w", encoding="utf-8")
        except OSError as exc:
            raise OutputWriteError(f"cannot write {self.staging}: {exc.strerror or exc}") from exc
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        closing = None
        if self._list is not None and not self._list.closed:
            try:
                self._list.close()
            except OSError as error:  # a full disk: the staging folder goes all the same
                closing = error
        if self._journal_written and exc is not None:
            # Applying stopped half-way: keep the journal so the next run rolls forward.
            return
        shutil.rmtree(self.staging, ignore_errors=True)
        if closing is not None and exc is None:
            raise OutputWriteError(f"cannot write {self.staging}: {closing.strerror}") from closing

    def _listed(self, path: str) -> None:
        assert self._list is not None, "use the transaction as a context manager"
        self._list.write(path + "\n")
        self.written_count += 1

    def write(self, path: str, content: bytes) -> None:
        """Stage ``content`` for ``out/path``."""
        path = safe_relative(path)
        target = self.staging / path
        parent = target.parent
        if parent not in self._dirs:
            parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(parent)
        try:
            with open(target, "wb") as handle:
                handle.write(content)
        except OSError as exc:
            raise OutputWriteError(f"cannot write {target}: {exc.strerror or exc}") from exc
        self._listed(path)

    def adopt(self, path: str) -> None:
        """Take ``path``, which a worker process wrote into the staging folder, into the run."""
        self._listed(safe_relative(path))

    def unstage(self, path: str) -> None:
        """Drop a staged file: out/path keeps what it has."""
        (self.staging / safe_relative(path)).unlink(missing_ok=True)

    @contextlib.contextmanager
    def stream(self, path: str) -> Iterator[TextIO]:
        """Stage ``out/path`` written piece by piece (UTF-8 text), for files too large to hold."""
        with self._staged_stream(path, binary=False) as handle:
            yield handle  # type: ignore[misc]

    @contextlib.contextmanager
    def stream_bytes(self, path: str) -> Iterator[BinaryIO]:
        """:meth:`stream` for bytes."""
        with self._staged_stream(path, binary=True) as handle:
            yield handle  # type: ignore[misc]

    @contextlib.contextmanager
    def _staged_stream(self, path: str, *, binary: bool) -> Iterator[TextIO | BinaryIO]:
        path = safe_relative(path)
        target = self.staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            if binary:
                with open(target, "wb", buffering=1 << 20) as raw:  # for large lines (bundle)
                    yield raw
            else:
                with open(target, "w", encoding="utf-8", newline="") as text:
                    yield text
        except OSError as exc:
            raise OutputWriteError(f"cannot write {target}: {exc.strerror or exc}") from exc
        self._listed(path)

    def adopt_if_changed(self, temporary: Path, path: str) -> bool:
        """Take the finished file ``temporary`` (in the staging folder) as ``out/path``, unless
        out/path holds exactly these bytes already (then it is dropped)."""
        import filecmp

        path = safe_relative(path)
        current = self.out_dir / path
        target = self.staging / path
        try:
            if current.is_file() and filecmp.cmp(temporary, current, shallow=False):
                temporary.unlink()
                return False
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, target)
        except OSError as exc:
            raise OutputWriteError(f"cannot write {target}: {exc.strerror or exc}") from exc
        self._listed(path)
        return True

    def unchanged(self, path: str) -> bool:
        """Whether the staged ``path`` holds exactly what out/path holds already."""
        import filecmp

        current = self.out_dir / path
        return current.is_file() and filecmp.cmp(self.staging / path, current, shallow=False)

    def write_if_changed(self, path: str, content: bytes) -> bool:
        """Stage ``content`` unless out/path already holds exactly these bytes."""
        current = self.out_dir / path
        try:
            if current.stat().st_size == len(content) and current.read_bytes() == content:
                return False
        except OSError:
            pass
        self.write(path, content)
        return True

    def remove(self, path: str) -> None:
        """Remove ``out/path`` when the transaction commits (unless this run stages it anew)."""
        path = safe_relative(path)
        if path not in self.removed:
            self.removed.append(path)

    def staged_paths(self) -> tuple[list[str], int]:
        """(the paths staged and still in the staging folder, in order, without repeats; their
        number). The list is empty past :data:`DETAIL_LIMIT` paths."""
        if self._list is not None and not self._list.closed:
            self._list.flush()
        paths: dict[str, None] = {}
        count = 0
        stage = os.fspath(self.staging) + os.sep
        with open(self.staging / WRITTEN_LIST, encoding="utf-8") as listed:
            for line in listed:
                path = line.rstrip("\n")
                # Plain strings: this runs once per staged file (30,000 for 10,000 articles).
                if path in paths or not os.path.exists(stage + path):  # noqa: PTH110
                    continue
                count += 1
                if count <= DETAIL_LIMIT:
                    paths[path] = None
        return (list(paths) if count <= DETAIL_LIMIT else []), count

    def commit(self) -> tuple[list[str], int, list[str]]:
        """Write the journal, move every staged file into out/ and remove the rest.

        Returns (the paths written, how many, the paths removed); the lists are
        empty past :data:`DETAIL_LIMIT` paths.
        """
        assert self._list is not None
        try:
            self._list.close()
            removals = [p for p in self.removed if not (self.staging / p).exists()]
            written, count = self.staged_paths()
        except OSError as exc:
            raise OutputWriteError(f"cannot read the staged files: {exc.strerror or exc}") from exc
        if not count and not removals:
            return [], 0, []
        # An interrupt waits until out/ is whole again (the new build, or the old one).
        with signals_deferred():
            return self._apply(written, count, removals)

    def _apply(
        self, written: list[str], count: int, removals: list[str]
    ) -> tuple[list[str], int, list[str]]:
        if not removals and self._become_out():
            return written, count, []
        journal = self.staging / JOURNAL
        temporary = journal.with_suffix(".tmp")
        try:
            temporary.write_text(json.dumps({"remove": removals}), encoding="utf-8")
            os.replace(temporary, journal)
        except OSError as exc:
            raise OutputWriteError(f"cannot write {journal}: {exc.strerror or exc}") from exc
        # From here the run is decided: if applying stops half-way, the next run
        # finds the journal and finishes it.
        self._journal_written = True
        try:
            move_in(self.out_dir, self.staging, removals, undo=True)
        except UndoFailedError as exc:
            # Neither forward nor back: the journal stays, and the next run finishes the move.
            raise OutputWriteError(
                f"moving files into {self.out_dir} failed and could not be undone "
                f"({exc.__cause__}; undoing: {exc}); the next seo-export run finishes the move"
            ) from exc
        except OSError as exc:
            # Undone: out/ is as it was, and the journal must not roll this forward.
            self._journal_written = False
            raise OutputWriteError(
                f"moving files into {self.out_dir} failed ({exc.strerror or exc}); "
                f"{self.out_dir} is as it was before this run"
            ) from exc
        self.removed = removals
        return written, count, removals if len(removals) <= DETAIL_LIMIT else []

    def _become_out(self) -> bool:
        """A first build: when out/ does not exist, the staging folder becomes out/.

        One rename instead of one per article, and as atomic as the journal: out/
        is missing or complete. Taken only when the staging folder holds nothing
        but staged output, so out/ gets exactly what the journal would have moved;
        False (nothing done) sends the commit the usual way. An out/ that exists,
        even empty (a mount point, a folder with its own owner and mode, a link),
        is moved into, never replaced.
        """
        out = os.fspath(self.out_dir)
        if os.path.lexists(out):
            return False
        staged_tops = set()
        try:
            with open(self.staging / WRITTEN_LIST, encoding="utf-8") as listed:
                for line in listed:
                    staged_tops.add(line.rstrip("\n").partition("/")[0])
            with os.scandir(self.staging) as entries:
                names = {entry.name for entry in entries}
        except OSError:
            return False
        if not names - {WRITTEN_LIST} <= staged_tops:
            return False  # something else is in staging (a removed or leftover file)
        # The list of staged files must not land in out/; it waits beside the staging
        # folder until out/ is in place (recover_leftovers() removes it after a crash).
        aside = list_aside(self.out_dir)
        try:
            os.replace(self.staging / WRITTEN_LIST, aside)
        except OSError:
            return False
        try:
            os.rename(self.staging, out)  # noqa: PTH104 - os.rename, as move_in's, for fault tests
        except OSError:
            os.replace(aside, self.staging / WRITTEN_LIST)
            return False
        with contextlib.suppress(OSError):
            aside.unlink()
        return True


class StagedParts:
    """A :class:`seo_export.outputs.sitemap.PartSink` writing each file straight into the staging
    folder (and its reproducible .gz beside it); a file identical to out/'s is dropped.

    A sitemap of 50,000 URLs is about 10 MB: written as it is made, it is never
    held in memory.
    """

    def __init__(self, transaction: OutputTransaction, gzip_files: bool) -> None:
        self.transaction = transaction
        self.gzip_files = gzip_files
        self.names: list[str] = []
        """Every file made, in order (whether or not it changed)."""
        self._temporary = transaction.staging / ".sitemap-part.tmp"
        self._handle: TextIO | None = None

    def begin(self) -> None:
        try:
            self._handle = open(self._temporary, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise OutputWriteError(
                f"cannot write {self._temporary}: {exc.strerror or exc}"
            ) from exc

    def write(self, text: str) -> None:
        assert self._handle is not None, "begin() first"
        try:
            self._handle.write(text)
        except OSError as exc:
            raise OutputWriteError(
                f"cannot write {self._temporary}: {exc.strerror or exc}"
            ) from exc

    def end(self, name: str) -> None:
        assert self._handle is not None, "begin() first"
        packed = self._temporary.with_suffix(".gz.tmp")
        try:
            self._handle.close()
            self._handle = None
            if self.gzip_files:
                from seo_export.outputs.sitemap import gzip_writer

                with (
                    open(self._temporary, "rb") as plain,
                    open(packed, "wb") as target,
                    gzip_writer(target) as out,
                ):
                    shutil.copyfileobj(plain, out, 1 << 20)
        except OSError as exc:
            raise OutputWriteError(
                f"cannot write {self._temporary} ({name}): {exc.strerror or exc}"
            ) from exc
        self.transaction.adopt_if_changed(self._temporary, name)
        self.names.append(name)
        if self.gzip_files:
            self.transaction.adopt_if_changed(packed, name + ".gz")
            self.names.append(name + ".gz")
