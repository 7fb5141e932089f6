"""Step 1 of a build: what there is to build, decided before any article is built.

- :func:`discover_project`: the sources, what discovery reported, and the stamp
  key (what the output depends on besides the sources) -> :class:`Discovery`.
- :func:`read_stamp`: the last build's stamp, when it may vouch for this one
  (:mod:`seo_export.build.statcache`) -> ``StampedBuild`` or None; the site
  build takes its no-op or patch shortcut from it, and :func:`changed_since`
  says which sources it still vouches for when neither is taken.
- :func:`plan_build`: which sources are up to date and which to build
  -> :class:`BuildPlan`. The stat cache (size, times, inode and hash of each
  source at the last build) vouches for a source whose file is untouched; the
  hash it is checked against comes from the stamp, or else from a first pass
  over the previous manifest, which also finds the articles whose sources are
  gone.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from seo_export._version import VERSION
from seo_export.build.patch import PATCH_LIMIT
from seo_export.build.previous import (
    PreviousEntries,
    files_of,
    needs_rebuild,
    previous_entries,
    reusable,
)
from seo_export.build.staging import rebuild_marker, staging_dir
from seo_export.build.statcache import StampedBuild, StatCache, StatKey, stamped_build
from seo_export.build.work import Outcome, Task
from seo_export.config.settings import Settings
from seo_export.model import Finding
from seo_export.read import publication
from seo_export.read.discover import SourceList, discover


@dataclass(frozen=True, slots=True)
class Discovery:
    """The sources of a build and what their discovery found."""

    sources: SourceList
    """Every article file of the content folder, sorted by name."""
    findings: tuple[Finding, ...]
    """What discovery reported (a link out of the folder, no articles at all)."""
    stamp_key: str
    """What the output depends on besides the sources (see :func:`stamp_key`)."""


def discover_project(settings: Settings) -> Discovery:
    """The sources under ``settings.content_dir`` (out/ left out when it is inside)."""
    sources, findings = discover(
        settings.content_dir,
        settings.root,
        out_dir=settings.out_dir,
        exclude=settings.exclude_pattern,
    )
    return Discovery(sources, tuple(findings), stamp_key(settings, findings))


def stamp_key(settings: Settings, discover_findings: Sequence[Finding]) -> str:
    """What a build's output depends on besides the sources: version, settings, folders,
    what discovery reported, and the day (an article scheduled or due to expire changes
    with it: the first build of a day looks at every source's last findings)."""
    import orjson

    return orjson.dumps(
        [
            VERSION,
            publication.today().isoformat(),
            settings.digest,
            os.path.abspath(settings.content_dir),  # noqa: PTH100 - no symlinks resolved
            os.path.abspath(settings.root),  # noqa: PTH100
            [f.to_json() for f in discover_findings],
        ]
    ).decode()


def read_stamp(settings: Settings, discovery: Discovery, *, force: bool) -> StampedBuild | None:
    """The last build's stamp, when it vouches for out/ and the sources as they are, with at
    most :data:`~seo_export.build.patch.PATCH_LIMIT` sources changed since (none when
    discovery reported anything). None with ``force``, and when a run stopped half-way
    (its staging folder, or a whole build owed): the build then looks at everything."""
    out_dir = settings.out_dir
    if force or staging_dir(out_dir).exists() or rebuild_marker(out_dir).exists():
        return None
    sources = discovery.sources
    return stamped_build(
        out_dir,
        ((sources.name(i), sources.path(i)) for i in range(len(sources))),
        discovery.stamp_key,
        max_changed=0 if discovery.findings else PATCH_LIMIT,
    )


def changed_since(stamped: StampedBuild | None) -> frozenset[int] | None:
    """The sources changed since the stamp, when it vouches for all the others; None when
    there is no stamp, or it lists a skipped duplicate (rebuilt every time: the article
    that held its slug may be gone)."""
    if stamped is None or any(
        item["code"] == "slug-duplicate" for item in stamped.result["findings"]
    ):
        return None
    return frozenset(index for index, _ in stamped.changed)


@dataclass(frozen=True, slots=True)
class BuildPlan:
    """Which sources are up to date and which to build, in source order.

    A source costs 33 bytes here (a flag and its stat key); the tasks for the
    others are made as the workers take them (:meth:`tasks`).
    """

    vouched: bytearray
    """One flag per source: whether the stat cache vouches that its last build stands."""
    stats: array[int]
    """Four numbers per source: the stat key of a vouched-for one (zeros for the others)."""
    known: dict[int, str]
    """Hashes of the previous build, for the sources to build that had one."""
    to_build: int
    """How many sources are not vouched for."""
    gone_files: tuple[str, ...]
    """Output files of the previous build's articles whose sources are gone."""

    def tasks(self, sources: SourceList) -> Iterator[Task]:
        """The sources to build, in order."""
        for index, vouched in enumerate(self.vouched):
            if not vouched:
                yield Task(sources.name(index), self.known.get(index))

    def vouched_outcome(self, index: int, name: str, content_hash: str) -> Outcome:
        """The outcome of vouched-for source ``index``: its previous build stands."""
        mtime, size, ctime, inode = self.stats[4 * index : 4 * index + 4]
        return Outcome(name, content_hash, (mtime, size, ctime, inode), None)


def plan_build(
    settings: Settings,
    sources: SourceList,
    *,
    force: bool,
    changed_since_stamp: frozenset[int] | None,
) -> BuildPlan:
    """The plan for ``sources``. ``changed_since_stamp``: the sources changed since the last
    build's stamp, when it vouches for the others (:func:`changed_since`); else the previous
    manifest says what each source was built from (nothing with ``force``)."""
    cache = StatCache.open(settings.out_dir)
    if changed_since_stamp is not None:
        return _plan_from_stamp(sources, cache, changed_since_stamp)
    return _plan_from_manifest(settings, sources, cache, force)


def _plan_from_stamp(sources: SourceList, cache: StatCache, changed: frozenset[int]) -> BuildPlan:
    # The stamp vouches that the stat cache lists the manifest's sources and hashes, and
    # that none of them is a skipped duplicate (rebuilt each time); the stat keys were
    # compared a moment ago.
    planner = _Planner()
    for index in range(len(sources)):
        name = sources.name(index)
        key = None if index in changed else cache.recorded_key(name)
        if key is None:
            planner.add(index, sources, cache.recorded(name), cache)
        else:
            planner.vouch(key)
    return planner.plan(gone_files=())


def _plan_from_manifest(
    settings: Settings, sources: SourceList, cache: StatCache, force: bool
) -> BuildPlan:
    # The first pass over the previous manifest: what each source was built from. The
    # run streams it again beside the results, so that it is never held in memory whole.
    header, entries = previous_entries(settings, keys_only=True)
    reuse = reusable(header, settings, force=force)
    first_pass = PreviousEntries(entries)
    planner = _Planner()
    for index in range(len(sources)):
        entry = first_pass.take(sources.name(index))
        known = None
        if reuse and entry is not None and not needs_rebuild(entry[1]):
            known = str(entry[0].get("content_hash"))
        planner.add(index, sources, known, cache)
    gone = [path for _, line in first_pass.rest() for path in files_of(line)]
    return planner.plan(gone_files=tuple(gone))


class _Planner:
    """A :class:`BuildPlan` as it is made, one source at a time in source order."""

    def __init__(self) -> None:
        self.vouched = bytearray()
        self.stats: array[int] = array("q")
        self.known: dict[int, str] = {}
        self.to_build = 0

    def add(self, index: int, sources: SourceList, known: str | None, cache: StatCache) -> None:
        """Source ``index``, whose last build was from ``known`` (a hash), if anything: vouched
        for when its file is untouched since and the cache recorded that hash."""
        cached = (
            cache.hash_if_unchanged(sources.name(index), sources.path(index)) if known else None
        )
        vouched = cached is not None and cached[0] == known
        self.vouched.append(vouched)
        self.stats.extend(cached[1] if vouched and cached else (0, 0, 0, 0))
        if not vouched:
            self.to_build += 1
            if known is not None:
                self.known[index] = known

    def vouch(self, key: StatKey) -> None:
        """The next source is up to date, with stat key ``key``."""
        self.vouched.append(True)
        self.stats.extend(key)

    def plan(self, *, gone_files: tuple[str, ...]) -> BuildPlan:
        return BuildPlan(self.vouched, self.stats, self.known, self.to_build, gone_files)
