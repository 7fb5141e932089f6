"""The seed article, parsed into the model: a golden JSON plus the facts the issue names."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from seo_export.build.article import build_article
from seo_export.config.settings import Settings

from helpers import dumps

GOLDEN = Path(__file__).parent / "cases" / "sample" / "nerveafklemning.model.json"


def test_sample_model_matches_golden(
    sample_text: str, settings: Settings, check_golden: Callable[[Path, str], None]
) -> None:
    result = build_article(sample_text, settings, path="content/nerveafklemning.md")
    assert result.article is not None
    check_golden(GOLDEN, dumps(result.article))


def test_sample_has_seven_sections_and_the_files_four_questions(
    sample_text: str, settings: Settings
) -> None:
    article = build_article(sample_text, settings, path="x.md").article
    assert article is not None
    assert len(article.sections) == 7
    h3_lines = [
        (number, line[4:])
        for number, line in enumerate(sample_text.splitlines(), start=1)
        if line.startswith("### ")
    ]
    assert [(item.line, item.question) for item in article.faq] == h3_lines
    assert len(article.faq) == 4
    assert article.faq_line == 38
    assert article.sections[0].heading == "Hvad er symptomerne på nerveafklemning?"


def test_sample_dates_and_date_order_warning(sample_text: str, settings: Settings) -> None:
    result = build_article(sample_text, settings, path="content/nerveafklemning.md")
    article = result.article
    assert article is not None
    assert article.date_published is not None and article.date_published.isoformat() == "2025-02-19"
    # lastUpdated (2024) lies before datePublished (2025): the later one is the modified date.
    assert article.date_modified is not None and article.date_modified.isoformat() == "2025-02-19"
    assert [
        (f.severity.value, f.code, f.file, f.line, f.key)
        for f in result.findings
        if f.severity.value != "info"
    ] == [("warning", "date-order", "content/nerveafklemning.md", 3, "lastUpdated")]
    # Mapped sections without a list or a cue word are noted, not guessed from.
    assert [(f.code, f.line) for f in result.findings if f.severity.value == "info"] == [
        ("about-type", 8),
        # what prose extraction left out, each with its line (generic words, clauses, goals)
        *[("entity-left-out", 16)] * 2,
        *[("entity-left-out", 20)] * 3,
        *[("entity-left-out", 32)] * 3,
        ("section-no-items", 44),  # possibleComplication: prose without a cue
        ("description-derived", 8),
    ]


def test_sample_description_is_cut_at_a_word_boundary(sample_text: str, settings: Settings) -> None:
    article = build_article(sample_text, settings).article
    assert article is not None
    assert article.description_derived
    assert len(article.description) <= 155
    assert article.description.endswith("…")
    intro = article.intro[0].text
    stem = article.description[:-1]
    assert intro.startswith(stem)
    # The character after the cut is a space (or punctuation then a space): no word was cut.
    assert re.match(r"[\s,.;:]", intro[len(stem)])


def test_bom_and_crlf_give_identical_results(sample_text: str, settings: Settings) -> None:
    plain = build_article(sample_text, settings, path="a.md")
    windows = build_article("\ufeff" + sample_text.replace("\n", "\r\n"), settings, path="a.md")
    assert windows.article == plain.article
    assert windows.files == plain.files
    assert windows.findings == plain.findings


def test_month_first_setting_flips_slash_dates(tmp_path: Path) -> None:
    from seo_export.config.settings import load_settings

    us = load_settings(
        None, search=False, base_url="https://example.com", site_name="Ex", date_order="month-first"
    )
    text = "---\ntitle: T\ndatePublished: 02/19/2025\n---\n\nText.\n"
    article = build_article(text, us).article
    assert article is not None and str(article.date_published) == "2025-02-19"
    dotted = build_article("---\ntitle: T\ndatePublished: 03.04.2025\n---\n\nx\n", us).article
    assert dotted is not None and str(dotted.date_published) == "2025-04-03"
