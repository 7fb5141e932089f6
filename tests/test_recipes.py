"""The recipes stay true: a property is a row of domain/properties.py, a date form a row of
domain/dates.py, and each flows from there through reading, the JSON-LD, the schemas,
the settings, validate, build, suggest and the report.

The rows added for real (possibleComplication, the written-out dates) are followed end
to end here; so is a row that only a test adds, with the schemas regenerated from the
changed table into a folder of their own, as ``--update-golden`` would write them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from seo_export.build.article import build_article
from seo_export.build.site import build_site
from seo_export.cli import main
from seo_export.config.settings import load_settings
from seo_export.domain import dates, properties, schemas
from seo_export.domain.dates import DateForm
from seo_export.domain.properties import EntityProperty
from seo_export.domain.schema_parts import schema_parts, with_parts
from seo_export.domain.schemas import iter_schema_errors
from seo_export.model import PageDate
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
    findings = [f for unit in json.loads(validated.output)["units"] for f in unit["findings"]]
    assert [f["code"] for f in findings] == ["about-type"]

    assert list(suggest(KNEE, settings, "knae.md").prose_properties) == ["possibleComplication"]
    printed = CliRunner().invoke(main, ["suggest", "content/knae.md"])
    assert "  possibleComplication:\n    - Nedsat bevægelighed  [list, line 11]" in printed.output
    written = CliRunner().invoke(main, ["suggest", "--write", "content/knae.md"])
    assert (
        "wrote schemaType: MedicalCondition, possibleComplication to the front matter"
        in written.output
    )
    rewritten = (tmp_path / "content" / "knae.md").read_text("utf-8")
    assert (
        "schemaType: MedicalCondition\npossibleComplication:\n  - Nedsat bevægelighed\n"
        in rewritten
    )

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
        '[[sections]]\nproperty = "possibleComplication"\nheadings = ["^følger"]\n'
        '[[about_types]]\nmatch = "*"\ntype = "MedicalCondition"\n',
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


def _clear_schema_caches() -> None:
    for cached in (schemas._schema_files, schemas._registry, schemas.validator):
        cached.cache_clear()
    schemas.fast_validator.cache_clear()


@pytest.fixture
def regenerate_schemas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[], None]]:
    """Call it after changing a table: the schemas are written as the tables now make them
    (what ``--update-golden`` writes) into a folder of their own, and loaded from there."""
    folder = tmp_path / "schemas"

    def regenerate() -> None:
        shutil.copytree(schemas.schemas_dir(), folder)
        for name, parts in schema_parts().items():
            path = folder / name
            regenerated = with_parts(json.loads(path.read_text("utf-8")), parts)
            path.write_text(json.dumps(regenerated, indent=2, ensure_ascii=False), "utf-8")
        monkeypatch.setattr(schemas, "schemas_dir", lambda: folder)
        _clear_schema_caches()

    yield regenerate
    _clear_schema_caches()


DRUG = EntityProperty(
    name="drug",
    meaning="Medicines used for the condition.",
    aliases=("drugs",),
    item_types=("Drug",),
    headings=(r"medicin", r"\bdrugs?\b"),
)
MEDICINE = """---
title: Migræne
description: Migræne er anfald af hovedpine. Læs om symptomer, medicin og behandling af migræne her.
drugs: [Sumatriptan]
---

Migræne er en hovedpinesygdom.

## Medicin mod migræne

