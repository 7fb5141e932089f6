"""JSON: ``{"summary": {...}, "units": [{"name": ..., "findings": [...]}]}``."""

from __future__ import annotations

import json

from seo_export.findings.formats import Style
from seo_export.findings.report import Report
from seo_export.model import Severity


def render(report: Report, style: Style) -> str:
    """The report as one JSON document: counts by severity, and each unit's findings."""
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
