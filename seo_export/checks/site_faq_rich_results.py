"""Site check: a note, once per run, that Google no longer shows FAQ rich results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from seo_export.checks.registry import INFO, Code, finding, site_check
from seo_export.checks.site import SiteFacts
from seo_export.model import Finding


@site_check(
    "faq-rich-results",
    Code(
        "google-faq-rich-results",
        INFO,
        "Google no longer shows FAQ rich results in Search (since 7 May 2026). The FAQPage "
        "markup stays valid schema.org and other consumers (assistants, other search engines) "
        "still read it.",
        "Nothing to fix: this note says what to expect from Google.",
    ),
)
@dataclass
class FaqRichResults:
    """Counts the articles or pages with FAQPage markup, for one note about them all."""

    faq_pages: int = 0

    def add(self, facts: SiteFacts, index: int) -> None:
        """Count the article or page if it has an FAQPage."""
        self.faq_pages += facts.has_faq

    def closing(self, name_of: Callable[[int], str]) -> list[Finding]:
        """The note, when any had FAQPage markup."""
        if not self.faq_pages:
            return []
        return [
            finding(
                "google-faq-rich-results",
                f"{self.faq_pages} page(s) have FAQPage markup: Google no longer shows FAQ rich "
                "results (since 7 May 2026); the markup stays valid for other consumers",
            )
        ]
