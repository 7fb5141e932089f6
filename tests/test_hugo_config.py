"""``seo-export init`` in a Hugo site: the settings its config gives, in each of Hugo's
config formats and places, and what it cannot carry over said, not guessed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_export.cli import main
from seo_export.config.settings import load_settings
from seo_export.project.hugo_site import read_hugo_site, translate_permalink
from seo_export.project.init import HUGO_PARTIAL

CONFIG = {
    "baseURL": "https://www.example-fysio.dk/",
    "languageCode": "da-dk",
    "title": "Eksempel Fysio",
}


def hugo_folder(root: Path, name: str, text: str) -> Path:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")
    for page in ("artikler/iskias.md", "artikler/knae/menisk.md", "om/index.md"):
        (root / "content" / page).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / page).write_text("---\ntitle: X\n---\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("hugo.toml", "".join(f"{k} = {json.dumps(v)}\n" for k, v in CONFIG.items())),
        ("hugo.yaml", "".join(f"{k}: {v}\n" for k, v in CONFIG.items())),
        ("config.json", json.dumps(CONFIG)),
        (
            "config/_default/hugo.toml",
            "".join(f"{k} = {json.dumps(v)}\n" for k, v in CONFIG.items()),
        ),
    ],
)
def test_every_config_format_and_place_gives_the_same_settings(
    tmp_path: Path, name: str, text: str
) -> None:
    site = read_hugo_site(hugo_folder(tmp_path, name, text))
    assert site is not None
    assert site.config == tmp_path / name
    assert (site.base_url, site.language, site.site_name) == (
        "https://www.example-fysio.dk",
        "da-DK",
        "Eksempel Fysio",
    )
    # The section with the most pages; Hugo's default URL for it.
    assert (site.section, site.content_dir, site.article_url) == (
        "artikler",
        "content/artikler",
        "/artikler/{path}/",
    )
    assert site.notes == ()


def test_no_config_is_no_hugo_site(tmp_path: Path) -> None:
    assert read_hugo_site(tmp_path) is None


@pytest.mark.parametrize(
    ("permalinks", "article_url", "notes"),
    [
        (
            '[permalinks.page]\nartikler = "/:section/:year/:month/:slugorfilename/"\n',
            "/blog/artikler/{year}/{month}/{slug}/",
            0,
        ),
        ('[permalinks]\nartikler = "/viden/:filename/"\n', "/blog/viden/{slug}/", 0),
        ('[permalinks]\nom = "/:title/"\n', "/blog/artikler/{path}/", 0),  # another section's
        ('[permalinks.page]\nartikler = "/:section/:title/"\n', "/blog/artikler/{path}/", 1),
        ('uglyURLs = true\n[permalinks]\nartikler = "/:slug/"\n', "/blog/artikler/{path}/", 2),
    ],
)
def test_permalinks_become_article_url_only_where_they_mean_the_same(
    tmp_path: Path, permalinks: str, article_url: str, notes: int
) -> None:
    text = 'baseURL = "https://www.example-fysio.dk/blog/"\n' + permalinks
    site = read_hugo_site(hugo_folder(tmp_path, "hugo.toml", text))
    assert site is not None
    assert (site.base_url, site.url_prefix) == ("https://www.example-fysio.dk", "/blog")
    assert site.article_url == article_url
    assert len(site.notes) == notes


def test_a_token_without_a_counterpart_is_named() -> None:
    assert translate_permalink(":section/:slug/:title/", "artikler") == (
        "/artikler/:slug/:title/",
        [":slug", ":title"],
    )


def test_a_config_that_cannot_be_read_is_a_note(tmp_path: Path) -> None:
    site = read_hugo_site(hugo_folder(tmp_path, "hugo.toml", "baseURL = \n"))
    assert site is not None
    assert site.base_url is None
    assert len(site.notes) == 1 and site.notes[0].startswith("hugo.toml could not be read")


def test_init_in_a_hugo_site_writes_its_settings_and_the_partial(tmp_path: Path) -> None:
    text = "".join(f"{k} = {json.dumps(v)}\n" for k, v in CONFIG.items())
    text += '[permalinks.page]\nartikler = "/:section/:title/"\n'
    folder = hugo_folder(tmp_path / "site", "hugo.toml", text)
    # Asked, with Hugo's values as the defaults: Enter takes them.
    result = CliRunner().invoke(main, ["init", str(folder)], input="\n\n\n")
    assert result.exit_code == 0, result.output
    assert "Base URL of the site [https://www.example-fysio.dk]" in result.output
    assert "Not taken from hugo.toml: the permalink '/:section/:title/'" in result.output
    settings = load_settings(folder / "seo-export.toml")
    assert (settings.base_url, settings.language, settings.site_name) == (
        "https://www.example-fysio.dk",
        "da-DK",
        "Eksempel Fysio",
    )
    assert (settings.article_url, settings.frameworks) == ("/artikler/{path}/", ("hugo",))
    assert (settings.articles_index.name, settings.articles_index.url) == (
        "Artikler",
        "https://www.example-fysio.dk/artikler/",
    )
    assert "# Not taken from hugo.toml: the permalink" in (folder / "seo-export.toml").read_text()
    partial = folder / HUGO_PARTIAL
    assert partial.read_text("utf-8").startswith("{{- /*\n  seo-export.html: the head tags")
    assert not (folder / "content" / "tennis-elbow.md").exists()  # the site has articles


def test_init_keeps_a_partial_the_site_has(tmp_path: Path) -> None:
    folder = hugo_folder(tmp_path, "hugo.toml", 'baseURL = "https://www.example-fysio.dk/"\n')
    (folder / HUGO_PARTIAL).parent.mkdir(parents=True)
    (folder / HUGO_PARTIAL).write_text("the site's own\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", "--yes", str(folder)])
    assert result.exit_code == 0, result.output
    assert (folder / HUGO_PARTIAL).read_text("utf-8") == "the site's own\n"
    assert str(folder / HUGO_PARTIAL) not in result.output
