"""The data model every stage shares: findings, parsed articles and built outputs.

Everything here is a frozen, slotted dataclass so that values can cross process
boundaries, be cached and be compared in tests without any stage mutating
another's data.

Why it is long: this is the one contract between the stages (STYLE.md: stages
share only these types), so it is read in one place rather than split by stage;
most of its lines are the one-line docstrings of the fields.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeAlias

AnyPath: TypeAlias = str | os.PathLike[str]
"""A path as the public API takes it: a str or a Path (made a Path at the boundary)."""


def as_paths(given: AnyPath | Sequence[AnyPath]) -> list[Path]:
    """One path or several, as a list of Paths (a lone str is one path, not its letters)."""
    if isinstance(given, (str, os.PathLike)):
        return [Path(given)]
    return [Path(item) for item in given]


class Severity(enum.Enum):
    """How bad a finding is; the order of members is the order of badness."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in content, output or a page, with where it is."""

    severity: Severity
    """How bad it is."""
    code: str
    """Stable, documented code such as ``date-order``."""
    message: str
    """One line for a human."""
    file: str | None = None
    """Source file (as given on the command line or relative to the project)."""
    line: int | None = None
    """1-based line in ``file``."""
    key: str | None = None
    """Front-matter key or setting name the finding is about."""
    json_path: str | None = None
    """JSONPath into the emitted JSON-LD, e.g. ``$['@graph'][2].name``."""

    def location(self) -> str:
        """``file:line`` (or just ``file``), for text output."""
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def to_json(self) -> dict[str, object]:
        """A plain dict for JSON reports and the manifest (None fields left out)."""
        data: dict[str, object] = {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }
        for name in ("file", "line", "key", "json_path"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Finding:
        """The inverse of :meth:`to_json`."""
        line = data.get("line")
        return cls(
            severity=Severity(str(data["severity"])),
            code=str(data["code"]),
            message=str(data["message"]),
            file=_optional_str(data.get("file")),
            line=line if isinstance(line, int) else None,
            key=_optional_str(data.get("key")),
            json_path=_optional_str(data.get("json_path")),
        )


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


PageDate: TypeAlias = dt.date | dt.datetime
"""A calendar date, or an aware datetime when the author gave a time."""

BlockKind = Literal["paragraph", "list", "heading", "code", "quote", "rule", "other"]


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item of a Markdown list."""

    text: str
    """The item's plain text."""
    lead: str | None
    """The bold lead-in (``**Lead**: rest``) when the item starts with one."""
    line: int
    """1-based source line."""
    own_text: str = ""
    """The item's text without its nested lists (``text`` holds theirs too)."""
    children: tuple[ListItem, ...] = ()
    """The items of its nested lists, in order, each judged on its own."""
    links: tuple[str, ...] = ()
    """The texts of the links in its own text (link text is not an entity)."""


@dataclass(frozen=True, slots=True)
class Block:
    """A block-level piece of Markdown: paragraph, list, sub-heading, ..."""

    kind: BlockKind
    """What sort of block it is."""
    line: int
    """1-based source line where it starts."""
    text: str
    """Plain text (inline markup removed, whitespace collapsed)."""
    html: str
    """HTML restricted to the tags Google allows in Answer.text, links absolute."""
    items: tuple[ListItem, ...] = ()
    """For lists: the items, in order."""
    level: int = 0
    """For headings: 1-6."""
    links: tuple[str, ...] = ()
    """For paragraphs and quotes: the texts of their links."""
    bold: bool = False
    """For paragraphs: the whole paragraph is one bold span (``**Question?**``)."""
    rows: tuple[tuple[str, ...], ...] = ()
    """For tables (kind ``other``): the header row, then the body rows, as cell texts."""


@dataclass(frozen=True, slots=True)
class Section:
    """An H2 section of the article body and everything under it."""

    heading: str
    """Plain text of the H2."""
    level: int
    """Heading level (2 for the sections the model splits on)."""
    line: int
    """1-based line of the heading."""
    blocks: tuple[Block, ...]
    """The blocks until the next H2, H3 headings included as heading blocks."""


@dataclass(frozen=True, slots=True)
class FaqItem:
    """One question of the article's FAQ and its answer."""

    question: str
    """The H3 text."""
    answer_text: str
    """The answer as plain text (paragraphs joined by blank lines)."""
    answer_html: str
    """The answer as restricted HTML (see :class:`Block.html`)."""
    line: int
    """1-based line of the question's heading."""
    blocks: tuple[Block, ...] = ()
    """The answer's blocks, for extraction rules that read lists and prose."""


Provenance = Literal["front-matter", "list", "prose"]


@dataclass(frozen=True, slots=True)
class EntityItem:
    """One value of a property of the main entity and where it came from."""

    name: str
    """The item's text, e.g. ``følelsesløshed``."""
    source: Provenance
    """Which extraction rule produced it."""
    line: int | None
    """1-based source line it was read from."""
    item_type: str | None = None
    """schema.org type when the section rule sets one (e.g. PhysicalTherapy)."""


AboutStep = Literal["front-matter", "settings", "text", "default"]
"""Which step decided the type of an article's main entity."""


@dataclass(frozen=True, slots=True)
class AboutType:
    """The schema.org type of what an article is about (its page's ``about``), and why."""

    name: str
    """The schema.org class, e.g. ``AnatomicalStructure`` (a row of
    :mod:`seo_export.domain.entity_types`)."""
    step: AboutStep = "default"
    """Which step decided it: the front matter, a settings rule, the article's text."""
    evidence: str = ""
    """Why, in a few words: the key, the rule or the words of the text that decided."""
    line: int | None = None
    """1-based source line of that evidence (the front-matter key, the opening sentence)."""


CONDITION_ABOUT = AboutType("MedicalCondition")
"""The type of an article that no step has typed (an Article made by hand)."""


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image of the article, for og:image and the JSON-LD."""

    url: str
    """Absolute URL."""
    width: int | None = None
    """Pixel width, when known."""
    height: int | None = None
    """Pixel height, when known."""
    alt: str | None = None
    """Alternative text."""


@dataclass(frozen=True, slots=True)
class MedicalCodeRef:
    """A code of the condition in a coding system (schema.org MedicalCode)."""

    value: str
    """The code, e.g. ``G56.0``."""
    system: str
    """The coding system, e.g. ``ICD-10``."""


ContributorKind = Literal["Person", "Organization"]


@dataclass(frozen=True, slots=True)
class Contributor:
    """Who wrote or reviewed an article (schema.org author, reviewedBy): a graph node."""

    name: str
    """Person or organisation name."""
    kind: ContributorKind = "Person"
    """schema.org type."""
    url: str | None = None
    """Their page, when given."""
    job_title: str | None = None
    """Their job title (schema.org jobTitle), for a Person."""
    same_as: tuple[str, ...] = ()
    """Their profiles elsewhere (schema.org sameAs)."""
    key: str = ""
    """What their node's ``@id`` ends with: the settings' id, else their name as a slug."""


@dataclass(frozen=True, slots=True)
class Article:
    """A normalized article: everything the builders need, nothing they must re-parse."""

    source: str
    """Path of the source file, as displayed in findings."""
    slug: str
    """URL slug, ``^[a-z0-9]+(-[a-z0-9]+)*$``; with ``{path}`` in article_url, the folders
    and the slug joined by hyphens. Names the article's folder in out/ and must be unique."""
    url: str
    """Absolute canonical URL."""
    title: str
    """The article's title (front matter ``title``, else derived: see ``title_source``)."""
    meta_title: str | None
    """Title for search results (``metaTitle``), when it differs from ``title``."""
    description: str
    """Meta description: from front matter, or derived from the intro."""
    description_derived: bool
    """True when ``description`` was derived from the intro."""
    intro: tuple[Block, ...]
    """Blocks before the first H2."""
    date_published: PageDate | None
    """First publication."""
    date_modified: PageDate | None
    """Effective last modification: the later of published and updated."""
    sections: tuple[Section, ...]
    """Content sections (H2), the FAQ section excluded."""
    faq: tuple[FaqItem, ...]
    """FAQ items, in order: questions only."""
    draft: bool = False
    """Drafts are parsed and checked but not built."""
    noindex: bool = False
    """Kept out of the sitemap and marked noindex in robots."""
    image: ImageRef | None = None
    """The article's main image."""
    alternates: tuple[tuple[str, str], ...] = ()
    """hreflang -> absolute URL of each language version, this one and x-default included."""
    last_reviewed: PageDate | None = None
    """Medical review date (``lastReviewed``)."""
    reviewers: tuple[Contributor, ...] = ()
    """Who reviewed it (``reviewedBy``)."""
    authors: tuple[Contributor, ...] = ()
    """Who wrote it (``author``, else the settings' default author)."""
    keywords: tuple[str, ...] = ()
    """Its keywords (``keywords``, ``tags``, ``categories`` joined)."""
    redirects: tuple[str, ...] = ()
    """Absolute URLs that redirect to it (Hugo's ``aliases``, Jekyll's ``redirect_from``)."""
    expiry_date: PageDate | None = None
    """The day from which it is left out (``expiryDate``)."""
    title_source: str = "front-matter"
    """Where the title came from: front-matter, h1, meta-title or file-name."""
    description_source: str = "front-matter"
    """Where the description came from: front-matter, intro, paragraph, meta-title or title."""
    alternate_names: tuple[str, ...] = ()
    """Other names of the condition (``alternateName``)."""
    codes: tuple[MedicalCodeRef, ...] = ()
    """Codes of the condition (``code``, ``icd10``)."""
    faq_line: int | None = None
    """1-based line of the FAQ's H2, when there is one."""
    faq_subsections: tuple[FaqItem, ...] = ()
    """Headings under the FAQ's H2 that are not questions ("Referenceliste"), with their
    blocks: read for entities, never published as Questions."""
    entities: Mapping[str, tuple[EntityItem, ...]] = field(default_factory=dict)
    """Main entity's property name -> extracted items (only properties its type takes)."""
    about: AboutType = CONDITION_ABOUT
    """The type of the main entity, and why."""
    front_matter_lines: Mapping[str, int] = field(default_factory=dict)
    """Top-level front-matter key -> 1-based line."""
    front_matter_item_lines: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """Top-level front-matter list -> 1-based line of each item."""
    extra: Mapping[str, object] = field(default_factory=dict)
    """Front-matter keys seo-export does not interpret, kept as given."""

    @property
    def search_title(self) -> str:
        """The title shown in search results: meta title, else title."""
        return self.meta_title or self.title


@dataclass(frozen=True, slots=True)
class OutputFile:
    """A file a builder produced, relative to the output folder."""

    path: str
    """POSIX path relative to out/, e.g. ``nerveafklemning/head.html``."""
    content: bytes
    """Exact bytes to write."""


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """What the sitemap needs to know about one built, indexable page."""

    loc: str
    """Absolute URL."""
    lastmod: str | None
    """Effective modification date, ISO 8601 (a date, or a datetime with offset)."""
    alternates: tuple[tuple[str, str], ...] = ()
    """hreflang -> URL, for xhtml:link entries."""
    images: tuple[str, ...] = ()
    """Image URLs, for image:image entries."""


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything built from one source text (what :func:`build_article` returns)."""

    source: str
    """Path of the source file, as displayed."""
    content_hash: str
    """SHA-256 of the source bytes (hex)."""
    article: Article | None
    """The normalized article; None when it could not be read."""
    jsonld: Mapping[str, object] | None
    """The JSON-LD document; None when nothing was built."""
    head_html: str | None
    """The head snippet; None when nothing was built."""
    files: tuple[OutputFile, ...]
    """Files to write for it (empty for skipped articles)."""
    findings: tuple[Finding, ...]
    """Everything found while reading and building it."""

    @property
    def built(self) -> bool:
        """Whether the article produced output."""
        return bool(self.files)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """The compact trace of one source in a site build: one manifest entry.

    Unlike :class:`ArticleResult` it holds no file contents, so a build of
    100,000 articles can keep one per article.
    """

    source: str
    """Path of the source file relative to the content folder (POSIX)."""
    content_hash: str
    """SHA-256 of the source bytes (hex)."""
    built: bool
    """Whether output was written for it."""
    slug: str | None = None
    """URL slug, when the article could be read."""
    slug_line: int | None = None
    """Line of the front-matter key the slug comes from (slug, else title)."""
    url: str | None = None
    """Canonical URL, when the article could be read."""
    title: str | None = None
    """Search title, for cross-article checks."""
    description: str | None = None
    """Meta description, for cross-article checks."""
    sitemap: SitemapEntry | None = None
    """Its sitemap entry; None when it is not built or not indexable."""
    files: tuple[str, ...] = ()
    """Files written for it, relative to out/."""
    questions: int = 0
    """Number of FAQ questions (its FAQPage has this many)."""
    findings: tuple[Finding, ...] = ()
    """Findings of this article."""
    entities: Mapping[str, tuple[EntityItem, ...]] = field(default_factory=dict)
    """Extracted items of the main entity's properties, with provenance."""
    title_line: int | None = None
    """Line of the front-matter key the search title comes from, for cross-article checks."""
    description_line: int | None = None
    """Line of the front-matter description, for cross-article checks."""
    about: AboutType | None = None
    """The type of the main entity and why, when the article was read."""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What :func:`seo_export.build_site` returns.

    It holds counts and findings, not per-article data, so that its size does
    not grow with the corpus beyond what must be reported; out/manifest.json
    has the per-article detail.
    """

    out_dir: str
    """Where output was written."""
    built: int
    """Articles built by this run."""
    unchanged: int
    """Articles whose output was already up to date."""
    skipped: int
    """Articles reported and left out (broken, draft, duplicate slug)."""
    findings: tuple[Finding, ...]
    """Every finding of the run, per article in source order, then site-wide ones."""
    files_written: tuple[str, ...]
    """Paths (relative to out/) that this run wrote (none listed past 10,000: see the count)."""
    files_removed: tuple[str, ...]
    """Paths (relative to out/) this run removed, outputs of deleted articles (same limit)."""
    robots_line: str
    """``Sitemap: ...`` line for the site's robots.txt."""
    counts: Mapping[str, int] = field(default_factory=dict)
    """Severity -> number of findings (info included even when left out of ``findings``)."""
    files_written_count: int = 0
    """How many files this run wrote."""
    files_removed_count: int = 0
    """How many files this run removed."""

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        if severity.value in self.counts:
            return self.counts[severity.value]
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error."""
        return self.count(Severity.ERROR) > 0
