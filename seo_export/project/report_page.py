"""The page of ``seo-export report``: out/report.html as HTML, from what report.py read.

A summary (articles, findings by severity and code, how many articles have
each property of the main entity) and, per article, what a search result and a
social card will show, the JSON-LD as a readable tree with the provenance of
every item read from the text, and the article's findings. Every content
string is escaped; the only script is a few inline lines for the filters
(report.js beside this module), the styles are report.css.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from seo_export.checks.textwidth import (
    DESCRIPTION_FONT_PX,
    DESCRIPTION_MAX_PX,
    TITLE_FONT_PX,
    TITLE_MAX_PX,
    cut_to_width,
)
from seo_export.config.settings import Settings
from seo_export.domain.properties import property_names
from seo_export.findings.run_summary import SUMMARISED_CODES

SEVERITIES = ("error", "warning", "info")
RANK = {name: rank for rank, name in enumerate((*SEVERITIES, "clean"))}
"""Articles are listed in this order of their most serious finding."""
EXPANDED_UP_TO = 5
"""A report of this many articles or fewer shows their JSON-LD trees open."""


def e(value: object) -> str:
    """Escaped text for HTML content and double-quoted attributes."""
    return escape(str(value), quote=True)


@dataclass
class Summary:
    """Counts over every article of the build (one pass over the manifest)."""

    articles: int = 0
    built: int = 0
    skipped: int = 0
    faq: int = 0
    severities: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)
    properties: Counter[str] = field(default_factory=Counter)
    site_findings: list[dict[str, Any]] = field(default_factory=list)

    def add(self, entry: Mapping[str, Any]) -> None:
        self.articles += 1
        if entry.get("built"):
            self.built += 1
            self.faq += entry.get("questions", 0) > 0
            for prop in entry.get("entities", {}):
                self.properties[prop] += 1
        else:
            self.skipped += 1
        self._count(entry.get("findings", []), summarised=False)

    def add_site(self, findings: list[dict[str, Any]]) -> None:
        """The build's findings about the whole site (the manifest's closing line): counted
        like the articles', as the command line counts them."""
        self.site_findings = findings
        self._count(findings, summarised=True)

    def _count(self, findings: list[dict[str, Any]], *, summarised: bool) -> None:
        for item in findings:
            # An article's own date-ambiguous findings are counted once, in the site's summary.
            if summarised or item["code"] not in SUMMARISED_CODES:
                self.severities[item["severity"]] += 1
                self.codes[item["code"]] += 1


def worst(findings: list[dict[str, Any]]) -> str:
    """ "error", "warning", "info" or "clean"."""
    present = {item["severity"] for item in findings}
    return next((name for name in SEVERITIES if name in present), "clean")


def write_page(
    page: TextIO,
    settings: Settings,
    summary: Summary,
    entries: Iterator[tuple[dict[str, Any], tuple[Any, Any]]],
    *,
    shown: int,
    total: int,
) -> None:
    page.write(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>seo-export report: {e(settings.site_name)}</title>\n"
        f"<style>\n{_asset('report.css')}</style>\n"
        "</head>\n<body>\n<header>\n<h1>seo-export report</h1>\n"
        f"<p>{e(settings.site_name)} · {e(settings.base_url)}</p>\n</header>\n<main>\n"
    )
    _summary(page, summary)
    page.write(
        '<section aria-labelledby="articles-heading">\n<h2 id="articles-heading">Articles</h2>\n'
        '<form class="filters" role="search" onsubmit="return false">\n'
        '<label for="search">Search titles, URLs and files</label>\n'
        '<input id="search" type="search" autocomplete="off">\n'
        "<fieldset>\n<legend>Show articles with</legend>\n"
    )
    for name in (*SEVERITIES, "clean"):
        label = "no findings" if name == "clean" else f"{name}s" if name != "info" else "info"
        checkbox = f'<input type="checkbox" name="severity" value="{name}" checked>'
        page.write(f"<label>{checkbox} {label}</label>\n")
    page.write(
        "</fieldset>\n</form>\n"
        f'<p id="shown" aria-live="polite">{shown} of {shown} articles shown</p>\n'
    )
    if total > shown:
        page.write(
            f'<p class="note">Listed here: the {shown} of {total} articles with the most '
            "serious findings. out/manifest.json has every one.</p>\n"
        )
    for entry, outputs in entries:
        _article(page, settings, entry, outputs, expand=shown <= EXPANDED_UP_TO)
    page.write(f"</section>\n</main>\n<script>\n{_asset('report.js')}</script>\n</body>\n</html>\n")


