"""A build that patches a few changed articles in gives what a build of everything gives.

Each case builds a project, changes it, and builds again twice over: in one
copy with the stamp in place (the patch may be taken), in the other with the
stat cache removed (every source is read and the whole build runs). The two
out/ folders must hold the same bytes and the two results must agree; and the
patch must have been taken exactly where the case says.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from seo_export import site
from seo_export.model import BuildResult
from seo_export.settings import Settings, load_settings
from seo_export.site import build_site
from seo_export.statcache import cache_path

from conftest import REPO, SAMPLE
from helpers import result_summary, snapshot


def article(n: int, body: str = "", faq: str = "") -> str:
    # Findings that edits of the text keep: odd articles have an ambiguous date (info), 2
    # and 5 dates out of order (a warning), 5 and 6 the same description (a site warning),
    # 2 to 4 a short description (a warning); 1 has no warning.
    published = f"0{n}/01/2025" if n % 2 else f"2025-01-1{n}"
    updated = "2024-12-01" if n in (2, 5) else f"2025-02-0{n}"
    described = {
        1: "nummer et, som er lang nok til ikke at give en advarsel",
        5: "fem og seks",
    }.get(n, "fem og seks" if n == 6 else f"nummer {n}")
    return (
        f"---\ntitle: Artikel {n}\ndatePublished: {published}\nlastUpdated: {updated}\n"
        f"description: Beskrivelse {described} af en artikel, lang nok til en god beskrivelse.\n"
        f"---\n\nIntro {n}.{body}\n\n## Symptomer\n\nSymptomer inkluderer smerte og prikken.\n"
        f"\n## Ofte stillede spørgsmål\n\n### Hvad er det?\n\nEt svar.\n{faq}"
    )


EMPTY_QUESTION = "\n### Et spørgsmål uden svar?\n"


def write_project(root: Path, *, clash: bool = False) -> Settings:
    root.mkdir()
    shutil.copy(REPO / "seo-export.toml", root / "seo-export.toml")
    content = root / "content"
    content.mkdir()
    shutil.copy(SAMPLE, content / "nerveafklemning.md")
    for n in range(1, 7):
        faq = EMPTY_QUESTION if n == 4 else ""  # a warning to take away
        (content / f"artikel-{n}.md").write_text(article(n, faq=faq), encoding="utf-8")
    (content / "broken.md").write_text("---\ntitle: [x\n---\n\nTekst.\n", encoding="utf-8")
    if clash:  # the same title, so the same slug, as artikel-2: skipped as a duplicate
        (content / "artikel-2x.md").write_text(article(2, body=" Kopi."), encoding="utf-8")
    return load_settings(root / "seo-export.toml")


def edit(settings: Settings, name: str, text: str) -> None:
    (settings.content_dir / name).write_text(text, encoding="utf-8")


def touch(settings: Settings, name: str) -> None:
    path = settings.content_dir / name
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000))


CASES: dict[str, tuple[Callable[[Settings], None], bool]] = {
    "body text": (lambda s: edit(s, "artikel-2.md", article(2, body=" Mere tekst.")), True),
    "same content, new time": (lambda s: touch(s, "artikel-3.md"), True),
    "a warning added": (lambda s: edit(s, "artikel-5.md", article(5, faq=EMPTY_QUESTION)), True),
    "a first warning, early": (
        lambda s: edit(s, "artikel-1.md", article(1, faq=EMPTY_QUESTION)),
        True,
    ),
    "a warning taken away": (lambda s: edit(s, "artikel-4.md", article(4)), True),
    "two articles": (
        lambda s: (
            edit(s, "artikel-1.md", article(1, body=" A.")),
            edit(s, "artikel-6.md", article(6, body=" B.")),
        ),
        True,
    ),
    "still broken": (lambda s: edit(s, "broken.md", "---\ntitle: [y\n---\n\nTekst.\n"), True),
    "a new title": (
        lambda s: edit(s, "artikel-2.md", article(2).replace("Artikel 2", "Artikel to")),
        False,
    ),
    "a new date": (
        lambda s: edit(s, "artikel-4.md", article(4).replace("2025-02-04", "2025-03-04")),
        False,
    ),
    "mended": (lambda s: edit(s, "broken.md", article(9)), False),
    "a new article": (lambda s: edit(s, "artikel-7.md", article(7)), False),
}


@pytest.mark.parametrize(
    "kept", [10_000, 1, 2, 4], ids=["all-findings-kept", "kept-1", "kept-2", "kept-4"]
)
@pytest.mark.parametrize("keep_info", [False, True])
@pytest.mark.parametrize("case", list(CASES))
def test_a_patched_build_gives_what_a_whole_build_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, keep_info: bool, kept: int
) -> None:
    # ``kept``: how many warnings (and info) a build result holds; past it, it counts them.
    monkeypatch.setattr(site, "FINDINGS_KEPT", kept)
    change, patched = CASES[case]
    results = build_both_ways(tmp_path, monkeypatch, change, keep_info=keep_info)
    # With fewer kept, an edit that changes how many findings an article has may have to
    # leave it to the whole build; one that does not is still patched.
    if kept == 10_000 or case in ("body text", "same content, new time", "two articles"):
        assert results["patch"][2] is patched
    assert results["whole"][2] is False
    assert results["patch"][1] == results["whole"][1]
    assert result_summary(results["patch"][0]) == result_summary(results["whole"][0])


@pytest.mark.parametrize("case", list(CASES))
def test_with_a_skipped_duplicate_the_build_looks_at_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    change, _ = CASES[case]
    results = build_both_ways(tmp_path, monkeypatch, change, keep_info=False, clash=True)
    assert results["patch"][2] is False
    assert results["patch"][1] == results["whole"][1]
    assert result_summary(results["patch"][0]) == result_summary(results["whole"][0])


def build_both_ways(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Settings], None],
    *,
    keep_info: bool,
    clash: bool = False,
) -> dict[str, tuple[BuildResult, dict[str, bytes], bool]]:
    """Per way ("patch": the stamp kept, "whole": the stat cache removed): the result of the
    build after ``change``, out/'s bytes, and whether the patch was taken."""
    taken: list[bool] = []
    real_patch = site.patch_build

    def watched(*args: Any, **kwargs: Any) -> BuildResult | None:
        result = real_patch(*args, **kwargs)
        taken.append(result is not None)
        return result

    monkeypatch.setattr(site, "patch_build", watched)
    results = {}
    for way in ("patch", "whole"):
        settings = write_project(tmp_path / way, clash=clash)
        first = build_site(settings, keep_info=keep_info)
        assert (first.built, first.skipped) == (7, 2 if clash else 1)
        change(settings)
        if way == "whole":
            cache_path(settings.out_dir).unlink()
        taken.clear()
        second = build_site(settings, keep_info=keep_info)
        results[way] = (second, snapshot(settings.out_dir), taken == [True])
        third = build_site(settings, keep_info=keep_info)  # and then nothing to do
        assert (third.built, third.files_written_count) == (0, 0)
        assert third.findings == second.findings and third.counts == second.counts
    return results


def test_a_patch_swaps_the_article_findings_in_place(tmp_path: Path) -> None:
    settings = write_project(tmp_path / "p")
    before = build_site(settings)
    edit(settings, "artikel-5.md", article(5, faq=EMPTY_QUESTION))
    after = build_site(settings)
    assert after.built == 1 and after.unchanged == 6
    added = [f for f in after.findings if f not in before.findings]
    assert [(f.code, f.file, f.line) for f in added] == [
        ("faq-empty-answer", "content/artikel-5.md", 20)
    ]
    files = [f.file for f in after.findings if f.file]
    position = files.index("content/artikel-5.md")
    assert files[:position] == sorted(files[:position])
    assert after.counts["warning"] == before.counts["warning"] + 1
