"""Size and modification time of each source at its last build, so unchanged files are not read.

The cache lives beside out/ (``.out.cache``), not in it, because it holds
times: out/ stays byte-identical between machines. It is a text file of one
line per source, in source order, so a build streams it (a merge with the
sorted sources) instead of loading it, and writes the next one as it goes. A
torn or foreign cache is simply ignored: the content hashes in the manifest
remain the authority on what is up to date.

A build that commits ends the cache with a stamp line: what the build was
made with, the size and time of the site-wide files it left in out/, and
its result. When every source, the settings and those files are as the stamp
says, the next build is a no-op that reads nothing else (:func:`stamped_build`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

import orjson

from ._version import VERSION

HEADER = f"seo-export stat cache {VERSION}\n"
STAMP = "#stamp\t"
"""Starts the last line; a source line cannot (it has three tabs, a stamp line one)."""


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

    def recorded(self, name: str) -> str | None:
        """The content hash recorded for ``name`` (asked in source order, before
        :meth:`hash_if_unchanged` for the same name)."""
        while self._next is not None and self._next[0] < name:
            self._next = next(self._known, None)
        if self._next is None or self._next[0] != name:
            return None
        return self._next[3]

    def hash_if_unchanged(self, name: str, path: str) -> tuple[str, tuple[int, int]] | None:
        """(content hash, stat) recorded for ``name``, if the file still has that size and time.

        Names must be asked in sorted order (the order of the sources).
        """
        if self.recorded(name) is None:
            return None
        assert self._next is not None
        _, mtime, size, content_hash = self._next
        if _stat_key(path) == (mtime, size):
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

    def commit(self, stamp: Mapping[str, Any] | None = None) -> None:
        """Put the new cache in place (atomically; a failure only costs the next build time).

        ``stamp`` (JSON data, see :func:`make_stamp`) ends the file when given.
        """
        temporary = self.path.with_name(self.path.name + ".tmp")
        with contextlib.suppress(OSError):
            if stamp is not None and self._writer is not None:
                with open(temporary, "ab") as handle:
                    # Objects with a to_json() (findings) become JSON one at a time.
                    handle.write(STAMP.encode() + orjson.dumps(stamp, default=_to_json) + b"\n")
            os.replace(temporary, self.path)


def _to_json(value: Any) -> Any:
    if hasattr(value, "to_json"):
        return value.to_json()
    raise TypeError(f"{type(value).__name__} is not JSON data")


def _stat_key(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)  # noqa: PTH116 - str paths in the hot loop
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _numbers(parts: list[str]) -> tuple[int, int] | None:
    try:
        return int(parts[1]), int(parts[2])
    except ValueError:
        return None


def make_stamp(key: str, out_dir: Path, outputs: Iterable[str], **result: Any) -> dict[str, Any]:
    """The stamp of a committed build: ``key`` (what it was made with), the size and time of
    ``outputs`` (paths in out/, taken now) and ``result`` (JSON data of the build's result)."""
    base = os.fspath(out_dir)
    files = [[name, *(_stat_key(os.path.join(base, name)) or (0, -1))] for name in outputs]  # noqa: PTH118
    return {"key": key, "outputs": files, "result": result}


@dataclass(frozen=True)
class StampedBuild:
    """The last build as its stamp vouches for it, and which sources changed since."""

    result: dict[str, Any]
    """The last build's result (see :func:`make_stamp`)."""
    changed: tuple[tuple[int, str], ...]
    """(index, cached content hash) of each source whose size or time is not the recorded one."""
    outputs: tuple[str, ...]
    """The out/ files the stamp vouches for (paths in out/)."""
    key: str
    """What the build was made with (see :func:`make_stamp`)."""


def stamped_build(
    out_dir: Path, sources: Iterable[tuple[str, str]], key: str, *, max_changed: int
) -> StampedBuild | None:
    """The last build's stamp, when the same sources are there and at most ``max_changed`` of
    them have another size or time.

    ``sources`` are (name, path) in source order: each must have a line, in
    that order and with none left over; the stamp must carry ``key``; the out/
    files it lists must have their stamped size and time. Anything else (a
    new or deleted source, other settings, a torn cache, a hand-edited
    manifest) returns None: the build looks at everything.
    """
    try:
        handle = open(cache_path(out_dir), encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError:
        return None
    changed = []
    with handle:
        if handle.readline() != HEADER:
            return None
        for index, (name, path) in enumerate(sources):
            parts = handle.readline().rstrip("\n").split("\t")
            if len(parts) != 4 or parts[0] != name:
                return None
            if _stat_key(path) != _numbers(parts):
                changed.append((index, parts[3]))
                if len(changed) > max_changed:
                    return None
        line = handle.readline()
    if not line.startswith(STAMP) or not line.endswith("\n"):
        return None
    try:
        stamp = orjson.loads(line[len(STAMP) :])
    except orjson.JSONDecodeError:
        return None
    if not isinstance(stamp, dict) or stamp.get("key") != key:
        return None
    base = os.fspath(out_dir)
    for name, mtime, size in stamp["outputs"]:
        if _stat_key(os.path.join(base, name)) != (mtime, size):  # noqa: PTH118
            return None
    return StampedBuild(
        stamp["result"], tuple(changed), tuple(name for name, _, _ in stamp["outputs"]), key
    )


def rewrite(
    out_dir: Path,
    replacements: Mapping[int, tuple[str, tuple[int, int] | None, str]],
    stamp: Mapping[str, Any],
) -> None:
    """The cache again with the lines of some sources replaced and a new stamp (after a build
    that rebuilt only those; see :func:`stamped_build`).

    ``replacements`` maps a source's index to (name, stat, content hash); a source without
    a stat loses its line, so the next build looks at everything.
    """
    path = cache_path(out_dir)
    temporary = path.with_name(path.name + ".tmp")
    with contextlib.suppress(OSError):
        with open(path, encoding="utf-8") as old, open(temporary, "w", encoding="utf-8") as new:
            new.write(old.readline())
            for index, line in enumerate(old):
                if line.startswith(STAMP):
                    break
                if index in replacements:
                    name, stat, content_hash = replacements[index]
                    if stat is not None:
                        new.write(f"{name}\t{stat[0]}\t{stat[1]}\t{content_hash}\n")
                else:
                    new.write(line)
            new.write(STAMP + orjson.dumps(stamp, default=_to_json).decode() + "\n")
        os.replace(temporary, path)
