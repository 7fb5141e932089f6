"""Markdown tokens to :class:`Block` values: plain text and restricted HTML from one parse.

The HTML keeps only the tags Google documents for ``Answer.text`` (h1-h6, br,
ol, ul, li, a, p, div, b, strong, i, em). Links keep only http(s) targets and
relative ones made absolute against the page; anything else (javascript:,
data:, mailto:, ...) loses its link and keeps its text. Raw HTML never gets
this far: the parser escapes it as text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from seo_export.model import Block, ListItem

if TYPE_CHECKING:
    from markdown_it.token import Token

# C0 controls (but tab, LF, CR), DEL and lone surrogates: never valid in output.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_INLINE_TAGS = {"strong": "strong", "em": "em"}


def clean_text(text: str) -> str:
    """Whitespace collapsed to single spaces, control characters dropped, trimmed."""
    if is_clean(text):
        return text
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return " ".join(text.split())


def is_clean(text: str) -> bool:
    """Whether :func:`clean_text` leaves ``text`` as it is (most text already is).

    A printable string has no control character, no lone surrogate and no whitespace
    but the ASCII space (Python counts every other separator as unprintable), so it is
    clean when no two spaces meet and none starts or ends it: a third of the cost of
    splitting and joining a paragraph.
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def safe_link(href: str, page_url: str) -> str | None:
    """The absolute http(s) form of ``href``, or None when it must not be linked."""
    href = href.strip()
    if not href or _CONTROL.search(href) or "\\" in href:
        return None
    scheme = urlsplit(href).scheme.lower()
    if scheme in ("http", "https"):
        return href
    if scheme:
        return None
    absolute = urljoin(page_url, href)
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def inline_text(children: Sequence[Token]) -> str:
    """Plain text of an inline token's children."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            continue
    return clean_text("".join(parts))


def inline_html(children: Sequence[Token], page_url: str) -> str:
    """Restricted HTML of an inline token's children."""
    parts: list[str] = []
    open_links: list[bool] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(escape(_CONTROL.sub("", child.content), quote=False))
        elif kind == "softbreak":
            parts.append("\n")
        elif kind == "hardbreak":
            parts.append("<br>")
        elif kind.endswith("_open") and kind[:-5] in _INLINE_TAGS:
            parts.append(f"<{_INLINE_TAGS[kind[:-5]]}>")
        elif kind.endswith("_close") and kind[:-6] in _INLINE_TAGS:
            parts.append(f"</{_INLINE_TAGS[kind[:-6]]}>")
        elif kind == "link_open":
            href = safe_link(str(child.attrs.get("href", "")), page_url)
            open_links.append(href is not None)
            if href is not None:
                parts.append(f'<a href="{escape(href, quote=True)}">')
        elif kind == "link_close" and open_links and open_links.pop():
            parts.append("</a>")
    return "".join(parts).strip()


def quote_block(line: int, nested: list[Block]) -> Block:
    """A block quote: the blocks inside it, as one block."""
    text = " ".join(block.text for block in nested if block.text)
    links = tuple(link for block in nested for link in block.links)
    html = _wrap("div", "".join(block.html for block in nested))
    return Block("quote", line, text, html, links=links)


_NOT_OWN_TEXT = frozenset({"list", "code", "rule"})


def list_item(text: str, lead: str | None, line: int, nested: Sequence[Block]) -> ListItem:
    """A list item from its text, lead-in, line and blocks: its own text, links and nested
    items read from the blocks (so that both Markdown readers give the same item)."""
    own = [block for block in nested if block.kind not in _NOT_OWN_TEXT]
    return ListItem(
        text=text,
        lead=lead,
        line=line,
        own_text=clean_text(" ".join(block.text for block in own)),
        children=tuple(item for block in nested if block.kind == "list" for item in block.items),
        links=tuple(link for block in own for link in block.links),
    )


def link_texts(children: Sequence[Token]) -> tuple[str, ...]:
    """The plain text of each link among an inline token's children."""
    texts: list[str] = []
    current: list[str] | None = None
    for child in children:
        if child.type == "link_open":
            current = []
        elif child.type == "link_close" and current is not None:
            text = clean_text("".join(current))
            if text:
                texts.append(text)
            current = None
        elif current is not None and child.type in ("text", "code_inline"):
            current.append(child.content)
    return tuple(texts)


def whole_bold(children: Sequence[Token]) -> bool:
    """Whether an inline token's children are one bold span (blank text around it aside)."""
    kids = [c for c in children if not (c.type == "text" and not c.content.strip())]
    if len(kids) < 3 or kids[0].type != "strong_open" or kids[-1].type != "strong_close":
        return False
    depth = 0
    for index, child in enumerate(kids):
        depth += child.nesting if child.type in ("strong_open", "strong_close") else 0
        if depth == 0:
            return index == len(kids) - 1
    return False


