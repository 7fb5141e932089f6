"""What page checks see: one HTML page of any site, parsed, with its structured data.

Every ``application/ld+json`` block is parsed strictly (extruct forgives
comments and raw line breaks that browsers and Google do not, so it is not
relied on for JSON-LD); microdata, RDFa and Open Graph are read through
extruct, only where the page has their markers. Each is worked out once, when
a check first asks, and shared by every check of the page.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from seo_export.checks.nodes import collect_nodes, node_definitions, types_of
from seo_export.checks.registry import checks_of, finding
from seo_export.checks.vocabulary import Vocabulary
from seo_export.model import Finding


@dataclass(frozen=True, slots=True)
class JsonLdBlock:
    """One ``<script type="application/ld+json">`` of a page."""

    line: int
    """Line of the <script> tag."""
    text: str
    """Its content, unparsed."""


@dataclass(frozen=True, slots=True)
class PageDocument:
    """A JSON-LD block that parses, or a microdata item: one document for document checks."""

    line: int | None
    """Line of its <script> block (None for microdata)."""
    document: Any
    """The parsed document."""
    nodes: list[dict[str, Any]]
    """Every JSON object in it."""


@dataclass(frozen=True)
class PageContext:
    """One parsed page, as page checks see it."""

    html: str
    """The page's text."""
    tree: Any
    """The page parsed by lxml.html (elements have ``sourceline``)."""
    file: str
    """The page, as displayed."""
    vocabulary: Vocabulary | None = None
    """schema.org terms to check its documents against (None: the built-in table)."""

    @functools.cached_property
    def blocks(self) -> list[JsonLdBlock]:
        """Every JSON-LD script of the page, in document order."""
        return list(json_ld_blocks(self.tree))

    @functools.cached_property
    def _parsed(self) -> list[tuple[JsonLdBlock, Any, ValueError | None]]:
        parsed: list[tuple[JsonLdBlock, Any, ValueError | None]] = []
        for block in self.blocks:
            try:
                parsed.append((block, json.loads(block.text), None))
            except ValueError as error:
                parsed.append((block, None, error))
        return parsed

    @property
    def invalid_blocks(self) -> list[tuple[JsonLdBlock, ValueError]]:
        """The JSON-LD blocks that are not valid JSON, with why."""
        return [(block, error) for block, _, error in self._parsed if error is not None]

    @functools.cached_property
    def extracted(self) -> dict[str, Any]:
        """Microdata, RDFa and Open Graph, as extruct reads them (uniform)."""
        return _extruct(self.html, self.tree)

    @functools.cached_property
    def documents(self) -> list[PageDocument]:
        """The JSON-LD blocks that parse, then the microdata items."""
        found = [(block.line, doc) for block, doc, error in self._parsed if error is None]
        found += [(0, item) for item in self.extracted.get("microdata", [])]
        return [PageDocument(line or None, doc, collect_nodes(doc)) for line, doc in found]

    @functools.cached_property
    def has_faq(self) -> bool:
        """Whether any of its documents has an FAQPage."""
        return any("FAQPage" in types_of(node) for doc in self.documents for node in doc.nodes)

    def ids_besides(self, index: int) -> frozenset[str]:
        """The @ids that the page's documents other than ``documents[index]`` define."""
        ids = self._ids
        return frozenset().union(*(defined for i, defined in enumerate(ids) if i != index))

    @functools.cached_property
    def _ids(self) -> list[frozenset[str]]:
        return [frozenset(node_definitions(doc.nodes)) for doc in self.documents]

    def finding(self, code: str, message: str, line: int | None = None) -> Finding:
        """A finding about the page (at ``line``)."""
        return finding(code, message, self.file, line)


def run_page_checks(context: PageContext) -> list[Finding]:
    """Every registered page check's findings, in order."""
    findings: list[Finding] = []
    for check in checks_of("page"):
        findings.extend(check.run(context))
    return findings


def json_ld_blocks(tree: Any) -> Iterator[JsonLdBlock]:
    """Every JSON-LD script of a parsed page, in document order."""
    for script in tree.iter("script"):
        kind = (script.get("type") or "").split(";")[0].strip().lower()
        if kind == "application/ld+json":
            yield JsonLdBlock(script.sourceline or 1, script.text or "")


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
