"""Where things are in an HTML page, as offsets into its text, so edits can be surgical.

Python's own HTML tokenizer (:mod:`html.parser`) knows that ``<script>`` and
``<style>`` hold raw text and that comments hide tags; it reports each tag's
line and column, which are turned into offsets here. Nothing is rebuilt from a
tree: callers cut and insert text at these offsets, so every other byte of the
page stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass(frozen=True, slots=True)
class Element:
    """An element found in the page."""

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
    """Its text content, for title and script."""


@dataclass(frozen=True, slots=True)
class PageMap:
    """The landmarks of a page: head boundaries and the elements that matter for SEO."""

    head_start: int | None
    """Offset of ``<head``."""
    head_end: int | None
    """Offset of ``</head``."""
    body_start: int | None
    """Offset of ``<body``."""
    elements: tuple[Element, ...] = field(default=())
    """title, meta, link and script elements, in order."""
    comments: tuple[tuple[int, int, str], ...] = field(default=())
    """(start, end, text) of every comment."""


_TRACKED = frozenset({"title", "meta", "link", "script"})
_CONTAINERS = frozenset({"title", "script"})


class _Scanner(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = text
        self.line_starts = [0]
        index = text.find("\n")
        while index != -1:
            self.line_starts.append(index + 1)
            index = text.find("\n", index + 1)
        self.head_start: int | None = None
        self.head_end: int | None = None
        self.body_start: int | None = None
        self.elements: list[Element] = []
        self.comments: list[tuple[int, int, str]] = []
        self.open: tuple[str, dict[str, str], int, int] | None = None
        self.buffer: list[str] = []

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.position()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "head" and self.head_start is None:
            self.head_start = start
        elif tag == "body" and self.body_start is None:
            self.body_start = start
        if tag in _CONTAINERS:
            self.open = (tag, values, start, self.getpos()[0])
            self.buffer = []
        elif tag in _TRACKED:
            self.elements.append(Element(tag, values, start, end, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CONTAINERS:
            start = self.position()
            raw = self.get_starttag_text() or ""
            values = {name.lower(): value or "" for name, value in attrs}
            self.elements.append(Element(tag, values, start, start + len(raw), self.getpos()[0]))
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        start = self.position()
        end = self.source.find(">", start) + 1 or len(self.source)
        if tag == "head" and self.head_end is None:
            self.head_end = start
        if self.open is not None and tag == self.open[0]:
            name, values, opened, line = self.open
            self.elements.append(Element(name, values, opened, end, line, "".join(self.buffer)))
            self.open = None

    def handle_data(self, data: str) -> None:
        if self.open is not None:
            self.buffer.append(data)

    def handle_comment(self, data: str) -> None:
        start = self.position()
        end = self.source.find("-->", start)
        self.comments.append((start, len(self.source) if end == -1 else end + 3, data))


def scan(text: str) -> PageMap:
    """The landmarks of ``text`` (a decoded page)."""
    scanner = _Scanner(text)
    scanner.feed(text)
    scanner.close()
    return PageMap(
        scanner.head_start,
        scanner.head_end,
        scanner.body_start,
        tuple(scanner.elements),
        tuple(scanner.comments),
    )


def line_of(text: str, offset: int) -> int:
    """1-based line of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1
