"""Graph checks: references resolve, ids are unique, one FAQPage, about names the page's subject."""

from __future__ import annotations

from collections.abc import Iterator

from seo_export.checks.document import DocumentContext
from seo_export.checks.nodes import has_type, is_reference, resolve, types_of
from seo_export.checks.registry import Code, E, W, document_check
from seo_export.model import Finding

_NOT_SUBJECTS = ("Organization", "Person", "WebSite", "WebPage")
"""What a page's about must not point at: the site's own nodes, never a health page's subject."""


@document_check(
    "graph",
    Code(
        "jsonld-dangling-id",
        E,
        'An {"@id": ...} reference points to no node of the page.',
        "Add the node it refers to, or remove the reference.",
    ),
    Code(
        "jsonld-duplicate-id",
        E,
        "Two nodes define the same @id.",
        "Give each node its own @id, or merge the two nodes.",
    ),
    Code(
        "jsonld-faqpage-count",
        E,
        "A page has more than one FAQPage; Google reads only one.",
        "Merge the questions into one FAQPage and remove the others.",
    ),
    Code(
        "jsonld-about-not-subject",
        W,
        "A MedicalWebPage's about points to the site, its publisher, a person or a web page, "
        "not to what the page is about (a MedicalCondition, an AnatomicalStructure, a "
        "PhysicalActivity, ...).",
        "Point about at the node of the page's subject.",
    ),
)
def graph_links(context: DocumentContext) -> Iterator[Finding]:
    """Every {"@id"} reference resolves; no @id is defined twice; at most one FAQPage."""
    defined = context.definitions
    seen: set[str] = set()
    faq_pages = 0
    for node in context.nodes:
        node_id = node.get("@id")
        if isinstance(node_id, str):
            if len(node) == 1:  # a reference
                if node_id not in defined and node_id not in context.page_ids:
                    yield context.finding(
                        "jsonld-dangling-id",
                        f"reference to {node_id!r}, which no node defines",
                        context.path(node),
                    )
                continue
            if node_id in seen:
                yield context.finding(
                    "jsonld-duplicate-id",
                    f"@id {node_id!r} is defined by more than one node",
                    context.path(node),
                )
            seen.add(node_id)
        if "@type" not in node:
            continue
        if has_type(node, "FAQPage"):
            faq_pages += 1
            if faq_pages == 2:
                yield context.finding(
                    "jsonld-faqpage-count", "a page may have only one FAQPage", context.path(node)
                )
        if "about" in node and has_type(node, "MedicalWebPage"):
            about = node["about"]
            for index, link in enumerate(about if isinstance(about, list) else [about]):
                target = resolve(link, defined)
                if is_reference(target) or not isinstance(target, dict):
                    continue
                target_types = types_of(target)
                if not target_types or any(
                    context.vocabulary.is_a(t, _NOT_SUBJECTS) for t in target_types
                ):
                    suffix = ("about", index) if isinstance(about, list) else ("about",)
                    yield context.finding(
                        "jsonld-about-not-subject",
                        f"the MedicalWebPage is about "
                        f"{'/'.join(target_types) or 'an untyped node'}, not its subject",
                        context.path(node, *suffix),
                    )
