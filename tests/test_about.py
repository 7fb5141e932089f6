"""The type of the main entity, end to end: the front matter, a settings rule and the text
decide it in that order, with the evidence in the finding, the manifest, ``show``, the report
and ``suggest``; each type gets only its own properties; ``check`` audits a page's own
``about`` against its text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_export.build.article import build_article
from seo_export.build.site import build_site
from seo_export.cli import main
from seo_export.config.settings import Settings, load_settings
from seo_export.pages.check import audit_page

from helpers import sample_project

SPORT = """---
title: Cykling
{front}---

Cykling er en populær sport, hvor man træder i pedalerne.

## Symptomer på overbelastning

- ømme knæ
- træthed

## Fordele ved cykling

Cykling styrker hjertet.
"""

ELBOW = """---
title: Albue
---

Albuen er et led mellem overarmen og underarmen.

## Almindelige skader i albuen

- Tennisalbue
- Golfalbue

## Symptomer

- smerte
"""


def about_of(text: str, settings: Settings, name: str | None = None) -> tuple[str, str, str]:
    result = build_article(text, settings, path="content/a.md", name=name)
    assert result.article is not None
    about = result.article.about
    return about.name, about.step, about.evidence


def codes(text: str, settings: Settings) -> list[tuple[str, int | None, str | None]]:
    result = build_article(text, settings, path="content/a.md")
    return [
        (f.code, f.line, f.key) for f in result.findings if f.code.startswith(("about", "prop"))
    ]


def test_the_text_decides_when_nothing_else_does_and_a_finding_says_why(
    settings: Settings,
) -> None:
    text = SPORT.format(front="")
    assert about_of(text, settings) == (
        "PhysicalActivity",
        "text",
        'definition: "Cykling er en populær sport, hvor man træder i pedalerne." -> sport',
    )
    result = build_article(text, settings, path="content/a.md")
    (info,) = [f for f in result.findings if f.code == "about-type"]
    assert (info.severity.value, info.line) == ("info", 5)
    assert info.message == (
        'about is a PhysicalActivity (text: definition: "Cykling er en populær sport, hvor man '
        'træder i pedalerne." -> sport)'
    )


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("schemaType: Diet\n", ("Diet", "front-matter", "schemaType: Diet")),
        ("aboutType: anatomi\n", ("AnatomicalStructure", "front-matter", "aboutType: anatomi")),
        ("about:\n  type: sygdom\n", ("MedicalCondition", "front-matter", "about: sygdom")),
        (
            "type: https://schema.org/Thing\n",
            ("Thing", "front-matter", "type: https://schema.org/Thing"),
        ),
        # Hugo's content type names no type: the text decides, and no warning
        ("type: post\n", ("PhysicalActivity", "text", None)),
    ],
)
def test_the_front_matter_comes_first(
    front: str, expected: tuple[str, str, str | None], settings: Settings
) -> None:
    name, step, evidence = about_of(SPORT.format(front=front), settings)
    assert (name, step) == expected[:2]
    if expected[2] is not None:
        assert evidence == expected[2]
    assert [c for c, _, _ in codes(SPORT.format(front=front), settings)] == ["about-type"]


def test_an_unknown_schema_type_is_a_warning_and_the_text_decides(settings: Settings) -> None:
    text = SPORT.format(front="schemaType: Sygdomme\n")
    assert about_of(text, settings)[:2] == ("PhysicalActivity", "text")
    assert codes(text, settings) == [
        ("about-type-unknown", 3, "schemaType"),
        ("about-type", 6, None),
    ]


def test_a_settings_rule_comes_after_the_front_matter_and_before_the_text(
    tmp_path: Path,
) -> None:
    (tmp_path / "seo-export.toml").write_text(
        'base_url = "https://example.dk"\nsite_name = "X"\n'
        '[[about_types]]\nmatch = "*-anatomi"\ntype = "AnatomicalStructure"\n'
        '[[about_types]]\nmatch = "sport/**"\ntype = "PhysicalActivity"\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path / "seo-export.toml")
    text = "---\ntitle: Knæ\n---\n\nKnæet er kroppens største led.\n"
    assert about_of(text, settings, "knae-anatomi.md") == (
        "AnatomicalStructure", "settings", "about_types rule '*-anatomi'",
    )  # fmt: skip
    assert about_of(ELBOW, settings, "sport/albue.md")[:2] == ("PhysicalActivity", "settings")
    assert about_of(ELBOW, settings, "albue.md")[:2] == ("AnatomicalStructure", "text")
    front = "---\ntitle: Knæ\nschemaType: sygdom\n---\n\nTekst.\n"
    assert about_of(front, settings, "knae-anatomi.md")[:2] == ("MedicalCondition", "front-matter")


def test_a_rule_of_an_unknown_type_is_a_settings_error(tmp_path: Path) -> None:
    from seo_export.errors import SettingsError

    (tmp_path / "seo-export.toml").write_text(
        'base_url = "https://example.dk"\nsite_name = "X"\n'
        '[[about_types]]\nmatch = "*"\ntype = "BodyPart"\n',
        encoding="utf-8",
    )
    with pytest.raises(SettingsError, match="about_types"):
        load_settings(tmp_path / "seo-export.toml")


def test_a_body_part_gets_its_conditions_and_never_a_symptom_list(settings: Settings) -> None:
    result = build_article(ELBOW, settings, path="content/albue.md")
    assert result.jsonld is not None
    node = result.jsonld["@graph"][1]
    assert node["@type"] == "AnatomicalStructure"
    assert node["@id"].endswith("#about")
    assert node["relatedCondition"] == [
        {"@type": "MedicalCondition", "name": "Tennisalbue"},
        {"@type": "MedicalCondition", "name": "Golfalbue"},
    ]
    assert "signOrSymptom" not in node
    assert result.jsonld["@graph"][0]["about"] == {"@id": node["@id"]}


def test_a_sport_gets_no_condition_property_from_its_headings(settings: Settings) -> None:
    result = build_article(SPORT.format(front=""), settings, path="content/cykling.md")
    assert result.jsonld is not None and result.article is not None
    assert result.article.entities == {}
    assert set(result.jsonld["@graph"][1]) == {"@type", "@id", "name", "description", "url"}


def test_front_matter_items_of_another_type_s_property_are_left_out(settings: Settings) -> None:
    text = SPORT.format(front="symptoms: [træthed]\n")
    assert codes(text, settings) == [
        ("about-type", 6, None),
        ("property-not-for-type", 3, "symptoms"),
    ]
    result = build_article(text, settings, path="content/a.md")
    assert result.article is not None and result.article.entities == {}


def test_the_manifest_show_and_the_report_carry_the_type_and_its_evidence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = sample_project(tmp_path, {"albue.md": ELBOW})
    build_site(settings)
    manifest = json.loads((settings.out_dir / "manifest.json").read_text("utf-8"))
    entry = next(a for a in manifest["articles"] if a["source"] == "albue.md")
    assert entry["about"] == {
        "type": "AnatomicalStructure",
        "step": "text",
        "evidence": 'definition: "Albuen er et led mellem overarmen og underarmen." -> led',
        "line": 5,
    }
    monkeypatch.chdir(tmp_path)
    shown = CliRunner().invoke(main, ["show", "content/albue.md"])
    assert shown.exit_code == 0
    assert shown.stderr.splitlines()[0] == (
        'about: AnatomicalStructure (text: definition: "Albuen er et led mellem overarmen og '
        'underarmen." -> led)'
    )
    assert json.loads(shown.stdout)["@graph"][1]["@type"] == "AnatomicalStructure"
    reported = CliRunner().invoke(main, ["report"])
    assert reported.exit_code == 0, reported.output
    page = next(settings.out_dir.glob("*.html")).read_text("utf-8")
    assert "about: <strong>AnatomicalStructure</strong> Albue" in page
    assert "[text: definition: &quot;Albuen er et led" in page


def test_suggest_write_puts_a_type_read_from_the_text_in_the_front_matter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = sample_project(tmp_path, {"albue.md": ELBOW})
    monkeypatch.chdir(tmp_path)
    written = CliRunner().invoke(main, ["suggest", "--write", "content/albue.md"])
    assert "wrote schemaType: AnatomicalStructure to the front matter" in written.output
    rewritten = (settings.content_dir / "albue.md").read_text("utf-8")
    assert rewritten == ELBOW.replace(
        "title: Albue\n", "title: Albue\nschemaType: AnatomicalStructure\n"
    )
    again = CliRunner().invoke(main, ["suggest", "--write", "content/albue.md"])
    assert "wrote" not in again.output


PAGE = """<!doctype html>
<html lang="da"><head><title>Cykling | Site</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@graph": [
{{"@type": "MedicalWebPage", "@id": "https://x.dk/cykling", "about": {{"@id": "https://x.dk/cykling#c"}}}},
{{"@type": "{kind}", "@id": "https://x.dk/cykling#c", "name": "Cykling"}}]}}</script>
</head><body><nav><ul><li>Forside</li></ul></nav>
<h1>Cykling</h1>
<p>Cykling er en populær sport, hvor man træder i pedalerne.</p>
<h2>Fordele ved cykling</h2><p>Godt for hjertet.</p>
</body></html>
"""


def test_check_warns_of_a_condition_whose_page_reads_like_a_sport() -> None:
    findings, _ = audit_page(PAGE.format(kind="MedicalCondition"), "cykling.html")
    about = [(f.severity.value, f.code, f.line) for f in findings if "about" in f.code]
    assert about == [("warning", "page-about-condition-not-in-text", 3)]
    (warning,) = [f for f in findings if f.code == "page-about-condition-not-in-text"]
    assert warning.message.startswith(
        "about is a MedicalCondition, but the page reads like a PhysicalActivity"
    )
    findings, _ = audit_page(PAGE.format(kind="PhysicalActivity"), "cykling.html")
    assert [f.code for f in findings if "about" in f.code] == []
    findings, _ = audit_page(PAGE.format(kind="Diet"), "cykling.html")
    assert [(f.severity.value, f.code) for f in findings if "about" in f.code] == [
        ("info", "page-about-type-differs")
    ]
