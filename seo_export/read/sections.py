"""The body's structure: the intro, the H2 sections, the FAQ, and a description cut from text.

The FAQ is read in every form sites write it: H3 questions, ``**Q:**``/``**A:**`` pairs, bold
question paragraphs, a front-matter ``faq:`` list.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from seo_export.config.settings import Settings
from seo_export.findings.codes import finding
from seo_export.model import Block, FaqItem, Finding, Section
from seo_export.read.blocks import clean_text
from seo_export.read.prose.lexicon import Lexicon
from seo_export.system import IdentityMemo

_FAQ_MEMO: IdentityMemo[bool] = IdentityMemo(50_000)


def is_faq_heading(heading: str, settings: Settings) -> bool:
    """Whether an H2 is the FAQ's, by the ``faq_headings`` patterns (remembered per pattern
    set: the patterns ran 22 searches per article)."""
    patterns = settings.faq_headings
    return _FAQ_MEMO.get(patterns, heading, lambda: any(p.search(heading) for p in patterns))


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


@dataclass(frozen=True, slots=True)
class FaqReading:
    """What the FAQ section holds."""

    questions: tuple[FaqItem, ...]
    """Its questions with their answers, in order."""
    subsections: tuple[FaqItem, ...]
    """Its headings that are not questions, with their blocks (read for entities only)."""


def faq_from_section(
    section: Section, display: str, findings: list[Finding], lex: Lexicon
) -> FaqReading:
    """The FAQ's entries: an H3 (or deeper) heading that is a question, a ``**Q:** ...?``
    paragraph (its answer after ``**A:**`` in the same or the next paragraphs), or a bold
    paragraph ending with "?"; each answer the blocks until the next entry.

    A heading that is not a question ("Referenceliste") is not published, with an info
    finding; its blocks still go to extraction as a subsection.
    """
    entries: list[tuple[Block, str, str, list[Block]]] = []  # (head block, question, kind, answer)
    for block in section.blocks:
        if block.kind == "heading" and block.level >= 3:
            entries.append((block, block.text, "heading", []))
            continue
        if block.kind == "heading":
            entries.append((block, "", "stop", []))  # an H1 or H2 ends the answer before it
            continue
        if block.kind == "paragraph":
            qa = lex.qa.match(block.text)
            if qa:
                answer = [_answer_part(block, qa.group("answer"))] if qa.group("answer") else []
                entries.append((block, qa.group("question").strip(), "qa", answer))
                continue
            if block.bold and block.text.rstrip().endswith("?"):
                entries.append((block, block.text.strip(), "bold", []))
                continue
            if entries and entries[-1][2] == "qa" and lex.answer_marker.match(block.text):
                entries[-1][3].append(_answer_part(block, lex.answer_marker.sub("", block.text, 1)))
                continue
        if entries:
            entries[-1][3].append(block)
    questions: list[FaqItem] = []
    subsections: list[FaqItem] = []
    for head, question, kind, answer in entries:
        if kind == "stop":
            continue
        item = _faq_item(head, question, answer, display, findings)
        if item is None:
            continue
        if kind == "heading" and not is_question(question, lex):
            message = f"{question!r} under the FAQ heading is not a question; not published as one"
            findings.append(finding("faq-not-a-question", message, display, head.line))
            subsections.append(item)
        else:
            questions.append(item)
    if not questions:
        findings.append(
            finding(
                "faq-no-questions",
                f"FAQ section {section.heading!r} has no questions",
                display,
                section.line,
            )
        )
    return FaqReading(tuple(questions), tuple(subsections))


def _faq_item(
    head: Block, question: str, answer: list[Block], display: str, findings: list[Finding]
) -> FaqItem | None:
    if not question.strip():
        message = "an FAQ question (H3) has no text; it is left out"
        findings.append(finding("faq-empty-question", message, display, head.line))
        return None
    content = [block for block in answer if block.text.strip()]
    if not content:
        findings.append(
            finding("faq-empty-answer", f"question {question!r} has no answer", display, head.line)
        )
        return None
    return FaqItem(
        question=question,
        answer_text="\n\n".join(block.text for block in content),
        answer_html="".join(block.html for block in content),
        line=head.line,
        blocks=tuple(content),
    )


# The start of a paragraph's HTML up to and with its answer marker (**A:**, Svar:, ...), or,
# in a "**Q:** ...? **A:** ..." paragraph, up to and with the marker after the question.
_HTML_ANSWER_MARKER = re.compile(
    r"^<p>(?:.*?\?\s*(?:</(?:strong|em)>)?\s*)??(?:<(?:strong|em)>)?\s*"
    r"(?:A|Svar|Sv|Answer|S)\s*[:.]\s*(?:</(?:strong|em)>)?\s*",
    re.DOTALL,
)


def _answer_part(block: Block, text: str) -> Block:
    """The answer of a ``**Q:**``/``**A:**`` paragraph: its text after the marker, and its HTML
    (links and emphasis kept) after the marker."""
    html = _HTML_ANSWER_MARKER.sub("<p>", block.html, count=1)
    return dataclasses.replace(block, text=text.strip(), html=html, bold=False)


def is_question(text: str, lex: Lexicon) -> bool:
    """Whether a heading is a question: it ends with "?" or starts with a question word of the
    language and has three words or more ("Hvordan kan fysioterapi hjælpe")."""
    text = text.strip()
    if text.endswith("?"):
        return True
    words = text.split()
    return len(words) >= 3 and words[0].lower().strip("*_\"'“") in lex.words["question_words"]


def faq_from_front_matter(
    value: object, lines: Sequence[int], key_line: int | None, display: str,
    findings: list[Finding],
) -> tuple[FaqItem, ...]:  # fmt: skip
    """A front-matter ``faq:`` list of ``{question, answer}`` (or ``{q, a}``) as FaqItems."""
    if not isinstance(value, list):
        return ()
    items: list[FaqItem] = []
    for index, entry in enumerate(value):
        line = lines[index] if index < len(lines) else (key_line or 1)
        if not isinstance(entry, dict):
            continue
        question = clean_text(str(entry.get("question") or entry.get("q") or ""))
        answer = clean_text(str(entry.get("answer") or entry.get("a") or ""))
        html = f"<p>{escape(answer, quote=False)}</p>" if answer else ""
        block = Block("paragraph", line, answer, html)
        item = _faq_item(Block("heading", line, question, "", level=3), question,
                         [block], display, findings)  # fmt: skip
        if item is not None:
            items.append(item)
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
