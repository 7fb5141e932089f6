"""The front matter's fields: one table of the keys seo-export reads and the tools that write them.

Each row is one field of an article (its title, its publication date, its
author, ...): the front-matter keys that give it, in the order they are
preferred, the tools that write each key, the shape of its value, and a line
for the docs. Keys are matched without regard to case, as Hugo matches them
(``Title``, ``DRAFT``, ``lastMod``).

Everything that names a front-matter key reads this table: the readers of
read/fields.py and read/keys.py (which key gives which field, which keys
are known, which nearly-known key is a misspelling), the front-matter JSON
Schema (its ``properties`` are generated from the rows: domain/schema_parts.py),
and the docs' tables of fields and of tools. :data:`OTHER_TOOLS_KEYS` lists
the keys the tools write that seo-export does not read, so that they are never
taken for misspellings. The main entity's property keys (``symptoms``, ...)
are the rows of :mod:`seo_export.domain.properties`, and the date keys come
from :data:`seo_export.domain.dates.DATE_FIELDS`.

Why it is long: it is a table, one row per field with a line per key, and
its lines are mostly data.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

HUGO = "Hugo"
JEKYLL = "Jekyll"
ASTRO = "Astro"
NEXTJS = "Next.js"
ELEVENTY = "Eleventy"

TOOLS: tuple[str, ...] = (HUGO, JEKYLL, ASTRO, NEXTJS, ELEVENTY)
"""The tools whose front matter the table covers, in the order of the docs' table."""


@dataclass(frozen=True, slots=True)
class FieldKey:
    """One front-matter key of a field."""

    name: str
    """The key as the tools write it (matched without regard to case)."""
    tools: tuple[str, ...] = ()
    """The tools whose templates or content conventions write it (empty: seo-export's own)."""
    fallback: bool = False
    """Read only when none of the field's main keys (those that are no fallback) is there,
    the first fallback there then, and never said to clash with another key (Hugo's
    ``date`` beside ``publishDate``, Jekyll's ``excerpt`` beside ``description``)."""
    shape: str | None = None
    """The form of this key's value when it differs from the field's (Jekyll's
    ``published: false`` beside Hugo's ``published: 2024-05-01``)."""


def key(name: str, *tools: str, fallback: bool = False, shape: str | None = None) -> FieldKey:
    """A :class:`FieldKey`, written short in the table."""
    return FieldKey(name, tools, fallback, shape)


@dataclass(frozen=True, slots=True, kw_only=True)
class FrontMatterField:
    """One field of an article that the front matter gives."""

    name: str
    """The field's name in the code, e.g. ``date_published``."""
    label: str
    """A few words for the docs, e.g. ``publication date``."""
    keys: tuple[FieldKey, ...]
    """The keys that give it, the preferred first."""
    shape: str
    """The form of its value: a key of :data:`SHAPES`."""
    meaning: str
    """One line for the docs: what it is and what seo-export makes of it."""
    merged: bool = False
    """Every key of it that is there is read, and their values joined (``tags`` and
    ``categories``), instead of the first one winning."""

    @property
    def key_names(self) -> tuple[str, ...]:
        """The keys' names, the preferred first."""
        return tuple(k.name for k in self.keys)

    def shape_of(self, field_key: FieldKey) -> str:
        """The shape of ``field_key``'s value."""
        return field_key.shape or self.shape


SHAPES: dict[str, str] = {
    "title": "text or a number; empty means none (the title is then derived)",
    "text": "text or a number",
    "date": "a date (see the date forms)",
    "date-or-flag": "a date, or true/false (Jekyll: false leaves the article out)",
    "flag": "true or false (yes/no)",
    "slug": "lower-case letters, digits and single hyphens",
    "url": "a URL on this site, absolute or a path",
    "image": "a URL, {url, width, height, alt}, or a list of them (the first is used)",
    "names": "a text or a list of texts",
    "people": "a name, {name, url, jobTitle, sameAs, type}, or a list of them",
    "paths": "a path or a list of paths",
    "translations": "language: URL pairs",
    "codes": "{codeValue, codingSystem}, or a list of them",
    "code": "a code such as G56.0",
    "about-type": "a schema.org type or a word for one (Diet, anatomi, sport), or "
    "{type: ...} (also @type or schemaType)",
}
"""Each shape a value may take -> how the docs describe it (its JSON Schema is in
domain/schema_parts.py)."""


