"""``build_site``: every article of a content folder into out/, in parallel, incrementally.

The pipeline per article (:func:`seo_export.build.article.build_text`) runs in worker
processes, which also write the article's three files into the staging
folder, so that both cores share the parsing and the file system's per-file
cost (with ``output = "bundle"`` they send back the article's line of
out/articles.ndjson instead). Results come back in source order, and the main
process streams the manifest, the sitemaps and the bundle from them: the
output is byte-identical to a one-process build, and memory does not grow
with the corpus beyond one short record per slug.

What is up to date is not rebuilt: the previous manifest says which content
hash each source was built from, and a stat cache beside out/ (size, times
and inode per source) saves even reading a file that has not been touched.
Its stamp lets a build with nothing to do stop there, and one with a few
edited articles patch them in (:mod:`seo_export.build.patch`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import os
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seo_export._version import VERSION
from seo_export.build import emit, staging
from seo_export.build.article import build_text, site_sitemap_writer, sitemap_base
from seo_export.build.bundle import BUFFER as BUNDLE_BUFFER
from seo_export.build.bundle import BUNDLE_NAME, line_source, line_start
from seo_export.build.emit import OutputTransaction, output_lock
from seo_export.build.manifest import (
    MANIFEST_NAME,
    entry_line,
    footer,
    header_line,
    parse_entry,
    read_footer,
    read_manifest,
    record_from_json,
)
from seo_export.build.patch import PATCH_LIMIT, patch_build, result_from_stamp
from seo_export.build.statcache import SITEMAP_FILES, StatCache, StatKey, make_stamp, stamped_build
from seo_export.build.work import (
    Outcome,
    Task,
    build_source,
    init_worker,
    relax_garbage_collector,
    work_in_pool,
)
from seo_export.checks.site import SiteLint
from seo_export.config.settings import Settings
from seo_export.findings.codes import finding
from seo_export.model import ArticleRecord, BuildResult, Finding, Severity, SitemapEntry
from seo_export.outputs.sitemap import SitemapEntryTooLargeError, robots_line
from seo_export.read.discover import SourceFile, SourceList, discover, read_source
from seo_export.system import default_jobs, display_path

ProgressCallback = Callable[[int, int], None]
"""Called as (articles done, articles in all)."""

# Articles per task sent to a worker: enough to amortise the round trip,
# few enough that results keep flowing for the progress bar.
CHUNK = 32
IN_FLIGHT = 8 * CHUNK
"""Articles sent to workers and not yet taken by the main process, at most (four chunks per
worker on two cores: each always has the next ones)."""
FINDINGS_KEPT = 10_000
"""Warnings (and info findings) a build result holds at most, per severity; it counts the rest,
and the manifest has them all."""


@dataclass
class _Run:
    """The main process's side of one build: slug claims, cleanup, counts, findings.

    Per article it keeps only what later articles are checked against (one
    entry per slug), so its memory does not grow with what the articles hold.
    """

    settings: Settings
    sources: Sequence[SourceFile]
    transaction: OutputTransaction
    keep_info: bool
    findings: list[Finding] = field(default_factory=list)
    slugs: dict[str, int] = field(default_factory=dict)
    """slug -> index of the source that holds it, times 2, plus 1 when this run rebuilt it."""
    stale: list[str] = field(default_factory=list)
    """Output paths of the previous build that may have to go."""
    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Severity})
    built: int = 0
    unchanged: int = 0
    skipped: int = 0
    changed: bool = False

    def note(self, items: Iterable[Finding]) -> None:
        """Count findings; keep every error, and warnings (and info) up to FINDINGS_KEPT each."""
        for item in items:
            severity = item.severity
            self.counts[severity.value] += 1
            if severity is Severity.ERROR or (
                (self.keep_info or severity is not Severity.INFO)
                and self.counts[severity.value] <= FINDINGS_KEPT
            ):
                self.findings.append(item)

    def accept(self, index: int, outcome: Outcome, entry: Entry | None) -> ArticleRecord:
        """The record of source ``index``, after slug claims; stages and unstages files."""
        rebuilt = outcome.record is not None
        previous = entry[0] if entry is not None else None
        if outcome.record is None:
            assert entry is not None and previous is not None
            record = record_from_json(previous, light=not self.keep_info)
            if self._taken(record):  # about to lose its slug: keep its entities
                record = record_from_json(parse_entry(entry[1]))
            elif not self.keep_info:
                infos = sum(1 for f in previous.get("findings", []) if f.get("severity") == "info")
                self.counts[Severity.INFO.value] += infos
        else:
            record = outcome.record
            if self._taken(record) and outcome.line is not None:
                record = record_from_json(parse_entry(outcome.line))  # keep its entities
            self.changed = True
            for path in outcome.written:
                self.transaction.adopt(path)
        record = self._claim(index, record, rebuilt)
        if previous is not None:
            self.stale.extend(p for p in previous.get("files", []) if p not in record.files)
        if record.built:
            self.unchanged += not rebuilt
            self.built += rebuilt
        else:
            self.skipped += 1
        self.note(record.findings)
        return record

    def _taken(self, record: ArticleRecord) -> bool:
        return record.built and record.slug is not None and record.slug in self.slugs

    def _claim(self, index: int, record: ArticleRecord, rebuilt: bool) -> ArticleRecord:
        slug = record.slug
        if not record.built or slug is None:
            return record
        owner = self.slugs.get(slug)
        if owner is None:
            self.slugs[slug] = index * 2 + rebuilt
            return record
        owner_source = self.sources[owner // 2]
        if rebuilt:
            # This article's worker wrote into the owner's folder: put the owner's files back.
            for path in record.files:
                self.transaction.unstage(path)
            if owner % 2:
                self._rebuild(owner_source)
        duplicate = finding(
            "slug-duplicate",
            f"slug {slug!r} is already used by {owner_source.display}; this file was not built",
            self.sources[index].display,
            record.slug_line,
        )
        self.changed = True
        return dataclasses.replace(
            record, built=False, sitemap=None, files=(), findings=(*record.findings, duplicate)
        )

    def _rebuild(self, source: SourceFile) -> None:
        if self.settings.output == "bundle":
            return  # no files of its own: its bundle line was written when it came by
        text = read_source(source, self.settings.max_file_bytes)
        if text.text is None:
            return
        result = build_text(text.text, text.content_hash, source.display, self.settings)
        for file in result.files:
            self.transaction.write(file.path, file.content)

    def owns(self, path: str) -> bool:
        """Whether ``path`` is an output of some article that holds its slug in this build
        (none with ``output = "bundle"``: no article has files of its own)."""
        return self.settings.output != "bundle" and path.split("/", 1)[0] in self.slugs


Entry = tuple[dict[str, Any], str]
"""A previous manifest entry: parsed, and its JSON line."""


def _previous_entries(
    settings: Settings, force: bool, *, keys_only: bool = False
) -> tuple[bool, Iterator[Entry]]:
    header, entries = read_manifest(settings.out_dir / MANIFEST_NAME, keys_only=keys_only)
    reusable = (
        not force
        and header is not None
        and header.version == VERSION
        and header.settings_digest == settings.digest
    )
    return reusable, entries


class _PreviousEntries:
    """Merge-join over the previous manifest's entries, which are sorted like the sources."""

    def __init__(self, entries: Iterator[Entry]) -> None:
        self._entries = entries
        self._next: Entry | None = next(self._entries, None)
        self.dropped: list[Entry] = []

    def take(self, name: str) -> Entry | None:
        while self._next is not None and str(self._next[0].get("source")) < name:
            self.dropped.append(self._next)
            self._next = next(self._entries, None)
        if self._next is not None and self._next[0].get("source") == name:
            found = self._next
            self._next = next(self._entries, None)
            return found
        return None

    def rest(self) -> list[Entry]:
        rest = self.dropped
        while self._next is not None:
            rest.append(self._next)
            self._next = next(self._entries, None)
        return rest


