"""The pipeline of one article: parse -> normalize -> build -> validate.

``build_article`` is pure: text and settings in, an :class:`ArticleResult` out,
no disk touched. :mod:`seo_export.build.site` runs it over a content folder.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from seo_export.checks import run_article_checks
from seo_export.checks.validation import document_findings, front_matter_findings
from seo_export.checks.vocabulary import Vocabulary
from seo_export.config.settings import Settings
from seo_export.domain.dates import iso
from seo_export.domain.fields import field_keys
from seo_export.model import (
    Article,
    ArticleRecord,
    ArticleResult,
    OutputFile,
    Severity,
    SitemapEntry,
)
from seo_export.outputs.frameworks import framework_files
from seo_export.outputs.head import dumps_pretty, head_data, head_tags, render_head
from seo_export.outputs.jsonld import build_jsonld
from seo_export.outputs.sitemap import PartSink, SitemapWriter, build_sitemaps, entry_problem
from seo_export.read.discover import SourceFile, decode_source
from seo_export.read.normalize import normalize
from seo_export.read.parse import parse_document

ProgressCallback = Callable[[int, int], None]
"""Called as (articles done, articles in all)."""


def article_files(article: Article) -> tuple[str, str, str]:
    """Paths, relative to out/, of the files an article produces."""
    return (
        f"{article.slug}/head.html",
        f"{article.slug}/schema.jsonld",
        f"{article.slug}/meta.json",
    )


def build_article(
    text: str, settings: Settings, path: str | None = None, *, name: str | None = None
) -> ArticleResult:
    """Build one article from its text; pure (no disk), for CMS build steps and tests.

    ``path`` says where findings are. ``name`` is the article's path in the
    content folder (``ordbog/knyster.md``), which gives its slug and ``{path}``
    (slug_source = "path"), and a title and date when the front matter has none;
    default: the file name of ``path``; with neither, the slug comes from the title.
    The text may have a BOM and CRLF line ends; both are normalised as when
    reading from disk.
    """
    display = path or "<article>"
    if name is None and path is not None:
        name = posixpath.basename(path.replace("\\", "/"))
    source = SourceFile(path=display, name=display, display=display)
    decoded = decode_source(source, text.encode("utf-8", "surrogatepass"))
    if decoded.text is None:
        return ArticleResult(display, decoded.content_hash, None, None, None, (), decoded.findings)
    return build_text(decoded.text, decoded.content_hash, display, settings, name=name)


def build_text(
    text: str,
    content_hash: str,
    display: str,
    settings: Settings,
    *,
    vocabulary: Vocabulary | None = None,
    check_vocabulary: bool = False,
    name: str | None = None,
) -> ArticleResult:
    """Parse, normalize, build and validate decoded text (LF line ends).

    ``name``: the article's path in the content folder (see :func:`build_article`).
    ``check_vocabulary`` adds the schema.org vocabulary check of the built
    document (``validate`` asks for it; see :func:`document_findings`).
    """
    parsed = parse_document(text, display, settings.max_front_matter_nodes)
    if not parsed.ok:
        return ArticleResult(display, content_hash, None, None, None, (), parsed.findings)
    schema_findings = front_matter_findings(parsed, display)
    if schema_findings:
        return ArticleResult(display, content_hash, None, None, None, (), tuple(schema_findings))
    article, findings = normalize(parsed, display, settings, name)
    if article is None or article.draft:  # a draft, scheduled or expired: normalize says which
        return ArticleResult(display, content_hash, article, None, None, (), tuple(findings))
    findings.extend(run_article_checks(article, settings))
    jsonld = build_jsonld(article, settings)
    document_problems = document_findings(
        jsonld, display, article=article, vocabulary=vocabulary, check_vocabulary=check_vocabulary
    )
    findings.extend(document_problems)
    if any(item.severity is Severity.ERROR for item in document_problems):
        # Structured data that fails its own schema must not reach a live page.
        return ArticleResult(display, content_hash, article, jsonld, None, (), tuple(findings))
    tags = head_tags(article, settings, jsonld)
    head_html = render_head(tags)
    head_path, schema_path, meta_path = article_files(article)
    files: tuple[OutputFile, ...] = (
        OutputFile(head_path, head_html.encode("utf-8")),
        OutputFile(schema_path, dumps_pretty(jsonld)),
        OutputFile(meta_path, dumps_pretty(head_data(tags, jsonld))),
    )
    if settings.frameworks:
        files += framework_files(article, settings, head_html, jsonld)
    return ArticleResult(display, content_hash, article, jsonld, head_html, files, tuple(findings))


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
        slug_line=article.front_matter_lines.get("slug", article.front_matter_lines.get("title")),
        url=article.url,
        title=article.search_title,
        description=article.description,
        sitemap=sitemap_entry(article) if result.built else None,
        files=tuple(file.path for file in result.files),
        questions=len(article.faq),
        findings=result.findings,
        entities=article.entities,
        title_line=_key_line(article, "meta_title", "title"),
        description_line=_key_line(article, "description"),
        about=article.about,
    )


def _key_line(article: Article, *fields: str) -> int | None:
    """The line of the first front-matter key (of ``fields``, in any case) the article has."""
    lines = {key.casefold(): line for key, line in article.front_matter_lines.items()}
    for name in fields:
        for key in field_keys(name):
            if key.casefold() in lines:
                return lines[key.casefold()]
    return None


def sitemap_base(settings: Settings) -> str:
    """The URL folder where out/'s sitemap files are served: the site root."""
    return settings.base_url + "/"


def site_sitemaps(
    entries: Iterable[SitemapEntry], settings: Settings, *, gzip_files: bool = False
) -> Iterator[OutputFile]:
    """The sitemap files of ``entries`` under the site's sitemap settings, in memory."""
    return build_sitemaps(entries, **_sitemap_options(settings), gzip_files=gzip_files)


def site_sitemap_writer(sink: PartSink, settings: Settings) -> SitemapWriter:
    """A writer of the site's sitemaps into ``sink``, under its sitemap settings."""
    return SitemapWriter(sink, **_sitemap_options(settings), gzip_files=settings.sitemap_gzip)


def sitemap_entry_problem(entry: SitemapEntry, settings: Settings) -> str | None:
    """Why ``entry`` cannot go into the site's sitemaps (too large for one file), or None."""
    return entry_problem(
        entry, settings.sitemap_max_bytes, settings.sitemap_changefreq, settings.sitemap_priority
    )


def _sitemap_options(settings: Settings) -> dict[str, Any]:
    return {
        "sitemap_base": sitemap_base(settings),
        "max_urls": settings.sitemap_max_urls,
        "max_bytes": settings.sitemap_max_bytes,
        "extra_sitemaps": settings.sitemap_extra,
        "changefreq": settings.sitemap_changefreq,
        "priority": settings.sitemap_priority,
    }
