"""Site checks: what only shows across articles (duplicates), fed one record at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..findings import finding
from ..model import ArticleRecord, Finding


@dataclass
class SiteLint:
    """Streams over a build's records, keeping one small entry per distinct value.

    It remembers a 64-bit hash of each title, description and canonical URL
    with the index of the first article that had it, not the records or the
    strings; ``name_of`` turns an index back into a file name for a message.
    """

    name_of: Callable[[int], str]
    titles: dict[int, int] = field(default_factory=dict)
    descriptions: dict[int, int] = field(default_factory=dict)
    canonicals: dict[int, int] = field(default_factory=dict)
    faq_pages: int = 0

    def add(self, record: ArticleRecord, index: int) -> list[Finding]:
        """Findings that ``record`` (article ``index``) causes against the ones before it."""
        if not record.built:
            return []
        findings = []
        self.faq_pages += record.questions > 0
        checks = (
            ("duplicate-canonical", "canonical URL", record.url, self.canonicals),
            ("duplicate-title", "title", record.title, self.titles),
            ("duplicate-description", "description", record.description, self.descriptions),
        )
        for code, what, value, seen in checks:
            if not value:
                continue
            first = seen.setdefault(hash(value.casefold()), index)
            if first != index:
                message = f"same {what} as {self.name_of(first)}: {value!r}"
                findings.append(finding(code, message, self.name_of(index)))
        return findings

    def closing(self) -> list[Finding]:
        """Findings about the whole run, once."""
        if not self.faq_pages:
            return []
        return [
            finding(
                "google-faq-rich-results",
                f"{self.faq_pages} page(s) have FAQPage markup: Google no longer shows FAQ rich "
                "results (since 7 May 2026); the markup stays valid for other consumers",
            )
        ]
