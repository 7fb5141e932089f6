"""Golden case files: each tests/cases/articles/<name>.md against <name>.expected.json.

A case built under other settings than the sample's has them beside it in
<name>.settings.toml (keys as in seo-export.toml, over the sample's).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from seo_export.build.article import build_article
from seo_export.config.settings import Settings, load_settings

from conftest import REPO
from helpers import case_summary

CASES = Path(__file__).parent / "cases" / "articles"
CASE_FILES = sorted(CASES.glob("*.md"))


def test_case_folder_is_not_empty() -> None:
    assert len(CASE_FILES) >= 30


@pytest.mark.parametrize("case", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_case(case: Path, settings: Settings, check_golden: Callable[[Path, str], None]) -> None:
    overrides = case.with_suffix(".settings.toml")
    if overrides.exists():
        settings = load_settings(
            REPO / "seo-export.toml", **tomllib.loads(overrides.read_text(encoding="utf-8"))
        )
    result = build_article(case.read_text(encoding="utf-8"), settings, path=case.name)
    actual = json.dumps(case_summary(result), ensure_ascii=False, indent=2) + "\n"
    check_golden(case.with_suffix(".expected.json"), actual)


def test_misspelt_key_names_the_key_it_resembles(settings: Settings) -> None:
    case = CASES / "field-misspelt.md"
    result = build_article(case.read_text(encoding="utf-8"), settings, path=case.name)
    assert [f.message for f in result.findings if f.code == "field-unknown"] == [
        f"{typo!r} is not a key seo-export reads, so its value is not used; did you mean {meant!r}?"
        for typo, meant in [
            ("lastUpdate", "lastUpdated"),
            ("datePublised", "datePublished"),
            ("descripton", "description"),
            ("metaTitel", "metaTitle"),
            ("draf", "draft"),
        ]
    ]


@pytest.mark.parametrize(
    "key",
    # Ours in any case, other tools' keys, and ours with a word added are not misspellings.
    ["images", "translationKey", "publishDate", "updatedAt", "urls", "slugs", "updatedBy",
     "reviewedOn", "forfatter", "author_id", "category", "tags", "lastmod", "Title", "DRAFT",
     "noIndex", "canonicalURL", "LastMod", "linkTitle", "weight", "related"],
)  # fmt: skip
def test_keys_that_are_not_misspellings_stay_quiet(key: str) -> None:
    from seo_export.read.keys import key_meant

    assert key_meant(key) is None


@pytest.mark.parametrize(
    ("key", "meant"),
    [("noindx", "noindex"), ("date_published", "datePublished"), ("symtoms", "symptoms"),
     ("canonical-url", "canonicalUrl"), ("metaTitel", "metaTitle"), ("lastUpdate", "lastUpdated"),
     ("draf", "draft"), ("LastUpdate", "lastUpdated"), ("Draf", "draft"), ("Descripton", "description"),
     ("pubdat", "pubDate")],
)  # fmt: skip
def test_misspellings_name_the_key_meant(key: str, meant: str) -> None:
    from seo_export.read.keys import key_meant

    assert key_meant(key) == meant
