"""Stage 5b: put each article's head snippet into its page of a built site.

The snippet goes between ``<!-- seo-export:start -->`` and
``<!-- seo-export:end -->``, before ``</head>`` (or, where a page leaves out
``</head>``, before ``<body>``). A second run replaces that block;
:mod:`seo_export.pages.eject` removes it. Pages are edited as text in their
own encoding, decoded so that every byte round-trips, and only at offsets the
tokenizer found: every byte outside the block stays as it was. Before a page
is written the result is checked, and after it is written it is read back and
checked again (:mod:`seo_export.pages.verify`); a page that fails is restored
to its previous bytes and reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seo_export.build.files import replace_file
from seo_export.config.settings import Settings
from seo_export.findings.codes import finding
from seo_export.model import AnyPath
from seo_export.pages.block import (
    InjectError,
    InjectResult,
    block_for,
    existing_block,
    page_diff,
)
from seo_export.pages.built import BuiltPage, built_pages, page_for_url
from seo_export.pages.files import page_encoding
from seo_export.pages.scan import Element, PageMap, scan
from seo_export.pages.tags import element_keys, json_ld_types, snippet_keys
from seo_export.pages.verify import verify_page
from seo_export.system import display_path

_SCRIPT_OPEN = '<script type="application/ld+json">'
_CONFLICTING_TYPES = frozenset({"MedicalWebPage", "FAQPage"})


@dataclass(frozen=True, slots=True)
class Conflict:
    """A tag already on the page that says what the snippet says."""

    element: Element
    """Where it is."""
    reason: str
    """What it duplicates, e.g. ``<title>`` or ``og:title``."""


@dataclass(frozen=True, slots=True)
class Injection:
    """The outcome of putting a snippet into one page's text."""

    text: str
    """The page with the block in place."""
    conflicts: tuple[Conflict, ...]
    """Tags outside the block that duplicate the snippet's (removed when asked)."""
    replaced_block: bool
    """Whether an earlier block was replaced."""


def find_conflicts(page: PageMap, keys: set[str], block: tuple[int, int] | None) -> list[Conflict]:
    """Head elements outside ``block`` that set one of ``keys``, or JSON-LD with a
    MedicalWebPage or FAQPage."""
    conflicts = []
    for element in page.elements:
        if block is not None and block[0] <= element.start < block[1]:
            continue
        if page.head_end is not None and element.start > page.head_end:
            continue  # the body's own <title> in an SVG, a JSON-LD block in the body, ...
        clash = sorted(element_keys(element) & keys)
        if clash:
            conflicts.append(Conflict(element, clash[0]))
        elif (
            element.tag == "script"
            and element.attrs.get("type", "").strip().lower() == "application/ld+json"
        ):
            found = json_ld_types(element.text) & _CONFLICTING_TYPES
            if found:
                conflicts.append(Conflict(element, f"JSON-LD {'/'.join(sorted(found))}"))
    return conflicts


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The element's span, widened to its whole line when nothing else is on it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end + 1
    if text[line_start:start].strip() == "" and text[end:line_end].strip() == "":
        return line_start, line_end
    return start, end


def plan_injection(text: str, snippet: str, *, replace_conflicts: bool = False) -> Injection:
    """``text`` with the snippet's block in place; InjectError when the page cannot take it."""
    newline = "\r\n" if "\r\n" in text else "\n"
    block = block_for(snippet, newline)
    previous = existing_block(text)
    page = scan(text)
    conflicts = find_conflicts(page, snippet_keys(snippet), previous)
    cuts: list[tuple[int, int, str]] = []
    if previous is not None:
        cuts.append((previous[0], previous[1], block))
    else:
        anchor = page.head_end if page.head_end is not None else page.body_start
        if anchor is None:
            if page.head_start is None:
                raise InjectError("inject-no-head", "has no <head> (and no <body>): not touched")
            raise InjectError("inject-no-head", "has no </head> and no <body>: not touched")
        line_start = text.rfind("\n", 0, anchor) + 1
        if text[line_start:anchor].strip() == "":
            anchor = line_start  # on lines of its own, before the indented </head>
        cuts.append((anchor, anchor, block))
    if replace_conflicts:
        cuts += [(*_line_span(text, c.element.start, c.element.end), "") for c in conflicts]
    result = text
    for start, end, insert in sorted(cuts, key=lambda cut: cut[0], reverse=True):
        result = result[:start] + insert + result[end:]
    return Injection(result, tuple(conflicts), previous is not None)


def inject_html(html: str, snippet: str) -> str:
    """``html`` with ``snippet`` between the seo-export markers before ``</head>`` (pure).

    A block from an earlier call is replaced, never added to. Raises
    :class:`InjectError` for a page without a place to put it.
    """
    return plan_injection(html, snippet).text


