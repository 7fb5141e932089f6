"""A build where a few articles changed and nothing site-wide did: patched, not redone.

When the stamp of the last build vouches for it (same sources, settings and
out/ files; see :mod:`seo_export.build.statcache`) and only a few sources changed
on disk (size, times or inode), those are rebuilt. If nothing that other articles or
the site-wide files depend on changed with them (slug, URL, title,
description, sitemap entry, output files, whether it has questions), the
manifest and the stat cache are written again with their lines replaced and
every other line copied, not read; the findings and counts are the stamped
ones with theirs swapped. Anything else returns None and the build looks at
everything, which gives the same output: a test holds the two to the same
bytes and the same result.

Editing an article's text is the common change, and at 100,000 articles
this is the difference between reading a 300 MB manifest and copying it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from seo_export.build.bundle import BUFFER, BUNDLE_NAME, line_source
from seo_export.build.emit import OutputTransaction
from seo_export.build.manifest import MANIFEST_NAME, parse_entry, read_footer
from seo_export.build.statcache import StampedBuild, make_stamp, rewrite
from seo_export.build.work import Outcome, Task, build_source
from seo_export.config.settings import Settings
from seo_export.findings.run_summary import SUMMARISED_CODES
from seo_export.model import BuildResult, Finding, Severity
from seo_export.read.discover import SourceList
from seo_export.system import display_path

PATCH_LIMIT = 16
"""Changed sources a patch takes at most; more, and the whole build is as quick."""

_SHARED = ("built", "slug", "url", "title", "description", "sitemap", "files")
"""What other articles and the site-wide files read of an article's manifest entry."""


def patch_build(
    settings: Settings,
    sources: SourceList,
    stamped: StampedBuild,
    *,
    keep_info: bool,
    findings_kept: int,
) -> BuildResult | None:
    """The build's result after patching the changed articles in, or None (build it all).

    ``stamped`` is the last build's stamp with the sources changed since (at most
    :data:`PATCH_LIMIT`, and some). The caller holds the output lock and has
    found no discovery findings.
    """
    out_dir = settings.out_dir
    previous = stamped.result
    if any(item["code"] == "slug-duplicate" for item in previous["findings"]):
        return None  # a duplicate's fate depends on other articles: look at everything
    old_lines = _lines_of(out_dir / MANIFEST_NAME, sources, [i for i, _ in stamped.changed])
    if old_lines is None:
        return None
    # Each return inside the block discards what was staged.
    with OutputTransaction(out_dir) as transaction:
        rebuilt = _rebuild_changed(settings, sources, stamped, old_lines, transaction)
        if rebuilt is None:
            return None
        outcomes, old_findings = rebuilt
        findings, counts = _patched_findings(
            previous, outcomes, old_findings, sources, out_dir=out_dir, findings_kept=findings_kept
        )
        if findings is None or not _stage_swapped_lines(out_dir, outcomes, transaction):
            return None
        written, written_count, _ = transaction.commit()
    rewrite(
        out_dir,
        {i: (o.name, o.stat, o.content_hash) for i, o in outcomes.items()},
        make_stamp(
            stamped.key,
            out_dir,
            stamped.outputs,
            unchanged=previous["unchanged"],
            skipped=previous["skipped"],
            counts=counts,
            findings=findings,
            kept_info=previous["kept_info"],
            robots_line=previous["robots_line"],
        ),
    )
    return result_from_stamp(
        settings,
        previous,
        findings=findings,
        counts=counts,
        keep_info=keep_info,
        built=sum(1 for o in outcomes.values() if o.record is not None and o.record.built),
        files_written=written,
        files_written_count=written_count,
    )


def _rebuild_changed(
    settings: Settings,
    sources: SourceList,
    stamped: StampedBuild,
    old_lines: Mapping[int, str],
    transaction: OutputTransaction,
) -> tuple[dict[int, Outcome], dict[int, list[dict[str, Any]]]] | None:
    """Build the changed sources into ``transaction``: (their outcomes, and the findings of
    the rebuilt ones' old manifest lines), or None when one changed what others read."""
    outcomes: dict[int, Outcome] = {}
    old_findings: dict[int, list[dict[str, Any]]] = {}
    for index, cached_hash in stamped.changed:
        outcome = build_source(
            Task(sources.name(index), cached_hash), settings, transaction.staging
        )
        if outcome.record is not None:
            assert outcome.line is not None
            old, new = parse_entry(old_lines[index]), orjson.loads(outcome.line)
            if not _same_for_others(old, new):
                return None
            old_findings[index] = old.get("findings", [])
            for path in outcome.written:
                transaction.adopt(path)
        outcomes[index] = outcome
    return outcomes, old_findings


