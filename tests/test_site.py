"""build_site over real folders: discovery, broken files, duplicate slugs, what lands in out/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from seo_export.build.site import build_site
from seo_export.config.settings import Settings, load_settings
from seo_export.errors import ContentDirError

from conftest import REPO, SAMPLE
from helpers import snapshot


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def article(title: str, extra: str = "") -> str:
    day = len(title) % 9 + 1
    return f"---\ntitle: {title}\ndatePublished: 2025-01-0{day}\n{extra}---\n\nIntro om {title}.\n"


def site_settings(tmp_path: Path) -> Settings:
    """The sample's settings, as a project in tmp_path (content/ and out/ inside it)."""
    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    return load_settings(tmp_path / "seo-export.toml")


def test_discovery_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(content / "b.md", article("Bee"))
    write(content / "a" / "z.markdown", article("Zed"))
    write(content / "c.txt", article("Cee"))
    write(content / ".hidden.md", article("Hidden"))
    write(content / ".drafts" / "d.md", article("Dee"))
    write(content / "notes.rst", article("Rst"))
    result = build_site(site_settings(tmp_path))
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [entry["source"] for entry in manifest["articles"]] == ["a/z.markdown", "b.md", "c.txt"]
    assert result.built == 3
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "b",
        "c",
        "index.json",
        "manifest.json",
        "robots-sitemap.txt",
        "sitemap.xml",
        "z",
    ]


def test_one_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(content / "nerveafklemning.md", SAMPLE.read_text(encoding="utf-8"))
    write(content / "bad.md", "---\ntitle: Bad\ndatePublished: 31/02/2024\n---\n\nx\n")
    (content / "latin1.md").write_bytes("---\ntitle: Sm\xe5\n---\n\nx\n".encode("latin-1"))
    write(content / "empty.md", "  \n\n")
    result = build_site(site_settings(tmp_path))
    assert result.built == 1
    assert result.skipped == 3
    codes = sorted((f.code, f.file, f.line) for f in result.findings if f.severity.value == "error")
    assert codes == [
        ("date-invalid", "content/bad.md", 3),
        ("file-empty", "content/empty.md", None),
        ("file-encoding", "content/latin1.md", 2),
    ]
    assert (tmp_path / "out" / "nerveafklemning" / "head.html").is_file()
    assert result.has_errors


