"""The built-in schema.org vocabulary: generated from the release, whole, attributed, lazy.

``python -m seo_export.checks.vocabulary_data tests/data/schemaorg/schemaorg-current-https.jsonld
--release 30.0`` regenerates seo_export/checks/schemaorg/vocabulary.json.gz; the first test fails
when the two drift apart.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from seo_export.checks.vocabulary import Vocabulary, VocabularyError, builtin_vocabulary
from seo_export.checks.vocabulary_data import DATA_FILE, decode, main, read_builtin, release_data

from conftest import DATA, RELEASE, REPO

REGENERATE = (
    "python -m seo_export.checks.vocabulary_data "
    "tests/data/schemaorg/schemaorg-current-https.jsonld --release 30.0"
)


def test_the_packaged_data_is_generated_from_the_repositorys_release() -> None:
    packaged = decode(DATA_FILE.read_bytes())
    assert packaged == release_data(RELEASE, "30.0"), f"stale: run {REGENERATE}"
    assert packaged["about"]["source_sha256"] == hashlib.sha256(RELEASE.read_bytes()).hexdigest()


def test_the_built_in_vocabulary_is_the_whole_release() -> None:
    builtin, release = read_builtin(), Vocabulary.from_release(RELEASE)
    assert builtin.classes == release.classes
    assert builtin.properties == release.properties
    assert builtin.members == release.members
    assert builtin.superseded == release.superseded
    assert builtin.data_types == release.data_types
    assert (len(builtin.classes), len(builtin.properties)) == (953, 1521)
    assert (len(builtin.members), len(builtin.superseded)) == (533, 82)
    assert builtin.source == "schema.org 30.0"


def test_every_term_of_the_release_file_is_in_it() -> None:
    # Read here from the raw JSON-LD, apart from the reader under test.
    graph = json.loads(RELEASE.read_text(encoding="utf-8"))["@graph"]
    classes, properties, members = set(), set(), set()
    for node in graph:
        if not node["@id"].startswith("schema:"):
            continue  # a term of another vocabulary the release maps to
        name = node["@id"].removeprefix("schema:")
        kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        if "rdf:Property" in kinds:
            properties.add(name)
            continue
        if "rdfs:Class" in kinds or "schema:DataType" in kinds or "rdfs:subClassOf" in node:
            classes.add(name)
        if any(kind.startswith("schema:") and kind != "schema:DataType" for kind in kinds):
            members.add(name)
    vocabulary = builtin_vocabulary()
    assert set(vocabulary.classes) == classes
    assert set(vocabulary.properties) == properties
    assert set(vocabulary.members) == members
    # Twenty specialties are classes too: a clinic may be typed Physiotherapy.
    assert vocabulary.classes["Physiotherapy"] == ("MedicalBusiness",)
    assert vocabulary.members["Physiotherapy"] == ("MedicalSpecialty",)
    assert len(classes & members) == 20


def test_it_holds_every_kind_of_fact_the_checks_read() -> None:
    vocabulary = builtin_vocabulary()
    assert vocabulary.classes["MedicalSignOrSymptom"] == ("MedicalCondition",)
    assert vocabulary.classes["Drug"] == ("Product", "Substance")  # every superclass
    assert vocabulary.properties["width"].domains == (
        "MediaObject", "OfferShippingDetails", "Product", "ShippingConditions", "VisualArtwork",
    )  # fmt: skip
    assert vocabulary.properties["width"].ranges == ("Distance", "QuantitativeValue")
    assert vocabulary.data_types == {
        "Boolean", "DataType", "Date", "DateTime", "Number", "Quantity", "Text", "Time",
    }  # fmt: skip
    assert vocabulary.range_kinds("width") == (frozenset({"Distance"}), ("QuantitativeValue",))
    assert vocabulary.members["Cardiovascular"] == ("MedicalSpecialty",)
    assert vocabulary.members["Radiography"] == ("MedicalImagingTechnique", "MedicalSpecialty")
    assert vocabulary.superseded["Dermatologic"] == "Dermatology"  # a member
    assert vocabulary.superseded["UserComments"] == "InteractionCounter"  # a class
    assert vocabulary.properties["interactionCount"].superseded_by == "interactionStatistic"
    assert vocabulary.properties["interactionCount"].domains == ()  # the release names none
    assert vocabulary.allows(("Thing",), "interactionCount")  # so it is not judged


def test_the_command_writes_the_packaged_file_and_says_what_it_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "vocabulary.json.gz"
    assert main([str(RELEASE), "--release", "30.0", "--output", str(target)]) == 0
    assert decode(target.read_bytes()) == decode(DATA_FILE.read_bytes())
    size = target.stat().st_size
    assert capsys.readouterr().out == (
        f"{target}: schema.org 30.0, 953 classes, 1521 properties, 533 enumeration members, "
        f"82 superseded terms ({size:,} bytes)\n"
    )
    assert size < 40_000  # compact: the release file is 1.5 MB
    again = tmp_path / "again.json.gz"
    main([str(RELEASE), "--release", "30.0", "--output", str(again)])
    assert again.read_bytes() == target.read_bytes()  # no timestamp in the gzip header


def test_the_command_refuses_a_file_that_is_not_a_release(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.jsonld"
    other.write_text(json.dumps({"@graph": [{"@id": "ex:a", "@type": "rdfs:Class"}]}))
    target = tmp_path / "out.json.gz"
    assert main([str(other), "--release", "31.0", "--output", str(target)]) == 1
    assert capsys.readouterr().err == (f"error: {other}: has no schema.org classes or properties\n")
    assert not target.exists()


def test_a_damaged_data_file_is_an_error_naming_it(tmp_path: Path) -> None:
    broken = tmp_path / "vocabulary.json.gz"
    broken.write_bytes(b"not gzip")
    with pytest.raises(VocabularyError, match="the built-in vocabulary is unreadable"):
        read_builtin(broken)


def test_the_data_ships_with_its_licence_and_source() -> None:
    notice = (DATA_FILE.parent / "NOTICE.md").read_text(encoding="utf-8")
    about = decode(DATA_FILE.read_bytes())["about"]
    assert about["licence"] == "CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/)"
    assert about["attribution"] == "schema.org (https://schema.org/docs/terms.html)"
    assert about["source"] == "https://schema.org/version/30.0/schemaorg-current-https.jsonld"
    for fact in ("Attribution-ShareAlike 3.0", about["source_sha256"], about["source"]):
        assert fact in notice
    assert about["source_sha256"] in (DATA / "SOURCES.md").read_text(encoding="utf-8")


def test_help_and_explain_do_not_read_the_vocabulary() -> None:
    # The data is read when a check first needs it, not when the command line starts.
    script = (
        "import sys\n"
        "from seo_export.cli import main\n"
        "for args in (['--help'], ['explain', 'vocab-unknown-type']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('seo_export.checks.vocabulary_data' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.splitlines()[-1] == "False"


def test_every_term_seo_export_emits_is_in_the_vocabulary() -> None:
    vocabulary = builtin_vocabulary()
    graphs = sorted((REPO / "tests" / "cases" / "graphs").glob("*.expected.jsonld"))
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
