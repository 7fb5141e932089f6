"""Typed, frozen settings, read once from seo-export.toml or [tool.seo-export].

``load_settings`` merges, in increasing priority: built-in defaults, the settings
file, and keyword overrides (the CLI's options). The merged mapping is checked
against schemas/settings.schema.json, so every bad or unknown key is reported at
once, with its name and the file it came from.

Why it is long: :class:`Settings` is the one typed view of every setting, a field
with its docstring each; the settings of content conventions and authors are read
in :mod:`seo_export.config.conventions`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seo_export.config.conventions import AboutRule, about_rules, content_conventions, site_authors
from seo_export.config.settings_file import (
    find_settings_file,
    line_of,
    problem_location,
    read_settings_file,
)
from seo_export.domain import properties
from seo_export.domain.schemas import schema_problems
from seo_export.errors import SettingsError
from seo_export.model import Contributor
from seo_export.system import display_path


@dataclass(frozen=True, slots=True)
class Publisher:
    """The organisation that publishes the site."""

    name: str
    """Organisation name."""
    url: str
    """Its home page."""
    logo: str | None = None
    """Absolute URL of its logo."""
    same_as: tuple[str, ...] = ()
    """Profiles elsewhere (schema.org sameAs)."""


@dataclass(frozen=True, slots=True)
class ArticlesIndex:
    """The breadcrumb step between the home page and an article."""

    name: str
    """Link text, e.g. ``Artikler``."""
    url: str
    """Absolute URL of the index page."""


@dataclass(frozen=True, slots=True)
class SectionRule:
    """One entry of the section-to-property map."""

    property: str
    """MedicalCondition property the section feeds, e.g. ``signOrSymptom``."""
    headings: tuple[re.Pattern[str], ...]
    """Case-insensitive patterns searched in H2 headings and FAQ questions."""
    item_type: str | None = None
    """schema.org type of the items; None for the property's default."""
    combined: re.Pattern[str] = field(default=re.compile(r"(?!)"), compare=False)
    """The heading patterns as one alternation (one search instead of one per pattern)."""

    def __post_init__(self) -> None:
        joined = "|".join(f"(?:{pattern.pattern})" for pattern in self.headings) or "(?!)"
        object.__setattr__(self, "combined", re.compile(joined, re.IGNORECASE))

    def matches(self, heading: str) -> bool:
        """Whether a heading or FAQ question belongs to this rule."""
        return self.combined.search(heading) is not None


def default_sections() -> list[dict[str, Any]]:
    """The built-in section map, as a settings file writes it, from the property table.

    A site replaces it with ``sections = [...]`` or puts its own rules first with
    ``extra_sections``. Each property's special rules (physiotherapy) come before its
    own headings; the table's order is the order the rules are tried in.
    """
    return [
        {"property": prop.name, "headings": list(headings)}
        | ({"item_type": item_type} if item_type else {})
        for prop in properties.MAIN_ENTITY_PROPERTIES
        for headings, item_type in prop.heading_rules
    ]


_FIXED_DEFAULTS: dict[str, Any] = {
    "language": "en",
    "article_url": "/articles/{slug}/",
    "content_dir": "content",
    "out_dir": "out",
    "date_order": "day-first",
    "description_length": 155,
    "faq_headings": [
        r"ofte stillede spørgsmål",
        r"frequently asked questions",
        r"\bFAQ\b",
    ],
    "audience": "Patient",
    "extra_sections": [],
    "enumeration_cues": [
        "inkluderer",
        "herunder",
        "såsom",
        "omfatter",
        "f.eks.",
        "for eksempel",
        "includes",
        "include",
        "including",
        "such as",
    ],
    "enumeration_conjunctions": ["og", "eller", "and", "or"],
    "relative_pronouns": ["der", "som", "which", "that", "who"],
    "extraction_words": {},
    "physiotherapy_pattern": r"fysioterap|physiotherap|physical therap",
    "robots": "index, follow",
    "max_snippet": -1,
    "max_image_preview": "large",
    "max_video_preview": -1,
    "sitemap_max_urls": 50000,
    "sitemap_max_bytes": 52428800,
    "sitemap_extra": [],
    "sitemap_gzip": False,
    "output": "files",
    "frameworks": [],
    "shared_out_dir": False,
    "page_paths": ["{path}index.html", "{path_no_slash}.html"],
    "max_file_bytes": 5 * 1024 * 1024,
    "max_front_matter_nodes": 10000,
    "jobs": 0,
    "slug_source": "path",
    "file_name_date": True,
    # Hugo's list pages (a section's _index.md) and Jekyll's unpublished posts.
    "exclude": ["**/_index.*", "**/_drafts/**"],
    "authors": [],
    "about_types": [],
}


