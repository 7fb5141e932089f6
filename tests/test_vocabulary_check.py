"""The vocabulary check knows the whole of schema.org: no false finding on any of its terms.

Every class of the release, with every property that belongs to it and a fitting value of
every range of each, goes through ``seo-export check`` as a page per class, and so does every
enumeration member; schema.org's own examples (JSON-LD, microdata and RDFa) and the markup of
other sites' pages give no finding either; what is not schema.org still does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from seo_export.checks import run_document_checks
from seo_export.checks.vocabulary import Vocabulary, builtin_vocabulary
from seo_export.cli import main

from conftest import RELEASE, SCHEMAORG_EXAMPLES

SCHEMA = "https://schema.org/"

# A fitting literal for each data type of schema.org; the ones not named here are Text.
DATA_VALUES: dict[str, Any] = {
    "Boolean": True,
    "Date": "2025-02-19",
    "DateTime": "2025-02-19T10:30:00+01:00",
    "Time": "10:30:00",
    "Number": 1.5,
    "Integer": 3,
    "Float": 0.25,
    "URL": "https://example.org/a",
    "Quantity": "7 ft",
    "Distance": "180 cm",
    "Duration": "PT30M",
    "Energy": "300 kcal",
    "Mass": "5 kg",
    "CssSelectorType": "#main",
    "XPathType": "/html/body",
}


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return builtin_vocabulary()


def check_pages(pages: dict[str, str], folder: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """``seo-export check --format json`` over ``pages`` (name -> HTML) written into ``folder``."""
    folder.mkdir()
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(folder), "--format", "json", *args])
    return result.exit_code, json.loads(result.output)


def vocab_findings(report: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(page, code, message, JSONPath) of every vocabulary finding in a check report."""
    return [
        (Path(unit["name"]).name, f["code"], f["message"], f.get("json_path", ""))
        for unit in report["units"]
        for f in unit["findings"]
        if f["code"].startswith("vocab-")
    ]


def page(*blocks: Any, body: str = "") -> str:
    """An HTML page with each of ``blocks`` as a JSON-LD script, and ``body``."""
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(block)}</script>\n' for block in blocks
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>A page</title>\n'
        f"{scripts}</head><body>{body}</body></html>\n"
    )


# Every class with every property and every range ---------------------------------------------


def current(vocabulary: Vocabulary, names: Iterable[str]) -> list[str]:
    return sorted(name for name in names if name not in vocabulary.superseded)


def value_of(vocabulary: Vocabulary, range_name: str) -> Any:
    """A fitting value of ``range_name``: a literal, an enumeration member's URL, or a node."""
    if vocabulary.is_a(range_name, vocabulary.data_types):
        fitting = [kind for kind in DATA_VALUES if vocabulary.is_a(range_name, (kind,))]
        # The most specific kind: Integer before Number, Distance before Quantity.
        fitting.sort(key=lambda kind: -len(vocabulary.ancestors(kind)))
        return DATA_VALUES[fitting[0]] if fitting else "text"
    members = current(vocabulary, (m for m, of in vocabulary.members.items() if range_name in of))
    if members:
        return SCHEMA + members[0]
    return {"@type": range_name}


def properties_of(vocabulary: Vocabulary, name: str) -> list[str]:
    """Every current property whose domain holds ``name`` or one of its superclasses."""
    mine = vocabulary.ancestors(name)
    return [
        prop
        for prop in current(vocabulary, vocabulary.properties)
        if mine & set(vocabulary.properties[prop].domains)
    ]


def class_node(vocabulary: Vocabulary, name: str) -> dict[str, Any]:
    """A node of class ``name`` with each of its properties, one value per range."""
    node: dict[str, Any] = {"@context": "https://schema.org", "@type": name}
    for prop in properties_of(vocabulary, name):
        ranges = vocabulary.properties[prop].ranges
        node[prop] = [value_of(vocabulary, r) for r in ranges]
    return node