class _PreviousBundle:
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


def _files_of(line: str) -> list[str]:
    """The output files of a previous manifest line (none when it cannot be read)."""
    try:
        files = parse_entry(line).get("files", [])
    except ValueError:
        return []
    return [str(path) for path in files] if isinstance(files, list) else []


def _needs_rebuild(line: str) -> bool:
    """A skipped duplicate is rebuilt every time: the article that held its slug may be gone."""
    return '"code":"slug-duplicate"' in line


def _known_line(record: ArticleRecord, outcome: Outcome, entry: Entry | None) -> str | None:
    """The manifest line made already (by the worker, or by the previous build), if still true."""
    if outcome.record is not None:
        return outcome.line if record.built == outcome.record.built else None
    if entry is not None and record.built == bool(entry[0].get("built")):
        return entry[1]
    return None


def build_site(
    settings: Settings,
    *,
    force: bool = False,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
    keep_info: bool = True,
) -> BuildResult:
    """Build every article under ``settings.content_dir`` into ``settings.out_dir``.

    Only articles whose source, the settings or the seo-export version changed
    are rebuilt (all of them with ``force``); output of deleted articles is
    removed. Nothing in out/ changes unless the whole build finishes. ``jobs``
    processes share the work (default: the ``jobs`` setting, 0 meaning one per
    core); the output is the same for any number. ``keep_info`` false leaves
    info findings out of the result (they are counted, and kept in the
    manifest), which keeps memory small for very large sites.
    """
    thresholds = gc.get_threshold()
    relax_garbage_collector()
    try:
        return _build_site(settings, force, jobs, progress, keep_info)
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _build_site(
    settings: Settings,
    force: bool,
    jobs: int | None,
    progress: ProgressCallback | None,
    keep_info: bool,
) -> BuildResult:
    out_dir = settings.out_dir
    sources, discover_findings = discover(
        settings.content_dir, settings.root, out_dir=settings.out_dir
    )
    workers = (jobs if jobs is not None else settings.jobs) or default_jobs()
    stamp_key = _stamp_key(settings, discover_findings)
    with output_lock(out_dir):
        trusted: frozenset[int] | None = None
        if (
            not force
            and not staging.staging_dir(out_dir).exists()
            and not staging.rebuild_marker(out_dir).exists()
        ):
            stamped = stamped_build(
                out_dir,
                ((sources.name(i), sources.path(i)) for i in range(len(sources))),
                stamp_key,
                max_changed=0 if discover_findings else PATCH_LIMIT,
            )
            shortcut = None
            if stamped is not None and (stamped.result["kept_info"] or not keep_info):
                if stamped.changed:
                    shortcut = patch_build(
                        settings, sources, stamped, keep_info=keep_info, findings_kept=FINDINGS_KEPT
                    )
                else:
                    previous = stamped.result
                    shortcut = result_from_stamp(
                        settings,
                        previous,
                        findings=map(Finding.from_json, previous["findings"]),
                        counts=previous["counts"],
                        keep_info=keep_info,
                    )
            if shortcut is not None:
                if progress is not None:
                    progress(len(sources), len(sources))
                return shortcut
            if stamped is not None and not any(
                item["code"] == "slug-duplicate" for item in stamped.result["findings"]
            ):
                trusted = frozenset(index for index, _ in stamped.changed)
        return _build_changes(
            settings,
            sources,
            discover_findings,
            force=force,
            workers=workers,
            progress=progress,
            keep_info=keep_info,
            stamp_key=stamp_key,
            changed_since_stamp=trusted,
        )


