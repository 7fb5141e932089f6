"""Step 2 of a build: every source's outcome, in source order, streamed into the outputs.

:func:`run_articles` takes the outcomes (built in parallel by
:mod:`seo_export.build.parallel`) one source at a time and, beside them, the
previous build's manifest entry and bundle line of the same source
(:mod:`seo_export.build.previous`). Per source it:

1. makes the outcome whole: a vouched-for source's previous build stands; one
   whose previous line is lost is built again;
2. claims the article's slug (:class:`Tally`): a second article with a slug is
   not built, and the files it staged are dropped (an owner that came later
   staged its own aside, and they take the folder);
3. writes its line of the manifest, the bundle, the index and the stat cache,
   gives its values to the site checks and its URL to the sitemaps.

It returns :class:`RunTotals`. Memory holds one short entry per slug and the
site checks' few bytes per value, nothing else per article.

Why it is long: the tally of one run (slugs, stale files, counts, the once-per-run
findings) and the streaming of each outcome into every output are one loop over the
sources, kept in one module so that the order of those writes reads in one place.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from seo_export._version import VERSION
from seo_export.build.article import (
    ProgressCallback,
    site_sitemap_writer,
)
from seo_export.build.bundle import BUNDLE_NAME
from seo_export.build.emit import OutputTransaction, StagedParts
from seo_export.build.manifest import (
    MANIFEST_NAME,
    entry_line,
    header_line,
    parse_entry,
    record_from_json,
)
from seo_export.build.plan import BuildPlan, Discovery
from seo_export.build.previous import Entry, PreviousBundle, PreviousEntries, previous_entries
from seo_export.build.site_index import INDEX_NAME, IndexWriter
from seo_export.build.staging import is_contested
from seo_export.build.statcache import StatCache, cache_path
from seo_export.build.work import Outcome, Task, build_source
from seo_export.checks.site import SiteLint
from seo_export.config.settings import Settings
from seo_export.findings.codes import finding
from seo_export.findings.run_summary import SUMMARISED_CODES, RunSummary
from seo_export.model import ArticleRecord, Finding, Severity, SitemapEntry
from seo_export.outputs.sitemap import (
    SitemapEntryTooLargeError,
    SitemapUrlTooLongError,
    SitemapWriter,
)
from seo_export.read.discover import SourceFile

_ERROR, _INFO = Severity.ERROR, Severity.INFO


@dataclass(frozen=True, slots=True)
class Outputs:
    """Where a build's output goes: its transaction, and the files it streams while the
    articles come in, open for writing."""

    transaction: OutputTransaction
    """The run's transaction: what is staged in it goes into out/ when it commits."""
    manifest: TextIO
    """out/manifest.json (staged), its header written."""
    bundle: BinaryIO | None
    """out/articles.ndjson (staged), with ``output = "bundle"``."""
    stat_cache: StatCache
    """The stat cache beside out/, written anew; committed after out/ is."""
    sitemaps: SitemapWriter
    """The sitemaps, written into :attr:`sitemap_files`."""
    sitemap_files: StagedParts
    """The staged sitemap files; their names once the writer is closed."""
    index: IndexWriter | None = None
    """out/index.json (staged), with ``output = "files"``."""


@contextlib.contextmanager
def open_outputs(settings: Settings, transaction: OutputTransaction) -> Iterator[Outputs]:
    """The outputs of a build into ``transaction``; an error inside discards the new stat
    cache, and a failed write names the file."""
    stat_cache = StatCache(cache_path(settings.out_dir))
    bundled = settings.output == "bundle"
    bundle_stream = transaction.stream_bytes(BUNDLE_NAME) if bundled else None
    index_stream = None if bundled else transaction.stream(INDEX_NAME)
    with (
        transaction.stream(MANIFEST_NAME) as manifest,
        bundle_stream or contextlib.nullcontext() as bundle,
        index_stream or contextlib.nullcontext() as index,
        stat_cache,
    ):
        manifest.write(header_line(VERSION, settings.digest))
        sink = StagedParts(transaction, settings.sitemap_gzip)
        yield Outputs(
            transaction,
            manifest,
            bundle,
            stat_cache,
            site_sitemap_writer(sink, settings),
            sink,
            None if index is None else IndexWriter(index, settings.base_url),
        )


@dataclass(frozen=True, slots=True)
class RunTotals:
    """What the run found: counts, findings, and what the previous build left to tidy."""

    built: int
    """Articles built by this run."""
    unchanged: int
    """Articles whose previous build stands."""
    skipped: int
    """Sources not built (errors, or a slug taken already)."""
    counts: dict[str, int]
    """Findings per severity, all of them."""
    findings: tuple[Finding, ...]
    """Every error, and warnings (and info) up to the limit: discovery's, each article's in
    source order, then the site's."""
    site_findings: tuple[Finding, ...]
    """What concerns the site as a whole, for the manifest: discovery's, sitemap entries too
    large, and the checks across articles."""
    stale: tuple[str, ...]
    """Output paths of the previous build that no article of this one owns."""
    articles: int
    """Sources taken (all of them)."""
    bundle_changed: bool
    """With ``output = "bundle"``: whether the bundle written differs from the previous one."""


