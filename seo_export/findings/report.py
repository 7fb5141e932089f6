"""A report: the findings of one run, unit by unit (an article, a page, the site, the sitemaps).

Every command that prints findings hands a :class:`Report` to the one renderer
(:func:`seo_export.findings.formats.render`); formats that group (JUnit) make
one testcase per unit, so CI dashboards show which article failed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from seo_export.model import Finding, Severity


@dataclass(frozen=True, slots=True)
class ReportUnit:
    """One thing that was checked: an article, a page, the site, the sitemaps."""

    name: str
    """What it is, e.g. ``content/nerveafklemning.md``."""
    findings: tuple[Finding, ...] = ()
    """What was found in it."""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a run found, unit by unit."""

    units: tuple[ReportUnit, ...]
    """In the order they were checked."""
    notes: tuple[str, ...] = field(default=())
    """Lines for a human about the run (what was checked, with what)."""

    @classmethod
    def of_findings(cls, findings: Iterable[Finding]) -> Report:
        """The findings of a run that lists no units of its own (build, inject, ...), in their
        order: one unit per run of consecutive findings about the same file (``site`` for
        findings about no file)."""
        units: list[ReportUnit] = []
        current: list[Finding] = []
        for item in findings:
            if current and item.file != current[0].file:
                units.append(ReportUnit(current[0].file or "site", tuple(current)))
                current = []
            current.append(item)
        if current:
            units.append(ReportUnit(current[0].file or "site", tuple(current)))
        return cls(tuple(units))

    @property
    def findings(self) -> list[Finding]:
        """All findings, unit by unit."""
        return [finding for unit in self.units for finding in unit.findings]

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        return sum(1 for finding in self.findings if finding.severity is severity)

    def failed(self, strict: bool = False) -> bool:
        """Errors, or (strict) warnings too."""
        return self.count(Severity.ERROR) > 0 or (strict and self.count(Severity.WARNING) > 0)

    def filtered(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> Report:
        """Only findings whose code matches ``select`` (if given) and none of ``ignore``.

        A pattern matches a code exactly, or as a prefix when it ends with ``-``
        or ``*`` (``vocab-`` and ``vocab*`` select every vocabulary finding).
        """
        units = tuple(
            ReportUnit(
                unit.name,
                tuple(
                    f
                    for f in unit.findings
                    if (not select or matches_code(f.code, select))
                    and not matches_code(f.code, ignore)
                ),
            )
            for unit in self.units
        )
        return Report(units, self.notes)

    def without_info(self) -> Report:
        """The report without its info findings (``--quiet``)."""
        units = tuple(
            ReportUnit(
                unit.name, tuple(f for f in unit.findings if f.severity is not Severity.INFO)
            )
            for unit in self.units
        )
        return Report(units, self.notes)


def matches_code(code: str, patterns: Iterable[str]) -> bool:
    """Whether ``code`` is one of ``patterns`` or in a family one names (``vocab-``, ``vocab*``)."""
    for pattern in patterns:
        stem = pattern.rstrip("*")
        if code == pattern or (pattern.endswith(("-", "*")) and code.startswith(stem)):
            return True
    return False


def summary_line(report: Report, *, info_hidden: bool = False) -> str:
    """``3 files checked: 1 error, 2 warnings, 0 info``; with ``info_hidden``, the info
    findings were not printed, and the line says how to see them."""
    counts = [
        f"{report.count(Severity.ERROR)} error{'s' * (report.count(Severity.ERROR) != 1)}",
        f"{report.count(Severity.WARNING)} warning{'s' * (report.count(Severity.WARNING) != 1)}",
        f"{report.count(Severity.INFO)} info",
    ]
    files = sum(1 for unit in report.units if unit.name not in ("site", "sitemaps"))
    if info_hidden and report.count(Severity.INFO):
        counts[-1] += " (not shown; -v shows them)"
    return f"{files} file{'s' * (files != 1)} checked: {', '.join(counts)}"


def plain_line(item: Finding) -> str:
    """``file:line: severity: code: message [json_path]``, for formats that quote findings."""
    location = item.location() or "-"
    path = f" [{item.json_path}]" if item.json_path else ""
    return f"{location}: {item.severity.value}: {item.code}: {item.message}{path}"
