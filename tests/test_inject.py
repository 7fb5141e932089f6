"""inject -> inject again -> eject on a small built site, compared byte for byte."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_export.build.site import build_site
from seo_export.cli import main
from seo_export.config.settings import Settings, load_settings
from seo_export.pages.block import InjectError
from seo_export.pages.eject import eject_html, eject_site
from seo_export.pages.inject import inject_html, inject_site, transcode_snippet

from helpers import snapshot

FIXTURE = Path(__file__).parent / "cases" / "inject"
EXPECTED = FIXTURE / "expected"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Settings]:
    """The fixture project (content, settings, a built site) copied to tmp_path and built."""
    for name in ("content", "site", "seo-export.toml"):
        source = FIXTURE / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    settings = load_settings(tmp_path / "seo-export.toml")
    build_site(settings)
    return tmp_path / "site", settings


def check_bytes(path: Path, actual: bytes, update_golden: bool) -> None:
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
        return
    assert path.exists(), f"missing golden {path}; run pytest --update-golden"
    assert actual == path.read_bytes(), f"differs from {path}"


def test_inject_inject_again_eject(site: tuple[Path, Settings], update_golden: bool) -> None:
    site_dir, settings = site
    original = snapshot(site_dir)

    first = inject_site(site_dir, settings)
    assert sorted(first.changed) == [
        "site/artikler/ingen-head-slut.html",
        "site/artikler/latin/index.html",
        "site/artikler/plain/index.html",
        "site/artikler/upper/index.html",
    ]
    assert sorted((f.code, f.file, f.line) for f in first.findings) == [
        ("inject-conflict", "site/artikler/konflikt.html", 5),
        ("inject-conflict", "site/artikler/konflikt.html", 6),
        ("inject-conflict", "site/artikler/konflikt.html", 7),
        ("inject-conflict", "site/artikler/konflikt.html", 9),
        ("inject-no-head", "site/artikler/ingen-head.html", None),
        ("inject-not-html", "site/artikler/ikke-html.html", None),
        ("inject-page-not-found", "site", None),
        ("inject-verify-failed", "site/artikler/konflikt.html", None),
    ]
    injected = snapshot(site_dir)
    for name, content in injected.items():
        check_bytes(EXPECTED / "injected" / name, content, update_golden)
    # Pages that could not take the snippet are exactly as they were.
    for name in ("artikler/konflikt.html", "artikler/ingen-head.html", "artikler/ikke-html.html"):
        assert injected[name] == original[name]

    second = inject_site(site_dir, settings)
    assert second.changed == []
    assert len(second.unchanged) == 4
    assert snapshot(site_dir) == injected

    ejected = eject_site(site_dir)
    assert len(ejected.changed) == 4
    assert snapshot(site_dir) == original


def test_every_byte_outside_the_block_is_kept(site: tuple[Path, Settings]) -> None:
    site_dir, settings = site
    original = snapshot(site_dir)
    inject_site(site_dir, settings)
    for name, content in snapshot(site_dir).items():
        start = content.find(b"<!-- seo-export:start -->")
        if start == -1:
            continue
        end = content.index(b"<!-- seo-export:end -->") + len(b"<!-- seo-export:end -->")
        end += 2 if content[end : end + 2] == b"\r\n" else 1
        assert content[:start] + content[end:] == original[name], name


def test_crlf_and_latin1_pages_keep_their_encoding(site: tuple[Path, Settings]) -> None:
    site_dir, settings = site
    inject_site(site_dir, settings)
    upper = (site_dir / "artikler" / "upper" / "index.html").read_bytes()
    assert b"\n" not in upper.replace(b"\r\n", b"")  # the block uses the page's CRLF
    latin = (site_dir / "artikler" / "latin" / "index.html").read_bytes()
    # A browser reads the label iso-8859-1 as windows-1252 (the Encoding Standard), which has
    # the en dash as byte 0x96: the block is written in that, as the browser will read it.
    text = latin.decode("windows-1252")
    assert "<title>Hofte – ømhed</title>" in text
    assert '"name":"Hofte – ømhed"' in text
    assert "<title>Hofte \x96 \xf8mhed</title>".encode("latin-1") in latin


def test_replace_conflicts_removes_them_and_only_them(
    site: tuple[Path, Settings], update_golden: bool
) -> None:
    site_dir, settings = site
    page = site_dir / "artikler" / "konflikt.html"
    before = page.read_text(encoding="utf-8")
    result = inject_site(site_dir, settings, replace_conflicts=True)
    assert "site/artikler/konflikt.html" in result.changed
    after = page.read_text(encoding="utf-8")
    check_bytes(EXPECTED / "replaced" / "konflikt.html", page.read_bytes(), update_golden)
    assert '<meta name="viewport" content="width=device-width">' in after  # not a conflict
    assert '"@type":"Organization","name":"FysFinder"}' in after  # not a conflict either
    for gone in (
        "<title>Gammel titel</title>",
        "https://www.fysfinder.dk/gammel/",
        'content="Gammel"',
        '"name":"Gammel?"',
    ):
        assert gone in before and gone not in after


def test_dry_run_prints_a_diff_and_writes_nothing(
    site: tuple[Path, Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    site_dir, _ = site
    original = snapshot(site_dir)
    result = CliRunner().invoke(main, ["inject", "site", "--dry-run"])
    assert result.exit_code == 1  # konflikt.html cannot be injected without --replace-conflicts
    assert "+++ b/site/artikler/plain/index.html" in result.output
    assert "+<!-- seo-export:start -->" in result.output
    assert "4 pages would change" in result.output
    assert snapshot(site_dir) == original
    # A site outside the current folder, named by its absolute path: git's a/ b/ headers,
    # not a//tmp/...
    settings_file = (site_dir.parent / "seo-export.toml").resolve()
    elsewhere = site_dir.parent / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    absolute = CliRunner().invoke(
        main, ["inject", str(site_dir.resolve()), "--dry-run", "-c", str(settings_file)]
    )
    page = (site_dir / "artikler" / "plain" / "index.html").resolve().as_posix()
    assert f"+++ b/{page.lstrip('/')}" in absolute.output.splitlines()


def test_mode_is_kept(site: tuple[Path, Settings]) -> None:
    site_dir, settings = site
    page = site_dir / "artikler" / "plain" / "index.html"
    page.chmod(0o640)
    inject_site(site_dir, settings)
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert not list(page.parent.glob(".*.tmp"))


def test_a_page_that_reads_back_wrong_is_restored(site: tuple[Path, Settings]) -> None:
    site_dir, settings = site
    original = snapshot(site_dir)
    from seo_export.pages.files import PageFile, write_page

    def lossy_disk(page: PageFile, content: bytes) -> None:
        # The write "succeeds", but what lands on disk lost its last 200 bytes.
        write_page(page, content[:-200] if b"seo-export:start" in content else content)

    result = inject_site(site_dir, settings, write=lossy_disk)
    assert result.changed == []
    restored = [
        f
        for f in result.findings
        if f.code == "inject-verify-failed" and f.message.startswith("restored")
    ]
    assert len(restored) == 4
    assert snapshot(site_dir) == original


def test_cli_inject_and_eject(site: tuple[Path, Settings]) -> None:
    site_dir, _ = site
    original = snapshot(site_dir)
    result = CliRunner().invoke(main, ["inject", "site", "--replace-conflicts"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "5 pages injected, 0 already up to date."
    result = CliRunner().invoke(main, ["eject", "site"])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "5 pages ejected, 2 had no seo-export block."
    after = snapshot(site_dir)
    assert {k: v for k, v in after.items() if k != "artikler/konflikt.html"} == {
        k: v for k, v in original.items() if k != "artikler/konflikt.html"
    }


def test_eject_of_a_page_with_a_broken_block_names_the_same_code_as_inject(
    site: tuple[Path, Settings],
) -> None:
    site_dir, _ = site
    page = site_dir / "artikler" / "plain" / "index.html"  # a built article's page
    page.write_text("<html><head>\n<!-- seo-export:start -->\n<title>x</title>\n</head></html>\n")
    before = page.read_bytes()
    for command in ("inject", "eject"):
        result = CliRunner().invoke(main, [command, "site"])
        assert result.exit_code == 1, result.output
        line = next(line for line in result.output.splitlines() if "plain/index.html" in line)
        assert ": error: inject-broken-block: " in line, line
        assert "<!-- seo-export:start --> without <!-- seo-export:end -->" in line
    assert page.read_bytes() == before


def test_inject_without_a_build_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(FIXTURE / "seo-export.toml", tmp_path / "seo-export.toml")
    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["inject", "site"])
    assert result.exit_code == 2
    assert "run seo-export build first" in result.output


SNIPPET = '<title>T</title>\n<link rel="canonical" href="https://x.example/">\n<meta name="description" content="d">\n'


@pytest.mark.parametrize(
    "page",
    [
        "<html><head></head><body></body></html>",
        "<html><head><meta charset=utf-8></head></html>\n",
        "<!doctype html>\r\n<html>\r\n<head>\r\n  <style>p{}</style>\r\n</head>\r\n</html>\r\n",
        "<html>\n<head>\n<body>x</body>\n</html>",
        "<HTML><HEAD><SCRIPT>'</head>'</SCRIPT><!-- </head> --></HEAD></HTML>",
    ],
)
def test_inject_html_is_idempotent_and_ejects_to_the_original(page: str) -> None:
    once = inject_html(page, SNIPPET)
    assert once.count("<!-- seo-export:start -->") == 1
    assert inject_html(once, SNIPPET) == once
    assert inject_html(once, SNIPPET.replace("T", "U")).count("<title>") == 1
    assert eject_html(once) == page


def test_inject_html_puts_the_block_before_the_real_head_end() -> None:
    page = "<HTML><HEAD><SCRIPT>'</head>'</SCRIPT><!-- </head> --></HEAD><BODY></BODY></HTML>"
    once = inject_html(page, SNIPPET)
    assert once.index("<!-- seo-export:end -->") < once.index("</HEAD>")
    assert once.index("<!-- seo-export:start -->") > once.index("<!-- </head> -->")


def test_inject_html_refuses_a_page_without_head() -> None:
    with pytest.raises(InjectError, match="no <head>"):
        inject_html("<p>fragment</p>", SNIPPET)


def test_transcode_snippet_keeps_the_json_data() -> None:
    import json

    snippet = (
        '<title>A – B</title>\n<script type="application/ld+json">{"name":"A – B 😀"}</script>\n'
    )
    latin = transcode_snippet(snippet, "iso8859-1")
    latin.encode("iso8859-1")
    assert "<title>A &#8211; B</title>" in latin
    body = latin.split('json">', 1)[1].split("</script>")[0]
    assert json.loads(body) == {"name": "A – B 😀"}


def test_page_outside_the_site_is_never_mapped(tmp_path: Path) -> None:
    from seo_export.pages.built import page_for_url

    (tmp_path / "site").mkdir()
    (tmp_path / "secret.html").write_text("<html><head></head></html>", encoding="utf-8")
    assert (
        page_for_url(
            "https://x.example/../secret.html",
            tmp_path / "site",
            ["{path}", "{path_no_slash}.html"],
        )
        is None
    )
    assert (
        page_for_url("https://x.example/%2e%2e/secret", tmp_path / "site", ["{path_no_slash}.html"])
        is None
    )


def test_inject_is_refused_while_a_build_holds_out(site: tuple[Path, Settings]) -> None:
    from seo_export.build.emit import output_lock
    from seo_export.errors import OutputLockedError

    site_dir, settings = site
    before = snapshot(site_dir)
    with output_lock(settings.out_dir), pytest.raises(OutputLockedError):
        inject_site(site_dir, settings)
    assert snapshot(site_dir) == before
