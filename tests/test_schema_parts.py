"""The JSON Schemas say what the domain tables say: their generated parts are current.

``pytest tests/test_schema_parts.py --update-golden`` writes the parts into
schemas/ for review in a diff; without it, a file that drifted from the tables fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from seo_export.domain.dates import date_keys
from seo_export.domain.properties import entity_keys, property_names
from seo_export.domain.schema_parts import GENERATED, schema_parts, with_parts
from seo_export.domain.schemas import schemas_dir

PARTS = schema_parts()


def schema_text(schema: object) -> str:
    """A schema file's text: two-space JSON, as every file in schemas/ is written."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("name", sorted(PARTS))
def test_each_schema_file_has_the_parts_the_tables_give(name: str, update_golden: bool) -> None:
    path: Path = schemas_dir() / name
    text = path.read_text(encoding="utf-8")
    expected = schema_text(with_parts(json.loads(text), PARTS[name]))
    if update_golden:
        path.write_text(expected, encoding="utf-8")
        return
    assert text == expected, (
        f"schemas/{name} differs from the tables in seo_export/domain/; "
        "run pytest tests/test_schema_parts.py --update-golden and review the diff"
    )


def test_parts_replace_in_place_and_leave_nothing_of_a_removed_row() -> None:
    old = {
        "properties": {
            "title": {"type": "string"},
            "gone": {"$ref": "#/$defs/date"},
            "datePublished": {"type": "string"},
            "kept": {"type": "number"},
        },
        "$defs": {"stale": {"$comment": GENERATED}, "handWritten": {"type": "string"}},
    }
    parts = {
        "/$defs/date": {"$comment": GENERATED, "type": "string"},
        "/properties/datePublished": {"$ref": "#/$defs/date"},
        "/properties/new": {"$ref": "#/$defs/date"},
    }
    assert with_parts(old, parts) == {
        "properties": {
            "title": {"type": "string"},
            "datePublished": {"$ref": "#/$defs/date"},
            "new": {"$ref": "#/$defs/date"},
            "kept": {"type": "number"},
        },
        "$defs": {
            "handWritten": {"type": "string"},
            "date": {"$comment": GENERATED, "type": "string"},
        },
    }
    # A key keeps its place; a new one goes after the one generated before it.
    assert list(with_parts(old, parts)["properties"]) == ["title", "datePublished", "new", "kept"]


def test_every_date_key_refers_to_the_one_date_definition() -> None:
    schema = json.loads((schemas_dir() / "front-matter.schema.json").read_text(encoding="utf-8"))
    refs = {
        key
        for key, spec in schema["properties"].items()
        if spec.get("$ref") in ("#/$defs/date", "#/$defs/date-or-flag")
    }
    assert refs == {
        "datePublished", "publishDate", "pubDate", "published", "publishedAt", "date",
        "lastUpdated", "lastmod", "updatedDate", "updated", "dateModified", "modified",
        "last_modified_at", "updatedAt", "last_updated", "expiryDate", "unpublishDate",
        "lastReviewed", "last_reviewed",
    }  # fmt: skip
    assert refs == date_keys()
    assert schema["$defs"]["date-or-flag"]["anyOf"][0] == {"$ref": "#/$defs/date"}
    assert "pattern" not in json.dumps(schema["$defs"]["date"])


def load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((schemas_dir() / name).read_text(encoding="utf-8"))
    return loaded


def test_every_schema_that_names_the_properties_names_the_table_s() -> None:
    names = list(property_names())
    condition = load("main-entity.schema.json")["properties"]
    generated = [k for k, v in condition.items() if v.get("$comment") == GENERATED]
    assert sorted(generated) == sorted(names)
    front_matter = load("front-matter.schema.json")["properties"]
    shapes = ("#/$defs/items", "#/$defs/texts")
    assert {k for k, v in front_matter.items() if v.get("$ref") in shapes} == entity_keys()
    rule = load("settings.schema.json")["properties"]["sections"]["items"]["properties"]
    assert rule["property"]["enum"] == names
    article = load("manifest.schema.json")["$defs"]["article"]
    assert article["properties"]["entities"]["propertyNames"]["enum"] == names
