"""Graph checks: references resolve, ids are unique, one FAQPage, about names a condition."""

from __future__ import annotations

from collections.abc import Iterator

from seo_export.checks.document import DocumentContext
from seo_export.checks.nodes import has_type, is_reference, resolve, types_of
from seo_export.checks.registry import Code, E, W, document_check
from seo_export.model import Finding


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
        "jsonld-about-not-condition",
        W,
        "A MedicalWebPage's about points to something that is not a MedicalCondition.",
        "Point about at the MedicalCondition node (or one of its subtypes).",
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
                if not any(context.vocabulary.is_a(t, ("MedicalCondition",)) for t in target_types):
                    suffix = ("about", index) if isinstance(about, list) else ("about",)
                    yield context.finding(
                        "jsonld-about-not-condition",
                        f"the MedicalWebPage is about "
                        f"{'/'.join(target_types) or 'an untyped node'}, not a MedicalCondition",
                        context.path(node, *suffix),
                    )
