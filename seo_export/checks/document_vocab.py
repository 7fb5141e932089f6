"""Vocabulary checks: schema.org types and properties, used where they belong, fitting values."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from seo_export.checks.document import DocumentContext
from seo_export.checks.nodes import Path, is_reference, types_of
from seo_export.checks.registry import INFO, Code, E, W, document_check
from seo_export.checks.vocabulary import TEXT_TYPES, Vocabulary, schema_term
from seo_export.model import Finding

_DATE = re.compile(r"^-?\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(
    r"^-?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)
_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_URLISH = re.compile(r"^(https?://|/|\.\.?/|#|[A-Za-z][A-Za-z0-9+.-]*:)\S*$")


def schema_org_context(nodes: Iterable[dict[str, Any]]) -> bool:
    """Whether the document's terms are schema.org's (its @context says so)."""

    def mentions(value: Any) -> bool:
        if isinstance(value, str):
            return "schema.org" in value
        if isinstance(value, list):
            return any(mentions(item) for item in value)
        if isinstance(value, dict):
            return mentions(value.get("@vocab"))
        return False

    return any("@context" in node and mentions(node["@context"]) for node in nodes)


@document_check(
    "vocabulary",
    Code(
        "vocab-unknown-type",
        E,
        "An @type is not a schema.org type (a typo, when a close match is named).",
        "Use the schema.org type named in the message.",
    ),
    Code(
        "vocab-unknown-property",
        E,
        "A property is not a schema.org property (a typo, when a close match is named).",
        "Use the schema.org property named in the message.",
    ),
    Code(
        "vocab-not-in-table",
        INFO,
        "A type or property is not in seo-export's built-in vocabulary table, so it was not "
        "checked.",
        "Pass --vocabulary schemaorg-current-https.jsonld (from schema.org) to check every term.",
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
        "A type or property is superseded in schema.org.",
        "Use the term schema.org names as its replacement.",
    ),
)
def vocabulary_terms(context: DocumentContext) -> Iterator[Finding]:
    """Types and properties exist, properties sit on types in their domain, values fit the range."""
    if not schema_org_context(context.nodes):
        return
    vocabulary = context.vocabulary
    defined = context.definitions
    for node in context.nodes:
        if is_reference(node):
            continue
        known_types = []
        for value in types_of(node):
            name = schema_term(value)
            if not name:
                continue
            if vocabulary.knows_type(name):
                known_types.append(name)
                if name in vocabulary.superseded_classes:
                    yield context.finding(
                        "vocab-superseded",
                        f"type {name} is superseded by {vocabulary.superseded_classes[name]}",
                        context.path(node, "@type"),
                    )
            else:
                yield from _unknown(
                    context, "type", name, list(vocabulary.classes), context.path(node, "@type")
                )
        types = tuple(known_types)
        for key, value in node.items():
            if key[0] == "@" or ":" in key:
                continue
            use = vocabulary.use(types, key)
            if use is None:
                yield from _unknown(
                    context, "property", key, list(vocabulary.properties), context.path(node, key)
                )
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
                problem = _range(context, key, item, (node, where), defined)
                if problem is not None:
                    yield problem


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
    elif context.vocabulary.complete:
        yield context.finding(f"vocab-unknown-{kind}", f"{name} is not a schema.org {kind}", path)
    else:
        yield context.finding(
            "vocab-not-in-table",
            f"{kind} {name} is not in the built-in table; pass --vocabulary with a schema.org "
            "release to check it",
            path,
        )


def likely_meant(name: str, known: list[str]) -> str | None:
    """The known term ``name`` is a typo of: other case, one edit or swap, or very similar."""
    folded = {term.casefold(): term for term in known}
    if name.casefold() in folded:
        return folded[name.casefold()]
    if len(name) >= 4:
        for term in known:
            if _one_edit_apart(name, term):
                return term
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.85)
    return close[0] if close else None


def _one_edit_apart(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _range(
    context: DocumentContext,
    key: str,
    value: Any,
    at: tuple[dict[str, Any], tuple[str | int, ...]],
    defined: dict[str, Any],
) -> Finding | None:
    """The finding for a value that does not fit ``key``'s range, if it does not.

    ``at`` is (node, suffix) of the value; its path is worked out only for a finding.
    """
    path = _LazyPath(context, *at)
    vocabulary = context.vocabulary
    data_ranges, class_ranges = vocabulary.range_kinds(key)
    if not data_ranges and not class_ranges:
        return None
    if isinstance(value, dict):
        if is_reference(value):
            target = defined.get(value["@id"])
            node_types = types_of(target) if target else []
        elif "@value" in value:
            return None
        else:
            node_types = types_of(value)
        names = tuple(
            t for t in (schema_term(n) for n in node_types) if t and vocabulary.knows_type(t)
        )
        if not class_ranges:
            return context.finding(
                "vocab-wrong-range", f"{key} takes {_kinds(data_ranges)}, not a node", path
            )
        if names and not vocabulary.fits(names, class_ranges):
            return context.finding(
                "vocab-wrong-range",
                f"{key} takes {_kinds(class_ranges)}, not {'/'.join(names)}",
                path,
            )
        return None
    problem = _data_problem(value, set(data_ranges))
    if problem is None:
        return None
    term = schema_term(value) if isinstance(value, str) and "schema.org/" in value else None
    if term and class_ranges and _term_fits(term, list(class_ranges), vocabulary):
        return None  # an enumeration member or class named by its schema.org URL
    if class_ranges and isinstance(value, str) and value.startswith(("https://", "http://")):
        return None  # an absolute URL names the entity (Google documents breadcrumb items so)
    if class_ranges and isinstance(value, (str, int, float)) and not data_ranges:
        kind = "text" if isinstance(value, str) else "a number"
        return context.finding(
            "vocab-text-for-entity",
            f"{key} expects {_kinds(class_ranges)}; {kind} is accepted but carries less meaning",
            path,
        )
    return context.finding("vocab-wrong-range", f"{key}: {problem}", path)


class _LazyPath:
    """A node's path, built from the document only if a finding asks for it."""

    def __init__(
        self, context: DocumentContext, node: dict[str, Any], suffix: tuple[str | int, ...]
    ) -> None:
        self.context, self.node, self.suffix = context, node, suffix

    def __iter__(self) -> Iterator[str | int]:
        return iter(self.context.path(self.node, *self.suffix))


