"""Properties that must hold for any input (hypothesis; a fixed seed and budget in CI).

For arbitrary text in every field and arbitrary Markdown bodies: the build never
raises; the JSON-LD in the head, as a browser's HTML parser extracts it, is
valid JSON equal to what was built, and extruct reads the same; the head parses
into exactly the tags built; the sitemap stays valid against the XSD; two
builds are identical; and the fast Markdown parser agrees with the reference.
"""

from __future__ import annotations

import json
from typing import Any

import extruct
import html5lib
from hypothesis import given
from hypothesis import strategies as st

from seo_export.build.article import build_article, build_text, sitemap_entry
from seo_export.config.settings import Settings, load_settings
from seo_export.outputs.sitemap import build_sitemaps
from seo_export.read.blocks import _CONTROL, blocks_from_tokens, clean_text, is_clean
from seo_export.read.blocks_tree import blocks_from_tree
from seo_export.read.discover import SourceFile, decode_source
from seo_export.read.parse import fast_markdown_parser, markdown_parser

from conftest import REPO
from xsd import validate_sitemap

SETTINGS: Settings = load_settings(REPO / "seo-export.toml")
HOSTILE = [
    "</script>", "<script>alert(1)</script>", "<!--", "-->", '"', "'", "&amp;", "&", "<", ">",
    "\u2028", "\u2029", "\x00", "\x07", "\u202e", "\ufeff", "\\", "${x}", "{{x}}", "æøå",
    "javascript:alert(1)", "]]>", "<![CDATA[", "\r", "\t", "😀", "\U0001f600",
]  # fmt: skip
URLS = [
    "/side/",
    "../op/",
    "https://example.com/a?b=1&c=2",
    "javascript:alert(1)",
    "data:text/html,x",
    "mailto:a@b.dk",
    "#top",
    "//evil.example/",
]

texts = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(HOSTILE)), max_size=6).map("".join)
inline = st.lists(
    st.one_of(
        texts,
        texts.map(lambda t: f"**{t}**"),
        texts.map(lambda t: f"*{t}*"),
        texts.map(lambda t: f"`{t}`"),
        st.tuples(texts, st.sampled_from(URLS)).map(lambda p: f"[{p[0]}]({p[1]})"),
    ),
    max_size=5,
).map(" ".join)
blocks = st.lists(
    st.one_of(
        inline,
        inline.map(lambda t: f"## {t}"),
        inline.map(lambda t: f"### {t}"),
        st.lists(inline, min_size=1, max_size=4).map(
            lambda items: "\n".join(f"- {i}" for i in items)
        ),
        st.lists(inline, min_size=1, max_size=3).map(
            lambda items: "\n".join(f"1. {i}" for i in items)
        ),
        inline.map(lambda t: f"> {t}"),
        texts.map(lambda t: f"```\n{t}\n```"),
        st.just("---"),
        st.just("## Ofte stillede spørgsmål"),
    ),
    max_size=12,
).map("\n\n".join)


def article(title: str, meta_title: str, description: str, body: str) -> str:
    # json.dumps gives valid YAML double-quoted scalars for any text YAML can hold.
    return (
        f"---\ntitle: {json.dumps(title)}\nmetaTitle: {json.dumps(meta_title)}\n"
        f"description: {json.dumps(description)}\ndatePublished: 2025-01-15\n---\n\n{body}\n"
    )


def head_elements(head: str) -> list[Any]:
    document = html5lib.parse(
        f"<!DOCTYPE html><html><head>{head}</head><body><p>x</p></body></html>",
        treebuilder="lxml",
        namespaceHTMLElements=False,
    )
    body = document.getroot().find("body")
    assert [child.tag for child in body] == ["p"], "something escaped the head"
    return list(document.getroot().find("head"))


@given(title=texts, meta_title=texts, description=texts, body=blocks)
def test_any_article_builds_safely(
    title: str, meta_title: str, description: str, body: str
) -> None:
    text = article(title, meta_title, description, body)
    result = build_article(text, SETTINGS, path="a.md")
    again = build_article(text, SETTINGS, path="a.md")
    assert result.files == again.files and result.findings == again.findings
    if result.head_html is None:
        return
    assert result.jsonld is not None and result.article is not None
    meta = json.loads(next(f.content for f in result.files if f.path.endswith("meta.json")))
    elements = head_elements(result.head_html)
    assert len(elements) == len(meta["tags"]) + 2
    assert elements[0].tag == "title" and elements[0].text == meta["title"]
    assert elements[-1].tag == "script" and json.loads(elements[-1].text) == result.jsonld
    assert result.head_html.count("</script>") == 1
    assert "<!--" not in result.head_html
    page = f"<!DOCTYPE html><html><head>{result.head_html}</head><body></body></html>"
    assert extruct.extract(page, syntaxes=["json-ld"])["json-ld"] == [result.jsonld]
    entry = sitemap_entry(result.article)
    if entry is not None:
        [sitemap] = build_sitemaps([entry], sitemap_base="https://www.fysfinder.dk/")
        validate_sitemap(sitemap.content)


