"""Page checks of the structured data: JSON-LD that parses, some structured data at all, and
every document of the page through the document checks, with one FAQPage across them."""

from __future__ import annotations

from collections.abc import Iterator

from seo_export.checks.document import run_document_checks
from seo_export.checks.nodes import types_of
from seo_export.checks.page import PageContext
from seo_export.checks.registry import Code, E, W, page_check
from seo_export.model import Finding


@page_check(
    "json-ld-syntax",
    Code(
        "page-invalid-json",
        E,
        "An application/ld+json block is not valid JSON (browsers and Google ignore it; extruct "
        "accepts some such blocks, so it is parsed strictly here).",
        "Fix the JSON at the line given: comments, trailing commas and raw line breaks in "
        "strings are not allowed.",
    ),
)
def json_ld_syntax(context: PageContext) -> Iterator[Finding]:
    """Each JSON-LD block must be strict JSON; the finding is at the line of the error."""
    for block, error in context.invalid_blocks:
        line = block.line + getattr(error, "lineno", 1) - 1
        yield context.finding(
            "page-invalid-json", f"JSON-LD block is not valid JSON: {error}", line
        )


@page_check(
    "structured-data",
    Code(
        "page-no-structured-data",
        W,
        "A page has no JSON-LD, microdata or RDFa at all.",
        "Inject the page's head snippet (seo-export inject).",
    ),
)
def structured_data(context: PageContext) -> Iterator[Finding]:
    """The page has some structured data (a JSON-LD block that does not parse counts: it is
    reported as such)."""
    extracted = context.extracted
    if not context.blocks and not extracted.get("microdata") and not extracted.get("rdfa"):
        yield context.finding(
            "page-no-structured-data", "the page has no JSON-LD, microdata or RDFa"
        )


@page_check(
    "documents",
    Code(
        "page-duplicate-faqpage",
        E,
        "A page has more than one FAQPage across its JSON-LD blocks.",
        "Keep one FAQPage: remove the old block (seo-export inject --replace-conflicts).",
    ),
)
def documents(context: PageContext) -> Iterator[Finding]:
    """Each document through the document checks, references to the page's other blocks
    resolving; the second FAQPage on the page reported after the document that has it."""
    faq_count = 0
    for index, page_document in enumerate(context.documents):
        yield from run_document_checks(
            page_document.document,
            file=context.file,
            line=page_document.line,
            vocabulary=context.vocabulary,
            page_ids=context.ids_besides(index),
        )
        for node in page_document.nodes:
            if "FAQPage" in types_of(node):
                faq_count += 1
                if faq_count == 2:
                    yield context.finding(
                        "page-duplicate-faqpage",
                        "a second FAQPage on the page; Google reads only one",
                        page_document.line,
                    )
