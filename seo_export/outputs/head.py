"""Stage 4b: the tags that go into a page's <head>, as data and as HTML.

Every attribute value and the title text are HTML-escaped exactly once (the
model holds plain text, never entities). The JSON-LD is serialised first and
then made safe for a ``<script>`` element: ``<``, ``>``, ``&``, U+2028 and
U+2029 become ``\\u`` escapes, which JSON reads back as the same characters, so
no value can end the script or open a comment that hides a later one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

import orjson

from seo_export.config.settings import Settings
from seo_export.domain.dates import iso
from seo_export.model import Article

_SCRIPT_UNSAFE = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)

JSONLD_SCRIPT_TYPE = "application/ld+json"


@dataclass(frozen=True, slots=True)
class HeadTag:
    """One element of the head snippet."""

    tag: str
    """``title``, ``meta``, ``link`` or ``script``."""
    attrs: tuple[tuple[str, str], ...] = ()
    """Attributes in output order (plain text, unescaped)."""
    text: str | None = None
    """Element content for title and script (plain text / JSON)."""

    def to_html(self) -> str:
        """The element as HTML, every value escaped once."""
        attrs = "".join(f' {name}="{escape_attribute(value)}"' for name, value in self.attrs)
        if self.tag == "script":
            return f"<script{attrs}>{script_safe_json(self.text or '')}</script>"
        if self.text is not None:
            return f"<{self.tag}{attrs}>{escape(self.text, quote=False)}</{self.tag}>"
        return f"<{self.tag}{attrs}>"

    def to_json(self) -> dict[str, str]:
        """The element as a flat dict, for meta.json."""
        data = {"tag": self.tag}
        data.update(self.attrs)
        if self.text is not None and self.tag != "script":
            data["text"] = self.text
        return data


def escape_attribute(value: str) -> str:
    """``html.escape(value, quote=True)``; most values have nothing to escape, and five
    ``in`` tests cost a third of its five replacements (about 45 values a page)."""
    if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
        return escape(value, quote=True)
    return value


def script_safe_json(json_text: str) -> str:
    """JSON text with the characters that could end or confuse a <script> escaped.

    They can only occur inside JSON strings, where the escapes read back as
    the same characters.
    """
    for char, escaped in _SCRIPT_UNSAFE:
        if char in json_text:
            json_text = json_text.replace(char, escaped)
    return json_text


def dumps_compact(document: Mapping[str, Any]) -> str:
    """Compact, deterministic JSON (UTF-8 text, key order as built)."""
    return orjson.dumps(document).decode("utf-8")


def dumps_pretty(data: Any) -> bytes:
    """Indented JSON bytes with a final newline (the form of schema.jsonld and meta.json)."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def og_locale(language: str) -> str:
    """``da-DK`` -> ``da_DK`` (Open Graph writes locales with an underscore)."""
    parts = language.split("-")
    if len(parts) >= 2 and len(parts[1]) == 2:
        return f"{parts[0].lower()}_{parts[1].upper()}"
    return parts[0].lower()


def robots_content(article: Article, settings: Settings) -> str:
    """``index, follow, max-snippet:-1, ...`` or ``noindex, follow``."""
    if article.noindex:
        return "noindex, follow"
    return (
        f"{settings.robots}, max-snippet:{settings.max_snippet}, "
        f"max-image-preview:{settings.max_image_preview}, "
        f"max-video-preview:{settings.max_video_preview}"
    )


def head_tags(article: Article, settings: Settings, jsonld: Mapping[str, Any]) -> list[HeadTag]:
    """The head tags of a page, in output order."""
    title = article.search_title
    tags = [
        HeadTag("title", text=title),
        HeadTag("meta", (("name", "description"), ("content", article.description))),
        HeadTag("link", (("rel", "canonical"), ("href", article.url))),
        HeadTag("meta", (("name", "robots"), ("content", robots_content(article, settings)))),
    ]
    if article.authors:
        names = ", ".join(author.name for author in article.authors)
        tags.append(HeadTag("meta", (("name", "author"), ("content", names))))

    def og(prop: str, content: str) -> None:
        tags.append(HeadTag("meta", (("property", prop), ("content", content))))

    def twitter(name: str, content: str) -> None:
        tags.append(HeadTag("meta", (("name", name), ("content", content))))

    og("og:type", "article")
    og("og:title", title)
    og("og:description", article.description)
    og("og:url", article.url)
    og("og:site_name", settings.site_name)
    og("og:locale", og_locale(settings.language))
    image = article.image
    if image is not None:
        og("og:image", image.url)
        if image.width:
            og("og:image:width", str(image.width))
        if image.height:
            og("og:image:height", str(image.height))
        if image.alt:
            og("og:image:alt", image.alt)
    if article.date_published is not None:
        og("article:published_time", iso(article.date_published))
    if article.date_modified is not None:
        og("article:modified_time", iso(article.date_modified))
    for author in article.authors:
        # Open Graph asks for a profile URL; a name is what most sites give without one.
        og("article:author", author.url or author.name)
    twitter("twitter:card", "summary_large_image" if image else "summary")
    if settings.twitter_site:
        twitter("twitter:site", settings.twitter_site)
    twitter("twitter:title", title)
    twitter("twitter:description", article.description)
    if image is not None:
        twitter("twitter:image", image.url)
        if image.alt:
            twitter("twitter:image:alt", image.alt)
    for hreflang, href in article.alternates:
        tags.append(HeadTag("link", (("rel", "alternate"), ("hreflang", hreflang), ("href", href))))
    tags.append(HeadTag("script", (("type", JSONLD_SCRIPT_TYPE),), dumps_compact(jsonld)))
    return tags


def render_head(tags: list[HeadTag]) -> str:
    """The head snippet: one element per line, ending with a newline."""
    return "".join(tag.to_html() + "\n" for tag in tags)


def head_data(tags: list[HeadTag], jsonld: Mapping[str, Any]) -> dict[str, Any]:
    """meta.json: the same tags as data, for a CMS that renders its own templates."""
    title = next((tag.text for tag in tags if tag.tag == "title"), "")
    return {
        "title": title,
        "tags": [tag.to_json() for tag in tags if tag.tag in ("meta", "link")],
        "jsonld": jsonld,
    }
