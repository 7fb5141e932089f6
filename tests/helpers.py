"""Helpers for tests: model values as stable JSON for golden files; folders and build
results as values to compare."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import os
import re
import shutil
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from seo_export.config.settings import Settings, load_settings
from seo_export.model import ArticleResult, BuildResult


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates, tuples and mappings as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, re.Pattern):
        return value.pattern
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """Stable, readable JSON text ending with a newline."""
    return json.dumps(to_jsonable(value), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def findings_of(result: ArticleResult) -> list[tuple[str, str, int | None]]:
    """(severity, code, line) of each finding, for exact comparisons."""
    return [(f.severity.value, f.code, f.line) for f in result.findings]


def case_summary(result: ArticleResult) -> dict[str, Any]:
    """What a case file's expected JSON records: findings and the article's key fields."""
    article = result.article
    summary: dict[str, Any] = {
        "findings": [[f.severity.value, f.code, f.line, f.key] for f in result.findings],
        "built": result.built,
    }
    if article is not None:
        summary["article"] = {
            "slug": article.slug,
            "url": article.url,
            "title": article.title,
            "meta_title": article.meta_title,
            "description": article.description,
            "description_derived": article.description_derived,
            "date_published": to_jsonable(article.date_published),
            "date_modified": to_jsonable(article.date_modified),
            "about": [article.about.name, article.about.step],
            "sections": [[s.heading, s.line] for s in article.sections],
            "faq": [[q.question, q.line] for q in article.faq],
            "entities": {
                prop: [[i.name, i.source, i.line] for i in items]
                for prop, items in article.entities.items()
            },
            "extra": to_jsonable(article.extra),
        }
    return summary


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (POSIX path relative to it) with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def result_summary(result: BuildResult) -> tuple[Any, ...]:
    """What two builds that should agree must agree on (all but the out/ path)."""
    return (
        result.built,
        result.unchanged,
        result.skipped,
        result.findings,
        dict(result.counts),
        sorted(result.files_written),
        result.files_written_count,
        result.files_removed,
        result.files_removed_count,
        result.robots_line,
    )


def sample_project(root: Path, articles: Mapping[str, str]) -> Settings:
    """A project in ``root``: the repository's settings, the sample article and ``articles``
    (file name -> text) in content/; not built."""
    repo = Path(__file__).resolve().parent.parent
    content = root / "content"
    content.mkdir(parents=True)
    shutil.copy(repo / "content" / "nerveafklemning.md", content)
    for name, text in articles.items():
        (content / name).write_text(text, encoding="utf-8")
    shutil.copy(repo / "seo-export.toml", root)
    return load_settings(root / "seo-export.toml")


def fresh_build(
    settings: Settings, jobs: int | None = None
) -> tuple[BuildResult, dict[str, bytes]]:
    """The result and out/ of a build from scratch of a copy of the project (its settings and
    content, without out/ or the cache beside it), made beside it: what an incremental or
    recovered build must equal."""
    from seo_export.build.site import build_site

    copy = settings.root.parent / f"{settings.root.name}-fresh"
    out = settings.out_dir.name
    shutil.copytree(settings.root, copy, ignore=shutil.ignore_patterns(out, f".{out}.*"))
    fresh = load_settings(copy / "seo-export.toml")
    return build_site(fresh, jobs=jobs), snapshot(fresh.out_dir)


def plant_leftovers(target: Path) -> tuple[Path, Path]:
    """Two temporary files beside ``target`` as writers leave them: one a stopped run left
    two hours ago, one another run is writing now; (stopped, running)."""
    stopped = target.with_name(f".{target.name}.0123456789ab.tmp")
    stopped.write_text("half of it", encoding="utf-8")
    hours_ago = time.time() - 2 * 3600
    os.utime(stopped, (hours_ago, hours_ago))
    running = target.with_name(f".{target.name}.ba9876543210.tmp")
    running.write_text("what is written so far", encoding="utf-8")
    return stopped, running


def typed_as(settings: Settings, type_name: str = "MedicalCondition") -> Settings:
    """``settings`` with one ``[[about_types]]`` rule that makes every article's main entity a
    ``type_name``: for tests of what is read for a type, not of how the type is found."""
    from seo_export.config.conventions import about_rules

    rules = about_rules({"about_types": [{"match": "*", "type": type_name}]})
    return dataclasses.replace(settings, **rules)
