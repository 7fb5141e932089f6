"""Stage 5b: put each article's head snippet into its page of a built site, and take it out again.

The snippet goes between ``<!-- seo-export:start -->`` and
``<!-- seo-export:end -->``, before ``</head>`` (or, where a page leaves out
``</head>``, before ``<body>``). A second run replaces that block; ``eject``
removes it. Pages are edited as text in their own encoding, decoded so that
every byte round-trips, and only at offsets the tokenizer found: every byte
outside the block stays as it was. Before a page is written the result is
checked, and after it is written it is read back and checked again; a page
that fails is restored to its previous bytes and reported.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seo_export.build.files import replace_file
from seo_export.build.manifest import (
    MANIFEST_NAME,
    article_file,
    read_article_file,
    read_footer,
    read_manifest,
)
from seo_export.checks.nodes import collect_nodes, types_of
from seo_export.config.settings import Settings
from seo_export.errors import SeoExportError
from seo_export.findings.codes import finding
from seo_export.model import AnyPath, Finding
from seo_export.pages.check import page_encoding, page_files
from seo_export.pages.scan import Element, PageMap, scan
from seo_export.system import display_path

START = "<!-- seo-export:start -->"
END = "<!-- seo-export:end -->"
_SCRIPT_OPEN = '<script type="application/ld+json">'
_CONFLICTING_TYPES = frozenset({"MedicalWebPage", "FAQPage"})


class NoBuildError(SeoExportError):
    """There is no build to inject: out/manifest.json is missing."""


class InjectError(ValueError):
    """A page cannot take the snippet; the message says why, for a finding."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


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


def snippet_keys(snippet: str) -> set[str]:
    """What the snippet sets: title, description, canonical, robots, og:*, twitter:*."""
    keys = set()
    for element in scan(snippet).elements:
        keys.update(_element_keys(element))
    return keys


def _element_keys(element: Element) -> set[str]:
    attrs = element.attrs
    if element.tag == "title":
        return {"<title>"}
    if element.tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
        return {"canonical"}
    if element.tag == "meta":
        name = (attrs.get("property") or attrs.get("name") or "").strip().lower()
        if name in ("description", "robots") or name.startswith(("og:", "twitter:", "article:")):
            return {name}
    return set()


def find_conflicts(page: PageMap, keys: set[str], block: tuple[int, int] | None) -> list[Conflict]:
    """Head elements outside ``block`` that set one of ``keys``, or JSON-LD with a
    MedicalWebPage or FAQPage."""
    conflicts = []
    for element in page.elements:
        if block is not None and block[0] <= element.start < block[1]:
            continue
        if page.head_end is not None and element.start > page.head_end:
            continue  # the body's own <title> in an SVG, a JSON-LD block in the body, ...
        clash = sorted(_element_keys(element) & keys)
        if clash:
            conflicts.append(Conflict(element, clash[0]))
        elif (
            element.tag == "script"
            and element.attrs.get("type", "").strip().lower() == "application/ld+json"
        ):
            found = _json_ld_types(element.text) & _CONFLICTING_TYPES
            if found:
                conflicts.append(Conflict(element, f"JSON-LD {'/'.join(sorted(found))}"))
    return conflicts


def _json_ld_types(text: str) -> set[str]:
    try:
        document = json.loads(text)
    except ValueError:
        return set()
    return {t for node in collect_nodes(document) for t in types_of(node)}


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


def eject_html(html: str) -> str:
    """``html`` without the seo-export block (unchanged when it has none)."""
    span = existing_block(html)
    if span is None:
        return html
    start, end = span
    return html[:start] + html[end:]


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


def verify_page(text: str, jsonld: Any) -> list[str]:
    """Problems with an injected page: our JSON-LD must read back strictly and through extruct,
    and the head must hold exactly one canonical, title and description."""
    problems = []
    try:
        span = existing_block(text)
    except InjectError as error:
        return [str(error)]
    if span is None:
        return ["the seo-export block is missing"]
    page = scan(text)
    ours = [e for e in page.elements if e.tag == "script" and span[0] <= e.start < span[1]]
    if len(ours) != 1:
        problems.append(f"{len(ours)} JSON-LD scripts in the block")
    else:
        try:
            if json.loads(ours[0].text) != jsonld:
                problems.append("the JSON-LD read back differs from the built one")
        except ValueError as error:
            problems.append(f"the JSON-LD read back is not valid JSON: {error}")
    head = [e for e in page.elements if page.head_end is None or e.start < page.head_end]
    for key, what in (
        ("<title>", "<title>"),
        ("description", "meta description"),
        ("canonical", "canonical link"),
    ):
        count = sum(1 for e in head if key in _element_keys(e))
        if count != 1:
            problems.append(f"{count} {what} elements")
    if not problems and not _extruct_sees(text, jsonld):
        problems.append("extruct does not read the built JSON-LD from the page")
    return problems


