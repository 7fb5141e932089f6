"""The parts of schemas/*.schema.json that the domain tables decide, generated from the tables.

The JSON Schemas stay static files that editors and other tools read as they
are, but what they say about the main entity's properties (their front-matter
keys, the types of their items in the JSON-LD, the settings' and the manifest's
lists of them) and about the date forms is written from
:mod:`seo_export.domain.properties` and :mod:`seo_export.domain.dates`, never
by hand. The front matter's keys refer to one ``$defs`` entry per shape.
:func:`schema_parts` gives those parts; tests/test_schema_parts.py fails when
a file differs from them, and ``pytest tests/test_schema_parts.py
--update-golden`` writes them into the files (:func:`with_parts`).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from seo_export.domain import dates, properties

GENERATED = "Generated from seo_export/domain/: pytest tests/test_schema_parts.py --update-golden"
"""The ``$comment`` of a generated entry (a key that refers to a generated ``$defs`` entry
needs none): who writes it."""

Parts = dict[str, Any]
"""JSON Pointer (``/$defs/date``) -> the value the tables give it, in file order."""


def schema_parts() -> dict[str, Parts]:
    """Schema file name -> its generated parts."""
    names = list(properties.property_names())
    return {
        "front-matter.schema.json": _front_matter_parts(),
        "medical-condition.schema.json": _medical_condition_parts(),
        "settings.schema.json": {
            "/properties/sections/items/properties/property/enum": names,
            "/properties/sections/items/properties/item_type/enum": list(
                properties.rule_item_types()
            ),
        },
        "manifest.schema.json": {
            "/$defs/article/properties/entities/propertyNames/enum": names,
        },
    }


def _front_matter_parts() -> Parts:
    parts: Parts = {
        "/$defs/date": date_schema(),
        "/$defs/items": _front_matter_items(
            "A property's items: a name, a list of names or of {name, type}; null or [] for none.",
            {"anyOf": [{"type": "string"}, _NAMED_ITEM]},
        ),
        "/$defs/texts": _front_matter_items(
            "A text property's value: a text or a list of texts; null or [] for none.",
            {"type": "string"},
        ),
    }
    for keys in dates.DATE_FIELDS.values():
        for key in keys:
            parts[f"/properties/{key}"] = {"$ref": "#/$defs/date"}
    for prop in properties.MAIN_ENTITY_PROPERTIES:
        shape = "#/$defs/items" if prop.item_type else "#/$defs/texts"
        for key in prop.front_matter_keys:
            alias = f"Same as {prop.name}: {prop.meaning[:1].lower()}{prop.meaning[1:]}"
            described = prop.meaning if key == prop.name else alias
            parts[f"/properties/{key}"] = {"$ref": shape, "description": described}
    return parts


_NAMED_ITEM = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "type": {"type": "string", "pattern": "^[A-Z][A-Za-z]+$"},
    },
}


def _front_matter_items(description: str, item: dict[str, Any]) -> dict[str, Any]:
    """A property's items in the front matter: one, a list, or null (or []) for none."""
    return {
        "$comment": GENERATED,
        "description": description,
        "anyOf": [{"type": "null"}, {"type": "string"}, {"type": "array", "items": item}],
    }


def _medical_condition_parts() -> Parts:
    # Each property written out, not a $ref to a shared definition: this schema is
    # checked on every build, and the compiled validator pays ~1.5 us a document for
    # a $ref there; the copies are generated, so they cannot drift apart.
    text = {"$ref": "common.schema.json#/$defs/nonEmptyText"}
    parts: Parts = {}
    for prop in properties.MAIN_ENTITY_PROPERTIES:
        if prop.item_type is None:
            parts[f"/properties/{prop.name}"] = {
                "$comment": GENERATED,
                "anyOf": [text, {"type": "array", "minItems": 1, "items": text}],
            }
            continue
        parts[f"/properties/{prop.name}"] = {
            "$comment": GENERATED,
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["@type", "name"],
                "properties": {"@type": {"enum": list(prop.item_types)}, "name": text},
            },
        }
    return parts


def date_schema() -> dict[str, Any]:
    """One front-matter date: text in one of the date forms (YAML dates arrive as ISO text)."""
    forms = dates.DATE_FORMS
    described = "; ".join(f"{form.example} ({form.description})" for form in forms)
    return {
        "$comment": GENERATED,
        "description": f"A date, written like one of these: {described}.",
        "examples": [form.example for form in forms],
        "type": "string",
        "format": dates.DATE_SCHEMA_FORMAT,
    }


def with_parts(schema: Mapping[str, Any], parts: Parts) -> dict[str, Any]:
    """A copy of ``schema`` with each part set at its pointer.

    A key that is there keeps its place (the order of an object's keys means
    nothing in JSON Schema, and a diff stays small); a new one is put after
    the key generated before it.

    Entries that an earlier table generated and this one does not (one with the
    :data:`GENERATED` comment, or a key that refers to a generated ``$defs``
    entry) are removed, so that a row taken out of a table leaves nothing behind.
    """
    result: dict[str, Any] = copy.deepcopy(dict(schema))
    generated_defs = {
        pointer for pointer in parts if pointer.startswith("/$defs/")
    } | _commented_defs(result)
    parents = {pointer.rsplit("/", 1)[0] for pointer in parts}
    for parent in parents | ({"/$defs"} if "$defs" in result else set()):
        container = _at(result, parent)
        for key in list(container):
            value = container[key]
            pointer = f"{parent}/{key}"
            if pointer in parts or not isinstance(value, dict):
                continue
            ref = value.get("$ref")
            refers = isinstance(ref, str) and ref.removeprefix("#") in generated_defs
            if refers or value.get("$comment") == GENERATED:
                del container[key]
    previous: dict[str, str] = {}
    for pointer, value in parts.items():
        parent, _, key = pointer.rpartition("/")
        _put(_at(result, parent), key, copy.deepcopy(value), after=previous.get(parent))
        previous[parent] = key
    if result.get("$defs") == {}:
        del result["$defs"]
    return result


def _put(container: dict[str, Any], key: str, value: Any, *, after: str | None) -> None:
    """Set ``key``: in its place when it is there, else right after ``after`` (a new row's
    keys go beside its neighbour's in the table), else at the end."""
    if key in container or after not in container:
        container[key] = value
        return
    entries = list(container.items())
    container.clear()
    for name, existing in entries:
        container[name] = existing
        if name == after:
            container[key] = value


def _commented_defs(schema: Mapping[str, Any]) -> set[str]:
    defs = schema.get("$defs", {})
    return {
        f"/$defs/{name}"
        for name, value in defs.items()
        if isinstance(value, dict) and value.get("$comment") == GENERATED
    }


def _at(schema: dict[str, Any], pointer: str) -> dict[str, Any]:
    """The object at ``pointer`` (made, empty, where it is missing)."""
    node = schema
    for key in pointer.split("/")[1:]:
        node = node.setdefault(key, {})
    return node
