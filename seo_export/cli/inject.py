"""``seo-export inject``: put each built article's head snippet into its page of a site."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

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
    from seo_export.pages.block import InjectResult


@click.command()
@settings_options
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--replace-conflicts",
    is_flag=True,
    help="Remove the page's own tags that the snippet replaces (canonical, title, description, "
    "robots, og:*, twitter:*, JSON-LD MedicalWebPage/FAQPage), and only those.",
)
@click.option("--dry-run", is_flag=True, help="Print a unified diff per page; write nothing.")
@click.option(
    "--write-read-only",
    is_flag=True,
    help="Also write pages that are read-only (their mode, owner and group are kept).",
)
@format_option
def inject(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    site_dir: Path,
    replace_conflicts: bool,
    dry_run: bool,
    write_read_only: bool,
    fmt: str,
) -> None:
    """Put each built article's head snippet into its page of SITE_DIR, between
    seo-export markers before </head>; a second run replaces the block."""
    from seo_export.errors import SeoExportError
    from seo_export.pages.inject import inject_site

    settings = load_cli_settings(config, content_dir, out_dir, base_url)
    try:
        result = inject_site(
            site_dir,
            settings,
            replace_conflicts=replace_conflicts,
            dry_run=dry_run,
            write_read_only=write_read_only,
        )
    except SeoExportError as error:
        fail(str(error))
    print_pages_result(result, Output(fmt), "injected", dry_run)


def print_pages_result(result: InjectResult, out: Output, verb: str, dry_run: bool) -> NoReturn:
    """Diffs, findings and a summary of an inject or eject run; exit 1 on errors."""
    for diff in result.diffs:
        out.say(diff, nl=False)
    out.findings(result.findings)
    done = "would change" if dry_run else verb
    # Eject's unchanged pages had no block: "up to date" would count them as ejected again.
    rest = "had no seo-export block" if verb == "ejected" else "already up to date"
    out.say(f"{plural(len(result.changed), 'page')} {done}, {len(result.unchanged)} {rest}.")
    out.flush()
    exit_with(any(f.severity.value == "error" for f in result.findings))
