"""Stage 3: turn a parsed document into an :class:`Article`, or findings saying why not.

In named steps over one :class:`_Reading`: the front matter's fields (read by
:mod:`seo_export.read.fields` and the modules beside it, keys in any case), the
dates, the slug, title and URL (:func:`_place`: from the file's path, the front
matter, the H1), the body split into intro, H2 sections and the FAQ
(:mod:`seo_export.read.sections`), whether the article is left out
(:mod:`seo_export.read.publication`), the type of its main entity
(:mod:`seo_export.read.about`), and that entity's properties
(:mod:`seo_export.read.extract`). Keys seo-export does not interpret are kept in
``Article.extra``.

Why it is long: every step reads and adds to the one reading of an article, in the order
the fields depend on each other (dates before the URL, the URL before the sections' links,
the type before the properties); split further, each part would pass that reading around.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from seo_export.config.settings import Settings
from seo_export.domain.dates import day_of, is_before, later
from seo_export.findings.codes import finding
from seo_export.model import Article, Block, Contributor, Finding, PageDate
from seo_export.read.about import about_type
from seo_export.read.blocks import blocks_from_tokens, clean_text
from seo_export.read.blocks_tree import blocks_from_tree
from seo_export.read.extract import extract_entities
from seo_export.read.fields import FrontMatter, flag_value
from seo_export.read.keys import report_key_spellings
from seo_export.read.parse import ParsedDocument
from seo_export.read.people import contributors, keyed
from seo_export.read.prose.lexicon import lexicon_for
from seo_export.read.publication import left_out
from seo_export.read.sections import (
    FaqReading,
    choose_description,
    faq_from_front_matter,
    faq_from_section,
    is_faq_heading,
    split_sections,
)
from seo_export.read.slugs import SourceName, is_valid_slug, slugify, source_name
from seo_export.read.values import (
    alternate_names,
    alternates,
    canonical_url,
    condition_codes,
    image_ref,
    keywords,
    redirects,
)


@dataclass(frozen=True, slots=True)
class _Dates:
    """The dates the front matter (or the file name) gives."""

    published: PageDate | None
    """First publication."""
    updated: PageDate | None
    """Last change, as written."""
    reviewed: PageDate | None
    """Medical review."""
    expiry: PageDate | None
    """When the article is taken down."""


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the steps of one article's normalization share."""

    parsed: ParsedDocument
    """The parsed source."""
    front: FrontMatter
    """Its front matter, read field by field."""
    settings: Settings
    """The site's settings."""
    source: SourceName | None
    """What its path in the content folder says, when it has one."""
    dates: _Dates
    """Its dates."""
    findings: list[Finding]
    """Where every step puts its findings."""

    @property
    def display(self) -> str:
        """The file as findings name it."""
        return self.front.display


@dataclass(frozen=True, slots=True)
class _Place:
    """Where the article is: its title, slug, URL and the blocks linked against the URL."""

    title: str
    """Its title."""
    title_source: str
    """Where the title came from."""
    slug: str
    """Its key (see :func:`_key`)."""
    url: str
    """Its canonical URL."""
    blocks: list[Block]
    """The body's blocks."""


def normalize(
    parsed: ParsedDocument, display: str, settings: Settings, name: str | None = None
) -> tuple[Article | None, list[Finding]]:
    """The article, or None with the findings that stop it; warnings come back either way.

    ``name`` is the file's path in the content folder (POSIX): its slug, its
    ``{path}``, a title and a date can come from it. Without one, the slug comes
    from the title.
    """
    findings: list[Finding] = []
    front = FrontMatter(parsed.front_matter, parsed.key_lines, display, findings, settings.base_url)
    report_key_spellings(front)
    source = source_name(name, file_name_date=settings.file_name_date) if name else None
    draft_key = _draft_key(front)
    reading = _Reading(parsed, front, settings, source, _dates(front, settings, source), findings)
    slug = _given_or_path_slug(reading)
    canonical = canonical_url(front, settings)
    place = None if _has_errors(findings) else _place(reading, slug, canonical)
    if place is None or _has_errors(findings):
        return None, findings
    _check_date_order(reading)
    article = _article(reading, place)
    article = left_out(article, front, draft_key, findings)
    # a draft is not built: its type is not asked
    about = None if article.draft else about_type(article, front, settings, findings, path=name)
    return extract_entities(
        article,
        parsed.front_matter,
        settings,
        findings,
        written=front.written.by_canonical,
        about=about,
    ), findings


