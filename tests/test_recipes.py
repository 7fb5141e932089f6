"""The recipes stay true: a property is a row of domain/properties.py, a date form a row of
domain/dates.py, and each flows from there through reading, the JSON-LD, the schemas,
the settings, validate, build, suggest and the report.

The rows added for real (possibleComplication, the written-out dates) are followed end
to end here; so is a row that only a test adds, with the schemas regenerated from the
changed table into a folder of their own, as ``--update-golden`` would write them.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from seo_export.build.article import build_article
from seo_export.build.site import build_site
from seo_export.cli import main
from seo_export.config.settings import load_settings
from seo_export.domain.schemas import iter_schema_errors
from seo_export.project.report import write_report
from seo_export.project.suggest import suggest

from helpers import sample_project

KNEE = """---
title: Knæartrose
description: Knæartrose er slidgigt i knæet. Læs om symptomer, komplikationer og behandling af knæartrose her.
datePublished: 2025-02-19
---

Knæartrose er slidgigt i knæleddet.

## Komplikationer

- Nedsat bevægelighed
- **Kroniske smerter** i knæet

## Hvilke følgesygdomme kan der komme?

Følgesygdomme inkluderer overvægt og depression.
"""


def errors_of(findings: object) -> list[str]:
    return [f.code for f in findings if f.severity.value == "error"]  # type: ignore[attr-defined]


def test_a_complications_section_flows_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = sample_project(tmp_path, {"knae.md": KNEE})
    result = build_article(KNEE, settings, path="content/knae.md")
    assert result.article is not None and errors_of(result.findings) == []
    # Read from the list (an item's bold lead-in) and from the prose enumeration.
    items = result.article.entities["possibleComplication"]
    assert [(i.name, i.source, i.line) for i in items] == [
        ("Nedsat bevægelighed", "list", 11),
        ("Kroniske smerter", "list", 12),
        ("overvægt", "prose", 16),
        ("depression", "prose", 16),
    ]
    # schema.org's range of possibleComplication is Text: plain strings, like expectedPrognosis.
    assert result.jsonld is not None
    condition = result.jsonld["@graph"][1]
    assert condition["possibleComplication"] == [
        "Nedsat bevægelighed",
        "Kroniske smerter",
        "overvægt",
        "depression",
    ]
    assert list(iter_schema_errors("graph.schema.json", result.jsonld)) == []

    monkeypatch.chdir(tmp_path)
    validated = CliRunner().invoke(main, ["validate", "--format", "json", "content/knae.md"])
    assert validated.exit_code == 0, validated.output
    # Schemas, schema.org vocabulary (range Text, domain MedicalCondition) and checks: all clean.
    assert [f for unit in json.loads(validated.output)["units"] for f in unit["findings"]] == []

    assert list(suggest(KNEE, settings, "knae.md").prose_properties) == ["possibleComplication"]
    printed = CliRunner().invoke(main, ["suggest", "content/knae.md"])
    assert "  possibleComplication:\n    - Nedsat bevægelighed  [list, line 11]" in printed.output
    written = CliRunner().invoke(main, ["suggest", "--write", "content/knae.md"])
    assert "wrote possibleComplication to the front matter" in written.output
    rewritten = (tmp_path / "content" / "knae.md").read_text("utf-8")
    assert "possibleComplication:\n  - Nedsat bevægelighed\n" in rewritten

    build_site(settings)
    manifest = json.loads((settings.out_dir / "manifest.json").read_text("utf-8"))
    entry = next(a for a in manifest["articles"] if a["source"] == "knae.md")
    assert [i["name"] for i in entry["entities"]["possibleComplication"]][:2] == [
        "Nedsat bevægelighed",
        "Kroniske smerter",
    ]
    dom = lxml.html.fromstring(write_report(settings).read_text("utf-8"))
    label = '//div[@class="bar-row"][.//span[@class="bar-label"]="possibleComplication"]'
    assert dom.xpath(f'string({label}//span[@class="bar-count"])') == "1"


def test_complications_from_the_front_matter_and_from_a_site_s_own_rule(tmp_path: Path) -> None:
    (tmp_path / "seo-export.toml").write_text(
        'base_url = "https://example.dk"\nsite_name = "X"\n'
        '[[sections]]\nproperty = "possibleComplication"\nheadings = ["^følger"]\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path / "seo-export.toml")
    assert [rule.property for rule in settings.sections] == ["possibleComplication"]
    text = "---\ntitle: T\n---\n\nIntro.\n\n## Følger\n\n- Stivhed\n"
    result = build_article(text, settings)
    assert result.jsonld is not None and errors_of(result.findings) == []
    assert result.jsonld["@graph"][1]["possibleComplication"] == "Stivhed"
    given = "---\ntitle: T\ncomplications: [Stivhed, Hævelse]\n---\n\nIntro.\n"
    result = build_article(given, settings)
    assert result.jsonld is not None
    assert result.jsonld["@graph"][1]["possibleComplication"] == ["Stivhed", "Hævelse"]


WRITTEN_OUT_DATES = {
    "da.md": ("19. februar 2025", "20. feb. 2025"),
    "da-no-dot.md": ("19 februar 2025", "20 FEB 2025"),
    "en.md": ("19 February 2025", "20 Feb 2025"),
    "en-us.md": ("February 19, 2025", "Feb. 20, 2025"),
}


def test_written_out_dates_are_validated_built_and_written_as_iso(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = {
        name: f"---\ntitle: Dato {name}\nslug: {name[:-3]}\ndatePublished: {published}\n"
        f"lastUpdated: {updated}\n---\n\nEn tekst.\n"
        for name, (published, updated) in WRITTEN_OUT_DATES.items()
    }
    settings = sample_project(tmp_path, articles)
    monkeypatch.chdir(tmp_path)
    validated = CliRunner().invoke(
        main, ["validate", "--format", "json", *(f"content/{name}" for name in articles)]
    )
    assert validated.exit_code == 0, validated.output
    codes = {f["code"] for unit in json.loads(validated.output)["units"] for f in unit["findings"]}
    assert not {code for code in codes if code.startswith("date-")}

    result = build_site(settings)
    assert not [f for f in result.findings if f.severity.value == "error"]
    sitemap = (settings.out_dir / "sitemap.xml").read_text("utf-8")
    for name in articles:
        graph = json.loads((settings.out_dir / name[:-3] / "schema.jsonld").read_text("utf-8"))
        page = graph["@graph"][0]
        assert (page["datePublished"], page["dateModified"]) == ("2025-02-19", "2025-02-20")
        url = f"{settings.base_url}/artikler/{name[:-3]}/"
        assert f"<url><loc>{url}</loc><lastmod>2025-02-20</lastmod></url>" in sitemap
