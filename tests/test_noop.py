"""A build that has nothing to do reads only file sizes and times (the stamp in .out.cache).

The stamp is trusted only while everything it vouches for is as it was: each
test here changes one thing and checks that the build then looks again.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from seo_export.build import site
from seo_export.build.site import build_site
from seo_export.build.statcache import cache_path
from seo_export.config.settings import Settings, load_settings
from seo_export.model import BuildResult, Severity

from conftest import REPO, SAMPLE
from helpers import result_summary


def article(n: int, published: str = "2025-01-10", updated: str = "2025-02-01") -> str:
    return (
        f"---\ntitle: Artikel {n}\ndatePublished: {published}\nlastUpdated: {updated}\n"
        f"description: Beskrivelse nummer {n} af en artikel, lang nok til at være en god beskrivelse.\n"
        f"---\n\nIntro {n}.\n\n## Symptomer\n\nSymptomer inkluderer smerte og prikken.\n"
    )


@pytest.fixture
def project(tmp_path: Path) -> Settings:
    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SAMPLE, content / "nerveafklemning.md")
    for n in range(1, 4):
        (content / f"artikel-{n}.md").write_text(article(n), encoding="utf-8")
    # One article with a warning (dates out of order) and one that is skipped (no such date).
    (content / "artikel-4.md").write_text(article(4, updated="2024-01-01"), encoding="utf-8")
    (content / "uden-dato.md").write_text(
        "---\ndatePublished: 31/02/2025\n---\n\nTekst.\n", "utf-8"
    )
    return load_settings(tmp_path / "seo-export.toml")


def garble_keeping_stat(path: Path) -> bytes:
    """Overwrite ``path`` with bytes of the same length and put its time back; the old bytes."""
    original = path.read_bytes()
    stat = path.stat()
    path.write_bytes(b"x" * len(original))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return original


def test_a_no_op_build_reports_what_a_full_look_reports(project: Settings) -> None:
    first = build_site(project, keep_info=True)
    assert (first.built, first.skipped) == (5, 1)
    codes = sorted({f.code for f in first.findings})
    assert "date-order" in codes and "date-invalid" in codes

    from_stamp = build_site(project, keep_info=True)
    cache_path(project.out_dir).unlink()  # no stamp: the manifest is read again
    full_look = build_site(project, keep_info=True)

    assert result_summary(from_stamp) == result_summary(full_look)
    assert (from_stamp.built, from_stamp.unchanged, from_stamp.skipped) == (0, 5, 1)
    assert from_stamp.findings == first.findings
    assert from_stamp.counts == first.counts
    assert from_stamp.files_written == () and from_stamp.files_written_count == 0


def test_info_findings_left_out_of_the_stamp_are_looked_up_when_asked_for(
    project: Settings,
) -> None:
    quiet = build_site(project, keep_info=False)
    assert all(f.severity is not Severity.INFO for f in quiet.findings)
    verbose = build_site(project, keep_info=True)
    infos = [f for f in verbose.findings if f.severity is Severity.INFO]
    assert len(infos) == verbose.counts["info"] > 0
    # Stamped with info now: a quiet no-op drops it again, with the same counts.
    again = build_site(project, keep_info=False)
    assert again.findings == tuple(f for f in verbose.findings if f not in infos)
    assert again.counts == verbose.counts


def test_a_manifest_rewritten_with_its_old_size_and_time_is_noticed(project: Settings) -> None:
    build_site(project)
    manifest = project.out_dir / "manifest.json"
    original = garble_keeping_stat(manifest)  # its change time (ctime) still moves
    result = build_site(project)
    assert manifest.read_bytes() == original
    assert result.built == 5 and "manifest.json" in result.files_written


@pytest.fixture
def shortcuts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Which shortcut each build took: "no-op" (the stamp's result), "patch", or "whole"."""
    taken: list[str] = []
    # site calls result_from_stamp itself only for a no-op (the patch calls its own).
    real_unchanged, real_patch = site.result_from_stamp, site.patch_build

    def unchanged(*args: Any, **kwargs: Any) -> BuildResult:
        taken.append("no-op")
        return real_unchanged(*args, **kwargs)

    def patch(*args: Any, **kwargs: Any) -> BuildResult | None:
        result = real_patch(*args, **kwargs)
        if result is not None:
            taken.append("patch")
        return result

    real_whole = site._build_changes

    def whole(*args: Any, **kwargs: Any) -> BuildResult:
        taken.append("whole")
        return real_whole(*args, **kwargs)

    monkeypatch.setattr(site, "result_from_stamp", unchanged)
    monkeypatch.setattr(site, "patch_build", patch)
    monkeypatch.setattr(site, "_build_changes", whole)
    return taken


def test_an_untouched_project_takes_the_no_op(project: Settings, shortcuts: list[str]) -> None:
    build_site(project)
    build_site(project)
    assert shortcuts == ["whole", "no-op"]


