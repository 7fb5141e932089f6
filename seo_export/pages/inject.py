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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
from seo_export.pages.encoding import (
    OffsetError,
    PageEncoding,
    byte_offset,
    decode,
    sniff,
    unreadable,
)
from seo_export.pages.files import PageFile, PageRefused, read_page, write_page
from seo_export.pages.scan import Element, PageMap, ReadError, scan
from seo_export.pages.tags import element_keys, json_ld_types, snippet_keys
from seo_export.pages.verify import verify_page
from seo_export.system import display_path

_SCRIPT_OPEN = '<script type="application/ld+json">'
_CONFLICTING_TYPES = frozenset({"MedicalWebPage", "FAQPage"})


Cut = tuple[int, int, str]
"""(start, end, text): ``text`` replaces the page's ``[start:end]`` (offsets in its text)."""


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
    cuts: tuple[tuple[int, int, str], ...] = ()
    """The edits, in order: (start, end, what replaces ``text[start:end]``) in the old text."""
    page: PageMap | None = None
    """The page as it was read."""


def find_conflicts(page: PageMap, keys: set[str], block: tuple[int, int] | None) -> list[Conflict]:
    """Head's child elements outside ``block`` that set one of ``keys``, or JSON-LD with a
    MedicalWebPage or FAQPage (a <title> in the body's SVG is no conflict: it is not in
    <head> as a browser reads the page)."""
    conflicts = []
    for element in page.elements:
        if block is not None and block[0] <= element.start < block[1]:
            continue
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
    try:
        page = scan(text)
    except ReadError as error:
        raise InjectError("inject-not-html", f"{error}: not touched") from None
    previous = existing_block(text, page)
    conflicts = find_conflicts(page, snippet_keys(snippet), previous)
    cuts: list[tuple[int, int, str]] = []
    if previous is not None:
        cuts.append((previous[0], previous[1], block))
    else:
        anchor = page.anchor
        if anchor is None:
            raise InjectError(
                "inject-no-head",
                "has no <head> start tag, or nothing ends its head before the page ends "
                "(a <title>, <script>, comment or tag never closed): not touched",
            )
        line_start = text.rfind("\n", 0, anchor) + 1
        if text[line_start:anchor].strip() == "":
            anchor = line_start  # on lines of its own, before the indented </head>
        cuts.append((anchor, anchor, block))
    if replace_conflicts:
        cuts += [(*_line_span(text, c.element.start, c.element.end), "") for c in conflicts]
    cuts.sort(key=lambda cut: cut[0])
    result = text
    for start, end, insert in reversed(cuts):
        result = result[:start] + insert + result[end:]
    return Injection(result, tuple(conflicts), previous is not None, tuple(cuts), page)


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
    write_read_only: bool = False,
    write: Callable[[PageFile, bytes], None] | None = None,
) -> InjectResult:
    """Inject every built article's snippet into its page under ``site_dir``.

    A read-only page is left alone (with a finding) unless ``write_read_only``; ``write``
    replaces a page's bytes (by default :func:`~seo_export.pages.files.write_page`, which
    keeps owner, group and mode and leaves a page that changed meanwhile alone).
    """
    site_dir = Path(site_dir)
    run = _InjectRun(
        _Writer(write or write_page, dry_run, write_read_only), replace_conflicts, site_dir
    )
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
class _Writer:
    """How pages are written: the function, and what the run was told."""

    write: Callable[[PageFile, bytes], None]
    dry_run: bool
    write_read_only: bool


