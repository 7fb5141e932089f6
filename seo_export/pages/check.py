"""``seo-export check``: audit the HTML pages of any built site, ours injected or not.

Every ``application/ld+json`` block is parsed strictly (extruct forgives
comments and raw line breaks that browsers and Google do not, so it is not
relied on for JSON-LD); microdata, RDFa and Open Graph are read through
extruct. Each page is checked for duplicate head tags and FAQPages across its
blocks, and every JSON-LD block goes through the registered document checks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seo_export.checks import run_document_checks
from seo_export.checks.nodes import collect_nodes, node_definitions, types_of
from seo_export.checks.vocabulary import Vocabulary
from seo_export.findings.codes import finding
from seo_export.findings.formats import Report, ReportUnit
from seo_export.model import AnyPath, Finding, as_paths
from seo_export.system import display_path

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_META_CONTENT_TYPE = re.compile(rb"""content\s*=\s*["'][^"']*charset=([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class JsonLdBlock:
    """One ``<script type="application/ld+json">`` of a page."""

    line: int
    """Line of the <script> tag."""
    text: str
    """Its content, unparsed."""


def page_files(targets: Iterable[Path]) -> list[Path]:
    """The HTML files named, and those under the folders named, sorted."""
    found: list[Path] = []
    for target in targets:
        if target.is_dir():
            found.extend(
                sorted(
                    path
                    for path in target.rglob("*")
                    if path.suffix.lower() in PAGE_SUFFIXES
                    and path.is_file()
                    and not any(part.startswith(".") for part in path.relative_to(target).parts)
                )
            )
        else:
            found.append(target)
    return found


def page_encoding(data: bytes) -> str:
    """A page's encoding, as a Python codec name: its BOM, else its meta charset, else UTF-8."""
    import codecs

    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    match = _META_CHARSET.search(head) or _META_CONTENT_TYPE.search(head)
    if match:
        try:
            return codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            pass
    return "utf-8"


def decode_page(data: bytes) -> str:
    """A page's text in its own encoding (bad bytes replaced)."""
    return data.decode(page_encoding(data), "replace")


def check_pages(
    targets: AnyPath | Sequence[AnyPath],
    *,
    root: AnyPath | None = None,
    vocabulary: Vocabulary | None = None,
    jobs: int = 0,
) -> Report:
    """Audit every page under ``targets``; one report unit per page, in file order.

    ``jobs`` processes share the pages (0: one per core); the report is the
    same for any number.
    """
    root = Path(root) if root is not None else Path.cwd()
    folders = as_paths(targets)
    tasks = [(str(path), display_path(path, root)) for path in page_files(folders)]
    workers = jobs or _cores()
    units: list[ReportUnit] = []
    faq_pages = 0
    if workers > 1 and len(tasks) >= 2 * _CHUNK:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(
            workers, initializer=_init_worker, initargs=(vocabulary,)
        ) as pool:
            results = list(pool.imap(_audit_task, tasks, chunksize=_CHUNK))
    else:
        _init_worker(vocabulary)
        results = [_audit_task(task) for task in tasks]
    for unit, has_faq in results:
        units.append(unit)
        faq_pages += has_faq
    if faq_pages:
        note = finding(
            "google-faq-rich-results",
            f"{faq_pages} page(s) have FAQPage markup: Google no longer shows FAQ rich results "
            "(since 7 May 2026); the markup stays valid for other consumers",
        )
        units.append(ReportUnit("site", (note,)))
    if not tasks:  # a CI gate over the wrong folder must not pass on nothing
        names = ", ".join(display_path(path, root) for path in folders)
        units.append(ReportUnit("site", (finding("pages-none", f"no HTML pages in {names}"),)))
    return Report(tuple(units))


_CHUNK = 64
_worker_vocabulary: Vocabulary | None = None


def _cores() -> int:
    from seo_export.system import default_jobs

    return default_jobs()


def _init_worker(vocabulary: Vocabulary | None) -> None:
    global _worker_vocabulary  # noqa: PLW0603 - one pool worker, one vocabulary
    _worker_vocabulary = vocabulary


def _audit_task(task: tuple[str, str]) -> tuple[ReportUnit, bool]:
    path, display = task
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        unreadable = finding("page-unreadable", f"cannot read: {error.strerror}", display)
        return ReportUnit(display, (unreadable,)), False
    findings, has_faq = audit_page(decode_page(data), display, vocabulary=_worker_vocabulary)
    return ReportUnit(display, tuple(findings)), has_faq


def audit_page(
    html: str, display: str, *, vocabulary: Vocabulary | None = None
) -> tuple[list[Finding], bool]:
    """(findings, whether the page has an FAQPage) for one page's HTML."""
    import lxml.html

    findings: list[Finding] = []
    try:
        tree = lxml.html.document_fromstring(html)
    except Exception as error:
        return [finding("page-unreadable", f"not HTML: {error}", display)], False
    findings.extend(_head_tags(tree, display))
    documents: list[tuple[int, Any]] = []
    for block in json_ld_blocks(tree):
        try:
            documents.append((block.line, json.loads(block.text)))
        except ValueError as error:
            line = block.line + getattr(error, "lineno", 1) - 1
            findings.append(
                finding(
                    "page-invalid-json", f"JSON-LD block is not valid JSON: {error}", display, line
                )
            )
    extracted = _extruct(html, tree)
    for item in extracted.get("microdata", []):
        documents.append((0, item))
    if not documents and not extracted.get("rdfa") and not _had_blocks(findings):
        findings.append(
            finding(
                "page-no-structured-data",
                "the page has no JSON-LD, microdata or RDFa",
                display,
            )
        )
    faq_count = 0
    all_ids = [frozenset(node_definitions(collect_nodes(document))) for _, document in documents]
    for index, (line, document) in enumerate(documents):
        others = frozenset().union(*(ids for i, ids in enumerate(all_ids) if i != index))
        findings.extend(
            run_document_checks(
                document,
                file=display,
                line=line or None,
                vocabulary=vocabulary,
                page_ids=others,
            )
        )
        for node in collect_nodes(document):
            if "FAQPage" in types_of(node):
                faq_count += 1
                if faq_count == 2:
                    findings.append(
                        finding(
                            "page-duplicate-faqpage",
                            "a second FAQPage on the page; Google reads only one",
                            display,
                            line or None,
                        )
                    )
    return findings, faq_count > 0


def _had_blocks(findings: list[Finding]) -> bool:
    return any(f.code == "page-invalid-json" for f in findings)


def json_ld_blocks(tree: Any) -> Iterator[JsonLdBlock]:
    """Every JSON-LD script of a parsed page, in document order."""
    for script in tree.iter("script"):
        kind = (script.get("type") or "").split(";")[0].strip().lower()
        if kind == "application/ld+json":
            yield JsonLdBlock(script.sourceline or 1, script.text or "")


def _head_tags(tree: Any, display: str) -> Iterator[Finding]:
    head = tree.find("head")
    scope = head if head is not None else tree
    titles = scope.findall(".//title")
    descriptions = [
        m for m in scope.iter("meta") if (m.get("name") or "").strip().lower() == "description"
    ]
    canonicals = [
        link
        for link in scope.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    for code, what, elements in (
        ("page-duplicate-title", "<title>", titles),
        ("page-duplicate-description", "meta description", descriptions),
        ("page-duplicate-canonical", "canonical link", canonicals),
    ):
        if len(elements) > 1:
            lines = ", ".join(str(el.sourceline) for el in elements)
            yield finding(
                code,
                f"{len(elements)} {what} elements (lines {lines})",
                display,
                elements[1].sourceline,
            )
    missing = [
        what
        for what, elements in (
            ("<title>", titles),
            ("meta description", descriptions),
            ("canonical link", canonicals),
        )
        if not elements
    ]
    if missing:
        yield finding("page-missing-head-tag", f"no {', '.join(missing)}", display)


def _extruct(html: str, tree: Any) -> dict[str, Any]:
    """Microdata, RDFa and Open Graph through extruct, each only where the page has its markers.

    The markers are cheap substring tests; extruct's extractors are not, and
    most pages carry one syntax at most.
    """
    import extruct

    syntaxes = []
    if "itemscope" in html:
        syntaxes.append("microdata")
    if "og:" in html:
        syntaxes.append("opengraph")
    data: dict[str, Any] = {}
    try:
        if syntaxes:
            data = extruct.extract(tree, syntaxes=syntaxes, uniform=True, errors="ignore")
        if "typeof=" in html or "vocab=" in html:
            rdfa = extruct.extract(html, syntaxes=["rdfa"], uniform=True, errors="ignore")
            data["rdfa"] = [node for node in rdfa.get("rdfa", []) if _meaningful_rdfa(node)]
    except Exception:  # extruct is best effort here; JSON-LD is read strictly
        return data
    return data


def _meaningful_rdfa(node: Any) -> bool:
    """extruct reports head <link rel> values as RDFa; only typed nodes are structured data."""
    return isinstance(node, dict) and "@type" in node
