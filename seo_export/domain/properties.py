"""The main entity's properties: the one table of what an article can say about its subject.

Each row is one schema.org property of the page's main entity: its name, the
types of main entity that take it (schema.org gives ``signOrSymptom`` to a
MedicalCondition, never to a body part), the front-matter keys that give its
items, the type of those items, the headings that feed it, and a line for the docs.
Everything that names these properties reads this table: the extraction
(read/extract.py), the JSON-LD (outputs/jsonld.py), the default section map
and the settings schema (config/settings.py), the report and the docs' table
(project/), the known front-matter keys (read/fields.py, read/keys.py), and the JSON
Schemas in schemas/, which are generated from it (domain/schema_parts.py).

Adding a property is adding a row. The order of the rows is the order of the
properties in the JSON-LD and the report, and the order in which the default
section map tries their headings: the first rule whose pattern a heading
matches wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from seo_export.domain.entity_types import (
    ACTIVITY,
    ANATOMY,
    CONDITION_TYPES,
    DEVICE,
    DIET,
    PHYSIO,
    PLAN,
    SYSTEM,
    TEST,
    THERAPY,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class HeadingRule:
    """Headings that feed a property with items of one particular type."""

    headings: tuple[str, ...]
    """Case-insensitive regular expressions searched in H2 headings and FAQ questions."""
    item_type: str
    """schema.org type of the items read under such a heading."""


# Rows are written with keywords, so a column added later (with a default, such
# as the schema.org types each property belongs to) leaves every row as it is.
@dataclass(frozen=True, slots=True, kw_only=True)
class EntityProperty:
    """One property of the main entity, and everything seo-export knows about it."""

    name: str
    """The schema.org name: the JSON-LD key, the settings' ``property`` and a front-matter key."""
    meaning: str
    """One line for the docs: what in the article goes there."""
    aliases: tuple[str, ...] = ()
    """Other front-matter keys that give its items (the schema.org name always does)."""
    item_types: tuple[str, ...] = ()
    """The schema.org types its items may have, the default first; empty: its items are Text."""
    headings: tuple[str, ...]
    """Default heading patterns, Danish and English (Danish stems match inflected forms)."""
    special_headings: tuple[HeadingRule, ...] = ()
    """Rules tried before ``headings`` that give their items a more specific type."""
    physiotherapy_by_name: bool = False
    """Items whose name matches the ``physiotherapy_pattern`` setting are PhysicalTherapy."""
    types: tuple[str, ...] = CONDITION_TYPES
    """The types of main entity that schema.org gives this property (with their subtypes
    listed: the table is read as it is, never through the vocabulary)."""

    @property
    def front_matter_keys(self) -> tuple[str, ...]:
        """The keys that give its items in the front matter, the schema.org name first."""
        return (self.name, *self.aliases)

    @property
    def item_type(self) -> str | None:
        """The default type of its items, or None when they are plain Text."""
        return self.item_types[0] if self.item_types else None

    @property
    def heading_rules(self) -> tuple[tuple[tuple[str, ...], str | None], ...]:
        """(patterns, item type or None for the default) in the order they are tried."""
        special = tuple((rule.headings, rule.item_type) for rule in self.special_headings)
        return (*special, (self.headings, None))


