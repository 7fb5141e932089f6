"""Vocabulary checks: schema.org types and properties, used where they belong, fitting values.

The vocabulary (:mod:`.vocabulary`) holds every term of a schema.org release, so
a type or property it lacks is not schema.org: an error, with the term meant when
it is a typo. Terms a document defines in its own ``@context``, prefixed names
(``ex:term``) and Actions' ``-input``/``-output`` annotations are not judged as
such. Whether each value fits its property's range is :mod:`.vocabulary_values`.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterable, Iterator
from typing import Any

from seo_export.checks.document import DocumentContext
from seo_export.checks.nodes import Path, is_reference, types_of
from seo_export.checks.registry import INFO, Code, E, W, document_check
from seo_export.checks.vocabulary import Vocabulary, likely_meant, schema_term
from seo_export.checks.vocabulary_values import value_finding
from seo_export.model import Finding


def document_contexts(nodes: Iterable[dict[str, Any]]) -> list[Any]:
    """The ``@context`` values of the document's nodes (usually the top node's alone)."""
    return [node["@context"] for node in nodes if "@context" in node]


def schema_org_context(contexts: Iterable[Any]) -> bool:
    """Whether the document's terms are schema.org's (its @context says so)."""

    def mentions(value: Any) -> bool:
        if isinstance(value, str):
            return "schema.org" in value
        if isinstance(value, list):
            return any(mentions(item) for item in value)
        if isinstance(value, dict):
            return mentions(value.get("@vocab"))
        return False

    return any(mentions(context) for context in contexts)


def context_terms(contexts: Iterable[Any]) -> frozenset[str]:
    """Terms the document defines in its own ``@context`` objects: another vocabulary's
    (``{"@vocab": "https://schema.org/", "ex": "https://example.org/"}``), not schema.org's."""
    terms: set[str] = set()
    for context in contexts:
        for item in context if isinstance(context, list) else (context,):
            if isinstance(item, dict):
                terms.update(key for key in item if not key.startswith("@"))
    return frozenset(terms)


@document_check(
    "vocabulary",
    Code(
        "vocab-unknown-type",
        E,
        "An @type is not a schema.org type: not in the built-in release (or the --vocabulary "
        "file); a typo when a close match is named.",
        "Use the schema.org type named in the message. A term of a newer schema.org release: "
        "pass that release with --vocabulary.",
    ),
    Code(
        "vocab-unknown-property",
        E,
        "A property is not a schema.org property: not in the built-in release (or the "
        "--vocabulary file); a typo when a close match is named.",
        "Use the schema.org property named in the message. A term of a newer schema.org "
        "release: pass that release with --vocabulary.",
    ),
    Code(
        "vocab-wrong-domain",
        E,
        "A property is used on a type it does not belong to (schema.org domainIncludes, with "
        "superclasses).",
        "Move the property to a node of a type it belongs to, or use the right property.",
    ),
    Code(
        "vocab-wrong-range",
        E,
        "A value does not fit the property's range: a date and time where a date belongs "
        "(lastReviewed), a node of the wrong type, a number where text belongs, ...",
        "Write the value in the form the message names.",
    ),
    Code(
        "vocab-text-for-entity",
        INFO,
        "Text where schema.org expects a node (schema.org accepts it, but it says less).",
        "Write a typed node instead of text where you can.",
    ),
    Code(
        "vocab-superseded",
        W,
        "A type, property or enumeration member is superseded in schema.org.",
        "Use the term schema.org names as its replacement.",
    ),
)
def vocabulary_terms(context: DocumentContext) -> Iterator[Finding]:
    """Types and properties exist, properties sit on types in their domain, values fit the range."""
    contexts = document_contexts(context.nodes)
    if not schema_org_context(contexts):
        return
    vocabulary = context.vocabulary
    defined = context.definitions
    own_terms = context_terms(contexts)
    for node in context.nodes:
        if is_reference(node):
            continue
        types: tuple[str, ...] = ()
        if "@type" in node:
            # Known, current types (most nodes) are decided once for every document.
            current = None if own_terms else vocabulary.current_types(tuple(types_of(node)))
            if current is None:
                current = yield from _node_types(context, node, own_terms)
            types = current
        uses = vocabulary.uses(types)
        for key, value in node.items():
            if key[0] == "@" or ":" in key or key in own_terms:
                continue
            use = uses[key] if key in uses else vocabulary.use(types, key)
            if use is None:
                yield from _not_a_property(context, node, key, types)
                continue
            if use.prop.superseded_by:
                yield context.finding(
                    "vocab-superseded",
                    f"{key} is superseded by {use.prop.superseded_by}",
                    context.path(node, key),
                )
            if not use.allowed:
                yield context.finding(
                    "vocab-wrong-domain",
                    f"{key} is not a property of {'/'.join(types)} "
                    f"(it belongs to {', '.join(use.prop.domains)})",
                    context.path(node, key),
                )
            if use.text_welcome and isinstance(value, str):
                continue  # the common case, decided without a call
            for index, item in enumerate(value if isinstance(value, list) else (value,)):
                if use.text_welcome and isinstance(item, str):
                    continue
                where = (key, index) if isinstance(value, list) else (key,)
                problem = value_finding(context, key, item, (node, where), defined)
                if problem is not None:
                    yield problem


