"""FysFinder's own glossary (../shared/corpora/fysfinder-ordbog, 400 articles, not in the
repository): every article builds, with the URL and the title the site gives its page, and
every output built from it is valid against its schema, the schema.org vocabulary and the
sitemap XSD. Skipped, saying why, where the corpus is absent."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from seo_export.build.bundle import write_bundle
from seo_export.build.site import build_site
from seo_export.config.settings import Settings, load_settings
from seo_export.domain.schemas import iter_schema_errors
from seo_export.model import Severity
from seo_export.project.validate import validate_project

from conftest import REPO
from xsd import validate_sitemap

BENCHMARKS = REPO / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import fysfinder  # noqa: E402 - the benchmark script, whose rules of the site's URLs and titles the test shares

CORPUS = fysfinder.CORPUS


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the FysFinder corpus {CORPUS} is not here (it is not in the repository)")
    return CORPUS


@pytest.fixture(scope="module")
def site(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A project outside the repository whose content folder is the corpus itself."""
    root = tmp_path_factory.mktemp("fysfinder")
    (root / "seo-export.toml").write_text(
        fysfinder.SETTINGS.replace(
            'content_dir = "content"', f"content_dir = {json.dumps(str(corpus))}"
        ),
        encoding="utf-8",
    )
    return load_settings(root / "seo-export.toml")


def test_every_article_builds_with_the_site_s_url_and_title(corpus: Path, tmp_path: Path) -> None:
    counts = fysfinder.build(corpus, None, tmp_path)
    assert counts["wrong"] == []
    assert counts["articles"] == 400
    assert (counts["built"], counts["errors"]) == (400, 0)
    assert (counts["URLs equal"], counts["titles equal"]) == (400, 400)


def test_every_output_is_valid(site: Settings) -> None:
    report = validate_project(
        site
    )  # JSON-LD: graph schema, every check, the vocabulary; heads; sitemaps
    errors = [f for unit in report.units for f in unit.findings if f.severity is Severity.ERROR]
    assert errors == []
    assert len(report.units) == 402  # each article, the site, the sitemaps
    result = build_site(site)
    assert (result.built, result.count(Severity.ERROR)) == (400, 0)
    manifest = json.loads((site.out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert list(iter_schema_errors("manifest.schema.json", manifest)) == []
    assert validate_sitemap((site.out_dir / "sitemap.xml").read_bytes()) == "urlset"
    descriptions = []
    for entry in manifest["articles"]:
        graph = json.loads((site.out_dir / entry["slug"] / "schema.jsonld").read_bytes())
        assert list(iter_schema_errors("graph.schema.json", graph)) == [], entry["source"]
        descriptions.append(graph["@graph"][0]["description"])
    assert all(text.strip() for text in descriptions)
    bundled = write_bundle(site.out_dir)
    assert (bundled.articles, bundled.findings) == (400, ())
    for line in (site.out_dir / "articles.ndjson").read_text(encoding="utf-8").splitlines():
        assert list(iter_schema_errors("bundle.schema.json", json.loads(line))) == []


def test_the_benchmark_prints_its_counts(corpus: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "fysfinder.py"), "--limit", "12"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = dict(line.rsplit(None, 1) for line in done.stdout.splitlines())
    assert rows == {
        "articles": "12",
        "built": "12",
        "errors": "0",
        "warnings": rows["warnings"],
        "URLs equal": "12",
        "titles equal": "12",
        "seconds": rows["seconds"],
    }
    assert float(rows["seconds"]) > 0


def test_the_types_read_from_the_text_are_the_editor_s_on_nine_in_ten(corpus: Path) -> None:
    """No type in the front matter, no [[about_types]] rule: the scorer's type_acc over the
    400 is at least 0.90, and every page typed a condition or symptom is labelled one."""
    if not fysfinder.SCORER.is_file():
        pytest.skip(f"no scorer at {fysfinder.SCORER}")
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "fysfinder.py"), "--score"],
        capture_output=True,
        text=True,
        check=True,
    )
    last = dict(pair.split("=") for pair in done.stdout.splitlines()[-1].split())
    assert float(last["type_acc"]) >= 0.90, done.stdout
    assert (last["condition_precision"], last["typed"]) == ("1.00", "400")


def test_the_benchmark_says_so_when_there_is_no_corpus(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "fysfinder.py"), "--corpus", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith(f"no corpus at {tmp_path / 'none'}: nothing to build")