def _place(reading: _Reading, slug: str | None, canonical: str | None) -> _Place | None:
    """The title (given or derived), slug and URL, and the blocks linked against the URL.

    The URL comes first when the slug is given or the path's; else (slug_source =
    "title") the title gives the slug, and a title from the H1 needs the blocks,
    which are then read again against the URL.
    """
    title = reading.front.text("title")
    if slug is None and title:
        slug = _title_slug(reading, title)
        if slug is None:
            return None
    url = _url(reading, canonical, slug)
    blocks = _blocks(reading.parsed, url or reading.settings.base_url + "/")
    derived = None if title else _derived_title(reading, blocks)
    if derived is not None:
        title = derived[0]
    if title is None:
        line = reading.parsed.front_matter_line
        reading.findings.append(
            finding(
                "title-missing",
                "front matter has no title, the body no H1, metaTitle no separator, and the "
                "file name no letters",
                reading.display,
                line,
                key="title",
            )
        )
        return None
    if slug is None:
        slug = _title_slug(reading, title)
        url = _url(reading, canonical, slug)
        if url is None or slug is None:
            return None
        blocks = _blocks(reading.parsed, url)
    if url is None:
        return None
    return _Place(
        title, derived[1] if derived else "front-matter", _key(reading, slug), url, blocks
    )


def _key(reading: _Reading, slug: str) -> str:
    """The article's key (``Article.slug``, its folder in out/): the slug, or with
    ``{path}`` in article_url its folders and slug, so that two files of one name in
    two folders (two pages) are two articles."""
    if reading.source is None or "{path}" not in reading.settings.article_url:
        return slug
    return reading.source.key(slug)


def _has_errors(findings: Sequence[Finding]) -> bool:
    return any(f.severity.value == "error" for f in findings)


def _blocks(parsed: ParsedDocument, url: str) -> list[Block]:
    """The body's blocks, links made absolute against the article's ``url``."""
    if parsed.tree is not None:
        return blocks_from_tree(parsed.tree, parsed.body, parsed.body_line, url)
    return blocks_from_tokens(parsed.tokens, parsed.body_line, url)


def _draft_key(front: FrontMatter) -> str | None:
    """The key that makes the article a draft: ``draft: true`` (or Hugo's ``headless:
    true``), or Jekyll's ``published: false``, which is then no date."""
    published = front.written.by_canonical.get("published")
    value = front.data[published] if published is not None else None
    if published is not None and value != "" and flag_value(value) is not None:
        front.set_aside.add(published)
        if flag_value(value) is False:
            return published
    return front.any_flag("draft")


def _dates(front: FrontMatter, settings: Settings, source: SourceName | None) -> _Dates:
    order = settings.date_order_given
    published = front.date("date_published", settings.day_first, future_ok=True, order_given=order)
    if published is None and source is not None and front.key_for("date_published") is None:
        published = source.date  # Jekyll's 2024-05-01-title.md
    return _Dates(
        published=published,
        updated=front.date("date_updated", settings.day_first, order_given=order),
        reviewed=front.date("last_reviewed", settings.day_first, order_given=order),
        expiry=front.date("expiry_date", settings.day_first, future_ok=True, order_given=order),
    )


def _given_or_path_slug(reading: _Reading) -> str | None:
    """The ``slug`` key's, else (slug_source = "path") the file name's; None when the title
    must give it, or when the one given is invalid (with a finding)."""
    front, source = reading.front, reading.source
    key = front.key_for("slug")
    if key is not None:
        given = front.data[key]
        if not isinstance(given, str) or not is_valid_slug(given):
            front.problem(
                "slug-invalid",
                key,
                f"slug {given!r} must be lower-case letters, digits and single hyphens",
            )
            return None
        return given
    if reading.settings.slug_source != "path" or source is None:
        return None
    if not source.slug:
        message = f"the file name {source.stem!r} gives no slug; set slug: in the front matter"
        reading.findings.append(finding("slug-invalid", message, reading.display))
        return None
    if source.slug != source.stem:
        reading.findings.append(
            finding(
                "slug-from-file-name",
                f"the file name {source.stem!r} is not a URL slug; the URL ends in "
                f"{source.slug!r}, which may not be the page's address",
                reading.display,
            )
        )
    return source.slug


def _title_slug(reading: _Reading, title: str) -> str | None:
    slug = slugify(title)
    if not slug:
        reading.findings.append(
            finding(
                "slug-invalid",
                f"title {title!r} gives an empty slug; set slug: in the front matter",
                reading.display,
                reading.front.line(reading.front.key_for("title") or "title"),
                key="title",
            )
        )
        return None
    return slug


def _url(reading: _Reading, canonical: str | None, slug: str | None) -> str | None:
    """The canonical URL: the front matter's, else article_url's; None until the slug is
    known, or when article_url needs a date the article lacks (with a finding)."""
    if canonical is not None:
        return canonical
    if slug is None:
        return None
    settings, published = reading.settings, reading.dates.published
    day = day_of(published) if published is not None else None
    if day is None and settings.url_needs_date:
        reading.findings.append(
            finding(
                "url-date-missing",
                f"article_url {settings.article_url!r} needs a publication date",
                reading.display,
            )
        )
        return None
    path = reading.source.path(slug) if reading.source is not None else slug
    return settings.article_url_for(slug, path, day)


