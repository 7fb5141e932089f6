"""Page checks of the head: one title, description and canonical, none missing."""

from __future__ import annotations

from collections.abc import Iterator

from seo_export.checks.page import PageContext
from seo_export.checks.registry import Code, E, W, page_check
from seo_export.model import Finding


@page_check(
    "head-tags",
    Code(
        "page-duplicate-canonical",
        E,
        "A page has more than one canonical link.",
        'Keep one <link rel="canonical">.',
    ),
    Code(
        "page-duplicate-title",
        E,
        "A page has more than one <title>.",
        "Keep one <title>.",
    ),
    Code(
        "page-duplicate-description",
        E,
        "A page has more than one meta description.",
        'Keep one <meta name="description">.',
    ),
    Code(
        "page-missing-head-tag",
        W,
        "A page has no <title>, meta description or canonical link.",
        "Add the missing tag (the head snippet has all three).",
    ),
)
def head_tags(context: PageContext) -> Iterator[Finding]:
    """Exactly one <title>, meta description and canonical link in the head."""
    head = context.tree.find("head")
    scope = head if head is not None else context.tree
    titles = scope.findall(".//title")
    descriptions = [
        m for m in scope.iter("meta") if (m.get("name") or "").strip().lower() == "description"
    ]
    canonicals = [
        link
        for link in scope.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    for code, what, elements in (
        ("page-duplicate-title", "<title>", titles),
        ("page-duplicate-description", "meta description", descriptions),
        ("page-duplicate-canonical", "canonical link", canonicals),
    ):
        if len(elements) > 1:
            lines = ", ".join(str(el.sourceline) for el in elements)
            yield context.finding(
                code, f"{len(elements)} {what} elements (lines {lines})", elements[1].sourceline
            )
    missing = [
        what
        for what, elements in (
            ("<title>", titles),
            ("meta description", descriptions),
            ("canonical link", canonicals),
        )
        if not elements
    ]
    if missing:
        yield context.finding("page-missing-head-tag", f"no {', '.join(missing)}")
