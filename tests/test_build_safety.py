"""A build never loses what it did not write, never publishes what it must not, and stops
cleanly: interrupted (SIGINT, SIGTERM), on a full disk, on a FIFO in content/.

Each test is one case of issue 20. The interrupt and full-disk cases run the real command
in a subprocess; the full disk is a small tmpfs where this user may mount one (root), else
a file-size limit (RLIMIT_FSIZE) that makes writes fail the same way.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_export.build.emit import reading_lock
from seo_export.build.lock import lock_path
from seo_export.build.staging import staging_dir
from seo_export.build.statcache import cache_path
from seo_export.cli import main
from seo_export.errors import OutputLockedError

from conftest import REPO
from helpers import snapshot

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import write_corpus

ARTICLE = """---
title: {title}
slug: {slug}
datePublished: 2025-01-15
description: En beskrivelse af {title} der er lang nok til at være en god beskrivelse her.
---

Tekst om {title}.
"""


def project_with(tmp_path: Path, *settings_lines: str, articles: int = 3) -> Path:
    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    with open(tmp_path / "seo-export.toml", "a", encoding="utf-8") as settings:
        settings.write("\n".join(settings_lines) + "\n")
    write_corpus(tmp_path / "content", articles, seed=7)
    return tmp_path


def with_settings(path: Path, **values: str) -> None:
    """Set top-level keys of a settings file (before its first table)."""
    text = path.read_text(encoding="utf-8")
    lines = "".join(f"{key} = {value}\n" for key, value in values.items())
    head, _, rest = text.partition("\n[")
    for key in values:
        head = "\n".join(line for line in head.splitlines() if not line.startswith(f"{key} "))
    path.write_text(head + "\n" + lines + ("\n[" + rest if rest else ""), encoding="utf-8")


# Case 2: the build removes only what its manifest says it wrote.


def test_a_build_into_the_site_root_keeps_the_sites_own_sitemaps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = project_with(tmp_path)
    with_settings(
        project / "seo-export.toml",
        out_dir='"public"',
        shared_out_dir="true",
        sitemap_extra='["https://www.fysfinder.dk/sitemap-nyheder.xml"]',
    )
    public = project / "public"
    public.mkdir()
    own = {
        "sitemap-nyheder.xml": b'<?xml version="1.0"?><urlset/>\n',
        "sitemap.xml.bak": b"an old copy\n",
        "sitemap-2.xml": b"the site's, not ours\n",
    }
    for name, data in own.items():
        (public / name).write_bytes(data)
    monkeypatch.chdir(project)
    for args in (["build"], ["build"], ["build", "--force"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        for name, data in own.items():
            assert (public / name).read_bytes() == data, name
    index = (public / "sitemap.xml").read_text(encoding="utf-8")
    assert "sitemap-nyheder.xml" in index


def test_a_build_still_removes_the_sitemaps_it_wrote_and_no_longer_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = project_with(tmp_path, articles=5)
    with_settings(project / "seo-export.toml", sitemap_max_urls="2")
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    assert (project / "out" / "sitemap-3.xml").is_file()
    with_settings(project / "seo-export.toml", sitemap_max_urls="50000")
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    assert sorted(p.name for p in (project / "out").glob("sitemap*")) == ["sitemap.xml"]


# Case 7: a URL over 2,048 characters is left out of the sitemaps, with an error.


def test_a_url_over_2048_characters_is_left_out_of_the_sitemap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = project_with(tmp_path, articles=2)
    slug = "/".join(["lang"] * 420)  # a canonical of 2,140 characters
    article = ARTICLE.format(title="Lang", slug="lang").replace(
        "slug: lang\n", f"canonical: https://www.fysfinder.dk/artikler/{slug}/\n"
    )
    (project / "content" / "lang.md").write_text(article, encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1, result.output
    assert "sitemap-url-too-long" in result.output
    sitemap = (project / "out" / "sitemap.xml").read_text(encoding="utf-8")
    assert slug not in sitemap
    assert sitemap.count("<loc>") == 2


# Case 8: a base_url with user info, a query or a fragment is refused.


@pytest.mark.parametrize(
    "base_url",
    [
        "https://user:s3cret@www.fysfinder.dk",
        "https://user@www.fysfinder.dk",
        "https://www.fysfinder.dk?utm=1",
        "https://www.fysfinder.dk/#top",
    ],
)
def test_a_base_url_with_credentials_query_or_fragment_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base_url: str
) -> None:
    project = project_with(tmp_path)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "--base-url", base_url])
    assert result.exit_code == 2, result.output
    assert "base_url" in result.output
    assert "s3cret" not in result.output
    assert not (project / "out").exists()


# Case 13: out_dir and content_dir may not overlap.


@pytest.mark.parametrize(
    ("content", "out"),
    [("content", "content"), ("site/content", "site"), ("content", "./content/../content")],
)
def test_an_out_dir_that_is_or_holds_the_content_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, out: str
) -> None:
    project = project_with(tmp_path)
    if content != "content":
        (project / content).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(project / "content", project / content)
    before = snapshot(project / content)
    monkeypatch.chdir(project)
    for _ in range(2):
        result = CliRunner().invoke(main, ["build", "--content", content, "--out", out])
        assert result.exit_code == 2, result.output
        assert "out_dir" in result.output and "content" in result.output
    assert snapshot(project / content) == before


def test_a_folder_of_others_is_refused_unless_the_settings_say_it_is_shared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = project_with(tmp_path)
    public = project / "public"
    public.mkdir()
    (public / "index.html").write_bytes(b"<!doctype html><title>The site</title>\n")
    before = snapshot(public)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "--out", "public"])
    assert result.exit_code == 2, result.output
    assert result.output == (
        "Error: out_dir public holds files that seo-export did not write; build into a "
        "folder of its own, or set shared_out_dir = true to build beside them\n"
    )
    assert snapshot(public) == before
    with_settings(project / "seo-export.toml", shared_out_dir="true")
    result = CliRunner().invoke(main, ["build", "--out", "public"])
    assert result.exit_code == 0, result.output
    assert (public / "index.html").read_bytes() == before["index.html"]
    assert (public / "manifest.json").is_file()


def test_an_out_dir_inside_the_content_folder_needs_shared_out_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = project_with(tmp_path)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "--out", "content/out"])
    assert result.exit_code == 2, result.output
    assert "out_dir: lies inside the content folder" in result.output
    assert not (project / "content" / "out").exists()
    with_settings(project / "seo-export.toml", shared_out_dir="true")
    result = CliRunner().invoke(main, ["build", "--out", "content/out"])
    assert result.exit_code == 0, result.output
    assert (project / "content" / "out" / "manifest.json").is_file()


# Case 14: the lock message says who holds it.


def test_a_build_blocked_by_a_reader_says_a_reader_holds_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = project_with(tmp_path)
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    with reading_lock(project / "out"):
        result = CliRunner().invoke(main, ["build", "--force"])
    assert result.exit_code == 2
    assert "is writing" not in result.output
    assert "reading" in result.output and "inject, report or bundle" in result.output


def test_a_reader_blocked_by_a_build_says_a_build_holds_the_lock(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with open(lock_path(out), "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        with (
            pytest.raises(OutputLockedError, match="a seo-export build is writing"),
            reading_lock(out),
        ):
            pass


# Case 12: a FIFO in content/ is skipped with a finding; the build does not hang.


def test_a_fifo_in_the_content_folder_is_skipped(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    os.mkfifo(project / "content" / "fifo.md")
    process = subprocess.run(
        [sys.executable, "-m", "seo_export", "build"],
        cwd=project,
        capture_output=True,
        timeout=60,
        check=False,
    )
    output = process.stdout.decode() + process.stderr.decode()
    assert process.returncode == 1, output
    assert "content/fifo.md" in output and "source-not-regular" in output
    assert "Built 3 articles" in output


def test_a_file_that_becomes_a_fifo_after_discovery_is_not_waited_for(
    tmp_path: Path,
) -> None:
    from seo_export.read.discover import discover, read_source

    project = project_with(tmp_path)
    sources, _ = discover(project / "content", project)
    victim = Path(sources[0].path)
    victim.unlink()
    os.mkfifo(victim)
    text = read_source(sources[0], 1 << 20)
    assert text.text is None
    assert [f.code for f in text.findings] == ["source-not-regular"]


# Cases 9 and 10: interrupts and a full disk stop the build cleanly.


def build_process(project: Path, *args: str, **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "seo_export", "build", "-q", *args],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.fixture
def big_project(tmp_path: Path) -> Path:
    project = project_with(tmp_path, articles=0)
    shutil.rmtree(project / "content")
    write_corpus(project / "content", 1500, seed=5)
    return project


def wait_for_staging(project: Path, process: subprocess.Popen[bytes]) -> None:
    """Until the build is under way: its staging folder has article files in it."""
    deadline = time.monotonic() + 30
    staging = staging_dir(project / "out")
    while time.monotonic() < deadline and process.poll() is None:
        if staging.is_dir() and sum(1 for _ in staging.iterdir()) > 40:
            return
        time.sleep(0.01)
    raise AssertionError("the build never got under way")


def processes_in(folder: Path) -> list[int]:
    """Processes whose working folder is ``folder`` (a build's workers are)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if (entry / "cwd").readlink() == folder:
                    found.append(int(entry.name))
    return found


def assert_clean_stop(project: Path, before: dict[str, bytes]) -> None:
    """Workers ended, lock free, staging and temporary files gone, out/ as it was."""
    out = project / "out"
    assert processes_in(project) == []
    with open(lock_path(out), "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # free: no error
    assert not staging_dir(out).exists()
    assert not cache_path(out).with_name(cache_path(out).name + ".tmp").exists()
    assert snapshot(out) == before


@pytest.mark.parametrize(
    ("jobs", "how", "code", "to_group"),
    [
        ("2", signal.SIGINT, 130, False),
        ("2", signal.SIGINT, 130, True),  # Ctrl-C in a terminal: the workers get it too
        ("4", signal.SIGINT, 130, True),
        ("2", signal.SIGTERM, 143, False),
        ("1", signal.SIGINT, 130, False),  # 130, not 1 ("findings had errors")
        ("1", signal.SIGTERM, 143, True),
    ],
    ids=["j2-int", "j2-int-group", "j4-int-group", "j2-term", "j1-int", "j1-term-group"],
)
def test_an_interrupted_build_stops_within_a_second_and_leaves_out_as_it_was(
    big_project: Path, jobs: str, how: signal.Signals, code: int, to_group: bool
) -> None:
    first = build_process(big_project)
    first.communicate(timeout=120)
    assert first.returncode == 0
    before = snapshot(big_project / "out")
    process = build_process(big_project, "--force", "--jobs", jobs)
    wait_for_staging(big_project, process)
    sent = time.monotonic()
    if to_group:
        os.killpg(process.pid, how)
    else:
        process.send_signal(how)
    try:
        _, errors = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise AssertionError("the build hung after the signal") from None
    stopped = time.monotonic() - sent
    assert process.returncode == code, errors.decode()
    assert stopped < 1.0, f"took {stopped:.2f} s"
    assert b"Traceback" not in errors
    assert_clean_stop(big_project, before)
    # The next build runs as ever.
    again = build_process(big_project)
    again.communicate(timeout=120)
    assert again.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[tuple[Path, dict[str, object]]]:
    """A folder on a 2 MB tmpfs (as root), else a folder and a 2 MB file-size limit for the
    build's process."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() == 0 and shutil.which("mount"):
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
            capture_output=True,
            check=False,
        )
        if mounted.returncode == 0:
            try:
                yield disk, {}
            finally:
                subprocess.run(["umount", "-l", str(disk)], check=False)
            return

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails (EFBIG) instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (2 << 20, 2 << 20))

    yield disk, {"preexec_fn": limit}


@pytest.mark.parametrize("jobs", ["1", "2", "4"])
def test_a_full_disk_is_a_one_line_error_and_leaves_nothing_behind(
    big_project: Path, small_disk: tuple[Path, dict[str, object]], jobs: str
) -> None:
    disk, options = small_disk
    out = disk / "out"
    process = build_process(big_project, "--out", str(out), "--jobs", jobs, **options)
    try:
        _, errors = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise AssertionError("the build hung on a full disk") from None
    message = errors.decode()
    left = sorted(p.name for p in disk.iterdir())
    assert process.returncode == 1, message
    lines = message.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot write /"), message
    assert "No space left on device" in lines[0] or "File too large" in lines[0], message
    assert processes_in(big_project) == [], message
    assert left in ([], [".out.lock"]), (left, message)
