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
        "Articles have the same search title; search engines may show only one of them. One "
        "finding per group, naming every article with the line of its title.",
        "Give each article its own metaTitle.",
    ),
    Code(
        "duplicate-description",
        W,
        "Articles have the same meta description (one finding per group, naming each).",
        "Write a description for each article.",
    ),
    Code(
        "duplicate-canonical",
        E,
        "Articles have the same canonical URL: only one of them can be found (one finding "
        "per group, naming each).",
        "Give each article its own slug or canonical URL.",
    ),
)
@dataclass
class Duplicates:
    """Finds articles that share a title, description or canonical URL (case-folded).

    It keeps sixteen bytes per article and value (a 64-bit hash, the article's
    index and the value's line, in flat arrays, and the value's kind), not
    records or strings, and reports each group of articles sharing a value
    once, naming every one of them with its line.
    """

    hashes: array[int] = field(default_factory=lambda: array("q"))
    indexes: array[int] = field(default_factory=lambda: array("i"))
    lines: array[int] = field(default_factory=lambda: array("i"))
    """The line of each value (0: not known, e.g. a description derived from the text)."""
    kinds: array[int] = field(default_factory=lambda: array("b"))

    def add(self, facts: SiteFacts, index: int) -> None:
        """Take note of the article's canonical URL, title and description."""
        values = (facts.url, facts.title, facts.description)
        for kind, (value, line) in enumerate(zip(values, facts.lines, strict=True)):
            if value:
                self.hashes.append(hash((kind, value.casefold())))
                self.indexes.append(index)
                self.lines.append(line or 0)
                self.kinds.append(kind)

    def closing(self, name_of: Callable[[int], str]) -> list[Finding]:
        """One finding per group of articles sharing a value, in the order the first of
        each group came; it is about the first, and names every one."""
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
        # ... then gathered in one pass in the order the articles came (source order, and
        # within an article canonical, title, description).
        groups: dict[int, list[tuple[int, int]]] = {}
        kind_of: dict[int, int] = {}
        for value, index, line, kind in zip(
            self.hashes, self.indexes, self.lines, self.kinds, strict=True
        ):
            if value in repeated:
                groups.setdefault(value, []).append((index, line))
                kind_of[value] = kind
        findings: list[Finding] = []
        for value, members in groups.items():
            code, what = _VALUES[kind_of[value]]
            named = ", ".join(
                f"{name_of(index)}:{line}" if line else name_of(index) for index, line in members
            )
            first, first_line = members[0]
            findings.append(
                finding(
                    code,
                    f"{len(members)} articles have the same {what}: {named}",
                    name_of(first),
                    first_line or None,
                )
            )
        return findings
