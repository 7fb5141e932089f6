"""The check of an injected page, before it is written and again after, as a browser reads it
(:mod:`seo_export.pages.scan`): exactly one block, in <head>; the page's other content as it
was."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from seo_export.pages.block import InjectError, existing_block
from seo_export.pages.scan import PageMap, ReadError, scan
from seo_export.pages.tags import element_keys

if TYPE_CHECKING:
    from seo_export.pages.inject import Injection


def verify_page(
    text: str, jsonld: Any, *, original: Injection | None = None, extruct: bool = True
) -> list[str]:
    """Problems with an injected page: the block must be in <head> as a browser reads it, its
    JSON-LD must read back strictly and through extruct, the head must hold exactly one
    canonical, title and description, and (given the ``original`` injection) everything
    outside the block must be what the page had, less the conflicts removed. ``extruct``
    false leaves extruct's reading out (for bytes it has read already)."""
    try:
        page = scan(text)
        span = existing_block(text, page)
    except (InjectError, ReadError) as error:
        return [str(error)]
    if span is None:
        return ["the seo-export block is not in <head> as a browser reads the page"]
    problems = []
    ours = [e for e in page.elements if e.tag == "script" and span[0] <= e.start < span[1]]
    if len(ours) != 1:
        problems.append(f"{len(ours)} JSON-LD scripts in the block")
    else:
        try:
            if json.loads(ours[0].text) != jsonld:
                problems.append("the JSON-LD read back differs from the built one")
        except ValueError as error:
            problems.append(f"the JSON-LD read back is not valid JSON: {error}")
    for key, what in (
        ("<title>", "<title>"),
        ("description", "meta description"),
        ("canonical", "canonical link"),
    ):
        count = sum(1 for e in page.elements if key in element_keys(e))
        if count != 1:
            problems.append(f"{count} {what} elements in <head>")
    if original is not None and original.page is not None:
        problems += _outside_block_kept(original, page, span)
    if extruct and not problems and not _extruct_sees(text, jsonld):
        problems.append("extruct does not read the built JSON-LD from the page")
    return problems


def _outside_block_kept(original: Injection, page: PageMap, span: tuple[int, int]) -> list[str]:
    """Whether the page, less its block, reads as the original less what was cut out."""
    before = original.page
    assert before is not None
    if page.body_html != before.body_html:
        return ["the page outside <head> reads differently after the edit"]
    cut = [(start, end) for start, end, _ in original.cuts if end > start]
    kept_before = [html for at, html in before.head_rest if not any(s <= at < e for s, e in cut)]
    kept_after = [html for at, html in page.head_rest if not span[0] <= at < span[1]]
    if kept_before != kept_after:
        return ["the rest of <head> reads differently after the edit"]
    return []


def _extruct_sees(text: str, jsonld: Any) -> bool:
    import extruct

    try:
        found = extruct.extract(text, syntaxes=["json-ld"], errors="ignore").get("json-ld", [])
    except Exception:  # a parser failure means it does not see it
        return False
    return jsonld in found
