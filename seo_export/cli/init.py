"""``seo-export init``: start a project, a commented seo-export.toml and an example article."""

from __future__ import annotations

from pathlib import Path

import click

from seo_export.cli.options import fail


@click.command()
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
    article when it has none. In a Hugo site, its config gives the defaults."""
    from seo_export.errors import SeoExportError
    from seo_export.project.hugo_site import read_hugo_site
    from seo_export.project.init import DEFAULTS, Answers, init_project

    hugo = read_hugo_site(folder)
    defaults = DEFAULTS
    if hugo is not None:
        click.echo(f"Hugo site: taking the defaults from {hugo.config}")
        defaults = Answers(
            hugo.base_url or DEFAULTS.base_url,
            hugo.site_name or DEFAULTS.site_name,
            hugo.language or DEFAULTS.language,
        )

    def answer(given: str | None, question: str, default: str) -> str:
        if given is not None:
            return given
        return default if yes else str(click.prompt(question, default=default))

    answers = Answers(
        base_url=answer(base_url, "Base URL of the site", defaults.base_url),
        site_name=answer(site_name, "Site name", defaults.site_name),
        language=answer(
            language, "Language of the articles (BCP 47, e.g. da-DK)", defaults.language
        ),
    )
    try:
        written = init_project(folder, answers, hugo)
    except SeoExportError as error:
        fail(str(error))
    for path in written:
        click.echo(f"Wrote {path}")
    if hugo is not None:
        for note in hugo.notes:
            click.echo(f"Not taken from {hugo.config.name}: {note}")
        click.echo("Hugo: add the mounts and the partial's call that docs/hugo.md shows")
    click.echo("Next: seo-export build   (then seo-export report, or seo-export validate)")
