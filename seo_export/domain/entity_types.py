"""The types an article's main entity (its page's ``about``) can have: one table.

Each row is a schema.org class that seo-export can publish as the node a
MedicalWebPage is about: its name, a line for the docs, the words an editor may
write for it in the front matter (``type: anatomi``, ``about: {type: sport}``),
and whether it is a medical entity (which decides the inherited properties it
may carry, such as ``code``). Which of the main entity's properties each type
has is the ``types`` column of :mod:`seo_export.domain.properties`; how an
article's text shows its type is :mod:`seo_export.domain.entity_words`,
:mod:`seo_export.domain.entity_grammar` and :mod:`seo_export.domain.entity_cues`.

Every name here is a class of schema.org 30.0 (tests/test_classify.py holds
the table to the vocabulary). ``BodyPart`` is not one, so it is no type here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

CONDITION = "MedicalCondition"
SYMPTOM = "MedicalSignOrSymptom"
ANATOMY = "AnatomicalStructure"
SYSTEM = "AnatomicalSystem"
ACTIVITY = "PhysicalActivity"
PLAN = "ExercisePlan"
PHYSIO = "PhysicalTherapy"
THERAPY = "MedicalTherapy"
DIET = "Diet"
SUBSTANCE = "Substance"
SUPPLEMENT = "DietarySupplement"
DRUG = "Drug"
TEST = "MedicalTest"
PROCEDURE = "DiagnosticProcedure"
DEVICE = "MedicalDevice"
ENTITY = "MedicalEntity"
THING = "Thing"

FALLBACK = THING
"""The type of a main entity when nothing shows another: what is left is a population
group, a life phase, a field, an event, a process or an ability, most of which are no
medical entity, so MedicalEntity would claim something false; Thing is always true, and
MedicalWebPage's ``about`` takes a Thing."""

CONDITION_TYPES = (CONDITION, SYMPTOM)
"""The condition family: the types whose page tells search engines of a disorder."""


def terms(text: str) -> tuple[str, ...]:
    """``"a, b c, d"`` -> ``("a", "b c", "d")``: word lists written as data, one string."""
    return tuple(term.strip() for term in text.split(",") if term.strip())


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityType:
    """One type the main entity may have."""

    name: str
    """The schema.org class, the ``@type`` of the node."""
    meaning: str
    """One line for the docs: which articles are about one."""
    aliases: tuple[str, ...] = ()
    """Words for it an editor may write in the front matter (Danish, English, Swedish,
    Norwegian), matched without regard to case; the class name always works."""
    medical: bool = True
    """A MedicalEntity (or a subclass): it may carry ``code`` and the other inherited
    medical properties."""
    node_id: str = "about"
    """What the node's ``@id`` ends with after ``#``."""


# fmt: off
ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType(
        name=CONDITION,
        meaning="A disease, injury or disorder.",
        aliases=terms("condition, disease, disorder, injury, sygdom, lidelse, skade, diagnose, "
                      "sjukdom, skada, sykdom"),
        node_id="condition",
    ),
    EntityType(
        name=SYMPTOM,
        meaning="A sign or symptom of something else (pain, dizziness, a stiff neck).",
        aliases=terms("symptom, sign, symtom, tegn"),
        node_id="condition",
    ),
    EntityType(
        name=ANATOMY,
        meaning="A body part or structure: a bone, joint, muscle, nerve, organ.",
        aliases=terms("anatomy, anatomi, body part, kropsdel, kroppsdel, structure, struktur"),
    ),
    EntityType(
        name=SYSTEM,
        meaning="An anatomical system: the nervous system, the immune system.",
        aliases=terms("system, organsystem"),
    ),
    EntityType(
        name=ACTIVITY,
        meaning="A sport, exercise or kind of training.",
        aliases=terms("sport, exercise, activity, training, motion, træning, aktivitet, "
                      "idræt, trening, träning, idrott"),
    ),
    EntityType(
        name=PLAN,
        meaning="An exercise plan or programme: set exercises, how often, how hard.",
        aliases=terms("exercise plan, training programme, training program, træningsprogram, "
                      "træningsplan, träningsprogram, treningsprogram"),
    ),
    EntityType(
        name=PHYSIO,
        meaning="A physiotherapy treatment or method.",
        aliases=terms("physiotherapy, physical therapy, fysioterapi, sjukgymnastik"),
    ),
    EntityType(
        name=THERAPY,
        meaning="Another medical treatment: surgery, injections, acupuncture.",
        aliases=terms("therapy, treatment, terapi, behandling, behandlingsform"),
    ),
    EntityType(
        name=DIET,
        meaning="A diet or way of eating.",
        aliases=terms("kost, diæt, kosthold, diett"),
    ),
    EntityType(
        name=SUBSTANCE,
        meaning="A substance of the body or of food: a hormone, vitamin, mineral.",
        aliases=terms("stof, ämne, stoff"),
    ),
    EntityType(
        name=SUPPLEMENT,
        meaning="A dietary supplement.",
        aliases=terms("supplement, kosttilskud, kosttillskott, kosttilskudd"),
    ),
    EntityType(
        name=DRUG,
        meaning="A medicine.",
        aliases=terms("medicine, medicin, lægemiddel, läkemedel, legemiddel"),
    ),
    EntityType(
        name=TEST,
        meaning="A medical test: a scan, a blood test, a clinical test.",
        aliases=terms("test, medical test, undersøgelse, undersökning, undersøkelse"),
    ),
    EntityType(
        name=PROCEDURE,
        meaning="A diagnostic procedure, where how it is done matters.",
        aliases=terms("diagnostic procedure"),
    ),
    EntityType(
        name=DEVICE,
        meaning="A medical device or aid: tape, insoles, a brace.",
        aliases=terms("device, aid, hjælpemiddel, hjälpmedel, hjelpemiddel"),
    ),
    EntityType(
        name=ENTITY,
        meaning="Some other medical entity.",
        aliases=terms("medical entity"),
    ),
    EntityType(
        name=THING,
        meaning="Anything else: a population group, a field, a process, an ability.",
        aliases=terms("other, andet, annat, annet, none"),
        medical=False,
    ),
)
# fmt: on
"""Every type the main entity may have, in the order of the docs."""


@dataclass(frozen=True, slots=True)
class _Index:
    """Lookups derived from the table."""

    by_name: dict[str, EntityType]
    """Each row by its class name."""
    by_word: dict[str, str]
    """Class names and aliases, case-folded -> the class name."""


@functools.cache
def _index() -> _Index:
    by_word: dict[str, str] = {}
    for row in ENTITY_TYPES:
        for word in (row.name, *row.aliases):
            by_word.setdefault(word.casefold(), row.name)
    return _Index({row.name: row for row in ENTITY_TYPES}, by_word)


def entity_type(name: str) -> EntityType:
    """The row of class ``name``; KeyError when there is none."""
    return _index().by_name[name]


def type_names() -> tuple[str, ...]:
    """Every class name, in table order."""
    return tuple(row.name for row in ENTITY_TYPES)


_PREFIXES = ("https://schema.org/", "http://schema.org/", "schema:")


def type_named(value: object) -> str | None:
    """The class an editor's word names (``Diet``, ``diet``, ``kost``,
    ``https://schema.org/Diet``), or None when it names none of the table's."""
    if not isinstance(value, str):
        return None
    word = value.strip()
    for prefix in _PREFIXES:
        if word.startswith(prefix):
            word = word[len(prefix) :]
            break
    return _index().by_word.get(word.casefold())
