"""The built-in vocabulary table is derived from a schema.org release, never edited by hand.

``pytest tests/test_vocabulary_table.py --update-golden`` regenerates
seo_export/checks/vocabulary_table.py from tests/data/schemaorg/; the test fails
when the two drift apart.
"""

from __future__ import annotations

from pathlib import Path

from seo_export.checks.vocabulary import DATA_TYPES, Vocabulary

from conftest import RELEASE, REPO

TABLE = REPO / "seo_export" / "checks" / "vocabulary_table.py"

# The types seo-export emits, the ones health pages commonly use beside them,
# and the enumerations their values come from. Their superclasses follow.
SEED_TYPES = (
    "MedicalWebPage", "FAQPage", "QAPage", "MedicalCondition", "Question", "Answer",
    "BreadcrumbList", "ListItem", "WebSite", "Organization", "MedicalOrganization",
    "ImageObject", "MedicalAudience", "Patient", "Person", "MedicalCode",
    "MedicalSignOrSymptom", "MedicalSymptom", "MedicalSign", "MedicalCause",
    "MedicalRiskFactor", "MedicalTest", "ImagingTest", "BloodTest", "PathologyTest",
    "MedicalTherapy", "PhysicalTherapy", "TherapeuticProcedure", "LifestyleModification",
    "Drug", "DrugClass", "Article", "MedicalScholarlyArticle", "MedicalSpecialty",
    "MedicalAudienceType", "AnatomicalStructure", "DDxElement", "PeopleAudience",
    "SearchAction", "ReadAction", "EntryPoint", "PropertyValueSpecification",
    *sorted(DATA_TYPES - {"DataType"}),
)  # fmt: skip


def render_table(release: Vocabulary) -> str:
    classes: set[str] = set()
    for seed in SEED_TYPES:
        classes |= release.ancestors(seed)
    classes &= set(release.classes)
    properties = {
        name: prop for name, prop in release.properties.items() if set(prop.domains) & classes
    }
    members = {m: t for m, t in release.members.items() if t in classes}
    superseded = {c: r for c, r in release.superseded_classes.items() if c in classes}
    lines = [
        '"""schema.org terms for the built-in vocabulary check. Generated; do not edit.',
        "",
        "Regenerate with: pytest tests/test_vocabulary_table.py --update-golden",
        f"(from the schema.org release in {release.source.split('tests/data/')[-1]}).",
        "",
        "Why it is long: generated data, one term per line.",
        '"""',
        "",
        "# fmt: off",
        "CLASSES: dict[str, tuple[str, ...]] = {",
    ]
    lines += [
        f"    {name!r}: {tuple(sorted(release.classes[name]))!r}," for name in sorted(classes)
    ]
    lines += ["}", "", "# name: (domains, ranges, superseded by)"]
    lines += ["PROPERTIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str | None]] = {"]
    for name in sorted(properties):
        prop = properties[name]
        lines.append(
            f"    {name!r}: ({tuple(sorted(prop.domains))!r}, {tuple(sorted(prop.ranges))!r}, "
            f"{prop.superseded_by!r}),"
        )
    lines += ["}", "", "MEMBERS: dict[str, str] = {"]
    lines += [f"    {m!r}: {t!r}," for m, t in sorted(members.items())]
    lines += ["}", "", "SUPERSEDED_CLASSES: dict[str, str] = {"]
    lines += [f"    {c!r}: {r!r}," for c, r in sorted(superseded.items())]
    lines += ["}", "# fmt: on", ""]
    return "\n".join(lines)


def test_builtin_table_is_generated_from_the_release(update_golden: bool) -> None:
    release = Vocabulary.from_release(RELEASE)
    text = render_table(release)
    if update_golden:
        TABLE.write_text(text, encoding="utf-8")
        return
    assert TABLE.read_text(encoding="utf-8") == text, (
        "run pytest tests/test_vocabulary_table.py --update-golden"
    )


def test_builtin_table_covers_every_term_seo_export_emits() -> None:
    import json

    from seo_export.checks.vocabulary import builtin_vocabulary

    vocabulary = builtin_vocabulary()
    graphs = sorted((Path(__file__).parent / "cases" / "graphs").glob("*.expected.jsonld"))
    assert graphs
    types: set[str] = set()
    properties: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if key == "@type":
                    types.update(child if isinstance(child, list) else [child])
                elif not key.startswith("@"):
                    properties.add(key)
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    for path in graphs:
        walk(json.loads(path.read_text(encoding="utf-8")))
    assert types - set(vocabulary.classes) == set()
    assert properties - set(vocabulary.properties) == set()
    assert {"PhysicalTherapy", "MedicalCode", "MedicalRiskFactor"} <= types
