"""seo-export validate and check through the CLI: formats, filters, exit codes, real vocabularies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from seo_export.build.article import build_article
from seo_export.checks import run_document_checks
from seo_export.checks.vocabulary import Vocabulary
from seo_export.cli import main
from seo_export.config.settings import Settings

from conftest import RELEASE, REPO, SAMPLE, SCHEMAORG_EXAMPLES, SITEMAP_XSDS


@pytest.fixture
def release() -> Vocabulary:
    return Vocabulary.from_release(RELEASE)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_validate_sample_is_clean_but_for_the_date_order_warning(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    code, output = run("validate", "--format", "json")
    assert code == 0, output
    data = json.loads(output)
    problems = [
        (f["code"], f.get("line"))
        for unit in data["units"]
        for f in unit["findings"]
        if f["severity"] != "info"
    ]
    assert problems == [("date-order", 3)]
    assert data["summary"]["error"] == 0 and data["summary"]["warning"] == 1
    assert not (project / "out").exists()  # validate writes nothing


def test_validate_strict_fails_on_the_warning_and_ignore_lets_it_pass(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    assert run("validate", "--strict")[0] == 1
    assert run("validate", "--strict", "--ignore", "date-order")[0] == 0
    _code, output = run("validate", "--select", "section-", "--format", "json")
    codes = {f["code"] for unit in json.loads(output)["units"] for f in unit["findings"]}
    assert codes == {"section-no-items"}


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_a_code_filter_that_matches_no_code_is_a_usage_error(
    project: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    # A typo in a CI gate's filter must not make it pass on nothing.
    monkeypatch.chdir(project)
    code, output = run("validate", "--strict", option, "date-order," + "date-ordr")
    assert code == 2
    assert output.splitlines()[-1] == (
        f"Error: Invalid value for '{option}': no finding code or family 'date-ordr'. "
        "Did you mean date-order, date-too-old, date-future? 'seo-export explain' lists them."
    )
    assert run("check", option, "nope-", ".")[0] == 2  # a family must have a member
    assert run("validate", option, "vocab-", option, "google*")[0] == 0  # families are fine


def test_validate_with_the_schema_org_release_and_the_sitemap_xsds(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    code, output = run(
        "validate", "-v", "--vocabulary", str(RELEASE), "--sitemap-schemas", str(SITEMAP_XSDS)
    )
    assert code == 0, output
    assert output.splitlines()[-1] == "1 file checked: 0 errors, 1 warning, 12 info"


def test_validate_broken_article_exits_1_with_github_annotations(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "content" / "bad.md").write_text(
        "---\ntitle: Bad\ndatePublished: '2025-13-45'\n---\n\nIntro.\n", encoding="utf-8"
    )
    monkeypatch.chdir(project)
    code, output = run("validate", "--format", "github")
    assert code == 1
    assert (
        "::error file=content/bad.md,line=3,title=date-invalid::datePublished: '2025-13-45' is not a date"
        in output.splitlines()
    )


def test_junit_report_has_one_testcase_per_article(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "content" / "bad.md").write_text("---\ntitle: [x\n---\n", encoding="utf-8")
    monkeypatch.chdir(project)
    code, output = run("validate", "--format", "junit", "--output", "report.xml")
    assert code == 1
    assert output.startswith("2 files checked: 1 error")
    tree = etree.parse(str(project / "report.xml"))
    cases = tree.findall(".//testcase")
    assert [c.get("name") for c in cases] == [
        "content/bad.md",
        "content/nerveafklemning.md",
        "site",
        "sitemaps",
    ]
    failures = tree.findall(".//testcase/failure")
    assert len(failures) == 1 and failures[0].get("type") == "yaml-invalid"
    assert tree.getroot().get("failures") == "1"


def test_schema_org_examples_pass_the_vocabulary_check(release: Vocabulary) -> None:
    examples = sorted(SCHEMAORG_EXAMPLES.glob("*.json"))
    assert len(examples) == 5
    for path in examples:
        findings = run_document_checks(
            json.loads(path.read_text(encoding="utf-8")), vocabulary=release
        )
        assert [f for f in findings if f.severity.value != "info"] == [], path.name


def test_release_catches_typos_wrong_types_text_answers_and_datetimes(
    settings: Settings, release: Vocabulary
) -> None:
    document = json.loads(
        json.dumps(build_article(SAMPLE.read_text(encoding="utf-8"), settings).jsonld)
    )
    graph = document["@graph"]
    graph[2]["acceptedAnswers"] = graph[2].pop("acceptedAnswer")
    graph[3]["acceptedAnswer"] = "Ja."
    graph[1]["headline"] = "on the wrong type"
    graph[0]["lastReviewed"] = "2025-03-01T10:00:00+01:00"
    graph[0]["inLangauge"] = "da-DK"
    found = {(f.code, f.json_path) for f in run_document_checks(document, vocabulary=release)}
    assert {
        ("vocab-unknown-property", "$['@graph'][2].acceptedAnswers"),
        ("google-faq-answer", "$['@graph'][3].acceptedAnswer"),
        ("vocab-text-for-entity", "$['@graph'][3].acceptedAnswer"),
        ("vocab-wrong-domain", "$['@graph'][1].headline"),
        ("vocab-wrong-range", "$['@graph'][0].lastReviewed"),
        ("vocab-unknown-property", "$['@graph'][0].inLangauge"),
    } <= found


def test_an_unknown_term_is_an_error_with_the_built_in_release_as_with_a_file(
    release: Vocabulary,
) -> None:
    document = {"@context": "https://schema.org", "@type": "Thing", "frobnicate": "x"}
    [found] = run_document_checks(document, vocabulary=release)
    assert (found.severity.value, found.code, found.message) == (
        "error",
        "vocab-unknown-property",
        f"frobnicate is not a schema.org property (checked against {RELEASE})",
    )
    [builtin] = run_document_checks(document)
    assert (builtin.severity.value, builtin.code, builtin.message) == (
        "error",
        "vocab-unknown-property",
        "frobnicate is not a schema.org property (checked against schema.org 30.0)",
    )


def test_check_audits_a_folder_of_built_pages(tmp_path: Path, settings: Settings) -> None:
    site = tmp_path / "site"
    cases = [*sorted((REPO / "tests" / "cases" / "graphs").glob("*.md")), SAMPLE]
    for case in cases:
        result = build_article(case.read_text(encoding="utf-8"), settings)
        assert result.head_html is not None and result.article is not None
        page = site / result.article.slug / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n{result.head_html}</head>\n'
            f"<body><h1>{result.article.title}</h1></body>\n</html>\n",
            encoding="utf-8",
        )
    shutil.copy(REPO / "tests" / "cases" / "broken" / "duplicate-title.html", site / "gammel.html")
    code, output = run("check", str(site), "--format", "json")
    assert code == 1
    data = json.loads(output)
    assert len(data["units"]) == len(cases) + 2  # the pages, the broken one, and the site note
    problems = {
        u["name"]: [f["code"] for f in u["findings"] if f["severity"] != "info"]
        for u in data["units"]
    }
    assert problems.pop(f"{site}/gammel.html") == ["page-duplicate-title"]
    assert all(codes == [] for codes in problems.values()), problems
    site_unit = next(u for u in data["units"] if u["name"] == "site")
    assert [f["code"] for f in site_unit["findings"]] == ["google-faq-rich-results"]
    assert run("check", str(site), "--ignore", "page-duplicate-title")[0] == 0


def test_validate_and_check_of_an_empty_folder_fail_when_strict(tmp_path: Path) -> None:
    # A CI gate pointed at the wrong folder must not pass on nothing.
    empty = tmp_path / "empty"
    empty.mkdir()
    code, output = run("validate", "--strict", "--format", "json", str(empty))
    assert code == 1
    findings = [f for unit in json.loads(output)["units"] for f in unit["findings"]]
    assert [(f["code"], f["message"]) for f in findings] == [
        ("content-empty", f"no article files (.md, .markdown, .txt) in {empty}")
    ]
    code, output = run("check", "--strict", "--format", "json", str(empty))
    assert code == 1
    findings = [f for unit in json.loads(output)["units"] for f in unit["findings"]]
    assert [(f["code"], f["message"]) for f in findings] == [
        ("pages-none", f"no HTML pages in {empty}")
    ]
    assert run("check", str(empty))[0] == 0  # a warning: fails only a strict gate


def test_check_needs_a_target() -> None:
    assert run("check")[0] == 2


def test_unreadable_vocabulary_file_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "v.jsonld"
    bad.write_text("{}", encoding="utf-8")
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>x</title></head></html>", encoding="utf-8")
    code, output = run("check", str(page), "--vocabulary", str(bad))
    assert code == 2
    assert "not a schema.org JSON-LD release" in output
