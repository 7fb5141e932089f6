"""What document checks see: one JSON-LD document, wherever it came from, and running them.

The document is our build's or any page's; each check gets a
:class:`DocumentContext` that walks its nodes once for all of them, and makes
findings that carry the JSONPath of the node they are about.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from seo_export.checks.nodes import Path as NodePath
from seo_export.checks.nodes import collect_nodes, node_definitions, walk_nodes
from seo_export.checks.registry import checks_of, finding
from seo_export.checks.vocabulary import Vocabulary
from seo_export.findings.jsonpath import json_path
from seo_export.model import Finding


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

    context = DocumentContext(document, file, line, vocabulary or builtin_vocabulary(), page_ids)
    findings: list[Finding] = []
    for check in checks_of("document"):
        if check.name not in skip:
            findings.extend(check.run(context))
    return findings
