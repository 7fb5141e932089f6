"""The content conventions of static-site tools, article by article: where the slug, the
title, the description and the dates come from, which keys are read in which case, which
articles are left out, and the authors."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from seo_export.build.article import build_article
from seo_export.build.site import build_site
from seo_export.config.settings import Settings, load_settings
from seo_export.model import ArticleResult
from seo_export.read.slugs import is_valid_slug

from conftest import REPO

BODY = "\n\nEn indledning der er lang nok til at blive brugt som beskrivelse af siden her.\n"


def build(
    front: str, settings: Settings, name: str | None = "knae.md", body: str = BODY
) -> ArticleResult:
    return build_article(f"---\n{front}---\n{body}", settings, path=name, name=name)


def codes(result: ArticleResult) -> list[tuple[str, int | None, str | None]]:
    return [(f.code, f.line, f.key) for f in result.findings]


def node(result: ArticleResult, kind: str) -> dict[str, Any]:
    assert result.jsonld is not None, result.findings
    return next(n for n in result.jsonld["@graph"] if n["@type"] == kind)


def with_settings(**overrides: Any) -> Settings:
    return load_settings(REPO / "seo-export.toml", **overrides)


# Slugs and URLs


def test_the_slug_is_the_file_name_and_path_keeps_the_folders(settings: Settings) -> None:
    result = build("title: Knæsmerter\n", settings, name="ordbog/knae.md")
    assert result.article is not None
    assert (result.article.slug, result.article.url) == (
        "knae",
        "https://www.fysfinder.dk/artikler/knae/",
    )
    nested = with_settings(article_url="/{path}/")
    result = build("title: Knæsmerter\n", nested, name="Ordbog/Led/knae.md")
    assert result.article is not None
    assert result.article.url == "https://www.fysfinder.dk/ordbog/led/knae/"
    assert result.article.slug == "ordbog-led-knae"  # its folder in out/
    deep = build("title: X\n", nested, name="/".join(["mappe-nummer"] * 12) + "/knae.md")
    assert deep.article is not None and is_valid_slug(deep.article.slug)  # at most 100 long
    assert deep.article.slug.startswith("mappe-nummer-mappe-nummer-")
    assert deep.article.url.endswith("/mappe-nummer/knae/")


def test_with_path_two_files_of_one_name_are_two_articles(tmp_path: Path) -> None:
    (tmp_path / "seo-export.toml").write_text(
        (REPO / "seo-export.toml")
        .read_text(encoding="utf-8")
        .replace('article_url = "/artikler/{slug}/"', 'article_url = "/{path}/"'),
        encoding="utf-8",
    )
    for folder in ("guider", "nyheder"):
        (tmp_path / "content" / folder).mkdir(parents=True)
        (tmp_path / "content" / folder / "intro.md").write_text(
            f"---\ntitle: Intro {folder}\n---\n{BODY}", encoding="utf-8"
        )
    result = build_site(load_settings(tmp_path / "seo-export.toml"))
    assert (result.built, result.skipped) == (2, 0)
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir()) == [
        "guider-intro",
        "nyheder-intro",
    ]
    sitemap = (tmp_path / "out" / "sitemap.xml").read_bytes()
    assert re.findall(rb"<loc>(.*?)</loc>", sitemap) == [
        b"https://www.fysfinder.dk/guider/intro/",
        b"https://www.fysfinder.dk/nyheder/intro/",
    ]


def test_a_leaf_bundle_is_its_folder_and_the_slug_key_wins(settings: Settings) -> None:
    bundle = build("title: Knæ\n", settings, name="posts/knae-smerter/index.md")
    assert bundle.article is not None and bundle.article.slug == "knae-smerter"
    given = build("title: Knæ\nslug: knaeet\n", settings, name="knae.md")
    assert given.article is not None and given.article.slug == "knaeet"


def test_slug_source_title_keeps_the_slug_the_title_gives() -> None:
    result = build("title: Ømme skuldre\n", with_settings(slug_source="title"), name="x.md")
    assert result.article is not None and result.article.slug == "oemme-skuldre"


def test_a_file_name_that_is_no_slug_is_made_one_and_warned_about(settings: Settings) -> None:
    result = build("title: Knæ\n", settings, name="Knæ Smerter.md")
    assert result.article is not None and result.article.slug == "knae-smerter"
    assert ("slug-from-file-name", None, None) in codes(result)


def test_jekyll_posts_take_their_date_and_slug_from_the_file_name() -> None:
    jekyll = with_settings(article_url="/{year}/{month}/{day}/{slug}.html")
    result = build("title: Knæ\n", jekyll, name="_posts/2024-05-01-knae.md")
    assert result.article is not None
    assert result.article.url == "https://www.fysfinder.dk/2024/05/01/knae.html"
    assert str(result.article.date_published) == "2024-05-01"
    dated = build("title: Knæ\ndate: 2024-06-02\n", jekyll, name="2024-05-01-knae.md")
    assert dated.article is not None and dated.article.url.endswith("/2024/06/02/knae.html")
    undated = build("title: Knæ\n", jekyll, name="knae.md")
    assert undated.article is None and ("url-date-missing", None, None) in codes(undated)
    kept = build("title: Knæ\n", with_settings(file_name_date=False), name="2024-05-01-knae.md")
    assert kept.article is not None and kept.article.slug == "2024-05-01-knae"
    assert kept.article.date_published is None


# Titles


@pytest.mark.parametrize(
    ("front", "body", "title", "line"),
    [
        ("metaTitle: Ældre – Hvad er en ældre?\n", BODY, "Ældre", 2),
        ("metaTitle: Ældre - Hvad er en ældre?\n", BODY, "Ældre", 2),
        ("metaTitle: Ældre | FysFinder\n", BODY, "Ældre", 2),
        ("metaTitle: 'Udbrændthed: årsager'\n", BODY, "Udbrændthed", 2),
        ("metaTitle: 'Knæ – a: b'\n", BODY, "Knæ", 2),
        ("metaTitle: Hvad er knæ? Læs mere\n", BODY, "Frossen skulder", None),
        ("metaTitle: Ældre – x\n", "\n# Knæets *led*\n" + BODY, "Knæets led", 5),
        ("", BODY, "Frossen skulder", None),
    ],
)
def test_a_missing_title_comes_from_the_h1_the_meta_title_or_the_file_name(
    front: str, body: str, title: str, line: int | None, settings: Settings
) -> None:
    result = build(front, settings, name="frossen-skulder.md", body=body)
    assert result.article is not None and result.article.title == title
    derived = [f for f in result.findings if f.code == "title-derived"]
    assert [(f.severity.value, f.line, f.key) for f in derived] == [("info", line, "title")]
    assert repr(title) in derived[0].message


def test_title_missing_only_when_nothing_gives_one(settings: Settings) -> None:
    result = build_article("---\nmetaTitle: Ingen skilletegn\n---\n" + BODY, settings)
    assert result.article is None
    assert codes(result) == [("title-missing", 1, "title")]
    numbered = build("slug: fire\n", settings, name="404.md")
    assert ("title-missing", 1, "title") in codes(numbered)


# Keys in any case, misspellings


def test_keys_are_read_in_any_case(settings: Settings) -> None:
    result = build("Title: Udbrændthed\nDatePublished: 2024-01-02\nLASTMOD: 2024-03-04\n", settings)
    assert result.article is not None
    assert result.article.title == "Udbrændthed"
    assert str(result.article.date_modified) == "2024-03-04"
    assert [c for c in codes(result) if c[0] in ("field-unknown", "title-missing")] == []
    assert result.article.extra == {}


def test_a_key_written_twice_in_two_cases_is_an_error_at_the_second(settings: Settings) -> None:
    result = build("title: A\nTitle: B\n", settings)
    assert result.article is None
    assert codes(result) == [("field-type", 3, "Title")]


def test_a_bad_value_of_a_key_in_another_case_is_reported_at_its_key_and_line(
    settings: Settings,
) -> None:
    result = build("title: Knæ\nDatePublished: 31/02/2025\nSLUG: Knæ\n", settings)
    assert [(f.code, f.line, f.key) for f in result.findings] == [
        ("date-invalid", 3, "DatePublished"),
        ("slug-invalid", 4, "SLUG"),
    ]


def test_shortened_keys_warn_with_the_key_meant(settings: Settings) -> None:
    result = build("title: Knæ\nlastUpdate: 2025-01-02\ndraf: true\n", settings)
    warned = [
        (f.line, f.key, f.message.split("; ")[-1])
        for f in result.findings
        if f.code == "field-unknown"
    ]
    assert warned == [
        (3, "lastUpdate", "did you mean 'lastUpdated'?"),
        (4, "draf", "did you mean 'draft'?"),
    ]


# Dates, drafts, scheduled and expired articles


def test_hugo_lastmod_is_the_modified_date_everywhere(settings: Settings) -> None:
    result = build("title: Knæ\ndate: 2024-01-02\nlastmod: 2024-05-06\n", settings)
    page = node(result, "MedicalWebPage")
    assert (page["datePublished"], page["dateModified"]) == ("2024-01-02", "2024-05-06")
    assert 'property="article:modified_time" content="2024-05-06"' in (result.head_html or "")


def test_publish_date_wins_over_date_without_a_clash(settings: Settings) -> None:
    result = build("title: Knæ\ndate: 2024-01-02\npublishDate: 2024-02-03\n", settings)
    assert node(result, "MedicalWebPage")["datePublished"] == "2024-02-03"
    assert [c for c in codes(result) if c[0] == "field-type"] == []


@pytest.mark.parametrize(
    ("front", "code", "line", "key"),
    [
        ("Draft: true\n", "draft-skipped", 3, "Draft"),
        ("draft: 'yes'\n", "draft-skipped", 3, "draft"),
        ("published: false\n", "draft-skipped", 3, "published"),
        ("headless: true\n", "draft-skipped", 3, "headless"),
        ("publishDate: 2999-01-01\n", "publish-scheduled", 3, "publishDate"),
        ("pubDate: 2999-01-01T10:00:00+01:00\n", "publish-scheduled", 3, "pubDate"),
        ("expiryDate: 2020-01-01\n", "expired", 3, "expiryDate"),
    ],
)
def test_articles_hugo_leaves_out_are_left_out_with_an_info(
    front: str, code: str, line: int, key: str, settings: Settings
) -> None:
    result = build(f"title: Knæ\n{front}", settings)
    assert not result.built and result.article is not None and result.article.draft
    [left_out] = [f for f in result.findings if f.code == code]
    assert (left_out.severity.value, left_out.line, left_out.key) == ("info", line, key)
    assert [f.code for f in result.findings if f.code == "date-future"] == []


def test_published_true_and_an_expiry_to_come_build(settings: Settings) -> None:
    result = build("title: Knæ\npublished: true\nexpiryDate: 2999-01-01\n", settings)
    assert result.built
    assert ("expiry-date-set", 4, "expiryDate") in codes(result)
    dated = build("title: Knæ\npublished: 2024-03-04\n", settings)
    assert node(dated, "MedicalWebPage")["datePublished"] == "2024-03-04"
    empty = build("title: Knæ\npublished: ''\n", settings)  # as any empty date: an error
    assert codes(empty) == [("date-invalid", 3, "published")]


# Descriptions


@pytest.mark.parametrize(
    ("front", "body", "description", "source"),
    [
        (
            "",
            "\n## Afsnit\n\nFørste afsnit et sted i artiklen.\n",
            "Første afsnit et sted i artiklen.",
            "paragraph",
        ),
        (
            "metaTitle: Knæ – alt om knæ\n",
            "\n## Afsnit\n\n### Under\n",
            "Knæ – alt om knæ",
            "meta-title",
        ),
        ("", "\n## Afsnit\n", "Knæ", "title"),
        ("", "\n![Et billede](/b.jpg)\n\n## Afsnit\n\nTekst her.\n", "Tekst her.", "paragraph"),
        ("summary: Et resumé fra Hugo.\n", BODY, "Et resumé fra Hugo.", "front-matter"),
        (
            "excerpt: Et uddrag.\ndescription: Beskrivelsen.\n",
            BODY,
            "Beskrivelsen.",
            "front-matter",
        ),
    ],
)
def test_the_description_is_never_empty(
    front: str, body: str, description: str, source: str, settings: Settings
) -> None:
    result = build(f"title: Knæ\n{front}", settings, body=body)
    assert result.article is not None
    assert (result.article.description, result.article.description_source) == (description, source)
    assert node(result, "MedicalWebPage")["description"] == description


# Images, keywords, redirects


def test_hugo_images_astro_hero_image_and_a_theme_cover(settings: Settings) -> None:
    for front in (
        "images: [/b/knae.jpg, /b/andet.jpg]\n",
        "heroImage: /b/knae.jpg\n",
        "cover: {image: /b/knae.jpg, alt: Et knæ}\n",
        "ogImage: {url: /b/knae.jpg}\n",
    ):
        result = build(f"title: Knæ\n{front}", settings)
        assert result.article is not None and result.article.image is not None, front
        assert result.article.image.url == "https://www.fysfinder.dk/b/knae.jpg"


def test_tags_categories_and_keywords_are_joined(settings: Settings) -> None:
    result = build(
        "title: Knæ\nkeywords: [knæ]\ntags: [Knæ, led]\ncategories: skader\ncategory: sport hobby\n",
        settings,
    )
    assert node(result, "MedicalWebPage")["keywords"] == ["knæ", "led", "skader", "sport", "hobby"]


def test_aliases_are_redirects_not_other_names(settings: Settings) -> None:
    result = build("title: Knæ\naliases: [/gammel/knae/, relativ]\n", settings)
    assert result.article is not None
    assert result.article.redirects == ("https://www.fysfinder.dk/gammel/knae/",)
    assert "alternateName" not in node(result, "AnatomicalStructure")  # "Knæ": a body part


# Authors and reviewers


AUTHORS = [
    {
        "id": "joachim",
        "name": "Joachim Bograd",
        "job_title": "Fysioterapeut",
        "url": "https://www.fysfinder.dk/om-os",
        "same_as": ["https://www.linkedin.com/in/joachim"],
        "default": True,
    },
    {"name": "Mette Hansen", "url": "https://www.fysfinder.dk/mette"},
]


def test_the_default_author_is_a_person_node_with_its_head_tags() -> None:
    result = build("title: Knæ\n", with_settings(authors=AUTHORS))
    person_id = "https://www.fysfinder.dk/#person-joachim"
    assert node(result, "MedicalWebPage")["author"] == {"@id": person_id}
    assert node(result, "Person") == {
        "@type": "Person",
        "@id": person_id,
        "name": "Joachim Bograd",
        "url": "https://www.fysfinder.dk/om-os",
        "jobTitle": "Fysioterapeut",
        "sameAs": ["https://www.linkedin.com/in/joachim"],
    }
    head = result.head_html or ""
    assert '<meta name="author" content="Joachim Bograd">' in head
    assert '<meta property="article:author" content="https://www.fysfinder.dk/om-os">' in head


def test_named_authors_and_reviewers_are_matched_with_the_settings() -> None:
    result = build(
        "title: Knæ\nauthor: [mette hansen, {name: Ny Skribent, jobTitle: Journalist}]\n"
        "reviewedBy: Joachim Bograd\nlastReviewed: 2025-01-02\n",
        with_settings(authors=AUTHORS),
    )
    page = node(result, "MedicalWebPage")
    assert page["author"] == [
        {"@id": "https://www.fysfinder.dk/#person-mette-hansen"},
        {"@id": "https://www.fysfinder.dk/#person-ny-skribent"},
    ]
    assert page["reviewedBy"] == {"@id": "https://www.fysfinder.dk/#person-joachim"}
    assert page["lastReviewed"] == "2025-01-02"
    assert result.jsonld is not None
    people = {
        n["@id"].rsplit("-", 1)[-1]: n for n in result.jsonld["@graph"] if n["@type"] == "Person"
    }
    assert people["hansen"]["url"] == "https://www.fysfinder.dk/mette"
    assert people["skribent"] == {
        "@type": "Person",
        "@id": "https://www.fysfinder.dk/#person-ny-skribent",
        "name": "Ny Skribent",
        "jobTitle": "Journalist",
    }
    assert '<meta name="author" content="Mette Hansen, Ny Skribent">' in (result.head_html or "")


def test_an_organisation_that_publishes_is_the_publisher_node(settings: Settings) -> None:
    result = build("title: Knæ\nauthor: {name: FysFinder, type: Organization}\n", settings)
    assert node(result, "MedicalWebPage")["author"] == {
        "@id": "https://www.fysfinder.dk/#organization"
    }
    assert result.jsonld is not None
    assert [n["@type"] for n in result.jsonld["@graph"]].count("Organization") == 1


def test_an_unsafe_author_url_is_left_out(settings: Settings) -> None:
    result = build("title: Knæ\nauthor: {name: X, url: 'javascript:alert(1)'}\n", settings)
    assert "url" not in node(result, "Person")
    assert ("url-invalid", 3, "author") in codes(result)


def test_at_most_one_default_author() -> None:
    from seo_export.errors import SettingsError

    with pytest.raises(SettingsError, match="authors"):
        with_settings(authors=[{"name": "A", "default": True}, {"name": "B", "default": True}])


# Which files are articles


def test_exclude_globs_and_hugo_list_pages(tmp_path: Path) -> None:
    (tmp_path / "seo-export.toml").write_text(
        (REPO / "seo-export.toml")
        .read_text(encoding="utf-8")
        .replace(
            'out_dir = "out"', 'out_dir = "out"\nexclude = ["**/_index.*", "kladder/**", "*.txt"]'
        ),
        encoding="utf-8",
    )
    content = tmp_path / "content"
    for name in (
        "knae.md",
        "artikler/_index.md",
        "_index.md",
        "kladder/a.md",
        "noter.txt",
        "led/hofte.md",
    ):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("---\ntitle: X\n---\n" + BODY, encoding="utf-8")
    result = build_site(load_settings(tmp_path / "seo-export.toml"))
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [entry["source"] for entry in manifest["articles"]] == ["knae.md", "led/hofte.md"]
    assert result.built == 2


def test_left_out_articles_are_not_in_the_sitemap(tmp_path: Path) -> None:
    (tmp_path / "seo-export.toml").write_text(
        (REPO / "seo-export.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    content = tmp_path / "content"
    content.mkdir()
    for name, front in {
        "live.md": "",
        "kladde.md": "Draft: true\n",
        "senere.md": "publishDate: 2999-01-01\n",
        "udloebet.md": "expiryDate: 2001-01-01\n",
    }.items():
        (content / name).write_text(f"---\ntitle: X\n{front}---\n{BODY}", encoding="utf-8")
    result = build_site(load_settings(tmp_path / "seo-export.toml"))
    sitemap = (tmp_path / "out" / "sitemap.xml").read_bytes()
    assert re.findall(rb"<loc>(.*?)</loc>", sitemap) == [b"https://www.fysfinder.dk/artikler/live/"]
    assert sorted(
        f.code
        for f in result.findings
        if f.code in ("draft-skipped", "publish-scheduled", "expired")
    ) == [
        "draft-skipped",
        "expired",
        "publish-scheduled",
    ]
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir()) == ["live"]


def test_scheduled_and_expiring_articles_change_with_the_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from seo_export.read import publication

    (tmp_path / "seo-export.toml").write_text(
        (REPO / "seo-export.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    content = tmp_path / "content"
    content.mkdir()
    for name, front in {
        "live.md": "",
        "senere.md": "publishDate: 2999-01-01\n",
        "udloeber.md": "expiryDate: 2999-01-01\n",
    }.items():
        (content / name).write_text(f"---\ntitle: X\n{front}---\n{BODY}", encoding="utf-8")
    settings = load_settings(tmp_path / "seo-export.toml")

    def sitemap() -> list[bytes]:
        return re.findall(
            rb"<loc>https://www.fysfinder.dk/artikler/(.*?)/</loc>",
            (tmp_path / "out" / "sitemap.xml").read_bytes(),
        )

    first = build_site(settings, jobs=1)
    assert (first.built, first.skipped) == (2, 1)
    assert sitemap() == [b"live", b"udloeber"]
    again = build_site(settings, jobs=1)  # the same day: nothing to do
    assert (again.built, again.unchanged, again.skipped, again.files_written) == (0, 2, 1, ())

    # A day in 2999: the scheduled article is published, the expiring one taken down.
    monkeypatch.setattr(publication, "today", lambda: dt.date(2999, 1, 2))
    monkeypatch.setattr(publication, "now", lambda: dt.datetime(2999, 1, 2, tzinfo=dt.UTC))
    later = build_site(settings, jobs=1)
    assert sitemap() == [b"live", b"senere"]
    assert (later.built, later.unchanged, later.skipped) == (1, 1, 1)
    assert "expired" in {f.code for f in later.findings}
    assert not (tmp_path / "out" / "udloeber").exists()


def test_several_image_keys_of_one_starter_do_not_clash(settings: Settings) -> None:
    result = build(
        "title: Knæ\ncoverImage: /b/cover.jpg\nogImage: {url: /b/og.jpg}\nimages: [/b/hugo.jpg]\n",
        settings,
    )
    assert result.article is not None and result.article.image is not None
    assert result.article.image.url == "https://www.fysfinder.dk/b/og.jpg"
    assert [c for c in codes(result) if c[0] == "field-type"] == []
    clash = build("title: Knæ\ncanonical: /a/\ncanonicalUrl: /b/\n", settings)
    assert codes(clash)[0] == ("field-type", 4, "canonicalUrl")
