"""A whole build of N articles whose titles repeat (slug_source = "title": many slug
duplicates) against the same corpus with unique titles: seconds (median of runs) and how
many articles the build built a second time to settle who keeps a slug.

    python benchmarks/slug_duplicates.py [N] [--repeat R] [--runs K] [--jobs J]

The builds of an article are counted with one job (the default), where the main process
builds every article: N when no article is built twice.

With R = 3 every title is used three times: a third of the articles own their slug, the
rest are reported as slug-duplicate and left out.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article

SETTINGS = """\
base_url = "https://www.example.com"
site_name = "Example"
language = "da-DK"
article_url = "/artikler/{slug}/"
slug_source = "title"
date_order = "day-first"
content_dir = "content"
out_dir = "out"
"""


def write_project(root: Path, count: int, repeat: int) -> None:
    """``count`` articles in root/content; with ``repeat`` > 1 each title ``repeat`` times."""
    content = root / "content"
    content.mkdir(parents=True)
    (root / "seo-export.toml").write_text(SETTINGS, encoding="utf-8")
    for index in range(count):
        name, text = article(index, 1)
        if repeat > 1:  # the same title (and slug) for `repeat` articles in a row
            shared = index // repeat
            text = re.sub(r"^title: .*$", f"title: Emne {shared}", text, count=1, flags=re.M)
            text = re.sub(
                r"^metaTitle: .*$", f"metaTitle: Emne {shared}", text, count=1, flags=re.M
            )
        (content / name).write_text(text, encoding="utf-8")


def timed_build(root: Path, jobs: int) -> tuple[float, int, int, int]:
    """(seconds, built, skipped, articles built) of a build from scratch; the main process
    builds them all with one job, so every build is counted there."""
    from seo_export.build import work
    from seo_export.build.site import build_site
    from seo_export.config.settings import load_settings

    shutil.rmtree(root / "out", ignore_errors=True)
    settings = load_settings(root / "seo-export.toml")
    builds = 0
    real = work.build_text

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal builds
        builds += 1
        return real(*args, **kwargs)

    work.build_text = counted
    try:
        start = time.perf_counter()
        result = build_site(settings, jobs=jobs, keep_info=False)
        seconds = time.perf_counter() - start
    finally:
        work.build_text = real
    return seconds, result.built, result.skipped, builds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1, help="builds counted only with 1")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for label, repeat in (("unique titles", 1), ("repeating titles", args.repeat)):
            root = Path(folder) / label.replace(" ", "-")
            write_project(root, args.count, repeat)
            runs = [timed_build(root, args.jobs) for _ in range(args.runs)]
            seconds = statistics.median(run[0] for run in runs)
            _, built, skipped, builds = runs[-1]
            counted = f", {builds} builds of an article" if args.jobs == 1 else ""
            print(
                f"{label:17} {args.count} articles: {seconds:.2f} s (median of {args.runs}), "
                f"{built} built, {skipped} skipped{counted}"
            )


if __name__ == "__main__":
    main()
