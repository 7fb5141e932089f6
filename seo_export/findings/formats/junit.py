"""JUnit XML, which CI dashboards read: one testcase per unit, failing on its errors."""

from __future__ import annotations

from seo_export.findings.formats import Style
from seo_export.findings.report import Report, ReportUnit, plain_line
from seo_export.model import Finding, Severity

SUITE = "seo-export"


def render(report: Report, style: Style) -> str:
    """One testsuite; a testcase per unit, with a failure for its errors (the first one's
    code and message as the failure's type and message) and the other findings as
    system-out."""
    failures = sum(1 for unit in report.units if _errors(unit))
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name={quoteattr(SUITE)} tests="{len(report.units)}" failures="{failures}">',
        f'<testsuite name={quoteattr(SUITE)} tests="{len(report.units)}" failures="{failures}">',
    ]
    for unit in report.units:
        parts.append(f"<testcase classname={quoteattr(SUITE)} name={quoteattr(unit.name)}>")
        errors = _errors(unit)
        if errors:
            first = errors[0]
            body = "\n".join(plain_line(f) for f in errors)
            parts.append(
                f"<failure message={quoteattr(f'{first.code}: {first.message}')} "
                f"type={quoteattr(first.code)}>{escape(body)}</failure>"
            )
        others = [f for f in unit.findings if f.severity is not Severity.ERROR]
        if others:
            parts.append(
                f"<system-out>{escape(chr(10).join(plain_line(f) for f in others))}</system-out>"
            )
        parts.append("</testcase>")
    parts += ["</testsuite>", "</testsuites>"]
    return "\n".join(parts) + "\n"


def escape(text: str) -> str:
    """``text`` for XML element content."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """``text`` as a double-quoted XML attribute value."""
    return '"' + escape(text).replace('"', "&quot;").replace("\n", "&#10;") + '"'


def _errors(unit: ReportUnit) -> list[Finding]:
    return [f for f in unit.findings if f.severity is Severity.ERROR]
