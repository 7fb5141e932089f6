"""markdown-it-pyrs (the fast path) must give exactly the blocks markdown-it-py (the reference) gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from seo_export.read.blocks import blocks_from_tokens
from seo_export.read.blocks_tree import blocks_from_tree
from seo_export.read.parse import fast_markdown_parser, markdown_parser, parse_document

from conftest import REPO

CASE_FILES = [
    *sorted((REPO / "tests" / "cases").rglob("*.md")),
    REPO / "content" / "nerveafklemning.md",
]
PAGE = "https://www.fysfinder.dk/artikler/x/"

pytestmark = pytest.mark.skipif(
    fast_markdown_parser() is None, reason="markdown-it-pyrs is not installed here"
)


def both(body: str, first_line: int = 7) -> tuple[list[object], list[object]]:
    reference = blocks_from_tokens(markdown_parser().parse(body), first_line, PAGE)
    fast = blocks_from_tree(fast_markdown_parser().tree(body), body, first_line, PAGE)
    return reference, fast


@pytest.mark.parametrize(
    "path", CASE_FILES, ids=[p.relative_to(REPO).as_posix() for p in CASE_FILES]
)
def test_case_files_give_the_same_blocks(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    body = text.split("---", 2)[2] if text.startswith("---") and text.count("---") >= 2 else text
    reference, fast = both(body.replace("<", "&lt;"))
    assert fast == reference


@pytest.mark.parametrize(
    "body",
    [
        "# H1\n\nPara *em* **strong** `code` ~~strike~~ [link](/a) ![img](/i.png) a  \nhard\nsoft\n",
        "- **Lead**: rest\n- **Only**\n- plain\n  continued\n\n1. one\n2. two\n   - nested **x**\n",
        "* loose\n\n  second para\n* item\n\n> quote *q*\n>\n> more\n\n---\n\n```py\ncode & stuff\n```\n\n    indented\n",
        "| a | b |\n|---|---|\n| 1 | *2* |\n\nSetext\n===\n\nEntities &amp; &copy; &#x41; ø\n",
        "[e](javascript:alert(1)) [f](data:text/html,x) [g](DATA:image/png;base64,x) [h](../op/) [i](#top)\n",
        "- ***both*** tail\n- __alt__: x\n- `code` first\n\n\n\n## Heading with [link](https://x.example/)\n",
        "Text with\ttab and \u00a0nbsp and émoji 😀 on line 1\n\n- æ\n- ø\n- å\n",
    ],
)
def test_constructs_give_the_same_blocks(body: str) -> None:
    reference, fast = both(body)
    assert fast == reference


def test_generated_corpus_gives_the_same_blocks(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from corpus import write_corpus
    finally:
        sys.path.pop(0)
    write_corpus(tmp_path, 40, seed=7)
    for path in sorted(tmp_path.glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        reference, fast = both(body)
        assert fast == reference, path.name


def test_a_body_with_raw_html_goes_to_the_reference() -> None:
    parsed = parse_document("---\ntitle: T\n---\n\nHello <b>x</b>\n", "a.md")
    assert parsed.tree is None and parsed.tokens
    fast = parse_document("---\ntitle: T\n---\n\nHello x\n", "a.md")
    assert fast.tree is not None and fast.tokens == []


def test_a_body_the_fast_parser_fails_on_goes_to_the_reference() -> None:
    # markdown-it-pyrs 0.4 panics on this (found by tests/test_properties.py).
    parsed = parse_document("---\ntitle: T\n---\n\n[![](/side/) ``\n", "a.md")
    assert parsed.tree is None and parsed.tokens


@pytest.mark.parametrize(
    ("body", "fast"),
    [
        ("Smerter *i* ryggen og **nakken**.", True),
        ("Æbler *ødelægger* åen_ikke_.", True),  # letters next to the markers
        ("Prisen *€*20.", False),  # a symbol after a marker
        ("Prisen €*20*.", False),  # a symbol before a marker
        ("é*€", False),  # a letter before, a symbol after the same marker
        ("„*citat*“", False),  # punctuation on both sides
        ("Tekst\u00a0*x*", False),  # a no-break space: the reference only
        ("Hello <b>x</b>", False),  # raw HTML: the reference only
    ],
)
def test_the_fast_parser_is_used_only_where_both_engines_agree(body: str, fast: bool) -> None:
    from seo_export.read.parse import _fast_parser_agrees

    assert _fast_parser_agrees(body) is fast


def test_both_readers_keep_what_extraction_needs() -> None:
    """Nested items on their own, link texts, whole-bold paragraphs and table cells."""
    body = (
        "**Kan man løbe?**\n\n**Ja** og nej.\n\nSe [vores side](/side) og [den anden](/a).\n\n"
        "- **Øvelser**: se [listen](/l)\n  - Hold 30 sekunder\n  - Balance\n- Hvile\n\n"
        "| Årsag | Behandling |\n|---|---|\n| Overbelastning | Hvile |\n"
    )
    for blocks in both(body):
        bold, partly_bold, links, listed, table = blocks  # type: ignore[misc]
        assert (bold.bold, partly_bold.bold, links.bold) == (True, False, False)
        assert links.links == ("vores side", "den anden")
        first, second = listed.items
        assert first.own_text == "Øvelser: se listen"
        assert first.text == "Øvelser: se listen Hold 30 sekunder Balance"
        assert first.links == ("listen",)
        assert [(child.text, child.line) for child in first.children] == [
            ("Hold 30 sekunder", 14),
            ("Balance", 15),
        ]
        assert (second.own_text, second.children) == ("Hvile", ())
        assert (table.kind, table.rows) == (
            "other",
            (("Årsag", "Behandling"), ("Overbelastning", "Hvile")),
        )
