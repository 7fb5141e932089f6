"""The settings file: where it is, its table of settings, and the line that sets a key.

seo-export.toml, or the [tool.seo-export] table of a pyproject.toml. A settings
error points at the line of the file that sets the failing value, so the file's
text is searched for that key's assignment (TOML parsers keep no lines).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from seo_export.errors import SettingsError

SETTINGS_FILE = "seo-export.toml"
PYPROJECT_FILE = "pyproject.toml"
PYPROJECT_TABLE = "seo-export"


def find_settings_file(start: Path) -> Path | None:
    """seo-export.toml in ``start``, else a pyproject.toml there with [tool.seo-export]."""
    candidate = start / SETTINGS_FILE
    if candidate.is_file():
        return candidate
    pyproject = start / PYPROJECT_FILE
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            return None
        if PYPROJECT_TABLE in data.get("tool", {}):
            return pyproject
    return None


def read_settings_file(path: Path) -> dict[str, Any]:
    """The raw settings table of a seo-export.toml or pyproject.toml."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise SettingsError(str(path), [f"cannot read: {error.strerror}"]) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsError(str(path), [f"not valid TOML: {error}"]) from None
    if path.name == PYPROJECT_FILE:
        table = data.get("tool", {}).get(PYPROJECT_TABLE)
        if not isinstance(table, dict):
            raise SettingsError(str(path), [f"no [tool.{PYPROJECT_TABLE}] table"])
        return table
    return data


def problem_location(
    problem: str, given: Mapping[str, Any], settings_path: Path | None, source: str
) -> str:
    """Where the value ``problem`` is about came from: the options that override the file,
    the file's line that sets it (``file:line``; a key missing from a table: the table's
    header), or the file when no line can be told."""
    path = problem.split(":", 1)[0]
    key, _, inner = path.partition(".")
    key = key.split("[", 1)[0]
    if key in given:
        return "options (given on the command line or to load_settings)"
    if settings_path is None:
        return source
    try:
        text = settings_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return source
    start = 0
    if settings_path.name == PYPROJECT_FILE:  # only our table's lines count
        name = re.escape(PYPROJECT_TABLE)
        table = re.search(rf"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*[\"']?{name}[\"']?", text, re.M)
        if table is None:
            return source
        start = table.start()
    match = _assignment(key, text, start)
    inner_key = re.split(r"[.\[]", inner, maxsplit=1)[0]
    if match is not None and inner_key and match.group(0).lstrip().startswith("["):
        # The key inside its table, up to the next table's header.
        following = re.compile(r"^[ \t]*\[", re.M).search(text, match.end())
        inside = _assignment(
            inner_key, text[: following.start() if following else len(text)], match.end()
        )
        match = inside or match
    if match is None:
        return source
    return f"{source}:{text.count(chr(10), 0, match.start()) + 1}"


def line_of(location: str) -> float:
    """The line of a ``file:line`` location, for sorting (after every line when it has none)."""
    line = location.rsplit(":", 1)[-1]
    return int(line) if line.isdigit() else float("inf")


def _assignment(key: str, text: str, start: int) -> re.Match[str] | None:
    """The first line from ``start`` that sets ``key``: ``key = ...``, a dotted
    ``key.inner = ...``, or a ``[key]`` / ``[[key]]`` table header."""
    name = re.escape(key)
    line = re.compile(
        rf"^[ \t]*(?:[\"']?{name}[\"']?[ \t]*[.=]|\[\[?(?:tool\.[\w-]+\.)?{name}\]\]?)", re.M
    )
    return line.search(text, start)
