"""What a newcomer meets first: a wrong content folder does not empty out/, init speaks the
site's language, the README's own image form draws no finding, incremental duplicates keep
their lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_export.build.site import build_site
from seo_export.cli import main
from seo_export.config.settings import load_settings
from seo_export.errors import EmptyBuildError
from seo_export.pages.check import check_pages

from conftest import REPO
from helpers import snapshot


def test_a_build_that_would_empty_out_is_refused_and_changes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    runner = CliRunner()
    assert runner.invoke(main, ["build", "-q"]).exit_code == 0
    before = snapshot(project / "out")
    (project / "empty").mkdir()
    result = runner.invoke(main, ["build", "--content", "empty"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: the build would remove every article from out/ and build none "
        "(0 article files in empty): check --content or content_dir, or pass --allow-empty"
    )
    assert snapshot(project / "out") == before
    allowed = runner.invoke(main, ["build", "--content", "empty", "--allow-empty"])
    assert allowed.exit_code == 0, allowed.output
    assert not (project / "out" / "nerveafklemning").exists()


def test_the_library_refuses_too_and_an_empty_out_is_no_problem(tmp_path: Path) -> None:
    shutil.copy(REPO / "seo-export.toml", tmp_path)
    (tmp_path / "content").mkdir()
    settings = load_settings(tmp_path / "seo-export.toml")
    assert build_site(settings).built == 0  # nothing to remove: not refused
    shutil.copy(REPO / "content" / "nerveafklemning.md", tmp_path / "content")
    assert build_site(settings).built == 1
    (tmp_path / "content" / "nerveafklemning.md").unlink()
    with pytest.raises(EmptyBuildError):
        build_site(settings)
    assert (settings.out_dir / "nerveafklemning" / "head.html").is_file()
    assert build_site(settings, allow_empty=True).built == 0


@pytest.mark.parametrize("language", ["da-DK", "da"])
def test_init_writes_danish_defaults_for_danish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "site", "-y", "--language", language])
    assert result.exit_code == 0, result.output
    settings = load_settings(tmp_path / "site" / "seo-export.toml")
    assert settings.article_url == "/artikler/{slug}/"
    assert (settings.articles_index.name, settings.articles_index.url) == (
        "Artikler",
        "https://www.example.com/artikler/",
    )
    assert [p.name for p in (tmp_path / "site" / "content").iterdir()] == ["tennisalbue.md"]
    built = build_site(settings)
    # The info findings: the type of the main entity, and one more (as the English example).
    assert (built.built, built.counts) == (1, {"error": 0, "warning": 0, "info": 2})
    graph = json.loads((settings.out_dir / "tennisalbue" / "schema.jsonld").read_text("utf-8"))
    nodes = {
        node["@type"] if isinstance(node["@type"], str) else "page": node
        for node in graph["@graph"]
    }
    crumbs = [item["name"] for item in nodes["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["My health site", "Artikler", "Tennisalbue"]
    assert nodes["MedicalCondition"]["name"] == "Tennisalbue"
    condition = nodes["MedicalCondition"]
    assert [item["name"] for item in condition["possibleTreatment"]][:1] == ["hvile"]
    assert "primaryPrevention" in condition


def test_init_in_english_keeps_the_english_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["init", "site", "-y"]).exit_code == 0
    settings = load_settings(tmp_path / "site" / "seo-export.toml")
    assert (settings.article_url, settings.articles_index.name) == ("/articles/{slug}/", "Articles")
    assert [p.name for p in (tmp_path / "site" / "content").iterdir()] == ["tennis-elbow.md"]


IMAGE = "image:\n  url: /billeder/nerve.jpg\n  width: 1200\n  height: 630\n  alt: En nerve\n"


def test_the_documented_image_form_draws_no_vocabulary_finding(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = project / "content" / "nerveafklemning.md"
    article.write_text(article.read_text("utf-8").replace("---\n", "---\n" + IMAGE, 1), "utf-8")
    monkeypatch.chdir(project)
    validated = CliRunner().invoke(
        main, ["validate", "-v", "--format", "json", "--select", "vocab-"]
    )
    assert json.loads(validated.stdout)["units"] and all(
        not unit["findings"] for unit in json.loads(validated.stdout)["units"]
    )
    settings = load_settings(project / "seo-export.toml")
    build_site(settings)
    graph = json.loads((settings.out_dir / "nerveafklemning" / "schema.jsonld").read_text("utf-8"))
    page = graph["@graph"][0]
    assert page["primaryImageOfPage"] == {
        "@type": "ImageObject",
        "url": "https://www.fysfinder.dk/billeder/nerve.jpg",
        "width": 1200,
        "height": 630,
        "caption": "En nerve",
    }
    html = project / "site" / "nerveafklemning.html"
    html.parent.mkdir()
    head = (settings.out_dir / "nerveafklemning" / "head.html").read_text("utf-8")
    html.write_text(f"<!doctype html><html><head>{head}</head><body></body></html>", "utf-8")
    report = check_pages([html])
    assert [f.code for f in report.findings if f.code.startswith("vocab-")] == []


def test_an_incremental_build_names_duplicates_with_their_lines(
    project: Path,
) -> None:
    settings = load_settings(project / "seo-export.toml")
    sample = (project / "content" / "nerveafklemning.md").read_text("utf-8")
    (project / "content" / "kopi.md").write_text(sample, "utf-8")
    first = [f for f in build_site(settings).findings if f.code == "duplicate-title"]
    (project / "content" / "anden.md").write_text("---\ntitle: Anden\n---\n\nTekst.\n", "utf-8")
    again = [f for f in build_site(settings).findings if f.code == "duplicate-title"]
    assert len(first) == 1 and again == first
    assert first[0].message.endswith("content/kopi.md:4, content/nerveafklemning.md:4")


def duplicate_titles_project(root: Path, count: int = 12) -> Path:
    root.mkdir()
    settings = (REPO / "seo-export.toml").read_text("utf-8")
    (root / "seo-export.toml").write_text('slug_source = "title"\n' + settings, "utf-8")
    content = root / "content"
    content.mkdir()
    for n in range(count):  # titles repeat three times: four slugs, eight duplicates
        (content / f"artikel-{n:02d}.md").write_text(
            f"---\ntitle: Emne {n // 3}\ndescription: Beskrivelse {n} af en artikel, lang nok "
            "til en god beskrivelse i søgeresultater.\ndatePublished: 2025-01-10\n---\n\n"
            f"Intro {n}.\n\n## Symptomer\n\nSymptomer inkluderer smerte og prikken.\n",
            "utf-8",
        )
    return root / "seo-export.toml"


def test_slug_duplicates_are_settled_without_building_an_article_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seo_export.build import work

    built: list[str] = []
    real = work.build_text

    def counted(text: str, content_hash: str, display: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        built.append(display)
        return real(text, content_hash, display, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(work, "build_text", counted)
    settings = load_settings(duplicate_titles_project(tmp_path / "one"))
    result = build_site(settings, jobs=1)
    assert (result.built, result.skipped) == (4, 8)
    assert sorted(built) == sorted(set(built)) and len(built) == 12  # each once
    for n in range(4):  # the first in source order keeps the slug, with its own files
        head = (settings.out_dir / f"emne-{n}" / "head.html").read_text("utf-8")
        assert f"Beskrivelse {3 * n} af" in head
    # In parallel (workers stage in any order) the output is the same, byte for byte.
    for attempt in range(3):
        other = load_settings(duplicate_titles_project(tmp_path / f"many-{attempt}"))
        parallel = build_site(other, jobs=3)
        assert (parallel.built, parallel.skipped) == (4, 8)
        assert snapshot(other.out_dir) == snapshot(settings.out_dir)
        assert not list(other.out_dir.parent.glob(".out.staging"))


def test_an_article_whose_folder_is_taken_stages_its_files_aside(tmp_path: Path) -> None:
    from seo_export.build.staging import is_contested, stage_files
    from seo_export.model import OutputFile

    first = stage_files(tmp_path, [OutputFile("emne/head.html", b"a")], "a.md")
    second = stage_files(tmp_path, [OutputFile("emne/head.html", b"b")], "b.md")
    assert first == ("emne/head.html",) and not is_contested(first[0])
    assert is_contested(second[0]) and second[0].endswith("/emne/head.html")
    assert (tmp_path / "emne" / "head.html").read_bytes() == b"a"
    assert (tmp_path / second[0]).read_bytes() == b"b"
