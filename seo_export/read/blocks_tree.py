"""The fast path: markdown-it-pyrs syntax trees to the same :class:`Block` values.

markdown-it-pyrs (a Rust port of markdown-it) parses several times faster than
markdown-it-py, which stays the reference: :func:`blocks_from_tree` must give
exactly what :func:`seo_export.read.blocks.blocks_from_tokens` gives, and a test
holds the two to that on every case file and on a generated corpus. Raw HTML
cannot be switched off in markdown-it-pyrs, so a body with a ``<`` in it is
always parsed by the reference (see :func:`seo_export.read.parse.parse_document`).

Every attribute read on a markdown-it-pyrs node builds new Python objects (a
node's ``children`` new wrappers, its ``meta`` a new dict, its ``srcmap`` a tuple),
so each is read once and only where it is used: the tree's shape and the text of its
text nodes are copied (:func:`copy_tree`), a block's source offset is read only
for the blocks that need a line, and each run of inline nodes gives its plain
text and its HTML in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from seo_export.model import Block, ListItem
from seo_export.read.blocks import (
    _CONTROL,
    _wrap,
    clean_text,
    is_clean,
    list_item,
    quote_block,
    safe_link,
)


class Node:
    """A copy of a markdown-it-pyrs node's name, children and (text nodes) content."""

    __slots__ = ("children", "content", "name", "source")

    def __init__(self, name: str, source: Any, children: Sequence[Node], content: str) -> None:
        self.name = name
        self.source = source
        """The markdown-it-pyrs node, for the attributes read only where needed."""
        self.children = children
        self.content = content
        """A text node's text; empty for the others."""


_TEXTS = frozenset({"text", "text_special"})
_LEAVES = frozenset({"softbreak", "hardbreak"})
"""Nodes without children (beside the text nodes): their ``children`` are not asked for."""
_NO_CHILDREN: tuple[Node, ...] = ()


def copy_tree(node: Any) -> Node:
    """A :class:`Node` copy of a markdown-it-pyrs node and everything under it."""
    name = node.name
    if name in _TEXTS:
        return Node(name, node, _NO_CHILDREN, node.meta.get("content", ""))
    if name in _LEAVES:
        return Node(name, node, _NO_CHILDREN, "")
    return Node(name, node, [copy_tree(child) for child in node.children], "")


_INLINE_CONTAINERS = frozenset({"paragraph", "heading", "lheading", "tcell"})
_BLOCKS = frozenset(
    {
        "paragraph", "heading", "lheading", "bullet_list", "ordered_list", "fence", "code_block",
        "blockquote", "hr", "table", "html_block",
    }
)  # fmt: skip
_GROUP_BREAKS = _BLOCKS | _INLINE_CONTAINERS | {"list_item", "thead", "tbody", "trow"}
"""Children that end a run of inline nodes (what tokens call an inline token)."""
_TEXTLESS = frozenset({"code", "rule"})
"""Blocks whose nodes hold no inline text: they add nothing to a list item's text."""
_TEXT_OF_GROUPS = frozenset({"paragraph", "heading", "list", "other"})
"""Blocks whose text is their inline groups' text joined by spaces and cleaned."""


class _Lines:
    """Byte offset -> 1-based line of the parsed body, plus the file's first line.

    Blocks are asked for in document order, so each answer counts the newlines from the
    last one on (counting from the start again when asked for an earlier offset).
    """

    def __init__(self, body: str, first_line: int) -> None:
        self.data = body.encode("utf-8", "surrogatepass")
        self.first_line = first_line
        self.offset = 0
        self.line_at_offset = first_line

    def line(self, node: Node) -> int:
        return self.line_at(node.source.srcmap)

    def line_at(self, srcmap: tuple[int, int] | None) -> int:
        """The line of a markdown-it-pyrs node's source map."""
        start = srcmap[0] if srcmap else 0
        if start < self.offset:
            self.offset, self.line_at_offset = 0, self.first_line
        self.line_at_offset += self.data.count(b"\n", self.offset, start)
        self.offset = start
        return self.line_at_offset


def blocks_from_tree(root: Any, body: str, first_line: int, page_url: str) -> list[Block]:
    """The top-level blocks of a markdown-it-pyrs tree, as :func:`blocks_from_tokens` gives them.

    Most blocks are a paragraph or heading of one text node: those are read straight from
    the tree (one ``walk`` gives the block and its text node); the others are copied.
    """
    lines = _Lines(body, first_line)
    blocks: list[Block] = []
    for top in root.children:
        name = top.name
        if name in _PLAIN_CONTAINERS:
            flat = top.walk()
            if len(flat) == 2 and flat[1].name in _TEXTS:
                blocks.append(_plain_block(name, top, flat[1], lines))
                continue
        blocks.append(_block(copy_tree(top), lines, page_url))
    return blocks


_PLAIN_CONTAINERS = frozenset({"paragraph", "heading", "lheading"})


