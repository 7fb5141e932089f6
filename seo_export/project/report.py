"""``seo-export report``: out/report.html, one self-contained page about a whole build.

This module reads out/ as a build left it (the manifest, and each article's
meta.json and schema.jsonld or its line of the bundle), streamed and under the
readers' lock, and ranks the articles by their most serious finding;
:mod:`seo_export.project.report_page` writes the page. It has no timestamp: the
same build gives the same bytes.
"""

from __future__ import annotations

import heapq
import os
import secrets
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

from seo_export.build.files import clear_leftovers
from seo_export.build.manifest import (
    MANIFEST_NAME,
    parse_entry,
    read_article_file,
    read_footer,
    read_manifest,
)
from seo_export.config.settings import Settings
from seo_export.errors import SeoExportError
from seo_export.model import AnyPath
from seo_export.project.report_page import RANK, Summary, worst, write_page

REPORT_NAME = "report.html"
DEFAULT_MAX_ARTICLES = 2000


class NoBuildToReportError(SeoExportError):
    """out/ has no manifest.json: there is no build to report on."""


def write_report(
    settings: Settings, *, max_articles: int = DEFAULT_MAX_ARTICLES, path: AnyPath | None = None
) -> Path:
    """Write the report of the build in ``settings.out_dir``; return where it is.

    out/ is read under a shared lock (a build started meanwhile is refused; other
    readers are not), so the manifest and the files (or bundle) read are of one build.
    A ``path`` that would overwrite an article or a file the build owns is refused
    (:class:`~seo_export.errors.OutputTargetError`).
    """
    from seo_export.build.emit import reading_lock

    target = Path(path) if path is not None else None
    refuse_report_path(settings, target)
    with reading_lock(settings.out_dir):
        return _write_report(settings, max_articles, target)


def refuse_report_path(settings: Settings, path: Path | None) -> None:
    """OutputTargetError when the report at ``path`` would overwrite an article or a
    file the build owns (the default, out/report.html, is fine)."""
    from seo_export.build.files import refuse_own_files

    if path is not None:
        refuse_own_files(
            path,
            content_dir=settings.content_dir,
            out_dir=settings.out_dir,
            default=settings.out_dir / REPORT_NAME,
        )


def _write_report(settings: Settings, max_articles: int, path: Path | None) -> Path:
    out_dir = settings.out_dir
    header, entries = read_manifest(out_dir / MANIFEST_NAME, strict=True)
    if header is None:
        raise NoBuildToReportError(f"{out_dir} has no manifest.json: run seo-export build first")
    summary = Summary()

    def ranked() -> Iterator[tuple[int, int, str]]:
        """(severity rank, position, line) per article, counting each into the summary."""
        for position, (_, line) in enumerate(entries):
            entry = parse_entry(line)
            summary.add(entry)
            yield RANK[worst(entry.get("findings", []))], position, line

    # Only the lines listed in detail are kept: a large site's manifest is hundreds of MB.
    shown = heapq.nsmallest(max_articles, ranked())
    closing = read_footer(out_dir / MANIFEST_NAME)
    summary.add_site(closing.get("site_findings", []))
    bundled = None
    if closing.get("output") == "bundle":
        sources = {str(parse_entry(line).get("source")) for _, _, line in shown}
        bundled = _bundle_lines(out_dir, sources)
    target = path or out_dir / REPORT_NAME
    # A name of its own: readers share out/, so two reports may be written at once.
    clear_leftovers(target)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as page:
            details = (
                (entry, _outputs(out_dir, entry, bundled))
                for entry in (parse_entry(line) for _, _, line in shown)
            )
            write_page(page, settings, summary, details, shown=len(shown), total=summary.articles)
        os.replace(temporary, target)  # readers see the old report or the new one
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _read_json(out_dir: Path, entry: Mapping[str, Any], suffix: str) -> Any:
    try:
        return orjson.loads(read_article_file(out_dir, entry, suffix))
    except (OSError, ValueError):
        return None


def _outputs(
    out_dir: Path, entry: Mapping[str, Any], bundled: dict[str, bytes] | None
) -> tuple[Any, Any]:
    """(meta.json's data, the JSON-LD) of an article: from its files, or from its line of
    the bundle a build with ``output = "bundle"`` wrote."""
    if bundled is not None:
        line = bundled.get(str(entry.get("source")))
        if line is None:
            return None, None
        try:
            data = orjson.loads(line)
        except orjson.JSONDecodeError:
            return None, None
        return data, data.get("jsonld")
    return _read_json(out_dir, entry, "/meta.json"), _read_json(out_dir, entry, "/schema.jsonld")


def _bundle_lines(out_dir: Path, sources: set[str]) -> dict[str, bytes]:
    """The bundle's lines of ``sources`` (the articles a report shows), read in one pass."""
    from seo_export.build.bundle import BUFFER, BUNDLE_NAME, line_source

    found: dict[str, bytes] = {}
    try:
        with open(out_dir / BUNDLE_NAME, "rb", buffering=BUFFER) as bundle:
            for line in bundle:
                source = line_source(line)
                if source in sources:
                    found[source] = line
    except OSError:
        pass  # what was found is shown; the rest shows no previews
    return found
