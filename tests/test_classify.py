"""The type of an article's subject, read from its text: rules tried on short sentences.

Each case is a title, its headings and an opening sentence written for the test (in
the style of a health glossary, Danish and English), with the type the rules must
give and a word the evidence must name, so that a rule that decides for the wrong
reason fails too.
"""

from __future__ import annotations

import pytest

from seo_export.checks.vocabulary import builtin_vocabulary
from seo_export.domain.entity_types import (
    ENTITY_TYPES,
    THING,
    entity_type,
    type_named,
    type_names,
)
from seo_export.read.classify import classify
from seo_export.read.phrases import detect_language, lexicon, lookup, read_definition

# fmt: off
CASES = [
    # Danish
    ("Cykling", ["Fordele ved cykling", "Kom godt i gang"],
     "Cykling er en populær sport, hvor man bevæger sig på to hjul.", "da",
     "PhysicalActivity", "-> sport"),
    ("Albue", ["Albuens opbygning", "Muskler omkring albuen"],
     "Albuen er et led mellem overarmen og underarmen.", "da",
     "AnatomicalStructure", "-> led"),
    ("Knæartrose", ["Symptomer", "Årsager", "Behandling"],
     "Knæartrose er en sygdom, hvor brusken i knæet nedbrydes.", "da",
     "MedicalCondition", "-> sygdom"),
    ("Skinnebensbetændelse", [],
     "Skinnebensbetændelse er en overbelastningsskade på forsiden af skinnebenet.", "da",
     "MedicalCondition", "overbelastningsskade"),
    ("Hovedpine", ["Årsager til hovedpine", "Hvad hjælper"],
     "Hovedpine er en smerte i hovedet, som de fleste oplever.", "da",
     "MedicalSignOrSymptom", "symptom"),
    ("Middelhavskost", ["Hvad spiser man"],
     "Middelhavskost er en kostform med mange grøntsager og olivenolie.", "da",
     "Diet", "kostform"),
    ("Dopamin", [], "Dopamin er et signalstof i hjernen.", "da", "Substance", "signalstof"),
    ("Kryoterapi", ["Hvordan foregår behandlingen"],
     "Kryoterapi er en behandlingsform, hvor kulde lindrer smerter, ofte hos fysioterapeuten.",
     "da", "PhysicalTherapy", "physiotherapy context"),
    ("Akupunktur", [], "Akupunktur er en behandlingsform, hvor tynde nåle stikkes i huden.",
     "da", "MedicalTherapy", "no physiotherapy context"),
    ("MR-scanning", [], "En MR-scanning er en undersøgelse, der viser kroppens bløde væv.",
     "da", "MedicalTest", "undersøgelse"),
    ("Ældre", [], "Ældre er en befolkningsgruppe med særlige behov.", "da",
     "Thing", "befolkningsgruppe"),
    ("Nervesystemet", [], "Nervesystemet er et system af nerver, der styrer kroppen.", "da",
     "AnatomicalSystem", "system"),
    ("Kinesiotape", [], "Kinesiotape er en elastisk tape, der sættes på huden.", "da",
     "MedicalDevice", "tape"),
    ("Ømme fødder", ["Årsager"], "Mange oplever ømme fødder efter en lang dag.", "da",
     "MedicalSignOrSymptom", "sign (ømme)"),
    ("Albue anatomi", [], "", "da", "AnatomicalStructure", "anatomi"),
    ("Padel", [], "Padel er en form for ketchersport, der spilles i par.", "da",
     "PhysicalActivity", "form for ketchersport"),
    ("Svimmelhed", [], "Svimmelhed er ikke en sygdom, men et symptom på noget andet.", "da",
     "MedicalSignOrSymptom", "symptom"),
    ("Ergonomi", [], "Ergonomi er en proces inden for fysioterapi, hvor arbejdet tilpasses.",
     "da", "PhysicalTherapy", "inden for fysioterapi"),
    ("Kropsholdning", [], "Kropsholdning er den tilstand, hvor kroppen holdes oprejst.",
     "da", "Thing", "a state in general"),
    ("Træningsprogram for løbere", [],
     "Et træningsprogram er en plan for, hvilke øvelser du laver hvornår.", "da",
     "ExercisePlan", "træningsprogram"),
    # English
    ("Cycling", ["Benefits of cycling", "How to get started"],
     "Cycling is a popular sport and a form of transport.", "en", "PhysicalActivity", "sport"),
    ("Elbow", ["Structure of the elbow"],
     "The elbow is a joint between the upper arm and the forearm.", "en",
     "AnatomicalStructure", "joint"),
    ("Plantar fasciitis", ["Symptoms", "Causes", "Treatment"],
     "Plantar fasciitis is an inflammation of the band of tissue under the foot.", "en",
     "MedicalCondition", "inflammation"),
    ("Headache", ["Causes of headache"],
     "A headache is a pain in the head that most people feel at some point.", "en",
     "MedicalSignOrSymptom", "pain"),
    ("Ketogenic diet", ["Foods to eat"], "The ketogenic diet is a diet low in carbohydrates.",
     "en", "Diet", "diet"),
    ("Massage", [], "Massage is a manual therapy where muscles are kneaded.", "en",
     "PhysicalTherapy", "manual therapy"),
    ("Blood test", [], "A blood test is a test that measures substances in the blood.", "en",
     "MedicalTest", "test"),
    ("Surgery", [], "Surgery is a treatment in which a surgeon operates on the body.", "en",
     "MedicalTherapy", "treatment"),
    ("Older adults", [], "Older adults are people over 65.", "en", "Thing", "people"),
    ("Melatonin", [], "Melatonin is a hormone that the body makes at night.", "en",
     "Substance", "hormone"),
    ("Runner's knee", ["Symptoms", "Causes", "Diagnosis", "Treatment"], "", "en",
     "MedicalCondition", "headings"),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_the_text_gives_the_type_for_the_right_reason(
    case: tuple[str, list[str], str, str, str, str],
) -> None:
    title, headings, intro, language, expected, evidence = case
    found, why = classify(title, headings, intro, language)
    assert (found, evidence in why) == (expected, True), why


def test_no_evidence_is_the_fallback_thing_with_a_reason() -> None:
    assert classify("Foo", [], "Foo er noget, vi ofte taler om.", "da") == (
        THING,
        "no type evidence: the definition's head 'noget' is unknown or too generic",
    )
    assert classify("Qwerty", [], "", "en")[0] == THING


def test_a_body_part_with_a_symptom_list_is_never_a_condition_for_its_name_alone() -> None:
    # "Tennisalbue" is named after a body part; the name alone says nothing of its type
    found, why = classify("Tennisalbue", [], "", "da")
    assert found == THING, why


def test_language_is_detected_from_function_words_and_the_site_wins_a_tie() -> None:
    assert detect_language("Cycling is a sport and the best of them", "da") == "en"
    assert detect_language("Cykling er en sport, og den er af de bedste", "en") == "da"
    assert detect_language("Xyz", "en") == "en"
    assert detect_language("Xyz", "fr") == "da"


def test_compounds_are_read_by_their_last_part_and_light_nouns_by_their_complement() -> None:
    assert lookup("overbelastningsskade", "da").kind == "MedicalCondition"
    assert lookup("ketchersport", "da").kind == "PhysicalActivity"
    assert lookup("halvmåneformet", "da").kind is None  # no "form"
    definition = read_definition("Padel er en form for ketchersport.", "Padel", lexicon("da"))
    assert definition.head is not None
    assert (definition.head.word, definition.head.via) == ("ketchersport", "form for")


def test_a_copula_in_a_subordinate_clause_defines_nothing() -> None:
    definition = read_definition(
        "Blødningen opstår, når der er en skade på karret.", "Blødning", lexicon("da")
    )
    assert definition.head is None


def test_every_type_is_a_schema_org_class_and_every_alias_names_one_type() -> None:
    vocabulary = builtin_vocabulary()
    for name in type_names():
        assert name in vocabulary.classes, name
        assert vocabulary.is_a(name, ("Thing",)), name
        medical = vocabulary.is_a(name, ("MedicalEntity",))
        assert medical == entity_type(name).medical, name
    words = [w.casefold() for row in ENTITY_TYPES for w in (row.name, *row.aliases)]
    assert len(words) == len(set(words))


def test_editors_words_name_types() -> None:
    assert type_named("Diet") == type_named("diet") == type_named("kost") == "Diet"
    assert type_named("https://schema.org/AnatomicalStructure") == "AnatomicalStructure"
    assert type_named("schema:PhysicalActivity") == "PhysicalActivity"
    assert type_named("post") is None
    assert type_named(3) is None
