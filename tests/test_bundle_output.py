"""output = "bundle": the build writes out/articles.ndjson instead of files per article.

What it writes must be what bundling a files build gives, byte for byte; an incremental
bundle build must give what a fresh one gives; and inject and report must read it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from seo_export.build import emit
from seo_export.build.bundle import BUNDLE_NAME, write_bundle
from seo_export.build.manifest import ManifestDamagedError
from seo_export.build.site import build_site
from seo_export.build.statcache import cache_path
from seo_export.config.settings import Settings, load_settings
from seo_export.pages.inject import inject_site
from seo_export.project.report import write_report

from conftest import REPO
from edits import CASES, article, patches_taken, write_project
from helpers import fresh_build, result_summary, snapshot

INJECT_FIXTURE = Path(__file__).parent / "cases" / "inject"


def as_bundle_project(settings: Settings) -> Settings:
    """The same project with ``output = "bundle"`` (a top-level key: before any table)."""
    toml = settings.root / "seo-export.toml"
    toml.write_text('output = "bundle"\n' + toml.read_text("utf-8"), encoding="utf-8")
    return load_settings(toml)


def project(root: Path, *, bundle: bool, clash: bool = False) -> Settings:
    settings = write_project(root, clash=clash)
    return as_bundle_project(settings) if bundle else settings


def manifest_without_files(out_dir: Path) -> dict[str, object]:
    data = json.loads((out_dir / "manifest.json").read_text("utf-8"))
    for entry in data["articles"]:
        entry.pop("files", None)
    data.pop("output", None)
    data.pop("index", None)  # out/index.json lists files, so only a files build writes it
    data.pop("settings_digest")  # the settings differ: by output
    return data


def test_a_bundle_build_writes_what_bundling_a_files_build_gives(tmp_path: Path) -> None:
    files = project(tmp_path / "files", bundle=False, clash=True)
    bundled = project(tmp_path / "bundle", bundle=True, clash=True)
    by_files, by_bundle = build_site(files), build_site(bundled)
    assert (by_bundle.built, by_bundle.skipped) == (by_files.built, by_files.skipped) == (7, 2)
    assert by_bundle.findings == by_files.findings
    out = snapshot(bundled.out_dir)
    assert sorted(out) == ["articles.ndjson", "manifest.json", "robots-sitemap.txt", "sitemap.xml"]
    assert out["articles.ndjson"] == write_bundle(files.out_dir).path.read_bytes()
    assert out["sitemap.xml"] == (files.out_dir / "sitemap.xml").read_bytes()
    manifest = json.loads(out["manifest.json"])
    assert manifest["output"] == "bundle"
    assert {tuple(entry["files"]) for entry in manifest["articles"]} == {()}
    assert manifest_without_files(bundled.out_dir) == manifest_without_files(files.out_dir)
    # The bundle command reads it as it is (and leaves it as it is).
    assert write_bundle(bundled.out_dir).articles == 7
    assert snapshot(bundled.out_dir) == out


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("clash", [False, True], ids=["no-clash", "clash"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_incremental_bundle_build_gives_what_a_fresh_one_gives(
    tmp_path: Path, case: str, clash: bool, jobs: int
) -> None:
    change, _ = CASES[case]
    settings = project(tmp_path / "kept", bundle=True, clash=clash)
    build_site(settings, jobs=jobs)
    change(settings)
    second = build_site(settings, jobs=jobs)
    first, fresh_out = fresh_build(settings, jobs=jobs)
    assert snapshot(settings.out_dir) == fresh_out
    assert (second.findings, second.counts) == (first.findings, first.counts)
    third = build_site(settings, jobs=jobs)  # and then nothing to do
    assert (third.built, third.files_written_count) == (0, 0)


def test_many_articles_in_two_processes_give_what_one_gives(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpus import write_corpus

    outs = []
    for jobs in (1, 2):
        root = tmp_path / f"jobs{jobs}"
        root.mkdir()
        shutil.copy(REPO / "seo-export.toml", root / "seo-export.toml")
        write_corpus(root / "content", 150, seed=5)
        settings = as_bundle_project(load_settings(root / "seo-export.toml"))
        assert build_site(settings, jobs=jobs).built == 150
        outs.append(snapshot(settings.out_dir))
    assert outs[0] == outs[1]
    assert outs[0]["articles.ndjson"].count(b"\n") == 150


@pytest.mark.parametrize(
    "damage,rebuilt",
    [
        (lambda path: path.unlink(), 7),
        (lambda path: path.write_bytes(path.read_bytes()[:-500]), 1),
        (lambda path: path.write_bytes(b"".join(path.read_bytes().splitlines(True)[1:])), 1),
        (lambda path: path.write_bytes(path.read_bytes().replace(b'{"source"', b"{ ", 2)), 2),
        (lambda path: path.write_bytes(cut_line(path.read_bytes(), 2)), 1),
    ],
    ids=["deleted", "last-line-cut", "first-line-lost", "two-lines-edited", "a-line-cut"],
)
def test_a_bundle_lost_or_cut_is_made_whole_by_the_next_build(
    tmp_path: Path, damage: Callable[[Path], None], rebuilt: int
) -> None:
    settings = project(tmp_path / "p", bundle=True)
    build_site(settings)
    whole = snapshot(settings.out_dir)
    damage(settings.out_dir / BUNDLE_NAME)
    assert build_site(settings).built == rebuilt  # the articles whose lines were lost
    assert snapshot(settings.out_dir) == whole


def cut_line(data: bytes, number: int) -> bytes:
    """``data`` with line ``number`` (from 0) cut to 300 bytes, its newline kept."""
    lines = data.splitlines(keepends=True)
    lines[number] = lines[number][:300] + b"\n"
    return b"".join(lines)


def test_a_bundle_line_of_the_wrong_shape_is_refused(tmp_path: Path) -> None:
    settings = project(tmp_path / "p", bundle=True)
    build_site(settings)
    bundle = settings.out_dir / BUNDLE_NAME
    first, rest = bundle.read_bytes().split(b"\n", 1)
    data = json.loads(first)
    data["jsonld"] = []
    bundle.write_bytes(json.dumps(data).encode() + b"\n" + rest)
    with pytest.raises(ManifestDamagedError, match=r"articles\.ndjson:1: not a bundle line"):
        write_bundle(settings.out_dir)


def test_readers_never_find_a_file_missing_while_a_build_commits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = project(tmp_path / "p", bundle=True)
    build_site(settings)
    (settings.content_dir / "artikel-2.md").write_text(article(2, body=" Ny."), "utf-8")
    cache_path(settings.out_dir).unlink()  # the whole build: it replaces files in out/
    watched = [settings.out_dir / name for name in ("manifest.json", BUNDLE_NAME)]
    seen: list[bool] = []
    real_replace = emit.os.replace

    def replace(source: Any, target: Any) -> None:
        seen.extend(path.exists() for path in watched)
        real_replace(source, target)
        seen.extend(path.exists() for path in watched)

    monkeypatch.setattr(emit.os, "replace", replace)
    assert build_site(settings).built == 1
    assert len(seen) >= 8 and all(seen)


def test_switching_output_removes_what_the_other_way_wrote(tmp_path: Path) -> None:
    settings = project(tmp_path / "p", bundle=False)
    build_site(settings)
    files_out = snapshot(settings.out_dir)
    assert "artikel-1/head.html" in files_out
    bundled = as_bundle_project(settings)
    result = build_site(bundled)
    assert result.built == 7
    assert sorted(snapshot(bundled.out_dir)) == [
        "articles.ndjson",
        "manifest.json",
        "robots-sitemap.txt",
        "sitemap.xml",
    ]
    assert [p.name for p in bundled.out_dir.iterdir() if p.is_dir()] == []
    toml = settings.root / "seo-export.toml"
    toml.write_text(toml.read_text("utf-8").replace('output = "bundle"\n', ""), "utf-8")
    back = load_settings(toml)
    assert back.output == "files"
    build_site(back)
    assert snapshot(back.out_dir) == files_out


def test_the_no_op_of_a_bundle_build_writes_nothing(tmp_path: Path) -> None:
    settings = project(tmp_path / "p", bundle=True)
    build_site(settings)
    bundle = settings.out_dir / BUNDLE_NAME
    before = bundle.stat().st_mtime_ns, bundle.stat().st_ino
    again = build_site(settings)
    assert (again.built, again.files_written_count) == (0, 0)
    assert (bundle.stat().st_mtime_ns, bundle.stat().st_ino) == before
    # Without the stamp (the whole build looks at everything) the bundle is still kept.
    cache_path(settings.out_dir).unlink()
    assert result_summary(build_site(settings))[5:7] == ([], 0)
    assert (bundle.stat().st_mtime_ns, bundle.stat().st_ino) == before


def test_report_and_inject_read_the_bundle_as_they_read_the_files(tmp_path: Path) -> None:
    reports, pages, findings = [], [], []
    for mode in ("files", "bundle"):
        root = tmp_path / mode
        shutil.copytree(INJECT_FIXTURE / "content", root / "content")
        shutil.copytree(INJECT_FIXTURE / "site", root / "site")
        shutil.copy(INJECT_FIXTURE / "seo-export.toml", root / "seo-export.toml")
        settings = load_settings(root / "seo-export.toml")
        if mode == "bundle":
            settings = as_bundle_project(settings)
        build_site(settings)
        reports.append(write_report(settings).read_bytes())
        result = inject_site(root / "site", settings)
        findings.append([(f.code, f.file and Path(f.file).name) for f in result.findings])
        pages.append(snapshot(root / "site"))
    assert findings[0] == findings[1]
    assert ("inject-not-html", "ikke-html.html") in findings[1]
    assert reports[0] == reports[1]
    assert b'class="serp' in reports[1]
    assert pages[0] == pages[1]
    assert any(b"<!-- seo-export" in page for page in pages[1].values())


@pytest.mark.parametrize("case", list(CASES))
def test_a_few_edits_are_patched_into_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    change, patched = CASES[case]
    taken = patches_taken(monkeypatch)
    settings = project(tmp_path / "kept", bundle=True)
    build_site(settings)
    change(settings)
    edited = build_site(settings)
    assert (taken == [True]) is patched
    first, fresh_out = fresh_build(settings)
    assert result_summary(first)[3:5] == result_summary(edited)[3:5]
    assert snapshot(settings.out_dir) == fresh_out


def test_a_rebuilt_article_with_the_same_output_leaves_the_bundle_alone(tmp_path: Path) -> None:
    settings = project(tmp_path / "p", bundle=True)
    build_site(settings)
    bundle = settings.out_dir / BUNDLE_NAME
    before = bundle.stat().st_ino, bundle.read_bytes()
    source = settings.content_dir / "artikel-3.md"
    source.write_text(source.read_text("utf-8") + "\n\n", encoding="utf-8")  # same output
    for run in ("patched", "whole"):
        if run == "whole":
            source.write_text(source.read_text("utf-8") + "\n", encoding="utf-8")
            cache_path(settings.out_dir).unlink()
        result = build_site(settings)
        assert result.built == 1
        assert "articles.ndjson" not in result.files_written
        assert (bundle.stat().st_ino, bundle.read_bytes()) == before


def test_a_bundle_build_with_nothing_built_writes_an_empty_bundle(tmp_path: Path) -> None:
    settings = project(tmp_path / "p", bundle=True)
    for path in settings.content_dir.iterdir():
        if path.name != "broken.md":
            path.unlink()
    result = build_site(settings, allow_empty=True)  # it had articles: refused without it
    assert (result.built, result.skipped) == (0, 1)
    assert (settings.out_dir / BUNDLE_NAME).read_bytes() == b""
    assert build_site(settings).files_written_count == 0
