"""Page check of a page's own ``about``: does the page read like what its structured data says
it is about?

A built page of any site (``seo-export check``) is read as the build reads an article:
its title (the H1, else ``<title>``), its H2 and H3 headings and the paragraphs between
the H1 and the first H2 (the opening definition), classified by
:func:`seo_export.read.classify.classify`. A page whose ``about`` is a MedicalCondition (or
a sign or symptom) while its text reads like a sport, a body part or a diet tells search
engines of a disease that is not there: a warning. Another difference is an info finding.
A text that shows no type (Thing) says nothing either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from seo_export.checks.nodes import types_of
from seo_export.checks.page import PageContext
from seo_export.checks.registry import INFO, Code, W, page_check
from seo_export.checks.vocabulary import builtin_vocabulary
from seo_export.domain.entity_types import CONDITION_TYPES, FALLBACK
from seo_export.model import Finding
from seo_export.read.classify import classify

_SAME = (
    frozenset({"AnatomicalStructure", "AnatomicalSystem"}),
    frozenset({"PhysicalActivity", "ExercisePlan"}),
    frozenset({"PhysicalTherapy", "MedicalTherapy", "TherapeuticProcedure"}),
    frozenset({"Substance", "DietarySupplement", "Drug", "ChemicalSubstance"}),
    frozenset({"MedicalTest", "DiagnosticProcedure"}),
)
"""Types close enough that the text cannot tell them apart: no finding between them."""


@page_check(
    "about-type",
    Code(
        "page-about-condition-not-in-text",
        W,
        "The page's about is a MedicalCondition (or a sign or symptom), but its text reads like "
        "something else (a sport, a body part, a diet, ...): the structured data tells search "
        "engines of a disease the page is not about.",
        "Give about the type the page is about (seo-export: schemaType in the front matter); "
        "the message says what the text shows, and why.",
    ),
    Code(
        "page-about-type-differs",
        INFO,
        "The page's about has another type than its text shows (an AnatomicalStructure whose "
        "text reads like a condition, a Diet like a sport).",
        "Check the type; if the text is right, give about its type.",
    ),
)
def about_type(context: PageContext) -> Iterator[Finding]:
    """The type of each MedicalWebPage's about node against the type the page's text shows."""
    declared = [(line, types) for line, types in _about_types(context) if types]
    if not declared:
        return
    title, headings, intro, language = _page_text(context.tree)
    if not title:
        return
    read, why = classify(title, headings, intro, language)
    if read == FALLBACK:
        return
    vocabulary = context.vocabulary or builtin_vocabulary()
    for line, types in declared:
        if read in types or any(read in same and types & same for same in _SAME):
            continue
        named = "/".join(sorted(types))
        if any(vocabulary.is_a(t, ("MedicalCondition",)) for t in types):
            if read not in CONDITION_TYPES:
                yield context.finding(
                    "page-about-condition-not-in-text",
                    f"about is a {named}, but the page reads like a {read} ({why})",
                    line,
                )
            continue
        yield context.finding(
            "page-about-type-differs",
            f"about is a {named}; the page reads like a {read} ({why})",
            line,
        )


def _about_types(context: PageContext) -> Iterator[tuple[int | None, frozenset[str]]]:
    for document in context.documents:
        by_id: dict[Any, dict[str, Any]] = {
            node.get("@id"): node for node in document.nodes if len(node) > 1 and "@id" in node
        }
        for node in document.nodes:
            if "about" not in node or "MedicalWebPage" not in types_of(node):
                continue
            about = node["about"]
            for link in about if isinstance(about, list) else [about]:
                if isinstance(link, dict):
                    target = by_id.get(link.get("@id"), link) if len(link) == 1 else link
                    yield document.line, frozenset(types_of(target))


def _page_text(tree: Any) -> tuple[str, list[str], str, str]:
    """(title, H2 and H3 texts, the text between the H1 and the first H2, language)."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    language = str(root.get("lang") or "da").split("-")[0].lower()
    title, headings, intro = "", [], []
    seen_h1 = seen_h2 = False
    for element in root.iter("h1", "h2", "h3", "p", "li"):
        text = " ".join(element.text_content().split())
        if not text:
            continue
        if element.tag == "h1" and not seen_h1:
            title, seen_h1 = text, True
        elif element.tag in ("h2", "h3"):
            headings.append(text)
            seen_h2 = True
        elif not seen_h2 and (seen_h1 or element.tag == "p"):  # a menu's items come before the H1
            intro.append(text)
    if not title:
        found = root.find(".//title")
        title = " ".join((found.text_content() if found is not None else "").split())
    return title, headings, " ".join(intro), language