MAIN_ENTITY_PROPERTIES: tuple[EntityProperty, ...] = (
    EntityProperty(
        name="signOrSymptom",
        meaning="What a patient notices or a clinician finds.",
        aliases=("symptoms",),
        item_types=("MedicalSignOrSymptom", "MedicalSymptom", "MedicalSign"),
        headings=(r"symptom", r"\bsigns?\b", r"tegn på"),
    ),
    EntityProperty(
        name="cause",
        meaning="What brings the condition about.",
        aliases=("causes",),
        item_types=("MedicalCause",),
        headings=(r"forårsag", r"årsag", r"\bcause", r"skyldes"),
    ),
    EntityProperty(
        name="riskFactor",
        meaning="What makes the condition more likely.",
        aliases=("riskFactors", "risk_factors"),
        item_types=("MedicalRiskFactor",),
        headings=(r"risikofaktor", r"risk factor"),
    ),
    EntityProperty(
        name="typicalTest",
        meaning="How the condition is diagnosed: examinations, scans, tests.",
        aliases=("tests",),
        item_types=("MedicalTest", "ImagingTest", "BloodTest", "PathologyTest", "MedicalSign"),
        headings=(r"diagnos", r"undersøg", r"\btests?\b"),
    ),
    # Before the treatment: "Komplikationer ved behandlingen" is about the complications.
    EntityProperty(
        name="possibleComplication",
        meaning="What the condition can lead to: complications and secondary conditions.",
        aliases=("complications",),
        headings=(r"komplikation", r"følgesygdom", r"complication"),
    ),
    EntityProperty(
        name="possibleTreatment",
        meaning="How the condition is treated.",
        aliases=("treatments",),
        item_types=(
            "MedicalTherapy",
            "PhysicalTherapy",
            "TherapeuticProcedure",
            "Drug",
            "DrugClass",
            "LifestyleModification",
        ),
        headings=(r"behandl", r"treat", r"therap"),
        special_headings=(
            HeadingRule(
                headings=(r"fysioterapi", r"physiotherap", r"physical therap"),
                item_type="PhysicalTherapy",
            ),
        ),
        physiotherapy_by_name=True,
    ),
    EntityProperty(
        name="primaryPrevention",
        meaning="How the condition can be prevented.",
        aliases=("prevention",),
        item_types=(
            "MedicalTherapy",
            "PhysicalTherapy",
            "LifestyleModification",
            "Diet",
            "PhysicalActivity",
        ),
        headings=(r"forebyg", r"prevent"),
    ),
    EntityProperty(
        name="expectedPrognosis",
        meaning="The likely outcome.",
        aliases=("prognosis",),
        headings=(r"helbred", r"prognos", r"\bcured?\b"),
    ),
    # The properties of the other types of main entity: only what schema.org gives them.
    EntityProperty(
        name="relatedCondition",
        meaning="A body part's or system's injuries and disorders.",
        aliases=("relatedConditions",),
        item_types=("MedicalCondition",),
        headings=(r"skade", r"sygdom", r"lidelse", r"\binjur", r"\bdisorder", r"\bconditions\b"),
        types=(ANATOMY, SYSTEM),
    ),
    EntityProperty(
        name="associatedAnatomy",
        meaning="The muscles and body parts an activity works.",
        item_types=("AnatomicalStructure",),
        headings=(r"muskl", r"muskelgrupper", r"\bmuscles?\b"),
        types=(ACTIVITY, PLAN),
    ),
    EntityProperty(
        name="adverseOutcome",
        meaning="A therapy's or device's side effects.",
        aliases=("sideEffects", "side_effects"),
        item_types=("MedicalEntity",),
        headings=(r"bivirkning", r"side.effect", r"\badverse"),
        types=(PHYSIO, THERAPY, DEVICE),
    ),
    EntityProperty(
        name="contraindication",
        meaning="When a therapy or device must not be used.",
        aliases=("contraindications",),
        headings=(r"kontraindikation", r"hvem bør ikke", r"contraindicat"),
        types=(PHYSIO, THERAPY, DEVICE),
    ),
    EntityProperty(
        name="usedToDiagnose",
        meaning="The conditions a test finds.",
        item_types=("MedicalCondition",),
        headings=(r"diagnosticer", r"påvise", r"\bused to diagnose", r"\bdetects?\b"),
        types=(TEST,),
    ),
    EntityProperty(
        name="dietFeatures",
        meaning="What a diet consists of: its foods.",
        headings=(r"fødevare", r"hvad (?:\w+ )?(?:man |du )?spise", r"\bfoods?\b", r"what to eat"),
        types=(DIET,),
    ),
    EntityProperty(
        name="physiologicalBenefits",
        meaning="What a diet does for the body.",
        headings=(r"fordel", r"\bbenefits?\b"),
        types=(DIET,),
    ),
    EntityProperty(
        name="risks",
        meaning="A diet's risks and drawbacks.",
        headings=(r"risici", r"ulempe", r"\brisks?\b", r"drawback"),
        types=(DIET,),
    ),
)
"""Every property of the main entity, in the order of the JSON-LD and of the section map."""


def property_names() -> tuple[str, ...]:
    """The schema.org names, in table order."""
    return _index().names


def entity_property(name: str) -> EntityProperty:
    """The row named ``name``; KeyError when there is none."""
    return _index().by_name[name]


def entity_keys() -> frozenset[str]:
    """Every front-matter key that gives a property's items."""
    return _index().keys


def properties_of(type_name: str) -> tuple[EntityProperty, ...]:
    """The rows a main entity of ``type_name`` may have, in table order (none for Thing)."""
    return _index().by_type.get(type_name, ())


def property_names_of(type_name: str) -> frozenset[str]:
    """The names of the rows a main entity of ``type_name`` may have."""
    return _index().names_by_type.get(type_name, frozenset())


def rule_item_types() -> tuple[str, ...]:
    """The types a section rule may give its items: each property's default and special ones."""
    types: dict[str, None] = {}
    for prop in MAIN_ENTITY_PROPERTIES:
        if prop.item_type is not None:
            types[prop.item_type] = None
        for rule in prop.special_headings:
            types[rule.item_type] = None
    return tuple(types)


@dataclass(frozen=True, slots=True)
class _Index:
    """Lookups derived from one version of the table."""

    table: tuple[EntityProperty, ...]
    """The table they were made from."""
    names: tuple[str, ...]
    """Its names in order."""
    by_name: dict[str, EntityProperty]
    """Each row by its name."""
    keys: frozenset[str]
    """Every front-matter key of every row."""
    by_type: dict[str, tuple[EntityProperty, ...]]
    """Type of main entity -> the rows it takes, in table order."""
    names_by_type: dict[str, frozenset[str]]
    """Type of main entity -> the names of the rows it takes (a set: rows compare slowly)."""


def _by_type(table: tuple[EntityProperty, ...]) -> dict[str, tuple[EntityProperty, ...]]:
    types: dict[str, list[EntityProperty]] = {}
    for prop in table:
        for name in prop.types:
            types.setdefault(name, []).append(prop)
    return {name: tuple(rows) for name, rows in types.items()}


_INDEX: list[_Index] = []


def _index() -> _Index:
    """The lookups of the table as it is now, made again only when the table is replaced.

    The table is read when a lookup is made, not when a module is imported, so
    a test that puts a row in the table sees it flow through every stage; the
    identity check keeps the per-article lookups as cheap as a constant.
    """
    table = MAIN_ENTITY_PROPERTIES
    if not _INDEX or _INDEX[0].table is not table:
        _INDEX[:] = [
            _Index(
                table,
                tuple(prop.name for prop in table),
                {prop.name: prop for prop in table},
                frozenset(key for prop in table for key in prop.front_matter_keys),
                by_type := _by_type(table),
                {name: frozenset(p.name for p in rows) for name, rows in by_type.items()},
            )
        ]
    return _INDEX[0]
