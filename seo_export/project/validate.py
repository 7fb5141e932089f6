"""``seo-export validate``: the whole project checked in memory, nothing written.

Every article goes through the same pipeline as a build (front-matter schema,
normalize, checks, JSON-LD schema and document checks); on top, each head
snippet must parse back into exactly the tags built, and the sitemaps that a
build would write must keep the protocol (and, given the official XSDs, validate).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from seo_export.build.article import build_text, record_of, site_sitemaps, sitemap_entry_problem
from seo_export.checks.site import SiteLint
from seo_export.checks.sitemap_xsd import schema_errors
from seo_export.checks.vocabulary import Vocabulary
from seo_export.config.settings import Settings
from seo_export.findings.codes import finding
from seo_export.findings.report import Report, ReportUnit
from seo_export.findings.run_summary import RunSummary
from seo_export.model import AnyPath, Finding, as_paths
from seo_export.outputs.sitemap import url_too_long
from seo_export.read.discover import SourceFile, discover, read_source, source_for_path


def head_findings(head_html: str, document: Mapping[str, Any], display: str) -> list[Finding]:
    """The snippet must parse into one title, description and canonical, and the same JSON-LD."""
    import lxml.html

    page = lxml.html.document_fromstring(f"<html><head>{head_html}</head><body></body></html>")
    head = page.find("head")
    problems = []
    counts = {
        "<title>": len(head.findall("title")),
        "meta description": sum(1 for m in head.iter("meta") if m.get("name") == "description"),
        "canonical link": sum(1 for link in head.iter("link") if link.get("rel") == "canonical"),
    }
    problems += [f"{count} {what}" for what, count in counts.items() if count != 1]
    scripts = [s for s in head.iter("script") if s.get("type") == "application/ld+json"]
    if len(scripts) != 1:
        problems.append(f"{len(scripts)} JSON-LD scripts")
    elif json.loads(scripts[0].text or "null") != document:
        problems.append("the JSON-LD script does not read back as the built document")
    return [finding("head-invalid", f"head snippet: {p}", display) for p in problems]


def sitemap_findings(name: str, content: bytes, schemas: Path | None = None) -> list[Finding]:
    """Protocol checks of one sitemap or index, and the official XSD when ``schemas`` is given."""
    from lxml import etree

    def problem(message: str) -> Finding:
        return finding("sitemap-invalid", message, name)

    try:
        root = etree.fromstring(content, etree.XMLParser(no_network=True, resolve_entities=False))
    except etree.XMLSyntaxError as error:
        return [problem(f"not well-formed XML: {error}")]
    problems = []
    if len(content) > MAX_SITEMAP_BYTES:
        problems.append(problem(f"{len(content):,} bytes is over the 50 MiB limit"))
    locs = root.findall(f"{{{SITEMAP_NS}}}*/{{{SITEMAP_NS}}}loc")
    if len(locs) > MAX_SITEMAP_URLS:
        problems.append(problem(f"{len(locs):,} entries is over the 50,000 limit"))
    for loc in locs:
        text = loc.text or ""
        if not re.match(r"^https?://[^\s/]+", text) or len(text) > MAX_URL_LENGTH:
            problems.append(
                problem(
                    f"line {loc.sourceline}: loc {text[:80]!r} is not an absolute URL "
                    "of at most 2,048 characters"
                )
            )
    for lastmod in root.iter(f"{{{SITEMAP_NS}}}lastmod"):
        if not _W3C_DATE.match(lastmod.text or ""):
            problems.append(
                problem(f"line {lastmod.sourceline}: lastmod {lastmod.text!r} is not a W3C date")
            )
    if schemas is not None:
        problems += [problem(f"XSD: {message}") for message in schema_errors(content, schemas)[:20]]
    return problems


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_SITEMAP_BYTES = 52_428_800
MAX_SITEMAP_URLS = 50_000
MAX_URL_LENGTH = 2048
_W3C_DATE = re.compile(
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$"
)


def validate_project(
    settings: Settings,
    paths: AnyPath | Sequence[AnyPath] = (),
    *,
    vocabulary: Vocabulary | None = None,
    sitemap_schemas: AnyPath | None = None,
) -> Report:
    """Check the project's articles, their JSON-LD and head tags, and the sitemaps, in memory.

    Nothing is written. ``paths`` are article files or folders (default: the
    content folder). Units: one per article, then the site, then the sitemaps.
    """
    sources, discover_findings = _sources(settings, as_paths(paths))
    schemas_folder = Path(sitemap_schemas) if sitemap_schemas is not None else None
    units: list[ReportUnit] = []
    lint = SiteLint(lambda i: sources[i].display)
    site: list[Finding] = list(discover_findings)
    entries = []
    once = RunSummary()
    for index, source in enumerate(sources):
        text = read_source(source, settings.max_file_bytes)
        if text.text is None:
            units.append(ReportUnit(source.display, text.findings))
            continue
        result = build_text(
            text.text,
            text.content_hash,
            source.display,
            settings,
            vocabulary=vocabulary,
            check_vocabulary=True,
            name=source.name,
        )
        findings = once.others(result.findings)
        if result.head_html is not None and result.jsonld is not None:
            findings += head_findings(result.head_html, result.jsonld, source.display)
        record = record_of(source.name, result)
        site += lint.add(record, index)
        if record.sitemap is not None:
            too_long = url_too_long(record.sitemap.loc)
            problem = sitemap_entry_problem(record.sitemap, settings)
            if too_long is not None:  # as a build reports it, and leaves it out
                site.append(finding("sitemap-url-too-long", too_long, source.display))
            elif problem is None:
                entries.append(record.sitemap)
            else:
                site.append(finding("sitemap-entry-too-large", problem, source.display))
        units.append(ReportUnit(source.display, tuple(findings)))
    site += lint.closing()
    site += once.findings()
    units.append(ReportUnit("site", tuple(site)))
    sitemap_problems: list[Finding] = []
    for file in site_sitemaps(entries, settings):
        sitemap_problems += sitemap_findings(file.path, file.content, schemas_folder)
    units.append(ReportUnit("sitemaps", tuple(sitemap_problems)))
    return Report(tuple(units))


def _sources(
    settings: Settings, paths: Sequence[Path]
) -> tuple[Sequence[SourceFile], list[Finding]]:
    if not paths:
        return discover(
            settings.content_dir,
            settings.root,
            out_dir=settings.out_dir,
            exclude=settings.exclude_pattern,
        )
    sources: list[SourceFile] = []
    findings: list[Finding] = []
    for path in paths:
        if path.is_dir():
            found, more = discover(
                path, settings.root, out_dir=settings.out_dir, exclude=settings.exclude_pattern
            )
            sources += found
            findings += more
        else:
            sources.append(source_for_path(path, settings.content_dir, settings.root))
    return sources, findings


validate = validate_project