def _stamp_key(settings: Settings, discover_findings: Sequence[Finding]) -> str:
    """What a build's output depends on besides the sources: version, settings, folders, and
    what discovery reported."""
    import orjson

    return orjson.dumps(
        [
            VERSION,
            settings.digest,
            os.path.abspath(settings.content_dir),  # noqa: PTH100 - no symlinks resolved
            os.path.abspath(settings.root),  # noqa: PTH100
            [f.to_json() for f in discover_findings],
        ]
    ).decode()


def _build_changes(
    settings: Settings,
    sources: SourceList,
    discover_findings: list[Finding],
    *,
    force: bool,
    workers: int,
    progress: ProgressCallback | None,
    keep_info: bool,
    stamp_key: str,
    changed_since_stamp: frozenset[int] | None,
) -> BuildResult:
    """Build what changed.

    ``changed_since_stamp``: when the last build's stamp holds (see _build_site),
    the sources whose stat keys changed since; the others are up to date.
    """
    out_dir = settings.out_dir
    with OutputTransaction(out_dir) as transaction:
        if transaction.rebuild_all:
            force, changed_since_stamp = True, None  # the last run stopped while undoing
        run = _Run(settings, sources, transaction, keep_info)
        run.note(discover_findings)
        stat_cache = StatCache.open(out_dir)
        plan = _Plan()
        if changed_since_stamp is not None:
            # The stamp vouches that the stat cache lists the manifest's sources and
            # hashes, and that none of them is a skipped duplicate (rebuilt each time);
            # the stat keys were compared a moment ago.
            for index in range(len(sources)):
                name = sources.name(index)
                key = None if index in changed_since_stamp else stat_cache.recorded_key(name)
                if key is None:
                    plan.add(index, sources, stat_cache.recorded(name), stat_cache)
                else:
                    plan.vouch(key)
        else:
            # First pass over the previous manifest: what each source was built from.
            # The second pass, below, streams it again beside the results, so that
            # it is never held in memory whole.
            reusable, entries = _previous_entries(settings, force, keys_only=True)
            first_pass = _PreviousEntries(entries)
            for index in range(len(sources)):
                entry = first_pass.take(sources.name(index))
                known = None
                if reusable and entry is not None and not _needs_rebuild(entry[1]):
                    known = str(entry[0].get("content_hash"))
                plan.add(index, sources, known, stat_cache)
            for gone in first_pass.rest():
                run.changed = True
                run.stale.extend(_files_of(gone[1]))
            del first_pass, entries

        outcomes = _outcomes(plan, sources, settings, transaction.staging, workers)
        second_pass = _PreviousEntries(_previous_entries(settings, force)[1])
        lint = SiteLint(lambda i: sources[i].display)
        site_findings = list(discover_findings)
        done = 0
        bundled = settings.output == "bundle"
        if not bundled and read_footer(out_dir / MANIFEST_NAME).get("output") == "bundle":
            transaction.remove(BUNDLE_NAME)  # the last build wrote it; this one writes files
        previous_bundle = _PreviousBundle(out_dir / BUNDLE_NAME) if bundled else None
        bundle_stream = transaction.stream_bytes(BUNDLE_NAME) if bundled else None
        with (
            transaction.stream(MANIFEST_NAME) as manifest,
            bundle_stream or contextlib.nullcontext() as bundle,
            stat_cache,
        ):
            manifest.write(header_line(VERSION, settings.digest))

            def records() -> Iterator[tuple[int, SitemapEntry]]:
                nonlocal done
                for index, built in enumerate(outcomes):
                    name = sources.name(index)
                    entry = second_pass.take(name)
                    outcome = built
                    kept_line = None
                    if entry is None and (outcome is None or outcome.record is None):
                        # Up to date by the stat cache's hash, yet the manifest has lost its
                        # line (edited by hand): build it again.
                        outcome = build_source(Task(name, None), settings, transaction.staging)
                    elif outcome is None:
                        assert entry is not None
                        outcome = plan.outcome(index, name, entry[0]["content_hash"])
                    if previous_bundle is not None:
                        kept_line = previous_bundle.take(name)
                        if outcome.record is None and kept_line is None:
                            assert entry is not None
                            if entry[0].get("built"):  # the bundle has lost its line: build again
                                outcome = build_source(
                                    Task(name, None), settings, transaction.staging
                                )
                    record = run.accept(index, outcome, entry)
                    stat_cache.remember(name, outcome.stat, outcome.content_hash)
                    manifest.write(
                        entry_line(record, done == 0, _known_line(record, outcome, entry))
                    )
                    if bundle is not None and previous_bundle is not None:
                        text = None
                        if record.built:
                            text = kept_line if outcome.record is None else outcome.bundle
                            assert text is not None, "a built article has its bundle line"
                            bundle.write(text)
                        previous_bundle.changed |= text != kept_line
                    site_findings.extend(lint.add(record, index))
                    done += 1
                    if progress is not None:
                        progress(done, len(sources))
                    if record.sitemap is not None:
                        yield index, record.sitemap

            sink = emit.StagedParts(transaction, settings.sitemap_gzip)
            sitemaps = site_sitemap_writer(sink, settings)
            for index, url in records():
                try:
                    sitemaps.add(url)
                except SitemapEntryTooLargeError as problem:
                    site_findings.append(
                        finding("sitemap-entry-too-large", str(problem), sources[index].display)
                    )
            sitemaps.close()
            sitemap_names = sink.names
            for stale in sorted(out_dir.glob(SITEMAP_FILES)):
                if stale.name not in sitemap_names:
                    transaction.remove(stale.name)
            for path in run.stale:
                if not run.owns(path):
                    transaction.remove(path)
            site_findings.extend(lint.closing())
            run.note(site_findings[len(discover_findings) :])
            manifest.write(footer(sitemap_names, site_findings, done > 0, output=settings.output))
        if transaction.unchanged(MANIFEST_NAME):
            transaction.unstage(MANIFEST_NAME)
        if previous_bundle is not None and not previous_bundle.finish():
            # Line for line the previous bundle (known without comparing 100s of MB again).
            transaction.unstage(BUNDLE_NAME)
        robots = robots_line(sitemap_base(settings))
        transaction.write_if_changed("robots-sitemap.txt", (robots + "\n").encode("utf-8"))
        written, written_count, removed = transaction.commit()
        if transaction.rebuild_all:
            staging.rebuild_marker(out_dir).unlink(missing_ok=True)  # the whole build is in
        stat_cache.commit(
            make_stamp(
                stamp_key,
                out_dir,
                [
                    MANIFEST_NAME,
                    *sitemap_names,
                    "robots-sitemap.txt",
                    *([BUNDLE_NAME] if bundled else []),
                ],
                unchanged=run.built + run.unchanged,
                skipped=run.skipped,
                counts=run.counts,
                findings=run.findings,
                kept_info=keep_info,
                robots_line=robots,
            )
        )
        return BuildResult(
            out_dir=display_path(out_dir, settings.root),
            built=run.built,
            unchanged=run.unchanged,
            skipped=run.skipped,
            findings=tuple(run.findings),
            files_written=tuple(written),
            files_removed=tuple(removed),
            robots_line=robots,
            counts=dict(run.counts),
            files_written_count=written_count,
            files_removed_count=len(transaction.removed),
        )