def test_every_class_with_every_property_and_range_passes_check(
    vocabulary: Vocabulary, tmp_path: Path
) -> None:
    # Data types too: a node may be a PronounceableText, with its phoneticText.
    classes = current(vocabulary, vocabulary.classes)
    assert len(classes) > 900
    pages = {f"{name}.html": page(class_node(vocabulary, name)) for name in classes}
    used = {prop for name in classes for prop in properties_of(vocabulary, name)}
    # Every current property sits on some current class, so every one is fed to the check,
    # but for those of superseded classes alone (the superseded test feeds them).
    assert (
        set(current(vocabulary, vocabulary.properties)) - used
        == {
            prop
            for prop in current(vocabulary, vocabulary.properties)
            if all(
                domain in vocabulary.superseded for domain in vocabulary.properties[prop].domains
            )
        }
        == {"commentText", "commentTime", "discusses", "replyToUrl"}
    )
    # One page that is not schema.org, so the run shows that the check looked.
    pages["typos.html"] = page({"@context": "https://schema.org", "@type": "Persn", "nmae": "A"})
    code, report = check_pages(pages, tmp_path / "site", "--select", "vocab-")
    assert vocab_findings(report) == [
        (
            "typos.html",
            "vocab-unknown-type",
            "Persn is not a schema.org type; did you mean Person?",
            "$['@type']",
        ),
        (
            "typos.html",
            "vocab-unknown-property",
            "nmae is not a schema.org property; did you mean name?",
            "$.nmae",
        ),
    ]
    assert code == 1
    assert sorted(Path(unit["name"]).name for unit in report["units"]) == sorted([*pages, "site"])


def test_every_enumeration_member_passes_check_as_a_value(
    vocabulary: Vocabulary, tmp_path: Path
) -> None:
    # For each member: a property one of its enumerations (or their superclasses) is a range
    # of, on a node of that property's first domain, with the member's URL as the value.
    nodes = []
    for member in current(vocabulary, vocabulary.members):
        enumerations = set().union(*(vocabulary.ancestors(e) for e in vocabulary.members[member]))
        prop = next(
            p
            for p in current(vocabulary, vocabulary.properties)
            if enumerations & set(vocabulary.properties[p].ranges)
            and vocabulary.properties[p].domains
        )
        domain = vocabulary.properties[prop].domains[0]
        nodes.append({"@type": domain, prop: SCHEMA + member})
    assert len(nodes) > 500
    nodes.append({"@type": "MedicalWebPage", "specialty": SCHEMA + "Cardiovascluar"})
    document = {"@context": "https://schema.org", "@graph": nodes}
    code, report = check_pages(
        {"members.html": page(document)}, tmp_path / "site", "--select", "vocab-"
    )
    assert vocab_findings(report) == [
        (
            "members.html",
            "vocab-wrong-range",
            "specialty: Cardiovascluar is not a schema.org term; did you mean Cardiovascular?",
            f"$['@graph'][{len(nodes) - 1}].specialty",
        )
    ]
    assert code == 1


def test_every_superseded_term_is_reported_with_its_replacement(vocabulary: Vocabulary) -> None:
    nodes: list[dict[str, Any]] = []
    expected = []
    for term, replacement in sorted(vocabulary.superseded.items()):
        if term in vocabulary.classes:
            # With the current properties of its own (UserComments' commentText, ...).
            node = class_node(vocabulary, term)
            del node["@context"]
            nodes.append(node)
            expected.append(f"type {term} is superseded by {replacement}")
        elif term in vocabulary.properties:
            prop = vocabulary.properties[term]
            node = {"@type": prop.domains[0] if prop.domains else "Thing"}
            node[term] = value_of(vocabulary, prop.ranges[0]) if prop.ranges else "text"
            nodes.append(node)
            expected.append(f"{term} is superseded by {replacement}")
    findings = run_document_checks({"@context": "https://schema.org", "@graph": nodes})
    assert sorted(f.message for f in findings if f.code.startswith("vocab-")) == sorted(expected)
    assert len(expected) == len([t for t in vocabulary.superseded if t not in vocabulary.members])


# schema.org's own examples ------------------------------------------------------------------


