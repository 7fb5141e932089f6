"""Golden case files: each tests/cases/articles/<name>.md against <name>.expected.json."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from seo_export.build.article import build_article
from seo_export.config.settings import Settings

from helpers import case_summary

CASES = Path(__file__).parent / "cases" / "articles"
CASE_FILES = sorted(CASES.glob("*.md"))


def test_case_folder_is_not_empty() -> None:
    assert len(CASE_FILES) >= 30


@pytest.mark.parametrize("case", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_case(case: Path, settings: Settings, check_golden: Callable[[Path, str], None]) -> None:
    result = build_article(case.read_text(encoding="utf-8"), settings, path=case.name)
    actual = json.dumps(case_summary(result), ensure_ascii=False, indent=2) + "\n"
    check_golden(case.with_suffix(".expected.json"), actual)


def test_misspelt_key_names_the_key_it_resembles(settings: Settings) -> None:
    case = CASES / "field-misspelt.md"
    result = build_article(case.read_text(encoding="utf-8"), settings, path=case.name)
    assert [f.message for f in result.findings if f.code == "field-unknown"] == [
        f"{typo!r} is not a key seo-export reads, so its value is not used; "
        f"did you mean {meant!r}? (keys are case-sensitive)"
        for typo, meant in [
            ("noIndex", "noindex"),
            ("datePublised", "datePublished"),
            ("descripton", "description"),
            ("metaTitel", "metaTitle"),
            ("Title", "title"),
        ]
    ]


@pytest.mark.parametrize(
    "key",
    # Other tools' keys and ours with a word added are other fields, not misspellings.
    ["images", "translationKey", "publishDate", "updatedAt", "urls", "slugs", "updatedBy",
     "reviewedOn", "forfatter", "author_id", "category", "tags", "lastmod"],
)  # fmt: skip
def test_keys_that_are_not_misspellings_stay_quiet(key: str) -> None:
    from seo_export.read.normalize import key_meant

    assert key_meant(key) is None


@pytest.mark.parametrize(
    ("key", "meant"),
    [("noIndex", "noindex"), ("date_published", "datePublished"), ("symtoms", "symptoms"),
     ("canonicalURL", "canonicalUrl"), ("metaTitel", "metaTitle")],
)  # fmt: skip
def test_misspellings_name_the_key_meant(key: str, meant: str) -> None:
    from seo_export.read.normalize import key_meant

    assert key_meant(key) == meant