def defaults() -> dict[str, Any]:
    """Every setting's built-in value (the section map read from the property table now)."""
    return {**_FIXED_DEFAULTS, "sections": default_sections()}


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a build needs to know about the site. Build with :func:`load_settings`."""

    base_url: str
    """Site root without a trailing slash, e.g. ``https://www.fysfinder.dk``."""
    site_name: str
    """Site name for og:site_name and the WebSite node."""
    language: str
    """BCP 47 tag of the content, e.g. ``da-DK``."""
    article_url: str
    """Path pattern with ``{slug}``, e.g. ``/artikler/{slug}/``."""
    content_dir: Path
    """Folder of articles."""
    out_dir: Path
    """Output folder."""
    day_first: bool
    """Read 03/04/2024 as 3 April (True) or March 4 (False)."""
    description_length: int
    """Longest derived description, in characters."""
    faq_headings: tuple[re.Pattern[str], ...]
    """Patterns that mark the FAQ's H2."""
    publisher: Publisher
    """The publishing organisation."""
    articles_index: ArticlesIndex
    """Breadcrumb step for the articles index."""
    home_name: str
    """Breadcrumb name of the home page."""
    audience: str
    """MedicalAudienceType of the pages."""
    sections: tuple[SectionRule, ...]
    """Section-to-property map, tried in order."""
    enumeration_cues: tuple[str, ...]
    """Words that introduce an enumeration in prose."""
    enumeration_conjunctions: tuple[str, ...]
    """Words that join the last item of an enumeration."""
    relative_pronouns: tuple[str, ...]
    """Words that start a relative clause kept with the item before it."""
    extraction_words: Mapping[str, Mapping[str, tuple[str, ...]]]
    """Language -> word list of prose extraction -> the site's own words, added to the
    built-in list (``seo_export.domain.enumeration``)."""
    physiotherapy_pattern: re.Pattern[str]
    """Items matching this are typed PhysicalTherapy."""
    robots: str
    """Base robots directive for indexable pages."""
    max_snippet: int
    """max-snippet for robots (-1: no limit)."""
    max_image_preview: str
    """max-image-preview for robots."""
    max_video_preview: int
    """max-video-preview for robots (-1: no limit)."""
    twitter_site: str | None
    """The site's @handle for twitter:site."""
    default_image: str | None
    """Image for articles without one."""
    sitemap_max_urls: int
    """URLs per sitemap file before splitting."""
    sitemap_max_bytes: int
    """Bytes per sitemap file before splitting."""
    sitemap_changefreq: str | None
    """changefreq for every URL (off by default: search engines ignore it)."""
    sitemap_priority: float | None
    """priority for every URL (off by default)."""
    sitemap_extra: tuple[str, ...]
    """Existing sitemaps to list in our index."""
    sitemap_gzip: bool
    """Also write reproducible .xml.gz files."""
    output: str
    """``files``: three files per article in out/<slug>/; ``bundle``: one out/articles.ndjson."""
    frameworks: tuple[str, ...]
    """Site frameworks (``nextjs``, ``hugo``) whose ready-made files each article also gets."""
    shared_out_dir: bool
    """out_dir also holds files that are not seo-export's (a site's public/), said plainly."""
    page_paths: tuple[str, ...]
    """Patterns mapping an URL path to a page file for inject."""
    max_file_bytes: int
    """Larger source files are reported and skipped."""
    max_front_matter_nodes: int
    """Front matter expanding to more YAML nodes is reported and skipped."""
    jobs: int
    """Processes that build (0: one per core)."""
    root: Path
    """The project folder (the settings file's): findings show paths relative to it."""
    source: str
    """Where the settings came from, for messages."""
    digest: str
    """SHA-256 of the effective settings, for the incremental cache."""
    slug_source: str = "path"
    """``path``: a slug from the file name (as static-site tools make URLs); ``title``:
    from the title."""
    file_name_date: bool = True
    """Read ``2024-05-01-`` at the start of a file name as its date (Jekyll's posts)."""
    exclude: tuple[str, ...] = ()
    """Glob patterns of files in the content folder that are not articles."""
    exclude_pattern: re.Pattern[str] | None = None
    """``exclude`` as one regular expression over POSIX paths relative to the content folder."""
    authors: tuple[Contributor, ...] = ()
    """The site's authors (``[[authors]]``), matched by id or name from the front matter."""
    default_author: Contributor | None = None
    """The author of articles that name none."""
    date_order_given: bool = False
    """Whether the settings file or an override set ``date_order``: when they did, a date
    such as 03/04/2025 is read as they say, with no ``date-ambiguous`` finding."""
    about_types: tuple[AboutRule, ...] = ()
    """Rules giving the type of an article's subject by its slug or path, tried in order
    after the front matter and before the text."""

    def article_url_for(
        self, slug: str, path: str | None = None, date: dt.date | None = None
    ) -> str:
        """The absolute URL of the article with this slug, ``{path}`` (folders and slug)
        and publication date (for ``{year}``, ``{month}`` and ``{day}``)."""
        url = self.article_url.replace("{slug}", slug).replace("{path}", path or slug)
        if date is not None:
            url = url.replace("{year}", f"{date.year:04d}")
            url = url.replace("{month}", f"{date.month:02d}").replace("{day}", f"{date.day:02d}")
        return self.base_url + url

    @property
    def url_needs_date(self) -> bool:
        """Whether ``article_url`` has ``{year}``, ``{month}`` or ``{day}``."""
        return any(part in self.article_url for part in ("{year}", "{month}", "{day}"))

    def author_named(self, name: str) -> Contributor | None:
        """The ``[[authors]]`` entry whose id or name is ``name`` (in any case), if any."""
        wanted = name.strip().casefold()
        if not wanted:
            return None
        return next(
            (a for a in self.authors if wanted in (a.key.casefold(), a.name.casefold())), None
        )

    def absolute(self, url: str) -> str:
        """``url`` made absolute against the site root (absolute URLs pass through)."""
        if url.startswith(("http://", "https://")):
            return url
        return self.base_url + ("" if url.startswith("/") else "/") + url