def _term_fits(term: str, ranges: list[str], vocabulary: Vocabulary) -> bool:
    if vocabulary.knows_type(term):
        return vocabulary.is_a(term, ranges)
    member_of = vocabulary.members.get(term)
    return member_of is not None and vocabulary.is_a(member_of, ranges)


def _data_problem(value: Any, data_ranges: set[str]) -> str | None:
    """None when ``value`` fits one of the declared data types, else why it does not."""
    kinds = _kinds(data_ranges) if data_ranges else "a node"
    if isinstance(value, bool):
        return None if "Boolean" in data_ranges else f"takes {kinds}, not true/false"
    if isinstance(value, (int, float)):
        if data_ranges & {"Number", "Integer", "Float", "Text"}:
            return None
        return f"takes {kinds}, not a number"
    if not isinstance(value, str):
        return f"takes {kinds}"
    if data_ranges & TEXT_TYPES:
        return None
    checks = (
        ("URL", _URLISH),
        ("Date", _DATE),
        ("DateTime", _DATE_TIME),
        ("DateTime", _DATE),
        ("Time", _TIME),
        ("Number", _NUMBER),
        ("Float", _NUMBER),
        ("Integer", _INTEGER),
    )
    if any(kind in data_ranges and pattern.match(value) for kind, pattern in checks):
        return None
    if "Boolean" in data_ranges and value.rsplit("/", 1)[-1].lower() in ("true", "false"):
        return None
    if "Date" in data_ranges and _DATE_TIME.match(value):
        return f"{value!r} is a date and time; {kinds} takes a date (YYYY-MM-DD)"
    return f"{value!r} is not {kinds}"


def _kinds(names: Iterable[str]) -> str:
    ordered = sorted(names)
    return ordered[0] if len(ordered) == 1 else ", ".join(ordered[:-1]) + " or " + ordered[-1]
