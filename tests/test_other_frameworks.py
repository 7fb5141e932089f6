"""docs/other-frameworks.md, followed: ``init --yes`` and ``build`` on three articles, then
the page's Python function, its Jinja base template (rendered by Jinja) and its Node.js
module (run by the machine's Node.js, where there is one) find each article's head snippet
through out/index.json by the page's URL path, and nothing for other pages."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import html5lib
import jinja2
import pytest

from docs_pages import shell_commands, titled_files, write_files

ARTICLES = Path(__file__).resolve().parent / "frameworks" / "articles"
SLUGS = ("frossen-skulder", "hold-i-nakken", "iskias")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    commands = shell_commands("other-frameworks.md")
    init = ".venv/bin/seo-export init --yes --language da-DK"
    assert commands[1:] == [init, ".venv/bin/seo-export build"]
    root = tmp_path_factory.mktemp("other") / "site"
    shutil.copytree(ARTICLES, root / "content")
    for args in (init.split()[1:], ["build"]):
        done = subprocess.run(
            [sys.executable, "-m", "seo_export", *args],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    write_files(titled_files("other-frameworks.md"), root)
    return root


def head_of(site: Path, slug: str) -> str:
    return (site / "out" / slug / "head.html").read_text("utf-8")


def helper(site: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The page's seo_export_head.py, imported in the site's folder (OUT is relative)."""
    monkeypatch.chdir(site)
    spec = importlib.util.spec_from_file_location("seo_export_head", site / "seo_export_head.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_index_gives_each_articles_snippet_by_its_path(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seo_head = helper(site, monkeypatch).seo_head
    for slug in SLUGS:
        assert seo_head(f"/artikler/{slug}/") == head_of(site, slug)
    assert seo_head("/") == ""
    assert seo_head("/artikler/iskias") == ""  # the path as the site serves it, exactly


def parse(html: str) -> Any:
    return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)


def test_the_jinja_template_puts_the_snippet_in_place_of_its_title(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(site / "templates"), autoescape=True)
    env.globals["seo_head"] = helper(site, monkeypatch).seo_head
    template = env.get_template("base.html")
    page = parse(template.render(page_path="/artikler/iskias/", title="Egen titel", body="x"))
    meta = json.loads((site / "out" / "iskias" / "meta.json").read_text("utf-8"))
    assert [title.text for title in page.iter("title")] == [meta["title"]]
    head = page.find("head")
    assert head is not None
    scripts = [s for s in head.iter("script") if s.get("type") == "application/ld+json"]
    schema = json.loads((site / "out" / "iskias" / "schema.jsonld").read_text("utf-8"))
    assert [json.loads(s.text) for s in scripts] == [schema]
    other = parse(template.render(page_path="/", title="Forside", body="x"))
    assert [title.text for title in other.iter("title")] == ["Forside"]
    assert not list(other.iter("script"))


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_the_node_module_gives_the_same_snippets(site: Path) -> None:
    script = (
        'import { seoHead } from "./seo-export.mjs";'
        "process.stdout.write(JSON.stringify(process.argv.slice(1).map(seoHead)));"
    )
    paths = [f"/artikler/{slug}/" for slug in SLUGS] + ["/"]
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script, *paths],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [head_of(site, slug) for slug in SLUGS] + [""]
