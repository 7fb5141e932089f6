"""What a page's head elements set (title, description, canonical, robots, og:*, twitter:*,
JSON-LD types), as inject compares them with the snippet's and its check reads them back."""

from __future__ import annotations

import json

from seo_export.checks.nodes import collect_nodes, types_of
from seo_export.pages.scan import Element, scan


def snippet_keys(snippet: str) -> set[str]:
    """What the snippet sets: title, description, canonical, robots, og:*, twitter:*."""
    keys = set()
    for element in scan(snippet, content=False).elements:
        keys.update(element_keys(element))
    return keys


def element_keys(element: Element) -> set[str]:
    attrs = element.attrs
    if element.tag == "title":
        return {"<title>"}
    if element.tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
        return {"canonical"}
    if element.tag == "meta":
        name = (attrs.get("property") or attrs.get("name") or "").strip().lower()
        if name in ("description", "robots") or name.startswith(("og:", "twitter:", "article:")):
            return {name}
    return set()


def json_ld_types(text: str) -> set[str]:
    try:
        document = json.loads(text)
    except ValueError:
        return set()
    return {t for node in collect_nodes(document) for t in types_of(node)}
