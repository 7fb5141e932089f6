"""What every stage may ask of the machine it runs on: how to show a path, how many cores.

Kept at the bottom of the package (it imports nothing of ours), so that
reading, building and page checking can share it without depending on
each other.
"""

from __future__ import annotations

import os
from pathlib import Path


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
