"""Google's documented requirements for FAQ structured data.

An FAQPage needs at least one Question in ``mainEntity``; each Question a
``name`` and exactly one ``acceptedAnswer``, an Answer with non-empty ``text``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

from seo_export.checks.document import DocumentContext
from seo_export.checks.nodes import Path, has_type, resolve
from seo_export.checks.registry import Code, E, document_check
from seo_export.model import Finding


@document_check(
    "google-faq",
    Code(
        "google-faq-no-questions",
        E,
        "An FAQPage has no Question in mainEntity (Google's FAQ requirements).",
        "List the Questions in the FAQPage's mainEntity.",
    ),
    Code(
        "google-faq-question",
        E,
        "A mainEntity of an FAQPage is not a Question, or the Question has no name.",
        "Make every mainEntity a Question with the question text as its name.",
    ),
    Code(
        "google-faq-answer",
        E,
        "A Question has no acceptedAnswer, more than one, text instead of an Answer, or an "
        "Answer without text.",
        "Give each Question exactly one acceptedAnswer: an Answer with non-empty text.",
    ),
)
def faq_requirements(context: DocumentContext) -> Iterator[Finding]:
    """Check every FAQPage against Google's FAQ requirements."""
    defined = context.definitions
    for node in context.nodes:
        if not has_type(node, "FAQPage"):
            continue
        entities = node.get("mainEntity")
        listed = entities if isinstance(entities, list) else [] if entities is None else [entities]
        if not listed:
            yield context.finding(
                "google-faq-no-questions",
                "the FAQPage has no Question in mainEntity",
                context.path(node),
            )
            continue
        for index, entry in enumerate(listed):
            question = resolve(entry, defined)
            where: Callable[..., Path]
            if question is not entry:  # a reference: report at the Question node itself
                where = functools.partial(context.path, question)
            else:
                inner = ("mainEntity", index) if isinstance(entities, list) else ("mainEntity",)
                where = functools.partial(context.path, node, *inner)
            yield from _question(context, question, where, defined)


def _question(
    context: DocumentContext,
    question: Any,
    where: Callable[..., Path],
    defined: dict[str, Any],
) -> Iterator[Finding]:
    """Findings for one mainEntity; ``where(*suffix)`` gives paths, computed only when needed."""
    if not isinstance(question, dict) or not has_type(question, "Question"):
        yield context.finding(
            "google-faq-question", "a mainEntity of the FAQPage is not a Question", where()
        )
        return
    name = question.get("name")
    if not isinstance(name, str) or not name.strip():
        yield context.finding(
            "google-faq-question", "the Question has no name (the question text)", where()
        )
    answer = question.get("acceptedAnswer")
    suffix: tuple[str | int, ...] = ("acceptedAnswer",)
    if answer is None:
        yield context.finding("google-faq-answer", "the Question has no acceptedAnswer", where())
        return
    if isinstance(answer, list):
        if len(answer) != 1:
            yield context.finding(
                "google-faq-answer",
                f"the Question must have exactly one acceptedAnswer, not {len(answer)}",
                where(*suffix),
            )
            return
        answer, suffix = answer[0], (*suffix, 0)
    answer = resolve(answer, defined)
    if not isinstance(answer, dict):
        yield context.finding(
            "google-faq-answer", "acceptedAnswer must be an Answer object, not text", where(*suffix)
        )
        return
    if not has_type(answer, "Answer"):
        yield context.finding(
            "google-faq-answer", "acceptedAnswer is not an Answer", where(*suffix)
        )
        return
    text = answer.get("text")
    if not isinstance(text, str) or not text.strip():
        yield context.finding("google-faq-answer", "the Answer has no text", where(*suffix, "text"))