def example_pages() -> dict[str, str]:
    """Each example's microdata, RDFa and JSON-LD, as pages (an example may lack some)."""
    pages = {}
    for path in sorted(SCHEMAORG_EXAMPLES.glob("*.example.txt")):
        parts = re.split(
            r"^(PRE-MARKUP|MICRODATA|RDFA|JSON):\s*$", path.read_text(encoding="utf-8"), flags=re.M
        )
        blocks = dict(zip(parts[1::2], parts[2::2], strict=True))
        for kind in ("MICRODATA", "RDFA", "JSON"):
            markup = blocks[kind].strip()
            if markup != "This example is JSON only.":
                name = f"{path.name.removesuffix('.example.txt')}-{kind.lower()}.html"
                pages[name] = f"<!DOCTYPE html><html><head><title>x</title></head>{markup}</html>"
    return pages


def test_schema_org_examples_pass_check_in_every_syntax(tmp_path: Path) -> None:
    pages = example_pages()
    assert len(pages) == 11
    code, report = check_pages(pages, tmp_path / "site", "--select", "vocab-,jsonld-,google-")
    # Only schema.org's own text where its ranges name a class (info: text is accepted).
    text_for_entity = "vocab-text-for-entity"
    code_text = "code expects MedicalCode; text is accepted but carries less meaning"
    heading = "mainContentOfPage expects WebPageElement; text is accepted but carries less meaning"
    assert vocab_findings(report) == [
        ("eg-0223-MedicalCondition-json.html", text_for_entity, code_text, "$.code.code"),
        ("eg-0223-MedicalCondition-microdata.html", text_for_entity, code_text, "$.code.code"),
        ("eg-0225-MedicalWebPage-json.html", text_for_entity, heading, "$.mainContentOfPage[0]"),
        ("eg-0225-MedicalWebPage-json.html", text_for_entity, heading, "$.mainContentOfPage[1]"),
        (
            "eg-0225-MedicalWebPage-microdata.html",
            text_for_entity,
            heading,
            "$.mainContentOfPage[0]",
        ),
        (
            "eg-0225-MedicalWebPage-microdata.html",
            text_for_entity,
            heading,
            "$.mainContentOfPage[1]",
        ),
    ]
    assert all(f["severity"] == "info" for u in report["units"] for f in u["findings"])
    assert code == 0


