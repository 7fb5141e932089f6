"""The steps of a site build on their own: plan (what to build), run (the articles streamed in
order), finish (site-wide files, commit), and the data they pass on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from seo_export.build.emit import OutputTransaction, output_lock
from seo_export.build.finish import close_outputs, commit_build
from seo_export.build.parallel import build_outcomes
from seo_export.build.plan import changed_since, discover_project, plan_build, read_stamp
from seo_export.build.run import open_outputs, run_articles
from seo_export.build.site import FINDINGS_KEPT, build_site
from seo_export.build.staging import rebuild_marker, staging_dir
from seo_export.build.statcache import stat_key
from seo_export.config.settings import Settings, load_settings
from seo_export.model import AboutType, ArticleRecord, EntityItem, Finding, Severity, SitemapEntry

from helpers import result_summary, sample_project, snapshot


def article(n: int, slug: str | None = None) -> str:
    slug_line = f"slug: {slug}\n" if slug else ""
    return (
        f"---\ntitle: Artikel {n}\n{slug_line}datePublished: 2025-01-10\n"
        f"description: Beskrivelse nummer {n} af en artikel, lang nok til at være en god beskrivelse.\n"
        f"---\n\nIntro {n}.\n\n## Symptomer\n\nSymptomer inkluderer smerte og prikken.\n"
    )


@pytest.fixture
def built(tmp_path: Path) -> Settings:
    """Three articles and the sample, built once."""
    settings = sample_project(tmp_path / "site", {f"artikel-{n}.md": article(n) for n in (1, 2, 3)})
    build_site(settings)
    return settings


def manifest_entries(settings: Settings) -> dict[str, dict[str, object]]:
    manifest = json.loads((settings.out_dir / "manifest.json").read_text(encoding="utf-8"))
    return {entry["source"]: entry for entry in manifest["articles"]}


def append(settings: Settings, name: str) -> None:
    path = settings.content_dir / name
    path.write_text(path.read_text(encoding="utf-8") + "\nNy linje.\n", encoding="utf-8")


def test_the_plan_builds_what_changed_and_lists_the_files_of_what_is_gone(
    built: Settings,
) -> None:
    before = manifest_entries(built)
    append(built, "artikel-2.md")
    (built.content_dir / "artikel-3.md").unlink()
    sources = discover_project(built).sources
    assert [sources.name(i) for i in range(len(sources))] == [
        "artikel-1.md",
        "artikel-2.md",
        "nerveafklemning.md",
    ]

    plan = plan_build(built, sources, force=False, changed_since_stamp=None)

    assert list(plan.vouched) == [1, 0, 1] and plan.to_build == 1
    tasks = [(task.name, task.known_hash) for task in plan.tasks(sources)]
    assert tasks == [("artikel-2.md", before["artikel-2.md"]["content_hash"])]
    assert list(plan.gone_files) == before["artikel-3.md"]["files"]
    # A vouched-for source's outcome: its previous build stands, with the stat key seen.
    kept = plan.vouched_outcome(0, "artikel-1.md", "hash")
    assert kept.record is None and kept.stat == stat_key(sources.path(0))


def test_the_stamp_and_the_previous_manifest_give_the_same_plan(built: Settings) -> None:
    append(built, "artikel-2.md")
    discovery = discover_project(built)
    stamped = read_stamp(built, discovery, force=False)
    assert stamped is not None and [index for index, _ in stamped.changed] == [1]
    assert changed_since(stamped) == frozenset({1})

    from_stamp = plan_build(
        built, discovery.sources, force=False, changed_since_stamp=frozenset({1})
    )
    from_manifest = plan_build(built, discovery.sources, force=False, changed_since_stamp=None)

    assert from_stamp == from_manifest
    assert list(from_stamp.vouched) == [1, 0, 1, 1]


def test_a_forced_plan_builds_everything_and_reuses_no_hash(built: Settings) -> None:
    sources = discover_project(built).sources
    plan = plan_build(built, sources, force=True, changed_since_stamp=None)
    assert (plan.vouched, plan.known, plan.to_build) == (bytearray(4), {}, 4)
    assert [task.known_hash for task in plan.tasks(sources)] == [None] * 4


@pytest.mark.parametrize("reason", ["force", "a staging folder", "a rebuild owed"])
def test_no_stamp_is_read_when_forced_or_a_run_stopped_half_way(
    built: Settings, reason: str
) -> None:
    discovery = discover_project(built)
    assert read_stamp(built, discovery, force=False) is not None
    if reason == "a staging folder":
        staging_dir(built.out_dir).mkdir()
    elif reason == "a rebuild owed":
        rebuild_marker(built.out_dir).touch()
    assert read_stamp(built, discovery, force=reason == "force") is None


def test_a_skipped_duplicate_keeps_the_stamp_from_vouching_for_any_source(
    tmp_path: Path,
) -> None:
    settings = sample_project(tmp_path / "site", {"a.md": article(1), "b.md": article(1, "a")})
    assert build_site(settings).skipped == 1  # b.md: its slug is a.md's
    stamped = read_stamp(settings, discover_project(settings), force=False)
    assert stamped is not None and stamped.changed == ()  # the no-op still holds
    assert changed_since(stamped) is None  # but a build looks at every source again


def test_plan_run_and_finish_by_hand_make_what_build_site_makes(
    built: Settings, tmp_path: Path
) -> None:
    gone = manifest_entries(built)["artikel-3.md"]["files"]
    (built.content_dir / "artikel-3.md").unlink()
    (built.content_dir / "kopi.md").write_text(article(1, "artikel-1"), encoding="utf-8")
    shutil.copytree(built.root, tmp_path / "copy")
    copy = load_settings(tmp_path / "copy" / "seo-export.toml")

    out = built.out_dir
    discovery = discover_project(built)
    with output_lock(out), OutputTransaction(out) as transaction:
        plan = plan_build(built, discovery.sources, force=False, changed_since_stamp=None)
        outcomes = build_outcomes(plan, discovery.sources, built, transaction.staging, 1)
        with open_outputs(built, transaction) as outputs:
            totals = run_articles(
                built,
                discovery,
                plan,
                outcomes,
                outputs,
                keep_info=True,
                findings_kept=FINDINGS_KEPT,
                progress=None,
            )
            sitemap_names = close_outputs(built, totals, outputs)
        result = commit_build(built, discovery, totals, sitemap_names, outputs, keep_info=True)

    assert (totals.built, totals.unchanged, totals.skipped, totals.articles) == (0, 3, 1, 4)
    assert list(totals.stale) == gone
    assert [(f.code, f.file) for f in totals.findings if f.code == "slug-duplicate"] == [
        ("slug-duplicate", "content/kopi.md")
    ]
    assert sitemap_names == ["sitemap.xml"]
    assert result_summary(result) == result_summary(build_site(copy))
    assert snapshot(out) == snapshot(copy.out_dir)


def test_outcomes_cross_to_the_main_process_with_every_value(tmp_path: Path) -> None:
    # Workers send outcomes as (class, field values) (work.send_outcomes_by_fields): a real
    # pool's outcomes equal the ones built in this process ...
    import multiprocessing
    import pickle
    from dataclasses import fields
    from multiprocessing.reduction import ForkingPickler

    from seo_export.build.work import (
        Outcome,
        Task,
        build_source,
        init_worker,
        send_outcomes_by_fields,
        work_in_pool,
    )

    settings = sample_project(tmp_path / "site", {"a.md": article(1), "broken.md": "---\nx: [\n"})
    staging = tmp_path / "staging"
    staging.mkdir()
    tasks = [Task(name, None) for name in ("a.md", "broken.md", "nerveafklemning.md")]
    here = [build_source(task, settings, staging) for task in tasks]
    # A staging folder of its own: in the first, each article's folder is taken already
    # (a second article of the same slug stages its files aside).
    again = tmp_path / "staging-again"
    again.mkdir()
    with multiprocessing.get_context("fork").Pool(
        1, initializer=init_worker, initargs=(settings, str(again))
    ) as pool:
        assert pool.map(work_in_pool, tasks) == here
    # ... and every field arrives, none of them left at its default.
    finding = Finding(Severity.ERROR, "jsonld-schema", "m", "a.md", 3, "k", "$.x")
    entry = SitemapEntry(
        "https://x.example/a/", "2025-01-02", (("da", "https://x.example/"),), ("i",)
    )
    record = ArticleRecord(
        "a.md", "h", True, "a", 2, "https://x.example/a/", "T", "D", entry, ("a/head.html",), 4,
        (finding,), {"cause": (EntityItem("x", "list", 5, "MedicalCause"),)}, 3, 4,
        AboutType("Diet", "text", "definition", 7),
    )  # fmt: skip
    outcome = Outcome("a.md", "h", (1, 2, 3, 4), record, ("a/head.html",), "{}", b"{}\n")
    for value in (outcome, record, entry, finding):
        assert all(getattr(value, f.name) != f.default for f in fields(value))
    send_outcomes_by_fields()
    assert pickle.loads(ForkingPickler.dumps(outcome)) == outcome
