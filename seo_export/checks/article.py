"""What article checks see: one normalized article and the settings; and running them."""

from __future__ import annotations

from seo_export.checks.registry import checks_of
from seo_export.config.settings import Settings
from seo_export.model import Article, Finding


def run_article_checks(article: Article, settings: Settings) -> list[Finding]:
    """Every registered article check's findings, in order."""
    findings: list[Finding] = []
    for check in checks_of("article"):
        findings.extend(check.run(article, settings))
    return findings