@dataclass
class _InjectRun:
    writer: _Writer
    replace_conflicts: bool
    site_dir: Path
    result: InjectResult = field(default_factory=InjectResult)

    def inject(self, path: Path, built: BuiltPage) -> None:
        display = display_path(path, Path.cwd())
        try:
            page = read_page(path, self.site_dir)
            encoding, text, injection, new = plan_page(
                page.data, built.snippet, replace_conflicts=self.replace_conflicts
            )
        except (InjectError, PageRefused) as error:
            self.result.findings.append(finding(error.code, str(error), display))
            return
        except OSError as error:
            self.result.findings.append(
                finding("inject-write-failed", f"cannot read: {error.strerror}", display)
            )
            return
        self._conflicts(injection, display)
        problems = verify_page(decode(new, encoding), built.jsonld, original=injection)
        if problems:
            self.result.findings.append(
                finding("inject-verify-failed", f"not injected: {'; '.join(problems)}", display)
            )
            return
        if new == page.data:
            self.result.unchanged.append(display)
        elif self.writer.dry_run:
            self.result.diffs.append(page_diff(text, injection.text, display))
            self.result.changed.append(display)
        else:
            self.write_verified(page, new, (encoding, built.jsonld, injection), display)

    def _conflicts(self, injection: Injection, display: str) -> None:
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

    def write_verified(
        self,
        page: PageFile,
        new: bytes,
        expected: tuple[PageEncoding, Any, Injection],
        display: str,
    ) -> None:
        """Write, read back, check; restore the old bytes when the check fails."""
        encoding, jsonld, injection = expected
        if page.read_only and not self.writer.write_read_only:
            self.result.findings.append(
                finding("inject-read-only", "is read-only; not touched", display)
            )
            return
        try:
            self.writer.write(page, new)
            written = read_page(page.path)
            problems = (
                # The same reader again, on what the disk holds; extruct has read these
                # very bytes before they were written.
                verify_page(decode(new, encoding), jsonld, original=injection, extruct=False)
                if written.data == new
                else ["the page read back is not what was written"]
            )
        except PageRefused as refused:
            self.result.findings.append(finding(refused.code, str(refused), display))
            return
        except OSError as error:
            problems = [f"writing failed: {error.strerror or error}"]
            written = None
        if problems:
            self.result.findings.append(
                finding(
                    "inject-verify-failed",
                    f"{_restore(self.writer, page, written)}: {'; '.join(problems)}",
                    display,
                )
            )
            return
        self.result.changed.append(display)


def _restore(writer: _Writer, page: PageFile, written: PageFile | None) -> str:
    """Put the page's old bytes back after a failed write; how that went, for the finding."""
    try:
        current = written if written is not None else read_page(page.path)
        if current.data != page.data:
            writer.write(current, page.data)
    except (OSError, PageRefused) as error:
        return f"restoring failed too ({getattr(error, 'strerror', None) or error})"
    return "restored"


def plan_page(
    data: bytes, snippet: str, *, replace_conflicts: bool = False
) -> tuple[PageEncoding, str, Injection, bytes]:
    """A page's bytes with the snippet's block in place: (its encoding, its text, the
    injection into that text, the new bytes). InjectError when the page cannot take it."""
    encoding, text = decoded_for_edit(data)
    if "<" not in text:
        raise InjectError("inject-not-html", "is not HTML: not touched")
    injection = plan_injection(
        text,
        transcode_snippet(snippet, encoding.block_codec),
        replace_conflicts=replace_conflicts,
    )
    return encoding, text, injection, splice(data, text, encoding, injection.cuts)


def inject_bytes(data: bytes, snippet: str, *, replace_conflicts: bool = False) -> bytes:
    """``data`` (a page's bytes) with ``snippet``'s block in place, in the page's encoding, every
    other byte kept (pure; nothing is checked or written). InjectError when it cannot be."""
    return plan_page(data, snippet, replace_conflicts=replace_conflicts)[3]


def decoded_for_edit(data: bytes) -> tuple[PageEncoding, str]:
    """The page's encoding and text, or InjectError when seo-export does not edit it (an
    encoding it does not edit, bytes that are not of the encoding in a way that cannot be
    kept: a 7-bit sequence ISO-2022-JP does not have)."""
    encoding = page_encoding_for_edit(data)
    try:
        return encoding, decode(data, encoding)
    except UnicodeDecodeError as error:
        raise InjectError(
            "inject-not-html", f"is not valid {encoding.name} ({error.reason}): not touched"
        ) from None


def page_encoding_for_edit(data: bytes) -> PageEncoding:
    """The page's encoding, or InjectError when seo-export does not edit pages in it."""
    encoding = sniff(data)
    problem = unreadable(encoding)
    if problem is not None:
        raise InjectError("page-charset-unknown", f"{problem}: not touched")
    if not encoding.editable:
        raise InjectError(
            "inject-not-html",
            f"is {encoding.name}; only ASCII-compatible encodings are edited: not touched",
        )
    return encoding


def splice(data: bytes, text: str, encoding: PageEncoding, cuts: Iterable[Cut]) -> bytes:
    """``data`` with each cut of its text made in its bytes: every byte outside the cuts is
    the page's own, never decoded and encoded again. InjectError when a cut has no clean
    place in the bytes."""
    pieces = []
    position = 0
    try:
        for start, end, insert in cuts:
            begin = byte_offset(data, text, encoding, start)
            stop = begin if end == start else byte_offset(data, text, encoding, end)
            pieces += [data[position:begin], insert.encode(encoding.block_codec)]
            position = stop
    except (OffsetError, UnicodeError) as error:
        raise InjectError("inject-not-html", f"{error}: not touched") from None
    pieces.append(data[position:])
    return b"".join(pieces)