@dataclass
class _Plan:
    """Which sources the stat cache vouches for, and which to build, in order.

    A source costs 17 bytes here (a flag, its size and its time); the tasks
    for the others are made as the workers take them (:meth:`tasks`).
    """

    cached: bytearray = field(default_factory=bytearray)
    stats: array[int] = field(default_factory=lambda: array("q"))
    """Four numbers per source: the stat key of a vouched-for one (zeros for the others)."""
    known: dict[int, str] = field(default_factory=dict)
    """Hashes of the previous build, for the sources to build that had one."""
    to_build: int = 0

    def add(self, index: int, sources: SourceList, known: str | None, cache: StatCache) -> None:
        cached = (
            cache.hash_if_unchanged(sources.name(index), sources.path(index)) if known else None
        )
        vouched = cached is not None and cached[0] == known
        self.cached.append(vouched)
        self.stats.extend(cached[1] if vouched and cached else (0, 0, 0, 0))
        if not vouched:
            self.to_build += 1
            if known is not None:
                self.known[index] = known

    def vouch(self, key: StatKey) -> None:
        """The next source is up to date, with stat key ``key``."""
        self.cached.append(True)
        self.stats.extend(key)

    def tasks(self, sources: SourceList) -> Iterator[Task]:
        """The sources to build, in order."""
        for index, cached in enumerate(self.cached):
            if not cached:
                yield Task(sources.name(index), self.known.get(index))

    def outcome(self, index: int, name: str, content_hash: str) -> Outcome:
        """The outcome of a vouched-for source: its previous build stands."""
        mtime, size, ctime, inode = self.stats[4 * index : 4 * index + 4]
        return Outcome(name, content_hash, (mtime, size, ctime, inode), None)


