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

from seo_export.domain import dates, entity_types, fields, properties

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
        "main-entity.schema.json": _main_entity_parts(),
        "settings.schema.json": {
            "/properties/about_types/items/properties/type/enum": list(entity_types.type_names()),
            "/properties/sections/items/properties/property/enum": names,
            "/properties/sections/items/properties/item_type/enum": list(
                properties.rule_item_types()
            ),
        },
        "manifest.schema.json": {
            "/$defs/article/properties/entities/propertyNames/enum": names,
            "/$defs/aboutType": {
                "$comment": GENERATED,
                "enum": list(entity_types.type_names()),
            },
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
    for shape in sorted({row.shape_of(k) for row in fields.FIELDS for k in row.keys}):
        if shape != "date":
            parts[f"/$defs/{shape}"] = {
                "$comment": GENERATED,
                "description": fields.SHAPES[shape][:1].upper() + fields.SHAPES[shape][1:] + ".",
                **FIELD_SHAPES[shape],
            }
    for row in fields.FIELDS:
        for field_key in row.keys:
            parts[f"/properties/{field_key.name}"] = {
                "$ref": f"#/$defs/{row.shape_of(field_key)}",
                "description": _key_description(row, field_key),
            }
    for prop in properties.MAIN_ENTITY_PROPERTIES:
        shape = "#/$defs/items" if prop.item_type else "#/$defs/texts"
        for key in prop.front_matter_keys:
            alias = f"Same as {prop.name}: {prop.meaning[:1].lower()}{prop.meaning[1:]}"
            described = prop.meaning if key == prop.name else alias
            parts[f"/properties/{key}"] = {"$ref": shape, "description": described}
    return parts


def _key_description(row: fields.FrontMatterField, key: fields.FieldKey) -> str:
    first = row.keys[0].name
    meaning = row.meaning[:1].lower() + row.meaning[1:]
    said = row.meaning if key.name == first else f"Same as {first}: {meaning}"
    if key.fallback:
        said += " Read only when none of the field's main keys is there."
    return said + (f" Written by {', '.join(key.tools)}." if key.tools else "")


_FLAG = {
    "anyOf": [
        {"type": "boolean"},
        {"enum": ["true", "false", "yes", "no", "True", "False", "Yes", "No"]},
    ]
}
_URL_TEXT = {"type": "string", "minLength": 1}
_IMAGE_OBJECT = {
    "type": "object",
    "anyOf": [{"required": [name]} for name in ("url", "src", "image", "path")],
    "properties": {
        **dict.fromkeys(("url", "src", "image", "path"), _URL_TEXT),
        "width": {"type": "integer", "minimum": 1},
        "height": {"type": "integer", "minimum": 1},
        "alt": {"type": "string"},
        "caption": {"type": "string"},
    },
}
_PERSON = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "pattern": "\\S"},
        "id": {"type": "string"},
        "url": _URL_TEXT,
        "jobTitle": {"type": "string"},
        "job_title": {"type": "string"},
        "sameAs": {"anyOf": [_URL_TEXT, {"type": "array", "items": _URL_TEXT}]},
        "same_as": {"anyOf": [_URL_TEXT, {"type": "array", "items": _URL_TEXT}]},
        "type": {"enum": ["Person", "Organization"]},
    },
}
_NAME = {"type": ["string", "number"]}
_CODE = {
    "anyOf": [
        {
            "type": "object",
            "required": ["codeValue", "codingSystem"],
            "properties": {
                "codeValue": {"type": ["string", "number"]},
                "codingSystem": {"type": "string", "minLength": 1},
            },
        },
        {
            "type": "object",
            "required": ["value", "system"],
            "properties": {
                "value": {"type": ["string", "number"]},
                "system": {"type": "string", "minLength": 1},
            },
        },
    ]
}

FIELD_SHAPES: dict[str, dict[str, Any]] = {
    "title": {"type": ["string", "number", "null"]},
    "text": {"type": ["string", "number", "null"]},
    "date-or-flag": {"anyOf": [{"$ref": "#/$defs/date"}, _FLAG]},
    "flag": _FLAG,
    "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 100},
    "url": _URL_TEXT,
    "image": {
        "anyOf": [
            _URL_TEXT,
            _IMAGE_OBJECT,
            {"type": "array", "items": {"anyOf": [_URL_TEXT, _IMAGE_OBJECT]}},
        ]
    },
    "names": {"anyOf": [{"type": "null"}, _NAME, {"type": "array", "items": _NAME}]},
    "people": {
        "anyOf": [
            {"type": "null"},
            _NAME,
            _PERSON,
            {"type": "array", "items": {"anyOf": [_NAME, _PERSON]}},
        ]
    },
    "paths": {"anyOf": [{"type": "null"}, _URL_TEXT, {"type": "array", "items": _URL_TEXT}]},
    "translations": {"type": "object", "additionalProperties": _URL_TEXT},
    "codes": {"anyOf": [*_CODE["anyOf"], {"type": "array", "items": _CODE}]},
    "code": {"type": ["string", "number"]},
    "about-type": {
        "anyOf": [
            {"type": ["string", "null"]},
            {
                "type": "object",
                "anyOf": [{"required": [key]} for key in ("type", "@type", "schemaType")],
                "properties": {key: {"type": "string"} for key in ("type", "@type", "schemaType")},
            },
        ]
    },
}
"""The JSON Schema of each shape of :data:`seo_export.domain.fields.SHAPES` but the date
(``$defs/date``, from the date forms): what the readers of read/fields.py accept."""


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


def _main_entity_parts() -> Parts:
    # Each property written out, not a $ref to a shared definition: this schema is
    # checked on every build, and the compiled validator pays ~1.5 us a document for
    # a $ref there; the copies are generated, so they cannot drift apart.
    text = {"$ref": "common.schema.json#/$defs/nonEmptyText"}
    parts: Parts = {
        "/$defs/entityType": {
            "$comment": GENERATED,
            "description": "The types a main entity may have (domain/entity_types.py).",
            "enum": list(entity_types.type_names()),
        },
        # A property only on the types schema.org gives it: no symptoms on a body part.
        "/allOf": [
            {
                "if": {"required": [prop.name]},
                "then": {"properties": {"@type": {"enum": list(prop.types)}}},
            }
            for prop in properties.MAIN_ENTITY_PROPERTIES
        ],
    }
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
