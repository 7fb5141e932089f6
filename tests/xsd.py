"""The official sitemaps.org schemas from tests/data/sitemaps/, through the product's loader."""

from __future__ import annotations

from lxml import etree

from seo_export.checks.sitemap_xsd import schema_errors

from conftest import SITEMAP_XSDS


def validate_sitemap(content: bytes) -> str:
    """Validate a sitemap or index against the official XSDs; return its root element's name.

    Fails the test with the schema's messages when invalid.
    """
    errors = schema_errors(content, SITEMAP_XSDS)
    assert errors == [], errors[:5]
    return str(etree.QName(etree.fromstring(content)).localname)