def run_articles(
    settings: Settings,
    discovery: Discovery,
    plan: BuildPlan,
    outcomes: Iterable[Outcome | None],
    outputs: Outputs,
    *,
    keep_info: bool,
    findings_kept: int,
    progress: ProgressCallback | None,
) -> RunTotals:
    """Take ``outcomes`` (one per source of ``discovery``, in order) into ``outputs``.

    ``keep_info`` and ``findings_kept`` say which findings the totals hold (see
    :meth:`Tally.note`); ``progress`` is told of each article.
    """
    tally = Tally(settings, discovery.sources, outputs.transaction, keep_info, findings_kept)
    tally.stale.extend(plan.gone_files)
    tally.note(discovery.findings)
    run = _ArticleRun(settings, discovery, plan, outputs, tally, progress=progress)
    for index, built in enumerate(outcomes):
        run.take(index, built)
    return run.totals()


class _ArticleRun:
    """The run's streaming state: the previous build's readers, the site checks, the
    site-wide findings, and how many articles came by."""

    def __init__(
        self,
        settings: Settings,
        discovery: Discovery,
        plan: BuildPlan,
        outputs: Outputs,
        tally: Tally,
        *,
        progress: ProgressCallback | None,
    ) -> None:
        self.settings, self.plan, self.outputs = settings, plan, outputs
        self.sources = discovery.sources
        self.staging = outputs.transaction.staging
        self.tally, self.progress = tally, progress
        # The second pass over the previous manifest (the plan made the first).
        self.entries = PreviousEntries(previous_entries(settings)[1])
        self.bundle = (
            PreviousBundle(settings.out_dir / BUNDLE_NAME) if outputs.bundle is not None else None
        )
        self.lint = SiteLint(lambda i: self.sources[i].display)
        self.discovered = len(discovery.findings)
        self.site_findings = list(discovery.findings)
        self.done = 0

    def take(self, index: int, built: Outcome | None) -> None:
        """Source ``index``, with its outcome from the workers (None: the plan vouched for it)."""
        name = self.sources.name(index)
        entry = self.entries.take(name)
        outcome = self._whole(index, name, built, entry)
        kept_line = None
        if self.bundle is not None:
            kept_line = self.bundle.take(name)
            if outcome.record is None and kept_line is None:
                assert entry is not None
                if entry[0].get("built"):  # the bundle has lost its line: build again
                    outcome = build_source(Task(name, None), self.settings, self.staging)
        record = self.tally.accept(index, outcome, entry)
        self._write(name, record, outcome, entry, kept_line)
        self.site_findings.extend(self.lint.add(record, index))
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, len(self.sources))
        if record.sitemap is not None:
            self._add_url(index, record.sitemap)
        if record.built and self.outputs.index is not None:
            self.outputs.index.add(record)

    def _whole(self, index: int, name: str, built: Outcome | None, entry: Entry | None) -> Outcome:
        if entry is None and (built is None or built.record is None):
            # Up to date by the stat cache's hash, yet the manifest has lost its
            # line (edited by hand): build it again.
            return build_source(Task(name, None), self.settings, self.staging)
        if built is None:
            assert entry is not None
            return self.plan.vouched_outcome(index, name, entry[0]["content_hash"])
        return built

    def _write(
        self,
        name: str,
        record: ArticleRecord,
        outcome: Outcome,
        entry: Entry | None,
        kept_line: bytes | None,
    ) -> None:
        """The article's lines: stat cache, manifest, bundle."""
        outputs = self.outputs
        outputs.stat_cache.remember(name, outcome.stat, outcome.content_hash)
        outputs.manifest.write(
            entry_line(record, self.done == 0, _known_line(record, outcome, entry))
        )
        if outputs.bundle is not None and self.bundle is not None:
            text = None
            if record.built:
                text = kept_line if outcome.record is None else outcome.bundle
                assert text is not None, "a built article has its bundle line"
                outputs.bundle.write(text)
            self.bundle.changed |= text != kept_line

    def _add_url(self, index: int, url: SitemapEntry) -> None:
        try:
            self.outputs.sitemaps.add(url)
        except SitemapEntryTooLargeError as problem:
            self.site_findings.append(
                finding("sitemap-entry-too-large", str(problem), self.sources[index].display)
            )
        except SitemapUrlTooLongError as problem:
            self.site_findings.append(
                finding("sitemap-url-too-long", str(problem), self.sources[index].display)
            )

    def totals(self) -> RunTotals:
        """Once every source is in: the checks across articles, and the totals."""
        self.site_findings.extend(self.lint.closing())
        tally = self.tally
        self.site_findings.extend(tally.once.findings())
        tally.note(self.site_findings[self.discovered :], summarise=False)
        return RunTotals(
            built=tally.built,
            unchanged=tally.unchanged,
            skipped=tally.skipped,
            counts=dict(tally.counts),
            findings=tuple(tally.findings),
            site_findings=tuple(self.site_findings),
            stale=tuple(path for path in tally.stale if not tally.owns(path)),
            articles=self.done,
            bundle_changed=self.bundle is not None and self.bundle.finish(),
        )


