"""Findings said once per run: the same advice about many articles as one site finding.

``date-ambiguous`` is about a setting (``date_order`` left to its default), not
about any one article: a site of day-first dates has one on nearly every page,
and a line per date buries everything else. The stages still report it per date
(the manifest keeps each article's own findings); a run's totals and printed
findings take them through a :class:`RunSummary` instead, which counts them and
reports one finding naming the first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from seo_export.findings.codes import finding
from seo_export.model import Finding

SUMMARISED_CODES = frozenset({"date-ambiguous"})
"""Codes a run reports once, as a summary, rather than per finding."""


@dataclass
class RunSummary:
    """The findings of :data:`SUMMARISED_CODES` of one run, counted."""

    count: int = 0
    """How many there were."""
    files: set[str] = field(default_factory=set)
    """The files they were in."""
    first: Finding | None = None
    """The first of them, quoted in the summary."""

    def take(self, item: Finding) -> bool:
        """Count ``item`` and say True if it is summarised (left out of the run's findings)."""
        if item.code not in SUMMARISED_CODES:
            return False
        self.count += 1
        if item.file is not None:
            self.files.add(item.file)
        if self.first is None:
            self.first = item
        return True

    def others(self, items: Iterable[Finding]) -> list[Finding]:
        """``items`` without the summarised ones, which are counted."""
        return [item for item in items if not self.take(item)]

    def findings(self) -> list[Finding]:
        """The summary: one finding per summarised code that occurred (none when none did)."""
        if self.first is None:
            return []
        first = self.first
        articles = len(self.files)
        return [
            finding(
                "date-ambiguous",
                f"{self.count} numeric date{'s' * (self.count != 1)} in {articles} "
                f"article{'s' * (articles != 1)} could be read either way and were read "
                f"day first, the default (the first: {first.location()}); "
                'set date_order = "day-first" or "month-first" in the settings to say '
                "which your dates are",
                key="date_order",
            )
        ]


def summarise(items: Iterable[Finding]) -> list[Finding]:
    """``items`` with the summarised codes counted into one finding at the end."""
    summary = RunSummary()
    return [*summary.others(items), *summary.findings()]
