"""The pipeline: discover -> parse -> normalize -> build -> validate -> emit.

``build_article`` is pure: text and settings in, an :class:`ArticleResult` out,
no disk touched. ``build_site`` runs it over a content folder, reuses what the
previous manifest says is up to date, and writes out/ through one
:class:`~seo_export.emit.OutputTransaction`, streaming the manifest and the
sitemaps so that memory stays flat however many articles there are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._version import VERSION
from .checks import run_article_checks
from .checks.site import SiteLint
from .dates import iso
from .discover import SourceFile, decode_source, discover, display_path, read_source
from .emit import OutputTransaction, output_lock
from .findings import finding
from .head import head_data, head_tags, render_head
from .jsonld import build_jsonld
from .manifest import MANIFEST_NAME, entry_line, footer, header_line, read_manifest
from .model import (
    Article,
    ArticleRecord,
    ArticleResult,
    BuildResult,
    Finding,
    OutputFile,
    Severity,
    SitemapEntry,
)
from .normalize import normalize
from .parse import parse_document
from .settings import Settings
from .sitemap import build_sitemaps, robots_line
from .validate import document_findings, front_matter_findings
from .vocabulary import Vocabulary

ProgressCallback = Callable[[int, int], None]
"""Called as (articles done, articles in all)."""


def article_files(article: Article) -> tuple[str, str, str]:
    """Paths, relative to out/, of the files an article produces."""
    return (
        f"{article.slug}/head.html",
        f"{article.slug}/schema.jsonld",
        f"{article.slug}/meta.json",
    )


def build_article(text: str, settings: Settings, path: str | None = None) -> ArticleResult:
    """Build one article from its text; pure (no disk), for CMS build steps and tests.

    ``path`` is only used to say where findings are. The text may have a BOM
    and CRLF line ends; both are normalised as when reading from disk.
    """
    display = path or "<article>"
    source = SourceFile(path=Path(display), name=display, display=display)
    decoded = decode_source(source, text.encode("utf-8", "surrogatepass"))
    if decoded.text is None:
        return ArticleResult(display, decoded.content_hash, None, None, None, (), decoded.findings)
    return build_text(decoded.text, decoded.content_hash, display, settings)


def build_text(
    text: str,
    content_hash: str,
    display: str,
    settings: Settings,
    *,
    vocabulary: Vocabulary | None = None,
) -> ArticleResult:
    """Parse, normalize, build and validate decoded text (LF line ends)."""
    parsed = parse_document(text, display, settings.max_front_matter_nodes)
    if not parsed.ok:
        return ArticleResult(display, content_hash, None, None, None, (), parsed.findings)
    schema_findings = front_matter_findings(parsed, display)
    if schema_findings:
        return ArticleResult(display, content_hash, None, None, None, (), tuple(schema_findings))
    article, findings = normalize(parsed, display, settings)
    if article is None:
        return ArticleResult(display, content_hash, None, None, None, (), tuple(findings))
    if article.draft:
        findings.append(
            finding(
                "draft-skipped",
                "draft: not built",
                display,
                article.front_matter_lines.get("draft"),
            )
        )
        return ArticleResult(display, content_hash, article, None, None, (), tuple(findings))
    findings.extend(run_article_checks(article, settings))
    jsonld = build_jsonld(article, settings)
    document_problems = document_findings(jsonld, display, article=article, vocabulary=vocabulary)
    findings.extend(document_problems)
    if any(item.severity is Severity.ERROR for item in document_problems):
        # Structured data that fails its own schema must not reach a live page.
        return ArticleResult(display, content_hash, article, jsonld, None, (), tuple(findings))
    tags = head_tags(article, settings, jsonld)
    head_html = render_head(tags)
    head_path, schema_path, meta_path = article_files(article)
    files = (
        OutputFile(head_path, head_html.encode("utf-8")),
        OutputFile(schema_path, _pretty_json(jsonld)),
        OutputFile(meta_path, _pretty_json(head_data(tags, jsonld))),
    )
    return ArticleResult(display, content_hash, article, jsonld, head_html, files, tuple(findings))


def _pretty_json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def sitemap_entry(article: Article) -> SitemapEntry | None:
    """The article's sitemap entry, or None when it must stay out (noindex)."""
    if article.noindex:
        return None
    return SitemapEntry(
        loc=article.url,
        lastmod=iso(article.date_modified) if article.date_modified else None,
        alternates=article.alternates,
        images=(article.image.url,) if article.image else (),
    )


