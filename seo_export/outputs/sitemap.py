"""Stage 4c: XML sitemaps, streamed, split into an index at the protocol's limits.

A sitemap file holds at most 50,000 URLs and 50 MiB uncompressed (both are
settings, so tests can use small ones). When one file would do, it is
``sitemap.xml``; otherwise the parts are ``sitemap-1.xml``, ``sitemap-2.xml``,
... and ``sitemap.xml`` is the index listing them (and any extra sitemaps the
site already has). Entries stay in the order given, so output is
byte-identical between runs.
"""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol
from urllib.parse import quote, urlsplit, urlunsplit

from seo_export.model import OutputFile, SitemapEntry

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
URLSET_OPEN = f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}" xmlns:image="{IMAGE_NS}">\n'
URLSET_CLOSE = "</urlset>\n"
INDEX_OPEN = f'<sitemapindex xmlns="{SITEMAP_NS}">\n'
INDEX_CLOSE = "</sitemapindex>\n"
INDEX_NAME = "sitemap.xml"

# Characters allowed unencoded in a URL; everything else (non-ASCII letters,
# spaces, ...) is percent-encoded as UTF-8.
_URL_SAFE = "/:@!$&'()*+,;=-._~%"


_PLAIN_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d+)?(/[A-Za-z0-9/:@!$&'()*+,;=._~%-]*)?$")


def xml_escape(text: str) -> str:
    """``text`` for an XML element or a double-quoted attribute."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def encode_url(url: str) -> str:
    """``url`` with non-ASCII and unsafe characters percent-encoded as UTF-8."""
    if _PLAIN_URL.match(url):
        return url  # already nothing to encode: the common case, without splitting
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        host_ascii = host.encode("idna").decode("ascii") if host else ""
    except UnicodeError:
        host_ascii = quote(host, safe="")
    netloc = host_ascii + (f":{parts.port}" if parts.port else "")
    return urlunsplit(
        (
            parts.scheme,
            netloc,
            quote(parts.path, safe=_URL_SAFE),
            quote(parts.query, safe=_URL_SAFE + "?"),
            quote(parts.fragment, safe=_URL_SAFE + "?"),
        )
    )


def w3c_date(value: str) -> str:
    """A W3C datetime: the date, or a datetime that has an offset (never one without)."""
    if "T" in value and not (value.endswith("Z") or "+" in value[10:] or "-" in value[10:]):
        return value[:10]
    return value


def url_element(entry: SitemapEntry, changefreq: str | None, priority: float | None) -> str:
    """One ``<url>`` element, ending with a newline."""
    parts = [f"<url><loc>{xml_escape(encode_url(entry.loc))}</loc>"]
    if entry.lastmod:
        parts.append(f"<lastmod>{w3c_date(entry.lastmod)}</lastmod>")
    if changefreq:
        parts.append(f"<changefreq>{changefreq}</changefreq>")
    if priority is not None:
        parts.append(f"<priority>{priority:.1f}</priority>")
    for hreflang, href in entry.alternates:
        parts.append(
            f'<xhtml:link rel="alternate" hreflang="{xml_escape(hreflang)}" '
            f'href="{xml_escape(encode_url(href))}"/>'
        )
    for image in entry.images:
        parts.append(
            f"<image:image><image:loc>{xml_escape(encode_url(image))}</image:loc></image:image>"
        )
    parts.append("</url>\n")
    return "".join(parts)


class PartSink(Protocol):
    """Where :class:`SitemapWriter` puts each file as it is written.

    A file is begun, written piece by piece, and named when it ends (only then
    is it known whether a single sitemap is ``sitemap.xml`` or a part).
    """

    def begin(self) -> None:
        """A new file starts."""

    def write(self, text: str) -> None:
        """More of the current file."""

    def end(self, name: str) -> None:
        """The current file is complete; it is called ``name``."""


FRAME_BYTES = len((XML_DECLARATION + URLSET_OPEN + URLSET_CLOSE).encode())
"""What a sitemap file holds besides its entries."""


class SitemapEntryTooLargeError(ValueError):
    """One URL's entry alone is larger than a sitemap file may be: it cannot be written."""


MAX_URL_LENGTH = 2048
"""The longest <loc> the sitemap protocol allows, in characters."""


class SitemapUrlTooLongError(ValueError):
    """A URL is longer than the protocol allows (:data:`MAX_URL_LENGTH`): it cannot be listed."""


def url_too_long(loc: str) -> str | None:
    """Why ``loc`` cannot be a sitemap's <loc> (too long, percent-encoded), or None."""
    if len(loc) <= MAX_URL_LENGTH and len(encode_url(loc)) <= MAX_URL_LENGTH:
        return None
    return (
        f"its URL has {len(encode_url(loc)):,} characters, more than the {MAX_URL_LENGTH:,} "
        "the sitemap protocol allows; it is left out of the sitemaps"
    )


def too_large_message(size: int, max_bytes: int) -> str:
    return (
        f"its sitemap entry takes {size:,} bytes, more than a sitemap file may hold "
        f"(sitemap_max_bytes {max_bytes:,}); it is left out of the sitemaps"
    )


def entry_problem(
    entry: SitemapEntry, max_bytes: int, changefreq: str | None, priority: float | None
) -> str | None:
    """Why ``entry`` cannot go into a sitemap (see :class:`SitemapEntryTooLargeError`), or None."""
    size = len(url_element(entry, changefreq, priority).encode())
    return too_large_message(size, max_bytes) if FRAME_BYTES + size > max_bytes else None


@dataclass(slots=True)
class _Part:
    size: int = 0
    count: int = 0
    lastmod: str | None = None


class SitemapWriter:
    """Sitemap files for entries added in order, written through a :class:`PartSink`.

    ``sitemap_base`` is the URL folder the files are served from (ending in /).
    A part is closed before it would exceed ``max_urls`` URLs or ``max_bytes``
    bytes. Nothing but the open part's counts is held, so memory stays flat for
    any number of URLs when the sink writes to a file.
    """

    def __init__(
        self,
        sink: PartSink,
        *,
        sitemap_base: str,
        max_urls: int = 50000,
        max_bytes: int = 52428800,
        extra_sitemaps: tuple[str, ...] = (),
        changefreq: str | None = None,
        priority: float | None = None,
        gzip_files: bool = False,
    ) -> None:
        self.sink = sink
        self.sitemap_base = sitemap_base
        self.max_urls, self.max_bytes = max_urls, max_bytes
        self.extra_sitemaps = extra_sitemaps
        self.changefreq, self.priority = changefreq, priority
        self.suffix = ".gz" if gzip_files else ""
        self.frame = FRAME_BYTES
        self.parts_done: list[tuple[str, str | None]] = []
        self.current: _Part | None = None

    def add(self, entry: SitemapEntry) -> None:
        """Write one URL (starting a new part when the open one is full).

        SitemapUrlTooLongError or SitemapEntryTooLargeError when it cannot be written at
        all (nothing is written then)."""
        too_long = url_too_long(entry.loc)
        if too_long is not None:
            raise SitemapUrlTooLongError(too_long)
        element = url_element(entry, self.changefreq, self.priority)
        size = len(element.encode())
        if self.frame + size > self.max_bytes:
            raise SitemapEntryTooLargeError(too_large_message(size, self.max_bytes))
        current = self.current
        if current is not None and (
            current.count >= self.max_urls or self.frame + current.size + size > self.max_bytes
        ):
            # A URL is waiting, so there will be two parts at least: name this one.
            self._finish(current)
            current = None
        if current is None:
            current = self.current = _Part()
            self.sink.begin()
            self.sink.write(XML_DECLARATION + URLSET_OPEN)
        self.sink.write(element)
        current.size += size
        current.count += 1
        if entry.lastmod and (current.lastmod is None or entry.lastmod > current.lastmod):
            current.lastmod = entry.lastmod

    def _finish(self, part: _Part) -> None:
        name = f"sitemap-{len(self.parts_done) + 1}.xml"
        self.parts_done.append((name, part.lastmod))
        self.sink.write(URLSET_CLOSE)
        self.sink.end(name)

    def close(self) -> None:
        """Close the open part and write the index (or the single sitemap)."""
        current, self.current = self.current, None
        if not self.parts_done and not self.extra_sitemaps:
            if current is None:
                self.sink.begin()
                self.sink.write(XML_DECLARATION + URLSET_OPEN)
            self.sink.write(URLSET_CLOSE)
            self.sink.end(INDEX_NAME)
            return
        if current is not None:
            self._finish(current)
        elif not self.parts_done:
            self.sink.begin()
            self.sink.write(XML_DECLARATION + URLSET_OPEN)
            self._finish(_Part())
        index = [XML_DECLARATION, INDEX_OPEN]
        for name, lastmod in self.parts_done:
            loc = xml_escape(encode_url(self.sitemap_base + name + self.suffix))
            index.append(f"<sitemap><loc>{loc}</loc>")
            if lastmod:
                index.append(f"<lastmod>{w3c_date(lastmod)}</lastmod>")
            index.append("</sitemap>\n")
        for extra in self.extra_sitemaps:
            index.append(f"<sitemap><loc>{xml_escape(encode_url(extra))}</loc></sitemap>\n")
        index.append(INDEX_CLOSE)
        self.sink.begin()
        self.sink.write("".join(index))
        self.sink.end(INDEX_NAME)


class _MemorySink:
    """Files kept in memory, handed out as they complete."""

    def __init__(self, gzip_files: bool) -> None:
        self.gzip_files = gzip_files
        self.chunks: list[str] = []
        self.done: list[OutputFile] = []

    def begin(self) -> None:
        self.chunks = []

    def write(self, text: str) -> None:
        self.chunks.append(text)

    def end(self, name: str) -> None:
        self.done.extend(_with_gzip(_file(name, "".join(self.chunks)), self.gzip_files))
        self.chunks = []

    def take(self) -> Iterator[OutputFile]:
        done, self.done = self.done, []
        yield from done


def build_sitemaps(
    entries: Iterable[SitemapEntry],
    *,
    sitemap_base: str,
    max_urls: int = 50000,
    max_bytes: int = 52428800,
    extra_sitemaps: tuple[str, ...] = (),
    changefreq: str | None = None,
    priority: float | None = None,
    gzip_files: bool = False,
) -> Iterator[OutputFile]:
    """Sitemap files for ``entries``, in memory, yielded as each part completes.

    See :class:`SitemapWriter`, which a build uses to write them to files instead.
    """
    sink = _MemorySink(gzip_files)
    writer = SitemapWriter(
        sink,
        sitemap_base=sitemap_base,
        max_urls=max_urls,
        max_bytes=max_bytes,
        extra_sitemaps=extra_sitemaps,
        changefreq=changefreq,
        priority=priority,
        gzip_files=gzip_files,
    )
    for entry in entries:
        writer.add(entry)
        yield from sink.take()
    writer.close()
    yield from sink.take()


def _file(name: str, text: str) -> OutputFile:
    return OutputFile(name, text.encode("utf-8"))


def _with_gzip(file: OutputFile, gzip_files: bool) -> Iterator[OutputFile]:
    yield file
    if gzip_files:
        yield OutputFile(file.path + ".gz", reproducible_gzip(file.content))


def reproducible_gzip(data: bytes) -> bytes:
    """gzip with no file name and a zero mtime in the header: same input, same bytes."""
    buffer = io.BytesIO()
    with gzip_writer(buffer) as out:
        out.write(data)
    return buffer.getvalue()


def gzip_writer(target: BinaryIO) -> gzip.GzipFile:
    """A reproducible gzip stream into ``target`` (what :func:`reproducible_gzip` makes)."""
    return gzip.GzipFile(filename="", mode="wb", fileobj=target, mtime=0, compresslevel=9)


def robots_line(sitemap_base: str) -> str:
    """``Sitemap: https://.../sitemap.xml``, for the site's robots.txt."""
    return f"Sitemap: {sitemap_base}{INDEX_NAME}"
