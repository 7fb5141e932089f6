"""out/manifest.json: one entry per source, streamed, and read back as the build cache.

The manifest is ordinary JSON (described by schemas/manifest.schema.json) laid
out with one article per line, so that a build of 100,000 articles can write
it and read the previous one without holding either in memory. It carries no
timestamps: the same input gives the same bytes.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from seo_export.errors import SeoExportError
from seo_export.model import AboutType, ArticleRecord, EntityItem, Finding, SitemapEntry
from seo_export.read.slugs import is_valid_slug

MANIFEST_NAME = "manifest.json"
TOOL = "seo-export"


@dataclass(frozen=True, slots=True)
class ManifestHeader:
    """What a manifest says about the build that wrote it."""

    version: str
    """seo-export version."""
    settings_digest: str
    """Digest of the settings it was built with."""


def header_line(version: str, settings_digest: str) -> str:
    """The manifest's first line, opening the articles array."""
    head = json.dumps(
        {"tool": TOOL, "version": version, "settings_digest": settings_digest},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return head[:-1] + ',"articles":[\n'


def entry_line(record: ArticleRecord, first: bool, text: str | None = None) -> str:
    """One article's line (with the comma that separates it from the previous one).

    ``text`` is the record's JSON when it is known already (the previous
    manifest's line of an article that is up to date).
    """
    if text is None:
        text = orjson.dumps(record_to_json(record)).decode("utf-8")
    return ("" if first else ",\n") + text


def footer(
    sitemaps: Sequence[str],
    site_findings: Sequence[Finding],
    any_entries: bool,
    output: str = "files",
    index: str | None = None,
) -> str:
    """The closing lines: sitemap files and site-wide findings (and ``"output": "bundle"``
    when the articles' output is in out/articles.ndjson, ``"index"`` when the build wrote
    out/index.json)."""
    closing: dict[str, Any] = {
        "sitemaps": list(sitemaps),
        "site_findings": [f.to_json() for f in site_findings],
    }
    if output != "files":
        closing["output"] = output
    if index is not None:
        closing["index"] = index
    tail = json.dumps(closing, ensure_ascii=False, separators=(",", ":"))
    return ("\n" if any_entries else "") + "]," + tail[1:] + "\n"


_FOOTER = b"\n],"
"""Where the article list ends and the closing keys of the manifest object begin."""


def read_footer(path: Path) -> dict[str, Any]:
    """The closing data of a manifest (``sitemaps``, ``site_findings``); {} if unreadable.

    Read backwards from the end of the file, in blocks, so that a report does
    not read a manifest of 100,000 lines (hundreds of MB) a second time.
    """
    tail = b""
    try:
        with open(path, "rb") as handle:
            position = handle.seek(0, os.SEEK_END)
            while position > 0:
                step = min(1 << 16, position)
                position -= step
                handle.seek(position)
                tail = handle.read(step) + tail
                start = tail.rfind(_FOOTER)
                if start >= 0:
                    data: dict[str, Any] = orjson.loads(b"{" + tail[start + len(_FOOTER) :])
                    return data
    except (OSError, orjson.JSONDecodeError):
        pass
    return {}


def record_to_json(record: ArticleRecord) -> dict[str, Any]:
    """An ArticleRecord as the manifest stores it."""
    sitemap = record.sitemap
    return {
        "source": record.source,
        "content_hash": record.content_hash,
        "built": record.built,
        "slug": record.slug,
        "slug_line": record.slug_line,
        "url": record.url,
        "title": record.title,
        "description": record.description,
        "title_line": record.title_line,
        "description_line": record.description_line,
        "sitemap": None
        if sitemap is None
        else {
            "loc": sitemap.loc,
            "lastmod": sitemap.lastmod,
            "alternates": [list(pair) for pair in sitemap.alternates],
            "images": list(sitemap.images),
        },
        "files": list(record.files),
        "questions": record.questions,
        "findings": [f.to_json() for f in record.findings],
        "about": None if record.about is None else _about_json(record.about),
        "entities": {
            prop: [_entity_json(item) for item in items] for prop, items in record.entities.items()
        },
    }


def _about_json(about: AboutType) -> dict[str, Any]:
    return {"type": about.name, "step": about.step, "evidence": about.evidence, "line": about.line}


def _about_of(data: Mapping[str, Any] | None) -> AboutType | None:
    if not data:
        return None
    return AboutType(data["type"], data["step"], data["evidence"], data.get("line"))


def _entity_json(item: EntityItem) -> dict[str, Any]:
    data: dict[str, Any] = {"name": item.name, "source": item.source, "line": item.line}
    if item.item_type:
        data["type"] = item.item_type
    return data


def record_from_json(data: Mapping[str, Any], *, light: bool = False) -> ArticleRecord:
    """The inverse of :func:`record_to_json`.

    ``light`` leaves out what an up-to-date article's record is not read for in
    a build (its entities and info findings), which is most of its cost.
    """
    sitemap = data.get("sitemap")
    findings = data.get("findings", [])
    if light:
        findings = [f for f in findings if f.get("severity") != "info"]
    return ArticleRecord(
        source=data["source"],
        content_hash=data["content_hash"],
        built=bool(data["built"]),
        slug=data.get("slug"),
        slug_line=data.get("slug_line"),
        url=data.get("url"),
        title=data.get("title"),
        description=data.get("description"),
        title_line=data.get("title_line"),
        description_line=data.get("description_line"),
        sitemap=None
        if not sitemap
        else SitemapEntry(
            loc=sitemap["loc"],
            lastmod=sitemap.get("lastmod"),
            alternates=tuple((str(a), str(b)) for a, b in sitemap.get("alternates", [])),
            images=tuple(sitemap.get("images", [])),
        ),
        files=tuple(data.get("files", [])),
        questions=int(data.get("questions", 0)),
        findings=tuple(Finding.from_json(f) for f in findings),
        about=_about_of(data.get("about")),
        entities={}
        if light
        else {
            prop: tuple(
                EntityItem(
                    name=item["name"],
                    source=item["source"],
                    line=item.get("line"),
                    item_type=item.get("type"),
                )
                for item in items
            )
            for prop, items in data.get("entities", {}).items()
        },
    )


class ManifestDamagedError(SeoExportError):
    """A manifest line is not what a build writes, or the manifest ends early."""


def read_manifest(
    path: Path, *, keys_only: bool = False, strict: bool = False
) -> tuple[ManifestHeader | None, Iterator[tuple[dict[str, Any], str]]]:
    """The previous manifest's header and its entries in order, each with its line, streamed.

    With ``keys_only`` an entry holds only ``source`` and ``content_hash`` (read from the
    start of the line; :func:`parse_entry` reads the rest when needed).
    Anything unreadable counts as no manifest: the build then simply rebuilds.
    With ``strict`` (for readers that hand the build on, such as the bundle) each
    entry is the whole line parsed, and a line that is not a JSON object, or a
    manifest that ends before its closing lines, raises :class:`ManifestDamagedError`.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            first = handle.readline()
            start = handle.tell()
    except UnicodeDecodeError as error:
        if strict:
            raise ManifestDamagedError(
                f"{path}: not UTF-8 ({error}); build again with seo-export build --force"
            ) from error
        return None, iter(())
    except OSError:
        return None, iter(())
    damaged = ManifestDamagedError(
        f"{path}:1: not a manifest's first line; build again with seo-export build --force"
    )
    if not first.endswith('"articles":[\n'):
        if strict:
            raise damaged  # the file is there (an empty one included), but not a manifest
        return None, iter(())
    try:
        head = json.loads(first[: -len(',"articles":[\n')] + "}")
    except ValueError:
        if strict:
            raise damaged from None
        return None, iter(())
    if not isinstance(head, dict) or head.get("tool") != TOOL:
        if strict:
            raise damaged
        return None, iter(())
    header = ManifestHeader(str(head.get("version")), str(head.get("settings_digest")))
    # The entries open the file again when first asked for, so that a reader that never
    # asks (one that only wanted the header) leaves no file open.
    if strict:
        return header, _strict_entries(_lines(path, start, strict=True), path)
    return header, (_key_entries if keys_only else _entries)(_lines(path, start))


def _lines(path: Path, start: int, *, strict: bool = False) -> Iterator[str]:
    """The manifest's lines after its header (``start``: where the first line ended).

    Where the file cannot be read (gone, or not UTF-8 from some line on) they end early,
    which a build takes as lines missing (it builds those articles again); ``strict``
    readers (report, inject, bundle) get ManifestDamagedError instead.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            handle.seek(start)
            yield from handle
    except (OSError, UnicodeDecodeError) as error:
        if strict:
            raise ManifestDamagedError(
                f"{path}: cannot be read to its end ({error}); build again with "
                "seo-export build --force"
            ) from error


def _strict_entries(lines: Iterator[str], path: Path) -> Iterator[tuple[dict[str, Any], str]]:
    advice = "build again with seo-export build --force"
    for number, line in enumerate(lines, start=2):
        if line.startswith("]"):
            return
        text = line.rstrip("\n").removesuffix(",")
        try:
            entry = orjson.loads(text)
        except orjson.JSONDecodeError:
            entry = None
        if not line.endswith("\n") or not isinstance(entry, dict):
            raise ManifestDamagedError(
                f"{path}:{number}: not an article entry as a build writes it; {advice}"
            )
        yield entry, text
    raise ManifestDamagedError(f"{path} ends before its closing lines; {advice}")


_KEYS_END = ',"content_hash":"'
"""Follows the source at the start of every line (a string in JSON cannot hold it unescaped)."""


def _key_entries(lines: Iterator[str]) -> Iterator[tuple[dict[str, Any], str]]:
    """(``source`` and ``content_hash``, the whole line) for each article, read from the
    start of each line only: what a build asks of every entry before it starts."""
    for line in lines:
        if line.startswith("]"):
            return
        start = line.find(_KEYS_END)
        end = line.find('"', start + len(_KEYS_END)) if start > 0 else -1
        try:
            keys = orjson.loads(line[: end + 1] + "}") if end > 0 else None
        except orjson.JSONDecodeError:
            keys = None
        if not isinstance(keys, dict) or keys.keys() != {"source", "content_hash"}:
            return  # not a line this version wrote: no reuse from here on
        yield keys, line.rstrip("\n").removesuffix(",")


_ENTITIES = ',"entities":'


def _entries(lines: Iterator[str]) -> Iterator[tuple[dict[str, Any], str]]:
    """(the entry without its entities, its whole line) for each article.

    The entities are the last key and the bulk of a line; a build never reads
    them back (an up-to-date article's line is copied as it is), so they are
    not parsed. :func:`parse_entry` reads a whole line when it is needed.
    """
    for line in lines:
        if line.startswith("]"):
            return
        text = line.rstrip("\n").removesuffix(",")
        cut = text.rfind(_ENTITIES)
        try:
            yield orjson.loads(text[:cut] + "}" if cut > 0 else text), text
        except orjson.JSONDecodeError:
            try:
                yield orjson.loads(text), text
            except orjson.JSONDecodeError:
                return


def article_file(entry: Mapping[str, Any], suffix: str) -> str | None:
    """The path (relative to out/) of the entry's file ending in ``suffix``, e.g. "/head.html".

    Only a path a build writes counts: ``{slug}/{name}`` in the entry's own folder
    (a manifest edited by hand cannot point a reader outside out/ or at another
    article's files).
    """
    files = entry.get("files")
    slug = entry.get("slug")
    if not isinstance(files, list) or not isinstance(slug, str) or not is_valid_slug(slug):
        return None
    wanted = slug + suffix
    return wanted if wanted in files else None


def read_article_file(out_dir: Path, entry: Mapping[str, Any], suffix: str) -> bytes:
    """The bytes of :func:`article_file` in ``out_dir``; OSError or ValueError (with the
    reason) when the manifest lists no such file or it is a link (out of out/ or not).

    The path has two parts (slug, name): the folder is checked with one lstat and the
    file opened with O_NOFOLLOW, which is much cheaper than resolving the path.
    """
    relative = article_file(entry, suffix)
    if relative is None:
        raise ValueError(f"the manifest does not list {suffix[1:]} in the article's folder of out/")
    folder = os.path.join(out_dir, relative.partition("/")[0])  # noqa: PTH118
    if stat.S_ISLNK(os.lstat(folder).st_mode):
        raise ValueError(f"{folder} is a link, not a folder a build made")
    try:
        handle = os.open(os.path.join(out_dir, relative), os.O_RDONLY | os.O_NOFOLLOW)  # noqa: PTH118
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ValueError(f"{suffix[1:]} is a link, not a file a build wrote") from None
        raise
    with open(handle, "rb") as file:
        return file.read()


def parse_entry(text: str) -> dict[str, Any]:
    """A whole manifest line, entities included."""
    data: dict[str, Any] = orjson.loads(text)
    return data
