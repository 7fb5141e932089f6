"""URL slugs: made from titles (Danish letters transliterated), checked when given."""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

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
    """``Nerveafklemning – Hvad er det?`` -> ``nerveafklemning-hvad-er-det``; may be empty."""
    lowered = title.lower().translate(_TRANSLITERATION)
    folded = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", folded).strip("-")


def is_valid_slug(slug: str) -> bool:
    """Whether ``slug`` is lower-case letters and digits in hyphen-separated runs."""
    return bool(SLUG_PATTERN.match(slug))