@given(body=blocks)
def test_the_fast_parser_agrees_with_the_reference(body: str) -> None:
    from seo_export.read.parse import _fast_parser_agrees

    body = body.replace("\r\n", "\n").replace("\r", "\n")  # as every source is read
    if fast_markdown_parser() is None or not _fast_parser_agrees(body):
        return
    from seo_export.read.parse import _fast_tree

    page = "https://www.fysfinder.dk/artikler/x/"
    reference = blocks_from_tokens(markdown_parser().parse(body), 5, page)
    tree = _fast_tree(fast_markdown_parser(), body)
    if tree is None:
        return  # the fast parser failed on it: the reference parses such a body
    assert blocks_from_tree(tree, body, 5, page) == reference


@given(data=st.binary(max_size=2000))
def test_fuzz_any_bytes_never_crash_the_pipeline(data: bytes) -> None:
    source = SourceFile("fuzz.md", "fuzz.md", "fuzz.md")
    decoded = decode_source(source, data)
    if decoded.text is not None:
        build_text(decoded.text, decoded.content_hash, "fuzz.md", SETTINGS, check_vocabulary=True)


@given(text=st.text(max_size=3000))
def test_fuzz_any_text_never_crashes_the_pipeline(text: str) -> None:
    # Whatever the text: no exception, and each result is whole (an article with its JSON-LD
    # and head) or says why not with an error or info finding (a draft, a future date).
    for whole in ("---\ntitle: T\n---\n" + text, text):
        result = build_article(whole, SETTINGS, path="a.md")
        if result.article is None:
            assert result.jsonld is None and result.head_html is None
            assert {f.severity.value for f in result.findings} & {"error", "info"}, result
        else:
            assert result.jsonld is not None and result.head_html is not None


def _shape_values() -> dict[str, st.SearchStrategy[Any]]:
    words = st.one_of(texts, st.integers(-5, 5))
    urls = st.one_of(st.sampled_from(URLS), texts)
    person = st.fixed_dictionaries(
        {"name": texts},
        optional={"url": urls, "jobTitle": texts, "sameAs": st.lists(urls, max_size=2)},
    )
    image = st.one_of(
        urls,
        st.fixed_dictionaries({"url": urls}, optional={"alt": texts, "width": st.integers(0, 9)}),
    )
    return {
        "title": st.one_of(texts, st.none()),
        "text": st.one_of(texts, st.none()),
        "date": st.sampled_from(["2024-02-29", "19/02/2025", "2999-01-01", "31/02/2024", "x"]),
        "date-or-flag": st.one_of(st.booleans(), st.sampled_from(["2024-02-29", "no"])),
        "flag": st.booleans(),
        "slug": st.sampled_from(["knae", "a-b", "X"]),
        "url": urls,
        "image": st.one_of(image, st.lists(image, max_size=2)),
        "names": st.one_of(words, st.lists(words, max_size=3)),
        "people": st.one_of(words, person, st.lists(st.one_of(words, person), max_size=3)),
        "paths": st.one_of(urls, st.lists(urls, max_size=2)),
        "translations": st.dictionaries(st.sampled_from(["en", "de", "x-default", "?"]), urls),
        "codes": st.fixed_dictionaries({"codeValue": words, "codingSystem": texts}),
        "code": words,
        "about-type": st.one_of(
            st.sampled_from(["Diet", "anatomi", "post", "https://schema.org/Thing"]),
            st.fixed_dictionaries({"type": st.sampled_from(["sport", "x"])}),
            words,
        ),
    }


def _front_matters() -> st.SearchStrategy[dict[str, Any]]:
    from seo_export.domain.fields import FIELDS

    values = _shape_values()
    pairs = [
        st.tuples(st.just(key.name), values[row.shape_of(key)])
        for row in FIELDS
        for key in row.keys
    ]
    return st.lists(st.one_of(pairs), max_size=6).map(dict)


@given(front=_front_matters(), body=blocks)
def test_front_matter_the_schema_accepts_never_builds_an_invalid_document(
    front: dict[str, Any], body: str
) -> None:
    """Valid input never gives invalid output: whatever the front matter, when its schema
    accepts it, the JSON-LD built from it passes graph.schema.json."""
    text = "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n\n" + body + "\n"
    result = build_article(text, SETTINGS, path="a.md")
    assert "jsonld-schema" not in {f.code for f in result.findings}, result.findings


@given(
    text=st.text(max_size=200)
    | st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2000\u2028\u3000\x00\x7fab.", max_size=30)
)
def test_clean_text_takes_its_shortcut_only_for_text_it_would_leave_alone(text: str) -> None:
    # clean_text returns already-clean text as it is (is_clean); for any text that must be
    # what dropping the control characters and folding the whitespace gives.
    folded = " ".join(_CONTROL.sub("", text).split())
    assert clean_text(text) == folded
    if is_clean(text):
        assert folded == text
