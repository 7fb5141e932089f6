"""A built site's HTML pages: finding them, and reading each in its own encoding."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_META_CONTENT_TYPE = re.compile(rb"""content\s*=\s*["'][^"']*charset=([A-Za-z0-9_.:-]+)""", re.I)


def page_files(targets: Iterable[Path]) -> list[Path]:
    """The HTML files named, and those under the folders named, sorted."""
    found: list[Path] = []
    for target in targets:
        if target.is_dir():
            found.extend(
                sorted(
                    path
                    for path in target.rglob("*")
                    if path.suffix.lower() in PAGE_SUFFIXES
                    and path.is_file()
                    and not any(part.startswith(".") for part in path.relative_to(target).parts)
                )
            )
        else:
            found.append(target)
    return found


def page_encoding(data: bytes) -> str:
    """A page's encoding, as a Python codec name: its BOM, else its meta charset, else UTF-8."""
    import codecs

    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    match = _META_CHARSET.search(head) or _META_CONTENT_TYPE.search(head)
    if match:
        try:
            return codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            pass
    return "utf-8"


def decode_page(data: bytes) -> str:
    """A page's text in its own encoding (bad bytes replaced)."""
    return data.decode(page_encoding(data), "replace")
