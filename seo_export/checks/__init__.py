"""Checks beyond JSON Schema, of every kind, in one registry (:mod:`.registry`).

- article checks (``article_*.py``) see one normalized article: content lint;
- document checks (``document_*.py``) see one JSON-LD document, ours or any
  page's: graph links, vocabulary, Google's requirements (:mod:`.document`);
- page checks (``page_*.py``) see one HTML page of any site, parsed: head
  tags, its JSON-LD blocks (:mod:`.page`);
- site checks (``site_*.py``) see every article or page of a run, one at a
  time, keeping only what they need: duplicates between articles, the FAQ
  rich-results note (:mod:`.site`).

To add a check, add a module named after its kind; it registers the check
with the decorator of its kind and declares the finding codes it reports
there (:mod:`.registry`). ``--select``, ``--ignore``, ``explain`` and the
codes table of the docs (docs/codes.md) then know them.
"""

from __future__ import annotations

from seo_export.checks.article import run_article_checks
from seo_export.checks.document import DocumentContext, run_document_checks

__all__ = ["DocumentContext", "run_article_checks", "run_document_checks"]
