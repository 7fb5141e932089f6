"""Someone else's site is never harmed: inject, eject and check read pages as a browser does,
write them as the site had them, and leave alone what they cannot edit safely.

Each test is one case of issue 20 ("Never lose a byte of someone else's site"), found by
trying inject, eject and check as an attacker and as an unlucky user would.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import html5lib
import pytest
from click.testing import CliRunner

from seo_export.build.site import build_site
from seo_export.cli import main
from seo_export.config.settings import Settings, load_settings
from seo_export.model import Finding
from seo_export.pages.block import InjectResult
from seo_export.pages.check import check_pages
from seo_export.pages.eject import eject_site
from seo_export.pages.inject import inject_site

from helpers import snapshot

FIXTURE = Path(__file__).parent / "cases" / "inject"
START = b"<!-- seo-export:start -->"
END = b"<!-- seo-export:end -->"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Settings]:
    """The inject fixture project, built, with every page of its site removed: each test
    writes the pages it needs (artikler/plain/index.html is the article "Skulder")."""
    for name in ("content", "seo-export.toml"):
        source = FIXTURE / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "site" / "artikler" / "plain").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    settings = load_settings(tmp_path / "seo-export.toml")
    build_site(settings)
    return tmp_path / "site", settings


def plain_page(site_dir: Path) -> Path:
    return site_dir / "artikler" / "plain" / "index.html"


def about_pages(result: InjectResult) -> list[Finding]:
    """The findings about pages (not the articles whose page the fixture site lacks)."""
    return [f for f in result.findings if f.code != "inject-page-not-found"]


def head_comments(page: bytes, encoding: str = "utf-8") -> list[str]:
    """The comments that are children of <head>, as html5lib (a browser's reading) sees them."""
    tree = html5lib.parse(page.decode(encoding), namespaceHTMLElements=False)
    head = tree.find("head")
    assert head is not None
    return [str(node.text) for node in head if not isinstance(node.tag, str)]


PAGE = """<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
{head}</head>
<body>
{body}</body>
</html>
"""

MARKERS_IN_TEXT = (
    '<script>const S="<!-- seo-export:start -->", E="<!-- seo-export:end -->";</script>\n'
)


# Case 1: the markers are only ever real comments in <head>.


@pytest.mark.parametrize(
    "body",
    [
        MARKERS_IN_TEXT,
        "<textarea><!-- seo-export:start -->notes<!-- seo-export:end --></textarea>\n",
        '<p title="<!-- seo-export:start -->">x</p><!-- seo-export:end -->\n',
    ],
    ids=["script", "textarea", "attribute-and-body-comment"],
)
def test_eject_leaves_marker_text_that_is_not_a_block_alone(
    site: tuple[Path, Settings], body: str
) -> None:
    site_dir, _ = site
    page = plain_page(site_dir)
    page.write_text(PAGE.format(head="<title>Side</title>\n", body=body), encoding="utf-8")
    before = page.read_bytes()
    result = CliRunner().invoke(main, ["eject", str(site_dir)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "0 pages ejected, 1 had no seo-export block."
    assert page.read_bytes() == before


def test_a_page_with_marker_text_in_a_script_is_injected_and_ejected_byte_for_byte(
    site: tuple[Path, Settings],
) -> None:
    site_dir, settings = site
    page = plain_page(site_dir)
    page.write_text(PAGE.format(head=MARKERS_IN_TEXT, body="<p>x</p>\n"), encoding="utf-8")
    before = page.read_bytes()
    result = inject_site(site_dir, settings)
    assert [f.code for f in about_pages(result)] == []
    injected = page.read_bytes()
    assert head_comments(injected) == [" seo-export:start ", " seo-export:end "]
    eject_site(site_dir)
    assert page.read_bytes() == before


# Case 3: a page the site generator replaces meanwhile is left as the generator made it.


def test_a_page_replaced_while_inject_runs_is_left_alone(site: tuple[Path, Settings]) -> None:
    from seo_export.pages.files import PageFile, write_page

    site_dir, settings = site
    page = plain_page(site_dir)
    page.write_text(PAGE.format(head="", body="<p>old</p>\n"), encoding="utf-8")
    regenerated = PAGE.format(head="", body="<p>new</p>\n").encode()

    def generator_runs_meanwhile(read: PageFile, content: bytes) -> None:
        fresh = page.with_name("fresh.tmp")
        fresh.write_bytes(regenerated)
        os.replace(fresh, page)  # as a site generator writes a page
        write_page(read, content)

    result = inject_site(site_dir, settings, write=generator_runs_meanwhile)
    assert page.read_bytes() == regenerated
    assert [(f.code, f.severity.value) for f in about_pages(result)] == [
        ("inject-page-changed", "error")
    ]
    assert result.changed == []
    assert not list(page.parent.glob(".*.tmp"))


def test_a_page_rewritten_in_place_while_inject_runs_is_left_alone(
    site: tuple[Path, Settings],
) -> None:
    from seo_export.pages.files import PageFile, write_page

    site_dir, settings = site
    page = plain_page(site_dir)
    page.write_text(PAGE.format(head="", body="<p>old</p>\n"), encoding="utf-8")
    regenerated = PAGE.format(head="", body="<p>neu</p>\n").encode()  # same size

    def generator_rewrites(read: PageFile, content: bytes) -> None:
        page.write_bytes(regenerated)  # same inode, same size
        write_page(read, content)

    result = inject_site(site_dir, settings, write=generator_rewrites)
    assert page.read_bytes() == regenerated
    assert [f.code for f in about_pages(result)] == ["inject-page-changed"]


# Case 4: owner, group, mode and links are kept; read-only pages are refused unless asked.

needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown to nobody needs root"
)


@needs_root
def test_inject_keeps_the_owner_group_and_mode_of_a_page(site: tuple[Path, Settings]) -> None:
    site_dir, settings = site
    page = plain_page(site_dir)
    page.write_text(PAGE.format(head="", body="<p>x</p>\n"), encoding="utf-8")
    os.chown(page, 65534, 65534)
    page.chmod(0o640)
    result = inject_site(site_dir, settings)
    assert about_pages(result) == [] and len(result.changed) == 1
    info = page.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o640)
    eject_site(site_dir)
    info = page.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o640)


