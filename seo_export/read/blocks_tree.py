"""The fast path: markdown-it-pyrs syntax trees to the same :class:`Block` values.

markdown-it-pyrs (a Rust port of markdown-it) parses several times faster than
markdown-it-py, which stays the reference: :func:`blocks_from_tree` must give
exactly what :func:`seo_export.read.blocks.blocks_from_tokens` gives, and a test
holds the two to that on every case file and on a generated corpus. Raw HTML
cannot be switched off in markdown-it-pyrs, so a body with a ``<`` in it is
always parsed by the reference (see :func:`seo_export.read.parse.parse_document`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from html import escape
from typing import Any

from seo_export.model import Block, ListItem
from seo_export.read.blocks import _CONTROL, _wrap, clean_text, quote_block, safe_link


class Node:
    """A plain copy of a markdown-it-pyrs node.

    Every attribute read on a markdown-it-pyrs node builds new Python objects,
    so the tree is copied once into these and the passes below read the copy.
    """

    __slots__ = ("children", "meta", "name", "start")

    def __init__(self, name: str, meta: dict[str, Any], children: list[Node], start: int) -> None:
        self.name = name
        self.meta = meta
        self.children = children
        self.start = start


_LEAVES = frozenset({"text", "text_special", "softbreak", "hardbreak"})
"""Nodes without children: their ``children`` are not asked for (each attribute read on a
markdown-it-pyrs node costs as much as copying a small one)."""


def copy_tree(node: Any) -> Node:
    """A :class:`Node` copy of a markdown-it-pyrs node and everything under it."""
    name = node.name
    srcmap = node.srcmap
    start = srcmap[0] if srcmap else 0
    if name in _LEAVES:
        return Node(name, node.meta, [], start)
    return Node(name, node.meta, [copy_tree(c) for c in node.children], start)


_INLINE_CONTAINERS = frozenset({"paragraph", "heading", "lheading", "tcell"})
_BLOCKS = frozenset(
    {
        "paragraph", "heading", "lheading", "bullet_list", "ordered_list", "fence", "code_block",
        "blockquote", "hr", "table", "html_block",
    }
)  # fmt: skip


class _Lines:
    """Byte offset -> 1-based line of the parsed body, plus the file's first line."""

    def __init__(self, body: str, first_line: int) -> None:
        data = body.encode("utf-8", "surrogatepass")
        self.starts = [0]
        index = data.find(b"\n")
        while index != -1:
            self.starts.append(index + 1)
            index = data.find(b"\n", index + 1)
        self.first_line = first_line

    def line(self, node: Node) -> int:
        return self.first_line + bisect.bisect_right(self.starts, node.start) - 1


def blocks_from_tree(root: Any, body: str, first_line: int, page_url: str) -> list[Block]:
    """The top-level blocks of a markdown-it-pyrs tree, as :func:`blocks_from_tokens` gives them."""
    return _blocks(copy_tree(root).children, _Lines(body, first_line), page_url)


def _blocks(nodes: Sequence[Node], lines: _Lines, page_url: str) -> list[Block]:
    blocks: list[Block] = []
    for node in nodes:
        kind = node.name
        line = lines.line(node)
        if kind in ("heading", "lheading"):
            level = int(node.meta.get("level", 1))
            html = f"<h{level}>{_inline_html(node.children, page_url)}</h{level}>"
            blocks.append(Block("heading", line, _inline_text(node.children), html, level=level))
        elif kind == "paragraph":
            blocks.append(
                Block(
                    "paragraph",
                    line,
                    _inline_text(node.children),
                    _wrap("p", _inline_html(node.children, page_url)),
                )
            )
        elif kind in ("bullet_list", "ordered_list"):
            blocks.append(_list(node, line, lines, page_url))
        elif kind in ("fence", "code_block"):
            text = str(node.meta.get("content", "")).rstrip("\n")
            blocks.append(
                Block("code", line, text, _wrap("p", escape(_CONTROL.sub("", text), quote=False)))
            )
        elif kind == "blockquote":
            blocks.append(quote_block(line, _blocks(node.children, lines, page_url)))
        elif kind == "hr":
            blocks.append(Block("rule", line, "", ""))
        else:
            groups = _inline_groups(node)
            text = clean_text(" ".join(_inline_text(group) for group in groups))
            blocks.append(Block("other", line, text, _wrap("p", escape(text, quote=False))))
    return blocks


