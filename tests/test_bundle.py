"""out/articles.ndjson: one line per built article, equal to the files a build wrote."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_export.bundle import BUNDLE_NAME, NoBuildToBundleError, iter_bundle, write_bundle
from seo_export.cli import main
from seo_export.model import Finding
from seo_export.schemas import iter_schema_errors
from seo_export.settings import Settings, load_settings
from seo_export.site import build_site

from conftest import REPO

ARTICLES = {
    "a-draft.md": "---\ntitle: Kladde\ndraft: true\n---\n\nIkke færdig.\n",
    "b-broken.md": "---\ntitle: [x\n---\n\nTekst.\n",
    "c-albue.md": """---
title: Tennisalbue
description: Tennisalbue giver smerter på ydersiden af albuen. Læs om symptomer, årsager og behandling.
datePublished: 2025-01-10
---

Tennisalbue er en overbelastning af senerne i albuen.

## Hvad er symptomerne?

- Smerter på ydersiden af albuen
- Nedsat grebsstyrke
""",
}


@pytest.fixture
def site(tmp_path: Path) -> Settings:
    """The sample article, a draft, a broken article and a short one, built into tmp_path/out."""
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(REPO / "content" / "nerveafklemning.md", content)
    for name, text in ARTICLES.items():
        (content / name).write_text(text, encoding="utf-8")
    shutil.copy(REPO / "seo-export.toml", tmp_path)
    settings = load_settings(tmp_path / "seo-export.toml")
    build_site(settings)
    return settings


def lines(path: Path) -> list[dict[str, object]]:
    text = path.read_text("utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def test_each_line_holds_exactly_what_the_article_files_hold(site: Settings) -> None:
    result = write_bundle(site.out_dir, root=site.root)
    assert result.path == site.out_dir / BUNDLE_NAME
    assert (result.articles, result.findings) == (2, ())
    bundled = lines(result.path)
    # Built articles only (not the draft, not the broken one), in source order.
    assert [entry["source"] for entry in bundled] == ["c-albue.md", "nerveafklemning.md"]
    for entry in bundled:
        folder = site.out_dir / str(entry["slug"])
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        assert entry["head_html"] == (folder / "head.html").read_text("utf-8")
        assert entry["jsonld"] == json.loads((folder / "schema.jsonld").read_text("utf-8"))
        assert entry["jsonld"] == meta["jsonld"]
        assert (entry["title"], entry["tags"]) == (meta["title"], meta["tags"])
        assert list(iter_schema_errors("bundle.schema.json", entry)) == []
    sample = bundled[1]
    assert sample["slug"] == "nerveafklemning"
    assert sample["url"] == "https://www.fysfinder.dk/artikler/nerveafklemning/"
    assert str(sample["title"]).startswith("Nerveafklemning")
    # Danish letters stay letters (UTF-8), not \u escapes.
    assert "æ" in result.path.read_text("utf-8")
    assert "\\u00e6" not in result.path.read_text("utf-8")


def test_the_schema_rejects_a_line_that_is_not_what_bundle_writes(site: Settings) -> None:
    entry = lines(write_bundle(site.out_dir).path)[0]
    broken = {**entry, "url": "ftp://x", "tags": [{"tag": "script"}]}
    del broken["head_html"]
    errors = sorted(e.json_path for e in iter_schema_errors("bundle.schema.json", broken))
    assert errors == ["$", "$.tags[0].tag", "$.url"]


def test_same_build_gives_the_same_bytes_and_the_api_streams_the_same_entries(
    site: Settings, tmp_path: Path
) -> None:
    first = write_bundle(site.out_dir).path.read_bytes()
    other = write_bundle(site.out_dir, tmp_path / "copy.ndjson").path.read_bytes()
    assert first == other
    findings: list[Finding] = []
    streamed = [entry.to_json() for entry in iter_bundle(site.out_dir, findings)]
    assert streamed == [json.loads(line) for line in first.splitlines()]
    assert findings == []


def test_an_article_whose_files_are_damaged_is_left_out_and_the_others_kept(
    site: Settings,
) -> None:
    (site.out_dir / "nerveafklemning" / "meta.json").unlink()
    (site.out_dir / "tennisalbue" / "schema.jsonld").write_text("[1, 2]\n", encoding="utf-8")
    result = write_bundle(site.out_dir, root=site.root)
    assert result.articles == 0
    assert [(f.severity.value, f.code, f.file) for f in result.findings] == [
        ("error", "bundle-file-unreadable", "out/tennisalbue/schema.jsonld"),
        ("error", "bundle-file-unreadable", "out/nerveafklemning/meta.json"),
    ]
    assert [f.message for f in result.findings] == [
        "c-albue.md left out of the bundle: schema.jsonld is not a JSON object",
        "nerveafklemning.md left out of the bundle: No such file or directory",
    ]
    assert result.path.read_bytes() == b""


def test_one_unreadable_article_does_not_cost_the_others(site: Settings) -> None:
    (site.out_dir / "tennisalbue" / "head.html").write_bytes(b"\xff\xfe not utf-8")
    result = write_bundle(site.out_dir, root=site.root)
    assert [entry["source"] for entry in lines(result.path)] == ["nerveafklemning.md"]
    [problem] = result.findings
    assert (problem.code, problem.file) == ("bundle-file-unreadable", "out/tennisalbue/head.html")
    assert problem.message.startswith("c-albue.md left out of the bundle: 'utf-8' codec")


def test_no_build_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NoBuildToBundleError, match=r"has no manifest\.json: run seo-export build"):
        write_bundle(tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_a_bundle_that_cannot_be_written_leaves_the_old_one(site: Settings) -> None:
    old = write_bundle(site.out_dir).path.read_bytes()
    (site.out_dir / "tennisalbue" / "head.html").write_text("<title>Ny</title>\n", "utf-8")
    blocked = site.root / "not-a-folder"
    blocked.write_text("a file", encoding="utf-8")
    with pytest.raises(NotADirectoryError):
        write_bundle(site.out_dir, blocked / "articles.ndjson")
    assert (site.out_dir / BUNDLE_NAME).read_bytes() == old
    assert sorted(p.name for p in site.out_dir.iterdir() if p.name.startswith(".")) == []


def test_cli_builds_then_bundles_and_exits_1_on_a_damaged_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(REPO / "content" / "nerveafklemning.md", content)
    (content / "c-albue.md").write_text(ARTICLES["c-albue.md"], encoding="utf-8")
    shutil.copy(REPO / "seo-export.toml", tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    done = runner.invoke(main, ["bundle"])
    assert (done.exit_code, done.output) == (
        0,
        f"Bundle: {tmp_path}/out/articles.ndjson (2 articles)\n",
    )
    assert len(lines(tmp_path / "out" / BUNDLE_NAME)) == 2

    (tmp_path / "out" / "tennisalbue" / "meta.json").unlink()
    damaged = runner.invoke(main, ["bundle", "--no-build", "-o", "import.ndjson"])
    assert damaged.exit_code == 1
    assert damaged.output.splitlines() == [
        "out/tennisalbue/meta.json: error: bundle-file-unreadable: c-albue.md left out of the "
        "bundle: No such file or directory",
        "Bundle: import.ndjson (1 article)",
    ]
    assert [entry["source"] for entry in lines(tmp_path / "import.ndjson")] == [
        "nerveafklemning.md"
    ]
    missing = runner.invoke(main, ["bundle", "--no-build", "--out", "elsewhere"])
    assert missing.exit_code == 2
    assert "has no manifest.json: run seo-export build first" in missing.output
