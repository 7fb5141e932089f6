"""The official sitemaps.org schemas from ../shared/reference/sitemaps/, through the product's loader."""

from __future__ import annotations

from lxml import etree

from seo_export.checks.sitemap_xsd import schema_errors

from conftest import needs_reference


def validate_sitemap(content: bytes) -> str:
    """Validate a sitemap or index against the official XSDs; return its root element's name.

    Fails the test with the schema's messages when invalid; skips where
    ../shared/reference is absent.
    """
    folder = needs_reference("sitemaps")
    errors = schema_errors(content, folder)
    assert errors == [], errors[:5]
    return str(etree.QName(etree.fromstring(content)).localname)
