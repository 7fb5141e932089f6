"""The files for site frameworks (setting ``frameworks``) and out/index.json, without the
frameworks themselves (tests/test_nextjs.py and tests/test_hugo.py build real sites).

- Next.js's Metadata object holds the values of the head tags, each under Next's name;
- the Hugo data file is named by the MD5 of the page's URL, as Hugo's ``md5 .Permalink``;
- out/index.json maps every built article's slug and URL path to its files, and a build
  keeps it, and the framework files, in step with the articles (renamed, removed, noindex);
- the setting's values are the table's, and a bundle build refuses them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from seo_export.build.article import build_article
from seo_export.build.site import build_site
from seo_export.config.settings import Settings, load_settings
from seo_export.domain.schemas import load_schema
from seo_export.errors import SettingsError
from seo_export.outputs.frameworks import FRAMEWORKS, hugo_data_path

from helpers import sample_project, snapshot

REPO = Path(__file__).resolve().parent.parent

FULL = """\
---
title: Iskias
metaTitle: Iskias – når nerven kommer i klemme
description: Iskias er smerte fra lænden ned i benet. Læs om symptomer, årsager og behandling her.
datePublished: 2024-03-01
lastUpdated: 2024-09-15
image:
  url: /billeder/iskias.jpg
  width: 1200
  height: 630
  alt: En ryg
author: Anna Jensen
translations:
  en: https://www.fysfinder.dk/en/articles/sciatica/
---

Iskias er smerte, der stråler fra lænden ned i benet.
"""


def framework_settings(tmp_path: Path, **overrides: object) -> Settings:
    return load_settings(
        REPO / "seo-export.toml",
        content_dir=str(tmp_path / "content"),
        out_dir=str(tmp_path / "out"),
        twitter_site="@fysfinder",
        frameworks=["nextjs", "hugo"],
        **overrides,
    )


def test_the_setting_takes_the_frameworks_of_the_table() -> None:
    schema = load_schema("settings.schema.json")
    assert schema["properties"]["frameworks"]["items"]["enum"] == list(FRAMEWORKS)


def test_next_metadata_holds_the_head_tags_values_under_nexts_names(tmp_path: Path) -> None:
    result = build_article(FULL, framework_settings(tmp_path), name="iskias.md")
    files = {file.path: file.content for file in result.files}
    url = "https://www.fysfinder.dk/artikler/iskias/"
    assert list(files) == [
        "iskias/head.html",
        "iskias/schema.jsonld",
        "iskias/meta.json",
        "iskias/next.json",
        hugo_data_path(url),
    ]
    nextjs = json.loads(files["iskias/next.json"])
    title = "Iskias – når nerven kommer i klemme"
    description = (
        "Iskias er smerte fra lænden ned i benet. Læs om symptomer, årsager og behandling her."
    )
    image = "https://www.fysfinder.dk/billeder/iskias.jpg"
    assert nextjs["metadata"] == {
        "title": {"absolute": title},
        "description": description,
        "alternates": {
            "canonical": url,
            # As the hreflang links: each language, itself included, and x-default.
            "languages": {
                "da-DK": url,
                "en": "https://www.fysfinder.dk/en/articles/sciatica/",
                "x-default": url,
            },
        },
        "robots": "index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1",
        "authors": [{"name": "Anna Jensen"}],
        "openGraph": {
            "type": "article",
            "title": title,
            "description": description,
            "url": url,
            "siteName": "FysFinder",
            "locale": "da_DK",
            "publishedTime": "2024-03-01",
            "modifiedTime": "2024-09-15",
            "authors": ["Anna Jensen"],
            "images": [{"url": image, "width": 1200, "height": 630, "alt": "En ryg"}],
        },
        "twitter": {
            "card": "summary_large_image",
            "site": "@fysfinder",
            "title": title,
            "description": description,
            "images": [{"url": image, "alt": "En ryg"}],
        },
    }
    # The JSON-LD as text for a script element: the document, with < > & escaped.
    assert json.loads(nextjs["jsonLd"]) == result.jsonld
    assert "<" not in nextjs["jsonLd"]
    assert nextjs["jsonLd"] in (result.head_html or "")


def test_the_hugo_data_file_is_named_as_hugo_names_the_page(tmp_path: Path) -> None:
    result = build_article(FULL, framework_settings(tmp_path), name="iskias.md")
    url = "https://www.fysfinder.dk/artikler/iskias/"
    name = hashlib.md5(url.encode()).hexdigest()
    assert hugo_data_path(url) == f"_hugo/{name}.json"
    data = json.loads(next(f.content for f in result.files if f.path == f"_hugo/{name}.json"))
    assert data == {"url": url, "head": result.head_html}


def test_the_index_follows_the_articles_through_builds(tmp_path: Path) -> None:
    noindex = "---\ntitle: Skjult side\nnoindex: true\ndatePublished: 2024-01-01\n---\n\nTekst.\n"
    settings = sample_project(tmp_path / "p", {"skjult.md": noindex, "iskias.md": FULL})
    toml = settings.root / "seo-export.toml"
    toml.write_text('frameworks = ["nextjs", "hugo"]\n' + toml.read_text("utf-8"), "utf-8")
    settings = load_settings(toml)
    build_site(settings)
    base = "https://www.fysfinder.dk"
    index = json.loads((settings.out_dir / "index.json").read_text("utf-8"))

    def entry(slug: str, lastmod: str | None, in_sitemap: bool = True) -> dict[str, object]:
        url = f"{base}/artikler/{slug}/"
        return {
            "url": url,
            "path": f"/artikler/{slug}/",
            "lastmod": lastmod,
            "in_sitemap": in_sitemap,
            "files": {
                "head": f"{slug}/head.html",
                "jsonld": f"{slug}/schema.jsonld",
                "meta": f"{slug}/meta.json",
                "next": f"{slug}/next.json",
                "hugo": hugo_data_path(url),
            },
        }

    assert index == {
        "base_url": base,
        "articles": {
            "iskias": entry("iskias", "2024-09-15"),
            "nerveafklemning": entry("nerveafklemning", "2025-02-19"),
            "skjult": entry("skjult", None, in_sitemap=False),
        },
        "paths": {
            "/artikler/iskias/": "iskias",
            "/artikler/nerveafklemning/": "nerveafklemning",
            "/artikler/skjult/": "skjult",
        },
    }
    # The same page under a new file name (its slug kept by front matter): its Hugo file,
    # named by the URL, is the new article's now and stays; the removed article's files go.
    content = settings.content_dir
    (content / "iskias.md").rename(content / "iskias-gammel.md")
    (content / "iskias-gammel.md").write_text(FULL.replace("title:", "slug: iskias\ntitle:", 1))
    (content / "skjult.md").unlink()
    build_site(settings)
    out = snapshot(settings.out_dir)
    assert hugo_data_path(f"{base}/artikler/iskias/") in out
    assert hugo_data_path(f"{base}/artikler/skjult/") not in out
    assert not any(name.startswith("skjult/") for name in out)
    index = json.loads(out["index.json"])
    assert sorted(index["articles"]) == ["iskias", "nerveafklemning"]
    # Nothing changed: nothing written, the index included.
    again = build_site(settings)
    assert again.files_written_count == 0
    assert snapshot(settings.out_dir) == out


def test_a_bundle_build_cannot_write_framework_files(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as error:
        framework_settings(tmp_path, output="bundle")
    assert error.value.problems == [
        'frameworks: needs output = "files" (a framework reads files of its own per article, '
        "and a bundle has none)"
    ]
