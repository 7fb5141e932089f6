"""``seo-export eject``: take the seo-export blocks out of a site's pages again."""

from __future__ import annotations

from pathlib import Path

import click

from seo_export.cli.inject import print_pages_result
from seo_export.cli.options import format_option
from seo_export.cli.output import Output


@click.command()
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Print a unified diff per page; write nothing.")
@click.option(
    "--write-read-only",
    is_flag=True,
    help="Also write pages that are read-only (their mode, owner and group are kept).",
)
@format_option
def eject(site_dir: Path, dry_run: bool, write_read_only: bool, fmt: str) -> None:
    """Remove the seo-export blocks from the pages of SITE_DIR, restoring them byte for byte."""
    from seo_export.pages.eject import eject_site

    result = eject_site(site_dir, dry_run=dry_run, write_read_only=write_read_only)
    print_pages_result(result, Output(fmt), "ejected", dry_run)
