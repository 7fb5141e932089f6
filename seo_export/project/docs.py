"""Reference tables generated from the code's own data: codes, settings, properties, dates,
front-matter fields and the tools that write them.

The documentation pages in docs/ embed them between ``<!-- name:start -->`` and
``<!-- name:end -->`` markers; ``pytest tests/test_docs.py --update-golden`` rewrites those blocks,
and the same test fails when they drift.
"""

from __future__ import annotations

import json
from typing import Any

from seo_export.checks.registry import all_codes
from seo_export.config.settings import defaults
from seo_export.domain import dates, fields, properties
from seo_export.domain.schemas import load_schema


def codes_table() -> str:
    """Markdown table of every finding code: code, severity, stage, meaning, fix."""
    rows = ["| code | severity | stage | meaning | how to fix |", "|---|---|---|---|---|"]
    for code, info in all_codes().items():
        rows.append(
            f"| `{code}` | {info.severity.value} | {info.stage} | {info.meaning} | {info.fix} |"
        )
    return "\n".join(rows)


def settings_table() -> str:
    """Markdown table of every settings key: key, type, default, meaning."""
    schema = load_schema("settings.schema.json")
    rows = ["| key | type | default | meaning |", "|---|---|---|---|"]
    built_in = defaults()
    for key, spec in schema["properties"].items():
        default = built_in.get(key)
        shown = "required" if key in schema.get("required", ()) else _default(default)
        rows.append(f"| `{key}` | {_type(spec)} | {shown} | {spec['description']} |")
    return "\n".join(rows)


def properties_table() -> str:
    """Markdown table of the main entity's properties: keys, item type, headings, meaning."""
    rows = [
        "| property | of | front-matter keys | items | headings of the built-in map | meaning |",
        "|---|---|---|---|---|---|",
    ]
    for prop in properties.MAIN_ENTITY_PROPERTIES:
        keys = ", ".join(f"`{key}`" for key in prop.front_matter_keys)
        headings = []
        for patterns, item_type in prop.heading_rules:
            listed = ", ".join(f"`{pattern}`" for pattern in patterns)
            headings.append(f"{listed} (as {item_type})" if item_type else listed)
        of = ", ".join(prop.types)
        cells = [f"`{prop.name}`", of, keys, prop.item_type or "Text", "; ".join(headings)]
        rows.append(f"| {' | '.join(cells)} | {prop.meaning} |")
    return "\n".join(rows)


def dates_table() -> str:
    """Markdown table of the date forms: example and how to write it."""
    rows = ["| form | example | written as |", "|---|---|---|"]
    for form in dates.DATE_FORMS:
        rows.append(f"| {form.name} | `{form.example}` | {form.description} |")
    return "\n".join(rows)


def _type(spec: dict[str, Any]) -> str:
    if "enum" in spec:
        return " \\| ".join(f"`{value}`" for value in spec["enum"])
    if "$ref" in spec:
        return "list of rules"
    kind = spec.get("type", "")
    if kind == "array":
        return f"list of {spec.get('items', {}).get('type', 'rule')}s"
    return str(kind)


def _default(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "Danish + English map (see Medical properties)"
    text = json.dumps(value, ensure_ascii=False)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"`{text}`".replace("|", "\\|")


def fields_table() -> str:
    """Markdown table of the front-matter fields: keys, the form of the value, meaning."""
    rows = [
        "| field | keys (the first there wins; * only when no unmarked one is) | value | meaning |",
        "|---|---|---|---|",
    ]
    for row in fields.FIELDS:
        keys = ", ".join(f"`{k.name}`" + ("*" if k.fallback else "") for k in row.keys)
        if row.merged and len(row.keys) > 1:
            keys += " (all read)"
        shapes = dict.fromkeys(fields.SHAPES[row.shape_of(k)] for k in row.keys)
        rows.append(f"| {row.label} | {keys} | {'; or '.join(shapes)} | {row.meaning} |")
    return "\n".join(rows)


def tools_table() -> str:
    """Markdown table, per tool, of the keys its content carries: what seo-export reads them
    as, and the ones it leaves alone (kept in the model's ``extra``)."""
    rows = ["| tool | keys read (as) | keys left alone |", "|---|---|---|"]
    for tool in fields.TOOLS:
        read = []
        for row in fields.FIELDS:
            keys = [f"`{k.name}`" for k in row.keys if tool in k.tools]
            if keys:
                read.append(f"{', '.join(keys)} ({row.label})")
        alone = [f"`{k.name}`" for k in fields.OTHER_TOOLS_KEYS if tool in k.tools]
        rows.append(f"| {tool} | {'; '.join(read)} | {', '.join(alone) or '(none)'} |")
    return "\n".join(rows)
