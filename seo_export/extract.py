"""Medical entities from the article: which symptoms, causes, ... the text names.

The section-to-property map (settings) picks the H2 sections, and the FAQ
questions, that speak about a MedicalCondition property. Each property's items
come from the first of these that has any:

1. a front-matter list (``signOrSymptom: [...]`` or an alias such as
   ``symptoms``); an empty list switches the property off;
2. the Markdown list items of a mapped section (the item's bold lead-in when
   it has one, else its text);
3. enumerations in the section's prose that a cue word introduces
   ("inkluderer", "herunder", "such as", ...), read up to the sentence's end.

Rules 2 and 3 apply per section, so a section with a list and another with
prose both contribute. Nothing else is guessed: a section with neither a list
nor a cue gives no items.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .blocks import clean_text
from .findings import finding
from .model import Article, Block, EntityItem, Finding
from .settings import SectionRule, Settings

# Property -> accepted front-matter keys, the schema.org name first.
FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "signOrSymptom": ("signOrSymptom", "symptoms"),
    "cause": ("cause", "causes"),
    "riskFactor": ("riskFactor", "riskFactors", "risk_factors"),
    "typicalTest": ("typicalTest", "tests"),
    "possibleTreatment": ("possibleTreatment", "treatments"),
    "primaryPrevention": ("primaryPrevention", "prevention"),
    "expectedPrognosis": ("expectedPrognosis", "prognosis"),
}
TEXT_PROPERTIES = frozenset({"expectedPrognosis"})

# Trailing words that close an enumeration without naming an item.
_ET_CETERA = {
    "osv",
    "osv.",
    "m.m.",
    "mm.",
    "mv.",
    "m.v.",
    "etc",
    "etc.",
    "and so on",
    "og så videre",
}
# A sentence ends at . ! ? before a capital letter (or the end); a semicolon
# also closes an enumeration.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“'(]?[A-ZÆØÅÄÖÜ0-9]|\s*$)|;")


def entity_keys() -> frozenset[str]:
    """Every front-matter key that feeds an entity property."""
    return frozenset(key for keys in FRONT_MATTER_KEYS.values() for key in keys)


@dataclasses.dataclass(frozen=True, slots=True)
class _Source:
    """A section or FAQ answer that a rule maps to a property."""

    title: str
    line: int
    blocks: tuple[Block, ...]
    rule: SectionRule


def extract_entities(
    article: Article,
    front_matter: Mapping[str, Any],
    settings: Settings,
    findings: list[Finding],
) -> Article:
    """``article`` with ``entities`` filled in; problems go to ``findings``."""
    mapped = _mapped_sources(article, settings)
    entities: dict[str, tuple[EntityItem, ...]] = {}
    for prop in FRONT_MATTER_KEYS:
        given = _front_matter_items(prop, front_matter, article, findings)
        if given is not None:
            if given:
                entities[prop] = given
            continue
        items: list[EntityItem] = []
        for source in mapped.get(prop, ()):
            found = items_from_blocks(source.blocks, settings, source.rule.item_type)
            if not found:
                findings.append(
                    finding(
                        "section-no-items",
                        f"{source.title!r} maps to {prop} but has no list and no enumeration",
                        article.source,
                        source.line,
                    )
                )
            items.extend(found)
        unique = _unique(items)
        if unique:
            entities[prop] = unique
    return dataclasses.replace(article, entities=entities)


def _mapped_sources(article: Article, settings: Settings) -> dict[str, list[_Source]]:
    """Property -> the sections and FAQ answers whose heading or question its rules match."""
    mapped: dict[str, list[_Source]] = {}
    candidates = [(s.heading, s.line, s.blocks) for s in article.sections]
    candidates += [(item.question, item.line, item.blocks) for item in article.faq]
    for title, line, blocks in candidates:
        rule = next((rule for rule in settings.sections if rule.matches(title)), None)
        if rule is not None:
            mapped.setdefault(rule.property, []).append(_Source(title, line, blocks, rule))
    return mapped


def _front_matter_items(
    prop: str, front_matter: Mapping[str, Any], article: Article, findings: list[Finding]
) -> tuple[EntityItem, ...] | None:
    """Items given in the front matter, () when switched off, None when not given."""
    key = next((k for k in FRONT_MATTER_KEYS[prop] if k in front_matter), None)
    if key is None:
        return None
    value = front_matter[key]
    line = article.front_matter_lines.get(key)
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, (str, dict)) for v in values):
        findings.append(
            finding(
                "field-type",
                f"{key}: expected a list of names",
                article.source,
                line,
                key=key,
            )
        )
        return ()
    item_lines = article.front_matter_item_lines.get(key, ())
    items = []
    for index, entry in enumerate(values):
        name = entry.get("name") if isinstance(entry, dict) else entry
        item_type = entry.get("type") if isinstance(entry, dict) else None
        if isinstance(name, str) and clean_text(name):
            items.append(
                EntityItem(
                    clean_text(name),
                    "front-matter",
                    item_lines[index] if index < len(item_lines) else line,
                    item_type if isinstance(item_type, str) else None,
                )
            )
    return _unique(items)


def items_from_blocks(
    blocks: Iterable[Block], settings: Settings, item_type: str | None = None
) -> list[EntityItem]:
    """Rule 2 (list items) if the blocks have a list, else rule 3 (prose enumerations)."""
    blocks = tuple(blocks)
    listed = [
        EntityItem(item.lead or item.text, "list", item.line, item_type)
        for block in blocks
        if block.kind == "list"
        for item in block.items
        if (item.lead or item.text)
    ]
    if listed:
        return listed
    prose = []
    for block in blocks:
        if block.kind in ("paragraph", "quote"):
            for name in enumerations(block.text, settings):
                prose.append(EntityItem(name, "prose", block.line, item_type))
    return prose


def enumerations(text: str, settings: Settings) -> list[str]:
    """The items of every cue-introduced enumeration in ``text``, in order."""
    cue_pattern = _cue_pattern(settings.enumeration_cues)
    items: list[str] = []
    for match in cue_pattern.finditer(text):
        rest = text[match.end() :]
        end = _SENTENCE_END.search(rest)
        span = rest[: end.start()] if end else rest
        items.extend(split_enumeration(span.strip(" :–-"), settings))
    return items


@functools.cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(cues, key=len, reverse=True)
    alternatives = "|".join(re.escape(cue) for cue in longest_first)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def split_enumeration(span: str, settings: Settings) -> list[str]:
    """``A, B, og C`` / ``A, B og C`` / ``A, der ..., B`` into items.

    Where a comma precedes the final conjunction (", og"), the commas alone
    separate the items and a conjunction inside an item stays ("arme eller
    ben"). Otherwise the last item is split on its final conjunction. A
    segment that starts with a relative pronoun ("der", "som", "which") is a
    clause of the item before it and stays with it.
    """
    conjunctions = settings.enumeration_conjunctions
    pronouns = settings.relative_pronouns
    segments = [s.strip() for s in span.split(",") if s.strip()]
    if not segments:
        return []
    # "A, B and, in some cases, C": a segment that ends with the conjunction
    # closes the last-but-one item; everything after it is the last item.
    for index, segment in enumerate(segments[:-1]):
        ending = next((w for w in conjunctions if segment.lower().endswith(" " + w.lower())), None)
        if ending is not None:
            last = ", ".join(segments[index + 1 :])
            segments = [*segments[:index], segment[: -len(ending) - 1].strip(), f"{ending} {last}"]
            break
    comma_joined = any(_starts_with_word(s, conjunctions) for s in segments[1:])
    groups: list[list[str]] = []
    for segment in segments:
        if groups and _starts_with_word(segment, pronouns):
            groups[-1].append(segment)
        else:
            groups.append([segment])
    if not comma_joined:
        last_main = groups[-1][0]
        head, tail = _split_on_final_conjunction(last_main, conjunctions)
        if head and tail:
            groups[-1][0] = tail
            groups.insert(len(groups) - 1, [head])
    items = []
    for group in groups:
        main = _strip_leading_word(group[0], conjunctions)
        item = ", ".join([main, *group[1:]]).strip(" .;:\"'“”")
        if item and item.lower() not in _ET_CETERA:
            items.append(item)
    return items


def _starts_with_word(segment: str, words: Iterable[str]) -> bool:
    lowered = segment.lower()
    return any(lowered.startswith(word.lower() + " ") for word in words)


def _strip_leading_word(segment: str, words: Iterable[str]) -> str:
    for word in words:
        if segment.lower().startswith(word.lower() + " "):
            return segment[len(word) + 1 :].strip()
    return segment


def _split_on_final_conjunction(segment: str, words: Iterable[str]) -> tuple[str, str]:
    best = -1
    best_word = ""
    lowered = segment.lower()
    for word in words:
        position = lowered.rfind(f" {word.lower()} ")
        if position > best:
            best, best_word = position, word
    if best < 0:
        return "", segment
    return segment[:best].strip(), segment[best + len(best_word) + 2 :].strip()


def _unique(items: Iterable[EntityItem]) -> tuple[EntityItem, ...]:
    seen: set[str] = set()
    unique = []
    for item in items:
        key = item.name.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return tuple(unique)
