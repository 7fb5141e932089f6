"""The benchmark scripts still run and print what the docs quote from them (tiny N).

Their figures are measured by hand (docs/performance.md); these tests only keep
the scripts from rotting as the code under them changes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_script(name: str, *arguments: str) -> list[str]:
    """The lines ``benchmarks/{name}`` prints; it must exit 0."""
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / name), *arguments],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def micros(lines: list[str]) -> dict[str, float]:
    """``{step: microseconds}`` of the lines that end in ``N us``."""
    found = {}
    for line in lines:
        match = re.fullmatch(r"(.+?)\s+([\d.]+) us", line)
        if match:
            found[match[1]] = float(match[2])
    return found


def test_stages_prints_each_stage_and_the_total() -> None:
    stages = micros(run_script("stages.py", "12"))
    assert list(stages) == [
        "parse (front matter + Markdown)",
        "front-matter schema",
        "normalize + extract",
        "  of which Markdown to blocks",
        "article checks",
        "build JSON-LD",
        "graph schema + graph/Google checks",
        "vocabulary check (validate only)",
        "head tags",
        "render head",
        "serialise schema.jsonld + meta.json",
        "TOTAL build_text",
    ]
    assert all(value > 0 for value in stages.values())


def test_floor_sums_its_steps_and_says_what_3x_hugo_leaves(tmp_path: Path) -> None:
    lines = run_script("floor.py", "12", "--root", str(tmp_path), "--hugo", "6.0")
    steps = micros(lines)
    floor = steps.pop("FLOOR (sum)")
    assert len(steps) == 8
    assert abs(floor - sum(steps.values())) < 0.5  # each printed to 0.1 us
    # 3x faster than 6.0 s is 2.00 s: 400 us of CPU per article on two cores.
    summary = " ".join(lines)
    assert "3x faster than Hugo's 6.00 s is 2.00 s, i.e. 400 us of CPU per article" in summary
    left = re.search(r"of which (-?\d+) us would be left", summary)
    assert left is not None, summary
    assert abs(int(left[1]) - (400 - floor)) <= 1
    assert list(tmp_path.iterdir()) == []  # its corpus and output are removed


def test_run_builds_counts_files_and_times_the_rebuilds(tmp_path: Path) -> None:
    lines = run_script("run.py", "--sizes", "12", "--runs", "1", "--root", str(tmp_path))
    row = next(line.split() for line in lines if line.split()[:1] == ["12"])
    # N, build s, art/s, RSS MB, PSS MB, files, then no-op, one text edit and one title edit
    # (seconds and % of the build each), check pages/s, bundle s, bundle MB.
    assert len(row) == 15, row
    # three files for each of 12 articles, manifest, index, sitemap, stat cache
    assert row[5] == "40"
    assert float(row[1]) > 0 and int(row[2]) > 0
    for seconds, share in ((row[6], row[7]), (row[8], row[9]), (row[10], row[11])):
        assert float(seconds) > 0 and re.fullmatch(r"\d+\.\d%", share), (seconds, share)


def test_slug_duplicates_builds_each_article_once() -> None:
    lines = run_script("slug_duplicates.py", "9", "--runs", "1")
    assert [re.sub(r"[\d.]+ s ", "S ", line) for line in lines] == [
        "unique titles     9 articles: S (median of 1), 9 built, 0 skipped, 9 builds of an article",
        "repeating titles  9 articles: S (median of 1), 3 built, 6 skipped, 9 builds of an article",
    ]


def test_extraction_says_why_it_skips_without_the_corpus(tmp_path: Path) -> None:
    lines = run_script("extraction.py", "--corpus", str(tmp_path / "none"))
    assert len(lines) == 1
    assert lines[0].startswith("skipped: ") and lines[0].endswith("(not in the repository)")
    assert str(tmp_path / "none") in lines[0]
