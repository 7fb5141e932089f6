"""What the libraries alone cost per article: the floor of any Python pipeline on them.

    python benchmarks/floor.py [N] [--root DIR]

Writes an N-article corpus (default 2,000) under DIR (default /dev/shm), then,
in one process, does for each article only what no build of ours can skip:
read and decode the file, load the front matter with libyaml, parse the body
with markdown-it-pyrs and visit every node of its tree once, check a built
JSON-LD document with the compiled schema validator, serialise it with orjson
and write the three files an article has. Nothing of our own runs: no
normalising, no extraction, no findings, no head tags.

It prints the microseconds per article of each step and of all of them, and
what that floor means on two cores at 10,000 articles beside a Hugo time you
give (``--hugo S``): the fastest full build those library calls allow, and
the CPU left for everything of our own if the build is to be 3x faster than Hugo.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article

from seo_export.build.article import build_text
from seo_export.config.settings import load_settings
from seo_export.domain.schemas import fast_validator
from seo_export.read.parse import fast_markdown_parser, split_front_matter

REPO = Path(__file__).resolve().parent.parent


def visit(node: Any) -> int:
    """Touch every node of a markdown-it-pyrs tree once, as any extraction must."""
    count = 1
    for child in node.children:
        count += visit(child)
    return count


def timed(name: str, step: Callable[[Any], Any], items: list[Any]) -> tuple[list[Any], float]:
    """Run ``step`` over ``items``; print and return the mean microseconds per item."""
    start = time.perf_counter()
    results = [step(item) for item in items]
    per_item = (time.perf_counter() - start) / len(items) * 1e6
    print(f"{name:44s} {per_item:8.1f} us")
    return results, per_item


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("count", nargs="?", type=int, default=2000)
    options.add_argument("--root", default="/dev/shm")
    options.add_argument("--hugo", type=float, default=5.46, help="Hugo's 10,000 seconds")
    arguments = options.parse_args()

    settings = load_settings(REPO / "seo-export.toml")
    work = Path(tempfile.mkdtemp(prefix="seo-floor-", dir=arguments.root))
    try:
        sources = []
        for index in range(arguments.count):
            name, text = article(index, 1)
            path = work / "content" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            sources.append(path)
        # One real built document per article, made before the clock starts: its
        # validation and serialisation are library costs whatever builds it.
        documents, heads = [], []
        for path in sources:
            built = build_text(path.read_text("utf-8"), "", path.name, settings)
            assert built.jsonld is not None, path
            documents.append(built.jsonld)
            heads.append((built.head_html or "").encode())
        parser = fast_markdown_parser()
        validator = fast_validator("graph.schema.json")
        assert parser is not None, "markdown-it-pyrs is not installed"

        steps = []
        texts, cost = timed("read + decode", lambda p: p.read_bytes().decode(), sources)
        steps.append(cost)
        splits, cost = timed("split front matter (str.find)", split_front_matter, texts)
        steps.append(cost)
        _, cost = timed(
            "front matter: yaml.load(CSafeLoader)",
            lambda s: yaml.load(s[0], Loader=yaml.CSafeLoader),
            splits,
        )
        steps.append(cost)
        trees, cost = timed("body: markdown-it-pyrs tree", lambda s: parser.tree(s[2]), splits)
        steps.append(cost)
        _, cost = timed("visit every node once", visit, trees)
        steps.append(cost)
        _, cost = timed("graph: jsonschema-rs is_valid", validator.is_valid, documents)
        steps.append(cost)
        blobs, cost = timed("serialise: orjson.dumps (compact + pretty)", _serialise, documents)
        steps.append(cost)
        out = work / "out"
        out.mkdir()
        _, cost = timed(
            "write three files in a new folder",
            lambda item: _write(out / f"a{item[0]}", *item[1]),
            list(enumerate(zip(blobs, heads, strict=True))),
        )
        steps.append(cost)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    floor = sum(steps)
    print(f"{'FLOOR (sum)':44s} {floor:8.1f} us")
    cores = 2
    fastest = 10_000 * floor / 1e6 / cores
    target = arguments.hugo / 3
    left = target * cores / 10_000 * 1e6 - floor
    print(
        f"\nAt 10,000 articles on {cores} cores the library calls alone take {fastest:.2f} s "
        f"of a perfectly parallel build.\n3x faster than Hugo's {arguments.hugo:.2f} s is "
        f"{target:.2f} s, i.e. {target * cores / 10_000 * 1e6:.0f} us of CPU per article, "
        f"of which {left:.0f} us would be left for all of our own work "
        "(start-up, normalising, extraction, checks, head tags, manifest, sitemaps)."
    )


def _serialise(document: Any) -> tuple[bytes, bytes]:
    return orjson.dumps(document), orjson.dumps(document, option=orjson.OPT_INDENT_2)


def _write(folder: Path, blobs: tuple[bytes, bytes], head: bytes) -> None:
    folder.mkdir()
    for name, blob in (("schema.jsonld", blobs[1]), ("meta.json", blobs[0]), ("head.html", head)):
        with open(folder / name, "wb") as handle:
            handle.write(blob)


if __name__ == "__main__":
    main()
