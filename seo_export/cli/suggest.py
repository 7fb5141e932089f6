"""``seo-export suggest``: the items each MedicalCondition property gets, and from where."""

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
    help="Add the items read from prose to each file's front matter as explicit lists.",
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
    """Print, per article, the items each MedicalCondition property gets and from where."""
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
            if added.entities:
                out.say(f"  wrote {', '.join(added.entities)} to the front matter")
    out.flush()
    exit_with(failed)