def _asset(name: str) -> str:
    """A file shipped beside this module (the report's CSS and its few lines of script)."""
    return (Path(__file__).parent / name).read_text(encoding="utf-8")


def _bar(label: str, count: int, total: int, css: str = "") -> str:
    share = 0 if not total else round(100 * count / total)
    return (
        f'<div class="bar-row"><span class="bar-label">{e(label)}</span>'
        f'<span class="bar" role="img" aria-label="{count} of {total}">'
        f'<span class="fill {css}" style="width:{share}%"></span></span>'
        f'<span class="bar-count">{count}</span></div>\n'
    )


def _summary(page: TextIO, summary: Summary) -> None:
    page.write(
        '<section aria-labelledby="summary-heading">\n<h2 id="summary-heading">Summary</h2>\n'
    )
    page.write('<dl class="totals">\n')
    totals = (
        ("articles", "Articles", summary.articles),
        ("built", "Built", summary.built),
        ("skipped", "Skipped", summary.skipped),
        ("error", "Errors", summary.severities["error"]),
        ("warning", "Warnings", summary.severities["warning"]),
        ("info", "Info", summary.severities["info"]),
    )
    for key, label, count in totals:
        page.write(f'<div><dt>{label}</dt><dd data-total="{key}">{count}</dd></div>\n')
    page.write("</dl>\n<h3>Findings by code</h3>\n")
    if summary.codes:
        most = max(summary.codes.values())
        for code, count in sorted(summary.codes.items(), key=lambda item: (-item[1], item[0])):
            page.write(_bar(code, count, most))
    else:
        page.write("<p>No findings.</p>\n")
    page.write("<h3>What the built articles say about their condition</h3>\n")
    for prop in property_names():
        page.write(_bar(prop, summary.properties[prop], summary.built, "coverage"))
    page.write(_bar("FAQ", summary.faq, summary.built, "coverage"))
    if summary.site_findings:
        page.write('<h3>About the whole site</h3>\n<ul class="findings">\n')
        for item in summary.site_findings:
            page.write(_finding(item))
        page.write("</ul>\n")
    page.write("</section>\n")


def _finding(item: Mapping[str, Any]) -> str:
    where = item.get("file", "")
    if where and item.get("line"):
        where = f"{where}:{item['line']}"
    path = f' <span class="path">{e(item["json_path"])}</span>' if item.get("json_path") else ""
    location = f' <span class="where">{e(where)}</span>' if where else ""
    return (
        f'<li class="{e(item["severity"])}"><span class="sev">{e(item["severity"])}</span> '
        f"<code>{e(item['code'])}</code>{location} {e(item['message'])}{path}</li>\n"
    )


def breadcrumb_url(url: str) -> str:
    """``https://www.x.dk/artikler/y/`` -> ``www.x.dk › artikler › y``, as results show it."""
    parts = urlsplit(url)
    return " › ".join([parts.netloc, *[p for p in parts.path.split("/") if p]])


def _article(
    page: TextIO,
    settings: Settings,
    entry: Mapping[str, Any],
    outputs: tuple[Any, Any],
    *,
    expand: bool,
) -> None:
    findings = entry.get("findings", [])
    severity = worst(findings)
    title = entry.get("title") or entry.get("source", "")
    url = entry.get("url") or ""
    search = " ".join(str(entry.get(key) or "") for key in ("title", "url", "source")).lower()
    page.write(
        f'<article class="card" data-severity="{severity}" data-search="{e(search)}">\n'
        f'<h3>{e(title)}</h3>\n<p class="source">{e(entry.get("source", ""))}'
        f"{' · not built' if not entry.get('built') else ''}</p>\n"
    )
    data, graph = outputs
    if isinstance(data, dict):
        _previews(page, data, url)
    if isinstance(graph, dict):
        _tree(page, graph, entry.get("entities", {}), expand=expand, about=entry.get("about"))
    if findings:
        page.write('<ul class="findings">\n')
        for item in findings:
            page.write(_finding(item))
        page.write("</ul>\n")
    else:
        page.write('<p class="clean">No findings.</p>\n')
    page.write("</article>\n")


