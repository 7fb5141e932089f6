"""JSONPath strings for findings, in the form jsonschema's ``ValidationError.json_path`` uses."""

from __future__ import annotations

import re
from collections.abc import Iterable

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_path(parts: Iterable[str | int]) -> str:
    """``["@graph", 2, "acceptedAnswer"]`` -> ``$['@graph'][2].acceptedAnswer``."""
    path = "$"
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _IDENTIFIER.match(part):
            path += f".{part}"
        else:
            path += "[" + repr(part) + "]"
    return path
