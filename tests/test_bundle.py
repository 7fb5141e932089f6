"""out/articles.ndjson: one line per built article, equal to the files a build wrote."""

from __future__ import annotations

import json
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_export.build.bundle import (
    BUNDLE_NAME,
    BundleTargetError,
    BundleWriteError,
    NoBuildToBundleError,
    iter_bundle,
    write_bundle,
)
from seo_export.build.emit import output_lock
from seo_export.build.manifest import ManifestDamagedError
from seo_export.build.site import build_site
from seo_export.build.staging import JOURNAL, WRITTEN_LIST, staging_dir
from seo_export.cli import main
from seo_export.config.settings import Settings
from seo_export.domain.schemas import iter_schema_errors
from seo_export.errors import OutputLockedError, OutputPendingError
from seo_export.model import Finding

from helpers import plant_leftovers, sample_project, snapshot

ARTICLES = {
    "a-draft.md": "---\ntitle: Kladde\ndraft: true\n---\n\nIkke færdig.\n",
    "b-broken.md": "---\ntitle: [x\n---\n\nTekst.\n",
    "c-albue.md": """---
title: Tennisalbue
slug: tennisalbue
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
    settings = sample_project(tmp_path, ARTICLES)
    build_site(settings)
    return settings


def lines(path: Path) -> list[dict[str, object]]:
    text = path.read_text("utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.split("\n")[:-1]]


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
    assert streamed == [json.loads(line) for line in first.split(b"\n")[:-1]]
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


def test_a_meta_json_without_its_tags_is_reported(site: Settings) -> None:
    (site.out_dir / "tennisalbue" / "meta.json").write_text('{"title": "T"}', "utf-8")
    result = write_bundle(site.out_dir, root=site.root)
    assert [entry["slug"] for entry in lines(result.path)] == ["nerveafklemning"]
    assert [(f.code, f.file, f.message) for f in result.findings] == [
        (
            "bundle-file-unreadable",
            "out/tennisalbue/meta.json",
            "c-albue.md left out of the bundle: meta.json has no title and tags",
        )
    ]


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
    assert [p.name for p in tmp_path.iterdir()] == [".out.lock"]  # and no out/


def test_a_bundle_that_fails_midway_leaves_the_old_one(site: Settings) -> None:
    (site.out_dir / "tennisalbue" / "head.html").write_text("<title>Ny</title>\n", "utf-8")
    new_size = write_bundle(site.out_dir).path.stat().st_size
    (site.out_dir / "tennisalbue" / "head.html").write_text("<title>Gammel</title>\n", "utf-8")
    old = write_bundle(site.out_dir).path.read_bytes()
    (site.out_dir / "tennisalbue" / "head.html").write_text("<title>Ny</title>\n", "utf-8")

    def small_files() -> None:  # a real failure part-way: no file may grow past half of it
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (new_size // 2, new_size // 2))

    done = subprocess.run(
        [sys.executable, "-m", "seo_export", "bundle", "--no-build"],
        cwd=site.root,
        capture_output=True,
        text=True,
        preexec_fn=small_files,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("Error: cannot write the bundle ")
    assert "File too large" in done.stderr
    assert (site.out_dir / BUNDLE_NAME).read_bytes() == old
    assert [p.name for p in site.out_dir.iterdir() if p.name.startswith(".")] == []


def test_what_a_stopped_bundle_left_is_cleared_once_it_is_old(site: Settings) -> None:
    _, running = plant_leftovers(site.out_dir / BUNDLE_NAME)
    assert write_bundle(site.out_dir).articles == 2
    assert [p.name for p in site.out_dir.iterdir() if p.name.startswith(".")] == [running.name]


def test_a_folder_that_cannot_hold_the_bundle_is_a_clear_error(site: Settings) -> None:
    blocked = site.root / "not-a-folder"
    blocked.write_text("a file", encoding="utf-8")
    with pytest.raises(BundleWriteError, match=r"cannot write the bundle .*: Not a directory"):
        write_bundle(site.out_dir, blocked / "articles.ndjson")


@pytest.mark.parametrize("target", ["manifest.json", "tennisalbue/head.html", "sitemap.xml"])
def test_the_build_s_own_files_are_never_overwritten(site: Settings, target: str) -> None:
    before = snapshot(site.out_dir)
    with pytest.raises(BundleTargetError, match=r"will not write the bundle to .* build owns"):
        write_bundle(site.out_dir, site.out_dir / target)
    assert snapshot(site.out_dir) == before


def test_a_link_named_as_the_bundle_is_written_through(site: Settings) -> None:
    cms = site.root / "cms"
    cms.mkdir()
    (cms / "import.ndjson").write_text("OLD\n", encoding="utf-8")
    (site.out_dir / BUNDLE_NAME).symlink_to(cms / "import.ndjson")
    assert write_bundle(site.out_dir).articles == 2
    assert (site.out_dir / BUNDLE_NAME).is_symlink()
    assert len(lines(cms / "import.ndjson")) == 2


def manifest_lines(settings: Settings) -> list[str]:
    return (settings.out_dir / "manifest.json").read_text("utf-8").split("\n")


def test_a_hand_edited_manifest_cannot_make_the_bundle_read_outside_out(
    site: Settings, tmp_path: Path
) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "head.html").write_text("TOP SECRET\n", encoding="utf-8")
    text = (site.out_dir / "manifest.json").read_text("utf-8")
    text = text.replace('"tennisalbue/head.html"', '"../secret/head.html"')
    (site.out_dir / "manifest.json").write_text(text, encoding="utf-8")
    (site.out_dir / "nerveafklemning" / "head.html").unlink()
    (site.out_dir / "nerveafklemning" / "head.html").symlink_to(secret / "head.html")
    result = write_bundle(site.out_dir, root=site.root)
    assert "TOP SECRET" not in result.path.read_text("utf-8")
    assert result.articles == 0
    assert [(f.code, f.file, f.message) for f in result.findings] == [
        (
            "bundle-file-unreadable",
            "out/tennisalbue/head.html",
            "c-albue.md left out of the bundle: the manifest does not list head.html in the "
            "article's folder of out/",
        ),
        (
            "bundle-file-unreadable",
            "out/nerveafklemning/head.html",
            "nerveafklemning.md left out of the bundle: head.html is a link, not a file a "
            "build wrote",
        ),
    ]
    # A folder that is a link (to a copy elsewhere) is not read through either.
    (site.out_dir / "nerveafklemning" / "head.html").unlink()
    shutil.copytree(site.out_dir / "nerveafklemning", tmp_path / "elsewhere")
    shutil.rmtree(site.out_dir / "nerveafklemning")
    (site.out_dir / "nerveafklemning").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "elsewhere" / "head.html").write_text("TOP SECRET\n", encoding="utf-8")
    again = write_bundle(site.out_dir, root=site.root)
    assert "TOP SECRET" not in again.path.read_text("utf-8")
    assert again.findings[1].message == (
        f"nerveafklemning.md left out of the bundle: {site.out_dir}/nerveafklemning is a link, "
        "not a folder a build made"
    )


@pytest.mark.parametrize(
    "damage,message",
    [
        (lambda lines: [*lines[:3], ""], "ends before its closing lines"),
        (lambda lines: [lines[0], lines[1][:40], *lines[2:]], ":2: not an article entry"),
        (lambda lines: [lines[0], "[1, 2],", *lines[1:]], ":2: not an article entry"),
    ],
    ids=["truncated", "cut-line", "not-an-object"],
)
def test_a_damaged_manifest_is_refused_and_the_old_bundle_kept(
    site: Settings, damage: Callable[[list[str]], list[str]], message: str
) -> None:
    old = write_bundle(site.out_dir).path.read_bytes()
    damaged = "\n".join(damage(manifest_lines(site)))
    (site.out_dir / "manifest.json").write_text(damaged, encoding="utf-8")
    with pytest.raises(ManifestDamagedError, match=message) as raised:
        write_bundle(site.out_dir)
    assert "build again with seo-export build --force" in str(raised.value)
    assert (site.out_dir / BUNDLE_NAME).read_bytes() == old


def test_a_running_build_keeps_the_bundle_out(site: Settings) -> None:
    with output_lock(site.out_dir), pytest.raises(OutputLockedError):
        write_bundle(site.out_dir)
    assert not (site.out_dir / BUNDLE_NAME).exists()


def test_a_build_that_stopped_while_moving_files_in_is_not_read_half_way(
    site: Settings,
) -> None:
    # What a build killed after its journal leaves: the staged file, its list, the journal.
    staging = staging_dir(site.out_dir)
    (staging / "tennisalbue").mkdir(parents=True)
    (staging / "tennisalbue" / "head.html").write_text("<title>Ny</title>\n", "utf-8")
    (staging / WRITTEN_LIST).write_text("tennisalbue/head.html\n", "utf-8")
    (staging / JOURNAL).write_text('{"remove": []}', "utf-8")
    before = snapshot(site.out_dir)
    with pytest.raises(OutputPendingError, match="run seo-export build to finish it"):
        write_bundle(site.out_dir)
    assert snapshot(site.out_dir) == before  # a reader changes nothing
    build_site(site)  # finishes the move
    bundled = {entry["slug"]: entry for entry in lines(write_bundle(site.out_dir).path)}
    assert bundled["tennisalbue"]["head_html"] == "<title>Ny</title>\n"
    assert not staging.exists()


def test_readers_share_out(site: Settings) -> None:
    findings: list[Finding] = []
    entries = iter_bundle(site.out_dir, findings)
    first = next(entries)  # out/ held by this reader ...
    assert write_bundle(site.out_dir, site.root / "copy.ndjson").articles == 2  # ... and this
    with pytest.raises(OutputLockedError):
        build_site(site, force=True)  # a build is refused meanwhile
    assert [first.slug, *(e.slug for e in entries)] == ["tennisalbue", "nerveafklemning"]
    assert build_site(site, force=True).built == 2  # and goes through after


def test_a_reader_makes_no_folder(tmp_path: Path) -> None:
    with pytest.raises(NoBuildToBundleError):
        write_bundle(tmp_path / "typo" / "out")
    assert list(tmp_path.iterdir()) == []


def test_cli_builds_then_bundles_and_exits_1_on_a_damaged_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = sample_project(tmp_path, {"c-albue.md": ARTICLES["c-albue.md"]}).content_dir
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    done = runner.invoke(main, ["bundle"])
    assert (done.exit_code, done.output) == (
        0,
        f"Bundle: {tmp_path}/out/articles.ndjson (2 articles)\n",
    )
    assert len(lines(tmp_path / "out" / BUNDLE_NAME)) == 2

    # An article the build cannot build is not in the bundle: said, and exit 1.
    (content / "b-broken.md").write_text(ARTICLES["b-broken.md"], encoding="utf-8")
    broken = runner.invoke(main, ["bundle"])
    assert broken.exit_code == 1
    assert broken.output.splitlines()[-1] == f"Bundle: {tmp_path}/out/articles.ndjson (2 articles)"
    assert [line.split(": ")[:3] for line in broken.output.splitlines()[:-1]] == [
        ["content/b-broken.md:2", "error", "yaml-invalid"]
    ]
    (content / "b-broken.md").unlink()

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


@pytest.mark.parametrize(
    "first_line",
    ["", '{"tool":"seo-export","version":,"articles":[\n', '{"tool":"other","articles":[\n'],
    ids=["empty", "not-json", "another-tool"],
)
def test_a_manifest_that_is_there_but_not_one_is_damaged_not_missing(
    site: Settings, first_line: str
) -> None:
    manifest = site.out_dir / "manifest.json"
    rest = manifest.read_text("utf-8").split("\n", 1)[1]
    manifest.write_text(first_line + (rest if first_line else ""), encoding="utf-8")
    with pytest.raises(ManifestDamagedError, match=r"manifest\.json:1: not a manifest's first"):
        write_bundle(site.out_dir)
