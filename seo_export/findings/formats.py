"""Findings as the tools around a team read them: text, JSON, JUnit XML, GitHub annotations.

A :class:`Report` is a list of units (an article, a page, the site, the
sitemaps), each with its findings; JUnit makes one testcase per unit, so CI
dashboards show which article failed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from seo_export.model import Finding, Severity

FORMATS = ("text", "json", "junit", "github")


@dataclass(frozen=True, slots=True)
class ReportUnit:
    """One thing that was checked: an article, a page, the site, the sitemaps."""

    name: str
    """What it is, e.g. ``content/nerveafklemning.md``."""
    findings: tuple[Finding, ...] = ()
    """What was found in it."""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a validate or check run found, unit by unit."""

    units: tuple[ReportUnit, ...]
    """In the order they were checked."""
    notes: tuple[str, ...] = field(default=())
    """Lines for a human about the run (what was checked, with what)."""

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


def matches_code(code: str, patterns: Iterable[str]) -> bool:
    for pattern in patterns:
        stem = pattern.rstrip("*")
        if code == pattern or (pattern.endswith(("-", "*")) and code.startswith(stem)):
            return True
    return False


def render(report: Report, fmt: str, *, colour: bool = False) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return render_json(report)
    if fmt == "junit":
        return render_junit(report)
    if fmt == "github":
        return render_github(report)
    return render_text(report, colour=colour)


def summary_line(report: Report) -> str:
    """``3 files checked: 1 error, 2 warnings, 0 info``."""
    counts = [
        f"{report.count(Severity.ERROR)} error{'s' * (report.count(Severity.ERROR) != 1)}",
        f"{report.count(Severity.WARNING)} warning{'s' * (report.count(Severity.WARNING) != 1)}",
        f"{report.count(Severity.INFO)} info",
    ]
    files = sum(1 for unit in report.units if unit.name not in ("site", "sitemaps"))
    return f"{files} file{'s' * (files != 1)} checked: {', '.join(counts)}"


def render_text(report: Report, *, colour: bool = False) -> str:
    """Grouped by file, one finding per line with its line number and JSONPath."""
    colours = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
    lines: list[str] = list(report.notes)
    for unit in report.units:
        if not unit.findings:
            continue
        lines.append(unit.name)
        for item in sorted(unit.findings, key=lambda f: f.line or 0):
            where = f"{item.line}" if item.line is not None else "-"
            severity = item.severity.value
            if colour:
                severity = f"\x1b[{colours[item.severity]}m{severity}\x1b[0m"
            path = f" [{item.json_path}]" if item.json_path else ""
            lines.append(f"  {where}: {severity}: {item.code}: {item.message}{path}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    """``{"summary": {...}, "units": [{"name": ..., "findings": [...]}]}``."""
    data = {
        "summary": {
            "units": len(report.units),
            **{severity.value: report.count(severity) for severity in Severity},
        },
        "units": [
            {"name": unit.name, "findings": [f.to_json() for f in unit.findings]}
            for unit in report.units
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def escape(text: str) -> str:
    """``text`` for XML element content."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """``text`` as a double-quoted XML attribute value."""
    return '"' + escape(text).replace('"', "&quot;").replace("\n", "&#10;") + '"'


def render_junit(report: Report, suite: str = "seo-export") -> str:
    """JUnit XML: one testcase per unit, failing on errors (warnings go to system-out)."""
    failures = sum(1 for unit in report.units if _errors(unit))
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name={quoteattr(suite)} tests="{len(report.units)}" failures="{failures}">',
        f'<testsuite name={quoteattr(suite)} tests="{len(report.units)}" failures="{failures}">',
    ]
    for unit in report.units:
        parts.append(f"<testcase classname={quoteattr(suite)} name={quoteattr(unit.name)}>")
        errors = _errors(unit)
        if errors:
            first = errors[0]
            body = "\n".join(_plain(f) for f in errors)
            parts.append(
                f"<failure message={quoteattr(f'{first.code}: {first.message}')} "
                f"type={quoteattr(first.code)}>{escape(body)}</failure>"
            )
        others = [f for f in unit.findings if f.severity is not Severity.ERROR]
        if others:
            parts.append(
                f"<system-out>{escape(chr(10).join(_plain(f) for f in others))}</system-out>"
            )
        parts.append("</testcase>")
    parts += ["</testsuite>", "</testsuites>"]
    return "\n".join(parts) + "\n"


def _errors(unit: ReportUnit) -> list[Finding]:
    return [f for f in unit.findings if f.severity is Severity.ERROR]


def _plain(item: Finding) -> str:
    location = item.location() or "-"
    path = f" [{item.json_path}]" if item.json_path else ""
    return f"{location}: {item.severity.value}: {item.code}: {item.message}{path}"


def render_github(report: Report) -> str:
    """GitHub Actions workflow commands: ``::error file=...,line=...,title=code::message``."""
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for item in report.findings:
        properties = []
        if item.file:
            properties.append(f"file={_gh_property(item.file)}")
        if item.line is not None:
            properties.append(f"line={item.line}")
        properties.append(f"title={_gh_property(item.code)}")
        message = item.message + (f" [{item.json_path}]" if item.json_path else "")
        lines.append(f"::{levels[item.severity]} {','.join(properties)}::{_gh_message(message)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _gh_message(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_message(text).replace(":", "%3A").replace(",", "%2C")
