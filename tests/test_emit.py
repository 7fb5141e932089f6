"""out/ is never half-written, is deterministic, and incremental builds redo only what changed."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from seo_export.build.emit import OutputTransaction, output_lock
from seo_export.build.journal import recover
from seo_export.build.site import build_site
from seo_export.build.staging import staging_dir
from seo_export.config.settings import Settings, load_settings
from seo_export.errors import OutputLockedError

from conftest import REPO, SAMPLE
from helpers import snapshot


def article(n: int) -> str:
    return (
        f"---\ntitle: Artikel {n}\ndatePublished: 2025-01-{n:02d}\n"
        f"description: Beskrivelse nummer {n} af en artikel, lang nok til at være en god beskrivelse.\n"
        f"---\n\nIntro {n}.\n\n## Symptomer\n\nSymptomer inkluderer smerte og prikken.\n"
    )


@pytest.fixture
def project(tmp_path: Path) -> Settings:
    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SAMPLE, content / "nerveafklemning.md")
    for n in range(1, 6):
        (content / f"artikel-{n}.md").write_text(article(n), encoding="utf-8")
    return load_settings(tmp_path / "seo-export.toml")


def tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_build_that_dies_midway_leaves_out_exactly_as_before(
    project: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_site(project)
    before = tree(project.out_dir)
    for n in range(1, 6):  # change every article so that all are rebuilt
        path = project.content_dir / f"artikel-{n}.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("Intro", "Ny intro"), encoding="utf-8"
        )
    from seo_export.build import work

    articles: list[str] = []
    real_stage = work.stage_files

    def dies_at_the_third_article(staging: Path, files: Any) -> tuple[str, ...]:
        files = list(files)
        articles.append(files[0].path)
        if len(articles) == 3:
            raise KeyboardInterrupt("Ctrl-C at the 3rd article")
        return real_stage(staging, files)

    monkeypatch.setattr(work, "stage_files", dies_at_the_third_article)
    with pytest.raises(KeyboardInterrupt):
        build_site(project)
    assert tree(project.out_dir) == before
    assert not staging_dir(project.out_dir).exists()
    monkeypatch.undo()
    result = build_site(project)  # the next build completes normally
    assert result.built == 5


def test_two_builds_give_identical_trees(project: Settings, tmp_path: Path) -> None:
    build_site(project)
    other = load_settings(project.source, out_dir=str(tmp_path / "other"))
    build_site(other)
    assert snapshot(project.out_dir) == snapshot(tmp_path / "other")


def test_no_op_rebuild_writes_nothing(project: Settings) -> None:
    build_site(project)
    before = tree(project.out_dir)
    result = build_site(project)
    assert (result.built, result.unchanged, result.files_written, result.files_removed) == (
        0,
        6,
        (),
        (),
    )
    assert tree(project.out_dir) == before


def test_one_changed_article_rewrites_its_files_and_the_manifest_only(project: Settings) -> None:
    build_site(project)
    before = tree(project.out_dir)
    path = project.content_dir / "artikel-2.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Intro 2.", "Intro to."), encoding="utf-8"
    )
    result = build_site(project)
    assert (result.built, result.unchanged) == (1, 5)
    assert sorted(result.files_written) == [
        "artikel-2/head.html",
        "artikel-2/meta.json",
        "artikel-2/schema.jsonld",
        "manifest.json",
    ]
    after = tree(project.out_dir)
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert changed == sorted(result.files_written)


def test_a_changed_date_rewrites_the_sitemap_too(project: Settings) -> None:
    build_site(project)
    path = project.content_dir / "artikel-3.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("2025-01-03", "2025-03-03"), encoding="utf-8"
    )
    result = build_site(project)
    assert "sitemap.xml" in result.files_written
    assert b"<lastmod>2025-03-03</lastmod>" in (project.out_dir / "sitemap.xml").read_bytes()


def test_deleted_and_renamed_articles_lose_their_output(project: Settings) -> None:
    build_site(project)
    (project.content_dir / "artikel-1.md").unlink()
    (project.content_dir / "artikel-4.md").rename(project.content_dir / "artikel-fire.md")
    result = build_site(project)
    assert sorted(result.files_removed) == [
        "artikel-1/head.html",
        "artikel-1/meta.json",
        "artikel-1/schema.jsonld",
        "artikel-4/head.html",
        "artikel-4/meta.json",
        "artikel-4/schema.jsonld",
    ]
    names = {p.name for p in project.out_dir.iterdir()}
    assert "artikel-1" not in names and "artikel-4" not in names and "artikel-fire" in names
    manifest = json.loads((project.out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert [a["source"] for a in manifest["articles"]] == [
        "artikel-2.md",
        "artikel-3.md",
        "artikel-5.md",
        "artikel-fire.md",
        "nerveafklemning.md",
    ]


def test_force_and_changed_settings_rebuild_everything(project: Settings) -> None:
    build_site(project)
    assert build_site(project, force=True).built == 6
    changed = load_settings(project.source, site_name="FysFinder.dk")
    result = build_site(changed)
    assert result.built == 6 and result.unchanged == 0


def test_a_run_that_died_while_applying_is_rolled_forward(project: Settings) -> None:
    build_site(project)
    # Stage and journal a run, move one of its files, then "die".
    from seo_export.build.staging import JOURNAL, WRITTEN_LIST

    transaction = OutputTransaction(project.out_dir)
    transaction.__enter__()
    transaction.write("artikel-5/head.html", b"new head\n")
    transaction.write("artikel-5/meta.json", b"{}\n")
    staging = staging_dir(project.out_dir)
    assert transaction._list is not None
    transaction._list.close()
    (staging / JOURNAL).write_text(
        json.dumps({"remove": ["artikel-1/meta.json"]}), encoding="utf-8"
    )
    (staging / "artikel-5" / "head.html").replace(project.out_dir / "artikel-5" / "head.html")
    assert (staging / WRITTEN_LIST).read_text(encoding="utf-8").splitlines() == [
        "artikel-5/head.html",
        "artikel-5/meta.json",
    ]
    assert recover(project.out_dir) is True
    assert (project.out_dir / "artikel-5" / "head.html").read_bytes() == b"new head\n"
    assert (project.out_dir / "artikel-5" / "meta.json").read_bytes() == b"{}\n"
    assert not (project.out_dir / "artikel-1" / "meta.json").exists()
    assert not staging.exists()


def test_a_second_build_on_the_same_out_is_refused(project: Settings) -> None:
    with (
        output_lock(project.out_dir),
        pytest.raises(OutputLockedError, match="another seo-export build is writing"),
    ):
        build_site(project)


# A first build: the staging folder becomes out/ with one rename.


def beside_out(settings: Settings) -> list[str]:
    """What a build leaves beside out/ (its cache and lock; nothing half-done)."""
    return sorted(p.name for p in settings.root.iterdir() if p.name.startswith(".out"))


def test_a_first_build_moves_staging_in_whole_with_exactly_the_output(
    project: Settings, tmp_path: Path
) -> None:
    result = build_site(project)
    assert result.built == 6
    first = snapshot(project.out_dir)
    assert ".seo-export-written" not in first and ".seo-export-journal.json" not in first
    assert beside_out(project) == [".out.cache", ".out.lock"]
    # The usual way (out/ holds a file, so every article folder moves in by itself)
    # gives the same files.
    shutil.rmtree(project.out_dir)
    (project.root / ".out.cache").unlink()
    project.out_dir.mkdir()
    (project.out_dir / "keep.txt").write_text("the site's own file\n", encoding="utf-8")
    inode = project.out_dir.stat().st_ino
    assert build_site(dataclasses.replace(project, shared_out_dir=True)).built == 6
    usual = snapshot(project.out_dir)
    assert usual.pop("keep.txt") == b"the site's own file\n"
    assert usual == first
    assert project.out_dir.stat().st_ino == inode  # moved into, not replaced


def test_an_out_folder_that_exists_is_moved_into_even_empty(
    project: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only a missing out/ is made by renaming staging: an empty one (a mount point, a
    # folder made for the site with its own mode) keeps being that folder.
    project.out_dir.mkdir()
    project.out_dir.chmod(0o2750)
    inode = project.out_dir.stat().st_ino
    build_site(project)
    assert project.out_dir.stat().st_ino == inode
    assert project.out_dir.stat().st_mode & 0o7777 == 0o2750
    assert len(list(project.out_dir.glob("*/head.html"))) == 6
    # A missing one is the staging folder, renamed.
    shutil.rmtree(project.out_dir)
    (project.root / ".out.cache").unlink()
    staged: list[int] = []
    real_commit = OutputTransaction.commit

    def noting(transaction: OutputTransaction) -> Any:
        staged.append(transaction.staging.stat().st_ino)
        return real_commit(transaction)

    monkeypatch.setattr(OutputTransaction, "commit", noting)
    build_site(project)
    assert [project.out_dir.stat().st_ino] == staged


def test_a_link_named_out_stays_a_link(project: Settings, tmp_path: Path) -> None:
    elsewhere = tmp_path / "www" / "seo"
    elsewhere.mkdir(parents=True)
    project.out_dir.symlink_to(elsewhere)
    build_site(project)
    assert project.out_dir.is_symlink()
    assert len(list(elsewhere.glob("*/head.html"))) == 6


def test_the_list_a_crash_left_beside_out_is_cleared_by_the_next_run(project: Settings) -> None:
    build_site(project)
    (project.root / ".out.staging.list").write_text("nerveafklemning/head.html\n", "utf-8")
    build_site(project, force=True)
    assert beside_out(project) == [".out.cache", ".out.lock"]


def test_a_manifest_that_stops_being_utf8_is_read_up_to_there(
    project: Settings, tmp_path: Path
) -> None:
    for n in range(10, 30):
        (project.content_dir / f"artikel-{n}.md").write_text(article(n % 28 + 1), "utf-8")
    build_site(project)
    whole = snapshot(project.out_dir)
    manifest = project.out_dir / "manifest.json"
    data = manifest.read_bytes()
    cut = data.index(b"\n", 2 * 8192) + 1  # past what reading the header decodes
    manifest.write_bytes(data[:cut] + b"\xff\xfe" + data[cut + 2 :])
    (project.root / ".out.cache").unlink()  # no stamp: the build reads the manifest
    result = build_site(project)
    assert result.built >= 1
    assert snapshot(project.out_dir) == whole
