"""The schema.org vocabulary as data: classes, properties, domains, ranges, members, supersessions.

Two sources, one shape (:class:`Vocabulary`):

- the built-in vocabulary: the whole of schema.org's latest release, shipped in
  the package as compact generated data (``schemaorg/vocabulary.json.gz``, made by
  :mod:`seo_export.checks.vocabulary_data`), read the first time a check asks;
- a release file (``schemaorg-current-https.jsonld``, as schema.org publishes it)
  that a user passes with ``--vocabulary``, for a release newer than the built-in one.

Either way every term of the release is known, so a term the vocabulary lacks is
not schema.org (as of that release).
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seo_export.errors import SeoExportError

TEXT_TYPES = frozenset({"Text", "PronounceableText", "CssSelectorType", "XPathType"})
"""Data types any text fits (URL, also a subclass of Text in schema.org, is not one)."""
QUANTITY = "Quantity"
"""The data type of Distance, Duration, Energy and Mass: text such as '7 ft', or a number."""


class VocabularyError(SeoExportError):
    """A vocabulary file cannot be read as a schema.org release."""


@dataclass(frozen=True, slots=True)
class Property:
    """A schema.org property."""

    domains: tuple[str, ...]
    """Types it may be used on (domainIncludes); empty when the release names none."""
    ranges: tuple[str, ...]
    """Types its values may have (rangeIncludes)."""
    superseded_by: str | None = None
    """The term that replaces it, when it is superseded."""


@dataclass(frozen=True, slots=True)
class PropertyUse:
    """What the checks need to know about one property on nodes of some types."""

    prop: Property
    """The property."""
    allowed: bool
    """Whether it belongs to one of the node's types (or the node has no known type)."""
    data_ranges: frozenset[str]
    """The data types among its ranges."""
    class_ranges: tuple[str, ...]
    """The classes among its ranges."""
    text_welcome: bool
    """Whether any text is a fitting value."""


