"""Site check: articles that share a canonical URL, title or description."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass, field

from seo_export.checks.registry import Code, E, W, finding, site_check
from seo_export.checks.site import SiteFacts
from seo_export.model import Finding

_VALUES = (
    ("duplicate-canonical", "canonical URL"),
    ("duplicate-title", "title"),
    ("duplicate-description", "description"),
)


@site_check(
    "duplicates",
    Code(
        "duplicate-title",
        W,
        "Two articles have the same search title; search engines may show only one of them.",
        "Give each article its own metaTitle.",
    ),
    Code(
        "duplicate-description",
        W,
        "Two articles have the same meta description.",
        "Write a description for each article.",
    ),
    Code(
        "duplicate-canonical",
        E,
        "Two articles have the same canonical URL: one of them can never be found.",
        "Give each article its own slug or canonical URL.",
    ),
)
@dataclass
class Duplicates:
    """Finds articles that share a title, description or canonical URL (case-folded).

    It keeps twelve bytes per article and value (a 64-bit hash and the
    article's index, in flat arrays, and the value's kind), not records or
    strings, and reports each duplicate against the first article that had it.
    """

    hashes: array[int] = field(default_factory=lambda: array("q"))
    indexes: array[int] = field(default_factory=lambda: array("i"))
    kinds: array[int] = field(default_factory=lambda: array("b"))

    def add(self, facts: SiteFacts, index: int) -> None:
        """Take note of the article's canonical URL, title and description."""
        for kind, value in enumerate((facts.url, facts.title, facts.description)):
            if value:
                self.hashes.append(hash((kind, value.casefold())))
                self.indexes.append(index)
                self.kinds.append(kind)

    def closing(self, name_of: Callable[[int], str]) -> list[Finding]:
        """Every duplicate, in the order the articles came."""
        # Values that occur more than once, found in a sorted copy of one kind's hashes at
        # a time (a list of ints: no per-item tuples, which cost 48 MB at 100,000
        # articles, and a third of the list that all kinds at once would make) ...
        repeated: set[int] = set()
        for kind in range(len(_VALUES)):
            previous = None
            for value in sorted(
                h for h, k in zip(self.hashes, self.kinds, strict=True) if k == kind
            ):
                if value == previous:
                    repeated.add(value)
                previous = value
        # ... then reported in one pass in the order the articles came (source order, and
        # within an article canonical, title, description), against the first that had it.
        first_of: dict[int, int] = {}
        findings: list[Finding] = []
        for value, index, kind in zip(self.hashes, self.indexes, self.kinds, strict=True):
            if value not in repeated:
                continue
            first = first_of.setdefault(value, index)
            if first != index:
                code, what = _VALUES[kind]
                findings.append(finding(code, f"same {what} as {name_of(first)}", name_of(index)))
        return findings
