"""The fields table (domain/fields.py) is one consistent table: each key belongs to one field,
no two keys differ only in case, the tools' other keys are not ours, every shape has a
schema, and what the readers and the schema take is what the table says."""

from __future__ import annotations

import json

from seo_export.domain import fields
from seo_export.domain.properties import entity_keys
from seo_export.domain.schema_parts import FIELD_SHAPES
from seo_export.domain.schemas import iter_schema_errors, schemas_dir
from seo_export.read.fields import CODE_SHORTHANDS, canonical_key
from seo_export.read.keys import key_meant


def all_keys() -> list[str]:
    return [k.name for row in fields.FIELDS for k in row.keys]


def test_each_key_belongs_to_one_field_and_no_two_differ_only_in_case() -> None:
    keys = all_keys() + sorted(entity_keys())
    assert len({key.casefold() for key in keys}) == len(keys)


def test_other_tools_keys_are_not_ours_and_never_misspellings() -> None:
    ours = {key.casefold() for key in all_keys()} | {key.casefold() for key in entity_keys()}
    others = [k.name for k in fields.OTHER_TOOLS_KEYS]
    assert not ours & {key.casefold() for key in others}
    assert [key for key in others if key_meant(key) is not None] == []
    assert all(set(k.tools) <= set(fields.TOOLS) for k in fields.OTHER_TOOLS_KEYS)


def test_every_shape_is_described_and_has_a_schema() -> None:
    shapes = {row.shape_of(k) for row in fields.FIELDS for k in row.keys}
    assert shapes <= set(fields.SHAPES)
    assert shapes - {"date"} == set(FIELD_SHAPES)
    assert all(set(k.tools) <= set(fields.TOOLS) for row in fields.FIELDS for k in row.keys)


def test_the_code_shorthands_are_the_code_rows() -> None:
    assert set(CODE_SHORTHANDS) == {row.name for row in fields.FIELDS if row.shape == "code"}


def test_the_front_matter_schema_names_every_key_with_its_shape() -> None:
    schema = json.loads((schemas_dir() / "front-matter.schema.json").read_text(encoding="utf-8"))
    for row in fields.FIELDS:
        for key in row.keys:
            assert schema["properties"][key.name]["$ref"] == f"#/$defs/{row.shape_of(key)}"


def test_keys_are_ours_in_any_case() -> None:
    assert [canonical_key(key) for key in ("Title", "LASTMOD", "pubdate", "symptoms", "x")] == [
        "title",
        "lastmod",
        "pubDate",
        "symptoms",
        None,
    ]


def test_the_schema_takes_each_key_s_shape_and_refuses_another() -> None:
    examples = {
        "title": "T", "text": "T", "date": "2025-02-19", "date-or-flag": False, "flag": "yes",
        "slug": "knae", "url": "/x/", "image": [{"src": "/a.jpg"}], "names": ["a", "b"],
        "people": [{"name": "A", "sameAs": ["https://a.example/"]}], "paths": ["/x/"],
        "translations": {"en": "/en/"}, "codes": {"codeValue": "G56.0", "codingSystem": "ICD-10"},
        "code": "G56.0", "about-type": {"type": "Diet"},
    }  # fmt: skip
    for row in fields.FIELDS:
        for key in row.keys:
            good = {key.name: examples[row.shape_of(key)]}
            assert list(iter_schema_errors("front-matter.schema.json", good)) == [], good
            bad = {key.name: {"not": ["what", {"any": "shape"}]}}
            assert list(iter_schema_errors("front-matter.schema.json", bad)), bad
