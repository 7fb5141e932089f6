"""Stage 5: write output so that out/ is never half-written. The only stage that writes.

A run writes every new file into a staging folder beside out/ (same file
system, so a rename is atomic). Only when the build has finished does it
write a journal listing what to move in and what to remove, and then apply it:
each file moved into out/ with ``os.replace``. A run that dies before the
journal leaves out/ as it was (the staging folder is discarded by the next
run); a run that dies while applying is rolled forward by the next run, which
finds the journal. A lock file keeps two runs off the same out/.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, BinaryIO, TextIO

from seo_export.errors import OutputLockedError, OutputPendingError, SeoExportError
from seo_export.model import OutputFile

JOURNAL = ".seo-export-journal.json"


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


def lock_path(out_dir: Path) -> Path:
    """``.out.lock`` beside ``out``."""
    return out_dir.parent / f".{out_dir.name}.lock"


def safe_relative(path: str) -> str:
    """``path`` if it is a plain relative POSIX path inside out/, else ValueError."""
    parts = path.split("/")
    if not path or path.startswith("/") or "\\" in path or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"unsafe output path: {path!r}")
    return path


def stage_files(staging: Path, files: Iterable[OutputFile]) -> tuple[str, ...]:
    """Write ``files`` into the staging folder (from a worker process); their paths.

    The main process then takes them into its transaction with
    :meth:`OutputTransaction.adopt`. Plain ``os`` calls on strings: this runs
    three times per article.
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
            raise OutputWriteError(f"cannot write {file.path}: {exc.strerror or exc}") from exc
        written.append(file.path)
    return tuple(written)


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
        _flock(handle, fcntl.LOCK_EX, f"another seo-export run is writing {out_dir} (lock: {path})")
        yield
    finally:
        handle.close()


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


WRITTEN_LIST = ".seo-export-written"
UNDOING = ".seo-export-undoing"
DETAIL_LIMIT = 10_000
"""A build result lists the paths it wrote and removed up to this many; beyond, it counts them."""


def recover(out_dir: Path) -> bool:
    """Finish or discard what an interrupted run left; True when a journal was rolled forward."""
    return _recover(out_dir)[0]


def _recover(out_dir: Path) -> tuple[bool, bool]:
    """(whether a journal was rolled forward, whether out/ must be rebuilt whole): a run
    that was undoing its commit when it stopped (or failed to) left out/ part old, part
    new, which rolling forward puts in order only where the new files are still staged."""
    staging = staging_dir(out_dir)
    list_aside(out_dir).unlink(missing_ok=True)
    if not staging.exists():
        return False, False
    journal = staging / JOURNAL
    rolled = False
    rebuild = (staging / UNDOING).exists()
    if journal.is_file():
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
        except ValueError:
            plan = None
        if isinstance(plan, dict):
            if rebuild:  # on disk before staging goes: a run that fails next still owes it
                rebuild_marker(out_dir).touch()
            _apply(out_dir, staging, list(plan.get("remove", [])))
            rolled = True
    shutil.rmtree(staging, ignore_errors=True)
    return rolled, rebuild and rolled


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
            _recover(self.out_dir)
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
            raise OutputWriteError(f"cannot stage output: {exc.strerror or exc}") from exc
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._list is not None and not self._list.closed:
            self._list.close()
        if self._journal_written and exc is not None:
            # Applying stopped half-way: keep the journal so the next run rolls forward.
            return
        shutil.rmtree(self.staging, ignore_errors=True)

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
            raise OutputWriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
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
            raise OutputWriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
        self._listed(path)

    def adopt_if_changed(self, temporary: Path, path: str) -> bool:
        """Take the finished file ``temporary`` (in the staging folder) as ``out/path``, unless
        out/path holds exactly these bytes already (then it is dropped)."""
        import filecmp

        path = safe_relative(path)
        current = self.out_dir / path
        try:
            if current.is_file() and filecmp.cmp(temporary, current, shallow=False):
                temporary.unlink()
                return False
            target = self.staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, target)
        except OSError as exc:
            raise OutputWriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
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
        if not removals and self._become_out():
            return written, count, []
        journal = self.staging / JOURNAL
        temporary = journal.with_suffix(".tmp")
        try:
            temporary.write_text(json.dumps({"remove": removals}), encoding="utf-8")
            os.replace(temporary, journal)
        except OSError as exc:
            raise OutputWriteError(f"cannot write the journal: {exc.strerror or exc}") from exc
        # From here the run is decided: if applying stops half-way, the next run
        # finds the journal and finishes it.
        self._journal_written = True
        try:
            _apply(self.out_dir, self.staging, removals, undo=True)
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
        # folder until out/ is in place (recover() removes it after a crash).
        aside = list_aside(self.out_dir)
        try:
            os.replace(self.staging / WRITTEN_LIST, aside)
        except OSError:
            return False
        try:
            os.rename(self.staging, out)  # noqa: PTH104 - os.rename, as _apply's, for fault tests
        except OSError:
            os.replace(aside, self.staging / WRITTEN_LIST)
            return False
        with contextlib.suppress(OSError):
            aside.unlink()
        return True


class UndoFailedError(OSError):
    """Putting out/ back after a failed commit failed too."""


BACKUP = ".seo-export-backup"
_MOVED, _REPLACED, _REMOVED, _FOLDER_MOVED, _LINKED = 1, 2, 3, 4, 5