MAIN_SHARE = (1, 2)
"""With two jobs the main process is one of them: it builds every other chunk itself (it
also takes in every result), one worker builds the rest. Two processes on two cores, not
three: about 40 MB less at 100,000 articles. Measured at 10,000 (/dev/shm, medians of
three to six runs): 1 in 2 chunks 7.1 s, 4 in 9 7.3 s, 5 in 9 7.5 s, 3 in 5 8.5 s; with
``output = "bundle"`` 6.9, 8.1, 7.5 and 8.1 s (every chunk the worker builds sends its 13 KB
lines through a pipe; every one the main process builds does not)."""


def _outcomes(
    plan: _Plan, sources: SourceList, settings: Settings, staging: Path, workers: int
) -> Iterator[Outcome | None]:
    """One outcome per source, in order: None where the stat cache vouches for it, else the
    one of the process that built it."""
    if workers <= 1 or plan.to_build < 2 * CHUNK:
        serial = (build_source(task, settings, staging) for task in plan.tasks(sources))
        for cached in plan.cached:
            yield None if cached else next(serial)
        return
    own_share, cycle = MAIN_SHARE if workers == 2 else (0, 1)

    def main_builds(chunk: int) -> bool:
        return chunk % cycle < own_share

    def chunks(mine: bool) -> Iterator[Task]:
        """The tasks of the main process's chunks, or of the workers'."""
        for index, task in enumerate(plan.tasks(sources)):
            if main_builds(index // CHUNK) == mine:
                yield task

    window = threading.BoundedSemaphore(IN_FLIGHT)

    def fed() -> Iterator[Task]:
        # The pool's feeder thread pulls tasks from here: it blocks once IN_FLIGHT
        # results wait for the main process, which keeps its memory flat.
        for task in chunks(mine=False):
            window.acquire()
            yield task

    context = multiprocessing.get_context("fork")
    pool = context.Pool(
        min(workers - (own_share > 0), -(-plan.to_build // CHUNK)),
        initializer=init_worker,
        initargs=(settings, str(staging)),
    )
    try:
        from_pool = pool.imap(work_in_pool, fed(), chunksize=CHUNK)
        own = chunks(mine=True)
        position = 0
        for cached in plan.cached:
            if cached:
                yield None
                continue
            if main_builds(position // CHUNK):
                yield build_source(next(own), settings, staging)
            else:
                outcome = next(from_pool)
                window.release()
                yield outcome
            position += 1
    finally:
        pool.terminate()
        pool.join()
