"""The documentation stays true: the site in docs/ (mkdocs.yml) holds the generated tables, in
sync, and every command, option, setting and finding code; the README keeps the two
fresh-machine commands and links into the site."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from seo_export.checks.registry import all_codes
from seo_export.cli import main
from seo_export.domain.schemas import load_schema
from seo_export.project.docs import (
    codes_table,
    dates_table,
    fields_table,
    properties_table,
    settings_table,
    tools_table,
)

from conftest import REPO

README = REPO / "README.md"
DOCS = REPO / "docs"
BLOCKS = {
    "settings": settings_table,
    "codes": codes_table,
    "properties": properties_table,
    "dates": dates_table,
    "fields": fields_table,
    "tools": tools_table,
}


def replace_block(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def pages() -> dict[Path, str]:
    """The site's Markdown pages and their text."""
    return {path: path.read_text(encoding="utf-8") for path in sorted(DOCS.glob("*.md"))}


def site_text() -> str:
    return "\n".join(pages().values())


def test_generated_blocks_are_current(update_golden: bool) -> None:
    found = dict.fromkeys(BLOCKS, 0)
    for path, text in pages().items():
        updated = text
        for name, generate in BLOCKS.items():
            if f"<!-- {name}:start -->" in text:
                found[name] += 1
                updated = replace_block(updated, name, generate())
        if update_golden:
            path.write_text(updated, encoding="utf-8")
        else:
            assert updated == text, (
                f"{path.name}: tables are stale: run pytest tests/test_docs.py --update-golden"
            )
    assert found == dict.fromkeys(BLOCKS, 1), "each generated table is on one page of the site"


def test_every_code_and_setting_is_in_the_site() -> None:
    codes = (DOCS / "codes.md").read_text(encoding="utf-8")
    for code in all_codes():
        assert f"| `{code}` |" in codes
    settings = (DOCS / "settings.md").read_text(encoding="utf-8")
    for key in load_schema("settings.schema.json")["properties"]:
        assert f"| `{key}` |" in settings


def test_every_page_is_in_the_navigation_and_the_reference_is_generated() -> None:
    import yaml

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))

    def listed(items: list[object]) -> list[str]:
        found: list[str] = []
        for item in items:
            for value in item.values() if isinstance(item, dict) else [item]:
                found += listed(value) if isinstance(value, list) else [str(value)]
        return found

    assert sorted(listed(config["nav"])) == sorted(path.name for path in pages())
    reference = (DOCS / "reference.md").read_text(encoding="utf-8")
    assert ":module: seo_export.cli" in reference and ":command: main" in reference
    for target in re.findall(r"\]\((docs/[^)#]+)", README.read_text(encoding="utf-8")):
        assert (REPO / target).is_file(), f"README links to {target}, which is not there"


def commands() -> list[tuple[str, click.Command]]:
    assert isinstance(main, click.Group)
    return sorted(main.commands.items())


@pytest.mark.parametrize("name,command", commands(), ids=[n for n, _ in commands()])
def test_every_command_and_option_is_in_the_site(name: str, command: click.Command) -> None:
    text = (DOCS / "commands.md").read_text(encoding="utf-8")
    assert f"## `seo-export {name}" in text, f"no section of docs/commands.md for {name}"
    section = text.split(f"## `seo-export {name}", 1)[1].split("\n## ", 1)[0]
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                assert f"`{opt}" in section, f"{name}: option {opt} is not documented"


@pytest.mark.parametrize("page", [README, DOCS / "index.md"], ids=["README", "site"])
def test_readme_has_exactly_two_fresh_machine_commands(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", quick, re.S)
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/seo-export build",
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest",
    ]


def test_schemas_folder_is_found(tmp_path: Path) -> None:
    from seo_export.domain.schemas import schemas_dir

    assert (schemas_dir() / "settings.schema.json").is_file()


def test_the_readme_cms_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    text = (DOCS / "api.md").read_text(encoding="utf-8")
    api = text.split("# Python API", 1)[1]
    # The warning about pages with their own head tags comes before the example, not after.
    assert api.index("!!! warning") < api.index("```python")
    code = re.search(r"```python\n(.*?)\n```", api, re.S)
    assert code is not None
    lines = [line for line in code.group(1).splitlines() if line.strip()]
    assert len([line for line in lines if not line.startswith(("from ", "import "))]) <= 10
    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    shutil.copytree(REPO / "content", tmp_path / "content")
    page = tmp_path / "public" / "artikler" / "nerveafklemning" / "index.html"
    page.parent.mkdir(parents=True)
    sample = (tmp_path / "content" / "nerveafklemning.md").read_text("utf-8")
    (tmp_path / "content" / "uden-side.md").write_text(  # an article with no page yet
        sample.replace("title: Nerveafklemning", "title: Uden side"), "utf-8"
    )
    page.write_text("<html><head><meta charset=utf-8></head><body></body></html>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exec(compile(code.group(1), "README.md", "exec"), {})
    html = page.read_text(encoding="utf-8")
    assert html.count("<!-- seo-export:start -->") == 1
    assert sorted(
        p.relative_to(tmp_path).as_posix() for p in (tmp_path / "public").rglob("*.html")
    ) == ["public/artikler/nerveafklemning/index.html"]
    assert '"@type":["MedicalWebPage","FAQPage"]' in html


def test_readme_sample_output_is_what_the_sample_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON-LD nodes, the build summary and the explain output shown are the real ones."""
    import json
    import shutil

    from click.testing import CliRunner

    from seo_export.build.article import build_article
    from seo_export.config.settings import load_settings

    text = README.read_text(encoding="utf-8") + site_text()
    shown = re.search(r"`out/nerveafklemning/schema\.jsonld`.*?```json\n(.*?)\n```", text, re.S)
    assert shown is not None
    excerpt = json.loads(shown.group(1))
    settings = load_settings(REPO / "seo-export.toml")
    source = REPO / "content" / "nerveafklemning.md"
    built = build_article(
        source.read_text(encoding="utf-8"), settings, path="content/nerveafklemning.md"
    )
    assert built.jsonld is not None
    graph = {node["@id"]: node for node in built.jsonld["@graph"]}
    assert excerpt["@context"] == built.jsonld["@context"]
    assert len(excerpt["@graph"]) == 3
    for node in excerpt["@graph"]:
        assert node == graph[node["@id"]]

    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    shutil.copytree(REPO / "content", tmp_path / "content")
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    output = runner.invoke(main, ["build"]).output
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    summary = re.search(r"```\n(content/nerveafklemning\.md:3: .*?)\n```", quick, re.S)
    assert summary is not None
    assert output == summary.group(1) + "\n"

    explained = re.search(r"```\n\$ seo-export explain (\S+)\n(.*?)\n```", text, re.S)
    assert explained is not None
    result = runner.invoke(main, ["explain", explained.group(1)])
    assert result.output == explained.group(2) + "\n"