def _plain_block(name: str, node: Any, text_node: Any, lines: _Lines) -> Block:
    """A paragraph or heading whose one child is a text node (no markup, so no links)."""
    line = lines.line_at(node.srcmap)
    text, html = _text_and_html(text_node.meta.get("content", ""))
    if name == "paragraph":
        return Block("paragraph", line, text, _wrap("p", html))
    level = int(node.meta.get("level", 1))
    return Block("heading", line, text, f"<h{level}>{html}</h{level}>", level=level)


def _blocks(nodes: Sequence[Node], lines: _Lines, page_url: str) -> list[Block]:
    return [_block(node, lines, page_url) for node in nodes]


def _block(node: Node, lines: _Lines, page_url: str) -> Block:
    kind = node.name
    line = lines.line(node)
    if kind in ("heading", "lheading"):
        level = int(node.source.meta.get("level", 1))
        text, html = _inline(node.children, page_url)
        return Block("heading", line, text, f"<h{level}>{html}</h{level}>", level=level)
    if kind == "paragraph":
        text, html = _inline(node.children, page_url)
        links, bold = _links(node.children), _whole_bold(node.children)
        return Block("paragraph", line, text, _wrap("p", html), links=links, bold=bold)
    if kind in ("bullet_list", "ordered_list"):
        return _list(node, line, lines, page_url)
    if kind in ("fence", "code_block"):
        text = str(node.source.meta.get("content", "")).rstrip("\n")
        return Block("code", line, text, _wrap("p", escape(_CONTROL.sub("", text), quote=False)))
    if kind == "blockquote":
        return quote_block(line, _blocks(node.children, lines, page_url))
    if kind == "hr":
        return Block("rule", line, "", "")
    groups = _inline_groups(node)
    text = clean_text(" ".join(_inline_text(group) for group in groups))
    rows = _table_rows(node) if kind == "table" else ()
    return Block("other", line, text, _wrap("p", escape(text, quote=False)), rows=rows)


def _table_rows(node: Node) -> tuple[tuple[str, ...], ...]:
    """A table's rows (the header first) as the plain text of each cell."""
    rows: list[tuple[str, ...]] = []
    for part in node.children:
        for row in part.children if part.name in ("thead", "tbody") else (part,):
            if row.name == "trow":
                rows.append(tuple(_inline_text(cell.children) for cell in row.children))
    return tuple(rows)


def _inline_groups(node: Node) -> list[Sequence[Node]]:
    """Every run of inline nodes under ``node``, in document order (what tokens call inline)."""
    groups: list[Sequence[Node]] = []
    run: list[Node] = []
    for child in node.children:
        if child.name in _GROUP_BREAKS:
            if run:
                groups.append(run)
                run = []
            if child.name in _INLINE_CONTAINERS:
                groups.append(child.children)
            else:
                groups.extend(_inline_groups(child))
        else:
            run.append(child)
    if run:
        groups.append(run)
    return groups


def _list(node: Node, line: int, lines: _Lines, page_url: str) -> Block:
    tag = "ol" if node.name == "ordered_list" else "ul"
    items: list[ListItem] = []
    html_items: list[str] = []
    for item in node.children:
        if item.name != "list_item":
            continue
        item_line = lines.line(item)
        nested, text = _item_blocks(item, lines, page_url)
        items.append(list_item(text, _lead(item), item_line, nested))
        inner = "".join(
            block.html[3:-4]
            if block.kind == "paragraph" and block.html.startswith("<p>")
            else block.html
            for block in nested
        )
        html_items.append(f"<li>{inner}</li>")
    html = f"<{tag}>{''.join(html_items)}</{tag}>"
    return Block("list", line, "\n".join(i.text for i in items), html, items=tuple(items))


def _item_blocks(item: Node, lines: _Lines, page_url: str) -> tuple[list[Block], str]:
    """A list item's blocks (a tight item's bare inline run counts as its paragraph), and the
    item's own text: its inline groups' text joined (see :func:`_inline_groups`).

    A paragraph's, heading's, list's or table's text is its own groups' text joined the
    same way, and :func:`clean_text` of texts joined by spaces is the same whether or not
    each part was cleaned first, so those blocks' texts stand for their groups; a code
    block or rule has none; a quote's text also holds its code blocks, so its groups are
    read again.
    """
    blocks: list[Block] = []
    texts: list[str] = []
    run: list[Node] = []
    for child in item.children:
        if child.name not in _BLOCKS:
            run.append(child)
            continue
        if run:
            blocks.append(_run_paragraph(run, lines, page_url))
            texts.append(blocks[-1].text)
            run = []
        block = _block(child, lines, page_url)
        blocks.append(block)
        if block.kind in _TEXT_OF_GROUPS:
            texts.append(block.text)
        elif block.kind not in _TEXTLESS:
            texts.extend(_inline_text(group) for group in _inline_groups(child))
    if run:
        blocks.append(_run_paragraph(run, lines, page_url))
        texts.append(blocks[-1].text)
    return blocks, clean_text(" ".join(texts))


def _run_paragraph(run: Sequence[Node], lines: _Lines, page_url: str) -> Block:
    text, html = _inline(run, page_url)
    links, bold = _links(run), _whole_bold(run)
    return Block("paragraph", lines.line(run[0]), text, _wrap("p", html), links=links, bold=bold)


