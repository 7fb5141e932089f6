"""The main-entity property table: consistent in itself, with schema.org, and the one source.

The recipe (a row added to the table flows through every stage) is proven in
tests/test_recipes.py.
"""

from __future__ import annotations

from seo_export.build.article import build_article
from seo_export.checks.vocabulary import Vocabulary, builtin_vocabulary
from seo_export.config.settings import Settings, default_sections
from seo_export.domain.entity_types import type_names
from seo_export.domain.properties import (
    MAIN_ENTITY_PROPERTIES,
    entity_keys,
    entity_property,
    properties_of,
    property_names,
    rule_item_types,
)
from seo_export.read.fields import known_keys

from conftest import RELEASE


def test_names_and_front_matter_keys_belong_to_one_row_each() -> None:
    keys = [key for prop in MAIN_ENTITY_PROPERTIES for key in prop.front_matter_keys]
    assert len(keys) == len(set(keys)) == len(entity_keys())
    assert len(set(property_names())) == len(MAIN_ENTITY_PROPERTIES)
    # A property key that is also a field key would be read twice, as two things.
    assert entity_keys() & known_keys() == frozenset()
    assert entity_property("cause").aliases == ("causes",)


def test_each_row_is_a_property_of_each_of_its_types_with_the_right_range() -> None:
    vocabulary = builtin_vocabulary()
    for prop in MAIN_ENTITY_PROPERTIES:
        term = vocabulary.properties[prop.name]
        assert prop.types, prop.name
        for type_name in prop.types:  # schema.org gives the property to the type or a parent
            assert vocabulary.ancestors(type_name) & set(term.domains), (prop.name, type_name)
        if prop.item_type is None:
            assert "Text" in term.ranges, prop.name
        else:
            assert vocabulary.ancestors(prop.item_type) & set(term.ranges), prop.name


def test_every_item_type_is_a_schema_org_type() -> None:
    release = Vocabulary.from_release(RELEASE)
    for prop in MAIN_ENTITY_PROPERTIES:
        for item_type in prop.item_types:
            assert "MedicalEntity" in release.ancestors(item_type), (prop.name, item_type)


def test_the_default_section_map_follows_the_table() -> None:
    rules = default_sections()
    assert [rule["property"] for rule in rules] == [
        prop.name for prop in MAIN_ENTITY_PROPERTIES for _ in prop.heading_rules
    ]
    # A special rule (physiotherapy) is tried before its property's general headings.
    treatment = [rule for rule in rules if rule["property"] == "possibleTreatment"]
    assert treatment == [
        {
            "property": "possibleTreatment",
            "headings": ["fysioterapi", "physiotherap", "physical therap"],
            "item_type": "PhysicalTherapy",
        },
        {"property": "possibleTreatment", "headings": ["behandl", "treat", "therap"]},
    ]
    assert rule_item_types() == (
        "MedicalSignOrSymptom",
        "MedicalCause",
        "MedicalRiskFactor",
        "MedicalTest",
        "MedicalTherapy",
        "PhysicalTherapy",
        "MedicalCondition",
        "AnatomicalStructure",
        "MedicalEntity",
    )


def test_no_property_of_a_condition_goes_on_a_body_part_a_sport_or_a_thing() -> None:
    names = {type_name: {p.name for p in properties_of(type_name)} for type_name in type_names()}
    assert names["Thing"] == set()
    for other in ("AnatomicalStructure", "PhysicalActivity", "Diet", "Substance", "MedicalTest"):
        assert not names[other] & names["MedicalCondition"], other
    assert names["MedicalSignOrSymptom"] == names["MedicalCondition"]
    assert names["AnatomicalStructure"] == {"relatedCondition"}
    assert "signOrSymptom" not in names["AnatomicalStructure"] | names["PhysicalActivity"]


def test_a_text_property_with_several_items_is_a_valid_list_of_texts(settings: Settings) -> None:
    # One prognosis item is a text; several were a list that failed the schema (jsonld-schema),
    # so the article was not written.
    text = (
        "---\ntitle: T\nschemaType: sygdom\n---\n\nIntro.\n\n## Prognose\n\n- god\n- rigtig god\n"
    )
    result = build_article(text, settings)
    assert result.built
    assert [f.code for f in result.findings if f.severity.value == "error"] == []
    assert result.jsonld is not None
    assert result.jsonld["@graph"][1]["expectedPrognosis"] == ["god", "rigtig god"]