def blocks_from_tokens(tokens: Sequence[Token], first_line: int, page_url: str) -> list[Block]:
    """The top-level blocks of a token stream, with 1-based lines.

    ``first_line`` is the file line of the parsed text's first line.
    """
    blocks: list[Block] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = _closing_index(tokens, index)
        line = first_line + (token.map[0] if token.map else 0)
        inner = tokens[index : end + 1]
        kind = token.type
        if kind == "heading_open":
            children = inner[1].children or []
            level = int(token.tag[1:])
            text = inline_text(children)
            html = f"<h{level}>{inline_html(children, page_url)}</h{level}>"
            blocks.append(Block("heading", line, text, html, level=level))
        elif kind == "paragraph_open":
            children = inner[1].children or []
            blocks.append(
                Block(
                    "paragraph",
                    line,
                    inline_text(children),
                    _wrap("p", inline_html(children, page_url)),
                    links=link_texts(children),
                    bold=whole_bold(children),
                )
            )
        elif kind in ("bullet_list_open", "ordered_list_open"):
            blocks.append(_list_block(inner, line, first_line, page_url))
        elif kind in ("fence", "code_block"):
            text = token.content.rstrip("\n")
            blocks.append(
                Block("code", line, text, _wrap("p", escape(_CONTROL.sub("", text), quote=False)))
            )
        elif kind == "blockquote_open":
            blocks.append(quote_block(line, blocks_from_tokens(inner[1:-1], first_line, page_url)))
        elif kind == "hr":
            blocks.append(Block("rule", line, "", ""))
        else:
            text = clean_text(
                " ".join(inline_text(t.children or []) for t in inner if t.type == "inline")
            )
            rows = _table_rows(inner) if kind == "table_open" else ()
            blocks.append(
                Block("other", line, text, _wrap("p", escape(text, quote=False)), rows=rows)
            )
        index = end + 1
    return blocks


def _table_rows(tokens: Sequence[Token]) -> tuple[tuple[str, ...], ...]:
    """A table's rows (the header first) as the plain text of each cell."""
    rows: list[tuple[str, ...]] = []
    row: list[str] = []
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "inline":
            row.append(inline_text(token.children or []))
        elif token.type == "tr_close":
            rows.append(tuple(row))
    return tuple(rows)


def _wrap(tag: str, html: str) -> str:
    return f"<{tag}>{html}</{tag}>" if html else ""


def _closing_index(tokens: Sequence[Token], start: int) -> int:
    """Index of the token that closes the block opened at ``start``."""
    if tokens[start].nesting != 1:
        return start
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _list_block(tokens: Sequence[Token], line: int, first_line: int, page_url: str) -> Block:
    """A list block: its items' text and lead-ins, and the list as HTML."""
    list_tag = tokens[0].tag
    items: list[ListItem] = []
    html_items: list[str] = []
    index = 1
    while index < len(tokens) - 1:
        token = tokens[index]
        end = _closing_index(tokens, index)
        if token.type == "list_item_open":
            body = tokens[index + 1 : end]
            item_line = first_line + (token.map[0] if token.map else 0)
            inlines = [t for t in body if t.type == "inline"]
            text = clean_text(" ".join(inline_text(t.children or []) for t in inlines))
            lead = _bold_lead(inlines[0].children or []) if inlines else None
            nested = blocks_from_tokens(body, first_line, page_url)
            items.append(list_item(text, lead, item_line, nested))
            inner_html = "".join(_unwrap_paragraph(block) for block in nested)
            html_items.append(f"<li>{inner_html}</li>")
        index = end + 1
    html = f"<{list_tag}>{''.join(html_items)}</{list_tag}>"
    text = "\n".join(item.text for item in items)
    return Block("list", line, text, html, items=tuple(items))


def _unwrap_paragraph(block: Block) -> str:
    """A tight list item's paragraph renders without <p>, as markdown-it does."""
    if block.kind == "paragraph" and block.html.startswith("<p>"):
        return block.html[3:-4]
    return block.html


def _bold_lead(children: Sequence[Token]) -> str | None:
    """``**Lead**: rest`` -> ``Lead`` (also ``__Lead__``); None without a leading bold."""
    if len(children) < 3 or children[0].type != "strong_open":
        if children and children[0].type == "text" and not children[0].content.strip():
            return _bold_lead(children[1:])
        return None
    parts: list[str] = []
    for child in children[1:]:
        if child.type == "strong_close":
            lead = clean_text("".join(parts)).rstrip(":.–- ").strip()
            return lead or None
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
    return None
