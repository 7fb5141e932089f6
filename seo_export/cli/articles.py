"""Articles named on the command line (show, suggest), read as a build reads them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from seo_export.cli.options import fail
from seo_export.cli.output import Output

if TYPE_CHECKING:
    from seo_export.config.settings import Settings


def read_article(path: Path, settings: Settings, out: Output) -> tuple[str, str, str]:
    """(display path, text, path in the content folder) of an article named on the command
    line; its findings and exit 2 when it cannot be read."""
    from seo_export.read.discover import read_source, source_for_path

    source = source_for_path(path, settings.content_dir, settings.root)
    text = read_source(source, settings.max_file_bytes)
    if text.text is None:
        out.findings(text.findings)
        out.flush()
        fail(f"cannot read {source.display}")
    return source.display, text.text, source.name


def article_paths(articles: tuple[Path, ...], settings: Settings) -> list[Path]:
    """The files named, or every article of the content folder."""
    if articles:
        return list(articles)
    from seo_export.errors import SeoExportError
    from seo_export.read.discover import discover

    try:
        sources, _ = discover(
            settings.content_dir,
            settings.root,
            out_dir=settings.out_dir,
            exclude=settings.exclude_pattern,
        )
    except SeoExportError as error:
        fail(str(error))
    return [Path(source.path) for source in sources]
