"""Golden cases of the main entity's type: tests/cases/types/<lang>-<type>.md against
<name>.jsonld, the page's whole JSON-LD, for each type in Danish and English. Each article
is written for the test (an opening definition and a few headings); its headings include
some that map to another type's properties (symptoms on a sport's page), which must not
reach the node."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from seo_export.build.article import build_article
from seo_export.checks.validation import document_findings
from seo_export.config.settings import Settings
from seo_export.model import Severity

CASES = sorted((Path(__file__).parent / "cases" / "types").glob("*.md"))
EXPECTED_TYPES = {
    "condition": "MedicalCondition",
    "symptom": "MedicalSignOrSymptom",
    "anatomy": "AnatomicalStructure",
    "activity": "PhysicalActivity",
    "diet": "Diet",
    "physiotherapy": "PhysicalTherapy",
    "therapy": "MedicalTherapy",
    "test": "MedicalTest",
    "substance": "Substance",
    "thing": "Thing",
}


def test_each_type_has_a_danish_and_an_english_case() -> None:
    assert sorted(p.stem for p in CASES) == sorted(
        f"{language}-{kind}" for language in ("da", "en") for kind in EXPECTED_TYPES
    )


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_type_case(
    case: Path, settings: Settings, check_golden: Callable[[Path, str], None]
) -> None:
    result = build_article(case.read_text(encoding="utf-8"), settings, path=case.name)
    assert result.jsonld is not None
    assert [f.code for f in result.findings if f.severity is Severity.ERROR] == []
    about = result.jsonld["@graph"][1]
    assert about["@type"] == EXPECTED_TYPES[case.stem.split("-", 1)[1]]
    # the graph schema and the schema.org vocabulary take every type and property emitted
    checked = document_findings(result.jsonld, case.name, check_vocabulary=True)
    assert [(f.code, f.json_path) for f in checked if f.severity is not Severity.INFO] == []
    actual = json.dumps(result.jsonld, ensure_ascii=False, indent=2) + "\n"
    check_golden(case.with_suffix(".jsonld"), actual)