def test_schema_org_examples_pass_with_the_release_file_too() -> None:
    release = Vocabulary.from_release(RELEASE)
    for path in sorted(SCHEMAORG_EXAMPLES.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert run_document_checks(document) == run_document_checks(document, vocabulary=release)


# The terms a health site needs --------------------------------------------------------------

HEALTH_PAGE = {
    "@context": "https://schema.org",
    "@graph": [
        {
            "@type": "MedicalWebPage",
            "@id": "https://example.org/knae/#page",
            "url": "https://example.org/knae/",
            "name": "Knee pain",
            "inLanguage": "da-DK",
            "datePublished": "2025-02-19",
            "dateModified": "2025-03-01T09:00:00+01:00",
            "lastReviewed": "2025-03-01",
            "reviewedBy": {"@id": "https://example.org/#physio"},
            "author": {"@id": "https://example.org/#physio"},
            "medicalAudience": "https://schema.org/Patient",
            "audience": {"@type": "Patient", "healthCondition": {"@id": "#condition"}},
            "specialty": ["https://schema.org/Physiotherapy", "https://schema.org/Musculoskeletal"],
            "about": {"@id": "#condition"},
            "primaryImageOfPage": {"@id": "#image"},
            "image": {
                "@type": "ImageObject",
                "url": "https://example.org/knae.jpg",
                "width": 1200,
                "height": 630,
                "caption": "A knee",
            },
            "mentions": [
                {"@id": "#activity"},
                {"@id": "#plan"},
                {"@id": "#diet"},
                {"@id": "#substance"},
            ],
        },
        {
            "@type": "ImageObject",
            "@id": "#image",
            "contentUrl": "https://example.org/knae-2.jpg",
            "width": {"@type": "QuantitativeValue", "value": 800, "unitCode": "E37"},
            "height": {"@type": "QuantitativeValue", "value": 600, "unitText": "px"},
            "encodingFormat": "image/jpeg",
        },
        {
            "@type": "MedicalCondition",
            "@id": "#condition",
            "name": "Runner's knee",
            "alternateName": "Patellofemoral pain syndrome",
            "code": {"@type": "MedicalCode", "codeValue": "M22.2", "codingSystem": "ICD-10"},
            "associatedAnatomy": {
                "@type": "AnatomicalStructure",
                "name": "Knee joint",
                "bodyLocation": "knee",
                "partOfSystem": {"@type": "AnatomicalSystem", "name": "Musculoskeletal system"},
                "connectedTo": {"@type": "AnatomicalStructure", "name": "Patella"},
                "relatedTherapy": {"@id": "#therapy"},
            },
            "signOrSymptom": [
                {"@type": "MedicalSymptom", "name": "Pain around the kneecap"},
                {"@type": "MedicalSign", "name": "Crepitus", "identifyingTest": {"@id": "#test"}},
                {"@type": "MedicalSignOrSymptom", "name": "Swelling"},
            ],
            "cause": {"@type": "MedicalCause", "name": "Overuse"},
            "riskFactor": {
                "@type": "MedicalRiskFactor",
                "name": "Running",
                "increasesRiskOf": {"@id": "#condition"},
            },
            "typicalTest": {"@id": "#test"},
            "differentialDiagnosis": {
                "@type": "DDxElement",
                "diagnosis": {"@type": "MedicalCondition", "name": "Osteoarthritis"},
                "distinguishingSign": {
                    "@type": "MedicalSignOrSymptom",
                    "name": "Morning stiffness",
                },
            },
            "possibleTreatment": [
                {"@id": "#therapy"},
                {
                    "@type": "MedicalTherapy",
                    "name": "Pain relief",
                    "contraindication": "Kidney disease",
                },
                {"@type": "Drug", "name": "Ibuprofen", "nonProprietaryName": "ibuprofen"},
            ],
            "primaryPrevention": {"@type": "PhysicalTherapy", "name": "Hip strengthening"},
            "secondaryPrevention": {"@type": "LifestyleModification", "name": "Weight loss"},
            "possibleComplication": "Chronic pain",
            "epidemiology": "Common in runners.",
            "expectedPrognosis": "Good with exercise.",
            "naturalProgression": "Improves over months.",
            "pathophysiology": "Overload of the patellofemoral joint.",
            "stage": {"@type": "MedicalConditionStage", "stageAsNumber": 1, "subStageSuffix": "A"},
            "status": "https://schema.org/Recruiting",
            "relevantSpecialty": "https://schema.org/Physiotherapy",
            "drug": {"@type": "Drug", "name": "Paracetamol"},
        },
        {
            "@type": "PhysicalTherapy",
            "@id": "#therapy",
            "name": "Strength training for the thigh",
            "contraindication": {"@type": "MedicalContraindication", "name": "Acute injury"},
            "seriousAdverseOutcome": {"@type": "MedicalEntity", "name": "Strain"},
            "duplicateTherapy": {"@type": "MedicalTherapy", "name": "Home exercises"},
            "bodyLocation": "thigh",
            "procedureType": "https://schema.org/NoninvasiveProcedure",
            "howPerformed": "Three sets of ten.",
            "adverseOutcome": {"@type": "MedicalEntity", "name": "Soreness"},
        },
        {
            "@type": "MedicalTest",
            "@id": "#test",
            "name": "Patellar grind test",
            "usedToDiagnose": {"@id": "#condition"},
            "normalRange": "No pain",
            "signDetected": {"@type": "MedicalSign", "name": "Pain on compression"},
            "usesDevice": {"@type": "MedicalDevice", "name": "Goniometer"},
            "affectedBy": {"@type": "Drug", "name": "Painkillers"},
        },
        {
            "@type": "PhysicalActivity",
            "@id": "#activity",
            "name": "Cycling",
            "category": ["https://schema.org/AerobicActivity", "Cardio"],
            "associatedAnatomy": {"@type": "AnatomicalSystem", "name": "Muscles of the leg"},
            "epidemiology": "Popular.",
            "pathophysiology": "Loads the knee less than running.",
        },
        {
            "@type": "ExercisePlan",
            "@id": "#plan",
            "name": "Knee programme",
            "activityDuration": "PT30M",
            "activityFrequency": "3 times a week",
            "additionalVariable": "Add weight after two weeks",
            "exerciseType": "Strength",
            "intensity": {"@type": "QuantitativeValue", "value": 6, "unitText": "RPE"},
            "repetitions": 10,
            "restPeriods": "PT1M",
            "workload": "150 kcal",
            "category": "https://schema.org/StrengthTraining",
            "author": {"@id": "https://example.org/#physio"},
        },
        {
            "@type": "Diet",
            "@id": "#diet",
            "name": "Anti-inflammatory diet",
            "dietFeatures": "Fish, vegetables",
            "endorsers": {"@type": "Organization", "name": "Example clinic"},
            "expertConsiderations": "Ask your doctor.",
            "physiologicalBenefits": "Less inflammation.",
            "risks": "None known.",
        },
        {
            "@type": "Substance",
            "@id": "#substance",
            "name": "Glucosamine",
            "activeIngredient": "glucosamine sulfate",
            "maximumIntake": {
                "@type": "MaximumDoseSchedule",
                "doseValue": 1500,
                "doseUnit": "mg",
                "frequency": "daily",
                "targetPopulation": "adults",
            },
        },
        {
            "@type": "Person",
            "@id": "https://example.org/#physio",
            "name": "A. Physio",
            "jobTitle": "Physiotherapist",
            "honorificSuffix": "MSc",
            "knowsAbout": [{"@id": "#condition"}, "Sports injuries"],
            "affiliation": {"@type": "MedicalClinic", "name": "Example clinic"},
            "hasCredential": {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "license",
                "recognizedBy": {"@type": "Organization", "name": "Danish Health Authority"},
            },
            "image": {
                "@type": "ImageObject",
                "url": "https://example.org/physio.jpg",
                "width": "400",
                "height": "400 px",
            },
            "sameAs": "https://www.linkedin.com/in/example",
        },
    ],
}


def test_the_terms_a_health_site_needs_pass(tmp_path: Path) -> None:
    findings = run_document_checks(HEALTH_PAGE)
    assert [(f.code, f.message, f.json_path) for f in findings] == []
    wrong = json.loads(json.dumps(HEALTH_PAGE))
    wrong["@graph"][2]["relevantSpecialty"] = "https://schema.org/InStock"
    wrong["@graph"][6]["repetitions"] = "ten"
    findings = run_document_checks(wrong)
    assert [(f.code, f.message, f.json_path) for f in findings] == [
        (
            "vocab-wrong-range",
            "relevantSpecialty takes MedicalSpecialty, not InStock (ItemAvailability)",
            "$['@graph'][2].relevantSpecialty",
        ),
        (
            "vocab-wrong-range",
            "repetitions: 'ten' is not Number",
            "$['@graph'][6].repetitions",
        ),
    ]


# The markup other sites publish ---------------------------------------------------------------
# Written for these tests in the shapes that common site generators and plugins give (an SEO
# plugin's @graph, a shop's product, a recipe, a clinic, an event, a menu in microdata).

OTHER_SITES = {
    "seo-plugin.html": {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": ["WebPage", "FAQPage"],
                "@id": "https://example.org/blog/post/",
                "url": "https://example.org/blog/post/",
                "name": "A post",
                "isPartOf": {"@id": "https://example.org/#website"},
                "primaryImageOfPage": {"@id": "https://example.org/blog/post/#primaryimage"},
                "image": {"@id": "https://example.org/blog/post/#primaryimage"},
                "thumbnailUrl": "https://example.org/a.jpg",
                "datePublished": "2024-05-01T08:00:00+00:00",
                "dateModified": "2024-05-02T08:00:00+00:00",
                "breadcrumb": {"@id": "https://example.org/blog/post/#breadcrumb"},
                "inLanguage": "da-DK",
                "potentialAction": [
                    {"@type": "ReadAction", "target": ["https://example.org/blog/post/"]}
                ],
                "mainEntity": [{"@id": "https://example.org/blog/post/#q1"}],
            },
            {
                "@type": "Question",
                "@id": "https://example.org/blog/post/#q1",
                "position": 1,
                "url": "https://example.org/blog/post/#q1",
                "name": "Why?",
                "answerCount": 1,
                "acceptedAnswer": {"@type": "Answer", "text": "Because.", "inLanguage": "da-DK"},
                "inLanguage": "da-DK",
            },
            {
                "@type": "ImageObject",
                "inLanguage": "da-DK",
                "@id": "https://example.org/blog/post/#primaryimage",
                "url": "https://example.org/a.jpg",
                "contentUrl": "https://example.org/a.jpg",
                "width": 1200,
                "height": 800,
                "caption": "A picture",
            },
            {
                "@type": "BreadcrumbList",
                "@id": "https://example.org/blog/post/#breadcrumb",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": 1,
                        "name": "Home",
                        "item": "https://example.org/",
                    },
                    {"@type": "ListItem", "position": 2, "name": "A post"},
                ],
            },
            {
                "@type": "WebSite",
                "@id": "https://example.org/#website",
                "url": "https://example.org/",
                "name": "Example",
                "description": "A site",
                "publisher": {"@id": "https://example.org/#organization"},
                "potentialAction": [
                    {
                        "@type": "SearchAction",
                        "target": {
                            "@type": "EntryPoint",
                            "urlTemplate": "https://example.org/?s={search_term_string}",
                        },
                        "query-input": {
                            "@type": "PropertyValueSpecification",
                            "valueRequired": True,
                            "valueName": "search_term_string",
                        },
                    }
                ],
                "inLanguage": "da-DK",
            },
            {
                "@type": "Organization",
                "@id": "https://example.org/#organization",
                "name": "Example",
                "url": "https://example.org/",
                "logo": {
                    "@type": "ImageObject",
                    "inLanguage": "da-DK",
                    "@id": "https://example.org/#/schema/logo/image/",
                    "url": "https://example.org/logo.png",
                    "contentUrl": "https://example.org/logo.png",
                    "width": 512,
                    "height": 512,
                    "caption": "Example",
                },
                "image": {"@id": "https://example.org/#/schema/logo/image/"},
                "sameAs": ["https://www.facebook.com/example"],
            },
        ],
    },
    "search-box.html": {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "url": "https://example.org/",
        "potentialAction": {
            "@type": "SearchAction",
            "target": "https://example.org/search?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    },
    "shop.html": {
        "@context": "https://schema.org/",
        "@type": "Product",
        "name": "Foam roller",
        "image": ["https://example.org/roller.jpg"],
        "description": "A roller.",
        "sku": "FR-1",
        "gtin13": "5701234567890",
        "brand": {"@type": "Brand", "name": "Rollco"},
        "additionalProperty": [
            {"@type": "PropertyValue", "name": "Length", "value": 45, "unitCode": "CMT"}
        ],
        "weight": {"@type": "QuantitativeValue", "value": 0.4, "unitCode": "KGM"},
        "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4.5", "reviewCount": "12"},
        "review": {
            "@type": "Review",
            "reviewRating": {"@type": "Rating", "ratingValue": 5, "bestRating": 5},
            "author": {"@type": "Person", "name": "A buyer"},
        },
        "offers": {
            "@type": "Offer",
            "url": "https://example.org/roller",
            "priceCurrency": "DKK",
            "price": "199.00",
            "priceValidUntil": "2026-12-31",
            "itemCondition": "https://schema.org/NewCondition",
            "availability": "https://schema.org/InStock",
            "shippingDetails": {
                "@type": "OfferShippingDetails",
                "shippingRate": {"@type": "MonetaryAmount", "value": 39, "currency": "DKK"},
                "deliveryTime": {
                    "@type": "ShippingDeliveryTime",
                    "handlingTime": {
                        "@type": "QuantitativeValue",
                        "minValue": 0,
                        "maxValue": 1,
                        "unitCode": "DAY",
                    },
                },
            },
            "hasMerchantReturnPolicy": {
                "@type": "MerchantReturnPolicy",
                "applicableCountry": "DK",
                "returnPolicyCategory": "https://schema.org/MerchantReturnFiniteReturnWindow",
                "merchantReturnDays": 30,
            },
        },
    },
    "recipe.html": {
        "@context": "https://schema.org",
        "@type": "Recipe",
        "name": "Porridge",
        "image": ["https://example.org/porridge.jpg"],
        "author": {"@type": "Person", "name": "A cook"},
        "datePublished": "2024-01-05",
        "prepTime": "PT5M",
        "cookTime": "PT10M",
        "totalTime": "PT15M",
        "keywords": "breakfast, oats",
        "recipeYield": "2",
        "recipeCategory": "Breakfast",
        "recipeCuisine": "Nordic",
        "nutrition": {"@type": "NutritionInformation", "calories": "300 calories"},
        "recipeIngredient": ["1 dl oats", "2 dl water"],
        "recipeInstructions": [
            {
                "@type": "HowToStep",
                "name": "Boil",
                "text": "Boil the water.",
                "url": "https://example.org/p#1",
            },
            {"@type": "HowToStep", "text": "Add the oats."},
        ],
        "video": {
            "@type": "VideoObject",
            "name": "How to",
            "description": "A video.",
            "thumbnailUrl": ["https://example.org/v.jpg"],
            "contentUrl": "https://example.org/v.mp4",
            "embedUrl": "https://example.org/embed/v",
            "uploadDate": "2024-01-05T08:00:00+01:00",
            "duration": "PT1M33S",
            "interactionStatistic": {
                "@type": "InteractionCounter",
                "interactionType": {"@type": "WatchAction"},
                "userInteractionCount": 1234,
            },
        },
    },
    "clinic.html": {
        "@context": "https://schema.org",
        "@type": ["MedicalClinic", "Physiotherapy"],
        "name": "Example physiotherapy",
        "image": "https://example.org/clinic.jpg",
        "url": "https://example.org/",
        "telephone": "+45 12 34 56 78",
        "priceRange": "$$",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Street 1",
            "addressLocality": "Aarhus",
            "postalCode": "8000",
            "addressCountry": "DK",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": 56.15, "longitude": 10.2},
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": ["https://schema.org/Monday", "Tuesday"],
                "opens": "08:00",
                "closes": "17:00",
            }
        ],
        "medicalSpecialty": "https://schema.org/Physiotherapy",
        "isAcceptingNewPatients": True,
        "areaServed": {"@type": "City", "name": "Aarhus"},
    },
    "event.html": {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Running clinic",
        "startDate": "2025-06-01T10:00:00+02:00",
        "endDate": "2025-06-01T12:00:00+02:00",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": "Park",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Odense",
                "addressCountry": "DK",
            },
        },
        "organizer": {"@type": "Organization", "name": "Example", "url": "https://example.org"},
        "offers": {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "DKK",
            "availability": "https://schema.org/InStock",
            "validFrom": "2025-05-01",
        },
        "performer": {"@type": "Person", "name": "A coach"},
    },
}

