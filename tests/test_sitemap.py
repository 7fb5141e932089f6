"""Sitemaps: valid against the sitemaps.org XSDs at any size, split at the limits, byte-stable."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from lxml import etree

from seo_export.model import SitemapEntry
from seo_export.outputs.sitemap import build_sitemaps, encode_url, reproducible_gzip, w3c_date

from xsd import validate_sitemap

BASE = "https://www.fysfinder.dk/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def entries(count: int) -> list[SitemapEntry]:
    return [
        SitemapEntry(
            f"https://www.fysfinder.dk/artikler/a-{n}/", f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        )
        for n in range(count)
    ]


def test_single_sitemap_is_valid_and_exact() -> None:
    files = list(build_sitemaps(entries(2), sitemap_base=BASE))
    assert [f.path for f in files] == ["sitemap.xml"]
    assert files[0].content.decode() == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
        "<url><loc>https://www.fysfinder.dk/artikler/a-0/</loc><lastmod>2025-01-01</lastmod></url>\n"
        "<url><loc>https://www.fysfinder.dk/artikler/a-1/</loc><lastmod>2025-02-02</lastmod></url>\n"
        "</urlset>\n"
    )
    assert validate_sitemap(files[0].content) == "urlset"


def test_120000_entries_split_into_three_valid_sitemaps_and_an_index() -> None:
    files = list(build_sitemaps(entries(120_000), sitemap_base=BASE))
    assert [f.path for f in files] == [
        "sitemap-1.xml",
        "sitemap-2.xml",
        "sitemap-3.xml",
        "sitemap.xml",
    ]
    counts = []
    for file in files[:3]:
        assert validate_sitemap(file.content) == "urlset"
        counts.append(file.content.count(b"<url>"))
    assert counts == [50_000, 50_000, 20_000]
    index = files[3].content
    assert validate_sitemap(index) == "sitemapindex"
    locs = etree.fromstring(index).xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    assert locs == [f"{BASE}sitemap-{n}.xml" for n in (1, 2, 3)]


def test_a_small_byte_limit_splits_by_size() -> None:
    files = list(build_sitemaps(entries(100), sitemap_base=BASE, max_bytes=2048))
    parts = [f for f in files if f.path != "sitemap.xml"]
    assert len(parts) > 1
    assert all(len(f.content) <= 2048 for f in parts)
    assert sum(f.content.count(b"<url>") for f in parts) == 100
    for file in files:
        validate_sitemap(file.content)


def test_url_limit_setting_and_extra_sitemaps() -> None:
    files = list(
        build_sitemaps(
            entries(5),
            sitemap_base=BASE,
            max_urls=2,
            extra_sitemaps=("https://www.fysfinder.dk/klinikker.xml",),
        )
    )
    assert [f.path for f in files] == [
        "sitemap-1.xml",
        "sitemap-2.xml",
        "sitemap-3.xml",
        "sitemap.xml",
    ]
    index = files[-1].content
    validate_sitemap(index)
    locs = etree.fromstring(index).xpath("//s:loc/text()", namespaces=NS)
    assert locs[-1] == "https://www.fysfinder.dk/klinikker.xml"
    lastmods = etree.fromstring(index).xpath("//s:lastmod/text()", namespaces=NS)
    assert lastmods == ["2025-02-02", "2025-04-04", "2025-05-05"]


def test_hreflang_and_images_validate_with_the_extension_schemas() -> None:
    entry = SitemapEntry(
        "https://www.fysfinder.dk/artikler/skulder/",
        "2025-01-01T10:00:00+01:00",
        alternates=(
            ("da-DK", "https://www.fysfinder.dk/artikler/skulder/"),
            ("en", "https://www.fysfinder.dk/en/shoulder/"),
            ("x-default", "https://www.fysfinder.dk/artikler/skulder/"),
        ),
        images=("https://www.fysfinder.dk/b/skulder.jpg",),
    )
    [file] = build_sitemaps([entry], sitemap_base=BASE)
    assert validate_sitemap(file.content) == "urlset"
    text = file.content.decode()
    assert (
        '<xhtml:link rel="alternate" hreflang="en" href="https://www.fysfinder.dk/en/shoulder/"/>'
        in text
    )
    assert (
        "<image:image><image:loc>https://www.fysfinder.dk/b/skulder.jpg</image:loc></image:image>"
        in text
    )
    assert "<lastmod>2025-01-01T10:00:00+01:00</lastmod>" in text


def test_non_ascii_is_percent_encoded_then_xml_escaped() -> None:
    assert encode_url("https://www.fysfinder.dk/artikler/øm skulder/?a=1&b=æ") == (
        "https://www.fysfinder.dk/artikler/%C3%B8m%20skulder/?a=1&b=%C3%A6"
    )
    [file] = build_sitemaps(
        [SitemapEntry("https://www.fysfinder.dk/øm/?a=1&b=2", None)], sitemap_base=BASE
    )
    assert b"<loc>https://www.fysfinder.dk/%C3%B8m/?a=1&amp;b=2</loc>" in file.content
    validate_sitemap(file.content)


def test_lastmod_is_never_a_datetime_without_offset() -> None:
    assert w3c_date("2025-01-01T10:00:00") == "2025-01-01"
    assert w3c_date("2025-01-01T10:00:00+02:00") == "2025-01-01T10:00:00+02:00"
    assert w3c_date("2025-01-01T10:00:00Z") == "2025-01-01T10:00:00Z"
    assert w3c_date("2025-01-01") == "2025-01-01"


def test_gzip_is_reproducible() -> None:
    files = list(build_sitemaps(entries(3), sitemap_base=BASE, gzip_files=True))
    assert [f.path for f in files] == ["sitemap.xml", "sitemap.xml.gz"]
    compressed = files[1].content
    assert compressed == reproducible_gzip(files[0].content)
    assert compressed[4:8] == b"\x00\x00\x00\x00"  # mtime 0
    assert not compressed[3] & 0x08  # FNAME flag off: no file name in the header
    assert gzip.decompress(compressed) == files[0].content


def test_output_is_byte_identical_between_runs() -> None:
    first = [
        (f.path, f.content) for f in build_sitemaps(entries(1000), sitemap_base=BASE, max_urls=300)
    ]
    second = [
        (f.path, f.content) for f in build_sitemaps(entries(1000), sitemap_base=BASE, max_urls=300)
    ]
    assert first == second


def test_build_writes_valid_sitemap_without_noindex_or_drafts(tmp_path: Path) -> None:
    import shutil

    from seo_export.build.site import build_site
    from seo_export.config.settings import load_settings

    from conftest import REPO, SAMPLE

    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SAMPLE, content / "nerveafklemning.md")
    (content / "skjult.md").write_text(
        "---\ntitle: Skjult\nnoindex: true\n---\n\nx\n", encoding="utf-8"
    )
    (content / "kladde.md").write_text(
        "---\ntitle: Kladde\ndraft: true\n---\n\nx\n", encoding="utf-8"
    )
    result = build_site(load_settings(tmp_path / "seo-export.toml"))
    sitemap = (tmp_path / "out" / "sitemap.xml").read_bytes()
    validate_sitemap(sitemap)
    assert re.findall(rb"<loc>(.*?)</loc>", sitemap) == [
        b"https://www.fysfinder.dk/artikler/nerveafklemning/"
    ]
    assert (tmp_path / "out" / "skjult" / "head.html").is_file()  # built, noindex
    assert not (tmp_path / "out" / "kladde").exists()  # drafts are not built
    assert (
        tmp_path / "out" / "robots-sitemap.txt"
    ).read_text() == "Sitemap: https://www.fysfinder.dk/sitemap.xml\n"
    assert result.robots_line == "Sitemap: https://www.fysfinder.dk/sitemap.xml"


def test_a_build_streams_split_gzipped_sitemaps_and_rewrites_only_changed_parts(
    tmp_path: Path,
) -> None:
    import json
    import shutil

    from seo_export.build.site import build_site
    from seo_export.config.settings import load_settings

    from conftest import REPO

    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    content = tmp_path / "content"
    content.mkdir()
    for n in range(1, 6):
        (content / f"a-{n}.md").write_text(
            f"---\ntitle: Artikel {n}\ndatePublished: 2025-01-0{n}\n---\n\nTekst {n}.\n", "utf-8"
        )
    settings = load_settings(tmp_path / "seo-export.toml", sitemap_max_urls=2, sitemap_gzip=True)
    build_site(settings)
    out = tmp_path / "out"
    names = ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    assert sorted(p.name for p in out.glob("sitemap*")) == sorted(
        [*names, *(name + ".gz" for name in names)]
    )
    # The same bytes as the in-memory builder makes from the manifest's entries.
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entries = [
        SitemapEntry(a["sitemap"]["loc"], a["sitemap"]["lastmod"]) for a in manifest["articles"]
    ]
    expected = {
        f.path: f.content
        for f in build_sitemaps(entries, sitemap_base=BASE, max_urls=2, gzip_files=True)
    }
    assert {name: (out / name).read_bytes() for name in expected} == expected
    assert manifest["sitemaps"] == [
        "sitemap-1.xml",
        "sitemap-1.xml.gz",
        "sitemap-2.xml",
        "sitemap-2.xml.gz",
        "sitemap-3.xml",
        "sitemap-3.xml.gz",
        "sitemap.xml",
        "sitemap.xml.gz",
    ]
    for name in names:
        validate_sitemap((out / name).read_bytes())

    # A new date in the last article: its part and the index change, the others stay.
    (content / "a-5.md").write_text(
        "---\ntitle: Artikel 5\ndatePublished: 2025-03-09\n---\n\nTekst 5.\n", "utf-8"
    )
    result = build_site(settings)
    assert sorted(p for p in result.files_written if p.startswith("sitemap")) == [
        "sitemap-3.xml",
        "sitemap-3.xml.gz",
        "sitemap.xml",
        "sitemap.xml.gz",
    ]
    assert b"<lastmod>2025-03-09</lastmod>" in gzip.decompress(
        (out / "sitemap-3.xml.gz").read_bytes()
    )
    assert not list(tmp_path.glob(".out.staging"))


def test_an_entry_too_large_for_any_sitemap_is_reported_and_left_out(tmp_path: Path) -> None:
    import shutil

    from seo_export.build.site import build_site
    from seo_export.config.settings import load_settings
    from seo_export.project.validate import validate_project

    from conftest import REPO

    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    content = tmp_path / "content"
    content.mkdir()
    long_image = "https://www.fysfinder.dk/billeder/" + "b" * 1200 + ".jpg"
    (content / "kort.md").write_text("---\ntitle: Kort\n---\n\nTekst.\n", "utf-8")
    (content / "lang.md").write_text(f"---\ntitle: Lang\nimage: {long_image}\n---\n\nx\n", "utf-8")
    settings = load_settings(tmp_path / "seo-export.toml", sitemap_max_bytes=1024)
    result = build_site(settings)
    assert result.built == 2
    [problem] = [f for f in result.findings if f.code == "sitemap-entry-too-large"]
    assert (problem.severity.value, problem.file) == ("warning", "content/lang.md")
    assert problem.message.startswith("its sitemap entry takes 1,")
    sitemap = (tmp_path / "out" / "sitemap.xml").read_bytes()
    assert re.findall(rb"<loc>(.*?)</loc>", sitemap) == [b"https://www.fysfinder.dk/artikler/kort/"]
    validate_sitemap(sitemap)
    report = validate_project(settings)
    site_unit = next(unit for unit in report.units if unit.name == "site")
    assert [(f.code, f.file) for f in site_unit.findings] == [
        ("sitemap-entry-too-large", "content/lang.md")
    ]
