"""Validating sitemaps against the official sitemaps.org XML Schemas, offline.

seo-export ships no XSD files; a user passes the folder that holds them
(``--sitemap-schemas DIR``: sitemap.xsd and siteindex.xsd, and for the
extensions sitemap-image.xsd, xhtml-strict.xsd and xml.xsd; a clone of the
repository has them in tests/data/sitemaps, with their licences). sitemap.xsd and
siteindex.xsd share a namespace, so they make two validators; the urlset one
imports the extensions that are present. xhtml-strict.xsd imports xml.xsd from
the web; a resolver hands it the local copy, and the parser never fetches.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from seo_export.errors import SeoExportError

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
EXTENSIONS = (
    ("http://www.google.com/schemas/sitemap-image/1.1", "sitemap-image.xsd"),
    ("http://www.w3.org/1999/xhtml", "xhtml-strict.xsd"),
)


class SitemapSchemaError(SeoExportError):
    """The sitemap schema folder is missing a file or holds an invalid schema."""


def _parser(folder: Path) -> Any:
    from lxml import etree

    class LocalXmlXsd(etree.Resolver):  # type: ignore[misc]
        def resolve(self, url: str, pubid: str, context: object) -> Any:
            if url.endswith("/xml.xsd") and (folder / "xml.xsd").is_file():
                return self.resolve_filename(str(folder / "xml.xsd"), context)
            return None

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(LocalXmlXsd())
    return parser


def load_sitemap_schemas(folder: Path) -> tuple[Any, Any]:
    """(urlset validator, sitemapindex validator) from the XSD files in ``folder`` (cached)."""
    return _load(folder.resolve())


@functools.cache
def _load(folder: Path) -> tuple[Any, Any]:
    from lxml import etree

    for name in ("sitemap.xsd", "siteindex.xsd"):
        if not (folder / name).is_file():
            raise SitemapSchemaError(f"{folder} has no {name}")
    imports = [(SITEMAP_NS, "sitemap.xsd")]
    imports += [(ns, name) for ns, name in EXTENSIONS if (folder / name).is_file()]
    wrapper = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{}</xs:schema>'.format(
        "".join(
            f'<xs:import namespace="{ns}" schemaLocation="{(folder / name).as_uri()}"/>'
            for ns, name in imports
        )
    )
    parser = _parser(folder)
    try:
        urlset = etree.XMLSchema(
            etree.fromstring(wrapper.encode(), parser, base_url=folder.as_uri() + "/")
        )
        index = etree.XMLSchema(etree.parse(str(folder / "siteindex.xsd"), parser))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as error:
        raise SitemapSchemaError(f"{folder}: {error}") from None
    return urlset, index


def schema_errors(content: bytes, folder: Path) -> list[str]:
    """The XSD's complaints about one sitemap or sitemap index (empty when valid)."""
    from lxml import etree

    urlset, index = load_sitemap_schemas(folder)
    document = etree.fromstring(content, etree.XMLParser(no_network=True, resolve_entities=False))
    schema = index if etree.QName(document).localname == "sitemapindex" else urlset
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