def test_duplicate_slugs_name_both_files(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(content / "nakke.md", article("Nakke"))
    write(content / "s.md", article("Nakke", "slug: nakke\n"))
    result = build_site(site_settings(tmp_path))
    duplicate = [f for f in result.findings if f.code == "slug-duplicate"]
    assert len(duplicate) == 1
    assert duplicate[0].file == "content/s.md"
    assert duplicate[0].line == 4
    assert "content/nakke.md" in duplicate[0].message
    assert result.built == 1


def test_missing_content_folder_cannot_continue(tmp_path: Path) -> None:
    with pytest.raises(ContentDirError, match="content folder not found"):
        build_site(site_settings(tmp_path))


def test_empty_content_folder_is_a_warning_not_silence(tmp_path: Path) -> None:
    settings = site_settings(tmp_path)
    write(settings.content_dir / "a.md", article("Albue"))
    (settings.content_dir / "notes.html").write_text("<p>not an article</p>", "utf-8")
    first = build_site(settings)
    assert first.built == 1 and "content-empty" not in {f.code for f in first.findings}
    (settings.content_dir / "a.md").unlink()
    result = build_site(settings, allow_empty=True)  # without it, refused (test_first_hour)
    assert [(f.code, f.file, f.message) for f in result.findings] == [
        ("content-empty", "content", "no article files (.md, .markdown, .txt) in content")
    ]
    assert (result.built, result.unchanged) == (0, 0)


def test_symlink_out_of_content_is_reported_not_read(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.md", article("Secret"))
    content = tmp_path / "content"
    write(content / "ok.md", article("Ok"))
    (content / "link.md").symlink_to(secret)
    result = build_site(site_settings(tmp_path))
    assert [(f.code, f.file) for f in result.findings if f.code == "source-outside-content"] == [
        ("source-outside-content", "content/link.md")
    ]
    assert not (tmp_path / "out" / "secret").exists()
    assert result.built == 1


def test_the_source_list_gives_each_file_by_index_slice_and_in_order(tmp_path: Path) -> None:
    from seo_export.read.discover import discover

    content = tmp_path / "content"
    names = ["a/z.md", "b.md", "ø-ærlig.md", "å b.markdown"]
    for name in names:
        write(content / name, article(name))
    sources, findings = discover(content, tmp_path)
    assert findings == []
    assert len(sources) == 4
    assert [s.name for s in sources] == sorted(names)
    assert [sources.name(i) for i in range(4)] == sorted(names)
    assert sources[-1].name == "ø-ærlig.md"
    assert sources[2].path == str(content / "å b.markdown")
    assert sources[2].display == "content/å b.markdown"
    assert [s.name for s in sources[1:3]] == ["b.md", "å b.markdown"]
    assert [s.name for s in sources[::-2]] == ["ø-ærlig.md", "b.md"]
    with pytest.raises(IndexError):
        sources[4]
    (tmp_path / "empty").mkdir()
    empty, _ = discover(tmp_path / "empty", tmp_path)
    assert len(empty) == 0 and list(empty) == []


@pytest.mark.parametrize("jobs", [2, 3])
def test_a_parallel_build_is_byte_identical_to_a_one_process_build(
    tmp_path: Path, jobs: int
) -> None:
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpus import write_corpus

    # 300 articles: enough chunks for the workers (and, with two jobs, the main process's
    # share); among them a broken file, a draft and two slug clashes across the chunks.
    results = {}
    for run in ("one", "many"):
        project = tmp_path / run
        project.mkdir()
        settings = site_settings(project)
        content = project / "content"
        write_corpus(content, 300, seed=5)
        write(content / "a-broken.md", "---\ntitle: [unclosed\n---\n\nx\n")
        write(content / "b-draft.md", article("Kladde", "draft: true\n"))
        write(content / "m-clash.md", article("Samme titel", "slug: samme-titel\n"))
        write(content / "zz-clash.md", article("Samme titel", "slug: samme-titel\n"))
        first = build_site(settings, jobs=1 if run == "one" else jobs)
        # Then an incremental build with a third of the articles changed.
        for path in sorted(content.glob("*.md"))[::3]:
            path.write_text(path.read_text(encoding="utf-8") + "\nNyt afsnit.\n", "utf-8")
        second = build_site(settings, jobs=1 if run == "one" else jobs)
        results[run] = (first, second, snapshot(project / "out"))
    one, many = results["one"], results["many"]
    assert many[2] == one[2]
    for index in (0, 1):
        assert many[index].findings == one[index].findings
        assert (many[index].built, many[index].unchanged, many[index].skipped) == (
            one[index].built,
            one[index].unchanged,
            one[index].skipped,
        )
    assert (one[0].built, one[0].skipped) == (301, 3)
    assert 0 < one[1].built < 301
    codes = {f.code for f in one[0].findings}
    assert {"slug-duplicate", "yaml-invalid"} <= codes


def test_a_looping_link_and_a_name_that_is_not_utf8_are_reported_not_fatal(
    tmp_path: Path,
) -> None:
    import os

    settings = site_settings(tmp_path)
    content = tmp_path / "content"
    write(content / "god.md", article("God artikel"))
    (content / "loop.md").symlink_to("loop.md")
    bad_name = os.fsdecode(b"caf\xe9.md")  # Latin-1 bytes: not UTF-8
    (content / bad_name).write_text(article("Cafe"), encoding="utf-8")
    result = build_site(settings)
    assert result.built == 1
    found = sorted(
        (f.code, f.file, f.message) for f in result.findings if f.severity.value == "error"
    )
    assert found == [
        ("file-name-encoding", "content/caf\ufffd.md", "the file's name is not UTF-8; not read"),
        (
            "file-unreadable",
            "content/loop.md",
            "is a link that loops or cannot be followed; not read",
        ),
    ]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [a["source"] for a in manifest["articles"]] == ["god.md"]