def load_settings(
    path: str | Path | None = None,
    *,
    search: bool = True,
    **overrides: Any,
) -> Settings:
    """Read, merge and check settings; raise :class:`SettingsError` listing every problem.

    ``path`` is a seo-export.toml or pyproject.toml. Without it, and with
    ``search`` true, the current folder is searched for one. ``overrides`` are
    settings keys (as in the file) that win over the file; ``None`` values are
    ignored, so CLI options can be passed through as they are. Relative
    ``content_dir`` and ``out_dir`` in a file are relative to that file.
    """
    settings_path = Path(path) if path is not None else None
    if settings_path is None and search:
        settings_path = find_settings_file(Path.cwd())
    file_values: dict[str, Any] = {}
    base_dir = Path.cwd()
    source = "settings"
    if settings_path is not None:
        if not settings_path.is_file():
            raise SettingsError(str(settings_path), ["file not found"])
        file_values = read_settings_file(settings_path)
        base_dir = settings_path.resolve().parent
        source = str(settings_path)
    given = {key: value for key, value in overrides.items() if value is not None}
    merged = {**defaults(), **file_values, **given}
    problems = schema_problems("settings.schema.json", merged) or _combination_problems(merged)
    if problems:
        located = sorted(
            ((problem_location(p, given, settings_path, source), p) for p in problems),
            key=lambda pair: line_of(pair[0]),
        )
        raise SettingsError(
            source, [p for _, p in located], locations=[where for where, _ in located]
        )
    for key in ("content_dir", "out_dir"):
        if key in file_values and key not in given:
            merged[key] = str(base_dir / file_values[key])
    unsafe = unsafe_places(merged, base_dir.resolve())
    if unsafe:
        raise SettingsError(source, unsafe)
    # Whether date_order was said, not left to its default, changes findings: in the digest.
    merged[_DATE_ORDER_GIVEN] = "date_order" in file_values or "date_order" in given
    return _settings_from_mapping(merged, source, base_dir)


