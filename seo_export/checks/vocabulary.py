"""The schema.org vocabulary as data: classes, properties, domains, ranges, superseded terms.

Two sources: a built-in table (:mod:`seo_export.checks.vocabulary_table`) that covers
every type and property seo-export emits and their neighbourhood, so checks run
offline with nothing to download; and a full schema.org release file
(``schemaorg-current-https.jsonld``, as schema.org publishes it) that a user
passes with ``--vocabulary`` to check anything.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seo_export.errors import SeoExportError

DATA_TYPES = frozenset(
    {
        "Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Float", "Boolean",
        "CssSelectorType", "XPathType", "PronounceableText", "DataType",
    }
)  # fmt: skip


class VocabularyError(SeoExportError):
    """A vocabulary file cannot be read as a schema.org release."""


@dataclass(frozen=True, slots=True)
class Property:
    """A schema.org property."""

    domains: tuple[str, ...]
    """Types it may be used on (domainIncludes)."""
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


TEXT_TYPES = frozenset({"Text", "PronounceableText", "CssSelectorType", "XPathType"})


@dataclass(frozen=True)
class Vocabulary:
    """Classes (with their direct superclasses), properties and enumeration members."""

    classes: Mapping[str, tuple[str, ...]]
    """Class name -> direct superclasses."""
    properties: Mapping[str, Property]
    """Property name -> domains, ranges."""
    members: Mapping[str, str] = field(default_factory=dict)
    """Enumeration member -> its enumeration type (e.g. Cardiovascular -> MedicalSpecialty)."""
    superseded_classes: Mapping[str, str] = field(default_factory=dict)
    """Superseded class -> replacement."""
    complete: bool = False
    """True for a full release: an unknown term is then certainly not schema.org."""
    source: str = "built-in table"
    """Where it came from, for messages."""
    _memo: dict[tuple[str, object, object], Any] = field(
        default_factory=dict, compare=False, repr=False
    )

    @functools.cached_property
    def _ancestors(self) -> dict[str, frozenset[str]]:
        cache: dict[str, frozenset[str]] = {}

        def walk(name: str, seen: frozenset[str]) -> frozenset[str]:
            if name in cache:
                return cache[name]
            result = {name}
            for parent in self.classes.get(name, ()):
                if parent not in seen:
                    result |= walk(parent, seen | {name})
            cache[name] = frozenset(result)
            return cache[name]

        for name in self.classes:
            walk(name, frozenset())
        return cache

    def ancestors(self, name: str) -> frozenset[str]:
        """``name`` and every class it is a subclass of."""
        return self._ancestors.get(name, frozenset({name}))

    def is_a(self, name: str, others: Iterable[str]) -> bool:
        """Whether class ``name`` is one of ``others`` or a subclass of one."""
        mine = self.ancestors(name)
        return any(other in mine for other in others)

    def use(self, types: tuple[str, ...], name: str) -> PropertyUse | None:
        """How property ``name`` sits on a node of ``types`` (None: not a property). Memoised."""
        key = ("use", types, name)
        if key in self._memo:
            found: PropertyUse | None = self._memo[key]
            return found
        prop = self.properties.get(name)
        use = None
        if prop is not None:
            data, classes = self.range_kinds(name)
            use = PropertyUse(
                prop=prop,
                allowed=not types or self.allows(types, name),
                data_ranges=data,
                class_ranges=classes,
                text_welcome=bool(data & TEXT_TYPES),
            )
        self._memo[key] = use
        return use

    def allows(self, types: tuple[str, ...], prop: str) -> bool:
        """Whether ``prop`` may sit on a node of any of ``types`` (memoised: documents repeat)."""
        key = ("allows", types, prop)
        if key not in self._memo:
            domains = self.properties[prop].domains
            self._memo[key] = any(self.is_a(name, domains) for name in types)
        return bool(self._memo[key])

    def range_kinds(self, prop: str) -> tuple[frozenset[str], tuple[str, ...]]:
        """(data types, classes) among ``prop``'s ranges (memoised)."""
        key = ("ranges", prop, None)
        if key not in self._memo:
            ranges = self.properties[prop].ranges
            data = frozenset(r for r in ranges if r in DATA_TYPES or self.is_a(r, DATA_TYPES))
            self._memo[key] = (data, tuple(r for r in ranges if r not in data))
        kinds: tuple[frozenset[str], tuple[str, ...]] = self._memo[key]
        return kinds

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
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise VocabularyError(f"{path}: not a schema.org JSON-LD release ({error})") from None
        classes: dict[str, tuple[str, ...]] = {}
        properties: dict[str, Property] = {}
        members: dict[str, str] = {}
        superseded: dict[str, str] = {}
        for node in graph:
            name = _term(node.get("@id"))
            if name is None:
                continue
            kinds = _as_list(node.get("@type"))
            replacement = _first_term(node.get("schema:supersededBy"))
            if "rdf:Property" in kinds:
                properties[name] = Property(
                    domains=_terms(node.get("schema:domainIncludes")),
                    ranges=_terms(node.get("schema:rangeIncludes")),
                    superseded_by=replacement,
                )
            elif "rdfs:Class" in kinds or "schema:DataType" in kinds:
                classes[name] = _terms(node.get("rdfs:subClassOf"))
                if replacement:
                    superseded[name] = replacement
            else:
                enumeration = next((_term(k) for k in kinds if _term(k)), None)
                if enumeration is not None:
                    members[name] = enumeration
        if not classes or not properties:
            raise VocabularyError(f"{path}: has no schema.org classes or properties")
        return cls(classes, properties, members, superseded, True, str(path))


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


def _terms(value: Any) -> tuple[str, ...]:
    return tuple(name for name in (_term(v) for v in _as_list(value)) if name)


def _first_term(value: Any) -> str | None:
    terms = _terms(value)
    return terms[0] if terms else None


def schema_term(value: str) -> str | None:
    """The schema.org term a type name or IRI stands for (None for other vocabularies)."""
    if ":" not in value:
        return value
    return _term(value)


@functools.cache
def builtin_vocabulary() -> Vocabulary:
    """The built-in table: every type and property seo-export emits, and their neighbourhood."""
    from seo_export.checks.vocabulary_table import CLASSES, MEMBERS, PROPERTIES, SUPERSEDED_CLASSES

    return Vocabulary(
        classes=CLASSES,
        properties={
            name: Property(domains, ranges, superseded)
            for name, (domains, ranges, superseded) in PROPERTIES.items()
        },
        members=MEMBERS,
        superseded_classes=SUPERSEDED_CLASSES,
        complete=False,
    )


@functools.cache
def load_vocabulary(path: str | None) -> Vocabulary:
    """The release file at ``path``, or the built-in table when None (cached)."""
    return builtin_vocabulary() if path is None else Vocabulary.from_release(Path(path))
