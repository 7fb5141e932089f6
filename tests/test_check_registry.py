"""One registry for checks of every kind: each declares its codes, and a check added in one
place is known to --select, explain, validate and check."""

from __future__ import annotations

import json
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from seo_export import checks
from seo_export.checks import registry
from seo_export.checks.document import DocumentContext
from seo_export.checks.nodes import types_of
from seo_export.checks.page import PageContext
from seo_export.checks.registry import (
    INFO,
    KINDS,
    CheckRegistry,
    Code,
    W,
    all_codes,
    checks_of,
    document_check,
    load_checks,
    page_check,
)
from seo_export.cli import main
from seo_export.findings.codes import STAGE_CODES
from seo_export.model import Finding


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch) -> CheckRegistry:
    """The built-in checks, in a registry of the test's own (gone after it)."""
    load_checks()
    copy = registry.REGISTRY.copy()
    monkeypatch.setattr(registry, "REGISTRY", copy)
    return copy


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_every_code_is_a_stage_code_or_declared_by_one_check() -> None:
    codes = all_codes()
    declared = [
        code.name for kind in KINDS for check in checks_of(kind.name) for code in check.codes
    ]
    assert len(declared) == len(set(declared))
    assert set(codes) == set(STAGE_CODES) | set(declared)
    assert len(codes) == len(STAGE_CODES) + len(declared)
    assert all(kind.listed_after in STAGE_CODES for kind in KINDS)


def test_each_check_module_is_named_after_the_kind_of_its_checks() -> None:
    load_checks()
    modules = {
        f"seo_export.checks.{info.name}"
        for info in pkgutil.iter_modules(checks.__path__)
        if info.name.startswith(tuple(f"{kind.name}_" for kind in KINDS))
    }
    registered = {
        (check.run.__module__, check.kind) for kind in KINDS for check in checks_of(kind.name)
    }
    assert {module for module, _ in registered} == modules
    for module, kind in registered:
        assert module.rsplit(".", 1)[1].startswith(f"{kind}_"), module


def test_a_code_declared_twice_is_refused(fresh_registry: CheckRegistry) -> None:
    twice = Code("date-order", INFO, "Already a stage's code.", "Choose another code name.")
    with pytest.raises(ValueError, match="'date-order' is declared twice"):
        document_check("again", twice)(lambda context: [])
    new = Code("page-new", INFO, "A new code.", "Declare it once, by one check.")
    with pytest.raises(ValueError, match="'page-new' is declared twice"):
        document_check("twice-in-one", new, new)(lambda context: [])
    assert "page-new" not in all_codes()


def _add_same_as_check() -> None:
    @document_check(
        "same-as",
        Code(
            "condition-no-same-as",
            INFO,
            "A MedicalCondition has no sameAs link to a knowledge base (Wikidata, MeSH).",
            "Add sameAs with the condition's Wikidata URL to the front matter.",
        ),
    )
    def same_as(context: DocumentContext) -> Iterator[Finding]:
        for node in context.nodes:
            if "MedicalCondition" in types_of(node) and "sameAs" not in node:
                yield context.finding(
                    "condition-no-same-as",
                    f"{node.get('name')!r} has no sameAs",
                    context.path(node),
                )


def findings_in(output: str) -> list[dict[str, Any]]:
    return [f for unit in json.loads(output)["units"] for f in unit["findings"]]


def test_a_check_added_in_one_place_is_selected_explained_and_reported(
    fresh_registry: CheckRegistry, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    assert run("validate", "--select", "condition-no-same-as")[0] == 2  # not yet a code
    _add_same_as_check()

    assert run("explain", "condition-no-same-as") == (
        0,
        "condition-no-same-as (info, reported by the document check same-as)\n\n"
        "What it means: A MedicalCondition has no sameAs link to a knowledge base (Wikidata, "
        "MeSH).\nHow to fix it: Add sameAs with the condition's Wikidata URL to the front "
        "matter.\n",
    )
    assert "condition-no-same-as" in run("explain", "condition-")[1]

    code, output = run("validate", "--select", "condition-no-same-as", "--format", "json")
    assert code == 0, output
    assert findings_in(output) == [
        {
            "severity": "info",
            "code": "condition-no-same-as",
            "message": "'Nerveafklemning' has no sameAs",
            "file": "content/nerveafklemning.md",
            "line": 2,
            "json_path": "$['@graph'][1]",
        }
    ]

    from seo_export.build.site import build_site
    from seo_export.config.settings import load_settings

    build_site(load_settings(project / "seo-export.toml"))
    head = (project / "out" / "nerveafklemning" / "head.html").read_text("utf-8")
    page = project / "page.html"
    page.write_text(f"<html><head>\n{head}</head><body></body></html>\n", "utf-8")
    code, output = run("check", "page.html", "--select", "condition-", "--format", "json")
    assert code == 0, output
    assert [(f["code"], f["file"], f["json_path"]) for f in findings_in(output)] == [
        ("condition-no-same-as", "page.html", "$['@graph'][1]")
    ]


def test_a_page_check_added_in_a_test_is_reported_by_check(
    fresh_registry: CheckRegistry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    @page_check(
        "language",
        Code(
            "page-no-lang",
            W,
            "The page's <html> element has no lang attribute.",
            'Write the language on the html element: <html lang="da">.',
        ),
    )
    def language(context: PageContext) -> Iterator[Finding]:
        if not context.tree.get("lang"):
            yield context.finding("page-no-lang", "<html> has no lang", context.tree.sourceline)

    (tmp_path / "a.html").write_text("<html>\n<head><title>A</title></head></html>\n", "utf-8")
    (tmp_path / "b.html").write_text('<html lang="da"><head></head></html>\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    code, output = run("check", ".", "--select", "page-no-lang", "--format", "json", "--strict")
    assert code == 1
    assert findings_in(output) == [
        {
            "severity": "warning",
            "code": "page-no-lang",
            "message": "<html> has no lang",
            "file": "a.html",
            "line": 1,
        }
    ]
    assert run("explain", "page-no-lang")[1].startswith(
        "page-no-lang (warning, reported by the page check language)\n"
    )


def test_the_faq_note_comes_from_one_site_check_for_articles_and_for_pages(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    note = {
        "severity": "info",
        "code": "google-faq-rich-results",
        "message": "1 page(s) have FAQPage markup: Google no longer shows FAQ rich results "
        "(since 7 May 2026); the markup stays valid for other consumers",
    }
    code, output = run("validate", "--select", "google-faq-rich-results", "--format", "json")
    assert (code, findings_in(output)) == (0, [note])
    assert run("build")[0] == 0
    head = (project / "out" / "nerveafklemning" / "head.html").read_text("utf-8")
    (project / "page.html").write_text(f"<html><head>{head}</head></html>\n", "utf-8")
    code, output = run("check", "page.html", "--select", "google-", "--format", "json")
    assert (code, findings_in(output)) == (0, [note])
    assert run("explain", "google-faq-rich-results")[1].startswith(
        "google-faq-rich-results (info, reported by the site check faq-rich-results)\n"
    )
