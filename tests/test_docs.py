"""The README stays true: generated tables in sync, every command, option and code documented."""

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
    assert pattern.search(text), f"README has no {name} block"
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def test_generated_blocks_are_current(update_golden: bool) -> None:
    text = README.read_text(encoding="utf-8")
    updated = text
    for name, generate in BLOCKS.items():
        updated = replace_block(updated, name, generate())
    if update_golden:
        README.write_text(updated, encoding="utf-8")
        return
    assert updated == text, "README tables are stale: run pytest tests/test_docs.py --update-golden"


def test_every_code_and_setting_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    for code in all_codes():
        assert f"| `{code}` |" in text
    for key in load_schema("settings.schema.json")["properties"]:
        assert f"| `{key}` |" in text


def commands() -> list[tuple[str, click.Command]]:
    assert isinstance(main, click.Group)
    return sorted(main.commands.items())


@pytest.mark.parametrize("name,command", commands(), ids=[n for n, _ in commands()])
def test_every_command_and_option_is_in_the_readme(name: str, command: click.Command) -> None:
    text = README.read_text(encoding="utf-8")
    assert f"### `seo-export {name}" in text, f"no README section for {name}"
    section = text.split(f"### `seo-export {name}", 1)[1].split("\n### ", 1)[0]
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                assert f"`{opt}" in section, f"{name}: option {opt} is not documented"


def test_readme_has_exactly_two_fresh_machine_commands() -> None:
    text = README.read_text(encoding="utf-8")
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

    text = README.read_text(encoding="utf-8")
    api = text.split("## Python API", 1)[1]
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

    text = README.read_text(encoding="utf-8")
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