@dataclass(frozen=True)
class Vocabulary:
    """Classes (with their direct superclasses), properties and enumeration members."""

    classes: Mapping[str, tuple[str, ...]]
    """Class name -> direct superclasses (data types included: Text, URL, Distance, ...)."""
    properties: Mapping[str, Property]
    """Property name -> domains, ranges, replacement."""
    data_types: frozenset[str]
    """The classes the release marks as data types (Text, Number, Quantity, ...); their
    subclasses (URL, Integer, Distance, ...) are data types too."""
    members: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Enumeration member -> its enumeration types (e.g. Cardiovascular -> MedicalSpecialty)."""
    superseded: Mapping[str, str] = field(default_factory=dict)
    """Superseded term (class, property or enumeration member) -> the term that replaces it."""
    source: str = "built-in"
    """Where it came from, for messages: a file, or schema.org's release name."""
    _memo: dict[tuple[str, object, object], Any] = field(
        default_factory=dict, compare=False, repr=False
    )
    _ancestors: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _uses: dict[tuple[str, ...], dict[str, PropertyUse | None]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __repr__(self) -> str:
        return (
            f"Vocabulary({self.source}: {len(self.classes)} classes, "
            f"{len(self.properties)} properties)"
        )

    def ancestors(self, name: str) -> frozenset[str]:
        """``name`` and every class it is a subclass of (worked out once per class)."""
        found = self._ancestors.get(name)
        if found is None:
            self._ancestors[name] = frozenset({name})  # a cycle (schema.org has none) stops here
            result = {name}
            for parent in self.classes.get(name, ()):
                result |= self.ancestors(parent)
            found = self._ancestors[name] = frozenset(result)
        return found

    def is_a(self, name: str, others: Iterable[str]) -> bool:
        """Whether class ``name`` is one of ``others`` or a subclass of one."""
        mine = self.ancestors(name)
        return any(other in mine for other in others)

    def uses(self, types: tuple[str, ...]) -> dict[str, PropertyUse | None]:
        """The memo of :meth:`use` for nodes of ``types``: property name -> its use.

        A check looks each property of a node up here first (one dict lookup, where a
        key of (types, name) would hash the types again for every property).
        """
        found = self._uses.get(types)
        if found is None:
            found = self._uses[types] = {}
        return found

    def use(self, types: tuple[str, ...], name: str) -> PropertyUse | None:
        """How property ``name`` sits on a node of ``types`` (None: not a property). Memoised."""
        memo = self.uses(types)
        if name in memo:
            return memo[name]
        prop = self.properties.get(name)
        use = None
        if prop is not None:
            data, classes = self.range_kinds(name)
            use = PropertyUse(
                prop=prop,
                allowed=not types or self.allows(types, name),
                data_ranges=data,
                class_ranges=classes,
                text_welcome=bool(data & TEXT_TYPES) or self.takes_quantity(data),
            )
        memo[name] = use
        return use

    def current_types(self, values: tuple[str, ...]) -> tuple[str, ...] | None:
        """The schema.org classes ``values`` (a node's @type) name, when every schema.org
        one is a known class that is not superseded; None when one is not (memoised)."""
        key = ("types", values, None)
        if key not in self._memo:
            # A value that is not schema.org's (None) is another vocabulary's type.
            names = [name for name in map(schema_term, values) if name]
            current = all(name in self.classes and name not in self.superseded for name in names)
            self._memo[key] = tuple(names) if current else None
        found: tuple[str, ...] | None = self._memo[key]
        return found

    def allows(self, types: tuple[str, ...], prop: str) -> bool:
        """Whether ``prop`` may sit on a node of any of ``types`` (memoised: documents repeat).

        A property the release gives no domain (a few superseded ones) may sit anywhere.
        """
        key = ("allows", types, prop)
        if key not in self._memo:
            domains = self.properties[prop].domains
            self._memo[key] = not domains or any(self.is_a(name, domains) for name in types)
        return bool(self._memo[key])

    def range_kinds(self, prop: str) -> tuple[frozenset[str], tuple[str, ...]]:
        """(data types, classes) among ``prop``'s ranges (memoised)."""
        key = ("ranges", prop, None)
        if key not in self._memo:
            ranges = self.properties[prop].ranges
            data = frozenset(r for r in ranges if self.is_a(r, self.data_types))
            self._memo[key] = (data, tuple(r for r in ranges if r not in data))
        kinds: tuple[frozenset[str], tuple[str, ...]] = self._memo[key]
        return kinds

    def takes_quantity(self, data_ranges: frozenset[str]) -> bool:
        """Whether one of ``data_ranges`` is a Quantity (Distance, Duration, ...): text or a
        number fits it, as schema.org describes ('7 ft'; pixels for an image's width)."""
        key = ("quantity", data_ranges, None)
        if key not in self._memo:
            self._memo[key] = any(self.is_a(name, (QUANTITY,)) for name in data_ranges)
        return bool(self._memo[key])

    def fits(self, types: tuple[str, ...], classes: tuple[str, ...]) -> bool:
        """Whether a node of any of ``types`` fits a range of ``classes`` (memoised)."""
        key = ("fits", types, classes)
        if key not in self._memo:
            self._memo[key] = any(self.is_a(name, classes) for name in types)
        return bool(self._memo[key])

    def knows_type(self, name: str) -> bool:
        """Whether ``name`` is a class (data types included)."""
        return name in self.classes

    @classmethod
    def from_release(cls, path: Path) -> Vocabulary:
        """Read a schema.org release file (JSON-LD with rdfs:Class and rdf:Property nodes)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            graph = data["@graph"]
            return cls.from_graph(graph, str(path))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise VocabularyError(f"{path}: not a schema.org JSON-LD release ({error})") from None

    @classmethod
    def from_graph(cls, graph: Iterable[dict[str, Any]], source: str) -> Vocabulary:
        """The vocabulary of a release's ``@graph`` (terms of other vocabularies left out).

        Domains, ranges, superclasses and enumerations are sorted, so that two readings
        of one release are equal whatever the order of its file.
        """
        classes: dict[str, tuple[str, ...]] = {}
        properties: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        members: dict[str, tuple[str, ...]] = {}
        superseded: dict[str, str] = {}
        data_types: set[str] = set()
        for node in graph:
            name = _term(node.get("@id"))
            if name is None:
                continue
            kinds = _as_list(node.get("@type"))
            replacement = _first_term(node.get("schema:supersededBy"))
            if replacement:
                superseded[name] = replacement
            if "rdf:Property" in kinds:
                properties[name] = (
                    _sorted_terms(node.get("schema:domainIncludes")),
                    _sorted_terms(node.get("schema:rangeIncludes")),
                )
                continue
            # A term can be both a class and an enumeration member: Physiotherapy is a
            # MedicalSpecialty and a subclass of MedicalBusiness (a clinic's type).
            if {"rdfs:Class", "schema:DataType"} & set(kinds) or "rdfs:subClassOf" in node:
                classes[name] = _sorted_terms(node.get("rdfs:subClassOf"))
            if "schema:DataType" in kinds:
                data_types.add(name)
            enumerations = tuple(kind for kind in _sorted_terms(kinds) if kind != "DataType")
            if enumerations:
                members[name] = enumerations
        if not classes or not properties:
            raise VocabularyError(f"{source}: has no schema.org classes or properties")
        if "DataType" in classes:
            data_types.add("DataType")
        return cls(
            classes=classes,
            properties={
                name: Property(domains, ranges, superseded.get(name))
                for name, (domains, ranges) in properties.items()
            },
            data_types=frozenset(data_types),
            members=members,
            superseded=superseded,
            source=source,
        )


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _term(value: Any) -> str | None:
    """``schema:Name`` / ``https://schema.org/Name`` / ``{"@id": ...}`` -> ``Name``."""
    if isinstance(value, dict):
        value = value.get("@id")
    if not isinstance(value, str):
        return None
    for prefix in ("schema:", "https://schema.org/", "http://schema.org/"):
        if value.startswith(prefix):
            return value[len(prefix) :]
    return None


def _sorted_terms(value: Any) -> tuple[str, ...]:
    return tuple(sorted({name for name in (_term(v) for v in _as_list(value)) if name}))


def _first_term(value: Any) -> str | None:
    terms = _sorted_terms(value)
    return terms[0] if terms else None


def schema_term(value: str) -> str | None:
    """The schema.org term a type name or IRI stands for (None for other vocabularies)."""
    if ":" not in value:
        return value
    return _term(value)


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


@functools.cache
def builtin_vocabulary() -> Vocabulary:
    """The whole schema.org release shipped in the package (read once, when first asked)."""
    from seo_export.checks.vocabulary_data import read_builtin

    return read_builtin()


@functools.cache
def load_vocabulary(path: str | None) -> Vocabulary:
    """The release file at ``path``, or the built-in vocabulary when None (cached)."""
    return builtin_vocabulary() if path is None else Vocabulary.from_release(Path(path))
