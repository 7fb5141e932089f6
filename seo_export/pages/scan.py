"""Where things are in an HTML page, read as a browser reads it, as offsets into its text.

The page is parsed by turbohtml, a C implementation of the WHATWG parsing algorithm
(the tokenizer *and* the tree construction), so that what is a comment, what is text
inside ``<script>``, ``<style>``, ``<title>``, ``<textarea>``, ``<template>``, SVG and
MathML, and where ``<head>`` ends are what a browser says they are; it reports where
each element's tags are in the source. Comments carry no position in its tree: the
comments that are children of ``<head>`` (where seo-export's markers live) are found by
tokenizing only the stretches between head's child elements, which hold nothing but
white space, comments and tags a browser ignores. Nothing is rebuilt from the tree:
callers cut and insert text at these offsets, so every other byte of the page stays.

The parser works on the text with line ends normalised (``\\r\\n`` is one character to
it, as to a browser); offsets given out are into the text as it is.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

START_MARKER = " seo-export:start "
END_MARKER = " seo-export:end "
"""The data of the two comments around the block (``<!--`` and ``-->`` left off)."""


@dataclass(frozen=True, slots=True)
class Element:
    """An element that is a child of the page's <head>."""

    tag: str
    """Lower-case tag name."""
    attrs: dict[str, str]
    """Attributes, names lower-case, values as the parser decoded them."""
    start: int
    """Offset of its ``<``."""
    end: int
    """Offset just after its end tag (or its start tag, for void elements)."""
    line: int
    """1-based line of its start tag."""
    text: str = ""
    """Its text content (title, script)."""


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment that is a child of the page's <head>."""

    data: str
    """What is between ``<!--`` and ``-->``."""
    start: int
    """Offset of its ``<``."""
    end: int
    """Offset just after it."""


@dataclass(frozen=True, slots=True)
class PageMap:
    """The page's <head> as a browser builds it, with where each part is in the text."""

    head_tag: tuple[int, int] | None
    """(start, end) of the ``<head>`` start tag, when the page has one."""
    head_end: int | None
    """Offset of the ``</head>`` that ends the head, when one does."""
    anchor: int | None
    """Where a block goes when the page has none: before ``</head>`` or, where the head is
    ended by something else, before that; None when the page has no ``<head>`` start tag, or
    something in its head (a <title>, a comment) is never closed."""
    elements: tuple[Element, ...] = field(default=())
    """Head's child elements, in the order a browser puts them there."""
    comments: tuple[Comment, ...] = field(default=())
    """Head's child comments, in order."""
    body_html: str = ""
    """Everything outside <head>, serialised (to compare a page before and after)."""
    head_rest: tuple[tuple[int, str], ...] = field(default=())
    """Head's children other than white space, as (start offset, serialised), in order."""


class _Offsets:
    """Offsets in the text with ``\\r\\n`` made one character -> offsets in the text."""

    def __init__(self, text: str) -> None:
        self.pairs: list[int] = []
        index = text.find("\r\n")
        while index != -1:
            self.pairs.append(index - len(self.pairs))
            index = text.find("\r\n", index + 2)

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self.pairs, offset) if self.pairs else offset


def normalised(text: str) -> str:
    """``text`` with its line ends as the parser sees them (CR LF and CR each one LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def parse(text: str) -> Any:
    """The page as a browser builds its tree (scripting on, as in a browser that runs them)."""
    import turbohtml

    return turbohtml.parse(normalised(text), source_locations=True, scripting=True)


def scan(text: str, *, content: bool = True) -> PageMap:
    """The landmarks of ``text`` (a decoded page); ``content`` false leaves out what only a
    comparison of two pages needs (``body_html``, ``head_rest``)."""
    plain = normalised(text)
    document = parse(text)
    html = _first_element(document.children, "html")
    head = _first_element(html.children, "head") if html is not None else None
    if head is None:  # an <html> the parser always makes, with a <head>; but be sure
        return PageMap(None, None, None)
    to_text = _Offsets(text)
    location = head.source_location
    head_tag = None
    head_end = None
    if location is not None:
        head_tag = (location.start_tag.start_offset, location.start_tag.end_offset)
        if location.end_tag is not None:
            head_end = location.end_tag.start_offset
    reader = _HeadReader(plain, head_tag, head_end, content=content)
    reader.read(head.children)
    # Without a <head> start tag the head is made by the first tag that belongs in it, and a
    # comment before that tag (the start marker) would not be in it: no place for a block.
    anchor = None
    if head_tag is not None:
        anchor = head_end if head_end is not None else reader.closing()
    if anchor is not None and anchor >= len(plain):
        # Nothing ends the head before the page ends: a <title>, <script>, comment or tag
        # that is never closed holds the rest, and a block put after it would be inside it.
        anchor = None
    return PageMap(
        head_tag=(to_text(head_tag[0]), to_text(head_tag[1])) if head_tag else None,
        head_end=to_text(head_end) if head_end is not None else None,
        anchor=to_text(anchor) if anchor is not None else None,
        elements=tuple(
            Element(e.tag, e.attrs, to_text(e.start), to_text(e.end), e.line, e.text)
            for e in reader.elements
        ),
        comments=tuple(Comment(c.data, to_text(c.start), to_text(c.end)) for c in reader.comments),
        body_html=_outside_head(document, head) if content else "",
        head_rest=tuple((to_text(start), html) for start, html in reader.rest),
    )


class ReadError(ValueError):
    """The page's head could not be lined up with its text; it is not edited."""