@needs_root
def test_a_read_only_page_is_refused_unless_asked(site: tuple[Path, Settings]) -> None:
    site_dir, _settings = site
    page = plain_page(site_dir)
    page.write_text(PAGE.format(head="", body="<p>x</p>\n"), encoding="utf-8")
    os.chown(page, 65534, 65534)
    page.chmod(0o440)
    before = page.read_bytes()
    result = CliRunner().invoke(main, ["inject", str(site_dir)])
    assert "inject-read-only" in result.output
    assert page.read_bytes() == before
    result = CliRunner().invoke(main, ["inject", str(site_dir), "--write-read-only"])
    assert result.exit_code == 0, result.output
    assert START in page.read_bytes()
    info = page.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o440)
    assert "inject-read-only" in CliRunner().invoke(main, ["eject", str(site_dir)]).output
    assert CliRunner().invoke(main, ["eject", str(site_dir), "--write-read-only"]).exit_code == 0
    assert page.read_bytes() == before


def test_a_read_only_page_is_refused_for_any_user(site: tuple[Path, Settings]) -> None:
    site_dir, settings = site
    page = plain_page(site_dir)
    page.write_text(PAGE.format(head="", body="<p>x</p>\n"), encoding="utf-8")
    page.chmod(0o444)
    result = inject_site(site_dir, settings)
    assert [(f.code, f.severity.value) for f in about_pages(result)] == [
        ("inject-read-only", "warning")
    ]
    assert START not in page.read_bytes()


def test_eject_writes_through_a_link_and_keeps_it(site: tuple[Path, Settings]) -> None:
    site_dir, settings = site
    page = plain_page(site_dir)
    page.write_text(PAGE.format(head="", body="<p>x</p>\n"), encoding="utf-8")
    before = page.read_bytes()
    inject_site(site_dir, settings)
    real = site_dir / "real.html"
    os.replace(page, real)
    page.symlink_to(Path("..") / ".." / "real.html")
    result = eject_site(site_dir)
    assert page.is_symlink()
    assert real.read_bytes() == before
    assert len(result.changed) == 1  # the file, once, however many names it has


def test_a_link_out_of_the_site_is_not_written(site: tuple[Path, Settings], tmp_path: Path) -> None:
    site_dir, _ = site
    outside = tmp_path / "outside.html"
    outside.write_text(
        PAGE.format(head="<!-- seo-export:start -->\n<!-- seo-export:end -->\n", body="")
    )
    before = outside.read_bytes()
    (site_dir / "link.html").symlink_to(outside)
    result = eject_site(site_dir)
    assert [f.code for f in about_pages(result)] == ["page-link-outside-site"]
    assert outside.read_bytes() == before and (site_dir / "link.html").is_symlink()


# Case 5: encodings as a browser determines them; bytes outside the block never re-encoded.


def test_a_charset_in_a_comment_is_not_the_page_charset(site: tuple[Path, Settings]) -> None:
    site_dir, settings = site
    page = plain_page(site_dir)
    head = '<!-- <meta charset="iso-8859-1"> -->\n<meta charset="utf-8">\n'
    page.write_bytes(
        f"<!DOCTYPE html>\n<html>\n<head>\n{head}</head>\n<body>ø</body></html>\n".encode()
    )
    inject_site(site_dir, settings)
    data = page.read_bytes()
    assert "søgeresultater".encode() in data  # the description, in the page's UTF-8
    data.decode("utf-8")


def jis_1978(text: str) -> bytes:
    """``text`` in ISO-2022-JP as older Japanese software writes it: JIS X 0208-1978 (ESC $ @),
    which Python's encoder would write as ESC $ B. Encoding a decoded page again changes it."""
    return text.encode("iso2022_jp").replace(b"\x1b$B", b"\x1b$@")


