"""Stage 4d: validate what was read and what was built, against the schemas and the checks.

- front matter against schemas/front-matter.schema.json, each error mapped to a
  stable code (date-invalid, slug-invalid, title-missing, field-type) at the
  key's line;
- each built JSON-LD document against schemas/graph.schema.json and every
  registered document check, each finding carrying its JSONPath and, where the
  node came from a line of the article, that line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from seo_export.checks import run_document_checks
from seo_export.checks.vocabulary import Vocabulary
from seo_export.domain.dates import date_keys
from seo_export.domain.schemas import iter_schema_errors
from seo_export.findings.codes import finding
from seo_export.model import Article, Finding
from seo_export.read.fields import folded, written_keys
from seo_export.read.parse import ParsedDocument

_GRAPH_NODE = re.compile(r"^\$\['@graph'\]\[(\d+)\](.*)$")
_PROPERTY_ITEM = re.compile(r"^\.(\w+)\[(\d+)\]")


def json_compatible(value: Any) -> Any:
    """YAML values as JSON values: dates become ISO strings, keys strings."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): json_compatible(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_compatible(v) for v in value]
    return value


def front_matter_findings(parsed: ParsedDocument, display: str) -> list[Finding]:
    """Every way the front matter breaks schemas/front-matter.schema.json, as findings.

    Keys are checked as the readers read them, without regard to case (``Draft`` as
    ``draft``); a finding names the key as written, at its line.
    """
    findings: list[Finding] = []
    seen: set[str] = set()
    written = written_keys(parsed.front_matter)
    instance = json_compatible(folded(parsed.front_matter, written))
    for error in iter_schema_errors("front-matter.schema.json", instance):
        path = list(error.absolute_path)
        if error.validator == "required":
            required = error.validator_value if isinstance(error.validator_value, list) else []
            missing = [k for k in required if k not in parsed.front_matter]
            for key in missing:
                findings.append(
                    finding(
                        "title-missing" if key == "title" else "field-type",
                        f"front matter has no {key}",
                        display,
                        parsed.front_matter_line,
                        key=key,
                    )
                )
            continue
        canonical = str(path[0]) if path else ""
        if canonical in seen:
            continue
        seen.add(canonical)
        key = written.original(canonical)
        line = parsed.key_lines.get(key)
        value = parsed.front_matter.get(key)
        if canonical in date_keys():
            shown = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
            code, message = "date-invalid", f"{key}: {shown!r} is not a date"
        elif canonical == "slug":
            code = "slug-invalid"
            message = f"slug {value!r} must be lower-case letters, digits and single hyphens"
        else:
            where = ".".join(str(part) for part in [key, *path[1:]])
            code, message = "field-type", f"{where}: {error.message}"
        findings.append(finding(code, message, display, line, key=key or None))
    return findings


def document_findings(
    document: Mapping[str, Any],
    display: str,
    *,
    article: Article | None = None,
    vocabulary: Vocabulary | None = None,
    check_vocabulary: bool = True,
) -> list[Finding]:
    """The built document against graph.schema.json and every document check.

    ``check_vocabulary`` false leaves the vocabulary check out: a build does,
    because every term in seo-export's output comes from the builder's code
    (the tests hold it to the vocabulary) and every value the content can put
    there is constrained by graph.schema.json; ``validate`` runs it.
    """
    findings: list[Finding] = []
    paths: set[str] = set()
    for error in iter_schema_errors("graph.schema.json", document):
        # Nested subschemas often report the same spot twice; the best error wins.
        if error.json_path not in paths:
            paths.add(error.json_path)
            findings.append(
                finding("jsonld-schema", error.message, display, json_path=error.json_path)
            )
    findings += run_document_checks(
        document,
        file=display,
        vocabulary=vocabulary,
        skip=() if check_vocabulary else ("vocabulary",),
    )
    if article is None:
        return findings
    return [_with_line(item, source_line(article, document, item.json_path)) for item in findings]


def _with_line(item: Finding, line: int | None) -> Finding:
    if line is None or item.line is not None:
        return item
    return Finding(
        item.severity, item.code, item.message, item.file, line, item.key, item.json_path
    )


def source_line(article: Article, document: Mapping[str, Any], path: str | None) -> int | None:
    """The article line a JSONPath into its graph comes from (question, entity, front matter)."""
    match = _GRAPH_NODE.match(path or "")
    if match is None:
        return article.front_matter_lines.get("title")
    graph = document.get("@graph", [])
    index, rest = int(match.group(1)), match.group(2)
    if index >= len(graph) or not isinstance(graph[index], dict):
        return None
    node_id = str(graph[index].get("@id", ""))
    question = re.search(r"#faq-(\d+)$", node_id)
    if question and int(question.group(1)) <= len(article.faq):
        return article.faq[int(question.group(1)) - 1].line
    if node_id.endswith(("#condition", "#about")):
        item = _PROPERTY_ITEM.match(rest)
        if item and item.group(1) in article.entities:
            entries = article.entities[item.group(1)]
            if int(item.group(2)) < len(entries):
                return entries[int(item.group(2))].line
    return article.front_matter_lines.get("title")
