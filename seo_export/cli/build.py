"""``seo-export build`` (and ``--watch``): build out/ and print the findings and a summary."""

from __future__ import annotations

import contextlib
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from seo_export.cli.options import (
    exit_with,
    fail,
    format_option,
    load_cli_settings,
    plural,
    settings_loader,
    settings_options,
)
from seo_export.cli.output import Output

if TYPE_CHECKING:
    from seo_export.config.settings import Settings
    from seo_export.model import BuildResult, Finding, Severity


@click.command()
@settings_options
@click.option("--force", is_flag=True, help="Rebuild every article, even those up to date.")
@click.option(
    "--gzip",
    "gzip_sitemaps",
    is_flag=True,
    default=None,
    help="Also write reproducible .xml.gz sitemaps (overrides sitemap_gzip).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    help="Processes that build (0: one per core; overrides jobs).",
)
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Let a build that finds no article empty an out/ that has some (else exit 1).",
)
@click.option(
    "--quiet", "-q", is_flag=True, help="Print only findings and errors; no progress bar."
)
@click.option("--verbose", "-v", is_flag=True, help="Also print info findings.")
@format_option
@click.option(
    "--watch",
    is_flag=True,
    help="Keep running: rebuild whenever an article or the settings change.",
)
@click.option(
    "--interval",
    type=click.FloatRange(min=0.05),
    default=1.0,
    show_default=True,
    help="Seconds between looks for changes, with --watch.",
)
def build(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    force: bool,
    gzip_sitemaps: bool | None,
    jobs: int | None,
    allow_empty: bool,
    quiet: bool,
    verbose: bool,
    fmt: str,
    watch: bool,
    interval: float,
) -> None:
    """Build out/: per article head.html, schema.jsonld and meta.json; sitemaps; manifest.json."""
    out = Output(fmt)
    if watch:
        load = settings_loader(
            config, content_dir, out_dir, base_url, sitemap_gzip=gzip_sitemaps, jobs=jobs
        )
        watch_and_build(load, interval, out, verbose=verbose, force=force, allow_empty=allow_empty)
    from seo_export.build.emit import OutputWriteError
    from seo_export.build.interrupts import Terminated, terminate_raises
    from seo_export.build.site import build_site
    from seo_export.errors import EmptyBuildError, SeoExportError
    from seo_export.model import Severity

    settings = load_cli_settings(
        config, content_dir, out_dir, base_url, sitemap_gzip=gzip_sitemaps, jobs=jobs
    )
    try:
        with terminate_raises(), progress_bar(quiet) as progress:
            result = build_site(
                settings,
                force=force,
                progress=progress,
                keep_info=verbose,
                allow_empty=allow_empty,
            )
    except (KeyboardInterrupt, Terminated) as stop:
        # The build unwound: workers ended, staging removed, lock released. The shell's
        # codes for a process ended by SIGINT and SIGTERM, not 1 ("findings had errors").
        click.echo("Interrupted: the build stopped.", err=True)
        sys.exit(130 if isinstance(stop, KeyboardInterrupt) else 143)
    except (OutputWriteError, EmptyBuildError) as error:
        # The build ran but its output could not (or should not) be written (out/ is as it
        # was): a failed run, not a usage error.
        click.echo(f"Error: {error}", err=True)
        sys.exit(1)
    except SeoExportError as error:
        fail(str(error))
    out.findings(_shown(result, verbose))
    hidden = sum(result.counts.values()) - len(result.findings)
    if hidden and verbose:
        out.say(
            f"... and {hidden:,} more findings: every one is in {result.out_dir}/manifest.json."
        )
    if not quiet:
        counts = severity_counts(result, (Severity.ERROR, Severity.WARNING, Severity.INFO))
        out.say(
            f"Built {plural(result.built, 'article')} into {result.out_dir}/ "
            f"({result.unchanged} unchanged, {result.skipped} skipped); findings: {counts}."
        )
        if not result.files_written_count and not result.files_removed_count:
            out.say("Nothing changed: no file written.")
        out.say(f"For robots.txt: {result.robots_line}")
    out.flush()
    exit_with(result.has_errors)


def _shown(result: BuildResult, verbose: bool) -> list[Finding]:
    """The findings a build prints: info ones only when verbose."""
    return [f for f in result.findings if verbose or f.severity.value != "info"]


def severity_counts(result: BuildResult, severities: Iterable[Severity]) -> str:
    """``0 errors, 1 warning``: how many findings of each severity a build had."""
    return ", ".join(plural(result.count(severity), severity.value) for severity in severities)


PROGRESS_THRESHOLD = 300
"""Builds of fewer articles finish before a bar would be worth drawing."""


@contextlib.contextmanager
def progress_bar(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback drawing a bar on a terminal (stderr); None when quiet or piped."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if total < PROGRESS_THRESHOLD:
            return
        if bar is None:
            bar = click.progressbar(length=total, label="Building", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def watch_and_build(
    load: Callable[[], Settings],
    interval: float,
    out: Output,
    *,
    verbose: bool,
    force: bool,
    allow_empty: bool = False,
) -> NoReturn:
    """Build (everything, with ``force``), then rebuild whenever the content or the settings
    change; Ctrl-C stops (exit 0). Each build's findings are printed (a document each, in
    a format for tools) before its summary line."""
    import time

    from seo_export.build.site import build_site
    from seo_export.build.watch import watch
    from seo_export.errors import OutputLockedError, SeoExportError
    from seo_export.model import Severity

    try:
        changes = watch(load, interval)
        first = next(changes)
    except SeoExportError as error:
        fail(str(error))
    try:
        for settings in itertools.chain([first], changes):
            stamp = time.strftime("%H:%M:%S")
            if isinstance(settings, SeoExportError):
                click.echo(f"{stamp} Error: {settings}", err=True)
                out.say("Waiting for the settings to be fixed...")
                continue
            try:
                waited = False
                while True:
                    try:
                        result = build_site(
                            settings, force=force, keep_info=verbose, allow_empty=allow_empty
                        )
                        # --force is spent only by a build that ran; one that failed
                        # leaves it for the next change.
                        force = False
                        break
                    except OutputLockedError as error:
                        # A report or bundle is reading out/ (or another build writes it):
                        # this change must still be built, so wait and try again.
                        if not waited:
                            click.echo(f"{stamp} Waiting: {error}", err=True)
                            waited = True
                        time.sleep(interval)
                stamp = time.strftime("%H:%M:%S")
            except SeoExportError as error:
                click.echo(f"{stamp} Error: {error}", err=True)
                continue
            out.findings(_shown(result, verbose))
            out.flush()
            out.say(
                f"{stamp} built {plural(result.built, 'article')} "
                f"({result.unchanged} unchanged, {result.skipped} skipped); "
                f"{severity_counts(result, (Severity.ERROR, Severity.WARNING))}. "
                "Watching for changes..."
            )
    except KeyboardInterrupt:
        out.say("Stopped watching.")
    sys.exit(0)
