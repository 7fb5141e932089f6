"""``seo-export show``: one article's JSON-LD, for a quick look."""

from __future__ import annotations

from pathlib import Path

import click

from seo_export.cli.articles import read_article
from seo_export.cli.options import fail, format_option, load_cli_settings, settings_options
from seo_export.cli.output import Output


@click.command()
@settings_options
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@format_option
def show(
    config: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    base_url: str | None,
    article: Path,
    fmt: str,
) -> None:
    """Print ARTICLE's JSON-LD, pretty, for a quick look (and on standard error, the type of
    what it is about and why)."""
    import json

    from seo_export.build.article import build_article

    out = Output(fmt)
    settings = load_cli_settings(config, content_dir, out_dir, base_url)
    display, text, name = read_article(article, settings, out)
    result = build_article(text, settings, path=display, name=name)
    if result.jsonld is None:
        out.findings(result.findings)
        out.flush()
        fail(f"{display} was not built")
    if result.article is not None:
        about = result.article.about
        out.say(f"about: {about.name} ({about.step}: {about.evidence})", err=True)
    out.say(json.dumps(result.jsonld, ensure_ascii=False, indent=2))
    out.flush()
