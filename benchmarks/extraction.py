"""Medical properties from the text, measured: the shared scorer on a build of FysFinder's glossary.

    python benchmarks/extraction.py [--keep DIR] [--corpus DIR] [--gold FILE]

Builds the 400 articles of ../shared/corpora/fysfinder-ordbog/articles with FysFinder's
settings (as benchmarks/fysfinder.py does) and prints what ../shared/tools/score_extraction.py
says about the build against the gold annotation: per property precision and recall, the FAQ
questions found, and the totals, for all gold articles and for each half of them (the gold
files sorted by name: even positions are the half the rules were developed on, "dev"; odd
positions the half they were not, "held-out"). Then the cost of prose extraction alone per
article of the corpus, with its memory of judged items empty (cold, as a first build) and
full (warm). Neither the articles nor the gold are in the repository (they have no licence);
without them the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fysfinder import CORPUS, build

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GOLD = CORPUS.parent / "gold.json"
SCORER = SHARED / "tools" / "score_extraction.py"


def halves(gold: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """All gold records, and the dev and held-out halves (by name: even and odd positions)."""
    ordered = sorted(gold, key=lambda record: str(record["file"]))
    return {"all": ordered, "dev": ordered[0::2], "held-out": ordered[1::2]}


def score(out: Path, records: list[dict[str, Any]], folder: Path, name: str) -> str:
    """The scorer's report of ``out`` against ``records``."""
    gold = folder / f"gold-{name}.json"
    gold.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCORER), str(out), str(gold)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.rstrip()


def extraction_cost(root: Path) -> tuple[float, float, int]:
    """Microseconds per article of prose extraction alone: cold (no item judged yet), warm."""
    from seo_export.config.settings import load_settings
    from seo_export.read.extract import _sample_text
    from seo_export.read.normalize import normalize
    from seo_export.read.parse import parse_document
    from seo_export.read.prose import judge
    from seo_export.read.prose.engine import extract_prose
    from seo_export.read.prose.lexicon import lexicon_for, text_language

    settings = load_settings(root / "seo-export.toml")
    articles = []
    for path in sorted((root / "content").glob("*.md")):
        parsed = parse_document(path.read_text("utf-8"), path.name)
        article, _ = normalize(parsed, path.name, settings)
        if article is not None:
            articles.append(article)
    lexicons = [lexicon_for(settings, text_language(_sample_text(a), settings)) for a in articles]
    timings = []
    judge._JUDGED.clear()
    for _ in range(2):
        start = time.process_time()
        for article, lexicon in zip(articles, lexicons, strict=True):
            extract_prose(article, lexicon)
        timings.append((time.process_time() - start) / len(articles) * 1e6)
    return timings[0], timings[1], len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--keep", type=Path, default=None, help="build here and keep it")
    args = parser.parse_args()
    missing = [p for p in (args.corpus, args.gold, SCORER) if not p.exists()]
    if missing:
        print(f"skipped: {', '.join(map(str, missing))} not found (not in the repository)")
        return
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        root = args.keep or Path(folder) / "site"
        counts = build(args.corpus, None, root)
        print(f"built {counts['built']} of {counts['articles']} articles in {counts['seconds']} s")
        for name, records in halves(gold).items():
            print(f"\n== {name}: {len(records)} gold articles")
            print(score(root / "out", records, Path(folder), name))
        cold, warm, count = extraction_cost(root)
    print(f"\nprose extraction over {count} articles, per article:")
    print(f"cold (first build)    {cold:8.1f} us")
    print(f"warm (items known)    {warm:8.1f} us")


if __name__ == "__main__":
    main()
