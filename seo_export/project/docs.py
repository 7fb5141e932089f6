"""Reference tables generated from the code's own data: finding codes and settings.

The README embeds them between ``<!-- name:start -->`` and ``<!-- name:end -->``
markers; ``pytest tests/test_docs.py --update-golden`` rewrites those blocks,
and the same test fails when they drift.
"""

from __future__ import annotations

import json
from typing import Any

from seo_export.checks.registry import all_codes
from seo_export.config.settings import DEFAULTS
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
    for key, spec in schema["properties"].items():
        default = DEFAULTS.get(key)
        shown = "required" if key in schema.get("required", ()) else _default(default)
        rows.append(f"| `{key}` | {_type(spec)} | {shown} | {spec['description']} |")
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
        return "Danish + English map (below)"
    text = json.dumps(value, ensure_ascii=False)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"`{text}`".replace("|", "\\|")
