"""out/report.html: built from a real build, read back as HTML and in headless Chromium."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from click.testing import CliRunner

from seo_export.build.manifest import read_footer
from seo_export.build.site import build_site
from seo_export.cli import main
from seo_export.config.settings import Settings
from seo_export.project.report import NoBuildToReportError, write_report

from browser import dump_dom, find_chromium, png_size, screenshot
from helpers import plant_leftovers, sample_project, snapshot

HOSTILE_TITLE = "Ondt </script><img src=x onerror=alert(1)> & \"citat\" 'enkelt'"
LONG_META_TITLE = (
    "Nerveafklemning i nakken, skulderen og armen – symptomer, årsager og behandling hos os"
)
ARTICLES = {
    "broken.md": "---\ntitle: [x\n---\n\nTekst.\n",
    "hostile.md": f"""---
title: {json.dumps(HOSTILE_TITLE)}
description: "Beskrivelse med <b>fed</b> tekst og &amp; et tegn, der skal vises som det står og ikke tolkes."
datePublished: 2025-01-10
slug: ondt
---

Ondt er en tilstand, som mange kender.

## Hvad er symptomerne?

Symptomerne inkluderer smerte, stivhed og hovedpine.
""",
    "nakken.md": f"""---
title: Nerveafklemning i nakken
metaTitle: {LONG_META_TITLE}
description: Nerveafklemning i nakken giver smerter, der stråler ud i armen. Læs om symptomer, årsager og behandling.
datePublished: 2025-01-10
slug: nakken
---

Nerveafklemning i nakken er en tilstand, hvor en nerve i nakken bliver klemt.

## Hvad er symptomerne?