_DATE_ORDER_GIVEN = "(date_order given)"
"""Not a settings key (the schema has checked the keys already): carries to the digest."""


def unsafe_places(values: Mapping[str, Any], root: Path) -> list[str]:
    """What would publish a secret or lose files: a ``base_url`` with user info (published in
    every canonical), a query or a fragment; an ``out_dir`` that is the content folder or
    holds it (the build writes and removes its files there), or that lies inside it unless
    ``shared_out_dir`` says so plainly or the content folder is the project's ``root`` (a
    flat project whose articles sit beside the settings file)."""
    import os
    from urllib.parse import urlsplit

    problems = []
    parts = urlsplit(str(values["base_url"]))
    if parts.username is not None or parts.password is not None:
        problems.append("base_url: has a user name or password, which would be published")
    if parts.query or parts.fragment or str(values["base_url"]).rstrip("/").endswith(("?", "#")):
        problems.append("base_url: has a query or a fragment; give the site's root URL")
    content = Path(os.path.realpath(values["content_dir"]))
    out = Path(os.path.realpath(values["out_dir"]))
    if out == content:
        problems.append(f"out_dir: is the content folder ({values['content_dir']}); choose another")
    elif content.is_relative_to(out):
        problems.append(
            f"out_dir: holds the content folder ({values['content_dir']}); choose another"
        )
    elif out.is_relative_to(content) and not values["shared_out_dir"] and content != root:
        problems.append(
            f"out_dir: lies inside the content folder ({values['content_dir']}); choose "
            "another, or set shared_out_dir = true to build there"
        )
    return problems


def _combination_problems(values: Mapping[str, Any]) -> list[str]:
    """What the schema cannot say of one key alone: settings that exclude each other."""
    if values["output"] == "bundle" and values["frameworks"]:
        return [
            'frameworks: needs output = "files" (a framework reads files of its own per '
            "article, and a bundle has none)"
        ]
    return []