def _stage_swapped_lines(
    out_dir: Path, outcomes: Mapping[int, Outcome], transaction: OutputTransaction
) -> bool:
    """Stage the manifest (and the bundle) with the rebuilt articles' lines swapped in, each
    only when it changed; False when a bundle line to swap is missing."""
    replaced = {i: o.line for i, o in outcomes.items() if o.line is not None}
    if replaced:
        with transaction.stream(MANIFEST_NAME) as manifest:
            for text in _patched_manifest(out_dir / MANIFEST_NAME, replaced):
                manifest.write(text)
        if transaction.unchanged(MANIFEST_NAME):
            transaction.unstage(MANIFEST_NAME)
    lines = {o.name: o.bundle for o in outcomes.values() if o.bundle is not None}
    if lines:  # output = "bundle": the rebuilt articles' lines swapped in the same way
        with transaction.stream_bytes(BUNDLE_NAME) as bundle:
            swapped, changed = _patch_bundle(out_dir / BUNDLE_NAME, lines, bundle)
        if swapped != len(lines):
            return False  # a line to swap is missing: the whole build mends the bundle
        if not changed:
            transaction.unstage(BUNDLE_NAME)
    return True


def result_from_stamp(
    settings: Settings,
    previous: Mapping[str, Any],
    *,
    findings: Iterable[Finding],
    counts: Mapping[str, int],
    keep_info: bool,
    built: int = 0,
    files_written: Sequence[str] = (),
    files_written_count: int = 0,
) -> BuildResult:
    """A build's result from the stamp of the one before: ``built`` of its articles rebuilt
    (none for a no-op), with these findings and counts; nothing removed."""
    return BuildResult(
        out_dir=display_path(settings.out_dir, settings.root),
        built=built,
        unchanged=previous["unchanged"] - built,
        skipped=previous["skipped"],
        findings=tuple(f for f in findings if keep_info or f.severity is not Severity.INFO),
        files_written=tuple(files_written),
        files_removed=(),
        robots_line=previous["robots_line"],
        counts=counts,
        files_written_count=files_written_count,
    )