def test_an_iso_2022_jp_page_comes_back_byte_for_byte(site: tuple[Path, Settings]) -> None:
    site_dir, settings = site
    page = plain_page(site_dir)
    text = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-2022-jp">').format(
        head="<title>日本語のページ</title>\n", body="<p>こんにちは、世界。</p>\n"
    )
    original = jis_1978(text)
    page.write_bytes(original)
    result = inject_site(site_dir, settings, replace_conflicts=True)
    assert result.changed, about_pages(result)
    injected = page.read_bytes()
    assert injected.decode("iso2022_jp").count("こんにちは、世界。") == 1
    eject_site(site_dir)
    # The title was a conflict and was removed; everything else is the page's bytes.
    assert page.read_bytes() == original.replace(jis_1978("<title>日本語のページ</title>\n"), b"")


def test_an_iso_2022_jp_page_without_conflicts_ejects_to_its_bytes(
    site: tuple[Path, Settings],
) -> None:
    site_dir, settings = site
    page = plain_page(site_dir)
    text = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-2022-jp">').format(
        head="<!-- 日本語 -->\n", body="<p>こんにちは、世界。</p>\n"
    )
    original = jis_1978(text)
    page.write_bytes(original)
    inject_site(site_dir, settings)
    assert START in page.read_bytes()
    eject_site(site_dir)
    assert page.read_bytes() == original


# Case 6: <head> ends where a browser says it does.


def test_head_end_text_in_the_title_is_not_the_end_of_head(site: tuple[Path, Settings]) -> None:
    site_dir, settings = site
    page = plain_page(site_dir)
    page.write_text(
        PAGE.format(head="<title>Scripts before </head> | Blog</title>\n", body="<p>x</p>\n")
    )
    result = inject_site(site_dir, settings, replace_conflicts=True)
    assert result.changed, about_pages(result)
    injected = page.read_bytes()
    tree = html5lib.parse(injected.decode(), namespaceHTMLElements=False)
    assert [t.text for t in tree.iter("title")] == ["Skulder"]
    assert head_comments(injected) == [" seo-export:start ", " seo-export:end "]


def test_an_svg_title_in_the_body_of_a_page_without_head_end_is_kept(
    site: tuple[Path, Settings],
) -> None:
    site_dir, settings = site
    page = plain_page(site_dir)
    page.write_text(
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        '<svg width="1" height="1"><title>Logo</title></svg>\n<p>Tekst</p>\n</html>\n'
    )
    result = inject_site(site_dir, settings, replace_conflicts=True)
    assert [f.code for f in about_pages(result)] == []
    injected = page.read_text()
    assert '<svg width="1" height="1"><title>Logo</title></svg>' in injected
    assert injected.index("<!-- seo-export:end -->") < injected.index("<svg")
    assert head_comments(page.read_bytes()) == [" seo-export:start ", " seo-export:end "]


def test_a_head_pasted_into_the_body_does_not_receive_the_block(
    site: tuple[Path, Settings],
) -> None:
    site_dir, settings = site
    page = plain_page(site_dir)
    page.write_text(
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<body>\n'
        "<p>Eksempel: <html><head></head></p>\n</body>\n</html>\n"
    )
    inject_site(site_dir, settings)
    injected = page.read_text()
    assert injected.index("<!-- seo-export:end -->") < injected.index("<body>")
    assert head_comments(page.read_bytes()) == [" seo-export:start ", " seo-export:end "]


# Case 11: an unknown charset is a finding for that page, never a traceback.


@pytest.mark.parametrize(
    "charset", ["base64", "hex", "rot13", "idna", "utf-7", "utf-32", "iso-2022-kr"]
)
def test_an_unknown_charset_is_a_finding_for_that_page(
    site: tuple[Path, Settings], charset: str
) -> None:
    site_dir, _settings = site
    page = plain_page(site_dir)
    page.write_text(
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>x</title></head>'
        "<body><p>+AGQ- abc</p></body></html>\n"
    )
    other = site_dir / "other.html"
    other.write_text(PAGE.format(head="<title>Anden</title>\n", body=""), encoding="utf-8")
    before = page.read_bytes()
    for command in (["inject", str(site_dir)], ["eject", str(site_dir)]):
        result = CliRunner().invoke(main, command)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert page.read_bytes() == before
    result = CliRunner().invoke(main, ["inject", str(site_dir)])
    assert "page-charset-unknown" in result.output
    report = check_pages([site_dir])
    codes = {unit.name: [f.code for f in unit.findings] for unit in report.units}
    assert "page-charset-unknown" in codes["site/artikler/plain/index.html"]
    assert "site/other.html" in codes


def test_every_byte_of_every_fixture_page_survives_inject_and_eject(
    site: tuple[Path, Settings],
) -> None:
    site_dir, settings = site
    shutil.rmtree(site_dir)
    shutil.copytree(FIXTURE / "site", site_dir)
    before = snapshot(site_dir)
    inject_site(site_dir, settings)
    eject_site(site_dir)
    assert snapshot(site_dir) == before
