"""``seo-export check``: audit the HTML pages of any built site."""

from __future__ import annotations

from pathlib import Path

import click

from seo_export.cli.options import (
    exit_with,
    load_vocabulary_option,
    report_options,
    report_output,
    split_codes,
    verbosity_options,
)


@click.command()
@report_options
@verbosity_options
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
    quiet: bool,
    verbose: bool,
    targets: tuple[Path, ...],
    jobs: int | None,
) -> None:
    """Audit the HTML pages of any built site (SITE_DIR or FILE...): JSON-LD read strictly,
    microdata, RDFa and Open Graph, duplicate head tags, and every JSON-LD check."""
    from seo_export.pages.check import check_pages

    report = check_pages(targets, vocabulary=load_vocabulary_option(vocabulary), jobs=jobs or 0)
    report = report.filtered(split_codes(select), split_codes(ignore))
    report_output(report, fmt, output, quiet=quiet, verbose=verbose)
    exit_with(report.failed(strict))
