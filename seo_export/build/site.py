"""``build_site``: every article of a content folder into out/, in parallel, incrementally.

The pipeline per article (:func:`seo_export.build.article.build_text`) runs in worker
processes, which also write the article's three files into the staging
folder, so that both cores share the parsing and the file system's per-file
cost (with ``output = "bundle"`` they send back the article's line of
out/articles.ndjson instead). Results come back in source order, and the main
process streams the manifest, the sitemaps and the bundle from them: the
output is byte-identical to a one-process build, and memory does not grow
with the corpus beyond one short record per slug.

What is up to date is not rebuilt: the previous manifest says which content
hash each source was built from, and a stat cache beside out/ (size, times
and inode per source) saves even reading a file that has not been touched.
Its stamp lets a build with nothing to do stop there, and one with a few
edited articles patch them in (:mod:`seo_export.build.patch`).

A build, step by step (the data each step hands on in brackets):

1. :mod:`~seo_export.build.plan`: discover the sources (``Discovery``) and,
   under the output lock, read the last build's stamp (``StampedBuild``). With
   nothing changed the stamp's result is the result (no-op); with a few
   articles changed they are patched in. Else plan the build (``BuildPlan``):
   which sources the stat cache vouches for, which to build.
2. :mod:`~seo_export.build.parallel` builds what the plan says (``Outcome``
   per source, in order), and :mod:`~seo_export.build.run` streams each into
   the manifest, bundle, stat cache, site checks and sitemaps (``Outputs``),
   claiming slugs as it goes (``RunTotals``).
3. :mod:`~seo_export.build.finish` closes the sitemaps and the manifest, marks
   stale outputs for removal, commits out/, and writes the stat cache with the
   stamp (``BuildResult``).
"""

from __future__ import annotations

import contextlib
import gc
import os

from seo_export.build.article import ProgressCallback
from seo_export.build.emit import OutputTransaction, OutputWriteError, output_lock
from seo_export.build.manifest import MANIFEST_NAME
from seo_export.build.patch import patch_build, result_from_stamp
from seo_export.build.plan import Discovery, changed_since, discover_project, plan_build, read_stamp
from seo_export.build.staging import JOURNAL, WRITTEN_LIST
from seo_export.build.statcache import StampedBuild, cache_path
from seo_export.build.work import relax_garbage_collector
from seo_export.config.settings import Settings
from seo_export.errors import OutputTargetError
from seo_export.model import BuildResult, Finding
from seo_export.read.discover import SourceList
from seo_export.system import default_jobs

__all__ = ["FINDINGS_KEPT", "ProgressCallback", "build_site"]

FINDINGS_KEPT = 10_000
"""Warnings (and info findings) a build result holds at most, per severity; it counts the rest,
and the manifest has them all."""


def build_site(
    settings: Settings,
    *,
    force: bool = False,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
    keep_info: bool = True,
) -> BuildResult:
    """Build every article under ``settings.content_dir`` into ``settings.out_dir``.

    Only articles whose source, the settings or the seo-export version changed
    are rebuilt (all of them with ``force``); output of deleted articles is
    removed. Nothing in out/ changes unless the whole build finishes. ``jobs``
    processes share the work (default: the ``jobs`` setting, 0 meaning one per
    core); the output is the same for any number. ``keep_info`` false leaves
    info findings out of the result (they are counted, and kept in the
    manifest), which keeps memory small for very large sites.
    """
    thresholds = gc.get_threshold()
    relax_garbage_collector()
    try:
        return _build_site(settings, force, jobs, progress, keep_info)
    except OSError as error:
        # A full disk, an I/O error, a folder that went away: out/ is as it was (the
        # transaction discarded what it staged); say which file, in one line.
        where = error.filename or settings.out_dir
        raise OutputWriteError(f"cannot write {where}: {error.strerror or error}") from error
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _build_site(
    settings: Settings,
    force: bool,
    jobs: int | None,
    progress: ProgressCallback | None,
    keep_info: bool,
) -> BuildResult:
    discovery = discover_project(settings)
    workers = (jobs if jobs is not None else settings.jobs) or default_jobs()
    with output_lock(settings.out_dir):
        _refuse_a_folder_of_others(settings)
        stamped = read_stamp(settings, discovery, force=force)
        if stamped is not None and (stamped.result["kept_info"] or not keep_info):
            shortcut = _shortcut(settings, discovery.sources, stamped, keep_info)
            if shortcut is not None:
                if progress is not None:
                    progress(len(discovery.sources), len(discovery.sources))
                return shortcut
        return _build_changes(
            settings,
            discovery,
            force=force,
            workers=workers,
            progress=progress,
            keep_info=keep_info,
            changed_since_stamp=changed_since(stamped),
        )


