"""Text for a person, in the two forms the commands print.

- grouped (validate, check): the report's notes, then each unit with findings
  under its name, one ``  line: severity: code: message [json_path]`` line per
  finding in line order, and a summary line (info findings only with
  ``Style.show_info``, the notes and summary only with ``Style.summary``);
- flat (build, inject, eject, bundle, suggest, show): one compiler-style
  ``file:line: severity: code: message`` line per finding, in their order.

With ``colour``, severities carry ANSI colours (the command line strips them
when the output is not a terminal).
"""

from __future__ import annotations

from seo_export.findings.formats import Style
from seo_export.findings.report import Report, summary_line
from seo_export.model import Severity

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def render(report: Report, style: Style) -> str:
    """The report as text, grouped or flat."""
    if style.layout == "flat":
        return _flat(report, colour=style.colour)
    return _grouped(report, style)


def _grouped(report: Report, style: Style) -> str:
    colour = style.colour
    lines: list[str] = list(report.notes) if style.summary else []
    for unit in report.units:
        shown = [f for f in unit.findings if style.show_info or f.severity is not Severity.INFO]
        if not shown:
            continue
        lines.append(unit.name)
        for item in sorted(shown, key=lambda f: f.line or 0):
            where = f"{item.line}" if item.line is not None else "-"
            severity = item.severity.value
            if colour:
                severity = f"\x1b[{_COLOURS[item.severity]}m{severity}\x1b[0m"
            path = f" [{item.json_path}]" if item.json_path else ""
            lines.append(f"  {where}: {severity}: {item.code}: {item.message}{path}")
    if style.summary:
        lines.append(summary_line(report, info_hidden=not style.show_info))
    return "".join(line + "\n" for line in lines)


def _flat(report: Report, *, colour: bool) -> str:
    # Bold and coloured, as click.style(severity, fg=..., bold=True) writes it.
    styled = {
        severity: f"\x1b[{code}m\x1b[1m{severity.value}\x1b[0m" if colour else severity.value
        for severity, code in _COLOURS.items()
    }
    lines = []
    for item in report.findings:
        location = item.location()
        prefix = f"{location}: " if location else ""
        lines.append(f"{prefix}{styled[item.severity]}: {item.code}: {item.message}\n")
    return "".join(lines)
