"""schemas/: every file a valid draft 2020-12 schema, linked offline, formats enforced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from seo_export.build.site import build_site
from seo_export.config.settings import load_settings
from seo_export.domain.schemas import iter_schema_errors, load_schema, schemas_dir

SCHEMAS = sorted(schemas_dir().glob("*.schema.json"))


def test_the_issue_s_schemas_are_all_there() -> None:
    names = {path.name.removesuffix(".schema.json") for path in SCHEMAS}
    assert {
        "front-matter",
        "settings",
        "medical-web-page",
        "main-entity",
        "faq-page",
        "question",
        "answer",
        "organization",
        "website",
        "breadcrumb-list",
        "graph",
        "manifest",
    } <= names


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_each_schema_is_valid_2020_12_and_loads_by_name(path: Path) -> None:
    contents = json.loads(path.read_text(encoding="utf-8"))
    assert contents["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(contents)
    assert load_schema(path.name)["$id"].endswith(path.name)


@pytest.mark.parametrize(
    ("instance", "valid"),
    [
        ({"title": "T", "datePublished": "2025-02-19"}, True),
        ({"title": "T", "datePublished": "19/02/2025"}, True),
        ({"title": "T", "datePublished": "2025-02-19T10:00:00+01:00"}, True),
        ({"title": "T", "datePublished": "2025-13-45"}, False),
        ({"title": "T", "datePublished": "2025-02-19T25:00:00+01:00"}, False),
        ({"title": "T", "slug": "../x"}, False),
        ({"title": "T", "image": {"width": 10}}, False),
        ({"title": "T", "unknownKey": [1, 2]}, True),
        ({"metaTitle": "no title"}, True),  # the title is derived then
        ({"title": None, "published": False, "draft": "yes"}, True),
        ({"title": "T", "author": [{"name": "A", "sameAs": "https://a.example/"}, "B"]}, True),
        ({"title": "T", "author": {"url": "https://a.example/"}}, False),
        ({"title": "T", "images": ["/a.jpg", {"src": "/b.jpg", "width": 10}]}, True),
        ({"title": "T", "tags": ["a", 2], "categories": "x"}, True),
        ({"title": "T", "tags": [{"name": "a"}]}, False),
        ({"title": "T", "published": "someday"}, False),
    ],
)
def test_front_matter_schema(instance: dict[str, object], valid: bool) -> None:
    assert (list(iter_schema_errors("front-matter.schema.json", instance)) == []) is valid


def test_uri_format_is_enforced_without_optional_packages() -> None:
    settings = {
        "base_url": "https://ok.example",
        "site_name": "X",
        "publisher": {"name": "P", "url": "not a uri"},
    }
    errors = list(iter_schema_errors("settings.schema.json", settings))
    assert {e.json_path for e in errors} == {"$.publisher.url"}
    assert any(e.validator == "format" for e in errors)


def test_built_manifest_matches_its_schema(project: Path) -> None:
    build_site(load_settings(project / "seo-export.toml"))
    manifest = json.loads((project / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert list(iter_schema_errors("manifest.schema.json", manifest)) == []
    broken = json.loads(json.dumps(manifest))
    broken["articles"][0]["entities"]["signOrSymptom"][0]["source"] = "guess"
    assert [e.json_path for e in iter_schema_errors("manifest.schema.json", broken)] == [
        "$.articles[0].entities.signOrSymptom[0].source"
    ]
