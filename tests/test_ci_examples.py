"""The pre-commit hook and the GitHub Actions example run what they say, and fail when they should."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import lxml.etree
import pytest
import yaml
from click.testing import CliRunner, Result

from seo_export.cli import main

from conftest import REPO

BROKEN = "---\ntitle: Ondt\ndatePublished: 31/02/2024\n---\n\nTekst.\n"


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run(command: str, project: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    """A documented `seo-export ...` command line, run in ``project``."""
    words = shlex.split(command)
    assert words[0] == "seo-export", command
    monkeypatch.chdir(project)
    return CliRunner().invoke(main, words[1:])


def test_pre_commit_hook_runs_validate_on_the_project(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (hook,) = load_yaml(REPO / ".pre-commit-hooks.yaml")
    assert hook["id"] == "seo-export-validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    wanted = ["content/a.md", "content/da/b.markdown", "seo-export.toml", "pyproject.toml"]
    assert all(files.search(path) for path in wanted)
    assert not any(files.search(path) for path in ["static/logo.png", "my-seo-export.toml.bak"])
    assert run(hook["entry"], project, monkeypatch).exit_code == 0
    (project / "content" / "broken.md").write_text(BROKEN, encoding="utf-8")
    failed = run(hook["entry"], project, monkeypatch)
    assert failed.exit_code == 1
    assert "content/broken.md" in failed.output


def test_github_workflow_writes_junit_fails_on_errors_and_keeps_the_report(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workflow = load_yaml(REPO / "docs" / "github-actions.yml")
    steps = {step.get("name"): step for step in workflow["jobs"]["validate"]["steps"]}
    validate = steps["Validate"]["run"]
    annotate = steps["Annotate the files with findings"]
    upload = steps["Upload the JUnit report"]
    assert upload["if"] == "always()"
    assert annotate["if"] == "failure() && steps.validate.outcome == 'failure'"
    report = project / upload["with"]["path"]

    assert run(validate, project, monkeypatch).exit_code == 0
    suite = lxml.etree.parse(str(report)).getroot()
    assert int(suite.xpath("sum(//testsuite/@failures)")) == 0

    (project / "content" / "broken.md").write_text(BROKEN, encoding="utf-8")
    assert run(validate, project, monkeypatch).exit_code == 1
    suite = lxml.etree.parse(str(report)).getroot()
    failing = suite.xpath("//testcase[failure]/@name")
    assert any("broken.md" in name for name in failing), failing

    annotations = run(annotate["run"], project, monkeypatch)
    assert annotations.exit_code == 1
    assert "::error file=content/broken.md,line=3" in annotations.output
