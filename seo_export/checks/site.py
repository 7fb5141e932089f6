"""What site checks see: each article or page of a run, one fact sheet at a time.

Site checks find what only shows across articles (duplicates) or adds up over
them (the FAQ note). Each is a class registered with ``site_check``; one
instance per run takes every article's or page's :class:`SiteFacts` and keeps
only what it needs (flat arrays of hashes, a counter), never the records, so
that a build of 100,000 articles does not hold them; it reports once all are in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from seo_export.checks.registry import checks_of
from seo_export.model import ArticleRecord, Finding


@dataclass(frozen=True, slots=True)
class SiteFacts:
    """What site checks are told about one built article or one page."""

    url: str | None = None
    """Its canonical URL (None for a page)."""
    title: str | None = None
    """Its search title (None for a page)."""
    description: str | None = None
    """Its meta description (None for a page)."""
    has_faq: bool = False
    """Whether it has FAQPage markup."""
    lines: tuple[int | None, int | None, int | None] = (None, None, None)
    """The lines of its canonical URL (the slug's), title and description, when known."""


class SiteCheck(Protocol):
    """One run's instance of a site check."""

    def add(self, facts: SiteFacts, index: int) -> None:
        """Take note of article or page ``index``."""

    def closing(self, name_of: Callable[[int], str]) -> list[Finding]:
        """What was found, once every article or page is in; ``name_of`` names an index."""


@dataclass
class SiteLint:
    """Every registered site check over one build's (or validate's, or check's) articles.

    ``name_of`` turns an article's index back into a file name for the messages.
    """

    name_of: Callable[[int], str]
    checks: list[Any] = field(init=False)

    def __post_init__(self) -> None:
        self.checks = [check.run() for check in checks_of("site")]

    def add(self, record: ArticleRecord, index: int) -> list[Finding]:
        """Take note of ``record`` (article ``index``); findings come out in :meth:`closing`."""
        if record.built:
            facts = SiteFacts(
                record.url,
                record.title,
                record.description,
                record.questions > 0,
                (record.slug_line, record.title_line, record.description_line),
            )
            self.add_facts(facts, index)
        return []

    def add_facts(self, facts: SiteFacts, index: int) -> None:
        """Take note of the article or page ``index``."""
        for check in self.checks:
            check.add(facts, index)

    def closing(self) -> list[Finding]:
        """Each check's findings, in the checks' order."""
        findings: list[Finding] = []
        for check in self.checks:
            findings.extend(check.closing(self.name_of))
        return findings