def record_of(source_name: str, result: ArticleResult) -> ArticleRecord:
    """The manifest entry of a built (or skipped) article."""
    article = result.article
    if article is None:
        return ArticleRecord(source_name, result.content_hash, False, findings=result.findings)
    return ArticleRecord(
        source=source_name,
        content_hash=result.content_hash,
        built=result.built,
        slug=article.slug,
        url=article.url,
        title=article.search_title,
        description=article.description,
        sitemap=sitemap_entry(article) if result.built else None,
        files=tuple(file.path for file in result.files),
        questions=len(article.faq),
        findings=result.findings,
        entities=article.entities,
    )


def sitemap_base(settings: Settings) -> str:
    """The URL folder where out/'s sitemap files are served: the site root."""
    return settings.base_url + "/"


@dataclass
class _SiteRun:
    """State of one build_site run: what was seen, written and found."""

    settings: Settings
    transaction: OutputTransaction
    force: bool
    progress: ProgressCallback | None
    findings: list[Finding] = field(default_factory=list)
    slugs: dict[str, str] = field(default_factory=dict)
    built: int = 0
    unchanged: int = 0
    skipped: int = 0
    changed: bool = False

    def records(self, sources: list[SourceFile]) -> Iterator[ArticleRecord]:
        """Build or reuse each source in order, staging the files of those rebuilt."""
        out_dir = self.settings.out_dir
        header, old_entries = read_manifest(out_dir / MANIFEST_NAME)
        reusable = (
            not self.force
            and header is not None
            and header.version == VERSION
            and header.settings_digest == self.settings.digest
        )
        old = _OldEntries(old_entries)
        for done, source in enumerate(sources, start=1):
            previous = old.take(source.name)
            record = self._one(source, previous if reusable else None)
            if previous is not None:
                for path in previous.get("files", []):
                    if path not in record.files:
                        self.transaction.remove(path)
                        self.changed = True
            if self.progress is not None:
                self.progress(done, len(sources))
            yield record
        for leftover in old.rest():
            self.changed = True
            for path in leftover.get("files", []):
                self.transaction.remove(path)

    def _one(self, source: SourceFile, previous: dict[str, Any] | None) -> ArticleRecord:
        text = read_source(source, self.settings.max_file_bytes)
        if (
            previous is not None
            and text.content_hash
            and previous.get("content_hash") == text.content_hash
            and not _mentions(previous, "slug-duplicate")
            and self._slug_free(previous.get("slug"))
        ):
            from .manifest import record_from_json

            record = record_from_json(previous)
            if record.slug:
                self.slugs[record.slug] = source.display
            self.unchanged += record.built
            self.skipped += not record.built
            self.findings.extend(record.findings)
            return record
        self.changed = True
        if text.text is None:
            result = ArticleResult(
                source.display, text.content_hash, None, None, None, (), text.findings
            )
        else:
            result = build_text(text.text, text.content_hash, source.display, self.settings)
        result = self._claim_slug(result)
        for file in result.files:
            self.transaction.write(file.path, file.content)
        self.built += result.built
        self.skipped += not result.built
        self.findings.extend(result.findings)
        return record_of(source.name, result)

    def _slug_free(self, slug: object) -> bool:
        return not isinstance(slug, str) or slug not in self.slugs

    def _claim_slug(self, result: ArticleResult) -> ArticleResult:
        article = result.article
        if article is None or not result.built:
            return result
        owner = self.slugs.get(article.slug)
        if owner is None:
            self.slugs[article.slug] = result.source
            return result
        duplicate = finding(
            "slug-duplicate",
            f"slug {article.slug!r} is already used by {owner}; this file was not built",
            result.source,
            article.front_matter_lines.get("slug", article.front_matter_lines.get("title")),
        )
        return ArticleResult(
            result.source,
            result.content_hash,
            article,
            None,
            None,
            (),
            (*result.findings, duplicate),
        )


