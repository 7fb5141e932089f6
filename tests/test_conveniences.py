"""init, explain and build --watch: the commands an SEO team uses every day."""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_export.build.site import build_site
from seo_export.build.watch import watch
from seo_export.checks.registry import all_codes
from seo_export.cli import main
from seo_export.config.settings import Settings, load_settings
from seo_export.errors import SeoExportError
from seo_export.project.init import DEFAULTS, Answers, init_project, settings_text

# init


def test_init_with_defaults_gives_a_project_that_builds_clean(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--yes"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Wrote {tmp_path / 'seo-export.toml'}",
        f"Wrote {tmp_path / 'content' / 'tennis-elbow.md'}",
        "Next: seo-export build   (then seo-export report, or seo-export validate)",
    ]
    settings = load_settings(tmp_path / "seo-export.toml")
    assert (settings.base_url, settings.site_name, settings.language) == (
        "https://www.example.com",
        "My health site",
        "en",
    )
    built = build_site(settings)
    assert built.built == 1
    assert {item.code for item in built.findings} == {"google-faq-rich-results", "about-type"}
    schema = (tmp_path / "out" / "tennis-elbow" / "schema.jsonld").read_text("utf-8")
    assert '"url":"https://www.example.com/articles/tennis-elbow/"' in schema.replace(" ", "")


def test_init_asks_when_not_told(tmp_path: Path) -> None:
    answers = "https://www.fysio.dk/\nFysio Klinik\nda-DK\n"
    result = CliRunner().invoke(main, ["init", str(tmp_path)], input=answers)
    assert result.exit_code == 0, result.output
    assert "Base URL of the site [https://www.example.com]: " in result.output
    settings = load_settings(tmp_path / "seo-export.toml")
    assert (settings.base_url, settings.site_name, settings.language) == (
        "https://www.fysio.dk",
        "Fysio Klinik",
        "da-DK",
    )
    data = tomllib.loads((tmp_path / "seo-export.toml").read_text("utf-8"))
    assert data["date_order"] == "day-first"
    assert data["publisher"] == {"name": "Fysio Klinik", "url": "https://www.fysio.dk/"}


@pytest.mark.parametrize(
    ("language", "order"), [("en", "month-first"), ("en-US", "month-first"), ("en-GB", "day-first")]
)
def test_init_reads_dates_the_way_the_language_writes_them(language: str, order: str) -> None:
    text = settings_text(Answers("https://x.example", "X", language))
    assert tomllib.loads(text)["date_order"] == order


def test_init_quotes_answers_as_toml_strings() -> None:
    text = settings_text(Answers("https://x.example", 'Klinik "Ryg" & Co\\', "da"))
    assert tomllib.loads(text)["site_name"] == 'Klinik "Ryg" & Co\\'


def test_init_keeps_existing_articles_and_settings(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "mine.md").write_text("---\ntitle: Mine\n---\n", encoding="utf-8")
    assert init_project(tmp_path, DEFAULTS) == [tmp_path / "seo-export.toml"]
    assert sorted(p.name for p in (tmp_path / "content").iterdir()) == ["mine.md"]
    before = (tmp_path / "seo-export.toml").read_bytes()
    again = CliRunner().invoke(main, ["init", str(tmp_path), "-y"])
    assert again.exit_code == 2
    assert "seo-export.toml exists already; edit it, or remove it first" in again.output
    assert (tmp_path / "seo-export.toml").read_bytes() == before


def test_init_rejects_a_bad_answer_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "nye" / "ny-side"  # two folders init makes
    result = CliRunner().invoke(main, ["init", str(folder), "-y", "--base-url", "fysio.dk"])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "Error: the answers do not make valid settings; nothing was written:",
        "  base_url: 'fysio.dk' is not an absolute URI",
        "  publisher.url: 'fysio.dk/' is not an absolute URI",
    ]
    assert list(tmp_path.iterdir()) == []  # not even the folder it made


