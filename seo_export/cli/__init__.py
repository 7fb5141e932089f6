"""The command line: one module per command, each parsing its options, calling one library
function, printing through :mod:`.output` and picking the exit code (:mod:`.options`).

Exit codes follow click: 0 clean, 1 findings at error level (or warnings under
--strict), 2 usage or settings problems. The command modules import click and
the standard library only; everything else is imported inside the commands,
so that ``seo-export --help`` starts fast.
"""

from __future__ import annotations

import click

from seo_export._version import VERSION
from seo_export.cli import (
    build,
    bundle,
    check,
    eject,
    explain,
    init,
    inject,
    report,
    show,
    suggest,
    validate,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(VERSION, prog_name="seo-export")
def main() -> None:
    """Turn health articles (Markdown + YAML front matter) into schema.org JSON-LD,
    head tags and XML sitemaps, validated, for a site or CMS to inject."""


for command in (
    build.build,
    bundle.bundle,
    check.check,
    eject.eject,
    explain.explain,
    init.init,
    inject.inject,
    report.report,
    show.show,
    suggest.suggest,
    validate.validate,
):
    main.add_command(command)

__all__ = ["main"]
