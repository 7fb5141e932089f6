"""Each extraction rule on its own case: front matter, list items, prose enumerations, and
the filter that leaves out what is not an entity.

The sentences are written for these tests in the style of health articles (Danish and
English); none is taken from an article."""

from __future__ import annotations

from pathlib import Path

import pytest

from seo_export.build.article import build_article
from seo_export.config.settings import Settings, load_settings

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


def names(found: dict[str, list[tuple[str, str, int | None]]], prop: str) -> list[str]:
    return [name for name, _, _ in found.get(prop, [])]


def left_out(settings: Settings, body: str) -> list[tuple[int | None, str]]:
    text = f"---\ntitle: Test\n---\n\nIntro.\n\n{body}"
    findings = build_article(text, settings).findings
    return [(f.line, f.message) for f in findings if f.code == "entity-left-out"]


@pytest.fixture
def english(tmp_path: Path) -> Settings:
    repo = Path(__file__).resolve().parent.parent
    return typed_as(
        load_settings(
            repo / "seo-export.toml",
            language="en",
            content_dir=str(tmp_path / "content"),
            out_dir=str(tmp_path / "out"),
        )
    )


@pytest.mark.parametrize(
    ("body", "prop", "expected"),
    [
        # a property's own cue phrase, with a copula
        (
            "## Symptomer\n\nTypiske symptomer er ømhed under hælen og stivhed om morgenen.\n",
            "signOrSymptom",
            ["ømhed under hælen", "stivhed om morgenen"],
        ),
        # a verb that introduces the list; the determiner goes
        (
            "## Årsager\n\nTilstanden kan skyldes overbelastning, gentagne vrid eller et fald.\n",
            "cause",
            ["overbelastning", "gentagne vrid", "fald"],
        ),
        (
            "## Behandling\n\nBehandlingen består af aflastning, is og øvelser for læggen.\n",
            "possibleTreatment",
            ["aflastning", "is", "øvelser for læggen"],
        ),
        # a cue that carries its property works in any section, the intro too
        (
            "## Om tilstanden\n\nDiagnosen stilles ved hjælp af CT- og MR-scanning.\n",
            "typicalTest",
            ["CT-scanning", "MR-scanning"],
        ),
        # "samt" joins the last item; a subordinate clause ends only its comma segment
        (
            "## Symptomer\n\nSymptomerne omfatter smerter i skulderen, især når armen løftes, "
            "samt nedsat kraft i hånden.\n",
            "signOrSymptom",
            ["smerter i skulderen", "nedsat kraft i hånden"],
        ),
        # a lone adjective shares the next noun
        (
            "## Symptomer\n\nTypiske tegn er hævede og varme led.\n",
            "signOrSymptom",
            ["hævede led", "varme led"],
        ),
        # prevention keeps actions, without their light verb
        (
            "## Forebyggelse\n\nForebyggelse handler om at holde en sund vægt og bruge gode sko.\n",
            "primaryPrevention",
            ["sund vægt", "gode sko"],
        ),
        # the subject of a treatment predicate, in a treatment section
        (
            "## Behandling\n\nMassage og akupunktur kan også hjælpe på smerterne.\n",
            "possibleTreatment",
            ["massage", "akupunktur"],
        ),
    ],
)
def test_danish_enumerations(settings: Settings, body: str, prop: str, expected: list[str]) -> None:
    assert names(entities(settings, body), prop) == expected


@pytest.mark.parametrize(
    ("body", "prop", "expected"),
    [
        (
            "## Symptoms\n\nCommon symptoms include sharp heel pain, stiffness in the morning "
            "and tenderness when standing.\n",
            "signOrSymptom",
            ["sharp heel pain", "stiffness in the morning", "tenderness"],
        ),
        (
            "## Causes\n\nIt is usually caused by repetitive strain, tight calf muscles or "
            "poorly cushioned footwear.\n",
            "cause",
            ["repetitive strain", "tight calf muscles", "poorly cushioned footwear"],
        ),
        (
            "## Causes\n\nObesity and long hours on hard floors can also increase the risk.\n",
            "riskFactor",
            ["obesity", "long hours on hard floors"],
        ),
        # the differential ("rule out ... a stress fracture") is not a test
        (
            "## Diagnosis\n\nThe diagnosis is based on a physical examination. Imaging such as "
            "X-ray or ultrasound may be used to rule out other conditions such as a stress fracture.\n",
            "typicalTest",
            ["physical examination", "X-ray", "ultrasound"],
        ),
        (
            "## Treatment\n\nTreatment consists of rest, ice, stretching exercises and night splints.\n",
            "possibleTreatment",
            ["rest", "ice", "stretching exercises", "night splints"],
        ),
    ],
)
def test_english_enumerations(english: Settings, body: str, prop: str, expected: list[str]) -> None:
    assert names(entities(english, body), prop) == expected


