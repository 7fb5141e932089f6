"""The FAQ in every form sites write it, and only real questions published as Questions.

The articles are written for these tests; none is taken from a site.
"""

from __future__ import annotations

from typing import Any

from seo_export.build.article import build_article
from seo_export.config.settings import Settings

from helpers import typed_as


def build(settings: Settings, body: str, front: str = "") -> tuple[list[tuple[str, str]], Any]:
    text = f"---\ntitle: Hælspore\n{front}---\n\nIntro.\n\n{body}"
    result = build_article(text, typed_as(settings))
    assert result.jsonld is not None
    questions = [
        (node["name"], node["acceptedAnswer"]["text"])
        for node in result.jsonld["@graph"]  # type: ignore[attr-defined]
        if node.get("@type") == "Question"
    ]
    return questions, result


def test_only_question_headings_become_questions(settings: Settings) -> None:
    body = (
        "## Ofte stillede spørgsmål\n\n### Hvad er hælspore?\n\nEn forkalkning under hælen.\n\n"
        "### Hvordan kan fysioterapi hjælpe\n\nMed øvelser og råd.\n\n"
        "### Symptomer hos løbere\n\n- ømhed under hælen\n- stivhed om morgenen\n\n"
        "### Referenceliste\n\n1. En kilde.\n"
    )
    questions, result = build(settings, body)
    assert [name for name, _ in questions] == [
        "Hvad er hælspore?",
        "Hvordan kan fysioterapi hjælpe",  # starts with a question word
    ]
    assert [(f.code, f.line) for f in result.findings if f.code == "faq-not-a-question"] == [
        ("faq-not-a-question", 17),
        ("faq-not-a-question", 22),
    ]
    # a subsection under the FAQ heading still feeds its property
    assert [i.name for i in result.article.entities["signOrSymptom"]] == [
        "ømhed under hælen",
        "stivhed om morgenen",
    ]


def test_q_and_a_paragraphs_are_read(settings: Settings) -> None:
    body = (
        "## FAQ\n\n**Q:** Gør det ondt? **A:** Ja, især om morgenen.\n\n"
        "**Q:** Hvor længe varer det?\n\n**A:** Ofte [nogle måneder](https://example.org/tid).\n"
    )
    questions, result = build(settings, body)
    assert questions == [
        ("Gør det ondt?", "Ja, især om morgenen."),
        (
            "Hvor længe varer det?",
            '<p>Ofte <a href="https://example.org/tid">nogle måneder</a>.</p>',
        ),
    ]
    assert not [f for f in result.findings if f.code.startswith("faq-")]


def test_bold_question_paragraphs_are_read(settings: Settings) -> None:
    body = "## FAQ\n\n**Kan jeg løbe med hælspore?**\n\nKortere ture på blødt underlag.\n"
    questions, _ = build(settings, body)
    assert questions == [("Kan jeg løbe med hælspore?", "Kortere ture på blødt underlag.")]


def test_front_matter_faq_is_read(settings: Settings) -> None:
    front = 'faq:\n  - question: "Er det farligt?"\n    answer: "Nej, men det gør ondt."\n'
    questions, result = build(settings, "## Behandling\n\nHvile.\n", front)
    assert questions == [("Er det farligt?", "Nej, men det gør ondt.")]
    assert result.article.faq[0].line == 4  # the list item's line


def test_links_and_emphasis_are_kept_in_a_one_paragraph_answer(settings: Settings) -> None:
    body = (
        "## Ofte stillede spørgsmål\n\n### Hvor kan jeg læse mere?\n\n"
        "Læs mere på [vores side](https://example.org/gla) om *træning*.\n\n"
        "### Er det arveligt?\n\nSjældent & kun i nogle familier.\n"
    )
    questions, _ = build(settings, body)
    assert questions == [
        (
            "Hvor kan jeg læse mere?",
            '<p>Læs mere på <a href="https://example.org/gla">vores side</a> om <em>træning</em>.</p>',
        ),
        ("Er det arveligt?", "Sjældent &amp; kun i nogle familier."),
    ]