def _extruct_sees(text: str, jsonld: Any) -> bool:
    import extruct

    try:
        found = extruct.extract(text, syntaxes=["json-ld"], errors="ignore").get("json-ld", [])
    except Exception:  # a parser failure means it does not see it
        return False
    return jsonld in found


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


@dataclass(frozen=True, slots=True)
class BuiltPage:
    """An article's built output, as inject needs it."""

    url: str
    """Its canonical URL."""
    snippet: str
    """head.html."""
    jsonld: Any
    """schema.jsonld, parsed."""


def built_pages(out_dir: Path) -> list[BuiltPage]:
    """The built articles of ``out_dir``, from its manifest (read under a shared lock: a
    build started meanwhile is refused)."""
    from seo_export.build.emit import reading_lock

    with reading_lock(out_dir):
        return _built_pages(out_dir)


def _built_pages(out_dir: Path) -> list[BuiltPage]:
    header, entries = read_manifest(out_dir / MANIFEST_NAME, strict=True)
    if header is None:
        raise NoBuildError(f"{out_dir} has no manifest.json: run seo-export build first")
    if read_footer(out_dir / MANIFEST_NAME).get("output") == "bundle":
        from seo_export.build.bundle import BUNDLE_NAME, written_entries

        return [
            BuiltPage(url=item.url, snippet=item.head_html, jsonld=item.jsonld)
            for item in written_entries(out_dir / BUNDLE_NAME)
        ]
    pages = []
    for entry, _ in entries:
        head = article_file(entry, "/head.html")
        schema = article_file(entry, "/schema.jsonld")
        if not entry.get("built") or head is None or schema is None:
            continue
        pages.append(
            BuiltPage(
                url=str(entry["url"]),
                snippet=read_article_file(out_dir, entry, "/head.html").decode("utf-8"),
                jsonld=json.loads(read_article_file(out_dir, entry, "/schema.jsonld")),
            )
        )
    return pages


def page_for_url(url: str, site_dir: Path, patterns: Iterable[str]) -> Path | None:
    """The page file of ``url`` in the built site by the ``page_paths`` patterns, if any."""
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(url).path).lstrip("/")
    root = site_dir.resolve()
    for pattern in patterns:
        relative = pattern.replace("{path_no_slash}", path.rstrip("/")).replace("{path}", path)
        candidate = (site_dir / relative).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    return None


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
            self.result.diffs.append(_diff(text, injection.text, display))
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


def eject_site(
    site_dir: AnyPath, *, dry_run: bool = False, write: Callable[[Path, bytes], None] | None = None
) -> InjectResult:
    """Remove the seo-export block from every page under ``site_dir``, byte for byte."""
    write = write or replace_file
    result = InjectResult()
    for page in page_files([Path(site_dir)]):
        display = display_path(page, Path.cwd())
        try:
            data = page.read_bytes()
            encoding = page_encoding(data)
            text = data.decode(encoding, "surrogateescape")
            ejected = eject_html(text)
        except InjectError as error:  # a block without its end marker: the page's own code
            result.findings.append(finding(error.code, f"not ejected: {error}", display))
            continue
        except OSError as error:
            result.findings.append(finding("inject-write-failed", f"not ejected: {error}", display))
            continue
        if ejected == text:
            result.unchanged.append(display)
            continue
        result.changed.append(display)
        if dry_run:
            result.diffs.append(_diff(text, ejected, display))
            continue
        try:
            write(page, ejected.encode(encoding, "surrogateescape"))
        except OSError as error:
            result.changed.pop()
            result.findings.append(
                finding("inject-write-failed", f"not ejected: {error.strerror}", display)
            )
    return result


def _diff(old: str, new: str, name: str) -> str:
    relative = name.lstrip("/")  # an absolute page path: a/tmp/x, as git writes it, not a//tmp/x
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{relative}",
            f"b/{relative}",
        )
    )
