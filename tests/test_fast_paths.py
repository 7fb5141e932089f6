"""The compiled fast paths a build relies on are the ones in use (when the platform has them)."""

from __future__ import annotations

import pytest
import yaml

from seo_export.domain.schemas import fast_validator
from seo_export.read.parse import StrictSafeLoader, fast_markdown_parser, parse_document


def test_front_matter_is_read_by_libyaml() -> None:
    if not yaml.__with_libyaml__:
        pytest.skip("this PyYAML was built without libyaml: the pure-Python loader is used")
    # The pure-Python loader costs about 250 us more per article.
    assert issubclass(StrictSafeLoader, yaml.CSafeLoader)


def test_markdown_goes_through_the_rust_parser() -> None:
    assert fast_markdown_parser() is not None
    parsed = parse_document("---\ntitle: T\n---\n\nEt afsnit med **fed** tekst.\n", "a.md")
    assert parsed.tree is not None and parsed.tokens == []


def test_documents_are_screened_by_the_compiled_validator() -> None:
    validator = fast_validator("front-matter.schema.json")
    assert type(validator).__module__.startswith("jsonschema_rs")
    assert validator.is_valid({"title": "T"}) is True
    assert validator.is_valid({"title": "T", "slug": 3}) is False
