"""One source built in a worker process (or the main one): the unit a build hands out.

A :class:`Task` names a source; :func:`build_source` reads, hashes and (unless
its content is the one the previous build had) builds it, writing its files
into the staging folder, and returns an :class:`Outcome` small enough to send
back to the main process.
"""

from __future__ import annotations

import dataclasses
import gc
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seo_export.build.article import build_text, record_of
from seo_export.build.bundle import bundle_line_of
from seo_export.build.manifest import entry_line
from seo_export.build.staging import stage_files
from seo_export.build.statcache import StatKey, stat_key
from seo_export.config.settings import Settings
from seo_export.model import ArticleRecord, ArticleResult, Finding, SitemapEntry
from seo_export.read.discover import read_source, source_named


@dataclass(frozen=True, slots=True)
class Task:
    name: str
    """The source's name (its path in the content folder)."""
    known_hash: str | None
    """The hash the previous build had for it, when it may be reused."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker sends back for one source."""

    name: str
    content_hash: str
    stat: StatKey | None
    record: ArticleRecord | None
    """None when the previous build's output is still right; else without its entities."""
    written: tuple[str, ...] = ()
    """Files the worker wrote into the staging folder."""
    line: str | None = None
    """The record's manifest JSON, entities included (made in the worker, off the main process)."""
    bundle: bytes | None = None
    """With ``output = "bundle"``, a built article's line of out/articles.ndjson (UTF-8 bytes,
    newline-ended: bytes cross between processes without being encoded again)."""


_settings: Settings | None = None
_staging: Path | None = None


def init_worker(settings: Settings, staging: str) -> None:
    global _settings, _staging  # noqa: PLW0603 - one pool worker, one set of settings
    # Ctrl-C reaches the whole process group: the main process stops the build and ends
    # the workers; a worker that raised KeyboardInterrupt itself would print a traceback.
    # SIGTERM (from pool.terminate()) ends a worker at once, whatever handler the main
    # process had when it forked.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _settings = settings
    _staging = Path(staging)
    relax_garbage_collector()
    send_outcomes_by_fields()


def send_outcomes_by_fields() -> None:
    """Pickle an outcome's dataclasses as their class and field values (in this process).

    A frozen slotted dataclass pickles through ``dataclasses``' own ``__getstate__`` and
    ``__setstate__``, which look its fields up for every object: for an outcome (its
    record, sitemap entry and a handful of findings) that cost about 27 us to send and 37 us
    to take in, the main process's share. As ``(class, values)`` the class's own
    ``__init__`` makes the object again, with the same values.
    """
    from multiprocessing.reduction import ForkingPickler

    for cls in (Outcome, ArticleRecord, SitemapEntry, Finding):
        ForkingPickler.register(cls, _by_fields(cls))


def _by_fields(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    fields = dataclasses.fields(cls)
    assert all(field.init for field in fields), f"{cls.__name__} has a field __init__ does not take"
    names = tuple(field.name for field in fields)

    def reduce(value: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple([getattr(value, name) for name in names])

    return reduce


def relax_garbage_collector() -> None:
    """Fewer cyclic collections: a build's objects die by reference counting, one article at a
    time, so frequent collections only re-scan the long-lived objects (about 8% of a build)."""
    gc.freeze()
    gc.set_threshold(50_000, 50, 50)


def work_in_pool(task: Task) -> Outcome:
    assert _settings is not None and _staging is not None
    return build_source(task, _settings, _staging)


def build_source(task: Task, settings: Settings, staging: Path) -> Outcome:
    """Read, hash and (unless unchanged) build one source, writing its files into ``staging``."""
    source = source_named(task.name, settings.content_dir, settings.root)
    stat = stat_key(source.path)
    text = read_source(source, settings.max_file_bytes)
    if task.known_hash is not None and text.content_hash == task.known_hash:
        return Outcome(task.name, text.content_hash, stat, None)
    if text.text is None:
        result = ArticleResult(
            source.display, text.content_hash, None, None, None, (), text.findings
        )
    else:
        result = build_text(text.text, text.content_hash, source.display, settings, name=task.name)
    record = record_of(task.name, result)
    bundle = None
    if settings.output == "bundle":
        # The article's output goes into the bundle, not into files of its own.
        written: tuple[str, ...] = ()
        record = dataclasses.replace(record, files=())
        if result.built:
            bundle = bundle_line_of(task.name, result)
    else:
        written = stage_files(staging, result.files, task.name)
    line = entry_line(record, True)
    return Outcome(
        task.name,
        text.content_hash,
        stat,
        dataclasses.replace(record, entities={}),
        written,
        line,
        bundle,
    )