def _node_types(
    context: DocumentContext, node: dict[str, Any], own_terms: frozenset[str]
) -> Generator[Finding, None, tuple[str, ...]]:
    """The node's schema.org types (yielding findings about unknown and superseded ones)."""
    vocabulary = context.vocabulary
    known_types = []
    for value in types_of(node):
        name = schema_term(value)
        if not name or name in own_terms:
            continue
        if vocabulary.knows_type(name):
            known_types.append(name)
            if name in vocabulary.superseded:
                yield context.finding(
                    "vocab-superseded",
                    f"type {name} is superseded by {vocabulary.superseded[name]}",
                    context.path(node, "@type"),
                )
        else:
            yield from _unknown(
                context, "type", name, list(vocabulary.classes), context.path(node, "@type")
            )
    return tuple(known_types)


# schema.org's Actions annotate a property's input or output ("query-input": "required
# name=q", as in the SearchAction of a site search box): https://schema.org/docs/actions.html.
_ANNOTATION = re.compile(r"^([A-Za-z][A-Za-z0-9]*)-(?:input|output)$")


def _not_a_property(
    context: DocumentContext, node: dict[str, Any], key: str, types: tuple[str, ...]
) -> Iterator[Finding]:
    """Findings for a key that is not a schema.org property: an annotation, or unknown."""
    vocabulary = context.vocabulary
    annotation = _ANNOTATION.match(key)
    if annotation is None or annotation[1] not in vocabulary.properties:
        yield from _unknown(
            context, "property", key, list(vocabulary.properties), context.path(node, key)
        )
        return
    annotated = annotation[1]
    if types and not vocabulary.allows(types, annotated):
        yield context.finding(
            "vocab-wrong-domain",
            f"{key} annotates {annotated}, which is not a property of {'/'.join(types)} "
            f"(it belongs to {', '.join(vocabulary.properties[annotated].domains)})",
            context.path(node, key),
        )
    value = node[key]
    for index, item in enumerate(value if isinstance(value, list) else (value,)):
        if isinstance(item, str) or _is_specification(item, vocabulary):
            continue
        where = (key, index) if isinstance(value, list) else (key,)
        yield context.finding(
            "vocab-wrong-range",
            f"{key} takes a PropertyValueSpecification or its text form ('required name=q')",
            context.path(node, *where),
        )


def _is_specification(value: Any, vocabulary: Vocabulary) -> bool:
    """A reference, or a node that is (or may be) a PropertyValueSpecification."""
    if not isinstance(value, dict):
        return False
    if is_reference(value):
        return True
    names = tuple(t for t in map(schema_term, types_of(value)) if t and vocabulary.knows_type(t))
    return not names or vocabulary.fits(names, ("PropertyValueSpecification",))


def _unknown(
    context: DocumentContext, kind: str, name: str, known: list[str], path: Path
) -> Iterator[Finding]:
    close = likely_meant(name, known)
    if close:
        yield context.finding(
            f"vocab-unknown-{kind}",
            f"{name} is not a schema.org {kind}; did you mean {close}?",
            path,
        )
    else:
        yield context.finding(
            f"vocab-unknown-{kind}",
            f"{name} is not a schema.org {kind} (checked against {context.vocabulary.source})",
            path,
        )
