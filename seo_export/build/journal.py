"""Moving a run's staged files into out/, and finishing or discarding what a stopped run left.

A run that has decided to commit writes a journal into the staging folder (what
to remove from out/) and then moves each staged file in (:func:`move_in`). If a
move fails, every file already moved is put back; if the run dies instead, the
next run finds the journal and rolls it forward (:func:`recover_leftovers`). A
staging folder without a journal is a run that never decided: it is discarded.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

from seo_export.build.staging import (
    BACKUP,
    JOURNAL,
    UNDOING,
    WRITTEN_LIST,
    list_aside,
    rebuild_marker,
    staging_dir,
)


class UndoFailedError(OSError):
    """Putting out/ back after a failed commit failed too."""


def recover(out_dir: Path) -> bool:
    """Finish or discard what an interrupted run left; True when a journal was rolled forward."""
    return recover_leftovers(out_dir)[0]


def recover_leftovers(out_dir: Path) -> tuple[bool, bool]:
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
            move_in(out_dir, staging, list(plan.get("remove", [])))
            rolled = True
    shutil.rmtree(staging, ignore_errors=True)
    return rolled, rebuild and rolled


def move_in(out_dir: Path, staging: Path, removed: list[str], *, undo: bool = False) -> None:
    """Move each listed, still staged file into out/, then remove ``removed``.

    With ``undo``, every file it replaces or removes is first moved aside, and
    an error part-way puts out/ back exactly as it was before raising (or raises
    :class:`UndoFailedError` when that fails too).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(staging / WRITTEN_LIST, "rb") as counted:
        count = sum(1 for _ in counted) if undo else 0
    mover = _Mover(out_dir, staging, listed=count, removals=len(removed), undo=undo)
    try:
        with open(staging / WRITTEN_LIST, encoding="utf-8") as listed:
            for index, line in enumerate(listed):
                mover.move(index, line.rstrip("\n"))
        for index, path in enumerate(removed):
            mover.remove(index, path)
    except OSError as failure:
        if undo:
            with contextlib.suppress(OSError):
                # Kept with the journal if undoing stops part-way: the next run then rolls
                # forward and builds everything again (see recover_leftovers).
                (staging / UNDOING).touch()
            try:
                mover.put_back(removed)
            except OSError as undo_failure:
                raise UndoFailedError(str(undo_failure)) from failure
        raise
    for path in removed:
        _remove_empty_parents((out_dir / path).parent, out_dir)


_MOVED, _REPLACED, _REMOVED, _FOLDER_MOVED, _LINKED = 1, 2, 3, 4, 5


class _Mover:
    """One pass of :func:`move_in`: what it did is remembered (with ``undo``) as one byte
    per listed file and per removal, not as a list of paths.

    An article folder that out/ does not have yet moves in whole: one rename
    instead of one per file (a first build of 10,000 articles: 10,000 renames,
    not 30,000 renames and 10,000 new folders).
    """

    def __init__(
        self, out_dir: Path, staging: Path, *, listed: int, removals: int, undo: bool
    ) -> None:
        self.out_dir, self.staging, self.undo = out_dir, staging, undo
        self.out, self.stage = os.fspath(out_dir), os.fspath(staging)
        self.written = bytearray(listed)
        self.removed = bytearray(removals)
        self._made: set[str] = set()
        self._last_folder = ""

    def _ensure(self, folder: str) -> None:
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)  # noqa: PTH103 - str paths, once per file
            self._made.add(folder)

    def move(self, index: int, path: str) -> None:
        """Move listed file ``index`` (``path`` in out/) in, or its whole folder."""
        folder, nested, _ = path.partition("/")
        if nested and folder != self._last_folder:
            # A folder's files are listed together, so only its first one asks.
            self._last_folder = folder
            if self._move_folder(index, folder):
                return
        source = os.path.join(self.stage, path)  # noqa: PTH118
        if not os.path.lexists(source):  # unstaged, listed twice, or moved already
            return
        target = os.path.join(self.out, path)  # noqa: PTH118
        self._ensure(os.path.dirname(target))  # noqa: PTH120
        if self.undo:
            self._keep_old(index, path, target)
        os.replace(source, target)
        if self.undo and self.written[index] == _LINKED:
            self.written[index] = _REPLACED

    def _move_folder(self, index: int, folder: str) -> bool:
        """Move staged ``folder`` in whole when out/ has none of that name; whether it did."""
        whole = os.path.join(self.stage, folder)  # noqa: PTH118 - once per file
        if not os.path.lexists(os.path.join(self.out, folder)) and os.path.isdir(whole):  # noqa: PTH112, PTH118
            os.rename(whole, os.path.join(self.out, folder))  # noqa: PTH104, PTH118
            if self.undo:
                self.written[index] = _FOLDER_MOVED
            return True
        return False

    def _keep_old(self, index: int, path: str, target: str) -> None:
        """Before file ``index`` replaces ``target``: keep the old file in the backup."""
        if not os.path.lexists(target):
            self.written[index] = _MOVED
            return
        aside = os.path.join(self.stage, BACKUP, path)  # noqa: PTH118
        self._ensure(os.path.dirname(aside))  # noqa: PTH120
        try:
            # A second name for the old file: out/path never goes missing for
            # a reader (the replace that follows swaps it in one step).
            os.link(target, aside, follow_symlinks=False)
            self.written[index] = _LINKED  # the old file is still in place
        except OSError:
            os.replace(target, aside)  # a file system without hard links
            self.written[index] = _REPLACED

    def remove(self, index: int, path: str) -> None:
        """Remove ``out/path`` (removal ``index``), kept in the backup with ``undo``."""
        gone = self.out_dir / path
        if self.undo and gone.exists():
            backup = self.staging / BACKUP
            self._ensure(os.fspath((backup / path).parent))
            os.replace(gone, backup / path)
            self.removed[index] = _REMOVED
        else:
            with contextlib.suppress(FileNotFoundError):
                gone.unlink()

    def put_back(self, removed: list[str]) -> None:
        """Put out/ back as it was before this pass."""
        out_dir, staging = self.out_dir, self.staging
        backup = staging / BACKUP
        for index, path in enumerate(removed):
            if self.removed[index] == _REMOVED:
                os.replace(backup / path, out_dir / path)
        with open(staging / WRITTEN_LIST, encoding="utf-8") as listed:
            paths = [line.rstrip("\n") for line in listed]  # only on this rare path
        for index in range(len(paths) - 1, -1, -1):
            path, state = paths[index], self.written[index]
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
