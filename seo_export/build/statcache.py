"""Each source's size, times and inode at its last build, so unchanged files are not read.

The cache lives beside out/ (``.out.cache``), not in it, because it holds
times: out/ stays byte-identical between machines. It is a text file of one
line per source, in source order, so a build streams it (a merge with the
sorted sources) instead of loading it, and writes the next one as it goes. A
torn or foreign cache is simply ignored: the content hashes in the manifest
remain the authority on what is up to date.

A build that commits ends the cache with a stamp line: what the build was
made with, the same facts of the site-wide files it left in out/, and
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

from seo_export._version import VERSION

HEADER = f"seo-export stat cache 2 {VERSION}\n"
STAMP = "#stamp\t"
"""Starts the last line; a source line cannot (it has five tabs, a stamp line one)."""
FIELDS = 6
"""A source's line: name, then its :data:`StatKey`, then its content hash, tab-separated."""

StatKey = tuple[int, int, int, int]
"""(mtime_ns, size, ctime_ns, inode) of a file. Modification time and size alone miss a
chmod (a file made unreadable) and a file renamed over another of the same size and time;
the change time and the inode catch both. The inode is kept to 63 bits: some file systems
give numbers past a signed 64-bit integer, which the caches store."""

_INODE_BITS = (1 << 63) - 1

SITEMAP_FILES = "sitemap*.xml*"
"""The names of the sitemap files a build writes into out/ (and tidies when they are stale)."""


def stat_key(path: str) -> StatKey | None:
    """The :data:`StatKey` of ``path``, or None when it cannot be stat'ed."""
    try:
        stat = os.stat(path)  # noqa: PTH116 - str paths in the hot loop
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size, stat.st_ctime_ns, stat.st_ino & _INODE_BITS


def _key_of(parts: list[str]) -> StatKey | None:
    try:
        return int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4])
    except (ValueError, IndexError):
        return None


def _line(name: str, stat: StatKey, content_hash: str) -> str:
    return f"{name}\t{stat[0]}\t{stat[1]}\t{stat[2]}\t{stat[3]}\t{content_hash}\n"


def cache_path(out_dir: Path) -> Path:
    """``.out.cache`` beside ``out``."""
    return out_dir.parent / f".{out_dir.name}.cache"


def _read(path: Path) -> Iterator[tuple[str, StatKey, str]]:
    """(name, stat key, hash) per line of a cache file; nothing for a foreign file."""
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError:
        return
    with handle:
        if handle.readline() != HEADER:
            return
        for line in handle:
            entry = _entry(line)
            if entry is None:
                return
            yield entry


def _entry(line: str) -> tuple[str, StatKey, str] | None:
    """(name, stat key, hash) of a source's line; None for any other line."""
    parts = line.rstrip("\n").split("\t")
    key = _key_of(parts) if len(parts) == FIELDS else None
    return None if key is None else (parts[0], key, parts[5])


@dataclass
class StatCache:
    """The last build's (stat key, hash) per source, read in step with the sorted sources."""

    path: Path
    """Where the cache is kept."""
    _known: Iterator[tuple[str, StatKey, str]] = field(default_factory=lambda: iter(()))
    _next: tuple[str, StatKey, str] | None = None
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
        return self._next[2]

    def recorded_key(self, name: str) -> StatKey | None:
        """The stat key recorded for ``name`` (asked in source order)."""
        if self.recorded(name) is None:
            return None
        assert self._next is not None
        return self._next[1]

    def hash_if_unchanged(self, name: str, path: str) -> tuple[str, StatKey] | None:
        """(content hash, stat key) recorded for ``name``, if the file's stat key is still that.

        Names must be asked in sorted order (the order of the sources).
        """
        if self.recorded(name) is None:
            return None
        assert self._next is not None
        _, key, content_hash = self._next
        return (content_hash, key) if stat_key(path) == key else None

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
            try:
                self._writer.close()
            except OSError:  # a full disk: the cache is given up (it only saves time)
                self._writer = None
                exc = exc or OSError()
        if exc is not None:
            self.path.with_name(self.path.name + ".tmp").unlink(missing_ok=True)

    def remember(self, name: str, stat: StatKey | None, content_hash: str) -> None:
        """Record what this build saw of ``name`` (in source order)."""
        if self._writer is not None and stat is not None and content_hash and "\t" not in name:
            try:
                self._writer.write(_line(name, stat, content_hash))
            except OSError:  # a full disk: the build goes on without a new cache
                self._give_up()

    def _give_up(self) -> None:
        writer, self._writer = self._writer, None
        with contextlib.suppress(OSError):
            if writer is not None:
                writer.close()
        self.path.with_name(self.path.name + ".tmp").unlink(missing_ok=True)

    def commit(self, stamp: Mapping[str, Any] | None = None) -> None:
        """Put the new cache in place (atomically; a failure only costs the next build time).

        ``stamp`` (JSON data, see :func:`make_stamp`) ends the file when given.
        """
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            if stamp is not None and self._writer is not None:
                with open(temporary, "ab") as handle:
                    # Objects with a to_json() (findings) become JSON one at a time.
                    handle.write(STAMP.encode() + orjson.dumps(stamp, default=_to_json) + b"\n")
            os.replace(temporary, self.path)
        except OSError:  # never a half-written cache, nor its temporary file, left behind
            temporary.unlink(missing_ok=True)


