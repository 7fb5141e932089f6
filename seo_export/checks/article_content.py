"""Content lint of one article: what a search result will show of it."""

from __future__ import annotations

from collections.abc import Iterator

from seo_export.checks.registry import INFO, Code, W, article_check, finding
from seo_export.checks.textwidth import TITLE_FONT_PX, TITLE_MAX_CHARS, TITLE_MAX_PX, text_width_px
from seo_export.config.settings import Settings
from seo_export.model import Article, Finding

DESCRIPTION_MIN = 70
DESCRIPTION_MAX = 160


def _key_line(article: Article, *keys: str) -> tuple[str | None, int | None]:
    for key in keys:
        if key in article.front_matter_lines:
            return key, article.front_matter_lines[key]
    return None, None


@article_check(
    "title-length",
    Code(
        "title-too-long",
        W,
        "The search title is over 60 characters or about 580 px wide (20 px Arial): search "
        "results will cut it.",
        "Shorten metaTitle (or title); put the words that matter first.",
    ),
)
def title_length(article: Article, settings: Settings) -> Iterator[Finding]:
    """The search title must fit a result line: 60 characters and 580 px at 20 px Arial."""
    title = article.search_title
    width = text_width_px(title, TITLE_FONT_PX)
    if len(title) > TITLE_MAX_CHARS or width > TITLE_MAX_PX:
        key, line = _key_line(article, "metaTitle", "meta_title", "seoTitle", "title")
        yield finding(
            "title-too-long",
            f"title is {len(title)} characters and about {width:.0f} px wide; search results "
            f"cut it after {TITLE_MAX_CHARS} characters or {TITLE_MAX_PX} px",
            article.source,
            line,
            key=key,
        )


@article_check(
    "description-length",
    Code(
        "description-too-short",
        W,
        "The meta description is under 70 characters; search engines will likely write their own.",
        "Write a description of 70 to 160 characters that says what the page answers.",
    ),
    Code(
        "description-too-long",
        W,
        "The meta description is over 160 characters; search results cut it.",
        "Shorten the description to at most 160 characters.",
    ),
)
def description_length(article: Article, settings: Settings) -> Iterator[Finding]:
    """The meta description should be 70 to 160 characters."""
    length = len(article.description)
    key, line = _key_line(article, "description", "metaDescription", "meta_description")
    if line is None and article.intro:
        line = article.intro[0].line
    if length < DESCRIPTION_MIN:
        yield finding(
            "description-too-short",
            f"description is {length} characters; write {DESCRIPTION_MIN} to {DESCRIPTION_MAX}",
            article.source,
            line,
            key=key,
        )
    elif length > DESCRIPTION_MAX:
        yield finding(
            "description-too-long",
            f"description is {length} characters; search results cut it after about "
            f"{DESCRIPTION_MAX}",
            article.source,
            line,
            key=key,
        )


@article_check(
    "description-source",
    Code(
        "description-derived",
        INFO,
        "The article has no description in its front matter; one was derived from the intro "
        "(else from the first paragraph, the metaTitle or the title).",
        "Write `description:` yourself: a derived one is a cut-off first paragraph.",
    ),
    Code(
        "description-missing",
        W,
        "The article has no description and no intro to derive one from.",
        "Write `description:` in the front matter, or an intro paragraph before the first H2.",
    ),
)
def description_source(article: Article, settings: Settings) -> Iterator[Finding]:
    """A description written by a person beats one cut from the intro; none at all is worse."""
    if not article.description:
        yield finding(
            "description-missing",
            "no description in the front matter and no intro to derive one from",
            article.source,
            article.front_matter_lines.get("title"),
            key="description",
        )
    elif article.description_derived:
        origin, line = _description_origin(article)
        yield finding(
            "description-derived",
            f"description {origin}; write one in the front matter",
            article.source,
            line,
            key="description",
        )


def _description_origin(article: Article) -> tuple[str, int | None]:
    """How a derived description was made, and the line it came from."""
    if article.description_source == "paragraph":
        first = next(
            (b for s in article.sections for b in s.blocks if b.text and b.kind != "heading"),
            None,
        )
        line = first.line if first is not None else None
        return "cut from the first paragraph (the article has no intro)", line
    if article.description_source in ("meta-title", "title"):
        key = "metaTitle" if article.description_source == "meta-title" else "title"
        lines = article.front_matter_lines
        return f"taken from the {key} (the article has no paragraph)", lines.get(key)
    return "derived from the intro", article.intro[0].line if article.intro else None


@article_check(
    "section-empty",
    Code(
        "section-empty",
        W,
        "An H2 section has no text under it.",
        "Write the section, or remove its heading.",
    ),
)
def empty_sections(article: Article, settings: Settings) -> Iterator[Finding]:
    """An H2 with nothing under it promises an answer the page does not give."""
    for section in article.sections:
        if not any(block.text for block in section.blocks):
            yield finding(
                "section-empty",
                f"section {section.heading!r} is empty",
                article.source,
                section.line,
            )
