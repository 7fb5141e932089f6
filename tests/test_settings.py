"""Settings: typed, frozen, every bad or unknown key reported at once with its file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from seo_export.config.settings import load_settings
from seo_export.errors import SettingsError

from conftest import REPO


def test_sample_settings_are_read() -> None:
    settings = load_settings(REPO / "seo-export.toml")
    assert settings.base_url == "https://www.fysfinder.dk"
    assert settings.site_name == "FysFinder"
    assert settings.language == "da-DK"
    assert settings.article_url_for("x") == "https://www.fysfinder.dk/artikler/x/"
    assert settings.articles_index.url == "https://www.fysfinder.dk/artikler/"
    assert settings.content_dir == REPO / "content"
    assert settings.root == REPO
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.site_name = "x"  # type: ignore[misc]


def test_every_bad_key_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "seo-export.toml"
    path.write_text(
        'base_url = "not a url"\nsite_name = ""\nlanguagee = "da"\ndate_order = "sideways"\n'
        '[publisher]\nname = "X"\nlogo = 3\ncolour = "red"\n',
        encoding="utf-8",
    )
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    problems = caught.value.problems
    assert caught.value.source == str(path)
    assert "languagee: unknown key; did you mean 'language'?" in problems
    assert "publisher.colour: unknown key" in problems  # nothing near enough to suggest
    where = dict(zip(problems, caught.value.locations, strict=True))
    assert {p.split(":", 1)[0]: where[p] for p in problems} == {
        key: f"{path}:{line}"
        for key, line in [
            ("base_url", 1),
            ("site_name", 2),
            ("languagee", 3),
            ("date_order", 4),
            ("publisher.logo", 7),
            ("publisher.colour", 8),
        ]
    }
    assert any(p.startswith("base_url: ") for p in problems)
    assert any(p.startswith("site_name: ") for p in problems)
    assert any(p.startswith("date_order: ") for p in problems)
    assert any(p.startswith("publisher.logo: ") for p in problems)
    assert len(problems) == 6
    assert str(path) in str(caught.value)


def test_a_bad_option_is_blamed_on_the_options_and_explained(tmp_path: Path) -> None:
    path = tmp_path / "seo-export.toml"
    path.write_text('base_url = "https://www.example.com"\nsite_name = "X"\n', "utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path, base_url="https://www.example.com/sti")
    assert str(caught.value).splitlines()[1:] == [
        "  options (given on the command line or to load_settings): base_url: "
        "'https://www.example.com/sti' is not what it must be: Absolute http(s) URL of the "
        "site's home page (no path). Required."
    ]


def test_missing_required_keys_are_named(tmp_path: Path) -> None:
    path = tmp_path / "seo-export.toml"
    path.write_text('language = "da"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert caught.value.problems == [
        "base_url: required key is missing",
        "site_name: required key is missing",
    ]


def test_pyproject_table_is_found_and_options_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "site"\n[tool.seo-export]\nbase_url = "https://a.example"\n'
        'site_name = "A"\nout_dir = "public/seo"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    settings = load_settings(site_name="B")
    assert settings.base_url == "https://a.example"
    assert settings.site_name == "B"
    assert settings.out_dir == tmp_path / "public" / "seo"
    assert settings.source.endswith("pyproject.toml")


def test_invalid_toml_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "seo-export.toml"
    path.write_text("base_url = \n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith("not valid TOML")


def test_digest_ignores_paths_but_not_output_settings() -> None:
    a = load_settings(REPO / "seo-export.toml")
    b = load_settings(REPO / "seo-export.toml", out_dir="/tmp/elsewhere")
    c = load_settings(REPO / "seo-export.toml", site_name="Other")
    assert a.digest == b.digest
    assert a.digest != c.digest


BASE = 'base_url = "https://x.dk"\nsite_name = "X"\n'


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (  # a key missing from a table: its header, not a line of the next table
            "seo-export.toml",
            BASE + '[publisher]\nurl = "https://x.dk"\n[articles_index]\nname = 5\n',
            [
                ":3: publisher.name: required key is missing",
                ":5: articles_index.url: required key is missing",
                ":6: articles_index.name: 5 is not of type 'string'",
            ],
        ),
        ("seo-export.toml", BASE + "publisher.name = 5\n", [":3: publisher.name: 5 is not"]),
        (  # a byte-order mark does not hide line 1
            "seo-export.toml",
            '\ufefflangauge = "da"\n' + BASE,
            [":1: langauge: unknown key; did you mean 'language'?"],
        ),
        (  # our table's key, not [project]'s of the same name, under a quoted header
            "pyproject.toml",
            '[project]\nname = "x"\nlanguage = "python"\n[tool."seo-export"]\n'
            + BASE
            + 'language = "zz_bad_"\n',
            [":7: language: 'zz_bad_' is not what it must be: BCP 47 tag"],
        ),
    ],
)
def test_settings_problems_point_at_their_line(
    tmp_path: Path, name: str, text: str, expected: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    lines = str(caught.value).splitlines()[1:]
    assert len(lines) == len(expected)
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(f"  {path}{start}"), line
