"""Stage 3: turn a parsed document into an :class:`Article`, or findings saying why not.

Front-matter keys are read under the names the sample writes (title, metaTitle,
datePublished, lastUpdated) and the usual aliases; keys seo-export does not
interpret are kept in ``Article.extra``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .blocks import blocks_from_tokens, clean_text
from .dates import InvalidDateError, is_before, later, parse_date
from .findings import finding
from .model import Article, Block, FaqItem, Finding, ImageRef, PageDate, Section
from .parse import ParsedDocument
from .settings import Settings
from .slugs import is_valid_slug, slugify
from .urls import UnsafeUrlError, resolve_url

# Canonical field -> accepted front-matter keys, first one preferred.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "meta_title": ("metaTitle", "meta_title", "seoTitle"),
    "description": ("description", "metaDescription", "meta_description"),
    "date_published": ("datePublished", "date", "published"),
    "date_updated": ("lastUpdated", "updated", "dateModified", "modified", "last_updated"),
    "slug": ("slug",),
    "draft": ("draft",),
    "noindex": ("noindex",),
    "image": ("image",),
    "last_reviewed": ("lastReviewed", "last_reviewed"),
    "reviewed_by": ("reviewedBy", "reviewed_by"),
    "canonical": ("canonical", "canonicalUrl", "url"),
    "translations": ("translations", "hreflang"),
}

_HREFLANG = re.compile(r"^(x-default|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$")

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0", ""}


@dataclass(slots=True)
class _FrontMatter:
    """Typed access to front-matter values that records findings as it reads."""

    data: Mapping[str, Any]
    key_lines: Mapping[str, int]
    display: str
    findings: list[Finding]

    def key_for(self, field: str) -> str | None:
        keys = [key for key in ALIASES[field] if key in self.data]
        if len(keys) > 1:
            self.findings.append(
                finding(
                    "field-type",
                    f"{' and '.join(keys)} say the same thing; {keys[0]} is used",
                    self.display,
                    self.line(keys[1]),
                    key=keys[1],
                )
            )
        return keys[0] if keys else None

    def line(self, key: str) -> int | None:
        return self.key_lines.get(key)

    def text(self, field: str) -> str | None:
        key = self.key_for(field)
        if key is None:
            return None
        value = self.data[key]
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            # Authors paste "&amp;" and "&#8211;" from HTML; the model holds the
            # characters, and every output escapes them exactly once.
            return clean_text(html.unescape(str(value))) or None
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        self._wrong_type(key, "text")
        return None

    def flag(self, field: str) -> bool:
        key = self.key_for(field)
        if key is None:
            return False
        value = self.data[key]
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        if value is None:
            return False
        self._wrong_type(key, "true or false")
        return False

    def date(self, field: str, day_first: bool) -> PageDate | None:
        key = self.key_for(field)
        if key is None or self.data[key] in (None, ""):
            return None
        try:
            value, time_dropped = parse_date(self.data[key], day_first=day_first)
        except InvalidDateError as problem:
            self.findings.append(
                finding("date-invalid", f"{key}: {problem}", self.display, self.line(key), key=key)
            )
            return None
        if time_dropped:
            self.findings.append(
                finding(
                    "date-no-offset",
                    f"{key}: the time has no UTC offset, "
                    f"so only the date {value.isoformat()} is used",
                    self.display,
                    self.line(key),
                    key=key,
                )
            )
        return value

    def _wrong_type(self, key: str, expected: str) -> None:
        kind = type(self.data[key]).__name__
        self.findings.append(
            finding(
                "field-type",
                f"{key}: expected {expected}, got {kind}",
                self.display,
                self.line(key),
                key=key,
            )
        )


def known_keys() -> frozenset[str]:
    """Every front-matter key the normalizer interprets."""
    return frozenset(key for keys in ALIASES.values() for key in keys)


def normalize(
    parsed: ParsedDocument,
    display: str,
    settings: Settings,
    extract_entities: Callable[[Article, Mapping[str, Any], Settings, list[Finding]], Article]
    | None = None,
) -> tuple[Article | None, list[Finding]]:
    """The article, or None with the findings that stop it; warnings come back either way."""
    findings: list[Finding] = []
    front = _FrontMatter(parsed.front_matter, parsed.key_lines, display, findings)

    title = front.text("title")
    if title is None and front.key_for("title") is None:
        findings.append(
            finding("title-missing", "front matter has no title", display, parsed.front_matter_line)
        )
    slug = _slug(front, title, display, findings)
    date_published = front.date("date_published", settings.day_first)
    date_updated = front.date("date_updated", settings.day_first)
    last_reviewed = front.date("last_reviewed", settings.day_first)
    meta_title = front.text("meta_title")
    given_description = front.text("description")
    draft = front.flag("draft")
    noindex = front.flag("noindex")
    image = _image(front, settings)
    reviewed_by = front.text("reviewed_by")
    canonical = _canonical(front, settings)

    if any(f.severity.value == "error" for f in findings) or title is None or slug is None:
        return None, findings

    if date_published and date_updated and is_before(date_updated, date_published):
        updated_key = front.key_for("date_updated") or "lastUpdated"
        published_key = front.key_for("date_published") or "datePublished"
        findings.append(
            finding(
                "date-order",
                f"{updated_key} ({date_updated.isoformat()}) is before {published_key} "
                f"({date_published.isoformat()}); dateModified uses {published_key}",
                display,
                front.line(updated_key),
                key=updated_key,
            )
        )

    url = canonical or settings.article_url_for(slug)
    blocks = blocks_from_tokens(parsed.tokens, parsed.body_line, url)
    intro, sections = split_sections(blocks)
    faq_section = next(
        (s for s in sections if any(p.search(s.heading) for p in settings.faq_headings)), None
    )
    faq: tuple[FaqItem, ...] = ()
    if faq_section is not None:
        faq = faq_from_section(faq_section, display, findings)
    description = given_description or derive_description(intro, settings.description_length)

    article = Article(
        source=display,
        slug=slug,
        url=url,
        title=title,
        meta_title=meta_title if meta_title and meta_title != title else None,
        description=description,
        description_derived=given_description is None,
        intro=tuple(intro),
        date_published=date_published,
        date_modified=later(date_published, date_updated),
        sections=tuple(s for s in sections if s is not faq_section),
        faq=faq,
        draft=draft,
        noindex=noindex,
        image=image,
        alternates=_alternates(front, settings, url),
        last_reviewed=last_reviewed,
        reviewed_by=reviewed_by,
        faq_line=faq_section.line if faq_section else None,
        front_matter_lines=dict(parsed.key_lines),
        extra={k: v for k, v in parsed.front_matter.items() if k not in known_keys()},
    )
    if extract_entities is not None:
        article = extract_entities(article, parsed.front_matter, settings, findings)
    return article, findings


def _canonical(front: _FrontMatter, settings: Settings) -> str | None:
    """The front matter's canonical URL, which must stay on the site."""
    key = front.key_for("canonical")
    value = front.text("canonical")
    if key is None or value is None:
        return None
    try:
        return resolve_url(value, settings.base_url, same_host=True)
    except UnsafeUrlError as problem:
        front.findings.append(
            finding(
                "canonical-invalid",
                f"{key}: {value!r} {problem}",
                front.display,
                front.line(key),
                key=key,
            )
        )
        return None