def _settings_from_mapping(values: Mapping[str, Any], source: str, root: Path) -> Settings:
    base_url = str(values["base_url"]).rstrip("/")
    site_name = str(values["site_name"])
    article_url = str(values["article_url"])
    return Settings(
        base_url=base_url,
        site_name=site_name,
        language=str(values["language"]),
        article_url=article_url,
        content_dir=Path(values["content_dir"]),
        out_dir=Path(values["out_dir"]),
        day_first=values["date_order"] == "day-first",
        date_order_given=bool(values.get(_DATE_ORDER_GIVEN, False)),
        description_length=int(values["description_length"]),
        faq_headings=_patterns(values["faq_headings"]),
        publisher=_publisher(values, site_name, base_url),
        articles_index=_articles_index(values, article_url, base_url),
        home_name=str(values.get("home_name", site_name)),
        audience=str(values["audience"]),
        sections=_section_rules(values),
        enumeration_cues=tuple(values["enumeration_cues"]),
        enumeration_conjunctions=tuple(values["enumeration_conjunctions"]),
        relative_pronouns=tuple(values["relative_pronouns"]),
        extraction_words={
            str(language): {str(key): tuple(map(str, words)) for key, words in lists.items()}
            for language, lists in values["extraction_words"].items()
        },
        physiotherapy_pattern=re.compile(values["physiotherapy_pattern"], re.IGNORECASE),
        robots=str(values["robots"]),
        max_snippet=int(values["max_snippet"]),
        max_image_preview=str(values["max_image_preview"]),
        max_video_preview=int(values["max_video_preview"]),
        twitter_site=values.get("twitter_site"),
        default_image=values.get("default_image"),
        sitemap_max_urls=int(values["sitemap_max_urls"]),
        sitemap_max_bytes=int(values["sitemap_max_bytes"]),
        sitemap_changefreq=values.get("sitemap_changefreq"),
        sitemap_priority=values.get("sitemap_priority"),
        sitemap_extra=tuple(values["sitemap_extra"]),
        sitemap_gzip=bool(values["sitemap_gzip"]),
        output=str(values["output"]),
        frameworks=tuple(values["frameworks"]),
        shared_out_dir=bool(values["shared_out_dir"]),
        page_paths=tuple(values["page_paths"]),
        max_file_bytes=int(values["max_file_bytes"]),
        max_front_matter_nodes=int(values["max_front_matter_nodes"]),
        jobs=int(values["jobs"]),
        root=root,
        source=source,
        digest=_digest(values, root),
        **content_conventions(values),
        **site_authors(values),
        **about_rules(values),
    )


def _publisher(values: Mapping[str, Any], site_name: str, base_url: str) -> Publisher:
    publisher_values = values.get("publisher") or {"name": site_name}
    return Publisher(
        name=publisher_values["name"],
        url=publisher_values.get("url", base_url + "/"),
        logo=publisher_values.get("logo"),
        same_as=tuple(publisher_values.get("same_as", ())),
    )


def _articles_index(values: Mapping[str, Any], article_url: str, base_url: str) -> ArticlesIndex:
    index_values = values.get("articles_index") or _default_articles_index(article_url)
    index_url = str(index_values["url"])
    return ArticlesIndex(
        name=str(index_values["name"]),
        url=index_url if index_url.startswith("http") else base_url + index_url,
    )


def _section_rules(values: Mapping[str, Any]) -> tuple[SectionRule, ...]:
    rules = [*values["extra_sections"], *values["sections"]]
    return tuple(
        SectionRule(
            property=rule["property"],
            headings=_patterns(rule["headings"]),
            item_type=rule.get("item_type"),
        )
        for rule in rules
    )


def _digest(values: Mapping[str, Any], root: Path) -> str:
    """SHA-256 of the settings that change output. Where files live and how many
    processes run do not change a byte of it, except the content folder as the findings
    name it (relative to the project's root)."""
    output_relevant = {k: v for k, v in values.items() if k not in _NOT_IN_DIGEST}
    output_relevant["content_dir"] = display_path(Path(values["content_dir"]), root)
    canonical = json.dumps(output_relevant, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


_NOT_IN_DIGEST = frozenset({"content_dir", "out_dir", "shared_out_dir", "jobs"})


def _patterns(sources: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(source, re.IGNORECASE) for source in sources)


def _default_articles_index(article_url: str) -> dict[str, str]:
    """``/artikler/{slug}/`` -> {name: Artikler, url: /artikler/}; the root otherwise."""
    first = article_url.strip("/").split("/")[0]
    if "{" in first:
        return {"name": "Articles", "url": "/"}
    return {"name": first.replace("-", " ").capitalize(), "url": f"/{first}/"}