def transcode_snippet(snippet: str, encoding: str) -> str:
    """The snippet made safe for a page in ``encoding``: characters it cannot hold become
    character references in HTML, and ``\\u`` escapes inside the JSON-LD script."""
    if encoding.replace("-", "").replace("_", "").lower().startswith("utf"):
        return snippet
    start = snippet.find(_SCRIPT_OPEN)
    end = snippet.find("</script>", start)
    if start == -1 or end == -1:
        return _references(snippet, encoding)
    json_start = start + len(_SCRIPT_OPEN)
    return (
        _references(snippet[:json_start], encoding)
        + _json_escapes(snippet[json_start:end], encoding)
        + _references(snippet[end:], encoding)
    )


def _references(text: str, encoding: str) -> str:
    return text.encode(encoding, "xmlcharrefreplace").decode(encoding)


def _json_escapes(text: str, encoding: str) -> str:
    out = []
    for char in text:
        try:
            char.encode(encoding)
            out.append(char)
        except UnicodeEncodeError:
            utf16 = char.encode("utf-16-be")
            out.extend(f"\\u{utf16[i]:02x}{utf16[i + 1]:02x}" for i in range(0, len(utf16), 2))
    return "".join(out)


def inject_site(
    site_dir: AnyPath,
    settings: Settings,
    *,
    replace_conflicts: bool = False,
    dry_run: bool = False,
    write: Callable[[Path, bytes], None] | None = None,
) -> InjectResult:
    """Inject every built article's snippet into its page under ``site_dir``."""
    site_dir = Path(site_dir)
    run = _InjectRun(replace_conflicts, dry_run, write or replace_file)
    for built in built_pages(settings.out_dir):
        page = page_for_url(built.url, site_dir, settings.page_paths)
        if page is None:
            run.result.findings.append(
                finding(
                    "inject-page-not-found",
                    f"no page for {built.url} in {site_dir}",
                    display_path(site_dir, Path.cwd()),
                )
            )
            continue
        run.inject(page, built)
    return run.result


@dataclass
class _InjectRun:
    replace_conflicts: bool
    dry_run: bool
    write: Callable[[Path, bytes], None]
    result: InjectResult = field(default_factory=InjectResult)

    def inject(self, page: Path, built: BuiltPage) -> None:
        display = display_path(page, Path.cwd())
        try:
            data = page.read_bytes()
            encoding = page_encoding(data)
            if encoding == "utf-16":
                raise InjectError(
                    "inject-not-html", "is UTF-16; only ASCII-compatible encodings are edited"
                )
            text = data.decode(encoding, "surrogateescape")
            if "<" not in text:
                raise InjectError("inject-not-html", "is not HTML: not touched")
            injection = plan_injection(
                text,
                transcode_snippet(built.snippet, encoding),
                replace_conflicts=self.replace_conflicts,
            )
        except InjectError as error:
            self.result.findings.append(finding(error.code, str(error), display))
            return
        except OSError as error:
            self.result.findings.append(
                finding("inject-write-failed", f"cannot read: {error.strerror}", display)
            )
            return
        for conflict in injection.conflicts:
            action = "removed" if self.replace_conflicts else "use --replace-conflicts to remove it"
            self.result.findings.append(
                finding(
                    "inject-conflict",
                    f"the page already has its own {conflict.reason} ({action})",
                    display,
                    conflict.element.line,
                )
            )
        problems = verify_page(injection.text, built.jsonld)
        if problems:
            self.result.findings.append(
                finding("inject-verify-failed", f"not injected: {'; '.join(problems)}", display)
            )
            return
        new = injection.text.encode(encoding, "surrogateescape")
        if new == data:
            self.result.unchanged.append(display)
        elif self.dry_run:
            self.result.diffs.append(page_diff(text, injection.text, display))
            self.result.changed.append(display)
        else:
            self.write_verified(page, (data, new), encoding, built.jsonld, display)

    def write_verified(
        self, page: Path, contents: tuple[bytes, bytes], encoding: str, jsonld: Any, display: str
    ) -> None:
        """Write, read back, check; restore the old bytes when the check fails."""
        old, new = contents
        try:
            self.write(page, new)
            problems = verify_page(page.read_bytes().decode(encoding, "surrogateescape"), jsonld)
        except OSError as error:
            problems = [f"writing failed: {error.strerror or error}"]
        if problems:
            try:
                if page.read_bytes() != old:
                    self.write(page, old)
            except OSError as error:
                problems.append(f"restoring failed too: {error.strerror or error}")
            self.result.findings.append(
                finding("inject-verify-failed", f"restored: {'; '.join(problems)}", display)
            )
            return
        self.result.changed.append(display)