def _to_json(value: Any) -> Any:
    if hasattr(value, "to_json"):
        return value.to_json()
    raise TypeError(f"{type(value).__name__} is not JSON data")


def make_stamp(key: str, out_dir: Path, outputs: Iterable[str], **result: Any) -> dict[str, Any]:
    """The stamp of a committed build: ``key`` (what it was made with), the stat keys of
    ``outputs`` (paths in out/, taken now), and ``result`` (JSON data of the build's result).
    """
    base = os.fspath(out_dir)
    files = [
        [name, *(stat_key(os.path.join(base, name)) or (0, -1, 0, 0))]  # noqa: PTH118
        for name in dict.fromkeys(outputs)
    ]
    return {"key": key, "outputs": files, "result": result}


_RESULT_KEYS = {
    "unchanged": int,
    "skipped": int,
    "counts": dict,
    "findings": list,
    "kept_info": bool,
    "robots_line": str,
}


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
    files it lists must have their stamped stat keys. Anything else (a
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
            entry = _entry(handle.readline())
            if entry is None or entry[0] != name:
                return None
            if stat_key(path) != entry[1]:
                changed.append((index, entry[2]))
                if len(changed) > max_changed:
                    return None
        line = handle.readline()
    if not line.startswith(STAMP) or not line.endswith("\n"):
        return None
    try:
        stamp = orjson.loads(line[len(STAMP) :])
    except orjson.JSONDecodeError:
        return None
    if not _well_formed(stamp) or stamp["key"] != key:
        return None
    base = os.fspath(out_dir)
    for name, *recorded in stamp["outputs"]:
        if stat_key(os.path.join(base, name)) != tuple(recorded):  # noqa: PTH118
            return None
    outputs = tuple(item[0] for item in stamp["outputs"])
    return StampedBuild(stamp["result"], tuple(changed), outputs, key)


def _well_formed(stamp: Any) -> bool:
    """Whether a stamp has the shape :func:`make_stamp` gives (a hand-edited one may not)."""
    if not isinstance(stamp, dict) or not isinstance(stamp.get("key"), str):
        return False
    outputs, result = stamp.get("outputs"), stamp.get("result")
    if not isinstance(outputs, list) or not isinstance(result, dict):
        return False
    if not all(
        isinstance(item, list) and len(item) == 5 and isinstance(item[0], str) for item in outputs
    ):
        return False
    if not all(isinstance(result.get(name), kind) for name, kind in _RESULT_KEYS.items()):
        return False
    counts, findings = result["counts"], result["findings"]
    return all(isinstance(counts.get(s), int) for s in ("error", "warning", "info")) and all(
        isinstance(item, dict)
        and isinstance(item.get("code"), str)
        and item.get("severity") in ("error", "warning", "info")
        and isinstance(item.get("message"), str)
        for item in findings
    )


def rewrite(
    out_dir: Path,
    replacements: Mapping[int, tuple[str, StatKey | None, str]],
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
                        new.write(_line(name, stat, content_hash))
                else:
                    new.write(line)
            new.write(STAMP + orjson.dumps(stamp, default=_to_json).decode() + "\n")
        os.replace(temporary, path)
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)  # left when writing it failed
