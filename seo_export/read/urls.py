"""URLs that authors write in front matter: made absolute, and refused when unsafe.

A canonical URL must stay on the site; image and translation URLs may point
elsewhere but must be http(s). Backslashes, ``..`` segments (also
percent-encoded), control characters and protocol-relative URLs are refused
everywhere: they are how a URL escapes the site or confuses a parser.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f\\<>\"'`{}|^]")


class UnsafeUrlError(ValueError):
    """A URL that must not be used; the message says why."""


def resolve_url(value: str, base_url: str, *, same_host: bool) -> str:
    """``value`` as an absolute http(s) URL, relative ones joined to ``base_url``.

    Raises :class:`UnsafeUrlError` for anything that is not a plain http(s)
    URL or site path, and, with ``same_host``, for other hosts.
    """
    text = value.strip()
    if not text:
        raise UnsafeUrlError("is empty")
    if _UNSAFE_CHARS.search(text):
        raise UnsafeUrlError("contains spaces, quotes, backslashes or control characters")
    if text.startswith("//"):
        raise UnsafeUrlError("is protocol-relative (//host/...); write https://")
    parts = urlsplit(text)
    if parts.scheme and parts.scheme.lower() not in ("http", "https"):
        raise UnsafeUrlError(f"uses the {parts.scheme}: scheme; only http(s) is allowed")
    if not parts.scheme:
        if not text.startswith("/"):
            raise UnsafeUrlError("must be absolute (https://...) or start with /")
        text = base_url + text
        parts = urlsplit(text)
    segments = unquote(unquote(parts.path)).split("/")
    if any(segment in ("..", ".") for segment in segments):
        raise UnsafeUrlError("contains . or .. path segments")
    if not parts.hostname:
        raise UnsafeUrlError("has no host")
    if same_host and parts.hostname.lower() != (urlsplit(base_url).hostname or "").lower():
        raise UnsafeUrlError(f"points to another host ({parts.hostname}) than {base_url}")
    return text
