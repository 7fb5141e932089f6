"""Size and modification time of each source at its last build, so unchanged files are not read.

The cache lives beside out/ (``.out.cache``), not in it, because it holds
times: out/ stays byte-identical between machines. It is a text file of one
line per source, in source order, so a build streams it (a merge with the
sorted sources) instead of loading it, and writes the next one as it goes. A
torn or foreign cache is simply ignored: the content hashes in the manifest
remain the authority on what is up to date.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TextIO

from ._version import VERSION

HEADER = f"seo-export stat cache {VERSION}\n"


def cache_path(out_dir: Path) -> Path:
    """``.out.cache`` beside ``out``."""
    return out_dir.parent / f".{out_dir.name}.cache"


def _read(path: Path) -> Iterator[tuple[str, int, int, str]]:
    """(name, mtime_ns, size, hash) per line of a cache file; nothing for a foreign file."""
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError:
        return
    with handle:
        if handle.readline() != HEADER:
            return
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                return
            name, mtime, size, content_hash = parts
            try:
                yield name, int(mtime), int(size), content_hash
            except ValueError:
                return


@dataclass
class StatCache:
    """The last build's (mtime, size, hash) per source, read in step with the sorted sources."""

    path: Path
    """Where the cache is kept."""
    _known: Iterator[tuple[str, int, int, str]] = field(default_factory=lambda: iter(()))
    _next: tuple[str, int, int, str] | None = None
    _writer: TextIO | None = None
    _changed: bool = False

    @classmethod
    def open(cls, out_dir: Path) -> StatCache:
        """The cache of ``out_dir``'s last build (empty when missing, torn or foreign)."""
        cache = cls(cache_path(out_dir))
        cache._known = _read(cache.path)
        cache._next = next(cache._known, None)
        return cache

    def hash_if_unchanged(self, name: str, path: str) -> tuple[str, tuple[int, int]] | None:
        """(content hash, stat) recorded for ``name``, if the file still has that size and time.

        Names must be asked in sorted order (the order of the sources).
        """
        while self._next is not None and self._next[0] < name:
            self._next = next(self._known, None)
        if self._next is None or self._next[0] != name:
            return None
        _, mtime, size, content_hash = self._next
        try:
            stat = os.stat(path)  # noqa: PTH116 - str paths in the hot loop
        except OSError:
            return None
        if (stat.st_mtime_ns, stat.st_size) == (mtime, size):
            return content_hash, (mtime, size)
        return None

    def __enter__(self) -> StatCache:
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            self._writer = open(temporary, "w", encoding="utf-8")
            self._writer.write(HEADER)
        except OSError:
            self._writer = None
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._writer is not None:
            self._writer.close()
        if exc is not None:
            self.path.with_name(self.path.name + ".tmp").unlink(missing_ok=True)

    def remember(self, name: str, stat: tuple[int, int] | None, content_hash: str) -> None:
        """Record what this build saw of ``name`` (in source order)."""
        if self._writer is not None and stat is not None and content_hash and "\t" not in name:
            self._writer.write(f"{name}\t{stat[0]}\t{stat[1]}\t{content_hash}\n")

    def commit(self) -> None:
        """Put the new cache in place (atomically; a failure only costs the next build time)."""
        temporary = self.path.with_name(self.path.name + ".tmp")
        with contextlib.suppress(OSError):
            os.replace(temporary, self.path)