def _mentions(entry: dict[str, Any], code: str) -> bool:
    findings = entry.get("findings", [])
    return isinstance(findings, list) and any(
        isinstance(item, dict) and item.get("code") == code for item in findings
    )


class _OldEntries:
    """Merge-join over the previous manifest's entries, which are sorted like the sources."""

    def __init__(self, entries: Iterable[dict[str, Any]]) -> None:
        self._entries = iter(entries)
        self._next: dict[str, Any] | None = next(self._entries, None)
        self._dropped: list[dict[str, Any]] = []

    def take(self, name: str) -> dict[str, Any] | None:
        while self._next is not None and str(self._next.get("source")) < name:
            self._dropped.append(self._next)
            self._next = next(self._entries, None)
        if self._next is not None and self._next.get("source") == name:
            found = self._next
            self._next = next(self._entries, None)
            return found
        return None

    def rest(self) -> Iterator[dict[str, Any]]:
        yield from self._dropped
        self._dropped = []
        while self._next is not None:
            yield self._next
            self._next = next(self._entries, None)


def build_site(
    settings: Settings,
    *,
    force: bool = False,
    progress: ProgressCallback | None = None,
) -> BuildResult:
    """Build every article under ``settings.content_dir`` into ``settings.out_dir``.

    Only articles whose source, the settings or the seo-export version changed
    are rebuilt (all of them with ``force``); output of deleted articles is
    removed. Nothing in out/ changes unless the whole build finishes.
    """
    out_dir = settings.out_dir
    root = settings.root
    sources, discover_findings = discover(settings.content_dir, root)
    with output_lock(out_dir), OutputTransaction(out_dir) as transaction:
        run = _SiteRun(settings, transaction, force, progress)
        run.findings.extend(discover_findings)
        manifest_chunks: list[str] = [header_line(VERSION, settings.digest)]
        first = True
        lint = SiteLint()
        site_findings = list(discover_findings)

        def through_manifest(records: Iterator[ArticleRecord]) -> Iterator[SitemapEntry]:
            nonlocal first
            for record in records:
                manifest_chunks.append(entry_line(record, first))
                site_findings.extend(lint.add(record))
                first = False
                if record.sitemap is not None:
                    yield record.sitemap

        sitemap_names: list[str] = []
        for file in build_sitemaps(
            through_manifest(run.records(sources)),
            sitemap_base=sitemap_base(settings),
            max_urls=settings.sitemap_max_urls,
            max_bytes=settings.sitemap_max_bytes,
            extra_sitemaps=settings.sitemap_extra,
            changefreq=settings.sitemap_changefreq,
            priority=settings.sitemap_priority,
            gzip_files=settings.sitemap_gzip,
        ):
            sitemap_names.append(file.path)
            transaction.write_if_changed(file.path, file.content)
        for stale in sorted(out_dir.glob("sitemap*.xml*")):
            if stale.name not in sitemap_names:
                transaction.remove(stale.name)
        site_findings.extend(lint.closing())
        run.findings.extend(site_findings[len(discover_findings) :])
        manifest_chunks.append(footer(sitemap_names, site_findings, not first))
        if run.changed or not (out_dir / MANIFEST_NAME).exists():
            transaction.write_if_changed(MANIFEST_NAME, "".join(manifest_chunks).encode("utf-8"))
        robots = robots_line(sitemap_base(settings))
        transaction.write_if_changed("robots-sitemap.txt", (robots + "\n").encode("utf-8"))
        transaction.commit()
        return BuildResult(
            out_dir=display_path(out_dir, root),
            built=run.built,
            unchanged=run.unchanged,
            skipped=run.skipped,
            findings=tuple(run.findings),
            files_written=tuple(transaction.written),
            files_removed=tuple(transaction.removed),
            robots_line=robots,
        )