def _links(nodes: Sequence[Node]) -> tuple[str, ...]:
    """The plain text of each link among ``nodes``, as :func:`blocks.link_texts` reads tokens."""
    texts: list[str] = []
    for node in nodes:
        if node.name == "link":
            parts: list[str] = []
            _collect_lead(node.children, parts)  # a link's text is gathered as a lead's
            text = clean_text("".join(parts))
            if text:
                texts.append(text)
        elif node.name not in _TEXTS and node.name not in _LEAVES:
            texts.extend(_links(node.children))
    return tuple(texts)


def _whole_bold(nodes: Sequence[Node]) -> bool:
    """Whether ``nodes`` are one bold span, blank text aside (as :func:`blocks.whole_bold`)."""
    kids = [n for n in nodes if not (n.name in _TEXTS and not n.content.strip())]
    return len(kids) == 1 and kids[0].name == "strong" and bool(kids[0].children)


def _lead(item: Node) -> str | None:
    """The bold lead of a list item's first inline group (see :func:`_bold_lead`)."""
    children = item.children
    if not children:
        return None
    first = children[0]
    if first.name in _INLINE_CONTAINERS:
        return _bold_lead(first.children)
    if first.name not in _GROUP_BREAKS:  # a bare run: the inline nodes up to the first block
        run = []
        for child in children:
            if child.name in _GROUP_BREAKS:
                break
            run.append(child)
        return _bold_lead(run)
    groups = _inline_groups(item)
    return _bold_lead(groups[0]) if groups else None


def _inline(nodes: Sequence[Node], page_url: str) -> tuple[str, str]:
    """The plain text and the restricted HTML of a run of inline nodes."""
    if len(nodes) == 1 and nodes[0].name in _TEXTS:
        return _text_and_html(nodes[0].content)
    text: list[str] = []
    html: list[str] = []
    _collect(nodes, text, html, page_url)
    return clean_text("".join(text)), "".join(html).strip()


def _text_and_html(content: str) -> tuple[str, str]:
    """The plain text and the HTML of one text node's content."""
    if is_clean(content):  # nothing to drop, fold or trim: text and HTML differ by escapes
        if "&" in content or "<" in content or ">" in content:
            return content, escape(content, quote=False)
        return content, content
    content = _CONTROL.sub("", content)
    return " ".join(content.split()), escape(content, quote=False).strip()


def _inline_text(nodes: Sequence[Node]) -> str:
    """The plain text of a run of inline nodes (for blocks that keep no HTML of it)."""
    if len(nodes) == 1 and nodes[0].name in _TEXTS:
        return clean_text(nodes[0].content)
    parts: list[str] = []
    _collect_text(nodes, parts)
    return clean_text("".join(parts))


def _collect_text(nodes: Sequence[Node], parts: list[str]) -> None:
    for node in nodes:
        kind = node.name
        if kind in _TEXTS:
            parts.append(node.content)
        elif kind in _LEAVES:
            parts.append(" ")
        elif kind == "code_inline":
            parts.append("".join(child.content for child in node.children))
        elif kind != "image":
            _collect_text(node.children, parts)


def _collect(nodes: Sequence[Node], text: list[str], html: list[str], page_url: str) -> None:
    for node in nodes:
        kind = node.name
        if kind in _TEXTS:
            text.append(node.content)
            html.append(escape(_CONTROL.sub("", node.content), quote=False))
        elif kind == "softbreak":
            text.append(" ")
            html.append("\n")
        elif kind == "hardbreak":
            text.append(" ")
            html.append("<br>")
        elif kind == "image":
            continue
        elif kind == "code_inline":
            code = "".join(child.content for child in node.children)
            text.append(code)
            html.append(escape(_CONTROL.sub("", code), quote=False))
        elif kind in ("strong", "em"):
            html.append(f"<{kind}>")
            _collect(node.children, text, html, page_url)
            html.append(f"</{kind}>")
        elif kind == "link":
            href = safe_link(str(node.source.meta.get("url", "")), page_url)
            if href is not None:
                html.append(f'<a href="{escape(href, quote=True)}">')
            _collect(node.children, text, html, page_url)
            if href is not None:
                html.append("</a>")
        else:
            _collect(node.children, text, html, page_url)


def _bold_lead(nodes: Sequence[Node]) -> str | None:
    """``**Lead**: rest`` -> ``Lead``, as :func:`seo_export.read.blocks._bold_lead` reads tokens."""
    index = 0
    while index < len(nodes) and nodes[index].name == "text" and not nodes[index].content.strip():
        index += 1
    if index >= len(nodes) or nodes[index].name != "strong":
        return None
    parts: list[str] = []
    _collect_lead(nodes[index].children, parts)
    lead = clean_text("".join(parts)).rstrip(":.–- ").strip()
    return lead or None


def _collect_lead(nodes: Sequence[Node], parts: list[str]) -> None:
    for node in nodes:
        if node.name in _TEXTS:
            parts.append(node.content)
        elif node.name == "code_inline":
            parts.append("".join(child.content for child in node.children))
        elif node.name != "image":
            _collect_lead(node.children, parts)
