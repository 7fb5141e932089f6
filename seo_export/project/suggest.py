"""The review workflow: show the main entity's type and what each property would get, and make
what was read from the text explicit.

``suggest --write`` adds the type read from the article's text (``schemaType:``) and,
for every property that has items read from prose, an explicit front-matter list
with those items, so that an editor reviews them in a diff and owns them from then
on. Only lines are inserted before the closing ``---``: the body, the other keys,
their order, the line ends and a BOM stay byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from seo_export.build.article import build_article
from seo_export.build.files import replace_file
from seo_export.config.settings import Settings
from seo_export.model import AboutType, EntityItem, Finding, Severity
from seo_export.read.parse import split_front_matter


class SuggestWriteError(ValueError):
    """The file cannot be rewritten safely; the message says why."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What one article's main entity would be: its type, its properties, and from where."""

    source: str
    """The article file, as displayed."""
    entities: Mapping[str, tuple[EntityItem, ...]]
    """Property -> items with provenance."""
    errors: tuple[Finding, ...] = ()
    """Why the article could not be read (then it has no items), empty when it could."""
    about: AboutType | None = None
    """The main entity's type and why (written: the type written, when one was)."""

    @property
    def type_to_write(self) -> str | None:
        """The type read from the text, for an editor to confirm in the front matter (one the
        front matter or a settings rule gives is decided already)."""
        return self.about.name if self.about is not None and self.about.step == "text" else None

    @property
    def prose_properties(self) -> dict[str, tuple[EntityItem, ...]]:
        """The properties that have at least one item read from prose."""
        return {
            prop: items
            for prop, items in self.entities.items()
            if any(item.source == "prose" for item in items)
        }


def suggest(text: str, settings: Settings, path: str) -> Suggestion:
    """The entities ``text`` would get (pure)."""
    result = build_article(text, settings, path=path)
    if result.article is None:
        errors = tuple(f for f in result.findings if f.severity is Severity.ERROR)
        return Suggestion(path, {}, errors)
    return Suggestion(path, result.article.entities, about=result.article.about)


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when it reads back the same, else double-quoted."""
    plain = bool(value) and value.strip() == value and value[0] not in "!&*-?[]{}|>'\"%@`#,:"
    if plain and ": " not in value and " #" not in value:
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


TYPE_KEY = "schemaType"
"""The front-matter key ``suggest --write`` writes the type with (the first of its field's)."""


def front_matter_block(
    properties: Mapping[str, tuple[EntityItem, ...]], newline: str, type_name: str | None = None
) -> str:
    """YAML lines for the type and ``properties`` as block lists (``{name, type}`` for a typed
    item)."""
    lines: list[str] = [f"{TYPE_KEY}: {type_name}"] if type_name else []
    for prop, items in properties.items():
        lines.append(f"{prop}:")
        for item in items:  # an item typed by its heading keeps its type
            if item.item_type:
                lines.append(f"  - name: {yaml_scalar(item.name)}")
                lines.append(f"    type: {yaml_scalar(item.item_type)}")
            else:
                lines.append(f"  - {yaml_scalar(item.name)}")
    return "".join(line + newline for line in lines)


def with_explicit_lists(
    raw: str, properties: Mapping[str, tuple[EntityItem, ...]], type_name: str | None = None
) -> str:
    """``raw`` (the file's exact text) with the type and ``properties`` added at the end of its
    front matter."""
    if not properties and not type_name:
        return raw
    if "\r" in raw.replace("\r\n", ""):
        raise SuggestWriteError("has carriage returns that are not CRLF line ends; not rewritten")
    newline = "\r\n" if "\r\n" in raw else "\n"
    normalised = raw.removeprefix("\ufeff").replace("\r\n", "\n")
    split = split_front_matter(normalised)
    if isinstance(split, str):
        raise SuggestWriteError("has no closed front matter to add to")
    yaml_text, yaml_line, _, _ = split
    closing_index = yaml_line - 1 + yaml_text.count("\n")
    lines = raw.split("\n")
    block = front_matter_block(properties, newline, type_name)
    # Each element of `lines` but the last lost its "\n"; the block's own line
    # ends are complete, so the fence line keeps its ending.
    before = "\n".join(lines[:closing_index]) + ("\n" if closing_index else "")
    after = "\n".join(lines[closing_index:])
    if before + after != raw:  # the split must only have found a place, never changed a byte
        raise SuggestWriteError("could not find the end of the front matter; not rewritten")
    return before + block + after


def write_suggestions(path: Path, settings: Settings, display: str) -> Suggestion:
    """Rewrite ``path`` with the type read from its text and explicit lists for its
    prose-derived items; return what was added.

    The new text is checked before it replaces the file: the type must be read back from the
    front matter, the entities must be the same names, now from the front matter, and
    everything after the front matter must be byte-identical. The file is replaced
    atomically and keeps its mode.
    """
    data = path.read_bytes()
    raw = data.decode("utf-8")
    before = suggest(raw, settings, display)
    added, type_name = before.prose_properties, before.type_to_write
    if not added and not type_name:
        return Suggestion(display, {})
    rewritten = with_explicit_lists(raw, added, type_name)
    after = suggest(rewritten, settings, display)
    if type_name and (after.about is None or after.about.step != "front-matter"):
        raise SuggestWriteError(f"{TYPE_KEY}: the rewritten file would not read back the same")
    for prop, items in added.items():
        now = after.entities.get(prop, ())
        if [i.name for i in now] != [i.name for i in items] or any(
            i.source != "front-matter" for i in now
        ):
            raise SuggestWriteError(f"{prop}: the rewritten file would not read back the same")
    replace_file(path, rewritten.encode("utf-8"))
    return Suggestion(display, added, about=after.about if type_name else None)
