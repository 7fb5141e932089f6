"""What ``seo-export init`` takes from a Hugo site's config, when the folder is one.

Hugo's config (``hugo.toml``, ``hugo.yaml``, ``hugo.json``, or the older ``config.*``, in
the folder or in ``config/_default/``) says the site's URL, language and name, where the
content is, and the URL of each section's pages (``permalinks``). :func:`read_hugo_site`
turns those into seo-export's settings for the section that holds the articles, and says
what it could not carry over rather than guess: a permalink token with no exact
counterpart leaves Hugo's default URL and a note.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from seo_export.read.discover import SOURCE_SUFFIXES

CONFIG_NAMES = tuple(
    f"{stem}.{suffix}" for stem in ("hugo", "config") for suffix in ("toml", "yaml", "yml", "json")
)
"""Hugo's config file names, in the order Hugo looks for them."""

CONFIG_FOLDERS = (".", "config/_default")
"""Where, in the site's folder, Hugo looks for them."""

PERMALINK_TOKENS: Mapping[str, str | None] = {
    ":year": "{year}",
    ":month": "{month}",
    ":day": "{day}",
    ":slugorfilename": "{slug}",
    ":slugorcontentbasename": "{slug}",
    # Hugo's :filename ignores a `slug:`, seo-export's {slug} takes it; the same otherwise.
    ":filename": "{slug}",
    ":contentbasename": "{slug}",
    # A title made into a URL (Hugo's urlize keeps letters such as æ that seo-export's
    # slugs spell out), the sections' names, weekday or month names: no exact counterpart.
    ":slug": None,
    ":title": None,
    ":sections": None,
    ":monthname": None,
    ":weekday": None,
    ":weekdayname": None,
    ":yearday": None,
}
"""Hugo's permalink tokens -> seo-export's article_url placeholder (None: none that matches)."""


@dataclass(frozen=True, slots=True)
class HugoSite:
    """The settings a Hugo site's config gives, for ``init``'s defaults and settings file."""

    config: Path
    """The config file read."""
    base_url: str | None
    """The site's home page without a path (``baseURL``), when the config has one."""
    language: str | None
    """``languageCode`` (or ``defaultContentLanguage``) as a BCP 47 tag."""
    site_name: str | None
    """``title``."""
    url_prefix: str
    """The path of ``baseURL`` below its host, without the last slash (``""`` for none)."""
    section: str | None
    """The content section whose pages are the articles (the one with most Markdown files)."""
    content_dir: str
    """The articles' folder, relative to the site's folder: ``contentDir`` and the section."""
    article_url: str
    """The articles' URL pattern: from the section's permalink, else Hugo's default."""
    notes: tuple[str, ...] = ()
    """What could not be carried over, one sentence each, for the settings file and the user."""


def find_hugo_config(folder: Path) -> Path | None:
    """The Hugo config file of the site in ``folder``, or None when it is not a Hugo site."""
    for where in CONFIG_FOLDERS:
        for name in CONFIG_NAMES:
            candidate = folder / where / name
            if candidate.is_file():
                return candidate
    return None


def read_hugo_site(folder: Path) -> HugoSite | None:
    """The settings the Hugo site in ``folder`` gives, or None when there is no Hugo config.

    A config that cannot be read is reported as a note, with the defaults kept.
    """
    config_path = find_hugo_config(folder)
    if config_path is None:
        return None
    notes: list[str] = []
    try:
        config = _lower_keys(_load(config_path))
    except (OSError, ValueError, yaml.YAMLError) as error:
        config = {}
        notes.append(f"{config_path.name} could not be read ({error}); its values are not used")
    base_url, prefix = _base_url(config.get("baseurl"))
    content = str(config.get("contentdir") or "content")
    section = _articles_section(folder / content)
    article_url = f"{prefix}/{section}/{{path}}/" if section else f"{prefix}/{{path}}/"
    pattern = _permalink(config.get("permalinks"), section)
    if pattern is not None:
        translated, unknown = translate_permalink(pattern, section)
        if unknown:
            notes.append(
                f"the permalink {pattern!r} of section {section!r} uses {', '.join(unknown)}, "
                "which seo-export cannot follow exactly: article_url is Hugo's default URL; "
                "set it by hand"
            )
        else:
            article_url = prefix + translated
    if config.get("uglyurls"):
        notes.append("uglyURLs is on: article_url ends with a slash; make it end with .html")
    language = config.get("languagecode") or config.get("defaultcontentlanguage")
    title = config.get("title")
    return HugoSite(
        config=config_path,
        base_url=base_url,
        language=bcp47(str(language)) if language else None,
        site_name=str(title) if title else None,
        url_prefix=prefix,
        section=section,
        content_dir=f"{content}/{section}" if section else content,
        article_url=article_url,
        notes=tuple(notes),
    )


def translate_permalink(pattern: str, section: str | None) -> tuple[str, list[str]]:
    """A Hugo permalink as an article_url (placeholders for tokens), and the tokens that
    have no exact counterpart. ``:section`` is the articles' section, written out."""
    unknown: list[str] = []

    def token(match: re.Match[str]) -> str:
        name = match[0]
        if name == ":section" and section:
            return section
        placeholder = PERMALINK_TOKENS.get(name)
        if placeholder is None:
            unknown.append(name)
            return name
        return placeholder

    # Longest names first: :slugorfilename before :slug.
    names = sorted(PERMALINK_TOKENS.keys() | {":section"}, key=len, reverse=True)
    translated = re.sub("|".join(re.escape(name) for name in names), token, pattern)
    if not translated.startswith("/"):
        translated = "/" + translated
    return translated, unknown


def bcp47(code: str) -> str:
    """Hugo's ``da-dk`` or ``da_DK`` as ``da-DK``."""
    parts = code.replace("_", "-").split("-")
    return "-".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])


def _load(path: Path) -> Mapping[str, Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        data: Any = tomllib.loads(text)
    elif path.suffix == ".json":
        data = json.loads(text)
    else:
        data = yaml.safe_load(text)
    if not isinstance(data, Mapping):
        raise ValueError("it is not a table of settings")
    return data


def _lower_keys(config: Mapping[str, Any]) -> dict[str, Any]:
    """Hugo reads its config keys in any case (baseURL, baseurl)."""
    return {str(key).lower(): value for key, value in config.items()}


def _base_url(value: object) -> tuple[str | None, str]:
    """(scheme and host, the path below them without its last slash) of Hugo's baseURL."""
    if not isinstance(value, str) or not value.strip():
        return None, ""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None, ""
    return f"{parts.scheme}://{parts.netloc}", parts.path.rstrip("/")


def _articles_section(content: Path) -> str | None:
    """The top folder of ``content`` with the most Markdown files (None: none has any)."""
    if not content.is_dir():
        return None
    counts: dict[str, int] = {}
    for path in content.rglob("*"):
        relative = path.relative_to(content).parts
        is_page = path.suffix.lower() in SOURCE_SUFFIXES and not path.name.startswith("_index.")
        if len(relative) > 1 and is_page:
            counts[relative[0]] = counts.get(relative[0], 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda name: counts[name])


def _permalink(permalinks: object, section: str | None) -> str | None:
    """The section's pages' permalink: ``[permalinks.page]`` or the older flat form."""
    if not isinstance(permalinks, Mapping) or section is None:
        return None
    pages = permalinks.get("page")
    for table in (pages, permalinks):
        if isinstance(table, Mapping) and isinstance(table.get(section), str):
            return str(table[section])
    return None
