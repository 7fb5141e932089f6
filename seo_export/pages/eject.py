"""Stage 5c: take the seo-export block out of a built site's pages again, byte for byte."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from seo_export.build.files import replace_file
from seo_export.findings.codes import finding
from seo_export.model import AnyPath
from seo_export.pages.block import InjectError, InjectResult, existing_block, page_diff
from seo_export.pages.files import page_encoding, page_files
from seo_export.system import display_path


def eject_html(html: str) -> str:
    """``html`` without the seo-export block (unchanged when it has none)."""
    span = existing_block(html)
    if span is None:
        return html
    start, end = span
    return html[:start] + html[end:]


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
            result.diffs.append(page_diff(text, ejected, display))
            continue
        try:
            write(page, ejected.encode(encoding, "surrogateescape"))
        except OSError as error:
            result.changed.pop()
            result.findings.append(
                finding("inject-write-failed", f"not ejected: {error.strerror}", display)
            )
    return result
