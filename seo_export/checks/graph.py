"""Graph checks: references resolve, ids are unique, one FAQPage, about names a condition."""

from __future__ import annotations

from collections.abc import Iterator

from seo_export.checks import DocumentContext, document_check
from seo_export.checks.nodes import is_reference, resolve, types_of
from seo_export.model import Finding


@document_check(
    "graph",
    "jsonld-dangling-id",
    "jsonld-duplicate-id",
    "jsonld-faqpage-count",
    "jsonld-about-not-condition",
)
def graph_links(context: DocumentContext) -> Iterator[Finding]:
    """Every {"@id"} reference resolves; no @id is defined twice; at most one FAQPage."""
    defined = context.definitions
    seen: set[str] = set()
    faq_pages = 0
    for node in context.nodes:
        node_id = node.get("@id")
        if is_reference(node):
            if node_id not in defined and node_id not in context.page_ids:
                yield context.finding(
                    "jsonld-dangling-id",
                    f"reference to {node_id!r}, which no node defines",
                    context.path(node),
                )
            continue
        if isinstance(node_id, str):
            if node_id in seen:
                yield context.finding(
                    "jsonld-duplicate-id",
                    f"@id {node_id!r} is defined by more than one node",
                    context.path(node),
                )
            seen.add(node_id)
        types = types_of(node)
        if "FAQPage" in types:
            faq_pages += 1
            if faq_pages == 2:
                yield context.finding(
                    "jsonld-faqpage-count", "a page may have only one FAQPage", context.path(node)
                )
        if "MedicalWebPage" in types and "about" in node:
            about = node["about"]
            for index, link in enumerate(about if isinstance(about, list) else [about]):
                target = resolve(link, defined)
                if is_reference(target) or not isinstance(target, dict):
                    continue
                target_types = types_of(target)
                if not any(context.vocabulary.is_a(t, ("MedicalCondition",)) for t in target_types):
                    suffix = ("about", index) if isinstance(about, list) else ("about",)
                    yield context.finding(
                        "jsonld-about-not-condition",
                        f"the MedicalWebPage is about "
                        f"{'/'.join(target_types) or 'an untyped node'}, not a MedicalCondition",
                        context.path(node, *suffix),
                    )