def _same_for_others(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Whether an article's new entry leaves what other articles and the site files read."""
    return all(old.get(key) == new.get(key) for key in _SHARED) and bool(
        old.get("questions")
    ) == bool(new.get("questions"))


def _lines_of(manifest: Path, sources: SourceList, indexes: Sequence[int]) -> dict[int, str] | None:
    """The manifest lines (JSON text) of sources ``indexes``, checked to be theirs."""
    wanted = set(indexes)
    found: dict[int, str] = {}
    try:
        with open(manifest, encoding="utf-8") as handle:
            handle.readline()
            for index, line in enumerate(handle):
                if index in wanted:
                    text = line.rstrip("\n").removesuffix(",")
                    if not text.startswith(_line_start(sources.name(index))):
                        return None
                    found[index] = text
                    if len(found) == len(wanted):
                        break
    except OSError:
        return None
    return found if len(found) == len(wanted) else None


def _line_start(name: str) -> str:
    return '{"source":' + orjson.dumps(name).decode() + ","


def _patched_manifest(manifest: Path, replaced: Mapping[int, str]) -> Iterator[str]:
    """The manifest's text with the lines of ``replaced`` (index -> JSON text) swapped."""
    with open(manifest, encoding="utf-8", newline="") as handle:
        yield handle.readline()
        for index, line in enumerate(handle):
            text = replaced.get(index)
            if text is None:
                yield line
            else:
                yield text + ("," if line.endswith(",\n") else "") + "\n"


def _patch_bundle(path: Path, lines: Mapping[str, bytes], out: BinaryIO) -> tuple[int, bool]:
    """Copy the bundle at ``path`` to ``out`` with the lines of ``lines`` (source -> line)
    swapped in: (how many were swapped, -1 when it cannot be read; whether any differed)."""
    swapped, changed = 0, False
    try:
        with open(path, "rb", buffering=BUFFER) as handle:
            for line in handle:
                source = line_source(line) if swapped < len(lines) else None
                text = lines.get(source) if source is not None else None
                if text is None:
                    out.write(line)
                else:
                    out.write(text)
                    swapped += 1
                    changed |= text != line
    except OSError:
        return -1, True
    return swapped, changed


def _patched_findings(
    previous: Mapping[str, Any],
    outcomes: Mapping[int, Outcome],
    old_findings: Mapping[int, list[dict[str, Any]]],
    sources: SourceList,
    *,
    out_dir: Path,
    findings_kept: int,
) -> tuple[list[Finding] | None, dict[str, int]]:
    """The stamped findings and counts with the rebuilt articles' own swapped in.

    A build keeps every error, and warnings (and info, when kept) up to
    ``findings_kept`` of each, in the order it notes them: each article's in
    source order, then the site-wide ones. Where a severity is over that
    limit, a patch keeps the same number of an article's findings when their
    count did not change, and none when the limit was reached before the
    article; otherwise which findings are kept would move, and it gives up
    (None): the whole build decides.
    """
    patched = _PatchedFindings(previous, out_dir, findings_kept)
    for index in sorted(outcomes):
        record = outcomes[index].record
        if record is None:
            continue
        if not patched.swap(sources[index].display, old_findings[index], record.findings):
            return None, {}
    return patched.findings(), patched.counts_by_severity()


class _PatchedFindings:
    """The stamped findings and counts, as each rebuilt article's own are swapped in."""

    def __init__(self, previous: Mapping[str, Any], out_dir: Path, findings_kept: int) -> None:
        self.counts = Counter(previous["counts"])
        self.limit = findings_kept
        with_info = bool(previous["kept_info"])
        self.listed = [s for s in Severity if with_info or s is not Severity.INFO]
        kept = [Finding.from_json(item) for item in previous["findings"]]
        site_kept = self._site_kept(out_dir)
        self.articles = kept[: len(kept) - site_kept]
        self.site_part = kept[len(kept) - site_kept :]

    def _capped(self, severity: Severity, total: int) -> bool:
        return severity is not Severity.ERROR and total > self.limit

    def _site_kept(self, out_dir: Path) -> int:
        """How many site-wide findings end the list: as many of each severity as the limit
        left room for."""
        site = Counter(
            str(item.get("severity"))
            for item in read_footer(out_dir / MANIFEST_NAME).get("site_findings", [])
        )
        site_kept = 0
        for severity in self.listed:
            total, of_site = self.counts[severity.value], site[severity.value]
            if self._capped(severity, total):
                site_kept += max(0, min(of_site, self.limit - (total - of_site)))
            else:
                site_kept += of_site
        return site_kept

    def swap(
        self, display: str, old_items: list[dict[str, Any]], new_items: tuple[Finding, ...]
    ) -> bool:
        """Article ``display``'s findings were ``old_items`` (JSON) and are ``new_items``:
        swap them in; False when which are kept cannot be told without the whole build."""
        old_said_once = [
            Finding.from_json(item) for item in old_items if item["code"] in SUMMARISED_CODES
        ]
        if old_said_once != [item for item in new_items if item.code in SUMMARISED_CODES]:
            return False  # the run's summary of them would change: the whole build says it
        # The rest are the article's own in the result; those said once are in the summary.
        old_items = [item for item in old_items if item["code"] not in SUMMARISED_CODES]
        new_items = tuple(item for item in new_items if item.code not in SUMMARISED_CODES)
        old = Counter(str(item["severity"]) for item in old_items)
        new = Counter(item.severity.value for item in new_items)
        room = self._room(display, old, new)
        if room is None:
            return False
        for severity in Severity:
            self.counts[severity.value] += new[severity.value] - old[severity.value]
        taken: Counter[Severity] = Counter()
        own = []
        for item in new_items:
            if taken[item.severity] < room.get(item.severity, 0):
                own.append(item)
                taken[item.severity] += 1
        self.articles = _swap(self.articles, display, own)
        return True

    def _room(
        self, display: str, old: Counter[str], new: Counter[str]
    ) -> dict[Severity, int] | None:
        """How many of the article's new findings of each severity the build keeps, or None."""
        room: dict[Severity, int] = {}
        for severity in self.listed:
            before = self.counts[severity.value]
            after = before - old[severity.value] + new[severity.value]
            if not self._capped(severity, before) and not self._capped(severity, after):
                room[severity] = new[severity.value]
                continue
            articles = self.articles
            own_kept = sum(1 for f in articles if f.file == display and f.severity is severity)
            earlier = sum(
                1 for f in articles if f.severity is severity and (f.file or "") < display
            )
            if old[severity.value] == new[severity.value]:
                room[severity] = own_kept  # the limit falls where it fell
            elif own_kept == 0 and earlier >= self.limit:
                room[severity] = 0  # the limit was reached before this article
            else:
                return None
        return room

    def findings(self) -> list[Finding]:
        return [*self.articles, *self.site_part]

    def counts_by_severity(self) -> dict[str, int]:
        return {s.value: self.counts[s.value] for s in Severity}


def _swap(findings: list[Finding], display: str, new: list[Finding]) -> list[Finding]:
    """``findings`` (in source order) with those of file ``display`` replaced by ``new``."""
    others = [f for f in findings if f.file != display]
    position = next((i for i, f in enumerate(others) if (f.file or "") > display), len(others))
    return [*others[:position], *new, *others[position:]]
