"""Faults: a full disk or a refused write, a killed build, two builds at once. Nothing is lost."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from seo_export.build import emit, journal
from seo_export.build.site import build_site
from seo_export.build.staging import JOURNAL, rebuild_marker, staging_dir
from seo_export.cli import main
from seo_export.config.settings import Settings, load_settings

from conftest import REPO
from helpers import fresh_build, snapshot

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import write_corpus


@pytest.fixture
def project(tmp_path: Path) -> Settings:
    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    write_corpus(tmp_path / "content", 12, seed=3)
    return load_settings(tmp_path / "seo-export.toml")


def touch_all(settings: Settings) -> None:
    for path in sorted(settings.content_dir.glob("*.md")):
        path.write_text(path.read_text(encoding="utf-8") + "\nNy linje.\n", encoding="utf-8")


class FailAt:
    """A callable that fails with ``error`` on its k-th call and passes the others through."""

    def __init__(self, real: Any, k: int, error: int = errno.ENOSPC) -> None:
        self.real, self.k, self.error, self.calls = real, k, error, 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        if self.calls == self.k:
            raise OSError(self.error, os.strerror(self.error))
        return self.real(*args, **kwargs)


@pytest.mark.parametrize("k", [1, 2, 5, 9])
@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EACCES])
def test_a_write_that_fails_leaves_out_as_it_was(
    project: Settings, monkeypatch: pytest.MonkeyPatch, k: int, error: int
) -> None:
    build_site(project, jobs=1)
    before = snapshot(project.out_dir)
    touch_all(project)
    monkeypatch.setattr(emit.os, "write", FailAt(os.write, k, error))  # article files
    with pytest.raises(emit.OutputWriteError):
        build_site(project, jobs=1)
    assert snapshot(project.out_dir) == before
    assert not staging_dir(project.out_dir).exists()


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_a_manifest_or_sitemap_write_that_fails_leaves_out_as_it_was(
    project: Settings, monkeypatch: pytest.MonkeyPatch, k: int
) -> None:
    build_site(project, jobs=1)
    before = snapshot(project.out_dir)
    for path in sorted(project.content_dir.glob("*.md")):  # new dates: a new sitemap
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("lastUpdated: ", "lastUpdated: 01/01/2026\nold: "), encoding="utf-8"
        )
    monkeypatch.setattr(
        emit, "open", FailAt(open, k), raising=False
    )  # staging list, manifest, sitemap
    with pytest.raises(emit.OutputWriteError):
        build_site(project, jobs=1)
    monkeypatch.undo()
    assert snapshot(project.out_dir) == before


@pytest.mark.parametrize("k", [1, 3, 7, 20, 36])
def test_a_move_into_out_that_fails_is_undone(
    project: Settings, monkeypatch: pytest.MonkeyPatch, k: int
) -> None:
    build_site(project, jobs=1)
    before = snapshot(project.out_dir)
    touch_all(project)
    (project.content_dir / sorted(p.name for p in project.content_dir.iterdir())[0]).unlink()
    monkeypatch.setattr(emit.os, "replace", FailAt(os.replace, k, errno.EACCES))
    # The first replace takes the new sitemap into staging; the others apply the journal.
    with pytest.raises(
        emit.OutputWriteError, match=r"cannot write .*sitemap.xml|journal|as it was before this run"
    ):
        build_site(project, jobs=1)
    monkeypatch.undo()
    assert snapshot(project.out_dir) == before
    assert build_site(project, jobs=1).built == 11  # and the next build goes through


@pytest.mark.parametrize("k", [1, 2, 6])
def test_a_new_article_folder_that_fails_to_move_in_is_undone(
    project: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, k: int
) -> None:
    # Six articles built; then six more added (their folders move into out/ whole, after
    # the touched six were moved in file by file).
    later = sorted(project.content_dir.iterdir())[6:]
    aside = tmp_path / "aside"
    aside.mkdir()
    for path in later:
        path.rename(aside / path.name)
    build_site(project, jobs=1)
    before = snapshot(project.out_dir)
    for path in later:
        (aside / path.name).rename(path)
    touch_all(project)
    failing = FailAt(os.rename, k, errno.EACCES)
    monkeypatch.setattr(emit.os, "rename", failing)
    with pytest.raises(emit.OutputWriteError, match="as it was before this run"):
        build_site(project, jobs=1)
    monkeypatch.undo()
    assert failing.calls == k
    assert snapshot(project.out_dir) == before
    result = build_site(project, jobs=1)
    assert result.built == 12
    assert len(list(project.out_dir.glob("*/head.html"))) == 12


@pytest.mark.parametrize("error", [errno.EXDEV, errno.EACCES])
def test_a_first_build_whose_whole_move_fails_goes_the_usual_way(
    project: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, error: int
) -> None:
    build_site(project, jobs=1)
    whole = snapshot(project.out_dir)
    shutil.rmtree(project.out_dir)
    (project.root / ".out.cache").unlink()
    # The first rename is staging -> out/; the article folders' renames that follow pass.
    failing = FailAt(os.rename, 1, error)
    monkeypatch.setattr(emit.os, "rename", failing)
    assert build_site(project, jobs=1).built == 12
    monkeypatch.undo()
    assert failing.calls == 13  # the failed whole move, then one per article folder
    assert snapshot(project.out_dir) == whole
    assert sorted(p.name for p in project.root.iterdir() if p.name.startswith(".")) == [
        ".out.cache",
        ".out.lock",
    ]


def test_the_cli_reports_a_failed_write_and_exits_1(
    project: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project.root)
    monkeypatch.setattr(emit.os, "write", FailAt(os.write, 3))
    result = CliRunner().invoke(main, ["build", "--jobs", "1"])
    assert result.exit_code == 1
    assert "No space left on device" in result.output
    assert not project.out_dir.exists() or snapshot(project.out_dir) == {}


def test_a_page_write_that_fails_leaves_every_page_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seo_export.pages import eject, files, inject

    site = tmp_path / "site"
    shutil.copytree(REPO / "tests" / "cases" / "inject" / "content", tmp_path / "content")
    shutil.copytree(REPO / "tests" / "cases" / "inject" / "site", site)
    shutil.copy(
        REPO / "tests" / "cases" / "inject" / "seo-export.toml", tmp_path / "seo-export.toml"
    )
    monkeypatch.chdir(tmp_path)
    settings = load_settings(tmp_path / "seo-export.toml")
    build_site(settings)
    before = snapshot(site)
    for k in (1, 2, 4):
        result = inject.inject_site(site, settings, write=FailAt(files.write_page, k))
        failed = [f for f in result.findings if "writing failed" in f.message]
        assert [f.code for f in failed] == ["inject-verify-failed"]
        assert len(result.changed) == 3
        eject.eject_site(site)
        assert snapshot(site) == before


def run_build(project: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "seo_export", "build", "-q", *args],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.fixture
def big_project(tmp_path: Path) -> Path:
    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    write_corpus(tmp_path / "content", 600, seed=5)
    return tmp_path


def test_a_killed_build_leaves_the_old_tree_or_the_new_one(
    big_project: Path, tmp_path: Path
) -> None:
    assert run_build(big_project).wait() == 0
    old = snapshot(big_project / "out")
    settings = load_settings(big_project / "seo-export.toml")
    touch_all(settings)
    reference = tmp_path / "reference"
    shutil.copytree(big_project / "content", reference / "content")
    shutil.copy(big_project / "seo-export.toml", reference / "seo-export.toml")
    assert run_build(reference).wait() == 0
    new = snapshot(reference / "out")
    assert new != old
    for delay in (0.15, 0.4, 0.8, 1.5):
        process = run_build(big_project, "--force")
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        staging = staging_dir(big_project / "out")
        if (staging / JOURNAL).exists():
            journal.recover(big_project / "out")  # what the next run does first
            assert snapshot(big_project / "out") == new
        else:
            assert snapshot(big_project / "out") in (old, new)
        # The next build succeeds, whatever was left: torn cache, staging, lock file.
        assert run_build(big_project).wait() == 0
        assert snapshot(big_project / "out") == new
        (big_project / "out" / "manifest.json").unlink()  # so the next round rebuilds for real
        assert run_build(big_project).wait() == 0


def test_a_second_build_at_the_same_time_refuses(big_project: Path) -> None:
    first = run_build(big_project, "--jobs", "1")
    deadline = time.time() + 10
    while not (big_project / ".out.staging").exists() and time.time() < deadline:
        time.sleep(0.01)
    second = run_build(big_project)
    _, errors = second.communicate()
    assert second.returncode == 2
    assert b"another seo-export build is writing" in errors
    assert first.wait() == 0


class FailInto:
    """``os.replace`` that fails, every time, for targets under ``folder``."""

    def __init__(self, real: Any, folder: Path, error: int = errno.EACCES) -> None:
        self.real, self.folder, self.error = real, str(folder) + os.sep, error

    def __call__(self, source: Any, target: Any, *args: Any, **kwargs: Any) -> Any:
        if str(target).startswith(self.folder):
            raise OSError(self.error, os.strerror(self.error))
        return self.real(source, target, *args, **kwargs)


def test_a_folder_that_refuses_every_move_is_undone_around(
    project: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder that cannot be written (as a user, chmod a-w) fails each move into it; the
    # files replaced before it in the same commit must go back, and the old ones in it stay.
    build_site(project, jobs=1)
    before = snapshot(project.out_dir)
    touch_all(project)
    last = sorted(p for p in project.out_dir.iterdir() if p.is_dir())[-1]
    monkeypatch.setattr(emit.os, "replace", FailInto(os.replace, last))
    with pytest.raises(emit.OutputWriteError, match="as it was before this run"):
        build_site(project, jobs=1)
    monkeypatch.undo()
    assert snapshot(project.out_dir) == before
    assert build_site(project, jobs=1).built == 12


def test_an_undo_that_fails_too_keeps_the_journal_and_the_next_run_finishes(
    project: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_site(project, jobs=1)
    touch_all(project)
    # Moves fail from the 4th on, the undo's included: neither forward nor back.
    calls = 0
    real = os.replace

    def from_fourth(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls >= 4:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real(*args, **kwargs)

    monkeypatch.setattr(emit.os, "replace", from_fourth)
    with pytest.raises(emit.OutputWriteError, match=r"could not be undone.*finishes the move"):
        build_site(project, jobs=1)
    monkeypatch.undo()
    assert (staging_dir(project.out_dir) / JOURNAL).is_file()
    build_site(project, jobs=1)  # rolls the interrupted move forward, then builds
    assert snapshot(project.out_dir) == fresh_build(project, jobs=1)[1]


@pytest.mark.parametrize("failed_between", [False, True], ids=["next-run", "a-run-failing-first"])
@pytest.mark.parametrize("first,second", [(6, 8), (7, 9)])
def test_an_undo_that_stops_part_way_is_followed_by_a_whole_build(
    project: Settings,
    monkeypatch: pytest.MonkeyPatch,
    first: int,
    second: int,
    failed_between: bool,
) -> None:
    # Moving in fails at the ``first`` replace, and undoing at the ``second``, after some
    # of it was undone: out/ is part old, part new. The next run must end up as a fresh
    # build would, though rolling the journal forward alone would not get there.
    build_site(project, jobs=1)
    touch_all(project)
    (project.content_dir / sorted(p.name for p in project.content_dir.iterdir())[0]).unlink()
    calls = 0
    real = os.replace

    def failing(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls in (first, second):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real(*args, **kwargs)

    monkeypatch.setattr(emit.os, "replace", failing)
    with pytest.raises(emit.OutputWriteError, match="could not be undone"):
        build_site(project, jobs=1)
    monkeypatch.undo()
    if failed_between:  # the run that owes the whole build fails too: the next one still owes it
        monkeypatch.setattr(emit.os, "write", FailAt(os.write, 1))
        with pytest.raises(emit.OutputWriteError):
            build_site(project, jobs=1)
        monkeypatch.undo()
    build_site(project, jobs=1)
    assert not rebuild_marker(project.out_dir).exists()
    assert snapshot(project.out_dir) == fresh_build(project, jobs=1)[1]
