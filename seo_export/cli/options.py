"""Options the commands share, and the helpers that turn problems into exit codes.

Exit codes follow click: 0 clean, 1 findings at error level (or warnings under
--strict), 2 usage or settings problems (:func:`fail`). Only click and the
standard library are imported here, so that ``seo-export --help`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from seo_export.checks.vocabulary import Vocabulary
    from seo_export.config.settings import Settings
    from seo_export.findings.report import Report

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> NoReturn:
    """Print ``Error: message`` and exit 2 (cannot continue)."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)


def exit_with(failed: bool) -> NoReturn:
    """Exit 1 when the run ``failed`` (findings at error level, ...), else 0."""
    sys.exit(1 if failed else 0)


def plural(count: int, noun: str) -> str:
    """``1 article``, ``2 articles``; ``info`` is a mass noun."""
    return f"{count} {noun}{'' if count == 1 or noun == 'info' else 's'}"


def add_options(function: F, options: list[Callable[[F], F]]) -> F:
    """``function`` with ``options``, listed in ``--help`` in the order given."""
    for option in reversed(options):
        function = option(function)
    return function


def settings_options(function: F) -> F:
    """Options shared by every command that reads the site's settings."""
    return add_options(
        function,
        [
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
        ],
    )


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


def format_option(function: F) -> F:
    """``--format``: how a command prints its findings; the same choices for every command."""
    from seo_export.findings.formats import DEFAULT, format_names

    names = format_names()
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(names),
        default=DEFAULT,
        show_default=True,
        help=f"How findings are printed: {DEFAULT} for a person, or a document for tools "
        f"({', '.join(names[1:])}) on standard output.",
    )(function)


def report_options(function: F) -> F:
    """Options shared by validate and check: output format, filters, strictness."""
    return add_options(
        function,
        [
            format_option,
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
                help="Report only these codes (repeat or comma-separate; 'vocab-' selects a "
                "family).",
                callback=known_code_patterns,
            ),
            click.option(
                "--ignore",
                multiple=True,
                metavar="CODE",
                help="Leave these codes out (repeat or comma-separate; 'vocab-' ignores a family).",
                callback=known_code_patterns,
            ),
            click.option(
                "--vocabulary",
                type=click.Path(exists=True, dir_okay=False, path_type=Path),
                help="A schema.org release file (schemaorg-current-https.jsonld) to check every "
                "term against, instead of the built-in table.",
            ),
        ],
    )


def verbosity_options(function: F) -> F:
    """``-q``/``-v`` of validate and check, as build has them: info findings are printed
    only with ``-v``; ``-q`` leaves them out of every format, and the summary too."""
    return add_options(
        function,
        [
            click.option(
                "--quiet",
                "-q",
                is_flag=True,
                help="Only warnings and errors, in every format; no summary line.",
            ),
            click.option(
                "--verbose",
                "-v",
                is_flag=True,
                help="Also print info findings (text, github); json, junit and sarif "
                "hold them unless -q.",
            ),
        ],
    )


def report_output(
    report: Report, fmt: str, output: Path | None, *, quiet: bool, verbose: bool
) -> Report:
    """Print or write ``report`` as ``-q``/``-v`` say; return what was reported (for the
    exit code, which info findings never change)."""
    from seo_export.cli.output import Output

    if quiet:
        report = report.without_info()
    Output(fmt, "grouped", output, show_info=verbose, summary=not quiet).report(report)
    return report


def known_code_patterns(
    context: click.Context, parameter: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    """``values`` if each pattern names a finding code or a family of them; a usage error
    (exit 2) otherwise, so a CI gate with a misspelt code does not pass on nothing."""
    import difflib

    from seo_export.checks.registry import all_codes
    from seo_export.findings.report import matches_code

    codes = all_codes()
    for pattern in split_codes(values):
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


def split_codes(values: tuple[str, ...]) -> list[str]:
    """The codes of repeated and comma-separated ``--select``/``--ignore`` values."""
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def load_vocabulary_option(path: Path | None) -> Vocabulary | None:
    """The vocabulary file given, or None for the built-in table; exit 2 when unreadable."""
    if path is None:
        return None
    from seo_export.checks.vocabulary import load_vocabulary
    from seo_export.errors import SeoExportError

    try:
        return load_vocabulary(str(path))
    except SeoExportError as error:
        fail(str(error))