def _image(front: _FrontMatter, settings: Settings) -> ImageRef | None:
    """``image: url`` or ``image: {url, width, height, alt}``; an unsafe URL is dropped."""
    key = front.key_for("image")
    if key is None or front.data[key] in (None, ""):
        return (
            ImageRef(settings.absolute(settings.default_image)) if settings.default_image else None
        )
    value = front.data[key]
    fields = value if isinstance(value, dict) else {"url": value}
    url, width, height, alt = (fields.get(name) for name in ("url", "width", "height", "alt"))
    if not isinstance(url, str):
        front.findings.append(
            finding(
                "field-type",
                f"{key}: expected a URL or {{url, width, height, alt}}",
                front.display,
                front.line(key),
                key=key,
            )
        )
        return None
    try:
        absolute = resolve_url(url, settings.base_url, same_host=False)
    except UnsafeUrlError as problem:
        front.findings.append(
            finding(
                "url-invalid",
                f"{key}: {url!r} {problem}; the image is left out",
                front.display,
                front.line(key),
                key=key,
            )
        )
        return None
    return ImageRef(
        url=absolute,
        width=width if isinstance(width, int) and width > 0 else None,
        height=height if isinstance(height, int) and height > 0 else None,
        alt=clean_text(html.unescape(alt)) or None if isinstance(alt, str) else None,
    )


