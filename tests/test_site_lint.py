"""Duplicates across articles: found in a whole build, one finding per group naming each article."""

from __future__ import annotations

import shutil
from pathlib import Path

from seo_export.build.site import build_site
from seo_export.checks.site import SiteLint
from seo_export.config.settings import load_settings

from conftest import REPO


def article(slug: str, title: str, description: str, canonical: str | None = None) -> str:
    extra = f"canonical: {canonical}\n" if canonical else ""
    return (
        f"---\ntitle: {title}\nslug: {slug}\ndescription: {description}\n{extra}"
        "datePublished: 2025-01-10\n---\n\nIntro.\n"
    )


DESCRIPTION = "En beskrivelse, der er lang nok til ikke at blive for kort for søgemaskinerne her."


def test_duplicates_are_one_finding_per_group_naming_every_file_with_its_line(
    tmp_path: Path,
) -> None:
    shutil.copy(REPO / "seo-export.toml", tmp_path)
    settings = load_settings(tmp_path / "seo-export.toml")
    content = tmp_path / "content"
    content.mkdir()
    files = {
        "a.md": article("a", "Ondt i ryggen", DESCRIPTION),
        "b.md": article(
            "b", "Ondt i ryggen", "En helt anden beskrivelse, som også er lang nok til at gå."
        ),
        "c.md": article("c", "ONDT I RYGGEN", DESCRIPTION),
        "d.md": article(
            "d",
            "Noget andet",
            "Og en tredje beskrivelse, der heller ikke ligner de andre.",
            "/artikler/a/",
        ),
        "e.md": article(
            "e",
            "Noget helt tredje",
            "Den fjerde beskrivelse, der er lang nok og ikke ligner nogen.",
        ),
    }
    for name, text in files.items():
        (content / name).write_text(text, encoding="utf-8")
    result = build_site(settings)
    site = [
        (f.code, f.file, f.line, f.message)
        for f in result.findings
        if f.code.startswith("duplicate-")
    ]
    # In the order the first of each group came (a: canonical, title, description); the
    # line of each article's title, description, and of the slug its URL is made from.
    assert site == [
        (
            "duplicate-canonical",
            "content/a.md",
            3,
            "2 articles have the same canonical URL: content/a.md:3, content/d.md:3",
        ),
        (
            "duplicate-title",
            "content/a.md",
            2,
            "3 articles have the same title: content/a.md:2, content/b.md:2, content/c.md:2",
        ),
        (
            "duplicate-description",
            "content/a.md",
            4,
            "2 articles have the same description: content/a.md:4, content/c.md:4",
        ),
    ]
    # validate says the same
    from seo_export.project.validate import validate_project

    validated = [
        (f.code, f.file, f.line, f.message)
        for f in validate_project(settings).findings
        if f.code.startswith("duplicate-")
    ]
    assert validated == site


def test_site_lint_without_duplicates_reports_only_the_faq_note() -> None:
    lint = SiteLint(lambda index: f"file-{index}")
    assert lint.closing() == []
