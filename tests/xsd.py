"""The official sitemaps.org schemas, loaded offline from ../shared/reference/sitemaps/.

sitemap.xsd and siteindex.xsd share a namespace, so they are two validators.
The urlset one also imports the image and xhtml extensions (xhtml-strict.xsd
imports xml.xsd from the web; a resolver hands it the local copy instead).
"""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from conftest import needs_reference

XML_XSD_URL = "http://www.w3.org/2001/xml.xsd"


class _LocalResolver(etree.Resolver):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def resolve(self, url: str, pubid: str, context: object) -> object:
        if url == XML_XSD_URL or url.endswith("/xml.xsd"):
            return self.resolve_filename(str(self.folder / "xml.xsd"), context)
        return None


def _parser(folder: Path) -> etree.XMLParser:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalResolver(folder))
    return parser


@functools.cache
def _schemas(folder: Path) -> tuple[etree.XMLSchema, etree.XMLSchema]:
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{(folder / name).as_uri()}"/>'
        for ns, name in (
            ("http://www.sitemaps.org/schemas/sitemap/0.9", "sitemap.xsd"),
            ("http://www.google.com/schemas/sitemap-image/1.1", "sitemap-image.xsd"),
            ("http://www.w3.org/1999/xhtml", "xhtml-strict.xsd"),
        )
    )
    wrapper = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    parser = _parser(folder)
    urlset = etree.XMLSchema(
        etree.fromstring(wrapper.encode(), parser, base_url=folder.as_uri() + "/")
    )
    index = etree.XMLSchema(etree.parse(str(folder / "siteindex.xsd"), parser))
    return urlset, index


def validate_sitemap(content: bytes) -> str:
    """Validate a sitemap or sitemap index against the official XSD; return its root tag name.

    Fails the test (AssertionError with the schema's messages) when invalid; skips
    where ../shared/reference is absent.
    """
    folder = needs_reference("sitemaps")
    urlset, index = _schemas(folder)
    document = etree.fromstring(content, etree.XMLParser(no_network=True, resolve_entities=False))
    name = etree.QName(document).localname
    schema = urlset if name == "urlset" else index
    valid = schema.validate(document)
    assert valid, f"{name} invalid: {[str(e) for e in schema.error_log][:5]}"
    return name