def _known_line(record: ArticleRecord, outcome: Outcome, entry: Entry | None) -> str | None:
    """The manifest line made already (by the worker, or by the previous build), if still true."""
    if outcome.record is not None:
        return outcome.line if record.built == outcome.record.built else None
    if entry is not None and record.built == bool(entry[0].get("built")):
        return entry[1]
    return None


@dataclass
class Tally:
    """The main process's side of one build: slug claims, counts, findings, stale paths.

    Per article it keeps only what later articles are checked against (one
    entry per slug), so its memory does not grow with what the articles hold.
    """

    settings: Settings
    sources: Sequence[SourceFile]
    transaction: OutputTransaction
    keep_info: bool
    findings_kept: int
    """Warnings (and info findings) kept at most, per severity; the rest are counted."""
    findings: list[Finding] = field(default_factory=list)
    slugs: dict[str, int] = field(default_factory=dict)
    """slug -> index of the source that holds it, times 2, plus 1 when this run rebuilt it."""
    stale: list[str] = field(default_factory=list)
    """Output paths of the previous build that may have to go."""
    owned_elsewhere: set[str] = field(default_factory=set)
    """Files of articles that hold their slug outside the slug's folder (``_hugo/...``)."""
    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Severity})
    once: RunSummary = field(default_factory=RunSummary)
    """The findings said once per run, counted over every article."""
    built: int = 0
    unchanged: int = 0
    skipped: int = 0

    def note(self, items: Iterable[Finding], *, summarise: bool = True) -> None:
        """Count findings; keep every error, and warnings (and info) up to findings_kept each.
        Those said once per run (``summarise``) are counted into :attr:`once` instead."""
        counts, kept, once = self.counts, self.findings_kept, self.once
        for item in items:
            if summarise and item.code in SUMMARISED_CODES and once.take(item):
                continue
            severity = item.severity
            # _value_ is the member's value as a plain attribute: .value (an enum property)
            # and Severity.ERROR cost 0.1 us each, and a build notes every article's findings.
            count = counts[severity._value_] = counts[severity._value_] + 1
            if severity is _ERROR or ((self.keep_info or severity is not _INFO) and count <= kept):
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
                infos = 0
                for item in previous.get("findings", []):
                    if item.get("code") in SUMMARISED_CODES:
                        self.once.take(Finding.from_json(item))
                    elif item.get("severity") == "info":
                        infos += 1
                self.counts[Severity.INFO.value] += infos
        else:
            record = outcome.record
            if self._taken(record) and outcome.line is not None:
                record = record_from_json(parse_entry(outcome.line))  # keep its entities
        contested = any(is_contested(path) for path in outcome.written)
        record = self._claim(index, record, rebuilt, contested)
        if contested:
            self._settle(record, outcome.written)
        else:
            for path in outcome.written:
                self.transaction.adopt(path)
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

    def _claim(
        self, index: int, record: ArticleRecord, rebuilt: bool, contested: bool = False
    ) -> ArticleRecord:
        slug = record.slug
        if not record.built or slug is None:
            return record
        owner = self.slugs.get(slug)
        if owner is None:
            self.slugs[slug] = index * 2 + rebuilt
            self.owned_elsewhere.update(p for p in record.files if not p.startswith(slug + "/"))
            return record
        owner_source = self.sources[owner // 2]
        if rebuilt and not contested and not owner % 2:
            # This article staged the folder of an owner this run did not build: out/ keeps
            # the owner's files. (An owner this run built staged its files aside, and moved
            # them over these when it came by: nothing to undo, nothing to build again.)
            for path in record.files:
                self.transaction.unstage(path)
        duplicate = finding(
            "slug-duplicate",
            f"slug {slug!r} is already used by {owner_source.display}; this file was not built",
            self.sources[index].display,
            record.slug_line,
        )
        return dataclasses.replace(
            record, built=False, sitemap=None, files=(), findings=(*record.findings, duplicate)
        )

    def _settle(self, record: ArticleRecord, written: Sequence[str]) -> None:
        """The files of an article that staged them aside (another article of the same slug
        had made its folder first): moved into place when it keeps the slug, else dropped."""
        staging = self.transaction.staging
        if not record.built:
            for aside in written:
                (staging / aside).unlink(missing_ok=True)
            return
        for aside, path in zip(written, record.files, strict=True):
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / aside, target)  # over a later duplicate's, if it staged them
            self.transaction.adopt(path)

    def owns(self, path: str) -> bool:
        """Whether ``path`` is an output of some article that holds its slug in this build
        (none with ``output = "bundle"``: no article has files of its own)."""
        if self.settings.output == "bundle":
            return False
        return path.split("/", 1)[0] in self.slugs or path in self.owned_elsewhere
