"""Which property a piece of text speaks about, and the units the extractor reads.

A heading (H2, an H3 inside it, a FAQ question, a table's column header) maps to
zero or more properties by the language's ``heading_*`` patterns; ``heading_none``
switches a section off (when to seek help, differences, prognosis). An H3 that maps
(or is switched off) overrides its H2 until the next H3; one that does not, inherits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from seo_export.model import Article, Block, ListItem
from seo_export.read.prose.lexicon import Lexicon, present
from seo_export.system import IdentityMemo

_PLAIN_LEAD = re.compile(r"^([^.:!?()]{2,40}?)\s?[:.]\s+(?=[A-ZÆØÅÄÖÜ])")


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of text the rules read, with what it speaks about."""

    text: str
    """Plain text: a paragraph, a list item's own text or lead-in, a table cell."""
    line: int
    """1-based source line."""
    props: tuple[str, ...]
    """Properties of its heading: one (a context), several or none, or :data:`OFF`."""
    where: str
    """``intro``, ``section`` or ``faq``."""
    kind: str
    """``prose``, ``item`` (a short list item), ``lead`` (a lead-in) or ``cell``."""
    links: tuple[str, ...] = ()
    """The texts of the links of its block (link text is not an entity)."""
    heading: str = ""
    """The heading it is read under: an H3, else its H2; a FAQ question; "" in the intro."""


OFF = ("-",)
"""The props of a section that feeds nothing, not even through its own cues (differences,
prognosis, finding a clinic, references)."""


_HEADING_MEMO: IdentityMemo[tuple[str, ...] | None] = IdentityMemo(50_000)


def heading_props(text: str, lex: Lexicon) -> tuple[str, ...] | None:
    """Properties a heading maps to; () when neutral; OFF when switched off; None when
    nothing matched. Remembered per lexicon: sites repeat their headings."""
    return _HEADING_MEMO.get(lex, text, lambda: _heading_props(text, lex))


def _heading_props(text: str, lex: Lexicon) -> tuple[str, ...] | None:
    low = text.lower()
    nd = lex.nd

    def has(rule: str) -> bool:
        return present(nd.get(rule), low)

    if has("heading_off") and lex.heading_off.search(text):
        return OFF
    if has("heading_none") and lex.heading_none.search(text):
        return ()
    return tuple(
        p for p, pattern in lex.heading if has("heading_" + p) and pattern.search(text)
    ) or _section_map(text, lex)


def _section_map(text: str, lex: Lexicon) -> tuple[str, ...] | None:
    """The property the site's section map gives a heading the word lists do not map."""
    found = next((p for p, pattern in lex.section_headings if pattern.search(text)), None)
    return None if found is None else (found,)


def units(article: Article, lex: Lexicon) -> Iterator[Unit]:
    """Every unit of ``article`` the rules read: intro, sections (an H3 overriding its H2),
    then the FAQ's questions and other subsections in document order."""
    for block in article.intro:
        yield from _block_units(block, (), "intro", lex)
    for section in article.sections:
        h2 = heading_props(section.heading, lex) or ()
        current, heading = h2, section.heading
        for block in section.blocks:
            if block.kind == "heading":
                if block.level >= 3:
                    h3 = heading_props(block.text, lex)
                    current = h3 if h3 is not None else h2
                    heading = block.text if h3 is not None else section.heading
                continue
            yield from _block_units(block, current, "section", lex, heading)
    entries = sorted((*article.faq, *article.faq_subsections), key=lambda item: item.line)
    for entry in entries:
        props = heading_props(entry.question, lex) or ()
        for block in entry.blocks:
            yield from _block_units(block, props, "faq", lex, entry.question)


def _block_units(
    block: Block, props: tuple[str, ...], where: str, lex: Lexicon, heading: str = ""
) -> Iterator[Unit]:
    kind = block.kind
    links = block.links
    if kind in ("paragraph", "quote"):
        if block.text:
            yield Unit(block.text, block.line, props, where, "prose", links, heading)
    elif kind == "list":
        for item in block.items:
            yield from _item_units(item, props, where, lex, heading)
    elif kind == "other" and block.rows:
        yield from _table_units(block, props, where, lex, heading)
    elif kind == "other" and block.text:
        yield Unit(block.text, block.line, props, where, "prose", links, heading)


def _item_units(
    item: ListItem, props: tuple[str, ...], where: str, lex: Lexicon, heading: str
) -> Iterator[Unit]:
    children = item.children
    own = item.own_text or item.text
    links = item.links
    lead = item.lead
    rest = own
    if lead:
        rest = own[len(lead) :].lstrip(" :.–-*") if own.startswith(lead) else ""
    else:
        m = _PLAIN_LEAD.match(own)
        if m and len(m.group(1).split()) <= 4:
            lead = m.group(1)
            rest = own[m.end() :]
    if lead:
        yield Unit(lead, item.line, props, where, "lead", links, heading)
        if rest:
            yield Unit(rest, item.line, props, where, "prose", links, heading)
    elif own:
        short = len(own.split()) <= lex.max_words + 1 and not re.search(r"[.!?;]\s", own)
        yield Unit(own, item.line, props, where, "item" if short else "prose", links, heading)
    for child in children:
        yield from _item_units(child, props, where, lex, heading)


def _table_units(
    block: Block, props: tuple[str, ...], where: str, lex: Lexicon, heading: str
) -> Iterator[Unit]:
    rows = block.rows
    if len(rows) < 2:
        return
    columns = [heading_props(cell, lex) for cell in rows[0]]
    if columns and columns[0] == ("cause",):
        # rows are causes: a signs column tells one cause's signs (a differential), not
        # the condition's
        columns = [c if i == 0 or c != ("signOrSymptom",) else None for i, c in enumerate(columns)]
    for row in rows[1:]:
        for index, cell in enumerate(row):
            column = columns[index] if index < len(columns) else None
            if column and cell:
                yield Unit(cell, block.line, column, where, "cell", (), rows[0][index])
