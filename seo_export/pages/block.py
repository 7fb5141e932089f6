"""The block seo-export puts into a page, between its markers; and what a run that puts it in
(inject) or takes it out (eject) reports."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from seo_export.model import Finding

START = "<!-- seo-export:start -->"
END = "<!-- seo-export:end -->"


class InjectError(ValueError):
    """A page cannot take the snippet; the message says why, for a finding."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def block_for(snippet: str, newline: str) -> str:
    """The marked block for ``snippet``, in the page's line ends, ending with a line end."""
    body = snippet if snippet.endswith("\n") else snippet + "\n"
    body = body.replace("\n", newline) if newline != "\n" else body
    return f"{START}{newline}{body}{END}{newline}"


def existing_block(text: str) -> tuple[int, int] | None:
    """(start, end) of the block a previous run put in ``text``, its line end included."""
    start = text.find(START)
    if start == -1:
        return None
    end = text.find(END, start)
    if end == -1:
        raise InjectError("inject-broken-block", f"has {START} without {END}; fix it by hand")
    end += len(END)
    for newline in ("\r\n", "\n"):
        if text.startswith(newline, end):
            end += len(newline)
            break
    return start, end


@dataclass
class InjectResult:
    """What an inject or eject run did."""

    changed: list[str] = field(default_factory=list)
    """Pages written (or, in a dry run, that would be)."""
    unchanged: list[str] = field(default_factory=list)
    """Pages that already held exactly this block (or, for eject, none)."""
    findings: list[Finding] = field(default_factory=list)
    """Pages not found, conflicts, pages left alone and why."""
    diffs: list[str] = field(default_factory=list)
    """Unified diffs (dry run)."""


def page_diff(old: str, new: str, name: str) -> str:
    relative = name.lstrip("/")  # an absolute page path: a/tmp/x, as git writes it, not a//tmp/x
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{relative}",
            f"b/{relative}",
        )
    )
