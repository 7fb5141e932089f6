"""Each extraction rule on its own case: front matter, list items, prose enumerations."""

from __future__ import annotations

import pytest

from seo_export.build.article import build_article
from seo_export.config.settings import Settings
from seo_export.read.extract import split_enumeration

from helpers import typed_as


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The sample site's, every article a MedicalCondition: these tests read a condition's
    properties (its type's own rules are tests/test_about.py's)."""
    return typed_as(settings)


def entities(
    settings: Settings, body: str, front: str = ""
) -> dict[str, list[tuple[str, str, int | None]]]:
    text = f"---\ntitle: Test\n{front}---\n\nIntro.\n\n{body}"
    article = build_article(text, settings).article
    assert article is not None
    return {
        prop: [(item.name, item.source, item.line) for item in items]
        for prop, items in article.entities.items()
    }


def test_rule_1_front_matter_list_wins_over_the_text(settings: Settings) -> None:
    found = entities(
        settings,
        "## Symptomer\n\nSymptomer inkluderer smerte og prikken.\n",
        "symptoms:\n  - hovedpine\n  - svimmelhed\n",
    )
    assert found == {
        "signOrSymptom": [("hovedpine", "front-matter", 4), ("svimmelhed", "front-matter", 5)]
    }


def test_rule_1_empty_list_switches_the_property_off(settings: Settings) -> None:
    found = entities(settings, "## Symptomer\n\n- smerte\n- prikken\n", "signOrSymptom: []\n")
    assert found == {}


def test_rule_2_list_items_and_bold_lead_ins(settings: Settings) -> None:
    found = entities(
        settings,
        "## Årsager\n\nDer er flere årsager, herunder disse:\n\n- **Skader**: fx efter fald\n- overbelastning\n",
    )
    # The list wins over the cue in the same section.
    assert found == {"cause": [("Skader", "list", 11), ("overbelastning", "list", 12)]}


def test_rule_3_prose_with_comma_before_the_final_og(settings: Settings) -> None:
    found = entities(
        settings,
        "## Symptomer\n\nSymptomer omfatter smerte, der stråler ud i arme eller ben, prikken, og svaghed.\n",
    )
    assert [name for name, _, _ in found["signOrSymptom"]] == [
        "smerte, der stråler ud i arme eller ben",
        "prikken",
        "svaghed",
    ]
    assert {source for _, source, _ in found["signOrSymptom"]} == {"prose"}
    assert {line for _, _, line in found["signOrSymptom"]} == {9}


def test_rule_3_prose_without_comma_splits_on_the_final_conjunction(settings: Settings) -> None:
    found = entities(
        settings, "## Forebyggelse\n\nDet handler om vaner såsom motion, søvn og en sund kost.\n"
    )
    assert [name for name, _, _ in found["primaryPrevention"]] == ["motion", "søvn", "en sund kost"]


def test_rule_3_the_sentence_end_closes_the_list(settings: Settings) -> None:
    found = entities(
        settings,
        "## Årsager\n\nÅrsager inkluderer skader og betændelse. Det kan også skyldes arv, miljø og alder.\n",
    )
    assert [name for name, _, _ in found["cause"]] == ["skader", "betændelse"]


def test_no_list_and_no_cue_gives_nothing_and_says_so(settings: Settings) -> None:
    text = "---\ntitle: Test\n---\n\nIntro.\n\n## Behandling\n\nMedicin, injektioner eller kirurgi kan hjælpe.\n"
    result = build_article(text, settings)
    assert result.article is not None and result.article.entities == {}
    assert [(f.code, f.line) for f in result.findings if f.code.startswith("section-")] == [
        ("section-no-items", 7)
    ]


def test_faq_questions_map_like_headings(settings: Settings) -> None:
    found = entities(
        settings,
        "## Ofte stillede spørgsmål\n\n### Hvad er risikofaktorerne?\n\nRisikofaktorer inkluderer rygning og alder.\n",
    )
    assert found == {"riskFactor": [("rygning", "prose", 11), ("alder", "prose", 11)]}


def test_physiotherapy_items_are_typed_physical_therapy(settings: Settings) -> None:
    text = "---\ntitle: T\n---\n\nI.\n\n## Behandling\n\n- Fysioterapi\n- Medicin\n\n## Hvordan kan fysioterapi hjælpe?\n\n- Øvelser\n"
    article = build_article(text, settings)
    assert article.jsonld is not None
    condition = article.jsonld["@graph"][1]  # type: ignore[index]
    assert [(t["@type"], t["name"]) for t in condition["possibleTreatment"]] == [
        ("PhysicalTherapy", "Fysioterapi"),
        ("MedicalTherapy", "Medicin"),
        ("PhysicalTherapy", "Øvelser"),
    ]


def test_items_are_unique_per_property(settings: Settings) -> None:
    found = entities(
        settings, "## Symptomer\n\n- Smerte\n\n## Flere symptomer\n\n- smerte\n- prikken\n"
    )
    assert [name for name, _, _ in found["signOrSymptom"]] == ["Smerte", "prikken"]


@pytest.mark.parametrize(
    ("span", "items"),
    [
        ("A, B og C", ["A", "B", "C"]),
        ("A, B, og C", ["A", "B", "C"]),
        ("A og B", ["A", "B"]),
        ("A", ["A"]),
        ("A, der er slem, og B", ["A, der er slem", "B"]),
        ("A, B, osv", ["A", "B"]),
        ("pain, numbness, and tingling", ["pain", "numbness", "tingling"]),
        (
            "rest, physiotherapy and, in some cases, injections",
            ["rest", "physiotherapy", "in some cases, injections"],
        ),
        ("strain, which hurts, or overuse", ["strain, which hurts", "overuse"]),
    ],
)
def test_split_enumeration(span: str, items: list[str], settings: Settings) -> None:
    assert split_enumeration(span, settings) == items