FIELDS: tuple[FrontMatterField, ...] = (
    FrontMatterField(
        name="title",
        label="title",
        keys=(key("title", HUGO, JEKYLL, ASTRO, NEXTJS, ELEVENTY),),
        shape="title",
        meaning="The article's title; when there is none: its H1, the part of metaTitle "
        "before its first separator, or the file name made readable.",
    ),
    FrontMatterField(
        name="meta_title",
        label="search title",
        keys=(key("metaTitle", NEXTJS), key("meta_title"), key("seoTitle"), key("seo_title")),
        shape="text",
        meaning="Title for search results and social cards, when it differs.",
    ),
    FrontMatterField(
        name="description",
        label="description",
        keys=(
            key("description", HUGO, JEKYLL, ASTRO, ELEVENTY),
            key("metaDescription"),
            key("meta_description"),
            key("summary", HUGO, fallback=True),
            key("excerpt", JEKYLL, NEXTJS, fallback=True),
        ),
        shape="text",
        meaning="Meta description; when there is none, derived from the intro (else the "
        "first paragraph, else metaTitle).",
    ),
    FrontMatterField(
        name="date_published",
        label="publication date",
        keys=(
            key("datePublished", NEXTJS),
            key("publishDate", HUGO),
            key("pubDate", ASTRO, HUGO),
            key("published", HUGO, JEKYLL, shape="date-or-flag"),
            key("publishedAt"),
            key("date", HUGO, JEKYLL, NEXTJS, ELEVENTY, fallback=True),
        ),
        shape="date",
        meaning="First publication (datePublished). In the future, the article is left out "
        "until that day, as Hugo leaves it out.",
    ),
    FrontMatterField(
        name="date_updated",
        label="modification date",
        keys=(
            key("lastUpdated", NEXTJS),
            key("lastmod", HUGO),
            key("updatedDate", ASTRO),
            key("updated"),
            key("dateModified"),
            key("modified", HUGO),
            key("last_modified_at", JEKYLL),
            key("updatedAt"),
            key("last_updated"),
        ),
        shape="date",
        meaning="Last change. The effective dateModified is the later of this and the "
        "publication date.",
    ),
    FrontMatterField(
        name="expiry_date",
        label="expiry date",
        keys=(key("expiryDate", HUGO), key("unpublishDate", HUGO)),
        shape="date",
        meaning="From this day on the article is left out (not built, not in the sitemap), "
        "as Hugo leaves it out.",
    ),
    FrontMatterField(
        name="last_reviewed",
        label="review date",
        keys=(key("lastReviewed"), key("last_reviewed")),
        shape="date",
        meaning="Medical review date (lastReviewed on the MedicalWebPage).",
    ),
    FrontMatterField(
        name="slug",
        label="slug",
        keys=(key("slug", HUGO, JEKYLL, ASTRO),),
        shape="slug",
        meaning='The last part of the URL; default: the file name (slug_source = "path") '
        'or the title (slug_source = "title").',
    ),
    FrontMatterField(
        name="draft",
        label="draft",
        keys=(key("draft", HUGO, ASTRO, ELEVENTY), key("headless", HUGO)),
        shape="flag",
        merged=True,
        meaning="true leaves the article out (an info finding says so); so does Jekyll's "
        "published: false and a Hugo headless bundle.",
    ),
    FrontMatterField(
        name="noindex",
        label="noindex",
        keys=(key("noindex"),),
        shape="flag",
        meaning="true keeps the page out of search (robots noindex) and the sitemap.",
    ),
    FrontMatterField(
        name="canonical",
        label="canonical URL",
        keys=(
            key("canonical"),
            key("canonicalUrl"),
            key("canonical_url", JEKYLL),
            key("url", HUGO, fallback=True),
        ),
        shape="url",
        meaning="The page's URL on this site (absolute or /path), instead of article_url's.",
    ),
    FrontMatterField(
        name="image",
        label="image",
        # Themes and starters write several of these at once (Next.js's blog starter
        # coverImage and ogImage, Hugo's images and a theme's cover): the first one there
        # wins, the social card's own before the others.
        keys=(
            key("image", JEKYLL, NEXTJS),
            key("ogImage", NEXTJS, fallback=True),
            key("images", HUGO, fallback=True),
            key("cover", HUGO, fallback=True),
            key("heroImage", ASTRO, fallback=True),
            key("coverImage", NEXTJS, fallback=True),
            key("featuredImage", fallback=True),
            key("featured_image", fallback=True),
        ),
        shape="image",
        meaning="The main image: og:image, twitter:image, primaryImageOfPage and the sitemap.",
    ),
    FrontMatterField(
        name="keywords",
        label="keywords",
        keys=(
            key("keywords", HUGO, JEKYLL),
            key("tags", HUGO, JEKYLL, ASTRO, ELEVENTY),
            key("categories", HUGO, JEKYLL),
            key("category", JEKYLL),
        ),
        shape="names",
        merged=True,
        meaning="The page's keywords (keywords on the MedicalWebPage), all of these joined.",
    ),
    FrontMatterField(
        name="redirects",
        label="redirects",
        keys=(key("aliases", HUGO), key("redirect_from", JEKYLL)),
        shape="paths",
        merged=True,
        meaning="Old URLs that redirect to the page: read, never published as its URL.",
    ),
    FrontMatterField(
        name="author",
        label="author",
        keys=(key("author", HUGO, JEKYLL, ASTRO, NEXTJS), key("authors", HUGO)),
        shape="people",
        merged=True,
        meaning="Who wrote it: Person nodes, author on the page, the author and "
        "article:author tags; default: the [[authors]] entry with default = true.",
    ),
    FrontMatterField(
        name="reviewed_by",
        label="reviewer",
        keys=(key("reviewedBy"), key("reviewed_by")),
        shape="people",
        merged=True,
        meaning="Who reviewed it medically (reviewedBy on the MedicalWebPage).",
    ),
    FrontMatterField(
        name="translations",
        label="translations",
        keys=(key("translations"), key("hreflang")),
        shape="translations",
        meaning="language: URL pairs of the other language versions (hreflang).",
    ),
    FrontMatterField(
        name="alternate_name",
        label="other names",
        keys=(key("alternateName"), key("alternate_name")),
        shape="names",
        meaning="Other names of the main entity (alternateName).",
    ),
    FrontMatterField(
        name="about_type",
        label="main entity's type",
        keys=(
            key("schemaType"),
            key("schema_type"),
            key("aboutType"),
            key("about_type"),
            key("entityType"),
            key("about", fallback=True),
            # Hugo's content type: read only when its value names a type, never warned of
            key("type", HUGO, fallback=True),
        ),
        shape="about-type",
        meaning="What the article is about: a schema.org type (MedicalCondition, "
        "AnatomicalStructure, PhysicalActivity, Diet, ...) or an alias (sygdom, anatomi, "
        "sport, kost, ...); decides the type of the page's `about` before the settings' "
        "about_types rules and the text.",
    ),
    FrontMatterField(
        name="code",
        label="codes",
        keys=(key("code"), key("codes")),
        shape="codes",
        meaning="Codes of the main entity in a coding system (MedicalCode).",
    ),
    FrontMatterField(
        name="icd10",
        label="ICD-10 code",
        keys=(key("icd10"),),
        shape="code",
        meaning="Short for code: {codeValue: ..., codingSystem: ICD-10}.",
    ),
    FrontMatterField(
        name="icd11",
        label="ICD-11 code",
        keys=(key("icd11"),),
        shape="code",
        meaning="Short for code: {codeValue: ..., codingSystem: ICD-11}.",
    ),
    FrontMatterField(
        name="icd9",
        label="ICD-9 code",
        keys=(key("icd9"),),
        shape="code",
        meaning="Short for code: {codeValue: ..., codingSystem: ICD-9}.",
    ),
    FrontMatterField(
        name="snomed",
        label="SNOMED CT code",
        keys=(key("snomed"),),
        shape="code",
        meaning="Short for code: {codeValue: ..., codingSystem: SNOMED-CT}.",
    ),
)
"""Every field seo-export reads from the front matter, in the order of the docs."""


