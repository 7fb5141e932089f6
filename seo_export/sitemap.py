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
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit, urlunsplit

from .model import OutputFile, SitemapEntry

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


@dataclass(slots=True)
class _Part:
    chunks: list[str] = field(default_factory=list)
    size: int = 0
    count: int = 0
    lastmod: str | None = None


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
    """Sitemap files for ``entries``, yielded as each part completes.

    ``sitemap_base`` is the URL folder the files are served from (ending in /).
    A part is closed before it would exceed ``max_urls`` URLs or ``max_bytes``
    bytes; holding only the open part keeps memory flat for any number of URLs.
    """
    frame = len((XML_DECLARATION + URLSET_OPEN + URLSET_CLOSE).encode())
    parts_done: list[tuple[str, str | None]] = []
    current = _Part()

    def finish(part: _Part) -> Iterator[OutputFile]:
        name = f"sitemap-{len(parts_done) + 1}.xml"
        parts_done.append((name, part.lastmod))
        body = XML_DECLARATION + URLSET_OPEN + "".join(part.chunks) + URLSET_CLOSE
        yield from _with_gzip(_file(name, body), gzip_files)

    for entry in entries:
        element = url_element(entry, changefreq, priority)
        size = len(element.encode())
        if frame + size > max_bytes:
            raise ValueError(f"one sitemap entry is larger than {max_bytes} bytes: {entry.loc}")
        if current.count >= max_urls or frame + current.size + size > max_bytes:
            # A URL is waiting, so there will be two parts at least: name this one.
            yield from finish(current)
            current = _Part()
        current.chunks.append(element)
        current.size += size
        current.count += 1
        if entry.lastmod and (current.lastmod is None or entry.lastmod > current.lastmod):
            current.lastmod = entry.lastmod

    if not parts_done and not extra_sitemaps:
        body = XML_DECLARATION + URLSET_OPEN + "".join(current.chunks) + URLSET_CLOSE
        yield from _with_gzip(_file(INDEX_NAME, body), gzip_files)
        return
    if current.count or not parts_done:
        yield from finish(current)
    suffix = ".gz" if gzip_files else ""
    index = [XML_DECLARATION, INDEX_OPEN]
    for name, lastmod in parts_done:
        index.append(f"<sitemap><loc>{xml_escape(encode_url(sitemap_base + name + suffix))}</loc>")
        if lastmod:
            index.append(f"<lastmod>{w3c_date(lastmod)}</lastmod>")
        index.append("</sitemap>\n")
    for extra in extra_sitemaps:
        index.append(f"<sitemap><loc>{xml_escape(encode_url(extra))}</loc></sitemap>\n")
    index.append(INDEX_CLOSE)
    yield _file(INDEX_NAME, "".join(index))


def _file(name: str, text: str) -> OutputFile:
    return OutputFile(name, text.encode("utf-8"))


def _with_gzip(file: OutputFile, gzip_files: bool) -> Iterator[OutputFile]:
    yield file
    if gzip_files:
        yield OutputFile(file.path + ".gz", reproducible_gzip(file.content))


def reproducible_gzip(data: bytes) -> bytes:
    """gzip with no file name and a zero mtime in the header: same input, same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as out:
        out.write(data)
    return buffer.getvalue()


def robots_line(sitemap_base: str) -> str:
    """``Sitemap: https://.../sitemap.xml``, for the site's robots.txt."""
    return f"Sitemap: {sitemap_base}{INDEX_NAME}"
