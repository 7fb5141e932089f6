"""Pages per second of ``seo-export check``, ``inject`` and ``eject`` over a built site.

    python benchmarks/pages.py [N] [--runs 3] [--root /dev/shm/seo-pages]

Builds N articles (benchmarks/corpus.py), writes one page per article as a site
generator would (a 15 KB page: a head with a stylesheet, inline CSS and scripts, a body
with navigation, 60 paragraphs and an inline SVG), then times, in subprocesses as a
user runs them: ``check`` of the site, ``inject`` into it, and ``eject`` out of it
(medians of the runs). Prints pages per second.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

HEAD = (
    '<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<link rel="stylesheet" href="/css/main.css">\n'
    "<style>" + "body{margin:0;font-family:sans-serif}\n" * 60 + "</style>\n"
    "<script>" + "window.dataLayer=window.dataLayer||[];\n" * 40 + "</script>\n"
    "</head>\n"
)
BODY = (
    "<body>\n<header><nav><ul>"
    + "".join(f'<li><a href="/side-{i}/">Side {i}</a></li>' for i in range(40))
    + "</ul></nav></header>\n<main><article>\n"
    + "".join(
        f"<h2>Afsnit {i}</h2>\n<p>En paragraf med <b>fed</b> tekst og <a href='/x/{i}'>et "
        "link</a> om nerver, smerter og behandling hos en fysioterapeut.</p>\n"
        for i in range(60)
    )
    + '<svg viewBox="0 0 10 10"><title>Logo</title><path d="M0 0L10 10"/></svg>\n'
    + "</article></main>\n<script src='/js/app.js'></script>\n</body>\n</html>\n"
)


def seo_export(*args: str) -> list[str]:
    return [sys.executable, "-m", "seo_export", *args]


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=False, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    default_root = "/dev/shm/seo-pages" if Path("/dev/shm").is_dir() else "/tmp/seo-pages"
    parser.add_argument("--root", type=Path, default=Path(default_root))
    args = parser.parse_args()
    project = args.root / f"project{args.count}"
    if not (project / "out" / "manifest.json").exists():
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        shutil.copy(REPO / "seo-export.toml", project / "seo-export.toml")
        write_corpus(project / "content", args.count, seed=1)
        subprocess.run(seo_export("build", "-q"), cwd=project, check=False)
    slugs = sorted(path.parent.name for path in (project / "out").glob("*/head.html"))
    site = project / "site"
    checks, injects, ejects = [], [], []
    for _ in range(args.runs):
        shutil.rmtree(site, ignore_errors=True)
        for slug in slugs:
            folder = site / "artikler" / slug
            folder.mkdir(parents=True)
            (folder / "index.html").write_text(HEAD + BODY, encoding="utf-8")
        checks.append(
            timed(seo_export("check", "site", "--format", "json", "-o", "c.json"), project)
        )
        injects.append(timed(seo_export("inject", "site", "--replace-conflicts"), project))
        ejects.append(timed(seo_export("eject", "site"), project))
    pages = len(slugs)
    print(f"{pages:,} pages of {len(HEAD + BODY):,} bytes; medians of {args.runs} runs")
    for name, seconds in (("check", checks), ("inject", injects), ("eject", ejects)):
        median = statistics.median(seconds)
        print(f"{name:7s} {median:7.2f} s  {pages / median:8.0f} pages/s")


if __name__ == "__main__":
    main()
