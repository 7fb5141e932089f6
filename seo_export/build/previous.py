"""The previous build, read in step with the sources: its manifest entries and its bundle lines.

Both files list the articles in source order, so a build reads them as a
merge-join with the sorted sources, one line at a time, and never holds
either whole (at 100,000 articles the manifest is 300 MB, the bundle over 1 GB).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from seo_export._version import VERSION
from seo_export.build.bundle import BUFFER as BUNDLE_BUFFER
from seo_export.build.bundle import line_source, line_start
from seo_export.build.manifest import MANIFEST_NAME, ManifestHeader, parse_entry, read_manifest
from seo_export.config.settings import Settings
from seo_export.read.publication import TIME_BOUND_CODES

Entry = tuple[dict[str, Any], str]
"""A previous manifest entry: parsed, and its JSON line."""


def previous_entries(
    settings: Settings, *, keys_only: bool = False
) -> tuple[ManifestHeader | None, Iterator[Entry]]:
    """The previous manifest's header and its entries in order, streamed (none when it cannot
    be read). With ``keys_only`` an entry holds only its source and content hash."""
    return read_manifest(settings.out_dir / MANIFEST_NAME, keys_only=keys_only)


def reusable(header: ManifestHeader | None, settings: Settings, *, force: bool) -> bool:
    """Whether the build that wrote ``header`` may be reused: made by this version of
    seo-export with these settings, and no ``force``."""
    return (
        not force
        and header is not None
        and header.version == VERSION
        and header.settings_digest == settings.digest
    )


def files_of(line: str) -> list[str]:
    """The output files of a previous manifest line (none when it cannot be read)."""
    try:
        files = parse_entry(line).get("files", [])
    except ValueError:
        return []
    return [str(path) for path in files] if isinstance(files, list) else []


def needs_rebuild(line: str) -> bool:
    """A skipped duplicate is rebuilt every time: the article that held its slug may be gone;
    and so is an article scheduled or due to expire, which another day may change."""
    return any(f'"code":"{code}"' in line for code in _REBUILT_CODES)


_REBUILT_CODES = ("slug-duplicate", *TIME_BOUND_CODES)


class PreviousEntries:
    """Merge-join over the previous manifest's entries, which are sorted like the sources."""

    def __init__(self, entries: Iterator[Entry]) -> None:
        self._entries = entries
        self._next: Entry | None = next(self._entries, None)
        self.dropped: list[Entry] = []

    def take(self, name: str) -> Entry | None:
        """The entry of source ``name``, if the previous build had one (asked in source order)."""
        while self._next is not None and str(self._next[0].get("source")) < name:
            self.dropped.append(self._next)
            self._next = next(self._entries, None)
        if self._next is not None and self._next[0].get("source") == name:
            found = self._next
            self._next = next(self._entries, None)
            return found
        return None

    def rest(self) -> list[Entry]:
        """The entries no source asked for: their sources are gone."""
        rest = self.dropped
        while self._next is not None:
            rest.append(self._next)
            self._next = next(self._entries, None)
        return rest


class PreviousBundle:
    """Merge-join over the previous out/articles.ndjson, whose lines are sorted like the
    sources; lines passed over are dropped (a bundle of 100,000 articles is over 1 GB).

    ``changed`` is set by the caller when a line it writes is not the one taken here, and
    by this reader when a line is passed over or cannot be read: :meth:`finish` then says
    whether the new bundle differs from this one.
    """

    def __init__(self, path: Path) -> None:
        self.changed = False
        self._lines = self._read(path)
        self._next: bytes | None = next(self._lines, None)

    def _read(self, path: Path) -> Iterator[bytes]:
        try:
            handle = open(path, "rb", buffering=BUNDLE_BUFFER)  # noqa: SIM115 - closed below
        except OSError:
            self.changed = True  # none yet: one is written, even empty
            return
        with handle:
            try:
                for line in handle:
                    if not line.endswith(b"\n"):
                        self.changed = True  # cut short: the new bundle has it whole
                    else:
                        yield line
            except OSError:
                self.changed = True  # the rest counts as missing: built again

    def take(self, name: str) -> bytes | None:
        """The line of source ``name``, if the bundle has it whole (asked in source order)."""
        start = line_start(name)
        while self._next is not None:
            line = self._next
            if line.startswith(start) and line.endswith(b"}}\n"):
                # Decided without decoding the line's source. A line cut short (it must
                # end its JSON-LD and itself) counts as lost: the article is built again.
                self._next = next(self._lines, None)
                return line
            source = line_source(line)
            if source is not None and source > name:
                return None  # not in the bundle; the next line belongs to a later article
            # A line of an article that is gone or no longer built, or a damaged one.
            self.changed = True
            self._next = next(self._lines, None)
        return None

    def finish(self) -> bool:
        """Whether the bundle written differs from this one (read to its end)."""
        if self._next is not None:
            self.changed = True
            self._next = None
        for _ in self._lines:
            self.changed = True
        return self.changed
