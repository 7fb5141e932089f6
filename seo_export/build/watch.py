"""``build --watch``: notice when the articles or the settings change.

Polling (a few thousand ``stat`` calls a second at most) works on every file
system, network mounts and containers included, where change notifications
often do not.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator

from seo_export.config.settings import Settings
from seo_export.errors import SeoExportError
from seo_export.read.discover import discover

Snapshot = frozenset[tuple[str, int, int]]


def snapshot(settings: Settings) -> Snapshot:
    """(path, mtime_ns, size) of every article file and of the settings file."""
    seen = []
    paths = [settings.source] if os.path.isfile(settings.source) else []  # noqa: PTH113
    try:
        sources, _ = discover(
            settings.content_dir,
            settings.root,
            out_dir=settings.out_dir,
            exclude=settings.exclude_pattern,
        )
        paths += [source.path for source in sources]
    except SeoExportError:
        pass  # the content folder is gone for now; its return is a change like any other
    for path in paths:
        try:
            stat = os.stat(path)  # noqa: PTH116 - str paths, many of them
        except OSError:
            continue
        seen.append((path, stat.st_mtime_ns, stat.st_size))
    return frozenset(seen)


def watch(
    load_settings: Callable[[], Settings],
    interval: float,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[Settings | SeoExportError]:
    """The settings now, then again after every change to the articles or the settings.

    A settings file that stops loading while someone edits it is yielded as its
    error, and watching goes on with the last good settings until it loads again.
    The first load is not caught: with no good settings there is nothing to watch.
    """
    settings = load_settings()
    seen = snapshot(settings)  # taken before the build: an edit during it is a change
    yield settings
    while True:
        sleep(interval)
        current = snapshot(settings)
        if current == seen:
            continue
        seen = current
        try:
            settings = load_settings()
        except SeoExportError as error:
            yield error
            continue
        seen = snapshot(settings)  # the new settings may read another content folder
        yield settings
