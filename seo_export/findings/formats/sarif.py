"""SARIF 2.1.0, the format GitHub code scanning and other CI tools read.

One run of the tool ``seo-export``: each finding a result (``ruleId`` its
code, ``level`` error, warning or note, the message, and where: the file as a
URI relative to the project, and the line), and each code that occurs a rule
in ``tool.driver.rules`` (``shortDescription`` what it means, ``help`` how to
fix it, from the codes registry the command passes in ``style.codes``).
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from seo_export._version import VERSION
from seo_export.findings.codes import STAGE_CODES
from seo_export.findings.formats import Style
from seo_export.findings.report import Report
from seo_export.model import Finding, Severity

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, style: Style) -> str:
    """The report as a SARIF log with one run."""
    codes = style.codes if style.codes is not None else STAGE_CODES
    findings = report.findings
    occurring = {item.code for item in findings}
    order = [code for code in codes if code in occurring]
    order += sorted(occurring - set(order))  # a code the registry given does not know
    rules: list[dict[str, Any]] = []
    for code in order:
        rule: dict[str, Any] = {"id": code}
        info = codes.get(code)
        if info is not None:
            rule["shortDescription"] = {"text": info.meaning}
            rule["help"] = {"text": info.fix}
            rule["defaultConfiguration"] = {"level": _LEVELS[info.severity]}
        rules.append(rule)
    index = {code: position for position, code in enumerate(order)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "seo-export", "version": VERSION, "rules": rules}},
                "results": [_result(item, index[item.code]) for item in findings],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _result(item: Finding, rule_index: int) -> dict[str, Any]:
    message = item.message + (f" [{item.json_path}]" if item.json_path else "")
    result: dict[str, Any] = {
        "ruleId": item.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[item.severity],
        "message": {"text": message},
    }
    if item.file:
        location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(item.file)}}
        if item.line is not None and item.line >= 1:
            location["region"] = {"startLine": item.line}
        result["locations"] = [{"physicalLocation": location}]
    return result


def artifact_uri(file: str) -> str:
    """A finding's file as a URI reference: relative to the project (as findings name files
    under it), or a ``file:`` URI for a file outside it."""
    windows = PureWindowsPath(file)
    if windows.drive:
        return windows.as_uri()
    if file.startswith("/"):
        return PurePosixPath(file).as_uri()
    return quote(file.replace("\\", "/"), safe="/")