class _HeadReader:
    """Head's children with their offsets (in the normalised text)."""

    def __init__(
        self, plain: str, head_tag: tuple[int, int] | None, head_end: int | None, *, content: bool
    ):
        self.plain = plain
        self.content = content
        self.cursor = head_tag[1] if head_tag else None
        self.head_end = head_end
        self.elements: list[Element] = []
        self.comments: list[Comment] = []
        self.rest: list[tuple[int, str]] = []
        self.pending: list[str] = []
        """Comments met since the last element, not yet placed."""

    def read(self, children: Any) -> None:
        for child in children:
            kind = type(child).__name__
            if kind == "Element":
                self._element(child)
            elif kind == "Comment":
                self.pending.append(child.data)
        if self.pending:
            self._place_comments(len(self.plain), tail=True)

    def _element(self, node: Any) -> None:
        location = node.source_location
        if location is None:  # made by the parser, not in the source
            raise ReadError(f"the parser made a <{node.tag}> in <head> that is not in the page")
        start = location.start_tag.start_offset
        if location.end_tag is not None:
            end = location.end_tag.end_offset
        elif node.tag in ("meta", "link", "base", "basefont", "bgsound"):
            end = location.start_tag.end_offset
        else:  # an element left open to the end of the page (<title> without </title>)
            end = len(self.plain)
        if self.pending:
            self._place_comments(start, tail=False)
        text = node.text if node.tag in ("title", "script") else ""
        self.elements.append(
            Element(
                node.tag,
                {name: node.attr(name) or "" for name in node.attrs},  # rel="a b" as written
                start,
                end,
                location.start_tag.start_line,
                text,
            )
        )
        if self.content:
            self.rest.append((start, node.html))
        if self.head_end is None or start < self.head_end:
            self.cursor = end

    def _place_comments(self, stop: int, *, tail: bool) -> None:
        """Find the pending comments between the cursor and ``stop`` (the next element)."""
        if self.cursor is None:
            raise ReadError("comments in a <head> that has no start tag")
        if self.head_end is not None and self.cursor <= self.head_end:
            stop = min(stop, self.head_end)
        found = []
        for token in _tokens(self.plain, self.cursor, stop):
            if token[0] == "comment":
                found.append(token)
            elif tail and token[0] == "closes":
                break
            if len(found) == len(self.pending):
                break
        if [data for _, data, _, _ in found] != self.pending:
            raise ReadError("the comments in <head> could not be found in the page's text")
        for _, data, start, end in found:
            self.comments.append(Comment(data, start, end))
            self.rest.append((start, f"<!--{data}-->"))
        self.pending = []
        self.cursor = found[-1][3]

    def closing(self) -> int:
        """Where the head ends when no ``</head>`` ends it: at the first token that is not
        white space, a comment or a tag the head ignores (before <body>, text, ...)."""
        assert self.cursor is not None
        for kind, _, start, _ in _tokens(self.plain, self.cursor, len(self.plain)):
            if kind == "closes":
                return start
        return len(self.plain)


_IGNORED_IN_HEAD = frozenset({"head", "html"})
_CLOSING_END_TAGS = frozenset({"head", "body", "html", "br"})


def _tokens(plain: str, start: int, stop: int) -> Iterator[tuple[str, str, int, int]]:
    """(kind, data, start, end) of the tokens of ``plain[start:stop]`` that matter in head:
    ``comment``, and ``closes`` for the first that ends the head."""
    import turbohtml

    piece = plain[start:stop]
    lines = [0]
    index = piece.find("\n")
    while index != -1:
        lines.append(index + 1)
        index = piece.find("\n", index + 1)
    for token in turbohtml.tokenize(piece, capture_source=True):
        kind = token.type.name
        at = start + lines[token.line - 1] + token.col
        if kind == "COMMENT":
            yield "comment", token.data or "", at, at + len(token.source or "")
        elif kind in {"TEXT", "CHARACTER_REFERENCE"}:
            data = token.data or ""
            stripped = len(data) - len(data.lstrip("\t\n\x0c\r "))
            if stripped < len(data):
                yield "closes", "", at + stripped, at + stripped
                return
        elif (kind == "START_TAG" and token.tag not in _IGNORED_IN_HEAD) or (
            kind == "END_TAG" and token.tag in _CLOSING_END_TAGS
        ):
            yield "closes", "", at, at
            return
        # PROCESSING_INSTRUCTION (<?x>): a bogus comment to the standard, a node of its own to
        # turbohtml; in head either way, and never one of our markers.


def _first_element(children: Any, tag: str) -> Any:
    for child in children:
        if type(child).__name__ == "Element" and child.tag == tag:
            return child
    return None


def _outside_head(document: Any, head: Any) -> str:
    """The document serialised without its <head> (its html element's attributes included)."""
    parts = []
    for child in document.children:
        if type(child).__name__ == "Element":
            attrs = " ".join(f"{k}={v!r}" for k, v in child.attrs.items())
            parts.append(f"<{child.tag} {attrs}>")
            parts.extend(c.html for c in child.children if c is not head)
        else:
            parts.append(child.html)
    return "".join(parts)
