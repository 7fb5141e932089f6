"""The body's structure: the intro, the H2 sections, the FAQ, and a description cut from text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from seo_export.config.settings import Settings
from seo_export.findings.codes import finding
from seo_export.model import Block, FaqItem, Finding, Section
from seo_export.read.blocks import clean_text

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
        if not question.text.strip():
            message = "an FAQ question (H3) has no text; it is left out"
            findings.append(finding("faq-empty-question", message, display, question.line))
            return
        content = [block for block in answer if block.text.strip()]
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


def choose_description(
    given: str | None,
    intro: Sequence[Block],
    sections: Sequence[Section],
    *,
    meta_title: str | None,
    title: str,
    limit: int,
) -> tuple[str, str]:
    """(description, where from): never empty. The front matter's, else derived from the
    intro, else from the first paragraph anywhere, else the metaTitle, else the title."""
    if given:
        return given, "front-matter"
    derived = derive_description(intro, limit)
    if derived:
        return derived, "intro"
    for block in (b for s in sections for b in s.blocks if _is_prose(b)):
        derived = derive_description((block,), limit)
        if derived:
            return derived, "paragraph"
    if meta_title:
        return meta_title, "meta-title"
    return title, "title"


def _is_prose(block: Block) -> bool:
    return block.kind in ("paragraph", "list", "quote") and bool(block.text)
