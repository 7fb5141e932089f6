"""Stage 5c: take the seo-export block out of a built site's pages again, byte for byte.

Only a block as inject puts it counts: the two marker comments as children of <head>,
as a browser reads the page (:mod:`seo_export.pages.scan`). The marker text anywhere
else (a script, a textarea, a comment in the body) is the page's own and stays. The
block's bytes are cut out of the page's bytes; nothing else is decoded and encoded again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from seo_export.findings.codes import finding
from seo_export.model import AnyPath
from seo_export.pages.block import InjectError, InjectResult, existing_block, page_diff
from seo_export.pages.files import PageFile, PageRefused, page_files, read_page, write_page
from seo_export.pages.inject import decoded_for_edit, splice
from seo_export.pages.scan import ReadError
from seo_export.system import display_path


def eject_html(html: str) -> str:
    """``html`` without the seo-export block (unchanged when it has none)."""
    span = existing_block(html)
    if span is None:
        return html
    start, end = span
    return html[:start] + html[end:]


def eject_site(
    site_dir: AnyPath,
    *,
    dry_run: bool = False,
    write_read_only: bool = False,
    write: Callable[[PageFile, bytes], None] | None = None,
) -> InjectResult:
    """Remove the seo-export block from every page under ``site_dir``, byte for byte.

    A page that is a link is edited through it (once, however many links point at it),
    when the file it points to is inside ``site_dir``; a read-only page is left alone
    unless ``write_read_only``.
    """
    write = write or write_page
    site = Path(site_dir)
    result = InjectResult()
    seen: set[Path] = set()
    for path in page_files([site]):
        display = display_path(path, Path.cwd())
        try:
            page = read_page(path, site)
            if page.path in seen:
                continue
            seen.add(page.path)
            new, text, ejected = _ejected(page.data)
        except (InjectError, PageRefused) as error:
            result.findings.append(finding(error.code, f"not ejected: {error}", display))
            continue
        except OSError as error:
            result.findings.append(
                finding("inject-write-failed", f"not ejected: {error.strerror}", display)
            )
            continue
        if new == page.data:
            result.unchanged.append(display)
            continue
        if page.read_only and not write_read_only:
            result.findings.append(
                finding("inject-read-only", "is read-only; not ejected", display)
            )
            continue
        result.changed.append(display)
        if dry_run:
            result.diffs.append(page_diff(text, ejected, display))
            continue
        try:
            write(page, new)
        except (OSError, PageRefused) as error:
            result.changed.pop()
            code = error.code if isinstance(error, PageRefused) else "inject-write-failed"
            reason = getattr(error, "strerror", None) or str(error)
            result.findings.append(finding(code, f"not ejected: {reason}", display))
    return result


def eject_bytes(data: bytes) -> bytes:
    """``data`` (a page's bytes) without the seo-export block, every other byte kept (pure).
    InjectError for a page whose block is broken or that cannot be read safely."""
    return _ejected(data)[0]


def _ejected(data: bytes) -> tuple[bytes, str, str]:
    """(the page's bytes without the block, its text, its text without the block)."""
    if b"seo-export:start" not in data:  # most pages of a site: no need to parse them
        return data, "", ""
    encoding, text = decoded_for_edit(data)
    try:
        span = existing_block(text)
    except ReadError as error:
        raise InjectError("inject-not-html", f"{error}: not touched") from None
    if span is None:
        return data, text, text
    ejected = text[: span[0]] + text[span[1] :]
    return splice(data, text, encoding, [(span[0], span[1], "")]), text, ejected