def _inline_groups(node: Node) -> list[list[Node]]:
    """Every run of inline nodes under ``node``, in document order (what tokens call inline)."""
    groups: list[list[Node]] = []
    run: list[Node] = []
    for child in node.children:
        if (
            child.name in _BLOCKS
            or child.name in _INLINE_CONTAINERS
            or child.name
            in (
                "list_item",
                "thead",
                "tbody",
                "trow",
            )
        ):
            if run:
                groups.append(run)
                run = []
            if child.name in _INLINE_CONTAINERS:
                groups.append(list(child.children))
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
        groups = _inline_groups(item)
        text = clean_text(" ".join(_inline_text(group) for group in groups))
        lead = _bold_lead(groups[0]) if groups else None
        items.append(ListItem(text=text, lead=lead, line=lines.line(item)))
        nested = _item_blocks(item, lines, page_url)
        inner = "".join(
            block.html[3:-4]
            if block.kind == "paragraph" and block.html.startswith("<p>")
            else block.html
            for block in nested
        )
        html_items.append(f"<li>{inner}</li>")
    html = f"<{tag}>{''.join(html_items)}</{tag}>"
    return Block("list", line, "\n".join(i.text for i in items), html, items=tuple(items))


def _item_blocks(item: Node, lines: _Lines, page_url: str) -> list[Block]:
    """A list item's blocks; a tight item's bare inline run counts as its paragraph."""
    blocks: list[Block] = []
    run: list[Node] = []

    def close_run() -> None:
        if run:
            line = lines.line(run[0])
            blocks.append(
                Block("paragraph", line, _inline_text(run), _wrap("p", _inline_html(run, page_url)))
            )
            run.clear()

    for child in item.children:
        if child.name in _BLOCKS:
            close_run()
            blocks.extend(_blocks([child], lines, page_url))
        else:
            run.append(child)
    close_run()
    return blocks


def _inline_text(nodes: Sequence[Node]) -> str:
    parts: list[str] = []
    _collect_text(nodes, parts)
    return clean_text("".join(parts))


def _collect_text(nodes: Sequence[Node], parts: list[str]) -> None:
    for node in nodes:
        kind = node.name
        if kind in ("text", "text_special"):
            parts.append(node.meta.get("content", ""))
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "image":
            continue
        elif kind == "code_inline":
            parts.append("".join(child.meta.get("content", "") for child in node.children))
        else:
            _collect_text(node.children, parts)


def _inline_html(nodes: Sequence[Node], page_url: str) -> str:
    parts: list[str] = []
    _collect_html(nodes, parts, page_url)
    return "".join(parts).strip()


def _collect_html(nodes: Sequence[Node], parts: list[str], page_url: str) -> None:
    for node in nodes:
        kind = node.name
        if kind in ("text", "text_special"):
            parts.append(escape(_CONTROL.sub("", node.meta.get("content", "")), quote=False))
        elif kind == "code_inline":
            text = "".join(child.meta.get("content", "") for child in node.children)
            parts.append(escape(_CONTROL.sub("", text), quote=False))
        elif kind == "softbreak":
            parts.append("\n")
        elif kind == "hardbreak":
            parts.append("<br>")
        elif kind in ("strong", "em"):
            parts.append(f"<{kind}>")
            _collect_html(node.children, parts, page_url)
            parts.append(f"</{kind}>")
        elif kind == "link":
            href = safe_link(str(node.meta.get("url", "")), page_url)
            if href is not None:
                parts.append(f'<a href="{escape(href, quote=True)}">')
            _collect_html(node.children, parts, page_url)
            if href is not None:
                parts.append("</a>")
        elif kind == "image":
            continue
        else:
            _collect_html(node.children, parts, page_url)


def _bold_lead(nodes: Sequence[Node]) -> str | None:
    """``**Lead**: rest`` -> ``Lead``, as :func:`seo_export.read.blocks._bold_lead` reads tokens."""
    index = 0
    while (
        index < len(nodes)
        and nodes[index].name == "text"
        and not nodes[index].meta.get("content", "").strip()
    ):
        index += 1
    if index >= len(nodes) or nodes[index].name != "strong":
        return None
    parts: list[str] = []
    _collect_lead(nodes[index].children, parts)
    lead = clean_text("".join(parts)).rstrip(":.–- ").strip()
    return lead or None


def _collect_lead(nodes: Sequence[Node], parts: list[str]) -> None:
    for node in nodes:
        if node.name in ("text", "text_special"):
            parts.append(node.meta.get("content", ""))
        elif node.name == "code_inline":
            parts.append("".join(child.meta.get("content", "") for child in node.children))
        elif node.name != "image":
            _collect_lead(node.children, parts)