def _refuse_a_folder_of_others(settings: Settings) -> None:
    """OutputTargetError when out/ holds files but no manifest: a folder seo-export never built
    (a site's public/ named by mistake), unless the settings say plainly that it is shared.
    The build would only ever remove its own files there, but a folder of others is far more
    often a wrong out_dir than a choice."""
    out = settings.out_dir
    if settings.shared_out_dir or not out.is_dir():
        return
    if any((out / name).exists() for name in (MANIFEST_NAME, JOURNAL, WRITTEN_LIST)):
        return  # built before, or a build stopped while moving its files in
    if cache_path(out).exists():
        return  # built before, and its manifest since removed (to force a rebuild)
    with os.scandir(out) as entries:
        foreign = next(entries, None) is not None
    if foreign:
        raise OutputTargetError(
            f"out_dir {out} holds files that seo-export did not write; build into a folder of "
            "its own, or set shared_out_dir = true to build beside them"
        )


def _shortcut(
    settings: Settings, sources: SourceList, stamped: StampedBuild, keep_info: bool
) -> BuildResult | None:
    """The no-op (nothing changed since the stamp: its result stands) or the patch (a few
    articles changed), or None when the patch cannot stand for the whole build."""
    if stamped.changed:
        return patch_build(
            settings, sources, stamped, keep_info=keep_info, findings_kept=FINDINGS_KEPT
        )
    previous = stamped.result
    return result_from_stamp(
        settings,
        previous,
        findings=map(Finding.from_json, previous["findings"]),
        counts=previous["counts"],
        keep_info=keep_info,
    )


def _build_changes(
    settings: Settings,
    discovery: Discovery,
    *,
    force: bool,
    workers: int,
    progress: ProgressCallback | None,
    keep_info: bool,
    changed_since_stamp: frozenset[int] | None,
) -> BuildResult:
    """Build what changed, looking at every source: plan, run, finish.

    ``changed_since_stamp``: when the last build's stamp holds (see
    :func:`~seo_export.build.plan.changed_since`), the sources whose stat keys
    changed since; the others are up to date.
    """
    # Only this way of building needs them (and multiprocessing): a no-op or a patch
    # does not pay for importing them.
    from seo_export.build.finish import close_outputs, commit_build
    from seo_export.build.parallel import build_outcomes
    from seo_export.build.run import open_outputs, run_articles

    with OutputTransaction(settings.out_dir) as transaction:
        if transaction.rebuild_all:
            force, changed_since_stamp = True, None  # the last run stopped while undoing
        sources = discovery.sources
        plan = plan_build(settings, sources, force=force, changed_since_stamp=changed_since_stamp)
        # Closed on the way out whatever happens (an interrupt, a full disk): that ends the
        # worker processes now, not when the generator is collected.
        outcomes = contextlib.closing(
            build_outcomes(plan, sources, settings, transaction.staging, workers)
        )
        with outcomes as outcome_stream, open_outputs(settings, transaction) as outputs:
            totals = run_articles(
                settings,
                discovery,
                plan,
                outcome_stream,
                outputs,
                keep_info=keep_info,
                findings_kept=FINDINGS_KEPT,
                progress=progress,
            )
            sitemap_names = close_outputs(settings, totals, outputs)
        return commit_build(
            settings,
            discovery,
            totals,
            sitemap_names,
            outputs,
            keep_info=keep_info,
        )
