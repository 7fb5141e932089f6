"""The build's output as inject reads it: each built article's URL, snippet and JSON-LD, and
the page of a built site that an article's URL names."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seo_export.build.manifest import (
    MANIFEST_NAME,
    article_file,
    read_article_file,
    read_footer,
    read_manifest,
)
from seo_export.errors import SeoExportError


class NoBuildError(SeoExportError):
    """There is no build to inject: out/manifest.json is missing."""


@dataclass(frozen=True, slots=True)
class BuiltPage:
    """An article's built output, as inject needs it."""

    url: str
    """Its canonical URL."""
    snippet: str
    """head.html."""
    jsonld: Any
    """schema.jsonld, parsed."""


def built_pages(out_dir: Path) -> list[BuiltPage]:
    """The built articles of ``out_dir``, from its manifest (read under a shared lock: a
    build started meanwhile is refused)."""
    from seo_export.build.emit import reading_lock

    with reading_lock(out_dir):
        return _built_pages(out_dir)


def _built_pages(out_dir: Path) -> list[BuiltPage]:
    header, entries = read_manifest(out_dir / MANIFEST_NAME, strict=True)
    if header is None:
        raise NoBuildError(f"{out_dir} has no manifest.json: run seo-export build first")
    if read_footer(out_dir / MANIFEST_NAME).get("output") == "bundle":
        from seo_export.build.bundle import BUNDLE_NAME, written_entries

        return [
            BuiltPage(url=item.url, snippet=item.head_html, jsonld=item.jsonld)
            for item in written_entries(out_dir / BUNDLE_NAME)
        ]
    pages = []
    for entry, _ in entries:
        head = article_file(entry, "/head.html")
        schema = article_file(entry, "/schema.jsonld")
        if not entry.get("built") or head is None or schema is None:
            continue
        pages.append(
            BuiltPage(
                url=str(entry["url"]),
                snippet=read_article_file(out_dir, entry, "/head.html").decode("utf-8"),
                jsonld=json.loads(read_article_file(out_dir, entry, "/schema.jsonld")),
            )
        )
    return pages


def page_for_url(url: str, site_dir: Path, patterns: Iterable[str]) -> Path | None:
    """The page file of ``url`` in the built site by the ``page_paths`` patterns, if any."""
    import os
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(url).path).lstrip("/")
    root = os.path.realpath(site_dir)
    for pattern in patterns:
        relative = pattern.replace("{path_no_slash}", path.rstrip("/")).replace("{path}", path)
        # Strings, not Paths: this runs once per built article (10,000 on a large site).
        candidate = os.path.realpath(os.path.join(root, relative))  # noqa: PTH118
        if candidate.startswith(root + os.sep) and os.path.isfile(candidate):  # noqa: PTH113
            return Path(candidate)
    return None
