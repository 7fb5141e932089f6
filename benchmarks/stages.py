"""Per-article cost of each pipeline stage, in microseconds (one process, no I/O).

    python benchmarks/stages.py [N] [--repeat R]

Builds an N-article corpus in memory (default 300) and times each stage over
all of it, R times (default 3); prints the best mean CPU time per article. CPU
time, and the best of several passes, because the machine is shared: another
process's load adds to wall time, and to the odd pass, not to the best one. Use
it to see where a build's time goes before and after a change.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article

from seo_export.build.article import build_text
from seo_export.checks import run_article_checks, run_document_checks
from seo_export.checks.validation import document_findings, front_matter_findings
from seo_export.config.settings import load_settings
from seo_export.outputs.head import dumps_pretty, head_data, head_tags, render_head
from seo_export.outputs.jsonld import build_jsonld
from seo_export.read.blocks_tree import blocks_from_tree
from seo_export.read.normalize import normalize
from seo_export.read.parse import parse_document

REPO = Path(__file__).resolve().parent.parent
REPEAT = 3


def timed(name: str, function: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    best = float("inf")
    for _ in range(REPEAT):
        start = time.process_time()
        results = [function(item) for item in items]
        best = min(best, time.process_time() - start)
    print(f"{name:32s} {best / len(items) * 1e6:8.1f} us")
    return results


def main() -> None:
    global REPEAT  # one run, one setting
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=REPEAT)
    args = parser.parse_args()
    count, REPEAT = args.count, args.repeat
    settings = load_settings(REPO / "seo-export.toml")
    names, texts = zip(*(article(index, 1) for index in range(count)), strict=True)
    parsed = timed("parse (front matter + Markdown)", lambda t: parse_document(t, "a.md"), texts)
    timed("front-matter schema", lambda p: front_matter_findings(p, "a.md"), parsed)
    # Each article with its file name, as a build reads it (the slug is the name's).
    named = list(zip(parsed, names, strict=True))
    articles = timed(
        "normalize + extract", lambda pair: normalize(pair[0], "a.md", settings, pair[1])[0], named
    )
    timed(
        "  of which Markdown to blocks",
        lambda p: blocks_from_tree(p.tree, p.body, p.body_line, "https://x.example/a/"),
        [p for p in parsed if p.tree is not None],
    )
    timed("article checks", lambda a: run_article_checks(a, settings), articles)
    documents = timed("build JSON-LD", lambda a: build_jsonld(a, settings), articles)
    timed(
        "graph schema + graph/Google checks",
        lambda d: document_findings(d, "a", check_vocabulary=False),
        documents,
    )
    timed(
        "vocabulary check (validate only)",
        lambda d: run_document_checks(d, skip=("graph", "google-faq")),
        documents,
    )
    tags = timed("head tags", lambda a: head_tags(a, settings, build_jsonld(a, settings)), articles)
    timed("render head", render_head, tags)
    timed(
        "serialise schema.jsonld + meta.json",
        lambda d: (dumps_pretty(d), dumps_pretty(head_data([], d))),
        documents,
    )
    timed(
        "TOTAL build_text",
        lambda pair: build_text(pair[1], "h", "a.md", settings, name=pair[0]),
        list(zip(names, texts, strict=True)),
    )


if __name__ == "__main__":
    main()
