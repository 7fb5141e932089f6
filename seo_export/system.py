"""What every stage may ask of the machine it runs on: how to show a path, how many cores,
how to remember an answer per settings object.

Kept at the bottom of the package (it imports nothing of ours), so that
reading, building and page checking can share it without depending on
each other.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Generic, TypeVar

_Value = TypeVar("_Value")


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when it lies inside, else as an absolute path."""
    absolute = path.absolute()
    try:
        return absolute.relative_to(root.absolute()).as_posix()
    except ValueError:
        return absolute.as_posix()


def default_jobs() -> int:
    """One worker per usable core."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class IdentityMemo(Generic[_Value]):
    """Answers remembered per owner and key, the owner (a rule set, a lexicon, settings)
    compared by identity: owners are immutable and few, and hashing one on every lookup
    would cost more than the answer, while sites repeat their headings.

    Each answer keeps its owner alive beside it, so the owner's id cannot pass to another
    object while the answer is remembered. Past ``limit`` answers (settings loaded again and
    again) the memo starts afresh.
    """

    __slots__ = ("_answers", "_limit")

    def __init__(self, limit: int) -> None:
        self._answers: dict[tuple[int, Hashable], tuple[object, _Value]] = {}
        self._limit = limit

    def get(self, owner: object, key: Hashable, make: Callable[[], _Value]) -> _Value:
        """The remembered answer for ``owner`` and ``key``, else ``make()``'s, remembered."""
        slot = (id(owner), key)
        known = self._answers.get(slot)
        if known is not None and known[0] is owner:
            return known[1]
        if len(self._answers) >= self._limit:
            self._answers.clear()
        value = make()
        self._answers[slot] = (owner, value)
        return value
