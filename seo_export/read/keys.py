"""Front-matter keys as authors spell them: two that differ only in case, and misspellings.

Keys are read without regard to case (:mod:`seo_export.read.fields`). A key
that is not one seo-export reads but nearly is one is almost surely a
misspelling whose value would be silently unused, so it is reported with the
key meant; the keys other tools write (:data:`seo_export.domain.fields.OTHER_TOOLS_KEYS`)
never are.
"""

from __future__ import annotations

import difflib
import functools

from seo_export.domain.fields import other_tools_keys
from seo_export.domain.properties import entity_keys
from seo_export.read.fields import FrontMatter, known_keys


def report_key_spellings(front: FrontMatter) -> None:
    """Two keys that differ only in case say the same thing (an error, like any two keys
    of one field). A key that is not one we read but nearly is one (``datePublised``,
    ``lastUpdate``, ``draf``) is almost surely a misspelling whose value would be
    silently unused: say so. Keys of a team's own, far from any of ours, stay quiet in
    ``Article.extra``."""
    for kept, other in front.written.doubled:
        front.problem("field-type", other, f"{kept} and {other} say the same thing; {kept} is used")
    ours = front.written.by_canonical.values()
    for key in front.data:
        meant = key_meant(key) if isinstance(key, str) and key not in ours else None
        if meant is not None:
            front.problem(
                "field-unknown",
                key,
                f"{key!r} is not a key seo-export reads, so its value is not used; "
                f"did you mean {meant!r}?",
            )


def key_meant(key: str) -> str | None:
    """The key of ours that ``key`` is a misspelling of, or None (ours, or nothing near).

    Keys are ours in any case (``Title`` is ``title``). Close means a ``_``/``-``
    difference, ours with a letter or two left off (``lastUpdate``, ``draf``), or a
    difflib ratio of 0.85 or more; but not ours with a word added (``updatedBy``,
    ``reviewedOn``: other fields).
    """
    return _key_meant(key, entity_keys())


@functools.lru_cache(maxsize=4096)
def _key_meant(key: str, entity_keys: frozenset[str]) -> str | None:
    """Remembered per key (a site's articles share their keys, and difflib is slow) and
    per set of property keys (the property table's, which a frozenset hashes once)."""
    by_case, by_folded = _our_keys(entity_keys)
    if key.casefold() in by_case or key.casefold() in _other_keys_folded():
        return None
    folded = _fold(key)
    if folded in by_folded:
        return by_folded[folded]
    for close in difflib.get_close_matches(folded, by_folded, n=3, cutoff=0.85):
        if folded.startswith(close):
            continue  # ours with a word added: another field
        if close.startswith(folded) and len(close) - len(folded) > 2:
            continue  # a shorter word of its own (url of urls is ours anyway)
        return by_folded[close]
    return None


def _fold(key: str) -> str:
    return key.casefold().replace("_", "").replace("-", "")


@functools.cache
def _other_keys_folded() -> frozenset[str]:
    return frozenset(key.casefold() for key in other_tools_keys())


@functools.cache
def _our_keys(entity_keys: frozenset[str]) -> tuple[frozenset[str], dict[str, str]]:
    """The front-matter keys seo-export reads in lower case, and each by its folded
    spelling (the first of two that fold alike: ``metaTitle`` before ``meta_title``)."""
    ours = known_keys() | entity_keys
    by_folded: dict[str, str] = {}
    for key in sorted(ours):
        by_folded.setdefault(_fold(key), key)
    return frozenset(key.casefold() for key in ours), by_folded