def test_h3_subsections_map_by_their_own_heading(settings: Settings) -> None:
    found = entities(
        settings,
        "## Om tilstanden\n\nEn kort gennemgang.\n\n### Symptomer\n\n- snurren i tæerne\n"
        "- kraftnedsættelse\n\n### Årsager\n\n- tryk på nerven\n",
    )
    assert found == {
        "signOrSymptom": [("snurren i tæerne", "list", 13), ("kraftnedsættelse", "list", 14)],
        "cause": [("tryk på nerven", "list", 18)],
    }


def test_list_items_and_lead_ins(settings: Settings) -> None:
    found = entities(
        settings,
        "## Behandling\n\n- **Massage**: løsner de spændte muskler.\n"
        "- Akupunktur. Kan lindre smerterne hos nogle.\n- Medicin\n",
    )
    assert found == {
        "possibleTreatment": [
            ("massage", "list", 9),
            ("akupunktur", "list", 10),
            ("medicin", "list", 11),
        ]
    }


def test_nested_list_items_are_judged_on_their_own(settings: Settings) -> None:
    body = "## Behandling\n\n- Styrketræning\n  - Hold 30 sekunder\n  - Balanceøvelser\n"
    assert names(entities(settings, body), "possibleTreatment") == [
        "styrketræning",
        "balanceøvelser",
    ]
    assert left_out(settings, body) == [
        (10, "possibleTreatment: 'Hold 30 sekunder' left out: measure")
    ]


def test_the_same_entity_once(settings: Settings) -> None:
    found = entities(
        settings, "## Symptomer\n\n- Smerter\n\n## Flere symptomer\n\n- smerter\n- prikken\n"
    )
    assert names(found, "signOrSymptom") == ["smerter", "prikken"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            "## Symptomer\n\n- prikken (paræstesi\n",
            "'prikken (paræstesi' left out: unbalanced parenthesis",
        ),
        (
            "## Symptomer\n\n- Smerten forværres ved gang\n",
            "'Smerten forværres ved gang' left out: clause (verb 'forværres')",
        ),
        (
            "## Behandling\n\nBehandlingen består af hvile og [øvelser for hælen](/oevelser).\n",
            "'øvelser for hælen' left out: link text",
        ),
        (
            "## Symptomer\n\nSymptomerne omfatter ikke feber.\n",
            "'ikke feber' left out: negated or compared",
        ),
        (
            "## Symptomer\n\n- Smerter, når man går\n",
            "'Smerter, når man går' left out: clause (pronoun)",
        ),
        ("## Behandling\n\n- Kopning\n", "'Kopning' left out: no lexicon hit (no cue)"),
    ],
)
def test_what_is_not_an_entity_is_left_out_and_said(
    settings: Settings, body: str, reason: str
) -> None:
    messages = [message for _, message in left_out(settings, body)]
    assert any(reason in message for message in messages), messages


def test_a_differential_is_not_a_test(settings: Settings) -> None:
    body = (
        "## Diagnose\n\nUndersøgelsen kan omfatte blodprøver for at udelukke gigt og infektion.\n"
    )
    assert entities(settings, body) == {"typicalTest": [("blodprøver", "prose", 9)]}