def _apply(out_dir: Path, staging: Path, removed: list[str], *, undo: bool = False) -> None:
    """Move each listed, still staged file into out/, then remove ``removed``.

    With ``undo``, every file it replaces or removes is first moved aside, and
    an error part-way puts out/ back exactly as it was before raising. What it
    did is remembered as one byte per listed file, not as a list of paths.

    An article folder that out/ does not have yet moves in whole: one rename
    instead of one per file (a first build of 10,000 articles: 10,000 renames,
    not 30,000 renames and 10,000 new folders).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    out, stage = os.fspath(out_dir), os.fspath(staging)
    backup = staging / BACKUP
    with open(staging / WRITTEN_LIST, "rb") as counted:
        count = sum(1 for _ in counted) if undo else 0
    progress = _Progress(bytearray(count), bytearray(len(removed)))
    made: set[str] = set()

    def ensure(folder: str) -> None:
        if folder not in made:
            os.makedirs(folder, exist_ok=True)  # noqa: PTH103 - str paths, once per file
            made.add(folder)

    last_folder = ""
    try:
        with open(staging / WRITTEN_LIST, encoding="utf-8") as listed:
            for index, line in enumerate(listed):
                path = line.rstrip("\n")
                folder, nested, _ = path.partition("/")
                if nested and folder != last_folder:
                    # A folder's files are listed together, so only its first one asks.
                    last_folder = folder
                    whole = os.path.join(stage, folder)  # noqa: PTH118 - once per file
                    if not os.path.lexists(os.path.join(out, folder)) and os.path.isdir(whole):  # noqa: PTH112, PTH118
                        os.rename(whole, os.path.join(out, folder))  # noqa: PTH104, PTH118
                        if undo:
                            progress.written[index] = _FOLDER_MOVED
                        continue
                source = os.path.join(stage, path)  # noqa: PTH118
                if not os.path.lexists(source):  # unstaged, listed twice, or moved already
                    continue
                target = os.path.join(out, path)  # noqa: PTH118
                ensure(os.path.dirname(target))  # noqa: PTH120
                if undo and os.path.lexists(target):
                    aside = os.path.join(stage, BACKUP, path)  # noqa: PTH118
                    ensure(os.path.dirname(aside))  # noqa: PTH120
                    try:
                        # A second name for the old file: out/path never goes missing for
                        # a reader (the replace below swaps it in one step).
                        os.link(target, aside, follow_symlinks=False)
                        progress.written[index] = _LINKED  # the old file is still in place
                    except OSError:
                        os.replace(target, aside)  # a file system without hard links
                        progress.written[index] = _REPLACED
                elif undo:
                    progress.written[index] = _MOVED
                os.replace(source, target)
                if undo and progress.written[index] == _LINKED:
                    progress.written[index] = _REPLACED
        for index, path in enumerate(removed):
            gone = out_dir / path
            if undo and gone.exists():
                ensure(os.fspath((backup / path).parent))
                os.replace(gone, backup / path)
                progress.removed[index] = _REMOVED
            else:
                with contextlib.suppress(FileNotFoundError):
                    gone.unlink()
    except OSError as failure:
        if undo:
            with contextlib.suppress(OSError):
                # Kept with the journal if undoing stops part-way: the next run then rolls
                # forward and builds everything again (see _recover).
                (staging / UNDOING).touch()
            try:
                _undo(out_dir, staging, removed, progress)
            except OSError as undo_failure:
                raise UndoFailedError(str(undo_failure)) from failure
        raise
    for path in removed:
        _remove_empty_parents((out_dir / path).parent, out_dir)


@dataclass
class _Progress:
    """What :func:`_apply` did: one byte per listed file and per removal."""

    written: bytearray
    removed: bytearray


def _undo(out_dir: Path, staging: Path, removed: list[str], progress: _Progress) -> None:
    """Put out/ back as it was before a failed :func:`_apply`."""
    backup = staging / BACKUP
    for index, path in enumerate(removed):
        if progress.removed[index] == _REMOVED:
            os.replace(backup / path, out_dir / path)
    with open(staging / WRITTEN_LIST, encoding="utf-8") as listed:
        paths = [line.rstrip("\n") for line in listed]  # only on this rare path
    for index in range(len(paths) - 1, -1, -1):
        path, state = paths[index], progress.written[index]
        if state == _FOLDER_MOVED:
            # Out of the way under a name of its own: staging may hold the folder again.
            os.replace(out_dir / path.partition("/")[0], staging / f".undone-{index}")
        elif state == _REPLACED:
            # The old file back over the new one (or into the gap the failure left).
            os.replace(backup / path, out_dir / path)
        # _LINKED: the failure came before the new file went in; the old one never left.
        elif state == _MOVED:
            target = out_dir / path
            if target.exists():
                os.replace(target, staging / path)
            _remove_empty_parents(target.parent, out_dir)


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


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
            raise OutputWriteError(f"cannot write a sitemap: {exc.strerror or exc}") from exc

    def write(self, text: str) -> None:
        assert self._handle is not None, "begin() first"
        try:
            self._handle.write(text)
        except OSError as exc:
            raise OutputWriteError(f"cannot write a sitemap: {exc.strerror or exc}") from exc

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
            raise OutputWriteError(f"cannot write {name}: {exc.strerror or exc}") from exc
        self.transaction.adopt_if_changed(self._temporary, name)
        self.names.append(name)
        if self.gzip_files:
            self.transaction.adopt_if_changed(packed, name + ".gz")
            self.names.append(name + ".gz")
