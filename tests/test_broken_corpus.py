"""The broken corpus: one defect per case file, each yielding exactly its expected findings.

- ``*.md``: an article through ``seo-export validate`` (errors and warnings; info left out);
- ``*.jsonld``: a hand-broken copy of the sample's graph through the graph schema and
  every document check;
- ``*.html``: a page through ``seo-export check`` (errors and warnings).

Each ``<name>.expected.json`` is written by hand: ``[severity, code, line, where]``, where
``where`` is the front-matter key (articles) or the JSONPath (documents, pages).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from seo_export.checks.validation import document_findings
from seo_export.config.settings import Settings
from seo_export.model import Finding
from seo_export.pages.check import audit_page
from seo_export.project.validate import validate_project

from conftest import SAMPLE

BROKEN = Path(__file__).parent / "cases" / "broken"
CASES = sorted(p for p in BROKEN.iterdir() if p.suffix in (".md", ".jsonld", ".html"))


def test_the_corpus_has_at_least_25_distinct_defects() -> None:
    assert len(CASES) >= 25
    codes = {row[1] for case in CASES for row in expected_of(case)}
    assert len(codes) >= 25, sorted(codes)


def expected_of(case: Path) -> list[list[Any]]:
    return list(json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8")))


def rows(findings: list[Finding], where: str, keep_info: bool) -> list[list[Any]]:
    return [
        [f.severity.value, f.code, f.line, getattr(f, where)]
        for f in findings
        if keep_info or f.severity.value != "info"
    ]


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_broken_case(case: Path, settings: Settings) -> None:
    if case.suffix == ".md":
        report = validate_project(settings, [case])
        findings = [f for unit in report.units[:1] for f in unit.findings]
        assert {f.file for f in findings} <= {str(case.resolve())} | {
            str(case.relative_to(case.parents[3]))
        }
        actual = rows(findings, "key", keep_info=False)
    elif case.suffix == ".jsonld":
        document = json.loads(case.read_text(encoding="utf-8"))
        actual = rows(document_findings(document, case.name), "json_path", keep_info=True)
    else:
        findings, _ = audit_page(case.read_text(encoding="utf-8"), case.name)
        actual = rows(findings, "json_path", keep_info=False)
    assert sorted(actual, key=str) == sorted(expected_of(case), key=str)


def test_the_unbroken_sample_has_none_of_these_findings(settings: Settings) -> None:
    from seo_export.build.article import build_article

    result = build_article(SAMPLE.read_text(encoding="utf-8"), settings)
    assert result.jsonld is not None
    assert document_findings(result.jsonld, "sample") == []