@pytest.mark.parametrize("change", ["chmod a source", "rename a copy over a source"])
def test_a_change_that_keeps_size_and_time_is_seen(
    project: Settings, shortcuts: list[str], change: str
) -> None:
    build_site(project)
    path = project.content_dir / "artikel-2.md"
    if change == "chmod a source":
        path.chmod(0o600)
    else:
        copy = path.with_name(".copy")
        shutil.copy2(path, copy)  # same bytes, size and modification time; another inode
        os.replace(copy, path)
    build_site(project)
    assert shortcuts[-1] != "no-op"


@pytest.mark.parametrize(
    "change",
    [
        "touch a source",
        "edit a source",
        "add a source",
        "delete a source",
        "delete the sitemap",
        "other settings",
        "torn cache",
        "force",
    ],
)
def test_any_change_makes_the_build_look_again(
    project: Settings, shortcuts: list[str], change: str
) -> None:
    build_site(project)
    shortcuts.clear()
    settings, force = project, False
    content = project.content_dir
    if change == "touch a source":
        stat = (content / "artikel-2.md").stat()
        os.utime(content / "artikel-2.md", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    elif change == "edit a source":
        (content / "artikel-2.md").write_text(article(2).replace("Intro", "Indledning"), "utf-8")
    elif change == "add a source":
        (content / "artikel-9.md").write_text(article(9), encoding="utf-8")
    elif change == "delete a source":
        (content / "artikel-3.md").unlink()
    elif change == "delete the sitemap":
        (project.out_dir / "sitemap.xml").unlink()
    elif change == "other settings":
        settings = load_settings(project.source, site_name="FysFinder.dk")
    elif change == "torn cache":
        cache = cache_path(project.out_dir)
        cache.write_bytes(cache.read_bytes()[:-20])
    else:
        force = True
    result = build_site(settings, force=force)
    # A changed source may be patched in; the stamp's result alone never does.
    allowed = ["patch"] if change in ("touch a source", "edit a source") else ["whole"]
    assert shortcuts == allowed
    assert (project.out_dir / "sitemap.xml").is_file()
    expected_sources = {"add a source": 7, "delete a source": 5}.get(change, 6)
    assert result.built + result.unchanged + result.skipped == expected_sources


def test_a_no_op_on_another_content_folder_is_not_taken_for_this_one(
    project: Settings, tmp_path: Path, shortcuts: list[str]
) -> None:
    build_site(project)
    twin = tmp_path / "twin"
    shutil.copytree(project.content_dir, twin, copy_function=shutil.copy2)
    other = load_settings(project.source, content_dir=str(twin))
    shortcuts.clear()
    result = build_site(other)
    assert shortcuts == ["whole"]
    assert "twin/artikel-4.md" in {f.file for f in result.findings}
    assert b'"file":"twin/artikel-4.md"' in (project.out_dir / "manifest.json").read_bytes()


def test_a_manifest_line_in_another_layout_is_rebuilt_from_not_trusted(project: Settings) -> None:
    build_site(project)
    manifest = project.out_dir / "manifest.json"
    lines = manifest.read_text(encoding="utf-8").split("\n")
    # The third article's line with its keys in another order: not read as this version's.
    third = lines[3]
    assert third.startswith('{"source":"artikel-3.md","content_hash":"')
    lines[3] = third.replace('{"source":"artikel-3.md",', "{", 1).replace(
        '"built":', '"source":"artikel-3.md","built":', 1
    )
    manifest.write_text("\n".join(lines), encoding="utf-8")
    cache_path(project.out_dir).unlink()
    result = build_site(project)
    # Articles from that line on are built again; the manifest is whole again.
    assert (result.built, result.unchanged) == (3, 2)
    assert manifest.read_text(encoding="utf-8").split("\n")[3] == third


@pytest.mark.parametrize(
    "edit",
    [
        lambda stamp: stamp["result"].pop("kept_info"),
        lambda stamp: stamp["result"]["findings"].append({"code": 3}),
        lambda stamp: stamp["outputs"].append(["x"]),
        lambda stamp: stamp.update(result=[]),
    ],
    ids=["a key gone", "a finding garbled", "an output garbled", "no result"],
)
def test_a_hand_edited_stamp_is_not_trusted(
    project: Settings, shortcuts: list[str], edit: Callable[[dict[str, Any]], object]
) -> None:
    first = build_site(project)
    cache = cache_path(project.out_dir)
    *lines, last = cache.read_text(encoding="utf-8").splitlines()
    prefix, _, data = last.partition("\t")
    stamp = json.loads(data)
    edit(stamp)
    lines.append(f"{prefix}\t{json.dumps(stamp)}")
    cache.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shortcuts.clear()
    again = build_site(project)
    assert shortcuts == ["whole"]
    assert (again.findings, again.counts) == (first.findings, first.counts)


def test_a_report_in_out_does_not_cost_the_next_build_its_no_op(
    project: Settings, shortcuts: list[str]
) -> None:
    from seo_export.project.report import write_report

    first = build_site(project)
    assert write_report(project) == project.out_dir / "report.html"
    (project.out_dir / "notes.txt").write_text("a file of the site's own", encoding="utf-8")
    shortcuts.clear()
    again = build_site(project)
    assert shortcuts == ["no-op"]
    assert (again.findings, again.counts) == (first.findings, first.counts)
    assert (project.out_dir / "report.html").is_file()
