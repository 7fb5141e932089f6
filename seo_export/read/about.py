"""The type of an article's main entity (its page's ``about``): the front matter, a settings
rule, else the article's text.

Decided in that order, each step keeping its evidence (:class:`~seo_export.model.AboutType`)
for the manifest, ``show`` and the report, and saying it in an ``about-type`` finding:

1. the front matter: ``schemaType: Diet`` (or ``aboutType``, ``entityType``, ``about:
   {type: ...}``, Hugo's ``type:`` when its value names a type), a schema.org class or a
   word for one (``anatomi``, ``sport``; :mod:`seo_export.domain.entity_types`);
2. the first ``[[about_types]]`` rule of the settings whose glob matches the slug or path;
3. the text: the title, the headings (H2s and the H3s under them, not the FAQ's) and the
   opening definition (:func:`seo_export.read.classify.classify`).
"""

from __future__ import annotations

from collections.abc import Mapping

from seo_export.config.settings import Settings
from seo_export.domain.entity_types import type_named
from seo_export.findings.codes import finding
from seo_export.model import AboutType, Article, Finding
from seo_export.read.classify import classify
from seo_export.read.fields import FrontMatter

_KEYS_OF_OTHERS = frozenset({"about", "type"})
"""Keys other tools use for other things (Hugo's content type): an unknown value there is
theirs, not a mistake."""
_TYPE_KEYS = ("@type", "type", "schemaType")
"""Keys of an ``about:`` mapping that give the type."""


def about_type(
    article: Article,
    front: FrontMatter,
    settings: Settings,
    findings: list[Finding],
    *,
    path: str | None = None,
) -> AboutType:
    """The type of ``article``'s main entity and why; an info finding says which.

    ``path``: the article's path in the content folder, for the settings' path globs.
    """
    about = (
        _from_front_matter(front, findings)
        or _from_settings(article, settings, path)
        or _from_text(article, settings)
    )
    findings.append(
        finding(
            "about-type",
            f"about is a {about.name} ({about.step}: {about.evidence})",
            front.display,
            about.line,
        )
    )
    return about


def _from_front_matter(front: FrontMatter, findings: list[Finding]) -> AboutType | None:
    for ours, written in front.present("about_type"):
        value = front.data[written]
        if isinstance(value, Mapping):
            value = next((value[k] for k in _TYPE_KEYS if k in value), None)
        name = type_named(value)
        if name is not None:
            return AboutType(name, "front-matter", f"{written}: {value}", front.line(written))
        if ours not in _KEYS_OF_OTHERS and value is not None:
            findings.append(
                finding(
                    "about-type-unknown",
                    f"{written}: {value!r} names no type seo-export publishes; the type is "
                    "read from the settings' rules and the text instead",
                    front.display,
                    front.line(written),
                    key=written,
                )
            )
    return None


def _from_settings(article: Article, settings: Settings, path: str | None) -> AboutType | None:
    for rule in settings.about_types:
        if rule.matches(article.slug, path):
            return AboutType(rule.type, "settings", f"about_types rule {rule.match!r}")
    return None


def _from_text(article: Article, settings: Settings) -> AboutType:
    headings: list[str] = []
    for section in article.sections:
        headings.append(section.heading)
        headings.extend(b.text for b in section.blocks if b.kind == "heading" and b.level >= 3)
    intro, line = opening_text(article)
    language = settings.language.split("-")[0].lower()
    name, evidence = classify(article.title, headings, intro, language)
    return AboutType(name, "text", evidence, line)


_PROSE = ("paragraph", "list", "quote")


def opening_text(article: Article) -> tuple[str, int | None]:
    """The intro's text and its first line; with no intro, the first section's first
    paragraph (an article that opens with an H2 defines its subject there)."""
    blocks = [b for b in article.intro if b.kind in _PROSE and b.text]
    if blocks:
        return " ".join(b.text for b in blocks), blocks[0].line
    for section in article.sections:
        first = next((b for b in section.blocks if b.kind == "paragraph" and b.text), None)
        if first is not None:
            return first.text, first.line
    return "", article.front_matter_lines.get("title")
