"""A real Next.js build of docs/nextjs.md: its files, its commands, three articles.

The app is the page's files (``seo-export.toml``, ``src/lib/seo-export.ts``, the glossary
page and ``sitemap.ts``, taken from the page's titled blocks), a root layout with a title
template and a description of its own, ``next.config.mjs`` with ``output: "export"`` and
three articles (tests/frameworks/). ``seo-export build`` and ``next build`` run as the page
says; each built page is read with html5lib, as a browser reads it: exactly one title,
description and canonical, the values of seo-export's head tags, and a JSON-LD script equal
to its schema.jsonld; the sitemap Next.js writes lists the articles with their own dates.

The npm packages (next, react, react-dom and the TypeScript types, pinned by
tests/frameworks/nextjs/package-lock.json) come from the npm registry with the machine's
Node.js, once: node_modules is kept in ~/.cache/seo-export-tests/next/<hash of the package
files>/ (``SEO_EXPORT_TEST_CACHE`` moves it), where the app is built under a lock, so a
second run is offline. Skipped only where Node.js or npm is not installed.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import html5lib
import pytest
from lxml import etree

from docs_pages import shell_commands, titled_files, write_files

HERE = Path(__file__).resolve().parent
APP = HERE / "frameworks" / "nextjs"
ARTICLES = HERE / "frameworks" / "articles"
NODE, NPM, NPX = shutil.which("node"), shutil.which("npm"), shutil.which("npx")

# The dates the three articles give: the sitemap must say these, not the build's time.
LASTMOD = {"iskias": "2024-09-15", "frossen-skulder": "2024-02-10", "hold-i-nakken": "2024-06-20"}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        None in (NODE, NPM, NPX),
        reason="Node.js and npm are not installed: Next.js cannot be built here",
    ),
]


def cache_root() -> Path:
    given = os.environ.get("SEO_EXPORT_TEST_CACHE")
    return Path(given) if given else Path.home() / ".cache" / "seo-export-tests"


def app_folder() -> Path:
    """The app's folder in the cache, named by the package files: new pins, new install."""
    digest = hashlib.sha256()
    for name in ("package.json", "package-lock.json"):
        digest.update((APP / name).read_bytes())
    return cache_root() / "next" / digest.hexdigest()[:16]


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """One run at a time in the app's folder (two test runs may share the cache)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def run(command: list[str], cwd: Path) -> str:
    env = {**os.environ, "NEXT_TELEMETRY_DISABLED": "1", "CI": "1"}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def seo_export(*args: str) -> list[str]:
    """The page's ``.venv/bin/seo-export`` as this test's interpreter runs it."""
    return [sys.executable, "-m", "seo_export", *args]


def install(app: Path) -> None:
    """node_modules as the lock file pins it, unless the cache has it already."""
    for name in ("package.json", "package-lock.json", "next.config.mjs"):
        shutil.copyfile(APP / name, app / name)
    if not (app / "node_modules" / ".package-lock.json").is_file():
        run([str(NPM), "ci", "--no-audit", "--no-fund"], app)


def write_app(app: Path) -> None:
    """The page's files, the test's layout and the three articles, over last run's."""
    for name in ("src", "seo", "out", "seo-export.toml"):
        target = app / name
        if target.is_dir():
            shutil.rmtree(target)
        target.unlink(missing_ok=True)
    write_files(titled_files("nextjs.md"), app)
    shutil.copytree(APP / "src", app / "src", dirs_exist_ok=True)
    shutil.copytree(ARTICLES, app / "src" / "content" / "ordbog")


@pytest.fixture(scope="module")
def app() -> Iterator[Path]:
    """The app, built as docs/nextjs.md says (held locked while the module's tests read it)."""
    commands = shell_commands("nextjs.md")
    assert ".venv/bin/seo-export build" in commands and "npx next build" in commands
    folder = app_folder()
    folder.mkdir(parents=True, exist_ok=True)
    with locked(folder.with_suffix(".lock")):
        install(folder)
        write_app(folder)
        run(seo_export("build"), folder)
        run([str(NPX), "--no", "next", "build"], folder)
        yield folder


def parse(page: Path) -> Any:
    return html5lib.parse(page.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)


def meta_pairs(document: Any) -> set[tuple[str, str]]:
    """(name or property, content) of every meta element of the page."""
    return {
        (meta.get("name") or meta.get("property"), meta.get("content"))
        for meta in document.iter("meta")
        if meta.get("content") is not None and (meta.get("name") or meta.get("property"))
    }


@pytest.mark.parametrize("slug", sorted(LASTMOD))
def test_each_page_has_seo_exports_head_tags_once_and_its_json_ld(app: Path, slug: str) -> None:
    ours = json.loads((app / "seo" / slug / "meta.json").read_text("utf-8"))
    document = parse(app / "out" / "ordbog" / f"{slug}.html")
    head = document.find("head")
    assert head is not None
    titles = list(document.iter("title"))
    assert [title.text for title in titles] == [ours["title"]]
    assert titles[0] in list(head)
    descriptions = [m for m in document.iter("meta") if m.get("name") == "description"]
    assert [m.get("content") for m in descriptions] == [
        next(t["content"] for t in ours["tags"] if t.get("name") == "description")
    ]
    canonicals = [link for link in document.iter("link") if link.get("rel") == "canonical"]
    assert [link.get("href") for link in canonicals] == [f"https://www.example.dk/ordbog/{slug}"]
    # Every meta tag of head.html is on the page, with its value: robots, Open Graph, Twitter.
    wanted = {
        (t.get("name") or t["property"], t["content"]) for t in ours["tags"] if t["tag"] == "meta"
    }
    assert wanted <= meta_pairs(document)
    scripts = [s for s in document.iter("script") if s.get("type") == "application/ld+json"]
    assert len(scripts) == 1
    schema = json.loads((app / "seo" / slug / "schema.jsonld").read_text("utf-8"))
    assert json.loads(scripts[0].text) == schema
    assert schema["@graph"][0]["dateModified"] == LASTMOD[slug]


def test_the_sitemap_lists_the_articles_with_their_own_dates(app: Path) -> None:
    tree = etree.parse(str(app / "out" / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {
        url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
        for url in tree.getroot().iterfind("s:url", ns)
    }
    assert listed == {f"https://www.example.dk/ordbog/{slug}": day for slug, day in LASTMOD.items()}


def test_the_pages_pass_seo_export_check(app: Path) -> None:
    assert ".venv/bin/seo-export check out/ordbog" in shell_commands("nextjs.md")
    report = run(seo_export("check", "out/ordbog"), app)
    assert "3 files checked: 0 errors, 0 warnings" in report