def _previews(page: TextIO, data: Mapping[str, Any], url: str) -> None:
    tags = {
        (tag.get("property") or tag.get("name") or ""): tag.get("content", "")
        for tag in data.get("tags", [])
        if tag.get("tag") == "meta"
    }
    title = cut_to_width(str(data.get("title", "")), TITLE_MAX_PX, TITLE_FONT_PX)
    description = cut_to_width(tags.get("description", ""), DESCRIPTION_MAX_PX, DESCRIPTION_FONT_PX)
    page.write(
        '<div class="previews">\n<figure class="serp">\n<figcaption>Search result</figcaption>\n'
        f'<div class="serp-url">{e(breadcrumb_url(url))}</div>\n'
        f'<div class="serp-title">{e(title)}</div>\n'
        f'<div class="serp-description">{e(description)}</div>\n</figure>\n'
        '<figure class="social">\n<figcaption>Social card</figcaption>\n'
    )
    image = tags.get("og:image")
    if image:
        alt = tags.get("og:image:alt", "")
        page.write(f'<div class="social-image">{e(image)}</div>\n<p class="alt">{e(alt)}</p>\n')
    host = urlsplit(url).netloc.upper()
    page.write(
        f'<div class="social-site">{e(host)}</div>\n'
        f'<div class="social-title">{e(tags.get("og:title", ""))}</div>\n'
        f'<div class="social-description">{e(tags.get("og:description", ""))}</div>\n'
        "</figure>\n</div>\n"
    )


def _tree(
    page: TextIO,
    graph: Mapping[str, Any],
    entities: Mapping[str, Any],
    *,
    expand: bool,
    about: Mapping[str, Any] | None = None,
) -> None:
    nodes = {node.get("@id"): node for node in graph.get("@graph", []) if isinstance(node, dict)}
    page_node: dict[str, Any] = next(iter(graph.get("@graph", [])), {})
    types = page_node.get("@type", "")
    kinds = ", ".join(types) if isinstance(types, list) else str(types)
    page.write(
        f"<details{' open' if expand else ''}>\n<summary>Structured data (JSON-LD)</summary>\n"
        '<ul class="tree">\n'
        f"<li><strong>{e(kinds)}</strong> {e(page_node.get('name', ''))}\n<ul>\n"
    )
    condition = nodes.get((page_node.get("about") or {}).get("@id"), {})
    if condition:
        kind = condition.get("@type", "")
        why = ""
        if about:  # the manifest's record of which step decided the type, and on what
            why = (
                f' <span class="prov about-evidence">[{e(str(about.get("step", "")))}: '
                f"{e(str(about.get('evidence', '')))}]</span>"
            )
        page.write(
            f"<li>about: <strong>{e(str(kind))}</strong> {e(condition.get('name', ''))}{why}\n"
            "<ul>\n"
        )
        for prop in property_names():
            values = condition.get(prop)
            if not values:
                continue
            items = values if isinstance(values, list) else [values]
            provenance = {item.get("name"): item for item in entities.get(prop, [])}
            page.write(f"<li>{e(prop)}\n<ul>\n")
            for value in items:
                name = value.get("name") if isinstance(value, dict) else value
                kind = value.get("@type", "") if isinstance(value, dict) else "Text"
                origin = provenance.get(name, {})
                mark = ""
                if origin:
                    where = f", line {origin['line']}" if origin.get("line") else ""
                    mark = (
                        f' <span class="prov prov-{e(origin["source"])}" '
                        f'title="read from {e(origin["source"])}{e(where)}">'
                        f"{e(origin['source'])}{e(where)}</span>"
                    )
                page.write(f'<li><span class="type">{e(kind)}</span> {e(name)}{mark}</li>\n')
            page.write("</ul>\n</li>\n")
        page.write("</ul>\n</li>\n")
    questions = [nodes.get(ref.get("@id"), {}) for ref in page_node.get("mainEntity", [])]
    if questions:
        page.write(f"<li>mainEntity: {len(questions)} Questions\n<ul>\n")
        for question in questions:
            answer = (question.get("acceptedAnswer") or {}).get("text", "")
            page.write(
                f"<li><strong>{e(question.get('name', ''))}</strong>"
                f'<div class="answer">{e(answer)}</div></li>\n'
            )
        page.write("</ul>\n</li>\n")
    page.write("</ul>\n</li>\n</ul>\n</details>\n")
