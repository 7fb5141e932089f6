"""Findings as the tools around a team read them: one module per format, found by name.

A format is a module of this package with ``render(report, style) -> str``;
its name is the module's (``text``, ``json``, ``junit``, ``github``, ``sarif``,
...), and every command that prints findings offers each of them as
``--format``. Adding a format is adding a module here.

This package imports nothing heavy: the command line lists the formats for
``--help`` from the folder, without loading them.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from seo_export.findings.codes import CodeInfo
    from seo_export.findings.report import Report

DEFAULT = "text"


@dataclass(frozen=True, slots=True)
class Style:
    """How a command wants its findings shown; each format takes what applies to it."""

    layout: Literal["grouped", "flat"] = "grouped"
    """``grouped``: by unit, ending with a summary line (validate, check); ``flat``: one
    ``file:line: severity: code: message`` line per finding, in their order (build,
    inject, ...). For text; github adds the summary line only to a grouped report."""
    colour: bool = False
    """Severities in colour (text, for a terminal)."""
    codes: Mapping[str, CodeInfo] | None = None
    """What each code means, for formats that describe the codes they report (SARIF);
    None: the stages' codes only."""
    show_info: bool = True
    """Whether info findings are printed, in the formats a person reads line by line
    (text, and github's annotations); false, the summary line still counts them. The
    documents for tools (json, junit, sarif) hold every finding the report has."""
    summary: bool = True
    """Whether a grouped report ends with its summary line (and starts with its notes):
    false for ``--quiet`` (text, github)."""


def format_names() -> tuple[str, ...]:
    """Every format: the default first, then the others by name."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__))
    return (DEFAULT, *(name for name in names if name != DEFAULT))


def render(report: Report, fmt: str = DEFAULT, style: Style | None = None) -> str:
    """``report`` in format ``fmt`` (one of :func:`format_names`), as text to print or write."""
    if fmt not in format_names():
        raise ValueError(f"no findings format {fmt!r}; there are {', '.join(format_names())}")
    module = importlib.import_module(f"{__name__}.{fmt}")
    text: str = module.render(report, style or Style())
    return text
