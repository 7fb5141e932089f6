"""out/articles.ndjson: every built article's output in one file, for a CMS import.

A build writes three files per article (head.html, schema.jsonld, meta.json),
which suits a site that includes them by path. A CMS import job would rather
read one file: this module streams the build in out/ (its manifest, in source
order, and each article's files) into newline-delimited JSON, one article per
line (described by schemas/bundle.schema.json):

    {"source": ..., "slug": ..., "url": ..., "title": ..., "head_html": ...,
     "tags": [...], "jsonld": {...}}

(``title`` and ``tags`` are meta.json's: the head tags as data; its copy of
the JSON-LD is the ``jsonld`` of the line.)

It is made from out/ as a build left it, so it holds exactly what the files
hold, and it is written to a temporary file and moved into place, so a reader
sees the old bundle or the new one. An article whose files cannot be read is
left out with a finding; the others are still bundled.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from .discover import display_path
from .errors import SeoExportError
from .findings import finding
from .manifest import MANIFEST_NAME, article_file, parse_entry, read_manifest
from .model import Finding

BUNDLE_NAME = "articles.ndjson"


class NoBuildToBundleError(SeoExportError):
    """out/ has no manifest.json: there is no build to bundle."""


@dataclass(frozen=True, slots=True)
class BundleEntry:
    """One built article's output, as a bundle line holds it."""

    source: str
    """The article's source file, relative to the content folder (as the manifest names it)."""
    slug: str
    url: str
    """Canonical URL."""
    title: str
    """The page's <title> text (meta.json's title)."""
    head_html: str
    """head.html: the tags for the page's <head>, JSON-LD block included."""
    tags: list[dict[str, Any]]
    """The meta and link tags as data (meta.json's tags), for a CMS that renders its own."""
    jsonld: dict[str, Any]
    """schema.jsonld, parsed."""

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "slug": self.slug,
            "url": self.url,
            "title": self.title,
            "head_html": self.head_html,
            "tags": self.tags,
            "jsonld": self.jsonld,
        }


@dataclass(frozen=True, slots=True)
class BundleResult:
    """What :func:`write_bundle` wrote."""

    path: Path
    articles: int
    """Lines written: one per built article."""
    findings: tuple[Finding, ...]
    """Articles left out because their files could not be read."""


def iter_bundle(
    out_dir: Path, findings: list[Finding], *, root: Path | None = None
) -> Iterator[BundleEntry]:
    """Every built article of the build in ``out_dir``, in source order, streamed.

    For a build step inside a CMS that wants the output as data without reading
    the bundle file. An article whose files are missing or unreadable goes to
    ``findings`` (code ``bundle-file-unreadable``, naming the file relative to
    ``root`` when it is inside) and is skipped.
    """
    header, entries = read_manifest(out_dir / MANIFEST_NAME)
    if header is None:  # raised now, not at the first next()
        raise NoBuildToBundleError(f"{out_dir} has no manifest.json: run seo-export build first")
    return _entries(out_dir, (line for _, line in entries), findings, root or Path.cwd())


def _entries(
    out_dir: Path, lines: Iterator[str], findings: list[Finding], root: Path
) -> Iterator[BundleEntry]:
    for line in lines:
        entry = parse_entry(line)
        if entry.get("built"):
            bundled = _entry(out_dir, entry, findings, root)
            if bundled is not None:
                yield bundled


def _entry(
    out_dir: Path, entry: dict[str, Any], findings: list[Finding], root: Path
) -> BundleEntry | None:
    parts: dict[str, Any] = {}
    for key, suffix, is_json in (
        ("head_html", "/head.html", False),
        ("jsonld", "/schema.jsonld", True),
        ("meta", "/meta.json", True),
    ):
        relative = article_file(entry, suffix)
        path = out_dir / relative if relative else None
        try:
            if path is None:
                raise FileNotFoundError(f"the manifest lists no {suffix[1:]}")
            data = path.read_bytes()
            parts[key] = orjson.loads(data) if is_json else data.decode("utf-8")
            if is_json and not isinstance(parts[key], dict):
                raise ValueError(f"{path.name} is not a JSON object")
        except (OSError, ValueError) as problem:
            # orjson.JSONDecodeError and UnicodeDecodeError are ValueErrors.
            shown = path if path is not None else out_dir / str(entry.get("slug", ""))
            reason = problem.strerror if isinstance(problem, OSError) else None
            findings.append(
                finding(
                    "bundle-file-unreadable",
                    f"{entry.get('source')} left out of the bundle: {reason or problem}",
                    display_path(shown, root),
                )
            )
            return None
    meta = parts["meta"]
    title, tags = meta.get("title"), meta.get("tags")
    if not isinstance(title, str) or not isinstance(tags, list):
        findings.append(
            finding(
                "bundle-file-unreadable",
                f"{entry.get('source')} left out of the bundle: meta.json has no title and tags",
                display_path(out_dir / str(article_file(entry, "/meta.json")), root),
            )
        )
        return None
    return BundleEntry(
        source=str(entry.get("source", "")),
        slug=str(entry.get("slug", "")),
        url=str(entry.get("url", "")),
        title=title,
        head_html=parts["head_html"],
        tags=tags,
        jsonld=parts["jsonld"],
    )


def bundle_line(entry: BundleEntry) -> bytes:
    """The entry as one line of compact JSON (UTF-8, keys in a fixed order, newline-ended)."""
    return orjson.dumps(entry.to_json()) + b"\n"


def write_bundle(
    out_dir: Path, path: Path | None = None, *, root: Path | None = None
) -> BundleResult:
    """Write the bundle of the build in ``out_dir`` (default: out/articles.ndjson).

    ``root``: the project folder that findings name files relative to.
    """
    target = path or out_dir / BUNDLE_NAME
    temporary = target.with_name(f".{target.name}.tmp")
    findings: list[Finding] = []
    count = 0
    entries = iter_bundle(out_dir, findings, root=root)
    try:
        with open(temporary, "wb") as bundle:
            for entry in entries:
                bundle.write(bundle_line(entry))
                count += 1
        os.replace(temporary, target)  # readers see the old bundle or the new one
    finally:
        temporary.unlink(missing_ok=True)
    return BundleResult(target, count, tuple(findings))
