"""The CLI through click's CliRunner: exit codes, summary, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_export.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_build_sample_prints_summary_and_warning(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "content/nerveafklemning.md:3: warning: date-order: lastUpdated (2024-02-24) is before "
        "datePublished (2025-02-19); dateModified uses datePublished"
    )
    assert "Built 1 article into out/ (0 unchanged, 0 skipped)" in result.output
    assert "0 errors, 1 warning" in result.output
    assert "For robots.txt: Sitemap: https://www.fysfinder.dk/sitemap.xml" in result.output
    assert (project / "out" / "nerveafklemning" / "head.html").is_file()
    assert (project / "out" / "sitemap.xml").is_file()


def test_build_with_a_broken_article_exits_1(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "content" / "broken.md").write_text("---\ntitle: [x\n---\n", encoding="utf-8")
    monkeypatch.chdir(project)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 1
    assert "content/broken.md:2: error: yaml-invalid:" in result.output
    assert "Built 1 article" in result.output
    assert "1 skipped" in result.output


def test_bad_settings_exit_2_listing_every_problem(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "seo-export.toml").write_text('site_nam = "x"\nlanguage = 7\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.output.splitlines()[1:] == [
        f"  {tmp_path / 'seo-export.toml'}{problem}"
        for problem in (
            ":1: site_nam: unknown key; did you mean 'site_name'?",
            ":2: language: 7 is not of type 'string'",
            ": base_url: required key is missing",
            ": site_name: required key is missing",
        )
    ]


def test_missing_content_folder_is_one_line_exit_2(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    result = runner.invoke(main, ["build", "--content", "nowhere"])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: content folder not found: nowhere"


def test_unknown_option_is_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["build", "--no-such-option"])
    assert result.exit_code == 2
    assert "No such option" in result.output


def test_second_build_writes_nothing_and_says_so(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    assert runner.invoke(main, ["build"]).exit_code == 0
    before = {p: p.stat().st_mtime_ns for p in (project / "out").rglob("*")}
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0
    assert "Nothing changed: no file written." in result.output
    assert "(1 unchanged, 0 skipped)" in result.output
    assert {p: p.stat().st_mtime_ns for p in (project / "out").rglob("*")} == before


def test_python_m_runs_the_cli() -> None:
    import subprocess
    import sys

    completed = subprocess.run(
        [sys.executable, "-m", "seo_export", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0
    assert completed.stdout.startswith("seo-export, version ")
