"""out/index.json: every built article's URL and files, for a template to look up.

A framework's template knows a page by its slug or its URL path, not by where
seo-export put the page's files; the index maps both to them::

    {"base_url": "https://www.example.com",
     "articles": {
      "iskias": {"url": "https://www.example.com/artikler/iskias/", "path": "/artikler/iskias/",
                 "lastmod": "2024-09-15", "in_sitemap": true,
                 "files": {"head": "iskias/head.html", "jsonld": "iskias/schema.jsonld", ...}}
     },
     "paths": {"/artikler/iskias/": "iskias"}}

``lastmod`` is the sitemap's (``null`` for a page with no date); ``in_sitemap`` is false
for a ``noindex`` page. It is streamed as the articles come in, one line each; only the
``paths`` (a short string per article) wait in memory for the end. It holds only what
a patched build cannot change (:data:`seo_export.build.patch._SHARED`), so a patch
leaves it as it is.
"""

from __future__ import annotations

import json
from typing import TextIO
from urllib.parse import urlsplit

from seo_export.model import ArticleRecord
from seo_export.outputs.frameworks import file_role

INDEX_NAME = "index.json"
"""The index's name in out/."""


class IndexWriter:
    """Writes the index into ``stream``, one article at a time."""

    def __init__(self, stream: TextIO, base_url: str) -> None:
        self.stream = stream
        self.paths: dict[str, str] = {}
        stream.write('{"base_url": ' + _json(base_url) + ',\n"articles": {')

    def add(self, record: ArticleRecord) -> None:
        """A built article's entry (its slug claimed)."""
        assert record.slug is not None and record.url is not None
        path = urlsplit(record.url).path
        entry = {
            "url": record.url,
            "path": path,
            "lastmod": record.sitemap.lastmod if record.sitemap is not None else None,
            "in_sitemap": record.sitemap is not None,
            "files": {file_role(name): name for name in record.files},
        }
        separator = "\n" if not self.paths else ",\n"
        self.stream.write(f"{separator}{_json(record.slug)}: {_json(entry)}")
        self.paths.setdefault(path, record.slug)

    def close(self) -> None:
        """The closing lines: the URL paths."""
        ending = "\n" if self.paths else ""
        self.stream.write(f'{ending}}},\n"paths": {_json(self.paths)}}}\n')


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
