"""Head snippets: golden for the sample, exact tags through a browser's parser, safe JSON-LD."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import extruct
import html5lib
import pytest

from seo_export.build.article import build_article
from seo_export.config.settings import Settings
from seo_export.outputs.head import script_safe_json

from conftest import SAMPLE

HEADS = Path(__file__).parent / "cases" / "heads"

HOSTILE = """---
title: 'Tom "&" Jerry </script><script>alert(1)</script> <!-- x'
metaTitle: 'A < B & "C" </script> <!-- end'
description: 'Quotes " and '' and &amp; already escaped, </script> and <!-- and U+2028 ( ) here, long enough.'
datePublished: 2025-01-02
---

Intro with <b>raw</b> HTML & ampersands.

## Ofte stillede spørgsmål

### Is </script><!-- <script> safe?

Yes: "</script>" and <!-- and & stay text.
"""


def parse_head(snippet: str) -> list[Any]:
    """The elements a browser puts in <head> for this snippet (html5lib is the WHATWG parser)."""
    document = html5lib.parse(
        f"<!DOCTYPE html><html><head>{snippet}</head><body></body></html>",
        treebuilder="lxml",
        namespaceHTMLElements=False,
    )
    head = document.getroot().find("head")
    return list(head)


def tags_as_data(elements: list[Any]) -> list[tuple[str, dict[str, str], str]]:
    return [(el.tag, dict(el.attrib), el.text or "") for el in elements]


def expected_tags(meta: dict[str, Any]) -> list[tuple[str, dict[str, str]]]:
    rows = [("title", {})]
    for tag in meta["tags"]:
        attrs = {k: v for k, v in tag.items() if k not in ("tag", "text")}
        rows.append((tag["tag"], attrs))
    rows.append(("script", {"type": "application/ld+json"}))
    return rows


def built(text: str, settings: Settings) -> tuple[str, dict[str, Any], dict[str, Any]]:
    result = build_article(text, settings)  # no file name: the slug is the title's
    assert result.head_html is not None and result.jsonld is not None, result.findings
    meta = json.loads({f.path.split("/")[-1]: f.content for f in result.files}["meta.json"])
    return result.head_html, dict(result.jsonld), meta


def test_sample_head_matches_golden(
    settings: Settings, check_golden: Callable[[Path, str], None]
) -> None:
    head, _, meta = built(SAMPLE.read_text(encoding="utf-8"), settings)
    check_golden(HEADS / "nerveafklemning.head.html", head)
    check_golden(
        HEADS / "nerveafklemning.meta.json", json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
    )


def test_sample_head_tag_order(settings: Settings) -> None:
    head, _, _ = built(SAMPLE.read_text(encoding="utf-8"), settings)
    names = []
    for el in parse_head(head):
        key = el.get("property") or el.get("name") or el.get("rel") or ""
        names.append(f"{el.tag}:{key}" if key else el.tag)
    assert names == [
        "title",
        "meta:description",
        "link:canonical",
        "meta:robots",
        "meta:og:type",
        "meta:og:title",
        "meta:og:description",
        "meta:og:url",
        "meta:og:site_name",
        "meta:og:locale",
        "meta:article:published_time",
        "meta:article:modified_time",
        "meta:twitter:card",
        "meta:twitter:title",
        "meta:twitter:description",
        "script",
    ]


@pytest.mark.parametrize("case", ["sample", "hostile"])
def test_head_parses_into_exactly_the_expected_tags(case: str, settings: Settings) -> None:
    text = SAMPLE.read_text(encoding="utf-8") if case == "sample" else HOSTILE
    head, jsonld, meta = built(text, settings)
    elements = parse_head(head)
    assert [(tag, attrs) for tag, attrs, _ in tags_as_data(elements)] == expected_tags(meta)
    assert elements[0].text == meta["title"]
    script = elements[-1]
    assert json.loads(script.text) == jsonld
    # Nothing after the script: a value could not have ended it early.
    assert head.count("</script>") == 1 and head.endswith("</script>\n")
    assert "<!--" not in head


def test_hostile_values_round_trip_exactly(settings: Settings) -> None:
    head, jsonld, meta = built(HOSTILE, settings)
    title = 'A < B & "C" </script> <!-- end'
    assert meta["title"] == title
    assert parse_head(head)[0].text == title
    description = next(t["content"] for t in meta["tags"] if t.get("name") == "description")
    assert "&amp;" not in description and "& already" in description  # entity decoded once ...
    assert "&amp; already" in head and "&amp;amp;" not in head  # ... and escaped once
    page = jsonld["@graph"][0]
    assert page["headline"] == 'Tom "&" Jerry </script><script>alert(1)</script> <!-- x'
    question = next(n for n in jsonld["@graph"] if n["@type"] == "Question")
    assert question["name"] == "Is </script><!-- <script> safe?"
    # Answer.text is read as HTML by its consumers: text that looks like markup is escaped.
    assert (
        question["acceptedAnswer"]["text"]
        == 'Yes: "&lt;/script&gt;" and &lt;!-- and &amp; stay text.'
    )


def test_extruct_reads_back_the_built_jsonld(settings: Settings) -> None:
    for text in (SAMPLE.read_text(encoding="utf-8"), HOSTILE):
        head, jsonld, _ = built(text, settings)
        page = f"<!DOCTYPE html><html><head>{head}</head><body><p>x</p></body></html>"
        data = extruct.extract(page, base_url="https://www.fysfinder.dk/", syntaxes=["json-ld"])
        assert data["json-ld"] == [jsonld]


def test_script_safe_json_escapes_only_what_it_must() -> None:
    text = json.dumps({"a": "</script><!--&\u2028\u2029'\""}, ensure_ascii=False)
    safe = script_safe_json(text)
    assert safe == '{"a": "\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029\'\\""}'
    assert json.loads(safe) == json.loads(text)


def test_noindex_image_hreflang_and_twitter(settings: Settings) -> None:
    text = (
        "---\ntitle: Skulder\nnoindex: true\ndatePublished: 2025-01-01\n"
        "image: {url: /b/skulder.jpg, width: 1200, height: 630, alt: 'En skulder & arm'}\n"
        "translations:\n  en: /en/articles/shoulder/\n  de: https://www.fysfinder.de/artikel/schulter/\n"
        "---\n\nIntro.\n"
    )
    head, _, meta = built(text, settings)
    tags = {
        (t.get("property") or t.get("name") or t.get("hreflang") or t.get("rel")): t
        for t in meta["tags"]
    }
    assert tags["robots"]["content"] == "noindex, follow"
    assert tags["og:image"]["content"] == "https://www.fysfinder.dk/b/skulder.jpg"
    assert (tags["og:image:width"]["content"], tags["og:image:height"]["content"]) == (
        "1200",
        "630",
    )
    assert tags["og:image:alt"]["content"] == "En skulder & arm"
    assert tags["twitter:card"]["content"] == "summary_large_image"
    assert tags["twitter:image"]["content"] == "https://www.fysfinder.dk/b/skulder.jpg"
    hreflang = [(t["hreflang"], t["href"]) for t in meta["tags"] if "hreflang" in t]
    assert hreflang == [
        ("da-DK", "https://www.fysfinder.dk/artikler/skulder/"),
        ("de", "https://www.fysfinder.de/artikel/schulter/"),
        ("en", "https://www.fysfinder.dk/en/articles/shoulder/"),
        ("x-default", "https://www.fysfinder.dk/artikler/skulder/"),
    ]
    assert 'content="En skulder &amp; arm"' in head


@pytest.mark.parametrize(
    ("title", "warned"),
    [
        ("Nerveafklemning – Hvad er nerveafklemning? Læs mere", False),  # 51 chars, ~501 px
        ("x" * 61, True),  # over 60 characters
        ("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", True),  # 33 characters, but ~623 px
        ("iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii", False),  # 60 narrow chars
    ],
)
def test_title_too_long(title: str, warned: bool, settings: Settings) -> None:
    text = f"---\ntitle: T\nmetaTitle: '{title}'\n---\n\n" + "Intro tekst. " * 10 + "\n"
    result = build_article(text, settings, path="a.md")
    found = [(f.code, f.line, f.key) for f in result.findings if f.code == "title-too-long"]
    assert found == ([("title-too-long", 3, "metaTitle")] if warned else [])


@pytest.mark.parametrize(
    ("length", "code"),
    [(69, "description-too-short"), (70, None), (160, None), (161, "description-too-long")],
)
def test_description_length(length: int, code: str | None, settings: Settings) -> None:
    text = f"---\ntitle: T\ndescription: {'d' * length}\n---\n\nIntro.\n"
    result = build_article(text, settings, path="a.md")
    found = [(f.code, f.line) for f in result.findings if f.code.startswith("description-")]
    assert found == ([(code, 3)] if code else [])
