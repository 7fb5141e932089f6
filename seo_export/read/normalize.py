"""Stage 3: turn a parsed document into an :class:`Article`, or findings saying why not.

Front-matter values are read by :mod:`seo_export.read.fields`, the body is split
into intro, H2 sections and the FAQ here, and :mod:`seo_export.read.extract` adds
the medical entities. Keys seo-export does not interpret are kept in
``Article.extra``.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable

from seo_export.config.settings import Settings
from seo_export.domain.dates import is_before, later
from seo_export.domain.properties import entity_keys
from seo_export.findings.codes import finding
from seo_export.model import Article, Block, FaqItem, Finding, Section
from seo_export.read.blocks import blocks_from_tokens, clean_text
from seo_export.read.blocks_tree import blocks_from_tree
from seo_export.read.extract import extract_entities
from seo_export.read.fields import (
    FrontMatter,
    alternate_names,
    alternates,
    canonical_url,
    condition_codes,
    image_ref,
    known_keys,
    reviewer,
)
from seo_export.read.parse import ParsedDocument
from seo_export.read.slugs import is_valid_slug, slugify


def normalize(
    parsed: ParsedDocument, display: str, settings: Settings
) -> tuple[Article | None, list[Finding]]:
    """The article, or None with the findings that stop it; warnings come back either way."""
    findings: list[Finding] = []
    front = FrontMatter(parsed.front_matter, parsed.key_lines, display, findings, settings.base_url)
    _report_misspelt_keys(front)

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
    image = image_ref(front, settings)
    reviewed_by = reviewer(front)
    canonical = canonical_url(front, settings)

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
    if parsed.tree is not None:
        blocks = blocks_from_tree(parsed.tree, parsed.body, parsed.body_line, url)
    else:
        blocks = blocks_from_tokens(parsed.tokens, parsed.body_line, url)
    intro, sections = split_sections(blocks)
    faq_section = next((s for s in sections if is_faq_heading(s.heading, settings)), None)
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
        alternates=alternates(front, settings, url),
        last_reviewed=last_reviewed,
        reviewed_by=reviewed_by,
        faq_line=faq_section.line if faq_section else None,
        front_matter_lines=dict(parsed.key_lines),
        front_matter_item_lines=dict(parsed.item_lines),
        alternate_names=alternate_names(front),
        codes=condition_codes(front),
        extra={
            key: value
            for key, value in parsed.front_matter.items()
            if key not in known_keys() and key not in entity_keys()
        },
    )
    return extract_entities(article, parsed.front_matter, settings, findings), findings


def _report_misspelt_keys(front: FrontMatter) -> None:
    """A key that is not one we read but nearly is one (``noIndex``, ``datePublised``) is
    almost surely a misspelling whose value would be silently unused: say so. Keys of a
    team's own, far from any of ours, stay quiet in ``Article.extra``."""
    for key in front.data:
        meant = key_meant(key) if isinstance(key, str) else None
        if meant is not None:
            front.problem(
                "field-unknown",
                key,
                f"{key!r} is not a key seo-export reads, so its value is not used; "
                f"did you mean {meant!r}? (keys are case-sensitive)",
            )


OTHER_TOOLS_KEYS = frozenset(
    {
        # Hugo's and Jekyll's own front matter, which sites carry over: never a misspelling.
        "publishDate", "expiryDate", "lastmod", "linkTitle", "translationKey", "images",
        "keywords", "layout", "permalink", "categories", "tags", "summary", "weight", "type",
        "outputs", "headless", "cascade", "markup", "resources", "sitemap", "build",
        "isCJKLanguage", "audio", "videos", "series", "author", "authors",
    }
)  # fmt: skip


def key_meant(key: str) -> str | None:
    """The key of ours that ``key`` is a misspelling of, or None (ours, or nothing near).

    Close means a case or ``_``/``-`` difference, or a difflib ratio of 0.85 or more, but
    not ours with a word added (``images``, ``updatedAt``, ``updatedBy``: other fields).
    """
    return _key_meant(key, entity_keys())


@functools.lru_cache(maxsize=4096)
def _key_meant(key: str, entity_keys: frozenset[str]) -> str | None:
    """Remembered per key (a site's articles share their keys, and difflib is slow) and
    per set of property keys (the property table's, which a frozenset hashes once)."""
    ours, by_folded = _our_keys(entity_keys)
    if key in ours or key in OTHER_TOOLS_KEYS:
        return None
    folded = _fold(key)
    if folded in by_folded:
        return by_folded[folded]
    for close in difflib.get_close_matches(folded, by_folded, n=3, cutoff=0.85):
        if not (folded.startswith(close) or close.startswith(folded)):
            return by_folded[close]
    return None


def _fold(key: str) -> str:
    return key.casefold().replace("_", "").replace("-", "")


@functools.cache
def _our_keys(entity_keys: frozenset[str]) -> tuple[frozenset[str], dict[str, str]]:
    """The front-matter keys seo-export reads, and each by its folded spelling (the first
    of two that fold alike: ``metaTitle`` before ``meta_title``)."""
    ours = known_keys() | entity_keys
    by_folded: dict[str, str] = {}
    for key in sorted(ours):
        by_folded.setdefault(_fold(key), key)
    return ours, by_folded


def _slug(
    front: FrontMatter, title: str | None, display: str, findings: list[Finding]
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


_FAQ_MEMO: dict[tuple[int, str], bool] = {}
_FAQ_PATTERNS: dict[int, tuple[re.Pattern[str], ...]] = {}


def is_faq_heading(heading: str, settings: Settings) -> bool:
    """Whether an H2 is the FAQ's, by the ``faq_headings`` patterns.

    Remembered per pattern set (keyed by identity, as extract.rule_for does), because
    sites repeat their headings: the patterns ran 22 searches per article.
    """
    patterns = settings.faq_headings
    key = (id(patterns), heading)
    found = _FAQ_MEMO.get(key)
    if found is None:
        if len(_FAQ_MEMO) > 50_000 or len(_FAQ_PATTERNS) > 64:  # settings loaded again and again
            _FAQ_MEMO.clear()
            _FAQ_PATTERNS.clear()
        _FAQ_PATTERNS[id(patterns)] = patterns  # keeps the id from being reused meanwhile
        found = _FAQ_MEMO[key] = any(p.search(heading) for p in patterns)
    return found


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
