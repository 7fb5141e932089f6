"""Quiet by default: -q/-v of validate and check in every format, date-ambiguous once per run
and only when the settings leave the date order to its default."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_export.build.site import build_site
from seo_export.cli import main
from seo_export.config.settings import load_settings
from seo_export.project.report import write_report
from seo_export.project.validate import validate_project

from conftest import REPO

ARTICLE = """---
title: {title}
description: En beskrivelse af {title}, der er lang nok til at være en rigtig beskrivelse her.
datePublished: {date}
---

Intro om emnet.

## Symptomer

Symptomer inkluderer smerte og prikken.
"""


def write_site(root: Path, date_order: str | None = None) -> Path:
    """Three articles with ambiguous dates (two in one article's neighbour), one without."""
    settings = (REPO / "seo-export.toml").read_text("utf-8")
    if date_order is not None:  # before the file's first table
        settings = f'date_order = "{date_order}"\n' + settings
    (root / "seo-export.toml").write_text(settings, "utf-8")
    content = root / "content"
    content.mkdir()
    for name, date in (("a", "03/04/2025"), ("b", "05/06/2025"), ("c", "2025-01-01")):
        (content / f"{name}.md").write_text(
            ARTICLE.format(title=f"Artikel {name}", date=date), "utf-8"
        )
    return root / "seo-export.toml"


def codes(findings: list[object]) -> list[str]:
    return [getattr(f, "code") for f in findings]  # noqa: B009


def test_ambiguous_dates_make_one_finding_per_run_naming_the_first(tmp_path: Path) -> None:
    report = validate_project(load_settings(write_site(tmp_path)))
    ambiguous = [f for f in report.findings if f.code == "date-ambiguous"]
    assert len(ambiguous) == 1
    (summary,) = ambiguous
    assert summary.file is None and summary.key == "date_order"
    assert summary.message.startswith("2 numeric dates in 2 articles could be read either way")
    assert "(the first: content/a.md:4)" in summary.message
    assert [u.name for u in report.units if summary in u.findings] == ["site"]


@pytest.mark.parametrize("order", ["day-first", "month-first"])
def test_no_ambiguous_date_finding_when_the_settings_give_the_order(
    tmp_path: Path, order: str
) -> None:
    settings = load_settings(write_site(tmp_path, order))
    assert settings.date_order_given
    report = validate_project(settings)
    assert "date-ambiguous" not in codes(report.findings)


def test_an_override_gives_the_order_too(tmp_path: Path) -> None:
    settings = load_settings(write_site(tmp_path), date_order="day-first")
    assert "date-ambiguous" not in codes(validate_project(settings).findings)


def test_build_counts_the_summary_once_and_the_report_counts_as_the_command_line(
    tmp_path: Path,
) -> None:
    settings = load_settings(write_site(tmp_path))
    result = build_site(settings, jobs=1)
    assert [f.file for f in result.findings if f.code == "date-ambiguous"] == [None]
    manifest = json.loads((settings.out_dir / "manifest.json").read_text("utf-8"))
    own = [f for a in manifest["articles"] for f in a["findings"] if f["code"] == "date-ambiguous"]
    assert len(own) == 2  # each article's manifest entry still says what it has
    assert [f["code"] for f in manifest["site_findings"]].count("date-ambiguous") == 1
    page = write_report(settings).read_text("utf-8")
    shown = dict(re.findall(r'<dd data-total="(\w+)">(\d+)</dd>', page))
    assert {k: int(shown[k]) for k in ("error", "warning", "info")} == result.counts
    # An incremental build with nothing changed, and one that reads the unchanged
    # articles from the manifest, say the same.
    assert build_site(settings, jobs=1).counts == result.counts
    (settings.content_dir / "c.md").write_text(
        ARTICLE.format(title="Artikel c", date="2025-01-02"), "utf-8"
    )
    again = build_site(settings, jobs=1, keep_info=False)
    assert again.counts == result.counts


def test_explain_date_ambiguous_agrees_with_the_settings_reference() -> None:
    output = CliRunner().invoke(main, ["explain", "date-ambiguous"]).output
    assert "date_order" in output
    assert "YYYY-MM-DD" not in output  # no advice to rewrite dates the settings can read


def cli(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The three articles, plus one with a warning (dates out of order)."""
    write_site(tmp_path)
    (tmp_path / "content" / "d.md").write_text(
        ARTICLE.format(title="Artikel d", date="2025-02-01").replace(
            "datePublished", "lastUpdated: 2024-01-01\ndatePublished"
        ),
        "utf-8",
    )
    return tmp_path


def test_validate_text_prints_warnings_and_counts_the_info(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, output = cli(site, monkeypatch, "validate")
    assert code == 0
    lines = output.splitlines()
    info = [line for line in lines if ": info: " in line]
    assert info == []
    assert [line for line in lines if ": warning: " in line] == [
        "  4: warning: date-order: lastUpdated (2024-01-01) is before datePublished "
        "(2025-02-01); dateModified uses datePublished"
    ]
    assert re.fullmatch(
        r"4 files checked: 0 errors, 1 warning, (\d+) info \(not shown; -v shows them\)",
        lines[-1],
    )
    _, verbose = cli(site, monkeypatch, "validate", "-v")
    count = int(re.search(r"(\d+) info", lines[-1]).group(1))  # type: ignore[union-attr]
    assert len([line for line in verbose.splitlines() if ": info: " in line]) == count
    assert verbose.splitlines()[-1] == f"4 files checked: 0 errors, 1 warning, {count} info"
    _, quiet = cli(site, monkeypatch, "validate", "-q")
    assert quiet.splitlines() == ["content/d.md", lines[-2]]


def test_github_annotations_leave_notices_to_verbose(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, default = cli(site, monkeypatch, "validate", "--format", "github")
    assert "::notice" not in default
    assert default.count("::warning ") == 1
    _, verbose = cli(site, monkeypatch, "validate", "--format", "github", "-v")
    assert "::notice title=date-ambiguous::2 numeric dates" in verbose
    _, quiet = cli(site, monkeypatch, "validate", "--format", "github", "-q")
    assert quiet.splitlines() == [default.splitlines()[0]]  # the warning, no summary


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_documents_for_tools_hold_info_unless_quiet(
    site: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    _, default = cli(site, monkeypatch, "validate", "--format", fmt)
    _, verbose = cli(site, monkeypatch, "validate", "--format", fmt, "-v")
    _, quiet = cli(site, monkeypatch, "validate", "--format", fmt, "-q")
    assert default == verbose
    assert "date-ambiguous" in default and "date-ambiguous" not in quiet
    assert "date-order" in quiet


def test_check_takes_quiet_and_verbose(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "site" / "index.html"
    page.parent.mkdir()
    faq = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": "Hvad?",
                "acceptedAnswer": {"@type": "Answer", "text": "Det."},
            }
        ],
    }
    page.write_text(
        "<!doctype html><html><head><title>T</title>"
        '<meta name="description" content="En side.">'
        '<link rel="canonical" href="https://example.org/">'
        f'<script type="application/ld+json">{json.dumps(faq)}</script>'
        "</head><body></body></html>",
        "utf-8",
    )
    code, default = cli(tmp_path, monkeypatch, "check", "site")
    assert code == 0
    assert "google-faq-rich-results" not in default
    assert default.splitlines()[-1].endswith("1 info (not shown; -v shows them)")
    _, verbose = cli(tmp_path, monkeypatch, "check", "site", "-v")
    assert "info: google-faq-rich-results" in verbose
    _, quiet = cli(tmp_path, monkeypatch, "check", "site", "-q")
    assert quiet == ""
