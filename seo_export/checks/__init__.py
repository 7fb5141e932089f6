"""Checks beyond JSON Schema, as ordered registries (the list of checks is data).

Three kinds, by what they look at:

- article checks see one normalized :class:`~seo_export.model.Article` (content lint:
  title and description length, ...);
- document checks see one JSON-LD document, wherever it came from (our build, or
  a page of any site): graph links, vocabulary, Google's requirements;
- site checks (:mod:`seo_export.checks.site`) see the compact records of every
  article of a build (duplicates between articles).

Each check has a name and the finding codes it may report, so that ``--select``
and ``--ignore`` can filter, and the README can list them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

from seo_export.checks.nodes import Path as NodePath
from seo_export.checks.nodes import collect_nodes, node_definitions, walk_nodes
from seo_export.checks.vocabulary import Vocabulary
from seo_export.config.settings import Settings
from seo_export.findings.codes import finding
from seo_export.findings.jsonpath import json_path
from seo_export.model import Article, Finding


@dataclass(frozen=True)
class DocumentContext:
    """One JSON-LD document and where it is, as document checks see it."""

    document: Any
    """The parsed JSON-LD (a dict, or a list of top-level nodes)."""
    file: str | None
    """The page or article it belongs to."""
    line: int | None
    """Line of its <script> block (pages) or of the article's front matter."""
    vocabulary: Vocabulary
    """schema.org terms to check against."""
    page_ids: frozenset[str] = frozenset()
    """@ids defined by the page's other JSON-LD blocks (references to them resolve)."""

    @functools.cached_property
    def nodes(self) -> list[dict[str, Any]]:
        """Every JSON object of the document, walked once for all checks."""
        return collect_nodes(self.document)

    @functools.cached_property
    def definitions(self) -> dict[str, dict[str, Any]]:
        """``@id`` -> node of every node that defines something."""
        return node_definitions(self.nodes)

    @functools.cached_property
    def _paths(self) -> dict[int, NodePath]:
        return {id(node): path for path, node in walk_nodes(self.document)}

    def path(self, node: dict[str, Any], *suffix: str | int) -> NodePath:
        """The JSONPath parts of ``node`` (and ``suffix`` below it); computed when first asked."""
        return (*self._paths[id(node)], *suffix)

    def finding(self, code: str, message: str, path: Iterable[str | int]) -> Finding:
        """A finding at ``path`` inside the document."""
        return finding(code, message, self.file, self.line, json_path=json_path(path))


ArticleCheckFunction = Callable[[Article, Settings], Iterable[Finding]]
DocumentCheckFunction = Callable[[DocumentContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class ArticleCheck:
    """A check of one article."""

    name: str
    """Short name, e.g. ``title-length``."""
    codes: tuple[str, ...]
    """Finding codes it reports."""
    run: ArticleCheckFunction
    """(article, settings) -> findings."""


@dataclass(frozen=True, slots=True)
class DocumentCheck:
    """A check of one JSON-LD document."""

    name: str
    """Short name, e.g. ``graph``."""
    codes: tuple[str, ...]
    """Finding codes it reports."""
    run: DocumentCheckFunction
    """context -> findings with json_path set."""


ARTICLE_CHECKS: list[ArticleCheck] = []
DOCUMENT_CHECKS: list[DocumentCheck] = []


def article_check(name: str, *codes: str) -> Callable[[ArticleCheckFunction], ArticleCheckFunction]:
    """Register an article check (decorator); checks run in registration order."""

    def register(function: ArticleCheckFunction) -> ArticleCheckFunction:
        ARTICLE_CHECKS.append(ArticleCheck(name, codes, function))
        return function

    return register


def document_check(
    name: str, *codes: str
) -> Callable[[DocumentCheckFunction], DocumentCheckFunction]:
    """Register a document check (decorator); checks run in registration order."""

    def register(function: DocumentCheckFunction) -> DocumentCheckFunction:
        DOCUMENT_CHECKS.append(DocumentCheck(name, codes, function))
        return function

    return register


def run_article_checks(article: Article, settings: Settings) -> list[Finding]:
    """Every registered article check's findings, in order."""
    _load_builtin_checks()
    findings: list[Finding] = []
    for check in ARTICLE_CHECKS:
        findings.extend(check.run(article, settings))
    return findings


def run_document_checks(
    document: Any,
    *,
    file: str | None = None,
    line: int | None = None,
    vocabulary: Vocabulary | None = None,
    page_ids: frozenset[str] = frozenset(),
    skip: Collection[str] = (),
) -> list[Finding]:
    """Every registered document check's findings, in order (those named in ``skip`` left out)."""
    from seo_export.checks.vocabulary import builtin_vocabulary

    _load_builtin_checks()
    context = DocumentContext(document, file, line, vocabulary or builtin_vocabulary(), page_ids)
    findings: list[Finding] = []
    for check in DOCUMENT_CHECKS:
        if check.name not in skip:
            findings.extend(check.run(context))
    return findings


def _load_builtin_checks() -> None:
    # Importing the modules registers their checks (once: modules are cached),
    # in the order findings are reported.
    from seo_export.checks import content, google, graph, vocab  # noqa: F401


__all__ = (
    "ARTICLE_CHECKS",
    "DOCUMENT_CHECKS",
    "DocumentContext",
    "article_check",
    "document_check",
    "run_article_checks",
    "run_document_checks",
)
