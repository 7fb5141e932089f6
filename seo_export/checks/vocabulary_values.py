"""Whether a value fits a schema.org property's range, for the vocabulary check.

Literals against the data types (Text, URL, Date against DateTime, numbers,
Boolean, the Quantities such as Distance), nodes against the classes (with their
superclasses), and schema.org terms named by their URL or, for enumeration
members, by their bare name (``https://schema.org/InStock``, ``"Tuesday"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from seo_export.checks.document import DocumentContext
from seo_export.checks.nodes import is_reference, types_of
from seo_export.checks.vocabulary import TEXT_TYPES, likely_meant, schema_term
from seo_export.model import Finding

_DATE = re.compile(r"^-?\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(
    r"^-?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)
_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_URLISH = re.compile(r"^(https?://|/|\.\.?/|#|[A-Za-z][A-Za-z0-9+.-]*:)\S*$")


def value_finding(
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
        if names and data_ranges and vocabulary.fits(names, tuple(sorted(data_ranges))):
            return None  # a typed data value, such as {"@type": "Distance", ...}
        if not class_ranges:
            return context.finding(
                "vocab-wrong-range", f"{key} takes {describe_kinds(data_ranges)}, not a node", path
            )
        if names and not vocabulary.fits(names, class_ranges):
            return context.finding(
                "vocab-wrong-range",
                f"{key} takes {describe_kinds(class_ranges)}, not {'/'.join(names)}",
                path,
            )
        return None
    problem = _data_problem(value, data_ranges, vocabulary.takes_quantity(data_ranges))
    if problem is None:
        return None
    term = _SCHEMA_ORG_TERM.match(value) if isinstance(value, str) else None
    if term and class_ranges:
        return _named_term(context, key, term[1], class_ranges, path)
    if (
        isinstance(value, str)
        and value in vocabulary.members
        and vocabulary.fits(vocabulary.members[value], class_ranges)
    ):
        # A member by its bare name ("Tuesday" for a DayOfWeek), as Google's examples write
        # them: it names the member, and is not a typo of one.
        return _named_term(context, key, value, class_ranges, path)
    if class_ranges and isinstance(value, str) and value.startswith(("https://", "http://")):
        return None  # an absolute URL names the entity (Google documents breadcrumb items so)
    if class_ranges and isinstance(value, (str, int, float)) and not data_ranges:
        kind = "text" if isinstance(value, str) else "a number"
        return context.finding(
            "vocab-text-for-entity",
            f"{key} expects {describe_kinds(class_ranges)}; {kind} is accepted but carries "
            "less meaning",
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


# A schema.org term named by its URL: an enumeration member ("https://schema.org/InStock"),
# a class ("https://schema.org/Patient" as an audience) or a property.
_SCHEMA_ORG_TERM = re.compile(r"^https?://schema\.org/([A-Za-z0-9_]+)$")


def _named_term(
    context: DocumentContext,
    key: str,
    term: str,
    class_ranges: tuple[str, ...],
    path: Iterable[str | int],
) -> Finding | None:
    """The finding for a schema.org term, named by its URL, as a value of ``key``, if any."""
    vocabulary = context.vocabulary
    # Physiotherapy is a class and a MedicalSpecialty: either may fit.
    kinds = ((term,) if vocabulary.knows_type(term) else ()) + vocabulary.members.get(term, ())
    if term in vocabulary.properties:
        kinds = ("Property",)
    if not kinds:
        known = [*vocabulary.members, *vocabulary.classes]
        close = likely_meant(term, known)
        hint = f"; did you mean {close}?" if close else f" (checked against {vocabulary.source})"
        return context.finding(
            "vocab-wrong-range", f"{key}: {term} is not a schema.org term{hint}", path
        )
    if not vocabulary.fits(kinds, class_ranges):
        what = "/".join(kind if kind != term else "a class" for kind in kinds)
        return context.finding(
            "vocab-wrong-range",
            f"{key} takes {describe_kinds(class_ranges)}, not {term} ({what})",
            path,
        )
    if term in vocabulary.superseded:
        return context.finding(
            "vocab-superseded", f"{term} is superseded by {vocabulary.superseded[term]}", path
        )
    return None


def _data_problem(value: Any, data_ranges: frozenset[str], quantity: bool) -> str | None:
    """None when ``value`` fits one of the declared data types, else why it does not.

    ``quantity``: a range is a Quantity (Distance, Duration, Energy, Mass), which
    schema.org writes as text ('7 ft', 'PT30M'); a bare number fits it too (an image's
    width and height in pixels, as Google's examples give them).
    """
    kinds = describe_kinds(data_ranges) if data_ranges else "a node"
    if isinstance(value, bool):
        return None if "Boolean" in data_ranges else f"takes {kinds}, not true/false"
    if isinstance(value, (int, float)):
        if quantity or data_ranges & {"Number", "Integer", "Float", "Text"}:
            return None
        return f"takes {kinds}, not a number"
    if not isinstance(value, str):
        return f"takes {kinds}"
    if quantity or data_ranges & TEXT_TYPES:
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


def describe_kinds(names: Iterable[str]) -> str:
    ordered = sorted(names)
    return ordered[0] if len(ordered) == 1 else ", ".join(ordered[:-1]) + " or " + ordered[-1]
