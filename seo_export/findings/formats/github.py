"""GitHub Actions workflow commands: ``::error file=...,line=...,title=code::message``.

GitHub shows each as an annotation on the file and line; a grouped report
(validate, check) ends with its summary line, which the log shows as it is.
"""

from __future__ import annotations

from seo_export.findings.formats import Style
from seo_export.findings.report import Report, summary_line
from seo_export.model import Severity

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, style: Style) -> str:
    """One workflow command per finding (info as a notice, when ``style.show_info``)."""
    lines = []
    for item in report.findings:
        if item.severity is Severity.INFO and not style.show_info:
            continue
        properties = []
        if item.file:
            properties.append(f"file={_property(item.file)}")
        if item.line is not None:
            properties.append(f"line={item.line}")
        properties.append(f"title={_property(item.code)}")
        message = item.message + (f" [{item.json_path}]" if item.json_path else "")
        lines.append(f"::{_LEVELS[item.severity]} {','.join(properties)}::{_message(message)}")
    if style.layout == "grouped" and style.summary:
        lines.append(summary_line(report, info_hidden=not style.show_info))
    return "".join(line + "\n" for line in lines)


def _message(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _message(text).replace(":", "%3A").replace(",", "%2C")
