"""The command line: parse options, call one library function, render, pick the exit code.

Exit codes follow click: 0 clean, 1 findings at error level (or warnings under
--strict), 2 usage or settings problems. Heavy modules are imported inside the
commands that need them, so that ``seo-export --help`` starts fast.
"""

from __future__ import annotations

import contextlib
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from seo_export._version import VERSION

if TYPE_CHECKING:
    from seo_export.config.settings import Settings
    from seo_export.model import BuildResult, Finding, Severity

F = TypeVar("F", bound=Callable[..., Any])


def settings_options(function: F) -> F:
    """Options shared by every command that reads the site's settings."""
    options = [
        click.option(
            "--config",
            "-c",
            "config",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Settings file (seo-export.toml or pyproject.toml). "
            "Default: seo-export.toml, else [tool.seo-export] in pyproject.toml.",
        ),
        click.option(
            "--content",
            "content_dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Content folder (overrides content_dir).",
        ),
        click.option(
            "--out",
            "out_dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Output folder (overrides out_dir).",
        ),
        click.option("--base-url", help="Site root URL (overrides base_url)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def settings_loader(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    **overrides: Any,
) -> Callable[[], Settings]:
    """Load the settings from the file and the command line (again on every call)."""
    from seo_export.config.settings import load_settings

    def load() -> Settings:
        return load_settings(
            config,
            content_dir=str(content_dir) if content_dir else None,
            out_dir=str(out_dir) if out_dir else None,
            base_url=base_url,
            **overrides,
        )

    return load


def load_cli_settings(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    **overrides: Any,
) -> Settings:
    """Settings from the file and the command line, or exit 2 with every problem listed."""
    from seo_export.errors import SeoExportError

    try:
        return settings_loader(config, content_dir, out_dir, base_url, **overrides)()
    except SeoExportError as error:
        fail(str(error))


def fail(message: str) -> NoReturn:
    """Print ``Error: message`` and exit 2 (cannot continue)."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)


def render_findings(findings: Iterable[Finding], *, verbose: bool = True) -> None:
    """One line per finding: ``file:line: severity: code: message`` (info only when verbose).

    Written in one piece: a large site's build may print thousands of them.
    """
    colours = {"error": "red", "warning": "yellow", "info": "cyan"}
    styled = {name: click.style(name, fg=colour, bold=True) for name, colour in colours.items()}
    lines = []
    for item in findings:
        if item.severity.value == "info" and not verbose:
            continue
        location = item.location()
        prefix = f"{location}: " if location else ""
        lines.append(f"{prefix}{styled[item.severity.value]}: {item.code}: {item.message}\n")
    if lines:
        click.echo("".join(lines), nl=False)


def plural(count: int, noun: str) -> str:
    """``1 article``, ``2 articles``; ``info`` is a mass noun."""
    return f"{count} {noun}{'' if count == 1 or noun == 'info' else 's'}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(VERSION, prog_name="seo-export")
def main() -> None:
    """Turn health articles (Markdown + YAML front matter) into schema.org JSON-LD,
    head tags and XML sitemaps, validated, for a site or CMS to inject."""


@main.command()
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
    "--quiet", "-q", is_flag=True, help="Print only findings and errors; no progress bar."
)
@click.option("--verbose", "-v", is_flag=True, help="Also print info findings.")
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
    quiet: bool,
    verbose: bool,
    watch: bool,
    interval: float,
) -> None:
    """Build out/: per article head.html, schema.jsonld and meta.json; sitemaps; manifest.json."""
    if watch:
        load = settings_loader(
            config, content_dir, out_dir, base_url, sitemap_gzip=gzip_sitemaps, jobs=jobs
        )
        watch_and_build(load, interval, verbose=verbose, force=force)
    from seo_export.build.emit import OutputWriteError
    from seo_export.build.site import build_site
    from seo_export.errors import SeoExportError
    from seo_export.model import Severity

    settings = load_cli_settings(
        config, content_dir, out_dir, base_url, sitemap_gzip=gzip_sitemaps, jobs=jobs
    )
    try:
        with progress_bar(quiet) as progress:
            result = build_site(settings, force=force, progress=progress, keep_info=verbose)
    except OutputWriteError as error:
        # The build ran but its output could not be written (out/ is as it was): a failed
        # run, not a usage error.
        click.echo(f"Error: {error}", err=True)
        sys.exit(1)
    except SeoExportError as error:
        fail(str(error))
    render_findings(result.findings, verbose=verbose)
    hidden = sum(result.counts.values()) - len(result.findings)
    if hidden and verbose:
        click.echo(
            f"... and {hidden:,} more findings: every one is in {result.out_dir}/manifest.json."
        )
    if not quiet:
        counts = severity_counts(result, (Severity.ERROR, Severity.WARNING, Severity.INFO))
        click.echo(
            f"Built {plural(result.built, 'article')} into {result.out_dir}/ "
            f"({result.unchanged} unchanged, {result.skipped} skipped); findings: {counts}."
        )
        if not result.files_written_count and not result.files_removed_count:
            click.echo("Nothing changed: no file written.")
        click.echo(f"For robots.txt: {result.robots_line}")
    sys.exit(1 if result.has_errors else 0)


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


def read_article(path: Path, settings: Settings) -> tuple[str, str]:
    """(display path, text) of an article named on the command line, or exit 2."""
    from seo_export.read.discover import read_source, source_for_path

    source = source_for_path(path, settings.content_dir, settings.root)
    text = read_source(source, settings.max_file_bytes)
    if text.text is None:
        render_findings(text.findings)
        fail(f"cannot read {source.display}")
    return source.display, text.text


def article_paths(articles: tuple[Path, ...], settings: Settings) -> list[Path]:
    """The files named, or every article of the content folder."""
    if articles:
        return list(articles)
    from seo_export.errors import SeoExportError
    from seo_export.read.discover import discover

    try:
        sources, _ = discover(settings.content_dir, settings.root, out_dir=settings.out_dir)
    except SeoExportError as error:
        fail(str(error))
    return [Path(source.path) for source in sources]


@main.command()
@settings_options
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def show(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    article: Path,
) -> None:
    """Print ARTICLE's JSON-LD, pretty, for a quick look."""
    import json

    from seo_export.build.article import build_article

    settings = load_cli_settings(config, content_dir, out_dir, base_url)
    display, text = read_article(article, settings)
    result = build_article(text, settings, path=display)
    if result.jsonld is None:
        render_findings(result.findings)
        fail(f"{display} was not built")
    click.echo(json.dumps(result.jsonld, ensure_ascii=False, indent=2))


@main.command()
@settings_options
@click.argument("articles", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--write",
    is_flag=True,
    help="Add the items read from prose to each file's front matter as explicit lists.",
)
def suggest(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    articles: tuple[Path, ...],
    write: bool,
) -> None:
    """Print, per article, the items each MedicalCondition property gets and from where."""
    from seo_export.project.suggest import SuggestWriteError, suggest, write_suggestions

    settings = load_cli_settings(config, content_dir, out_dir, base_url)
    failed = False
    for path in article_paths(articles, settings):
        display, text = read_article(path, settings)
        suggestion = suggest(text, settings, display)
        if suggestion.errors:  # a broken article has no items to suggest: say why
            render_findings(suggestion.errors)
            failed = True
            continue
        click.echo(display)
        if not suggestion.entities:
            click.echo("  (no items)")
        for prop, items in suggestion.entities.items():
            click.echo(f"  {prop}:")
            for item in items:
                where = f"{item.source}, line {item.line}" if item.line else item.source
                click.echo(f"    - {item.name}  [{where}]")
        if write:
            try:
                added = write_suggestions(path, settings, display)
            except (SuggestWriteError, OSError, UnicodeDecodeError) as error:
                click.echo(f"  not written: {error}", err=True)
                failed = True
                continue
            if added.entities:
                click.echo(f"  wrote {', '.join(added.entities)} to the front matter")
    sys.exit(1 if failed else 0)


def report_options(function: F) -> F:
    """Options shared by validate and check: output format, filters, strictness."""
    from seo_export.findings.formats import format_names

    options = [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(format_names()),
            default="text",
            show_default=True,
            help="text (grouped by file), json, junit (one testcase per file) or github "
            "(workflow annotations).",
        ),
        click.option(
            "--output",
            "-o",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Write the report to this file instead of standard output.",
        ),
        click.option("--strict", is_flag=True, help="Exit 1 on warnings too."),
        click.option(
            "--select",
            multiple=True,
            metavar="CODE",
            help="Report only these codes (repeat or comma-separate; 'vocab-' selects a family).",
            callback=_known_code_patterns,
        ),
        click.option(
            "--ignore",
            multiple=True,
            metavar="CODE",
            help="Leave these codes out (repeat or comma-separate; 'vocab-' ignores a family).",
            callback=_known_code_patterns,
        ),
        click.option(
            "--vocabulary",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="A schema.org release file (schemaorg-current-https.jsonld) to check every "
            "term against, instead of the built-in table.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _known_code_patterns(
    context: click.Context, parameter: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    """``values`` if each pattern names a finding code or a family of them; a usage error
    (exit 2) otherwise, so a CI gate with a misspelt code does not pass on nothing."""
    import difflib

    from seo_export.checks.registry import all_codes
    from seo_export.findings.report import matches_code

    codes = all_codes()
    for pattern in _codes(values):
        if any(matches_code(code, (pattern,)) for code in codes):
            continue
        close = difflib.get_close_matches(pattern.lower(), list(codes), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise click.BadParameter(
            f"no finding code or family {pattern!r}.{hint} 'seo-export explain' lists them.",
            context,
            parameter,
        )
    return values


def _codes(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def finish_report(
    report: Any,
    fmt: str,
    output: Path | None,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> NoReturn:
    """Filter, render, write and exit with 0, or 1 on errors (warnings too when strict)."""
    from seo_export.findings.formats import Style, render
    from seo_export.findings.report import summary_line

    report = report.filtered(_codes(select), _codes(ignore))
    if output is not None:
        output.write_text(render(report, fmt), encoding="utf-8")
        click.echo(summary_line(report))
    else:
        click.echo(render(report, fmt, Style(colour=fmt == "text")), nl=False)
    sys.exit(1 if report.failed(strict) else 0)


def load_vocabulary_option(path: Path | None) -> Any:
    """The vocabulary file given, or None for the built-in table; exit 2 when unreadable."""
    if path is None:
        return None
    from seo_export.checks.vocabulary import load_vocabulary
    from seo_export.errors import SeoExportError

    try:
        return load_vocabulary(str(path))
    except SeoExportError as error:
        fail(str(error))


@main.command()
@settings_options
@report_options
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--sitemap-schemas",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder with the sitemaps.org XSDs (sitemap.xsd, siteindex.xsd, ...) to validate "
    "the sitemaps against.",
)
def validate(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    fmt: str,
    output: Path | None,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    vocabulary: Path | None,
    paths: tuple[Path, ...],
    sitemap_schemas: Path | None,
) -> None:
    """Check front matter, built JSON-LD, head tags and sitemaps of PATHS (default: the
    content folder), in memory: nothing is written."""
    from seo_export.build.files import refuse_own_files
    from seo_export.errors import SeoExportError
    from seo_export.project.validate import validate_project

    settings = load_cli_settings(config, content_dir, out_dir, base_url)
    try:
        if output is not None:  # refused before the work, not after it
            refuse_own_files(output, content_dir=settings.content_dir, out_dir=settings.out_dir)
        report = validate_project(
            settings,
            paths,
            vocabulary=load_vocabulary_option(vocabulary),
            sitemap_schemas=sitemap_schemas,
        )
    except SeoExportError as error:
        fail(str(error))
    finish_report(report, fmt, output, strict, select, ignore)


@main.command()
@report_options
@click.argument("targets", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--jobs", "-j", type=click.IntRange(min=0), help="Worker processes (0: one per core)."
)
def check(
    fmt: str,
    output: Path | None,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    vocabulary: Path | None,
    targets: tuple[Path, ...],
    jobs: int | None,
) -> None:
    """Audit the HTML pages of any built site (SITE_DIR or FILE...): JSON-LD read strictly,
    microdata, RDFa and Open Graph, duplicate head tags, and every JSON-LD check."""
    from seo_export.pages.check import check_pages

    report = check_pages(targets, vocabulary=load_vocabulary_option(vocabulary), jobs=jobs or 0)
    finish_report(report, fmt, output, strict, select, ignore)


def render_inject(result: Any, verb: str, dry_run: bool) -> NoReturn:
    """Print diffs, findings and a summary of an inject or eject run; exit 1 on errors."""
    for diff in result.diffs:
        click.echo(diff, nl=False)
    render_findings(result.findings)
    done = "would change" if dry_run else verb
    click.echo(
        f"{plural(len(result.changed), 'page')} {done}, {len(result.unchanged)} already up to date."
    )
    sys.exit(1 if any(f.severity.value == "error" for f in result.findings) else 0)


@main.command()
@settings_options
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--replace-conflicts",
    is_flag=True,
    help="Remove the page's own tags that the snippet replaces (canonical, title, description, "
    "robots, og:*, twitter:*, JSON-LD MedicalWebPage/FAQPage), and only those.",
)
@click.option("--dry-run", is_flag=True, help="Print a unified diff per page; write nothing.")
def inject(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    site_dir: Path,
    replace_conflicts: bool,
    dry_run: bool,
) -> None:
    """Put each built article's head snippet into its page of SITE_DIR, between
    seo-export markers before </head>; a second run replaces the block."""
    from seo_export.errors import SeoExportError
    from seo_export.pages.inject import inject_site

    settings = load_cli_settings(config, content_dir, out_dir, base_url)
    try:
        result = inject_site(
            site_dir, settings, replace_conflicts=replace_conflicts, dry_run=dry_run
        )
    except SeoExportError as error:
        fail(str(error))
    render_inject(result, "injected", dry_run)


@main.command()
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Print a unified diff per page; write nothing.")
def eject(site_dir: Path, dry_run: bool) -> None:
    """Remove the seo-export blocks from the pages of SITE_DIR, restoring them byte for byte."""
    from seo_export.pages.inject import eject_site

    render_inject(eject_site(site_dir, dry_run=dry_run), "ejected", dry_run)


@main.command()
@settings_options
@click.option("--no-build", is_flag=True, help="Report on out/ as it is, without building first.")
@click.option(
    "--max-articles",
    type=click.IntRange(min=1),
    default=2000,
    show_default=True,
    help="Articles listed in detail (those with the most serious findings first).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the report (default: out/report.html).",
)
def report(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    no_build: bool,
    max_articles: int,
    output: Path | None,
) -> None:
    """Write out/report.html: search-result and social previews, the JSON-LD as a tree and the
    findings of every article, with a summary of the site; one self-contained file."""
    from seo_export.build.site import build_site
    from seo_export.errors import SeoExportError
    from seo_export.project.report import refuse_report_path, write_report

    settings = load_cli_settings(config, content_dir, out_dir, base_url)
    try:
        refuse_report_path(settings, output)  # before the build, not after it
        if not no_build:
            build_site(settings, keep_info=False)
        path = write_report(settings, max_articles=max_articles, path=output)
    except SeoExportError as error:
        fail(str(error))
    click.echo(f"Report: {path}")


@main.command()
@settings_options
@click.option("--no-build", is_flag=True, help="Bundle out/ as it is, without building first.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the bundle (default: out/articles.ndjson).",
)
def bundle(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    no_build: bool,
    output: Path | None,
) -> None:
    """Write out/articles.ndjson: one line of JSON per built article (source, slug, URL, head
    HTML, JSON-LD, head tags as data), for a CMS to import from one file.

    Exit 0: every built article is in it; 1: written, but articles are missing (the build
    found errors, or a built article's files are damaged); 2: nothing written."""
    from seo_export.build.bundle import refuse_bundle_path, write_bundle
    from seo_export.build.site import build_site
    from seo_export.errors import SeoExportError
    from seo_export.model import Severity

    settings = load_cli_settings(config, content_dir, out_dir, base_url)
    build_errors: list[Finding] = []
    try:
        # Before the build, not after it: a refused -o leaves out/ as it was.
        refuse_bundle_path(settings.out_dir, output, content_dir=settings.content_dir)
        if not no_build:
            built = build_site(settings, keep_info=False)
            build_errors = [f for f in built.findings if f.severity is Severity.ERROR]
        result = write_bundle(
            settings.out_dir, output, root=settings.root, content_dir=settings.content_dir
        )
    except SeoExportError as error:
        fail(str(error))
    render_findings([*build_errors, *result.findings])
    click.echo(f"Bundle: {result.path} ({plural(result.articles, 'article')})")
    sys.exit(1 if build_errors or result.findings else 0)


@main.command()
@click.argument("code", required=False)
def explain(code: str | None) -> None:
    """Print what finding CODE means and how to fix it (every code without CODE)."""
    import difflib

    from seo_export.checks.registry import all_codes, reported_by
    from seo_export.findings.report import matches_code

    codes = all_codes()
    if code is not None and code.endswith(("-", "*")):  # a family: list its codes
        family = [name for name in codes if matches_code(name, (code.lower(),))]
        if family:
            code, listed = None, family
    else:
        listed = list(codes)
    if code is None:
        for name in listed:
            described = codes[name]
            click.echo(f"{name:28} {described.severity.value:8} {described.meaning}")
        return
    code = code if code in codes else code.lower()  # codes are lower case
    info = codes.get(code)
    if info is None:
        close = difflib.get_close_matches(code, list(codes), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        fail(f"no finding code {code!r}.{hint} 'seo-export explain' lists them all.")
    click.echo(f"{code} ({info.severity.value}, reported by {reported_by(code)})\n")
    click.echo(f"What it means: {info.meaning}")
    click.echo(f"How to fix it: {info.fix}")


def watch_and_build(
    load: Callable[[], Settings], interval: float, *, verbose: bool, force: bool
) -> NoReturn:
    """Build (everything, with ``force``), then rebuild whenever the content or the settings
    change; Ctrl-C stops (exit 0)."""
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
                click.echo("Waiting for the settings to be fixed...")
                continue
            try:
                waited = False
                while True:
                    try:
                        result = build_site(settings, force=force, keep_info=verbose)
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
            render_findings(result.findings, verbose=verbose)
            click.echo(
                f"{stamp} built {plural(result.built, 'article')} "
                f"({result.unchanged} unchanged, {result.skipped} skipped); "
                f"{severity_counts(result, (Severity.ERROR, Severity.WARNING))}. "
                "Watching for changes..."
            )
    except KeyboardInterrupt:
        click.echo("Stopped watching.")
    sys.exit(0)


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--yes", "-y", is_flag=True, help="Ask nothing: take the defaults and the options.")
@click.option("--base-url", help="The site's home page (asked when not given).")
@click.option("--site-name", help="The site's name (asked when not given).")
@click.option("--language", help="Language of the articles, e.g. da-DK (asked when not given).")
def init(
    folder: Path,
    yes: bool,
    base_url: str | None,
    site_name: str | None,
    language: str | None,
) -> None:
    """Start a project in FOLDER: a commented seo-export.toml, and content/ with an example
    article when it has none."""
    from seo_export.errors import SeoExportError
    from seo_export.project.init import DEFAULTS, Answers, init_project

    def answer(given: str | None, question: str, default: str) -> str:
        if given is not None:
            return given
        return default if yes else str(click.prompt(question, default=default))

    answers = Answers(
        base_url=answer(base_url, "Base URL of the site", DEFAULTS.base_url),
        site_name=answer(site_name, "Site name", DEFAULTS.site_name),
        language=answer(
            language, "Language of the articles (BCP 47, e.g. da-DK)", DEFAULTS.language
        ),
    )
    try:
        written = init_project(folder, answers)
    except SeoExportError as error:
        fail(str(error))
    for path in written:
        click.echo(f"Wrote {path}")
    click.echo("Next: seo-export build   (then seo-export report, or seo-export validate)")
