"""Site checks: what only shows across articles (duplicates), fed one record at a time."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import finding
from ..model import ArticleRecord, Finding


@dataclass
class SiteLint:
    """Streams over a build's records; keeps one entry per distinct value, not the records."""

    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    canonicals: dict[str, str] = field(default_factory=dict)
    faq_pages: int = 0

    def add(self, record: ArticleRecord) -> list[Finding]:
        """Findings that ``record`` causes against the records seen before it."""
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
            first = seen.setdefault(value.casefold(), record.source)
            if first != record.source:
                findings.append(finding(code, f"same {what} as {first}: {value!r}", record.source))
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