def test_english_link_text_and_rule_out_are_left_out(english: Settings) -> None:
    body = (
        "## Treatment\n\nTreatment consists of rest and [heel pain exercises](/x).\n\n"
        "## Diagnosis\n\nImaging may be used to rule out conditions such as a stress fracture.\n"
    )
    assert names(entities(english, body), "possibleTreatment") == ["rest"]
    assert left_out(english, body) == [
        (9, "possibleTreatment: 'heel pain exercises' left out: link text"),
        (13, "typicalTest: 'a stress fracture' left out: negated or differential"),
        (13, "typicalTest: 'used' left out: other property (not a test)"),
    ]


def test_a_site_adds_its_own_words(tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parent.parent
    body = "## Behandling\n\n- Kopning\n"
    plain = typed_as(
        load_settings(
            repo / "seo-export.toml", content_dir=str(tmp_path / "c"), out_dir=str(tmp_path / "o")
        )
    )
    assert names(entities(plain, body), "possibleTreatment") == []
    own = typed_as(
        load_settings(
            repo / "seo-export.toml",
            content_dir=str(tmp_path / "c"),
            out_dir=str(tmp_path / "o"),
            extraction_words={"da": {"lex_possibleTreatment": ["kopning"]}},
        )
    )
    assert names(entities(own, body), "possibleTreatment") == ["kopning"]


def test_faq_answers_take_their_question_s_property(settings: Settings) -> None:
    found = entities(
        settings,
        "## Ofte stillede spørgsmål\n\n### Hvad er risikofaktorerne?\n\n"
        "Risikofaktorer inkluderer rygning og høj alder.\n",
    )
    assert found == {"riskFactor": [("rygning", "prose", 11), ("høj alder", "prose", 11)]}


def test_physiotherapy_items_are_typed_physical_therapy(settings: Settings) -> None:
    text = "---\ntitle: T\n---\n\nI.\n\n## Behandling\n\n- Massage\n- Medicin\n\n## Fysioterapi\n\n- Øvelser\n"
    article = build_article(text, settings)
    assert article.jsonld is not None
    condition = article.jsonld["@graph"][1]  # type: ignore[index]
    assert [(t["@type"], t["name"]) for t in condition["possibleTreatment"]] == [
        ("MedicalTherapy", "massage"),
        ("MedicalTherapy", "medicin"),
        ("PhysicalTherapy", "øvelser"),
    ]


def test_a_property_the_word_lists_do_not_know_reads_its_sections(settings: Settings) -> None:
    found = entities(settings, "## Komplikationer\n\n- Nedsat bevægelighed\n- Kroniske smerter\n")
    assert found == {
        "possibleComplication": [
            ("Nedsat bevægelighed", "list", 9),
            ("Kroniske smerter", "list", 10),
        ]
    }


@pytest.mark.parametrize(
    ("language", "body", "prop", "expected"),
    [
        (
            "sv-SE",
            "## Behandling\n\nBehandlingen består av vila, is, stretchövningar och inlägg i skorna.\n",
            "possibleTreatment",
            ["vila", "is", "stretchövningar", "inlägg i skorna"],
        ),
        (
            "sv-SE",
            "## Orsaker\n\nBesvären beror ofta på överbelastning, stramma vadmuskler eller dåliga skor.\n",
            "cause",
            ["överbelastning", "stramma vadmuskler", "dåliga skor"],
        ),
        (
            "nb-NO",
            "## Symptomer\n\nVanlige symptomer er smerter under hælen, stivhet om morgenen og hevelse.\n",
            "signOrSymptom",
            ["smerter under hælen", "stivhet om morgenen", "hevelse"],
        ),
        (
            "nb-NO",
            "## Behandling\n\nBehandlingen består av hvile, is, tøyeøvelser og innleggssåler.\n",
            "possibleTreatment",
            ["hvile", "is", "tøyeøvelser", "innleggssåler"],
        ),
    ],
)
def test_swedish_and_norwegian(
    tmp_path: Path, language: str, body: str, prop: str, expected: list[str]
) -> None:
    repo = Path(__file__).resolve().parent.parent
    site = typed_as(
        load_settings(
            repo / "seo-export.toml",
            language=language,
            content_dir=str(tmp_path / "c"),
            out_dir=str(tmp_path / "o"),
        )
    )
    assert names(entities(site, body), prop) == expected
