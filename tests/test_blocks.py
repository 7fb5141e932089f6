"""Markdown blocks: plain text and restricted HTML from one parse; raw HTML never passes."""

from __future__ import annotations

import re

from seo_export.read.blocks import blocks_from_tokens, safe_link
from seo_export.read.parse import markdown_parser

PAGE = "https://www.fysfinder.dk/artikler/x/"
ALLOWED = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "ol",
    "ul",
    "li",
    "a",
    "p",
    "div",
    "b",
    "strong",
    "i",
    "em",
}


def blocks(markdown: str, first_line: int = 1):  # type: ignore[no-untyped-def]
    return blocks_from_tokens(markdown_parser().parse(markdown), first_line, PAGE)


def test_raw_html_is_escaped_text() -> None:
    [block] = blocks('Hej <script>alert("x")</script> <b onclick="y">fed</b>')
    assert block.html == (
        '<p>Hej &lt;script&gt;alert("x")&lt;/script&gt; &lt;b onclick="y"&gt;fed&lt;/b&gt;</p>'
    )
    assert block.text == 'Hej <script>alert("x")</script> <b onclick="y">fed</b>'


def test_links_keep_only_http_and_relative_made_absolute() -> None:
    [block] = blocks(
        "[a](/side/) [b](https://example.com/x?y=1&z=2) [c](mailto:a@b.dk) "
        "[d](../op/) [e](<javascript:alert(1)>)"
    )
    assert block.html == (
        '<p><a href="https://www.fysfinder.dk/side/">a</a> '
        '<a href="https://example.com/x?y=1&amp;z=2">b</a> c '
        '<a href="https://www.fysfinder.dk/artikler/op/">d</a> '
        "[e](&lt;javascript:alert(1)&gt;)</p>"
    )


def test_safe_link_refuses_other_schemes() -> None:
    assert safe_link("data:text/html,<b>", PAGE) is None
    assert safe_link("JAVASCRIPT:alert(1)", PAGE) is None
    assert safe_link("vbscript:x", PAGE) is None
    assert safe_link("a\\b", PAGE) is None
    assert safe_link("#top", PAGE) == PAGE + "#top"


def test_only_google_answer_tags_survive() -> None:
    markdown = (
        "# Titel\n\n> citat med *kursiv*\n\n```\nkode <x>\n```\n\n---\n\n"
        "1. **Lead**: resten\n2. `kode` og ![billede](/b.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    html = "".join(block.html for block in blocks(markdown))
    tags = set(re.findall(r"</?([a-z0-9]+)", html))
    assert tags <= ALLOWED, tags - ALLOWED
    assert "<ol><li><strong>Lead</strong>: resten</li><li>kode og</li></ol>" in html
    assert "kode &lt;x&gt;" in html


def test_list_items_lines_and_bold_leads() -> None:
    [intro, listing] = blocks(
        "Intro\n\n- **Smerte**: i armen\n- prikken\n- __Svaghed__ i benet\n", 10
    )
    assert intro.line == 10
    assert listing.kind == "list"
    assert [(i.text, i.lead, i.line) for i in listing.items] == [
        ("Smerte: i armen", "Smerte", 12),
        ("prikken", None, 13),
        ("Svaghed i benet", "Svaghed", 14),
    ]
