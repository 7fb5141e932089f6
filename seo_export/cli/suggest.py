"""``seo-export suggest``: the main entity's type and the items each of its properties gets,
and from where."""

from __future__ import annotations

from pathlib import Path

import click

from seo_export.cli.articles import article_paths, read_article
from seo_export.cli.options import exit_with, format_option, load_cli_settings, settings_options
from seo_export.cli.output import Output


@click.command()
@settings_options
@click.argument("articles", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--write",
    is_flag=True,
    help="Add the type read from the text (schemaType) and the items read from prose to each "
    "file's front matter.",
)
@format_option
def suggest(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    articles: tuple[Path, ...],
    write: bool,
    fmt: str,
) -> None:
    """Print, per article, its main entity's type and the items each property gets, and from
    where."""
    from seo_export.project.suggest import SuggestWriteError, suggest, write_suggestions

    out = Output(fmt)
    settings = load_cli_settings(config, content_dir, out_dir, base_url)
    failed = False
    for path in article_paths(articles, settings):
        display, text, _ = read_article(path, settings, out)
        suggestion = suggest(text, settings, display)
        if suggestion.errors:  # a broken article has no items to suggest: say why
            out.findings(suggestion.errors)
            failed = True
            continue
        out.say(display)
        if suggestion.about is not None:
            about = suggestion.about
            out.say(f"  type: {about.name}  [{about.step}: {about.evidence}]")
        if not suggestion.entities:
            out.say("  (no items)")
        for prop, items in suggestion.entities.items():
            out.say(f"  {prop}:")
            for item in items:
                where = f"{item.source}, line {item.line}" if item.line else item.source
                out.say(f"    - {item.name}  [{where}]")
        if write:
            try:
                added = write_suggestions(path, settings, display)
            except (SuggestWriteError, OSError, UnicodeDecodeError) as error:
                out.say(f"  not written: {error}", err=True)
                failed = True
                continue
            written = ([f"schemaType: {added.about.name}"] if added.about else []) + list(
                added.entities
            )
            if written:
                out.say(f"  wrote {', '.join(written)} to the front matter")
    out.flush()
    exit_with(failed)