- Ibuprofen
- Paracetamol
"""


def test_a_property_row_added_to_the_table_flows_end_to_end(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    regenerate_schemas: Callable[[], None],
) -> None:
    settings = sample_project(tmp_path / "site", {"migraene.md": MEDICINE})
    before = build_article(MEDICINE, settings)
    assert before.article is not None and "drug" not in before.article.entities
    assert before.article.extra == {"drugs": ["Sumatriptan"]}

    monkeypatch.setattr(
        properties, "MAIN_ENTITY_PROPERTIES", (*properties.MAIN_ENTITY_PROPERTIES, DRUG)
    )
    regenerate_schemas()
    settings = load_settings(tmp_path / "site" / "seo-export.toml")
    assert settings.sections[-1].property == "drug"  # the built-in map has its headings
    after = build_article(MEDICINE, settings)
    assert after.article is not None and errors_of(after.findings) == []
    assert after.article.extra == {}  # drugs is now a key seo-export reads
    # The front-matter list wins over the section, as for every property.
    assert [(i.name, i.source) for i in after.article.entities["drug"]] == [
        ("Sumatriptan", "front-matter")
    ]
    assert after.jsonld is not None
    assert after.jsonld["@graph"][1]["drug"] == [{"@type": "Drug", "name": "Sumatriptan"}]
    from_section = build_article(MEDICINE.replace("drugs: [Sumatriptan]\n", ""), settings)
    assert from_section.jsonld is not None and errors_of(from_section.findings) == []
    assert from_section.jsonld["@graph"][1]["drug"] == [
        {"@type": "Drug", "name": "Ibuprofen"},
        {"@type": "Drug", "name": "Paracetamol"},
    ]
    # The regenerated schemas hold the new property to its item types, so a type it does
    # not allow is left out of what the front matter gives (the item keeps its default).
    wrong = MEDICINE.replace("drugs: [Sumatriptan]", "drugs: [{name: X, type: MedicalTest}]")
    kept = build_article(wrong, settings)
    assert errors_of(kept.findings) == []
    assert "entity-type-invalid" in [f.code for f in kept.findings]
    assert kept.jsonld is not None
    assert kept.jsonld["@graph"][1]["drug"] == [{"@type": "Drug", "name": "X"}]
    doctored = json.loads(json.dumps(kept.jsonld).replace('"Drug"', '"MedicalTest"'))
    assert [e.json_path for e in iter_schema_errors("graph.schema.json", doctored)]

    monkeypatch.chdir(tmp_path / "site")
    validated = CliRunner().invoke(main, ["validate", "--format", "json", "content/migraene.md"])
    assert validated.exit_code == 0, validated.output
    findings = [f for unit in json.loads(validated.output)["units"] for f in unit["findings"]]
    assert [f["code"] for f in findings] == ["about-type"]


def _read_dotted_iso(match: re.Match[str], day_first: bool) -> tuple[PageDate, bool]:
    return dt.date(int(match["year"]), int(match["month"]), int(match["day"])), False


DOTTED_ISO = DateForm(
    name="dotted-iso",
    pattern=re.compile(r"^(?P<year>\d{4})\.(?P<month>\d{2})\.(?P<day>\d{2})$"),
    example="2025.02.19",
    description="YYYY.MM.DD",
    read=_read_dotted_iso,
)


def test_a_date_form_added_to_the_table_is_accepted_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "---\ntitle: Dato\nslug: dato\ndatePublished: 2025.02.19\n---\n\nEn tekst.\n"
    settings = sample_project(tmp_path, {"dato.md": text})
    monkeypatch.chdir(tmp_path)
    assert [f.code for f in build_article(text, settings).findings] == ["date-invalid"]
    assert CliRunner().invoke(main, ["validate", "content/dato.md"]).exit_code == 1

    # The table alone: the schema's date format asks it, no schema file changes.
    monkeypatch.setattr(dates, "DATE_FORMS", (*dates.DATE_FORMS, DOTTED_ISO))
    result = build_article(text, settings)
    assert result.jsonld is not None and errors_of(result.findings) == []
    assert result.jsonld["@graph"][0]["datePublished"] == "2025-02-19"
    validated = CliRunner().invoke(main, ["validate", "--format", "json", "content/dato.md"])
    assert validated.exit_code == 0, validated.output
    codes = {f["code"] for unit in json.loads(validated.output)["units"] for f in unit["findings"]}
    assert not {code for code in codes if code.startswith("date-")}
    build_site(settings)
    sitemap = (settings.out_dir / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{settings.base_url}/artikler/dato/</loc><lastmod>2025-02-19</lastmod>" in sitemap
