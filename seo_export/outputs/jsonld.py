"""Stage 4a: the JSON-LD graph of a page, a pure function of (Article, Settings).

One ``@graph`` per page, nodes linked by ``@id`` the way the widely used SEO
plugins do it: the page (MedicalWebPage, and FAQPage when there is an FAQ), the
main entity it is about (a MedicalCondition, an AnatomicalStructure, a
PhysicalActivity, ... or a plain Thing: ``Article.about``), one Question per FAQ
item, the breadcrumb, the site-level WebSite and Organization nodes that repeat
on every page with the same ``@id``, and a Person (or Organization) node for
each author and reviewer, whose ``@id`` is the same on every page that names
them. Keys are inserted in a fixed, readable order (``@type`` and ``@id``
first), so the same input always gives the same bytes.
"""

from __future__ import annotations

from html import escape
from typing import Any

from seo_export.config.settings import Settings
from seo_export.domain.dates import iso
from seo_export.domain.entity_types import entity_type
from seo_export.domain.properties import entity_property
from seo_export.model import Article, Contributor, EntityItem, FaqItem, ImageRef

JsonObject = dict[str, Any]


def website_id(settings: Settings) -> str:
    """``{base}/#website``."""
    return f"{settings.base_url}/#website"


def organization_id(settings: Settings) -> str:
    """``{base}/#organization``."""
    return f"{settings.base_url}/#organization"


def about_id(article: Article) -> str:
    """``{url}#condition`` for a condition or symptom, ``{url}#about`` for anything else."""
    return f"{article.url}#{entity_type(article.about.name).node_id}"


def breadcrumb_id(article: Article) -> str:
    """``{url}#breadcrumb``."""
    return f"{article.url}#breadcrumb"


def question_id(article: Article, number: int) -> str:
    """``{url}#faq-{n}``, numbered from 1."""
    return f"{article.url}#faq-{number}"


def contributor_id(person: Contributor, settings: Settings) -> str:
    """``{base}/#person-{key}`` (``#org-{key}`` for an organisation); the publisher's own
    ``@id`` when an organisation is the publisher."""
    if person.kind == "Organization":
        if person.name == settings.publisher.name:
            return organization_id(settings)
        return f"{settings.base_url}/#org-{person.key}"
    return f"{settings.base_url}/#person-{person.key}"


def ref(node_id: str) -> JsonObject:
    """An ``{"@id": ...}`` reference."""
    return {"@id": node_id}


def refs(node_ids: list[str]) -> JsonObject | list[JsonObject]:
    """One reference, or a list of them when there are several."""
    return ref(node_ids[0]) if len(node_ids) == 1 else [ref(node_id) for node_id in node_ids]


def build_jsonld(article: Article, settings: Settings) -> JsonObject:
    """The page's JSON-LD document: ``{"@context": "https://schema.org", "@graph": [...]}``."""
    graph: list[JsonObject] = [
        page_node(article, settings),
        about_node(article, settings),
        *question_nodes(article),
        breadcrumb_node(article, settings),
        website_node(settings),
        organization_node(settings),
        *contributor_nodes(article, settings),
    ]
    return {"@context": "https://schema.org", "@graph": graph}


def page_node(article: Article, settings: Settings) -> JsonObject:
    """The MedicalWebPage (and FAQPage) node; its ``@id`` is the canonical URL."""
    page: JsonObject = {
        "@type": ["MedicalWebPage", "FAQPage"] if article.faq else "MedicalWebPage",
        "@id": article.url,
        "url": article.url,
        "name": article.search_title,
        "headline": article.title,
        "description": article.description,
        "inLanguage": settings.language,
    }
    if article.date_published is not None:
        page["datePublished"] = iso(article.date_published)
    if article.date_modified is not None:
        page["dateModified"] = iso(article.date_modified)
    if article.authors:
        page["author"] = refs([contributor_id(a, settings) for a in article.authors])
    if article.last_reviewed is not None:
        page["lastReviewed"] = iso(article.last_reviewed)
    if article.reviewers:
        page["reviewedBy"] = refs([contributor_id(r, settings) for r in article.reviewers])
    if article.keywords:
        page["keywords"] = list(article.keywords)
    page["audience"] = {"@type": "MedicalAudience", "audienceType": settings.audience}
    if article.image is not None:
        page["primaryImageOfPage"] = image_object(article.image)
    page["isPartOf"] = ref(website_id(settings))
    page["publisher"] = ref(organization_id(settings))
    page["about"] = ref(about_id(article))
    page["breadcrumb"] = ref(breadcrumb_id(article))
    if article.faq:
        page["mainEntity"] = [ref(question_id(article, n)) for n in range(1, len(article.faq) + 1)]
    return page


def image_object(image: ImageRef) -> JsonObject:
    """An ImageObject with the size and caption when they are known."""
    node: JsonObject = {"@type": "ImageObject", "url": image.url}
    if image.width:
        node["width"] = image.width
    if image.height:
        node["height"] = image.height
    if image.alt:
        node["caption"] = image.alt
    return node


