"""FysFinder's own glossary built with seo-export: how many articles build, and whether each
page's URL and title are the ones the site gives it.

    python benchmarks/fysfinder.py [--limit N] [--corpus DIR] [--keep DIR] [--score]

Reads the articles in ../shared/corpora/fysfinder-ordbog/articles (they have no licence, so
they are not in this repository; without them the script says so and exits 0), writes a
settings file for https://www.fysfinder.dk with article_url "/ordbog/{slug}" beside a
temporary out/, builds, and prints the counts: articles, built, errors, warnings, URLs
equal to the site's, titles equal to the site's, and the build's seconds.

The site (its src/lib/dictionary.ts, see the corpus's README) serves an article at
/ordbog/<file name without .md> and titles it with its ``title``, else (as seo-export
does, and better than the site's own fallback) the part of its metaTitle before " – ",
else its file name made readable.

``--score`` then runs the shared scorer over the build (../shared/tools/score_extraction.py
OUT gold.json --types types.json) and prints its output: the extraction's precision and
recall against a hand-made gold annotation, and type_acc, the share of articles whose
``about`` has the type an editor labelled. No type is given in the articles' front
matter and the settings have no [[about_types]] rules: the types are read from the text.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "fysfinder-ordbog" / "articles"
SCORER = REPO.parent / "shared" / "tools" / "score_extraction.py"
BASE_URL = "https://www.fysfinder.dk"

SETTINGS = """base_url = "https://www.fysfinder.dk"
site_name = "FysFinder"
language = "da-DK"
article_url = "/ordbog/{slug}"
content_dir = "content"
out_dir = "out"

[publisher]
name = "FysFinder"
url = "https://www.fysfinder.dk/"
"""


def front_matter(text: str) -> dict[str, Any]:
    """The article's front matter, read on its own (not by seo-export)."""
    block = text.split("---", 2)[1]
    loaded = yaml.safe_load(block)
    return loaded if isinstance(loaded, dict) else {}


def site_url(path: Path) -> str:
    """The page's URL on fysfinder.dk: /ordbog/<file name>, no trailing slash."""
    return f"{BASE_URL}/ordbog/{path.stem}"


def site_title(path: Path, front: dict[str, Any]) -> str:
    """The page's title: ``title`` (in any case), else metaTitle before " – ", else the
    file name made readable (``frossen-skulder``: ``Frossen skulder``)."""
    for key, value in front.items():
        if str(key).lower() == "title" and value:
            return str(value).strip()
    meta = str(front.get("metaTitle") or "")
    if " – " in meta:
        return meta.split(" – ", 1)[0].strip()
    words = " ".join(path.stem.split("-"))
    return words[:1].upper() + words[1:].lower()


def build(corpus: Path, limit: int | None, root: Path) -> dict[str, Any]:
    """Build the first ``limit`` articles of ``corpus`` in ``root``; the counts."""
    from seo_export.build.site import build_site
    from seo_export.config.settings import load_settings

    content = root / "content"
    content.mkdir(parents=True)
    sources = sorted(corpus.glob("*.md"))[:limit]
    for path in sources:
        shutil.copy(path, content / path.name)
    (root / "seo-export.toml").write_text(SETTINGS, encoding="utf-8")
    settings = load_settings(root / "seo-export.toml")
    start = time.perf_counter()
    result = build_site(settings)
    seconds = time.perf_counter() - start
    manifest = json.loads((settings.out_dir / "manifest.json").read_text(encoding="utf-8"))
    entries = {entry["source"]: entry for entry in manifest["articles"]}
    urls = titles = 0
    wrong: list[str] = []
    for path in sources:
        entry = entries[path.name]
        if entry.get("url") == site_url(path):
            urls += 1
        else:
            wrong.append(f"{path.name}: URL {entry.get('url')}")
        if entry.get("built"):
            graph = json.loads((settings.out_dir / entry["slug"] / "schema.jsonld").read_bytes())
            headline = graph["@graph"][0]["headline"]
            expected = site_title(path, front_matter(path.read_text(encoding="utf-8")))
            if headline == expected:
                titles += 1
            else:
                wrong.append(f"{path.name}: title {headline!r}, the site's {expected!r}")
    return {
        "articles": len(sources),
        "built": sum(1 for entry in entries.values() if entry.get("built")),
        "errors": result.counts.get("error", 0),
        "warnings": result.counts.get("warning", 0),
        "URLs equal": urls,
        "titles equal": titles,
        "seconds": round(seconds, 2),
        "wrong": wrong,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--keep", type=Path, default=None, help="build here and keep it")
    parser.add_argument(
        "--score", action="store_true", help="score the build with the shared scorer (type_acc)"
    )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: nothing to build (it is not in the repository)")
        return
    if args.keep is not None:
        run(args, args.keep)
    else:
        with tempfile.TemporaryDirectory() as folder:
            run(args, Path(folder))


def run(args: argparse.Namespace, root: Path) -> None:
    """Build into ``root``, print the counts, and the scorer's output with --score."""
    counts = build(args.corpus, args.limit, root)
    for line in counts.pop("wrong")[:20]:
        print(f"  {line}", file=sys.stderr)
    for name, value in counts.items():
        print(f"{name:14s} {value}")
    if args.score:
        score(args.corpus.parent, root / "out")


def score(corpus: Path, out: Path) -> None:
    """Run the shared scorer over ``out`` and print what it prints."""
    if not SCORER.is_file():
        print(f"no scorer at {SCORER}: not scored")
        return
    command = [
        sys.executable, str(SCORER), str(out), str(corpus / "gold.json"),
        "--types", str(corpus / "types.json"),
    ]  # fmt: skip
    print(subprocess.run(command, check=True, capture_output=True, text=True).stdout, end="")


if __name__ == "__main__":
    main()
