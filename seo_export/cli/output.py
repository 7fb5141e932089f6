"""Where a command's output goes: its findings through the one renderer, the rest for a person.

Every command that prints findings does it through an :class:`Output`, in the
``--format`` chosen (:mod:`seo_export.findings.formats`):

- ``text``, the default: the findings as text where they come, beside the
  command's other lines, on standard output; grouped by file for validate and
  check, one ``file:line: severity: code: message`` line each for the others;
- any other format: one document of the run's findings on standard output (or
  in the ``-o`` file of validate and check), and the command's other lines
  (progress, summaries, diffs, listings) on standard error, so that standard
  output stays parseable. With ``-o`` they stay on standard output.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import click

if TYPE_CHECKING:
    from seo_export.findings.formats import Style
    from seo_export.findings.report import Report
    from seo_export.model import Finding

TEXT = "text"


@dataclass
class Output:
    """A command's way out: findings in one format, and lines for a person."""

    fmt: str = TEXT
    """The ``--format`` chosen."""
    layout: Literal["grouped", "flat"] = "flat"
    """How the command's findings read as text (grouped: validate and check)."""
    file: Path | None = None
    """Where the findings document goes instead of standard output (``-o``)."""
    pending: list[Finding] = field(default_factory=list)
    """Findings kept for the document, until :meth:`flush`."""
    show_info: bool = True
    """Whether info findings are printed as text and github annotations (``-v``)."""
    summary: bool = True
    """Whether a grouped report's notes and summary line are printed (not with ``-q``)."""

    @property
    def document(self) -> bool:
        """Whether the findings make a document for tools (any format but text)."""
        return self.fmt != TEXT

    def say(self, message: str = "", *, nl: bool = True, err: bool = False) -> None:
        """A line for a person: on standard error when standard output carries a document."""
        click.echo(message, nl=nl, err=err or (self.document and self.file is None))

    def findings(self, findings: Iterable[Finding]) -> None:
        """Print ``findings`` now as text, or keep them for the document."""
        if self.document:
            self.pending.extend(findings)
            return
        from seo_export.findings.formats import render
        from seo_export.findings.report import Report

        text = render(Report.of_findings(findings), TEXT, self._style(colour=True))
        if text:  # written in one piece: a large site's build may print thousands
            click.echo(text, nl=False)

    def flush(self) -> None:
        """Write the document of the findings kept so far (nothing for text)."""
        if self.document:
            from seo_export.findings.report import Report

            report = Report.of_findings(self.pending)
            self.pending.clear()
            self.report(report)

    def report(self, report: Report) -> None:
        """Print or write ``report`` whole; when it goes to a file, its summary line is
        printed instead."""
        from seo_export.findings.formats import render
        from seo_export.findings.report import summary_line

        if self.file is not None:
            self.file.write_text(render(report, self.fmt, self._style()), encoding="utf-8")
            if self.summary:
                click.echo(summary_line(report))
        else:
            style = self._style(colour=self.fmt == TEXT)
            click.echo(render(report, self.fmt, style), nl=False)

    def _style(self, *, colour: bool = False) -> Style:
        from seo_export.findings.formats import Style

        if not self.document:
            return Style(self.layout, colour, None, self.show_info, self.summary)
        from seo_export.checks.registry import all_codes

        return Style(self.layout, colour, all_codes(), self.show_info, self.summary)
