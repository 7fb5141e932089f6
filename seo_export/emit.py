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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from .errors import OutputLockedError, SeoExportError

JOURNAL = ".seo-export-journal.json"


class OutputWriteError(SeoExportError):
    """Writing the output failed; out/ was left as it was."""


def staging_dir(out_dir: Path) -> Path:
    """``.out.staging`` beside ``out``."""
    return out_dir.parent / f".{out_dir.name}.staging"


def lock_path(out_dir: Path) -> Path:
    """``.out.lock`` beside ``out``."""
    return out_dir.parent / f".{out_dir.name}.lock"


def safe_relative(path: str) -> str:
    """``path`` if it is a plain relative POSIX path inside out/, else ValueError."""
    parts = path.split("/")
    if not path or path.startswith("/") or "\\" in path or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"unsafe output path: {path!r}")
    return path


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out_dir`` for the duration; refuse when another run has it."""
    import fcntl

    out_dir.parent.mkdir(parents=True, exist_ok=True)
    path = lock_path(out_dir)
    handle = open(path, "a+")  # noqa: SIM115 - held open for the lock's lifetime
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise OutputLockedError(
                    f"another seo-export run is writing {out_dir} (lock: {path}); "
                    "try again when it ends"
                ) from None
            raise
        yield
    finally:
        handle.close()


def recover(out_dir: Path) -> bool:
    """Finish or discard what an interrupted run left; True when a journal was rolled forward."""
    staging = staging_dir(out_dir)
    if not staging.exists():
        return False
    journal = staging / JOURNAL
    rolled = False
    if journal.is_file():
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
        except ValueError:
            plan = None
        if isinstance(plan, dict):
            _apply(out_dir, staging, list(plan.get("write", [])), list(plan.get("remove", [])))
            rolled = True
    shutil.rmtree(staging, ignore_errors=True)
    return rolled


@dataclass
class OutputTransaction:
    """Collects the files of one run in staging and applies them to out/ all together.

    Use as a context manager: leaving the block with an exception discards
    everything staged; :meth:`commit` applies it.
    """

    out_dir: Path
    """The folder the files end up in."""
    written: list[str] = field(default_factory=list)
    """Paths staged for writing, in order."""
    removed: list[str] = field(default_factory=list)
    """Paths to remove from out/."""

    def __post_init__(self) -> None:
        self.staging = staging_dir(self.out_dir)
        self._staged: set[str] = set()
        self._dirs: set[Path] = set()
        self._journal_written = False

    def __enter__(self) -> OutputTransaction:
        recover(self.out_dir)
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._journal_written and exc is not None:
            # Applying stopped half-way: keep the journal so the next run rolls forward.
            return
        shutil.rmtree(self.staging, ignore_errors=True)

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
        if path not in self._staged:
            self._staged.add(path)
            self.written.append(path)

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
        """Remove ``out/path`` when the transaction commits."""
        path = safe_relative(path)
        if path not in self._staged and path not in self.removed:
            self.removed.append(path)

    @property
    def empty(self) -> bool:
        """Whether nothing is staged and nothing is to be removed."""
        return not self.written and not self.removed

    def commit(self) -> None:
        """Write the journal, then move every staged file into out/ and remove the rest."""
        if self.empty:
            return
        journal = self.staging / JOURNAL
        temporary = journal.with_suffix(".tmp")
        try:
            temporary.write_text(
                json.dumps({"write": self.written, "remove": self.removed}), encoding="utf-8"
            )
            os.replace(temporary, journal)
        except OSError as exc:
            raise OutputWriteError(f"cannot write the journal: {exc.strerror or exc}") from exc
        # From here the run is decided: if applying stops half-way, the next run
        # finds the journal and finishes it.
        self._journal_written = True
        try:
            _apply(self.out_dir, self.staging, self.written, self.removed)
        except OSError as exc:
            raise OutputWriteError(
                f"moving files into {self.out_dir} stopped ({exc.strerror or exc}); "
                "the next run finishes it"
            ) from exc


def _apply(out_dir: Path, staging: Path, written: list[str], removed: list[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    made: set[Path] = set()
    for path in written:
        source = staging / path
        target = out_dir / path
        if not source.exists():  # moved already by an earlier, interrupted apply
            continue
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        os.replace(source, target)
    for path in removed:
        target = out_dir / path
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        _remove_empty_parents(target.parent, out_dir)


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
