"""Site checks: what only shows across articles (duplicates), fed one record at a time."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass, field

from seo_export.checks.registry import finding
from seo_export.model import ArticleRecord, Finding

_CHECKS = (
    ("duplicate-canonical", "canonical URL"),
    ("duplicate-title", "title"),
    ("duplicate-description", "description"),
)


@dataclass
class SiteLint:
    """Finds articles that share a title, description or canonical URL.

    It keeps twelve bytes per article and value (a 64-bit hash and the
    article's index, in flat arrays), not records or strings, and reports the
    duplicates once all articles are in; ``name_of`` turns an index back into
    a file name for the messages.
    """

    name_of: Callable[[int], str]
    hashes: array[int] = field(default_factory=lambda: array("q"))
    indexes: array[int] = field(default_factory=lambda: array("i"))
    kinds: array[int] = field(default_factory=lambda: array("b"))
    faq_pages: int = 0

    def add(self, record: ArticleRecord, index: int) -> list[Finding]:
        """Take note of ``record`` (article ``index``); duplicates come out in :meth:`closing`."""
        if not record.built:
            return []
        self.faq_pages += record.questions > 0
        for kind, value in enumerate((record.url, record.title, record.description)):
            if value:
                self.hashes.append(hash((kind, value.casefold())))
                self.indexes.append(index)
                self.kinds.append(kind)
        return []

    def closing(self) -> list[Finding]:
        """Every duplicate (against the first article that had the value), then the FAQ note."""
        # Values that occur more than once, found in a sorted copy of one kind's hashes at
        # a time (a list of ints: no per-item tuples, which cost 48 MB at 100,000
        # articles, and a third of the list that all kinds at once would make) ...
        repeated: set[int] = set()
        for kind in range(len(_CHECKS)):
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
                code, what = _CHECKS[kind]
                message = f"same {what} as {self.name_of(first)}"
                findings.append(finding(code, message, self.name_of(index)))
        if self.faq_pages:
            findings.append(
                finding(
                    "google-faq-rich-results",
                    f"{self.faq_pages} page(s) have FAQPage markup: Google no longer shows FAQ "
                    "rich results (since 7 May 2026); the markup stays valid for other consumers",
                )
            )
        return findings
