"""``seo-export validate``: the project checked in memory, nothing written."""

from __future__ import annotations

from pathlib import Path

import click

from seo_export.cli.options import (
    exit_with,
    fail,
    load_cli_settings,
    load_vocabulary_option,
    report_options,
    report_output,
    settings_options,
    split_codes,
    verbosity_options,
)


@click.command()
@settings_options
@report_options
@verbosity_options
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
    quiet: bool,
    verbose: bool,
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
    report = report.filtered(split_codes(select), split_codes(ignore))
    report_output(report, fmt, output, quiet=quiet, verbose=verbose)
    exit_with(report.failed(strict))
