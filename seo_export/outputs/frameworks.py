"""Stage 4c: the files a site framework reads while it renders an article's page.

The head tags of :mod:`seo_export.outputs.head`, in the form each framework takes
without translating them:

- ``nextjs``: ``<slug>/next.json``, ``{"metadata": ..., "jsonLd": ...}``: Next.js's
  ``Metadata`` object (what ``generateMetadata`` returns, as it is) and the JSON-LD as
  text that is safe inside a ``<script>`` element (docs/nextjs.md);
- ``hugo``: ``_hugo/<MD5 of the page's URL>.json``, ``{"url": ..., "head": ...}``: a
  data file the ``seo-export.html`` partial finds by ``md5 .Permalink``, the one key
  Hugo can compute for a page without knowing seo-export's slugs (docs/hugo.md).

:data:`FRAMEWORKS` is the one table of them: the settings schema's ``frameworks`` values
are held to its keys by a test, and the build index names each file by its role.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

from seo_export.config.settings import Settings
from seo_export.domain.dates import iso
from seo_export.model import Article, OutputFile
from seo_export.outputs.head import (
    dumps_compact,
    dumps_pretty,
    og_locale,
    robots_content,
    script_safe_json,
)

HUGO_FOLDER = "_hugo"
"""The folder of out/ with the Hugo data files (a slug never starts with ``_``)."""


def next_metadata(article: Article, settings: Settings) -> dict[str, Any]:
    """The page's Next.js ``Metadata`` object: the same values as its head tags."""
    title = article.search_title
    metadata: dict[str, Any] = {
        # absolute: a layout's title.template must not add the site name a second time.
        "title": {"absolute": title},
        "description": article.description,
        "alternates": {"canonical": article.url},
        "robots": robots_content(article, settings),
    }
    if article.alternates:
        metadata["alternates"]["languages"] = dict(article.alternates)
    if article.authors:
        metadata["authors"] = [_author(author.name, author.url) for author in article.authors]
    open_graph: dict[str, Any] = {
        "type": "article",
        "title": title,
        "description": article.description,
        "url": article.url,
        "siteName": settings.site_name,
        "locale": og_locale(settings.language),
    }
    if article.date_published is not None:
        open_graph["publishedTime"] = iso(article.date_published)
    if article.date_modified is not None:
        open_graph["modifiedTime"] = iso(article.date_modified)
    if article.authors:
        # Open Graph asks for a profile URL; a name is what most sites give without one.
        open_graph["authors"] = [author.url or author.name for author in article.authors]
    twitter: dict[str, Any] = {"card": "summary_large_image" if article.image else "summary"}
    if settings.twitter_site:
        twitter["site"] = settings.twitter_site
    twitter["title"] = title
    twitter["description"] = article.description
    image = article.image
    if image is not None:
        og_image: dict[str, Any] = {"url": image.url}
        for key, value in (("width", image.width), ("height", image.height), ("alt", image.alt)):
            if value:
                og_image[key] = value
        open_graph["images"] = [og_image]
        twitter["images"] = [{"url": image.url, **({"alt": image.alt} if image.alt else {})}]
    metadata["openGraph"] = open_graph
    metadata["twitter"] = twitter
    return metadata


def _author(name: str, url: str | None) -> dict[str, str]:
    return {"name": name, "url": url} if url else {"name": name}


def next_file(
    article: Article, settings: Settings, head_html: str, jsonld: Mapping[str, Any]
) -> OutputFile:
    """``<slug>/next.json``: the Metadata object and the script-safe JSON-LD text."""
    data = {
        "metadata": next_metadata(article, settings),
        "jsonLd": script_safe_json(dumps_compact(jsonld)),
    }
    return OutputFile(f"{article.slug}/next.json", dumps_pretty(data))


def hugo_data_path(url: str) -> str:
    """Where, in out/, the Hugo data file of the page at ``url`` is (Hugo: ``md5 .Permalink``)."""
    return (
        f"{HUGO_FOLDER}/{hashlib.md5(url.encode('utf-8'), usedforsecurity=False).hexdigest()}.json"
    )


def hugo_file(
    article: Article, settings: Settings, head_html: str, jsonld: Mapping[str, Any]
) -> OutputFile:
    """The Hugo data file: the page's URL (the partial compares it) and its head snippet."""
    return OutputFile(
        hugo_data_path(article.url), dumps_pretty({"url": article.url, "head": head_html})
    )


FileBuilder = Callable[[Article, Settings, str, Mapping[str, Any]], OutputFile]
"""(article, settings, head snippet, JSON-LD document) -> the framework's file."""

FRAMEWORKS: dict[str, FileBuilder] = {"nextjs": next_file, "hugo": hugo_file}
"""The value of the ``frameworks`` setting -> the builder of its file per article."""


def framework_files(
    article: Article, settings: Settings, head_html: str, jsonld: Mapping[str, Any]
) -> tuple[OutputFile, ...]:
    """The files of every framework the settings name, in the order they name them."""
    return tuple(
        FRAMEWORKS[name](article, settings, head_html, jsonld) for name in settings.frameworks
    )


FILE_ROLES: tuple[tuple[str, str], ...] = (
    ("/head.html", "head"),
    ("/schema.jsonld", "jsonld"),
    ("/meta.json", "meta"),
    ("/next.json", "next"),
)
"""How the build index names an article's files: by the end of their path in out/."""


def file_role(path: str) -> str:
    """``head``, ``jsonld``, ``meta``, ``next`` or ``hugo`` for a path an article's build wrote."""
    if path.startswith(HUGO_FOLDER + "/"):
        return "hugo"
    for ending, role in FILE_ROLES:
        if path.endswith(ending):
            return role
    return path.rsplit("/", 1)[-1]
