"""Step 3 of a build: the site-wide files closed, out/ tidied and committed, the stamp left.

- :func:`close_outputs` (while the outputs are open): the sitemaps closed, the
  previous build's outputs that are stale marked for removal, the manifest's
  closing lines written -> the sitemap file names.
- :func:`commit_build`: a manifest or bundle identical to out/'s dropped, the
  robots line, the transaction committed (out/ changes here and only here),
  the stat cache written with the stamp the next build's shortcuts read
  -> :class:`~seo_export.model.BuildResult`.
"""

from __future__ import annotations

import fnmatch

from seo_export.build.article import sitemap_base
from seo_export.build.bundle import BUNDLE_NAME
from seo_export.build.manifest import MANIFEST_NAME, footer, read_footer
from seo_export.build.plan import Discovery
from seo_export.build.run import Outputs, RunTotals
from seo_export.build.site_index import INDEX_NAME
from seo_export.build.staging import rebuild_marker
from seo_export.build.statcache import SITEMAP_FILES, make_stamp
from seo_export.config.settings import Settings
from seo_export.model import BuildResult
from seo_export.outputs.sitemap import robots_line
from seo_export.system import display_path

ROBOTS_NAME = "robots-sitemap.txt"
"""The line for robots.txt that points at the sitemaps (for the site to copy in)."""


def close_outputs(settings: Settings, totals: RunTotals, outputs: Outputs) -> list[str]:
    """Close the sitemaps, remove what the previous build wrote and this one does not, and end
    the manifest. Returns the sitemap files' names (in out/), changed or not."""
    out_dir, transaction = settings.out_dir, outputs.transaction
    previous = read_footer(out_dir / MANIFEST_NAME)
    if settings.output != "bundle" and previous.get("output") == "bundle":
        transaction.remove(BUNDLE_NAME)  # the last build wrote it; this one writes files
    if outputs.index is not None:
        outputs.index.close()
    elif previous.get("index") == INDEX_NAME:
        transaction.remove(INDEX_NAME)  # the last build wrote it; this one writes a bundle
    outputs.sitemaps.close()
    sitemap_names = outputs.sitemap_files.names
    # Only the sitemaps the last build's manifest says it wrote: out/ may be the site's
    # own folder, with sitemaps of its own (sitemap-news.xml, sitemap.xml.bak, ...).
    for stale in sorted(set(_names(previous.get("sitemaps"))) - set(sitemap_names)):
        transaction.remove(stale)
    for path in totals.stale:
        transaction.remove(path)
    outputs.manifest.write(
        footer(
            sitemap_names,
            totals.site_findings,
            totals.articles > 0,
            output=settings.output,
            index=INDEX_NAME if outputs.index is not None else None,
        )
    )
    return sitemap_names


def _names(listed: object) -> list[str]:
    """The names in a manifest's ``sitemaps`` that are a sitemap's (``sitemap*.xml*`` at the
    top of out/): a hand-edited manifest cannot have any other file removed."""
    if not isinstance(listed, list):
        return []
    return [
        name
        for name in listed
        if isinstance(name, str) and "/" not in name and fnmatch.fnmatchcase(name, SITEMAP_FILES)
    ]


def commit_build(
    settings: Settings,
    discovery: Discovery,
    totals: RunTotals,
    sitemap_names: list[str],
    outputs: Outputs,
    *,
    keep_info: bool,
) -> BuildResult:
    """Commit the outputs' transaction into out/, then the stat cache with its stamp (the
    outputs are closed); the build's result."""
    out_dir, transaction = settings.out_dir, outputs.transaction
    bundled = settings.output == "bundle"
    for site_file in (MANIFEST_NAME, *([] if bundled else [INDEX_NAME])):
        if transaction.unchanged(site_file):
            transaction.unstage(site_file)
    if bundled and not totals.bundle_changed:
        # Line for line the previous bundle (known without comparing 100s of MB again).
        transaction.unstage(BUNDLE_NAME)
    robots = robots_line(sitemap_base(settings))
    transaction.write_if_changed(ROBOTS_NAME, (robots + "\n").encode("utf-8"))
    written, written_count, removed = transaction.commit()
    if transaction.rebuild_all:
        rebuild_marker(out_dir).unlink(missing_ok=True)  # the whole build is in
    site_files = [
        MANIFEST_NAME,
        *sitemap_names,
        ROBOTS_NAME,
        *([BUNDLE_NAME] if bundled else [INDEX_NAME]),
    ]
    outputs.stat_cache.commit(
        make_stamp(
            discovery.stamp_key,
            out_dir,
            site_files,
            unchanged=totals.built + totals.unchanged,
            skipped=totals.skipped,
            counts=totals.counts,
            findings=totals.findings,
            kept_info=keep_info,
            robots_line=robots,
        )
    )
    return BuildResult(
        out_dir=display_path(out_dir, settings.root),
        built=totals.built,
        unchanged=totals.unchanged,
        skipped=totals.skipped,
        findings=totals.findings,
        files_written=tuple(written),
        files_removed=tuple(removed),
        robots_line=robots,
        counts=dict(totals.counts),
        files_written_count=written_count,
        files_removed_count=len(transaction.removed),
    )