# explain


def test_explain_a_code() -> None:
    result = CliRunner().invoke(main, ["explain", "title-too-long"])
    assert result.exit_code == 0
    info = all_codes()["title-too-long"]
    assert result.output == (
        "title-too-long (warning, reported by the article check title-length)\n\n"
        f"What it means: {info.meaning}\nHow to fix it: {info.fix}\n"
    )


def test_explain_an_unknown_code_suggests_close_ones() -> None:
    result = CliRunner().invoke(main, ["explain", "titel-too-long"])
    assert result.exit_code == 2
    assert result.output.startswith(
        "Error: no finding code 'titel-too-long'. Did you mean title-too-long"
    )


def test_explain_takes_any_case_and_lists_a_family() -> None:
    upper = CliRunner().invoke(main, ["explain", "TITLE-TOO-LONG"])
    assert upper.exit_code == 0
    assert upper.output == CliRunner().invoke(main, ["explain", "title-too-long"]).output
    family = CliRunner().invoke(main, ["explain", "vocab-"])
    assert family.exit_code == 0
    assert [line.split()[0] for line in family.output.splitlines()] == [
        code for code in all_codes() if code.startswith("vocab-")
    ]


def test_explain_without_a_code_lists_every_code() -> None:
    result = CliRunner().invoke(main, ["explain"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    codes = all_codes()
    assert [line.split()[0] for line in lines] == list(codes)
    assert all(codes[line.split()[0]].severity.value == line.split()[1] for line in lines)


def test_every_code_is_explained() -> None:
    for code, info in all_codes().items():
        assert info.meaning.endswith((".", ")")) and info.fix.endswith((".", ")")), code
        assert len(info.fix) > 15, code


# build --watch: the loop itself, with the pause replaced by edits


def test_watch_yields_after_each_change_and_survives_broken_settings(project: Path) -> None:
    article = project / "content" / "nerveafklemning.md"
    settings_file = project / "seo-export.toml"
    good_settings = settings_file.read_text("utf-8")
    edits: list[Callable[[], None]] = [
        lambda: None,  # nothing changed: no build
        lambda: article.write_text(article.read_text("utf-8") + "\nMere tekst.\n", "utf-8"),
        lambda: settings_file.write_text(good_settings + "\nno_such_key = 1\n", "utf-8"),
        lambda: None,
        lambda: settings_file.write_text(good_settings, "utf-8"),
        lambda: (project / "content" / "ny.md").write_text("---\ntitle: Ny\n---\n\nTekst.\n"),
    ]
    pauses: list[float] = []

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        if not edits:
            raise KeyboardInterrupt
        edits.pop(0)()

    seen: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        for item in watch(lambda: load_settings(settings_file), 0.5, sleep=pause):
            seen.append(type(item).__name__ if isinstance(item, Settings) else f"error: {item}")
    assert len(pauses) == 7 and set(pauses) == {0.5}
    assert seen[0] == seen[1] == "Settings"
    assert seen[2].startswith("error: ") and "no_such_key" in seen[2]
    assert seen[3:] == ["Settings", "Settings"]


def test_watch_needs_good_settings_to_start(tmp_path: Path) -> None:
    (tmp_path / "seo-export.toml").write_text("base_url = 3\n", encoding="utf-8")
    changes = watch(lambda: load_settings(tmp_path / "seo-export.toml"), 0.1)
    with pytest.raises(SeoExportError, match="base_url"):
        next(changes)


# build --watch: the command, in a real process, stopped with Ctrl-C


class Lines:
    """A process's output lines, read on a thread so a test can wait for one."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.queue: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        assert process.stdout is not None
        stream = process.stdout
        threading.Thread(
            target=lambda: [self.queue.put(line) for line in stream], daemon=True
        ).start()

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.queue.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} in {timeout}s; saw {self.seen!r}")


@contextlib.contextmanager
def watching(project: Path, *options: str) -> Iterator[tuple[subprocess.Popen[str], Lines]]:
    """``seo-export build --watch [options]`` running in ``project``, and its output lines;
    killed at the end if it is still running."""
    process = subprocess.Popen(
        [sys.executable, "-m", "seo_export", "build", "--watch", "--interval", "0.1", *options],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        yield process, Lines(process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT to the watcher")
def test_build_watch_rebuilds_on_change_and_stops_on_ctrl_c(project: Path) -> None:
    with watching(project) as (process, lines):
        first = lines.wait_for("Watching for changes")
        assert "built 1 article (0 unchanged, 0 skipped); 0 errors, 1 warning." in first
        article = project / "content" / "nerveafklemning.md"
        text = article.read_text("utf-8")
        article.write_text(
            text.replace("metaTitle: Nerveafklemning – ", "metaTitle: Klemt nerve – "), "utf-8"
        )
        second = lines.wait_for("Watching for changes")
        assert "built 1 article (0 unchanged, 0 skipped)" in second
        head = (project / "out" / "nerveafklemning" / "head.html").read_text("utf-8")
        assert "<title>Klemt nerve – Hvad er nerveafklemning? Læs mere</title>" in head
        (project / "content" / "broken.md").write_text("---\ntitle: [x\n---\n", "utf-8")
        assert "broken.md:2: error: " in lines.wait_for("broken.md")
        third = lines.wait_for("Watching for changes")
        assert "built 0 articles (1 unchanged, 1 skipped); 1 error, 1 warning." in third
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        lines.wait_for("Stopped watching.")


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT to the watcher")
def test_build_watch_waits_for_a_reader_and_still_builds_the_change(project: Path) -> None:
    from seo_export.build.emit import reading_lock

    with watching(project) as (process, lines):
        lines.wait_for("Watching for changes")
        article = project / "content" / "nerveafklemning.md"
        text = article.read_text("utf-8")
        with reading_lock(project / "out"):  # a report or bundle reading out/ meanwhile
            article.write_text(
                text.replace("metaTitle: Nerveafklemning – ", "metaTitle: Klemt nerve – "),
                "utf-8",
            )
            assert "Waiting: a seo-export command is reading" in lines.wait_for("Waiting")
            time.sleep(1)  # ten looks at out/ meanwhile
        assert "built 1 article" in lines.wait_for("Watching for changes")
        assert sum("Waiting" in line for line in lines.seen) == 1  # said once
        head = (project / "out" / "nerveafklemning" / "head.html").read_text("utf-8")
        assert "<title>Klemt nerve – Hvad er nerveafklemning? Læs mere</title>" in head
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT to the watcher")
def test_build_watch_keeps_force_for_the_next_change_when_the_first_build_fails(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seo_export.build.emit import lock_path

    monkeypatch.chdir(project)
    second = project / "content" / "andet.md"
    article = project / "content" / "nerveafklemning.md"
    second.write_text(article.read_text("utf-8").replace("Nerveafklemning", "Andet emne"), "utf-8")
    assert CliRunner().invoke(main, ["build", "--quiet"], catch_exceptions=False).exit_code == 0
    blocker = lock_path(project / "out")
    blocker.unlink()
    blocker.mkdir()  # the lock file cannot be opened: the forced build fails
    with watching(project, "--force") as (process, lines):
        assert "Error: cannot create the lock file" in lines.wait_for("Error")
        blocker.rmdir()
        article.write_text(article.read_text("utf-8") + "\nEt nyt afsnit.\n", "utf-8")
        rebuilt = lines.wait_for("Watching for changes")
        assert "built 2 articles (0 unchanged, 0 skipped)" in rebuilt  # still forced
        second.write_text(second.read_text("utf-8") + "\nEt nyt afsnit.\n", "utf-8")
        assert "built 1 article (1 unchanged, 0 skipped)" in lines.wait_for("Watching for")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
