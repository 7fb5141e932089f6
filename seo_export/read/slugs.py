"""URL slugs: made from titles (Danish letters transliterated), checked when given."""

from __future__ import annotations

import re
import unicodedata

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