MENU_IN_MICRODATA = """
<nav itemscope itemtype="https://schema.org/SiteNavigationElement">
  <a itemprop="url" href="https://example.org/"><span itemprop="name">Home</span></a>
  <a itemprop="url" href="https://example.org/about/"><span itemprop="name">About</span></a>
</nav>
<div itemscope itemtype="https://schema.org/Person">
  <span itemprop="name">A. Author</span>, <span itemprop="jobTitle">Physiotherapist</span>
  <meta itemprop="birthDate" content="1980-01-01">
</div>
"""


def test_the_markup_of_other_sites_passes_check(tmp_path: Path) -> None:
    pages = {name: page(document) for name, document in OTHER_SITES.items()}
    pages["menu.html"] = page(body=MENU_IN_MICRODATA)
    # And one mistake, so the run shows that the check read these pages.
    pages["mistake.html"] = page(
        {"@context": "https://schema.org", "@type": "Physiotherapy", "isAcceptingNewPatients": True}
    )
    selected = "vocab-,jsonld-,google-faq-question,google-faq-answer"
    code, report = check_pages(pages, tmp_path / "site", "--select", selected)
    assert [
        (Path(u["name"]).name, f["code"], f["message"])
        for u in report["units"]
        for f in u["findings"]
    ] == [
        (
            "mistake.html",
            "vocab-wrong-domain",
            "isAcceptingNewPatients is not a property of Physiotherapy (it belongs to MedicalOrganization)",
        )
    ]
    assert code == 1