def _alternates(
    front: _FrontMatter, settings: Settings, own_url: str
) -> tuple[tuple[str, str], ...]:
    """hreflang pairs: this page, each translation, and x-default (this page unless given)."""
    key = front.key_for("translations")
    if key is None or not front.data[key]:
        return ()
    given = front.data[key]
    if not isinstance(given, dict):
        front.findings.append(
            finding(
                "field-type",
                f"{key}: expected language: URL pairs",
                front.display,
                front.line(key),
                key=key,
            )
        )
        return ()
    pairs: dict[str, str] = {settings.language: own_url}
    for language, url in given.items():
        if not isinstance(language, str) or not _HREFLANG.match(language):
            front.findings.append(
                finding(
                    "hreflang-invalid",
                    f"{key}: {language!r} is not a language tag",
                    front.display,
                    front.line(key),
                    key=key,
                )
            )
            continue
        try:
            pairs[language] = resolve_url(str(url), settings.base_url, same_host=False)
        except UnsafeUrlError as problem:
            front.findings.append(
                finding(
                    "hreflang-invalid",
                    f"{key}.{language}: {url!r} {problem}",
                    front.display,
                    front.line(key),
                    key=key,
                )
            )
    default = pairs.pop("x-default", own_url)
    ordered = sorted(pairs.items(), key=lambda pair: pair[0].lower())
    return (*ordered, ("x-default", default))


def _slug(
    front: _FrontMatter, title: str | None, display: str, findings: list[Finding]
) -> str | None:
    key = front.key_for("slug")
    if key is not None:
        given = front.data[key]
        if not isinstance(given, str) or not is_valid_slug(given):
            findings.append(
                finding(
                    "slug-invalid",
                    f"slug {given!r} must be lower-case letters, digits and single hyphens",
                    display,
                    front.line(key),
                    key=key,
                )
            )
            return None
        return given
    if title is None:
        return None
    slug = slugify(title)
    if not slug:
        findings.append(
            finding(
                "slug-invalid",
                f"title {title!r} gives an empty slug; set slug: in the front matter",
                display,
                front.line("title"),
                key="title",
            )
        )
        return None
    return slug


def split_sections(blocks: Iterable[Block]) -> tuple[list[Block], list[Section]]:
    """(blocks before the first H2, one Section per H2 with its blocks)."""
    intro: list[Block] = []
    sections: list[Section] = []
    heading: Block | None = None
    current: list[Block] = []
    for block in blocks:
        if block.kind == "heading" and block.level <= 2 and (block.level == 2 or heading):
            if heading is not None:
                sections.append(Section(heading.text, heading.level, heading.line, tuple(current)))
            heading, current = block, []
        elif heading is None:
            intro.append(block)
        else:
            current.append(block)
    if heading is not None:
        sections.append(Section(heading.text, heading.level, heading.line, tuple(current)))
    return intro, sections


def faq_from_section(
    section: Section, display: str, findings: list[Finding]
) -> tuple[FaqItem, ...]:
    """One FaqItem per H3 of the FAQ section, its answer the blocks until the next H3."""
    items: list[FaqItem] = []
    question: Block | None = None
    answer: list[Block] = []

    def close() -> None:
        if question is None:
            return
        content = [block for block in answer if block.text]
        if not content:
            findings.append(
                finding(
                    "faq-empty-answer",
                    f"question {question.text!r} has no answer",
                    display,
                    question.line,
                )
            )
            return
        items.append(
            FaqItem(
                question=question.text,
                answer_text="\n\n".join(block.text for block in content),
                answer_html="".join(block.html for block in content),
                line=question.line,
                blocks=tuple(content),
            )
        )

    for block in section.blocks:
        if block.kind == "heading" and block.level == 3:
            close()
            question, answer = block, []
        elif question is not None and not (block.kind == "heading" and block.level < 3):
            answer.append(block)
    close()
    if question is None:
        findings.append(
            finding(
                "faq-no-questions",
                f"FAQ section {section.heading!r} has no H3 questions",
                display,
                section.line,
            )
        )
    return tuple(items)


def derive_description(intro: Iterable[Block], limit: int) -> str:
    """The intro's text, cut at a word boundary to at most ``limit`` characters with an ellipsis."""
    text = clean_text(" ".join(b.text for b in intro if b.kind in ("paragraph", "list", "quote")))
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"