_SEPARATORS = (" – ", " — ", " - ", " | ", ":")
"""What separates a metaTitle's title from the rest (``Ældre – Hvad er en ældre?``)."""


def _derived_title(reading: _Reading, blocks: Sequence[Block]) -> tuple[str, str] | None:
    """(title, where from: h1, meta-title or file-name) of an article whose front matter
    has none: its H1, else the part of metaTitle before its first separator, else the
    file name made readable."""
    front, source = reading.front, reading.source
    heading = next((b for b in blocks if b.kind == "heading" and b.level == 1 and b.text), None)
    meta_key = front.key_for("meta_title")
    meta_title = front.text("meta_title") or ""
    cut = min((i for i in (meta_title.find(sep) for sep in _SEPARATORS) if i > 0), default=-1)
    line: int | None
    if heading is not None:
        title, origin, where, line = heading.text, "h1", "its H1", heading.line
    elif cut > 0 and clean_text(meta_title[:cut]):
        title, origin = clean_text(meta_title[:cut]), "meta-title"
        where, line = f"{meta_key} (before its separator)", front.line(meta_key or "")
    elif source is not None and source.readable:
        title, origin, where, line = source.readable, "file-name", "the file name", None
    else:
        return None
    reading.findings.append(
        finding("title-derived", f"no title in the front matter; {title!r} from {where}",
                reading.display, line, key="title")
    )  # fmt: skip
    return title, origin


def _check_date_order(reading: _Reading) -> None:
    front, published, updated = reading.front, reading.dates.published, reading.dates.updated
    if published is None or updated is None or not is_before(updated, published):
        return
    updated_key = front.key_for("date_updated") or "lastUpdated"
    published_key = front.key_for("date_published") or "the file name's date"
    reading.findings.append(
        finding(
            "date-order",
            f"{updated_key} ({updated.isoformat()}) is before {published_key} "
            f"({published.isoformat()}); dateModified uses {published_key}",
            reading.display,
            front.line(updated_key),
            key=updated_key,
        )
    )


def _article(reading: _Reading, place: _Place) -> Article:
    """The article from its place, its dates, its body and the rest of its front matter."""
    parsed, front, settings, dates = reading.parsed, reading.front, reading.settings, reading.dates
    intro, sections = split_sections(place.blocks)
    faq_section = next((s for s in sections if is_faq_heading(s.heading, settings)), None)
    lex = lexicon_for(settings)
    body_faq = (
        FaqReading((), ())
        if faq_section is None
        else faq_from_section(faq_section, reading.display, reading.findings, lex)
    )
    given_faq = faq_from_front_matter(
        parsed.front_matter.get("faq"), parsed.item_lines.get("faq", ()),
        parsed.key_lines.get("faq"), reading.display, reading.findings,
    )  # fmt: skip
    meta_title = front.text("meta_title")
    description, description_source = choose_description(
        front.text("description"),
        intro,
        sections,  # the FAQ's answers among them: a paragraph anywhere
        meta_title=meta_title,
        title=place.title,
        limit=settings.description_length,
    )
    ours = front.written.by_canonical.values()
    return Article(
        source=reading.display,
        slug=place.slug,
        url=place.url,
        title=place.title,
        title_source=place.title_source,
        meta_title=meta_title if meta_title != place.title else None,
        description=description,
        description_derived=description_source != "front-matter",
        description_source=description_source,
        intro=tuple(intro),
        date_published=dates.published,
        date_modified=later(dates.published, dates.updated),
        last_reviewed=dates.reviewed,
        expiry_date=dates.expiry,
        sections=tuple(s for s in sections if s is not faq_section),
        faq=body_faq.questions + given_faq,
        faq_subsections=body_faq.subsections,
        noindex=front.flag("noindex"),
        image=image_ref(front, settings),
        alternates=alternates(front, settings, place.url),
        reviewers=contributors(front, "reviewed_by", settings),
        authors=contributors(front, "author", settings) or _default_authors(settings),
        keywords=keywords(front),
        redirects=redirects(front, settings),
        faq_line=faq_section.line if faq_section else None,
        front_matter_lines=dict(parsed.key_lines),
        front_matter_item_lines=dict(parsed.item_lines),
        alternate_names=alternate_names(front),
        codes=condition_codes(front),
        extra={key: value for key, value in parsed.front_matter.items() if key not in ours},
    )


def _default_authors(settings: Settings) -> tuple[Contributor, ...]:
    default = settings.default_author
    return (keyed(default),) if default is not None else ()
