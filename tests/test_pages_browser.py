"""The page round trip judged by a real browser: Chromium's HTML parser reads 300 pages
before and after inject, including the <template> pages that html5lib 1.1 cannot judge
(tests/test_pages_properties.py).

One Chromium run reads them all: a harness page parses each page's text with DOMParser
(the browser's own parser) and writes what <head> holds, and everything else, as JSON.
"""

from __future__ import annotations

import html
import json
import os
import random
import re
from pathlib import Path
from typing import Any

import pytest
from test_pages_properties import BODY_FRAGMENTS, CODECS, END, HEAD_FRAGMENTS, SNIPPET, START, WORDS

from seo_export.pages.block import InjectError
from seo_export.pages.eject import eject_bytes
from seo_export.pages.encoding import decode, sniff
from seo_export.pages.inject import inject_bytes

from browser import _run, find_chromium

CHROMIUM = find_chromium()
if CHROMIUM is None and os.environ.get("SEO_EXPORT_REQUIRE_CHROMIUM"):
    raise RuntimeError("SEO_EXPORT_REQUIRE_CHROMIUM is set but no Chromium was found")

HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="out"></pre>
<script id="pages" type="application/json">PAGES</script>
<script>
const pages = JSON.parse(document.getElementById("pages").textContent);
function reading(text) {
  const doc = new DOMParser().parseFromString(text, "text/html");
  const head = [];
  for (const node of doc.head.childNodes) {
    if (node.nodeType === Node.COMMENT_NODE) head.push(["comment", node.data]);
    else if (node.nodeType === Node.TEXT_NODE) {
      if (node.data.trim()) head.push(["text", node.data]);
    } else head.push(["element", node.outerHTML]);
  }
  const html = doc.documentElement;
  const attrs = Array.from(html.attributes).map(a => a.name + "=" + a.value).join(" ");
  const rest = Array.from(html.childNodes).filter(n => n !== doc.head)
    .map(n => n.outerHTML ?? n.textContent).join("");
  return [head, attrs + "|" + rest];
}
document.getElementById("out").textContent = JSON.stringify(pages.map(reading));
</script>
</body></html>
"""


def sample_pages(count: int) -> list[bytes]:
    """``count`` pages drawn (with a fixed seed) as the property test draws them."""
    chance = random.Random(20)
    found = []
    for _ in range(count):
        encoding = chance.choice(sorted(WORDS))
        head = chance.choices(HEAD_FRAGMENTS, k=chance.randint(0, 6))
        if chance.random() < 0.5:  # the <template> pages html5lib cannot judge, often
            head.append(HEAD_FRAGMENTS[6])
        body = [
            fragment.format(word=chance.choice(WORDS[encoding]))
            for fragment in chance.choices(BODY_FRAGMENTS, k=chance.randint(0, 6))
        ]
        text = "".join(
            [
                chance.choice(["<!DOCTYPE html>\n", ""]),
                chance.choice(["<html lang='da'>\n", ""]),
                chance.choice(["<head>\n", "<HEAD>"]),
                f'<meta charset="{encoding}">',
                *head,
                chance.choice(["</head>\n", ""]),
                chance.choice(["<body>\n", ""]),
                *body,
            ]
        )
        found.append(text.encode(CODECS[encoding]))
    return found


def browser_readings(texts: list[str], folder: Path) -> list[Any]:
    assert CHROMIUM is not None
    data = json.dumps(texts).replace("</", "<\\/")
    harness = folder / "harness.html"
    harness.write_text(HARNESS.replace("PAGES", data), encoding="utf-8")
    dom = _run(CHROMIUM, "--dump-dom", harness.as_uri())
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[:2000]
    return list(json.loads(html.unescape(found.group(1))))


def without_block(reading: list[Any]) -> list[Any]:
    head, rest = reading
    start = head.index(["comment", START])
    end = head.index(["comment", END], start)
    return [head[:start] + head[end + 1 :], rest]


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium on this machine (.ci/run installs Debian's chromium; apt-get install chromium)",
)
def test_chromium_reads_one_block_in_head_and_the_rest_as_before(tmp_path: Path) -> None:
    pairs = []
    for page in sample_pages(300):
        try:
            injected = inject_bytes(page, SNIPPET)
        except InjectError:
            continue
        assert eject_bytes(injected) == page
        pairs.append((decode(page, sniff(page)), decode(injected, sniff(injected))))
    assert len(pairs) > 200
    readings = browser_readings([text for pair in pairs for text in pair], tmp_path)
    templates = 0
    for index, (before_text, _) in enumerate(pairs):
        before, after = readings[2 * index], readings[2 * index + 1]
        head = after[0]
        assert head.count(["comment", START]) == 1, before_text
        assert ["comment", END] in head[head.index(["comment", START]) :], before_text
        assert without_block(after) == before, before_text
        templates += "<template" in before_text
    assert templates > 50
