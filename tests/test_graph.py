"""The JSON-LD graph: golden documents, and the invariants every graph must keep."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from seo_export.build.article import build_article
from seo_export.checks import run_document_checks
from seo_export.checks.nodes import collect_nodes, walk_nodes
from seo_export.config.settings import Settings

from conftest import SAMPLE

GRAPHS = Path(__file__).parent / "cases" / "graphs"
CASES = [SAMPLE, *sorted(GRAPHS.glob("*.md"))]
IDS = [path.stem for path in CASES]


def graph_of(path: Path, settings: Settings) -> dict[str, Any]:
    # No file name: the slug is the title's, as the golden files were made.
    result = build_article(path.read_text(encoding="utf-8"), settings)
    assert result.jsonld is not None, result.findings
    return dict(result.jsonld)


def references(value: Any) -> Iterator[str]:
    """Every {"@id": ...} reference (a dict with only @id) anywhere in value."""
    if isinstance(value, dict):
        if set(value) == {"@id"}:
            yield value["@id"]
        for child in value.values():
            yield from references(child)
    elif isinstance(value, list):
        for child in value:
            yield from references(child)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_graph_matches_golden(
    case: Path, settings: Settings, check_golden: Callable[[Path, str], None]
) -> None:
    text = json.dumps(graph_of(case, settings), ensure_ascii=False, indent=2) + "\n"
    check_golden(GRAPHS / f"{case.stem}.expected.jsonld", text)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_graph_invariants(case: Path, settings: Settings) -> None:
    document = graph_of(case, settings)
    assert document["@context"] == "https://schema.org"
    nodes = document["@graph"]
    ids = [node["@id"] for node in nodes]
    assert len(ids) == len(set(ids)), "duplicate @id"
    assert set(references(nodes)) <= set(ids), "dangling @id reference"
    page = nodes[0]
    types = page["@type"] if isinstance(page["@type"], list) else [page["@type"]]
    faq_pages = [
        n
        for n in nodes
        if "FAQPage" in (n["@type"] if isinstance(n["@type"], list) else [n["@type"]])
    ]
    if "mainEntity" in page:
        assert types == ["MedicalWebPage", "FAQPage"]
        assert len(faq_pages) == 1
        questions = {n["@id"]: n for n in nodes if n["@type"] == "Question"}
        assert [ref["@id"] for ref in page["mainEntity"]] == list(questions)
        for question in questions.values():
            assert question["acceptedAnswer"]["@type"] == "Answer"
            assert question["acceptedAnswer"]["text"].strip()
    else:
        assert types == ["MedicalWebPage"]
        assert faq_pages == []
    condition = next(n for n in nodes if n["@id"] == page["about"]["@id"])
    assert condition["@type"] == "MedicalCondition"
    assert list(nodes[0])[:2] == ["@type", "@id"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_graph_is_deterministic(case: Path, settings: Settings) -> None:
    text = case.read_text(encoding="utf-8")
    first = build_article(text, settings, path="a.md")
    second = build_article(text, settings, path="a.md")
    assert first.files == second.files
    assert first.head_html == second.head_html


def test_sample_graph_has_the_issue_s_entities(settings: Settings) -> None:
    nodes = graph_of(SAMPLE, settings)["@graph"]
    condition = next(n for n in nodes if n["@type"] == "MedicalCondition")

    def names(prop: str) -> list[str]:
        return [item["name"] for item in condition[prop]]

    # Precision first: a relative clause ("smerte, der stråler ...") and a generic word
    # ("skader") are left out; the cue phrases of tests and treatments are read.
    assert names("signOrSymptom") == [
        "smerte",
        "følelsesløshed",
        "prikken",
        "muskelsvaghed",
        "følelse af stikninger",
        "brænden i det berørte område",
    ]
    assert names("cause") == [
        "overbelastning",
        "betændelse",
        "hernierede skiver",
        "gentagne bevægelser",
        "stillesiddende livsstil",
    ]
    assert names("primaryPrevention") == [
        "livsstilsændringer",
        "sund vægt",
        "undgå gentagne bevægelser",
    ]
    assert names("riskFactor") == [
        "overvægt",
        "stillesiddende livsstil",
        "gentagne bevægelser",
        "diabetes",
        "gigt",
    ]
    assert names("typicalTest") == ["fysisk undersøgelse", "MR-scanning", "CT-scanning"]
    assert {item["@type"] for item in condition["signOrSymptom"]} == {"MedicalSignOrSymptom"}
    assert {item["@type"] for item in condition["cause"]} == {"MedicalCause"}
    assert {item["@type"] for item in condition["riskFactor"]} == {"MedicalRiskFactor"}
    assert {item["@type"] for item in condition["primaryPrevention"]} == {"MedicalTherapy"}
    assert "expectedPrognosis" not in condition
    assert condition["description"].startswith("Nerveafklemning er en tilstand")


def test_faq_answer_with_list_and_link_is_restricted_html(settings: Settings) -> None:
    nodes = graph_of(GRAPHS / "faq-list-link.md", settings)["@graph"]
    first, second = (n for n in nodes if n["@type"] == "Question")
    assert first["acceptedAnswer"]["text"] == (
        "<p>Gør disse ting:</p><ul><li>Søg <strong>læge</strong> ved stærke smerter</li>"
        '<li>Læs <a href="https://www.fysfinder.dk/guides/piskesmaeld/">vores guide</a> og '
        '<a href="https://www.sst.dk/">Sundhedsstyrelsen</a></li>'
        "<li>Undgå [farlige links](javascript:alert(1)) og &lt;script&gt;alert(1)&lt;/script&gt;</li></ul>"
    )
    # A one-paragraph answer is plain text.
    assert second["acceptedAnswer"]["text"] == "For de fleste går det over på nogle uger."


def test_front_matter_overrides(settings: Settings) -> None:
    nodes = graph_of(GRAPHS / "front-matter-overrides.md", settings)["@graph"]
    page, condition = nodes[0], nodes[1]
    assert condition["alternateName"] == ["Ischias", "Lumbal radikulopati"]
    assert condition["code"] == [
        {"@type": "MedicalCode", "codeValue": "M54.3", "codingSystem": "ICD-10"},
        {"@type": "MedicalCode", "codeValue": "ME84.20", "codingSystem": "ICD-11"},
    ]
    assert [s["name"] for s in condition["signOrSymptom"]] == [
        "smerter i balden",
        "udstråling i benet",
    ]
    assert "cause" not in condition  # an empty list switches the property off
    assert [(t["@type"], t["name"]) for t in condition["possibleTreatment"]] == [
        ("PhysicalTherapy", "fysioterapi"),
        ("MedicalTherapy", "smertestillende medicin"),
        ("MedicalTherapy", "operation"),
    ]
    assert page["lastReviewed"] == "2025-04-01"
    assert page["reviewedBy"] == {"@id": "https://www.fysfinder.dk/#person-mette-hansen"}
    assert nodes[-1] == {
        "@type": "Person",
        "@id": "https://www.fysfinder.dk/#person-mette-hansen",
        "name": "Mette Hansen",
        "url": "https://www.fysfinder.dk/fysioterapeuter/mette-hansen/",
    }
    assert page["dateModified"] == "2025-04-02T09:30:00+02:00"
    assert page["name"] == "Iskias – symptomer, årsager og behandling"
    assert page["headline"] == "Iskias"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_checks_walk_every_node_in_document_order(case: Path, settings: Settings) -> None:
    document = graph_of(case, settings)
    assert collect_nodes(document) == [node for _, node in walk_nodes(document)]


def test_the_checks_walk_a_document_nested_deeper_than_python_recurses() -> None:
    # Pages are anyone's: a JSON-LD block nested deeper than Python's recursion limit is
    # walked (the first levels by recursion, the rest with a stack), in the same order, and
    # what is at its bottom found.
    depth = 3 * sys.getrecursionlimit()
    deep: Any = {"@id": "https://x.example/#nowhere"}
    for level in range(depth):
        deep = {"@type": "Thing", "@id": f"https://x.example/#n{level}", "about": [deep]}
    nodes = collect_nodes(deep)
    assert len(nodes) == depth + 1
    assert nodes == [node for _, node in walk_nodes(deep)]
    [dangling] = run_document_checks(deep, skip=("vocabulary",))
    assert dangling.code == "jsonld-dangling-id"
    assert dangling.json_path == "$" + ".about[0]" * depth
