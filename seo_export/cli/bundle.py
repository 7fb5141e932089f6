"""``seo-export bundle``: build, then write out/articles.ndjson for a CMS to import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from seo_export.cli.options import (
    exit_with,
    fail,
    format_option,
    load_cli_settings,
    plural,
    settings_options,
)
from seo_export.cli.output import Output

if TYPE_CHECKING:
    from seo_export.model import Finding


@click.command()
@settings_options
@click.option("--no-build", is_flag=True, help="Bundle out/ as it is, without building first.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the bundle (default: out/articles.ndjson).",
)
@format_option
def bundle(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    no_build: bool,
    output: Path | None,
    fmt: str,
) -> None:
    """Write out/articles.ndjson: one line of JSON per built article (source, slug, URL, head
    HTML, JSON-LD, head tags as data), for a CMS to import from one file.

    Exit 0: every built article is in it; 1: written, but articles are missing (the build
    found errors, or a built article's files are damaged); 2: nothing written."""
    from seo_export.build.bundle import refuse_bundle_path, write_bundle
    from seo_export.build.site import build_site
    from seo_export.errors import SeoExportError
    from seo_export.model import Severity

    out = Output(fmt)
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
    out.findings([*build_errors, *result.findings])
    out.say(f"Bundle: {result.path} ({plural(result.articles, 'article')})")
    out.flush()
    exit_with(bool(build_errors or result.findings))
