"""``seo-export report``: build, then write out/report.html."""

from __future__ import annotations

from pathlib import Path

import click

from seo_export.cli.options import fail, load_cli_settings, settings_options


@click.command()
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