@dataclass(frozen=True, slots=True)
class OtherKey:
    """A key some tool writes that seo-export does not read: never a misspelling of ours."""

    name: str
    """The key."""
    tools: tuple[str, ...]
    """The tools that write it."""
    meaning: str
    """What it is for in those tools."""


OTHER_TOOLS_KEYS: tuple[OtherKey, ...] = (
    OtherKey("linkTitle", (HUGO,), "a shorter title for menus"),
    OtherKey("translationKey", (HUGO,), "links the translations of a page"),
    OtherKey("layout", (HUGO, JEKYLL, ASTRO), "the template"),
    OtherKey("weight", (HUGO,), "the order in lists"),
    OtherKey("menu", (HUGO,), "menu entries"),
    OtherKey("menus", (HUGO,), "menu entries"),
    OtherKey("outputs", (HUGO,), "output formats"),
    OtherKey("cascade", (HUGO,), "values for the pages below"),
    OtherKey("markup", (HUGO,), "the content format"),
    OtherKey("resources", (HUGO,), "page resources' metadata"),
    OtherKey("sitemap", (HUGO, JEKYLL), "the tool's own sitemap settings"),
    OtherKey("build", (HUGO,), "render and list options"),
    OtherKey("isCJKLanguage", (HUGO,), "word counting"),
    OtherKey("params", (HUGO,), "custom values"),
    OtherKey("series", (HUGO,), "a taxonomy"),
    OtherKey("audio", (HUGO,), "Open Graph audio"),
    OtherKey("videos", (HUGO,), "Open Graph videos"),
    OtherKey("toc", (HUGO,), "a theme's table of contents switch"),
    OtherKey("permalink", (JEKYLL, ELEVENTY), "the URL pattern (set article_url, or url:)"),
    OtherKey("lang", (JEKYLL,), "the page's language"),
    OtherKey("eleventyExcludeFromCollections", (ELEVENTY,), "left out of collections"),
    OtherKey("related", (NEXTJS,), "links to related articles (FysFinder)"),
)
"""Keys the tools write that seo-export leaves in ``Article.extra``."""


