"""A build that patches a few changed articles in gives what a build of everything gives.

Each case builds a project, changes it, and builds again twice over: in one
copy with the stamp in place (the patch may be taken), in the other with the
stat cache removed (every source is read and the whole build runs). The two
out/ folders must hold the same bytes and the two results must agree; and the
patch must have been taken exactly where the case says.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from seo_export.build import site
from seo_export.build.site import build_site
from seo_export.build.statcache import cache_path
from seo_export.config.settings import Settings
from seo_export.model import BuildResult

from edits import CASES, EMPTY_QUESTION, article, edit, patches_taken, write_project
from helpers import result_summary, snapshot


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
    taken = patches_taken(monkeypatch)
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
