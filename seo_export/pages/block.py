"""The block seo-export puts into a page, between its markers; and what a run that puts it in
(inject) or takes it out (eject) reports."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from seo_export.model import Finding
from seo_export.pages.scan import END_MARKER, START_MARKER, PageMap, scan

START = f"<!--{START_MARKER}-->"
END = f"<!--{END_MARKER}-->"


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


def existing_block(text: str, page: PageMap | None = None) -> tuple[int, int] | None:
    """(start, end) of the block a previous run put in ``text``, its line end included.

    The markers count only as a browser reads them: comments that are children of
    <head>, the start marker before the end marker. The same text inside a script, a
    textarea, an attribute or a comment in the body is the page's own, and stays.
    ``page`` is ``scan(text)`` when the caller has it."""
    page = page if page is not None else scan(text, content=False)
    starts = [c for c in page.comments if c.data == START_MARKER]
    if not starts:
        return None
    ends = [c for c in page.comments if c.data == END_MARKER and c.start > starts[0].start]
    if len(starts) > 1:
        raise InjectError(
            "inject-broken-block", f"has {len(starts)} {START} in <head>; fix it by hand"
        )
    if not ends:
        raise InjectError("inject-broken-block", f"has {START} without {END}; fix it by hand")
    start, end = starts[0].start, ends[0].end
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