@dataclass(frozen=True, slots=True)
class _Index:
    """Lookups derived from the tables."""

    by_name: dict[str, FrontMatterField]
    """Each field by its name."""
    aliases: dict[str, tuple[str, ...]]
    """Field -> its keys, the preferred first."""
    fallbacks: frozenset[str]
    """The keys read only when no other key of their field is there."""
    keys: frozenset[str]
    """Every key of every field."""
    other_keys: frozenset[str]
    """Every key of :data:`OTHER_TOOLS_KEYS`."""
    date_keys: frozenset[str]
    """Every key whose value may be a date."""


DATE_SHAPES = frozenset({"date", "date-or-flag"})
"""The shapes whose value is (or may be) a date."""


@functools.cache
def _index() -> _Index:
    return _Index(
        by_name={field.name: field for field in FIELDS},
        aliases={field.name: field.key_names for field in FIELDS},
        fallbacks=frozenset(k.name for field in FIELDS for k in field.keys if k.fallback),
        keys=frozenset(k.name for field in FIELDS for k in field.keys),
        other_keys=frozenset(k.name for k in OTHER_TOOLS_KEYS),
        date_keys=frozenset(
            k.name for field in FIELDS for k in field.keys if field.shape_of(k) in DATE_SHAPES
        ),
    )


def field(name: str) -> FrontMatterField:
    """The row named ``name``; KeyError when there is none."""
    return _index().by_name[name]


def field_keys(name: str) -> tuple[str, ...]:
    """The keys of field ``name``, the preferred first."""
    return _index().aliases[name]


def is_fallback(key_name: str) -> bool:
    """Whether ``key_name`` is read only when its field has no other key."""
    return key_name in _index().fallbacks


def field_key_names() -> frozenset[str]:
    """Every key of every field, as the table spells them."""
    return _index().keys


def date_key_names() -> frozenset[str]:
    """Every key whose value is, or may be, a date."""
    return _index().date_keys


def other_tools_keys() -> frozenset[str]:
    """The keys of :data:`OTHER_TOOLS_KEYS`."""
    return _index().other_keys