- Smerter i armen
- Prikken i fingrene
""",
}


@pytest.fixture
def site(tmp_path: Path) -> Settings:
    """The sample article and three more (hostile, long title, broken), built into tmp_path/out."""
    settings = sample_project(tmp_path, ARTICLES)
    assert settings.content_dir == tmp_path / "content"
    build_site(settings)
    return settings


def manifest(settings: Settings) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((settings.out_dir / "manifest.json").read_text("utf-8"))
    return data


def cards(dom: Any) -> dict[str, Any]:
    """Article cards by the source file they show."""
    found = {}
    for card in dom.xpath('//article[@class="card"]'):
        source = card.xpath('string(.//p[@class="source"])').split(" · ")[0]
        found[source] = card
    return found


def text(node: Any, css_class: str) -> str:
    return str(node.xpath(f'string(.//*[@class="{css_class}"])'))


def visible(dom: Any) -> list[str]:
    return sorted(name for name, card in cards(dom).items() if card.get("hidden") is None)


# Reading the file as HTML (no browser): structure, escaping, self-containment.


def test_report_escapes_every_content_string(site: Settings) -> None:
    page = write_report(site).read_text("utf-8")
    dom = lxml.html.fromstring(page)
    hostile = cards(dom)["hostile.md"]
    assert hostile.xpath("string(h3)") == HOSTILE_TITLE
    assert dom.xpath("//img") == []
    assert dom.xpath("//@onerror") == []
    assert len(dom.xpath("//script")) == 1
    assert "<b>fed</b>" not in page
    assert text(hostile, "serp-description").startswith(
        "Beskrivelse med <b>fed</b> tekst og & et tegn"
    )


def test_report_is_one_self_contained_file(site: Settings) -> None:
    page = write_report(site).read_text("utf-8")
    dom = lxml.html.fromstring(page)
    assert dom.xpath("//script/@src | //link | //img | //iframe | //object | //embed") == []
    style = dom.xpath("string(//style)")
    assert "url(" not in style and "@import" not in style
    assert dom.xpath("string(//html/@lang)") == "en"
    assert [label.get("for") for label in dom.xpath("//label[@for]")] == ["search"]
    assert dom.xpath("//input[@id='search']/@type") == ["search"]


def test_report_is_the_same_bytes_for_the_same_build(site: Settings, tmp_path: Path) -> None:
    first = write_report(site).read_bytes()
    second = write_report(site, path=tmp_path / "again.html").read_bytes()
    assert first == second


def test_summary_counts_and_coverage_match_the_manifest(site: Settings) -> None:
    dom = lxml.html.fromstring(write_report(site).read_text("utf-8"))
    totals = {dd.get("data-total"): int(dd.text) for dd in dom.xpath("//dd[@data-total]")}
    data = manifest(site)
    articles = data["articles"]
    # The site-wide findings count, as on the command line; an article's own
    # date-ambiguous ones are counted once, in the site's summary of them.
    severities = [
        f["severity"] for a in articles for f in a["findings"] if f["code"] != "date-ambiguous"
    ] + [f["severity"] for f in data["site_findings"]]
    assert data["site_findings"], "the test needs a site-wide finding"
    assert totals == {
        "articles": 4,
        "built": 3,
        "skipped": 1,
        "error": severities.count("error"),
        "warning": severities.count("warning"),
        "info": severities.count("info"),
    }
    counts = build_site(site).counts  # what the command line says
    assert {k: totals[k] for k in ("error", "warning", "info")} == counts
    assert totals["error"] == 1
    bars = {
        row.xpath('string(.//span[@class="bar-label"])'): int(
            row.xpath('string(.//span[@class="bar-count"])')
        )
        for row in dom.xpath('//div[@class="bar-row"][.//span[contains(@class,"coverage")]]')
    }
    assert bars["signOrSymptom"] == 3
    assert bars["cause"] == 1
    assert bars["FAQ"] == 1
    assert bars["typicalTest"] == 1  # "Diagnosen stilles ... gennem" in the sample
    whole_site = dom.xpath('//h3[.="About the whole site"]/following-sibling::ul[1]/li/code/text()')
    assert whole_site == ["google-faq-rich-results"]


def test_articles_are_listed_most_serious_first_and_capped(site: Settings) -> None:
    dom = lxml.html.fromstring(write_report(site, max_articles=2).read_text("utf-8"))
    listed = [card.get("data-severity") for card in dom.xpath('//article[@class="card"]')]
    assert listed == ["error", "warning"]
    assert dom.xpath('string(//p[@class="note"])') == (
        "Listed here: the 2 of 4 articles with the most serious findings. "
        "out/manifest.json has every one."
    )


def test_previews_and_tree_of_one_article(site: Settings) -> None:
    dom = lxml.html.fromstring(write_report(site).read_text("utf-8"))
    sample = cards(dom)["nerveafklemning.md"]
    assert text(sample, "serp-url") == "www.fysfinder.dk › artikler › nerveafklemning"
    assert text(sample, "serp-title") == "Nerveafklemning – Hvad er nerveafklemning? Læs mere"
    assert text(sample, "social-site") == "WWW.FYSFINDER.DK"
    symptoms = sample.xpath('.//li[starts-with(normalize-space(text()), "signOrSymptom")]/ul/li')
    assert [li.xpath("string(.)") for li in symptoms][:2] == [
        "MedicalSignOrSymptom smerte prose, line 12",
        "MedicalSignOrSymptom følelsesløshed prose, line 12",
    ]
    findings = [li.xpath("string(.)") for li in sample.xpath('.//ul[@class="findings"]/li')]
    assert findings[0] == (
        "warning date-order content/nerveafklemning.md:3 lastUpdated (2024-02-24) is before "
        "datePublished (2025-02-19); dateModified uses datePublished"
    )
    broken = cards(dom)["broken.md"]
    assert broken.get("data-severity") == "error"
    assert broken.xpath('.//div[@class="previews"]') == []


def test_no_build_no_report(settings: Settings) -> None:
    with pytest.raises(NoBuildToReportError, match=r"has no manifest\.json: run seo-export build"):
        write_report(settings)


def test_report_command_builds_then_writes(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    runner = CliRunner()
    missing = runner.invoke(main, ["report", "--no-build"])
    assert missing.exit_code == 2
    assert "has no manifest.json: run seo-export build first" in missing.output
    done = runner.invoke(main, ["report", "-o", "r.html"])
    assert done.exit_code == 0, done.output
    assert done.output == f"Report: {Path('r.html')}\n"
    assert (project / "out" / "manifest.json").is_file()
    assert "Nerveafklemning – Hvad er nerveafklemning?" in (project / "r.html").read_text("utf-8")


# In headless Chromium: what a reader sees, after the report's script ran.

CHROMIUM = find_chromium()
if CHROMIUM is None and os.environ.get("SEO_EXPORT_REQUIRE_CHROMIUM"):
    raise RuntimeError("SEO_EXPORT_REQUIRE_CHROMIUM is set but no Chromium was found")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason=(
        "no Chromium on this machine, so the report is not opened in a browser: "
        "apt-get install chromium (Debian, Ubuntu; .ci/run does it), or set SEO_EXPORT_CHROMIUM "
        "to a Chromium or Chrome binary"
    ),
)


@needs_chromium
def test_report_in_chromium_shows_previews_counts_and_no_injected_markup(site: Settings) -> None:
    assert CHROMIUM is not None
    report = write_report(site)
    dom = lxml.html.fromstring(dump_dom(CHROMIUM, report.as_uri()))
    assert dom.xpath('string(//p[@id="shown"])') == "4 of 4 articles shown"
    assert visible(dom) == ["broken.md", "hostile.md", "nakken.md", "nerveafklemning.md"]
    totals = {dd.get("data-total"): dd.text for dd in dom.xpath("//dd[@data-total]")}
    assert (totals["articles"], totals["built"], totals["skipped"]) == ("4", "3", "1")
    long_title = cards(dom)["nakken.md"]
    assert text(long_title, "serp-title") == (
        "Nerveafklemning i nakken, skulderen og armen – symptomer ..."
    )
    assert text(long_title, "social-title") == LONG_META_TITLE
    assert text(long_title, "serp-url") == "www.fysfinder.dk › artikler › nakken"
    hostile = cards(dom)["hostile.md"]
    assert hostile.xpath("string(h3)") == HOSTILE_TITLE
    assert dom.xpath("//img") == []
    assert dom.xpath("//@onerror") == []


@needs_chromium
@pytest.mark.parametrize(
    ("fragment", "expected_visible", "shown"),
    [
        ("severity=error", ["broken.md"], "1 of 4 articles shown"),
        ("severity=warning,info", ["hostile.md", "nakken.md", "nerveafklemning.md"], None),
        ("q=nakken", ["nakken.md"], "1 of 4 articles shown"),
        (
            "q=NERVEAFKLEMNING&severity=warning",
            ["nakken.md", "nerveafklemning.md"],
            "2 of 4 articles shown",
        ),
        ("q=no-such-article", [], "0 of 4 articles shown"),
    ],
)
def test_filters_in_chromium(
    site: Settings, fragment: str, expected_visible: list[str], shown: str | None
) -> None:
    assert CHROMIUM is not None
    report = write_report(site)
    dom = lxml.html.fromstring(dump_dom(CHROMIUM, f"{report.as_uri()}#{fragment}"))
    assert visible(dom) == expected_visible
    if shown is not None:
        assert dom.xpath('string(//p[@id="shown"])') == shown


@needs_chromium
def test_screenshot_in_chromium(site: Settings, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    target = tmp_path / "report.png"
    screenshot(CHROMIUM, write_report(site).as_uri(), target, 1100, 1600)
    assert png_size(target) == (1100, 1600)
    assert target.stat().st_size > 20_000  # a blank page compresses to a few hundred bytes


def test_read_footer_finds_the_closing_data_from_the_end(site: Settings, tmp_path: Path) -> None:
    data = manifest(site)
    assert read_footer(site.out_dir / "manifest.json") == {
        "sitemaps": data["sitemaps"],
        "site_findings": data["site_findings"],
        "index": "index.json",
    }
    assert data["site_findings"][0]["code"] == "google-faq-rich-results"
    # Footers further back than one block, right after the header, and none at all.
    line = '{"source":"a.md","title":"' + "x" * 1000 + '"}'
    big = tmp_path / "big.json"
    big.write_text(
        '{"tool":"seo-export","articles":[\n'
        + ",\n".join([line] * 200)
        + '\n],"sitemaps":["sitemap.xml"],"site_findings":[]}\n',
        encoding="utf-8",
    )
    assert read_footer(big) == {"sitemaps": ["sitemap.xml"], "site_findings": []}
    empty = tmp_path / "empty.json"
    empty.write_text('{"tool":"seo-export","articles":[\n],"sitemaps":[]}\n', encoding="utf-8")
    assert read_footer(empty) == {"sitemaps": []}
    torn = tmp_path / "torn.json"
    torn.write_text('{"tool":"seo-export","articles":[\n' + line, encoding="utf-8")
    assert read_footer(torn) == {}
    assert read_footer(tmp_path / "missing.json") == {}


def test_report_is_refused_while_a_build_holds_out(site: Settings) -> None:
    from seo_export.build.emit import output_lock
    from seo_export.errors import OutputLockedError

    with output_lock(site.out_dir), pytest.raises(OutputLockedError):
        write_report(site)
    assert not (site.out_dir / "report.html").exists()


def test_a_damaged_manifest_is_refused_not_reported_in_part(site: Settings) -> None:
    from seo_export.build.manifest import ManifestDamagedError

    manifest = site.out_dir / "manifest.json"
    lines = manifest.read_bytes().split(b"\n")
    lines[2] = lines[2][:30] + b"\xff\xfe" + lines[2][32:]
    manifest.write_bytes(b"\n".join(lines))
    with pytest.raises(ManifestDamagedError, match="build again with seo-export build --force"):
        write_report(site)
    assert not (site.out_dir / "report.html").exists()
    assert [p.name for p in site.out_dir.iterdir() if p.name.endswith(".tmp")] == []


def test_what_a_stopped_report_left_is_cleared_once_it_is_old(site: Settings) -> None:
    _, running = plant_leftovers(site.out_dir / "report.html")
    write_report(site)
    assert sorted(p.name for p in site.out_dir.iterdir() if p.name.endswith(".tmp")) == [
        running.name
    ]


# -o may not overwrite an article or what the build owns (report, validate and bundle)

BUILD_FILE = "it is one of the files the build writes (or removes) in"
REFUSED = [
    ("out/nerveafklemning/head.html", BUILD_FILE),
    ("out/manifest.json", BUILD_FILE),
    ("out/sitemap.xml", BUILD_FILE),
    ("out/sitemap-2.xml.gz", BUILD_FILE),
    ("out/sitemap-junit.xml", BUILD_FILE),  # the build removes sitemap*.xml* it did not write
    ("content/renamed.md", "it is an article's name in the content folder"),
    ("content/nerveafklemning.md", "it is an article's name in the content folder"),
    (".out.cache", "the build keeps its state there, beside"),
]


@pytest.mark.parametrize("command", ["report", "validate", "bundle"])
@pytest.mark.parametrize(("target", "reason"), REFUSED, ids=[t for t, _ in REFUSED])
def test_output_option_refuses_articles_and_the_builds_files(
    project: Path, monkeypatch: pytest.MonkeyPatch, command: str, target: str, reason: str
) -> None:
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["build", "--quiet"]).exit_code == 0
    article = project / "content" / "nerveafklemning.md"
    article.write_text(article.read_text("utf-8") + "\nEt nyt afsnit.\n", "utf-8")
    before = snapshot(project)  # a build now would rewrite out/: refused before it
    result = CliRunner().invoke(main, [command, "-o", target])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"Error: will not write {target}: {reason}")
    assert snapshot(project) == before  # nothing written, nothing rebuilt


@pytest.mark.parametrize(
    ("command", "target"),
    [("report", "out/report.html"), ("report", "out/preview.html"), ("validate", "out/v.json")],
)
def test_output_option_takes_other_files_at_the_top_of_out(
    project: Path, monkeypatch: pytest.MonkeyPatch, command: str, target: str
) -> None:
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["build", "--quiet"]).exit_code == 0
    verbose = ["-v"] if command == "validate" else []  # every finding, so a file of some size
    result = CliRunner().invoke(main, [command, "-o", target, *verbose])
    assert result.exit_code == 0, result.output
    assert (project / target).stat().st_size > 1000


def test_a_content_folder_that_is_the_project_root_still_takes_reports(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    (project / "content" / "nerveafklemning.md").rename(project / "nerveafklemning.md")
    flat = ["--content", "."]
    assert CliRunner().invoke(main, ["build", "--quiet", *flat]).exit_code == 0
    again = CliRunner().invoke(main, ["build", *flat])  # out/ inside the content folder
    assert again.exit_code == 0, again.output  # is not read: robots-sitemap.txt is no article
    assert "Built 0 articles into out/ (1 unchanged, 0 skipped)" in again.output
    for arguments in (["validate", "-o", "junit.xml"], ["validate", "-o", "out/v.json"]):
        assert CliRunner().invoke(main, [*arguments, *flat]).exit_code == 0, arguments
    assert CliRunner().invoke(main, ["report", "-o", "report.html", *flat]).exit_code == 0
    assert CliRunner().invoke(main, ["bundle", "-o", "articles.ndjson", *flat]).exit_code == 0
    refused = CliRunner().invoke(main, ["validate", "-o", "notes.md", *flat])
    assert refused.exit_code == 2
    assert "it is an article's name in the content folder" in refused.output
