"""URL slugs: made from file names or titles (Danish letters transliterated), checked when given."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 100
"""Longer slugs are cut (derived) or refused (given): a slug is a folder name and a URL part."""

# Letters that Unicode decomposition does not fold, spelled the way the
# language writes them without the letter (Danish and Norwegian first).
_TRANSLITERATION = str.maketrans(
    {
        "æ": "ae",
        "ø": "oe",
        "å": "aa",
        "ß": "ss",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "œ": "oe",
    }
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(title: str) -> str:
    """``Nerveafklemning – Hvad er det?`` -> ``nerveafklemning-hvad-er-det``; may be empty.

    At most :data:`MAX_SLUG_LENGTH` characters, cut after a whole word.
    """
    lowered = title.lower().translate(_TRANSLITERATION)
    folded = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", folded).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        cut = slug[:MAX_SLUG_LENGTH]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug


def is_valid_slug(slug: str) -> bool:
    """Whether ``slug`` is lower-case letters and digits in hyphen-separated runs, not too long."""
    return len(slug) <= MAX_SLUG_LENGTH and bool(SLUG_PATTERN.match(slug))


# Jekyll's posts: _posts/2024-05-01-title.md is "title", published 2024-05-01.
_DATED_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_BUNDLE_INDEX = frozenset({"index", "_index"})
"""Names whose page is their folder's: Hugo's leaf bundle and list page, a Next.js index."""


@dataclass(frozen=True, slots=True)
class SourceName:
    """What an article's path in the content folder says about its URL, title and date."""

    folders: tuple[str, ...]
    """The folders above it, each as a slug (a leaf bundle's own folder not among them)."""
    stem: str
    """Its own name as written: the file name without extension or date, or for a Hugo
    leaf bundle (``folder/index.md``) the folder's name."""
    slug: str
    """``stem`` as a slug; empty when it has no letter or digit."""
    date: dt.date | None
    """The date at the start of the file name (``2024-05-01-title.md``), when read."""

    @property
    def readable(self) -> str:
        """``frossen-skulder`` -> ``Frossen skulder``: the title a site shows for the file
        (none for a name without letters, such as ``404``)."""
        words = " ".join(" ".join(self.stem.replace("_", "-").split("-")).split())
        if not any(char.isalpha() for char in words):
            return ""
        return words[:1].upper() + words[1:].lower()

    def path(self, slug: str) -> str:
        """The folders and ``slug``: ``{path}`` of article_url."""
        return "/".join((*self.folders, slug))

    def key(self, slug: str) -> str:
        """The folders and ``slug`` as one slug (``skader-knae-menisk``), at most
        :data:`MAX_SLUG_LENGTH` long (a longer one: cut, with a hash of the whole)."""
        joined = "-".join((*self.folders, slug))
        if len(joined) <= MAX_SLUG_LENGTH:
            return joined
        digest = hashlib.sha256(joined.encode()).hexdigest()[:8]
        return f"{joined[: MAX_SLUG_LENGTH - 9].rstrip('-')}-{digest}"


def source_name(name: str, *, file_name_date: bool = True) -> SourceName:
    """What ``name`` (``ordbog/knyster.md``, POSIX, relative to the content folder) says.

    ``file_name_date`` reads a date at the start of the file name, and leaves it
    out of the stem, as Jekyll does with its posts.
    """
    parts = [part for part in name.split("/") if part]
    file_name = parts.pop() if parts else ""
    stem = file_name.rsplit(".", 1)[0] if "." in file_name[1:] else file_name
    if stem.lower() in _BUNDLE_INDEX:
        stem = parts.pop() if parts else ""  # the top folder's index is the home page
    date = None
    dated = _DATED_NAME.match(stem) if file_name_date and stem[:1].isdigit() else None
    if dated is not None:
        try:
            date = dt.date(int(dated[1]), int(dated[2]), int(dated[3]))
            stem = dated[4]
        except ValueError:  # 2024-13-45-...: not a date, so part of the name
            date = None
    folders = tuple(slug for slug in map(_as_slug, parts) if slug)
    return SourceName(folders=folders, stem=stem, slug=_as_slug(stem), date=date)


def _as_slug(name: str) -> str:
    """``name`` when it is a slug already (most file names are: checked cheaply), else
    :func:`slugify` of it."""
    return name if is_valid_slug(name) else slugify(name)
