"""The check of an injected page, before it is written and again after: it must read back."""

from __future__ import annotations

import json
from typing import Any

from seo_export.pages.block import InjectError, existing_block
from seo_export.pages.scan import scan
from seo_export.pages.tags import element_keys


def verify_page(text: str, jsonld: Any) -> list[str]:
    """Problems with an injected page: our JSON-LD must read back strictly and through extruct,
    and the head must hold exactly one canonical, title and description."""
    problems = []
    try:
        span = existing_block(text)
    except InjectError as error:
        return [str(error)]
    if span is None:
        return ["the seo-export block is missing"]
    page = scan(text)
    ours = [e for e in page.elements if e.tag == "script" and span[0] <= e.start < span[1]]
    if len(ours) != 1:
        problems.append(f"{len(ours)} JSON-LD scripts in the block")
    else:
        try:
            if json.loads(ours[0].text) != jsonld:
                problems.append("the JSON-LD read back differs from the built one")
        except ValueError as error:
            problems.append(f"the JSON-LD read back is not valid JSON: {error}")
    head = [e for e in page.elements if page.head_end is None or e.start < page.head_end]
    for key, what in (
        ("<title>", "<title>"),
        ("description", "meta description"),
        ("canonical", "canonical link"),
    ):
        count = sum(1 for e in head if key in element_keys(e))
        if count != 1:
            problems.append(f"{count} {what} elements")
    if not problems and not _extruct_sees(text, jsonld):
        problems.append("extruct does not read the built JSON-LD from the page")
    return problems


def _extruct_sees(text: str, jsonld: Any) -> bool:
    import extruct

    try:
        found = extruct.extract(text, syntaxes=["json-ld"], errors="ignore").get("json-ld", [])
    except Exception:  # a parser failure means it does not see it
        return False
    return jsonld in found