def about_node(article: Article, settings: Settings) -> JsonObject:
    """The main entity the page is about, of its type, with the properties extracted from it
    (only those its type takes: extraction reads no others)."""
    kind = entity_type(article.about.name)
    condition: JsonObject = {
        "@type": kind.name,
        "@id": about_id(article),
        "name": article.title,
    }
    if article.alternate_names:
        names = list(article.alternate_names)
        condition["alternateName"] = names[0] if len(names) == 1 else names
    if article.codes and kind.medical:  # a code is a MedicalEntity's
        codes = [
            {"@type": "MedicalCode", "codeValue": code.value, "codingSystem": code.system}
            for code in article.codes
        ]
        condition["code"] = codes[0] if len(codes) == 1 else codes
    # The intro's text (not its headings: an H1 is the title), when it has any.
    intro = " ".join(b.text for b in article.intro if b.kind != "heading" and b.text.strip())
    if intro:
        condition["description"] = intro
    condition["url"] = article.url
    for prop, items in article.entities.items():
        if items:
            condition[prop] = entity_values(prop, items, settings)
    return condition


def entity_values(name: str, items: tuple[EntityItem, ...], settings: Settings) -> Any:
    """The JSON-LD value of one property of the main entity (a row of the property table)."""
    prop = entity_property(name)
    default_type = prop.item_type
    if default_type is None:
        texts = [item.name for item in items]
        return texts[0] if len(texts) == 1 else texts
    values = []
    for item in items:
        item_type = item.item_type or default_type
        if prop.physiotherapy_by_name and settings.physiotherapy_pattern.search(item.name):
            item_type = "PhysicalTherapy"
        values.append({"@type": item_type, "name": item.name})
    return values


def question_nodes(article: Article) -> list[JsonObject]:
    """One Question per FAQ item, ``@id`` ``{url}#faq-{n}``."""
    return [
        {
            "@type": "Question",
            "@id": question_id(article, number),
            "name": item.question,
            "acceptedAnswer": {"@type": "Answer", "text": answer_text(item)},
        }
        for number, item in enumerate(article.faq, start=1)
    ]


def answer_text(item: FaqItem) -> str:
    """A one-paragraph answer without markup as plain text; anything else (a link or
    emphasis in it, or more than one block) as restricted HTML, so that links and emphasis
    are kept in every answer.

    Consumers (Google among them) read Answer.text as HTML, so a plain answer
    that contains ``<``, ``>`` or ``&`` is given escaped: text about
    ``<script>`` must stay text.
    """
    if len(item.blocks) == 1 and item.blocks[0].kind == "paragraph":
        text = escape(item.answer_text, quote=False)
        if item.answer_html.replace("\n", " ") == f"<p>{text}</p>":  # no markup: text says all
            return text
    return item.answer_html


def breadcrumb_node(article: Article, settings: Settings) -> JsonObject:
    """Home -> articles index -> the article."""
    steps = [
        (settings.home_name, f"{settings.base_url}/"),
        (settings.articles_index.name, settings.articles_index.url),
        (article.title, article.url),
    ]
    unique: list[tuple[str, str]] = []
    for name, url in steps:
        if not unique or unique[-1][1] != url:
            unique.append((name, url))
    return {
        "@type": "BreadcrumbList",
        "@id": breadcrumb_id(article),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(unique, start=1)
        ],
    }


def website_node(settings: Settings) -> JsonObject:
    """The WebSite node, the same on every page."""
    return {
        "@type": "WebSite",
        "@id": website_id(settings),
        "url": f"{settings.base_url}/",
        "name": settings.site_name,
        "inLanguage": settings.language,
        "publisher": ref(organization_id(settings)),
    }


def organization_node(settings: Settings) -> JsonObject:
    """The publisher Organization node, the same on every page."""
    publisher = settings.publisher
    node: JsonObject = {
        "@type": "Organization",
        "@id": organization_id(settings),
        "name": publisher.name,
        "url": publisher.url,
    }
    if publisher.logo:
        node["logo"] = {
            "@type": "ImageObject",
            "@id": f"{settings.base_url}/#logo",
            "url": publisher.logo,
        }
    if publisher.same_as:
        node["sameAs"] = list(publisher.same_as)
    return node


def contributor_nodes(article: Article, settings: Settings) -> list[JsonObject]:
    """A node for each author and reviewer (each once; none for the publisher)."""
    nodes: dict[str, JsonObject] = {}
    for person in (*article.authors, *article.reviewers):
        node_id = contributor_id(person, settings)
        if node_id == organization_id(settings) or node_id in nodes:
            continue
        node: JsonObject = {"@type": person.kind, "@id": node_id, "name": person.name}
        if person.url:
            node["url"] = person.url
        if person.job_title and person.kind == "Person":
            node["jobTitle"] = person.job_title
        if person.same_as:
            node["sameAs"] = list(person.same_as)
        nodes[node_id] = node
    return list(nodes.values())
