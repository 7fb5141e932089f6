"""Medical entities from the article: which symptoms, causes, ... the text names.

The properties, their front-matter keys and their default headings are the
rows of :mod:`seo_export.domain.properties`; only the rows that the main entity's
type takes are read (a body part has no symptoms). Each property's items come from:

1. a front-matter list (``signOrSymptom: [...]`` or an alias such as ``symptoms``),
   which replaces what the text says; an empty list switches the property off;
2. else, for the properties prose extraction knows (symptoms, causes, risk factors,
   tests, treatments, prevention: :data:`seo_export.domain.enumeration.PROPERTIES`), the
   rules of :mod:`seo_export.read.prose` over the whole text: enumerations after cue
   phrases, list items and lead-ins under mapped H2 and H3 headings, FAQ answers by their
   question, table columns by their header; each candidate cleaned or left out with an
   ``entity-left-out`` info finding that says why (precision first);
3. else (a property the word lists do not know, such as ``possibleComplication``), the
   list items of the sections and FAQ answers the section map gives it, or the
   enumerations a cue word introduces in their prose.

Why it is long: the three sources of a property's items, and the findings for what is
refused from each, meet here, where the type decides which properties are read at all;
the rules themselves are in :mod:`seo_export.read.prose`.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from seo_export.config.settings import SectionRule, Settings
from seo_export.domain import properties
from seo_export.domain.enumeration import PROPERTIES as PROSE_PROPERTIES
from seo_export.domain.properties import EntityProperty
from seo_export.findings.codes import finding
from seo_export.model import AboutType, Article, Block, EntityItem, Finding, Provenance
from seo_export.read.blocks import clean_text
from seo_export.read.prose.engine import Extraction, extract_prose
from seo_export.read.prose.lexicon import lexicon_for, text_language
from seo_export.system import IdentityMemo

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
    *,
    written: Mapping[str, str] | None = None,
    about: AboutType | None = None,
) -> Article:
    """``article`` with ``entities`` filled in (and ``about`` when given: one copy of the
    article instead of two); problems go to ``findings``.

    ``written`` maps a property key as the table spells it to the key as the front
    matter writes it (keys are read without regard to case); default: as spelt.
    """
    about = about or article.about
    allowed = properties.property_names_of(about.name)
    given: dict[str, tuple[EntityItem, ...]] = {}
    for prop in properties.MAIN_ENTITY_PROPERTIES:
        items = _front_matter_items(prop, front_matter, article, findings, written)
        if prop.name not in allowed:
            if items:
                _not_for_type(prop, about.name, article, findings, written)
        elif items is not None:
            given[prop.name] = items
    # Prose is read only for the properties this type takes that the front matter leaves
    # open: a body part's or a sport's page costs nothing here.
    wanted = (allowed & frozenset(PROSE_PROPERTIES)) - given.keys()
    prose = Extraction({})
    if wanted:
        lex = lexicon_for(settings, text_language(_sample_text(article), settings))
        prose = extract_prose(article, lex, frozenset(PROSE_PROPERTIES) - wanted)
        _report_left_out(prose, article.source, findings)
    mapped = _mapped_sources(article, rules_of_type(settings.sections, about.name))
    entities: dict[str, tuple[EntityItem, ...]] = {}
    for prop in properties.MAIN_ENTITY_PROPERTIES:
        if prop.name not in allowed:
            continue
        if prop.name in given:
            found = given[prop.name]
        elif prop.name in PROSE_PROPERTIES:
            found = _prose_items(prose, prop.name, settings)
        else:
            found = _section_items(mapped.get(prop.name, ()), settings, article.source, findings)
        if found:
            entities[prop.name] = found
    return dataclasses.replace(article, entities=entities, about=about)


def _not_for_type(
    prop: EntityProperty,
    type_name: str,
    article: Article,
    findings: list[Finding],
    written: Mapping[str, str] | None,
) -> None:
    key = next(
        (k if written is None else written.get(k, k) for k in prop.front_matter_keys
         if k in (written if written is not None else article.front_matter_lines)),
        prop.name,
    )  # fmt: skip
    findings.append(
        finding(
            "property-not-for-type",
            f"{key}: a {type_name} has no {prop.name} in schema.org; left out",
            article.source,
            article.front_matter_lines.get(key),
            key=key,
        )
    )


_TYPE_RULES: IdentityMemo[tuple[SectionRule, ...]] = IdentityMemo(1024)


def rules_of_type(rules: tuple[SectionRule, ...], type_name: str) -> tuple[SectionRule, ...]:
    """The rules of the section map whose property a main entity of ``type_name`` takes, in
    order: a heading on "Skader" feeds a body part's relatedCondition, and a symptoms heading
    on a sport's page feeds nothing. The same tuple each time for one rule set, so
    :func:`rule_for` remembers its answers."""

    def of_type() -> tuple[SectionRule, ...]:
        names = properties.property_names_of(type_name)
        return tuple(rule for rule in rules if rule.property in names)

    return _TYPE_RULES.get(rules, type_name, of_type)


def _prose_items(prose: Extraction, name: str, settings: Settings) -> tuple[EntityItem, ...]:
    """The items the rules kept for one property, typed by their heading's section rule
    when it gives one (a physiotherapy heading: PhysicalTherapy)."""
    items = []
    for item in prose.entities.get(name, ()):
        rule = rule_for(item.heading, settings.sections) if item.heading else None
        item_type = rule.item_type if rule is not None and rule.property == name else None
        source: Provenance = "list" if item.rule.endswith(_LIST_RULES) else "prose"
        items.append(EntityItem(item.name, source, item.line, item_type))
    return tuple(items)


_LIST_RULES = (":item", ":lead", ":cell")


def _sample_text(article: Article) -> str:
    """The start of the article's prose, to tell its language by."""
    blocks = [*article.intro, *(block for section in article.sections for block in section.blocks)]
    texts = []
    size = 0
    for block in blocks:
        if block.kind in ("paragraph", "list") and block.text:
            texts.append(block.text)
            size += len(block.text)
            if size > 800:
                break
    return " ".join(texts)


def _report_left_out(prose: Extraction, display: str, findings: list[Finding]) -> None:
    for dropped in prose.dropped:
        if dropped.reason == "empty":
            continue  # nothing was there to leave out
        findings.append(
            finding(
                "entity-left-out",
                f"{dropped.prop}: {_shorten(dropped.text)!r} left out: {dropped.reason}",
                display,
                dropped.line,
            )
        )


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _section_items(
    sources: Iterable[_Source], settings: Settings, display: str, findings: list[Finding]
) -> tuple[EntityItem, ...]:
    """Rules 2 and 3 of the old reading, for properties the word lists do not know."""
    items: list[EntityItem] = []
    for source in sources:
        found = items_from_blocks(source.blocks, settings, source.rule.item_type)
        if not found:
            findings.append(
                finding(
                    "section-no-items",
                    f"{source.title!r} maps to {source.rule.property} but has no list and "
                    "no enumeration",
                    display,
                    source.line,
                )
            )
        items.extend(found)
    return _unique(items)


def _mapped_sources(article: Article, rules: tuple[SectionRule, ...]) -> dict[str, list[_Source]]:
    """Property -> the sections and FAQ answers whose heading or question its rules match."""
    mapped: dict[str, list[_Source]] = {}
    candidates = [(s.heading, s.line, s.blocks) for s in article.sections]
    candidates += [(item.question, item.line, item.blocks) for item in article.faq]
    for title, line, blocks in candidates:
        rule = rule_for(title, rules)
        if rule is not None:
            mapped.setdefault(rule.property, []).append(_Source(title, line, blocks, rule))
    return mapped


_RULE_MEMO: IdentityMemo[SectionRule | None] = IdentityMemo(50_000)


def rule_for(title: str, rules: tuple[SectionRule, ...]) -> SectionRule | None:
    """The first rule whose patterns match ``title`` (remembered per rule set)."""
    return _RULE_MEMO.get(
        rules, title, lambda: next((rule for rule in rules if rule.matches(title)), None)
    )


def _front_matter_items(
    prop: EntityProperty,
    front_matter: Mapping[str, Any],
    article: Article,
    findings: list[Finding],
    written: Mapping[str, str] | None,
) -> tuple[EntityItem, ...] | None:
    """Items given in the front matter, () when switched off, None when not given."""
    if written is None:
        key = next((k for k in prop.front_matter_keys if k in front_matter), None)
    else:
        key = next((written[k] for k in prop.front_matter_keys if k in written), None)
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
    items = (
        _front_matter_item(prop, key, entry, item_lines[i] if i < len(item_lines) else line,
                           display=article.source, findings=findings)
        for i, entry in enumerate(values)
    )  # fmt: skip
    return _unique(item for item in items if item is not None)


def _front_matter_item(
    prop: EntityProperty,
    key: str,
    entry: str | dict[str, Any],
    line: int | None,
    *,
    display: str,
    findings: list[Finding],
) -> EntityItem | None:
    """One item written in the front matter: a name, or ``{name, type}``; a type the
    property does not allow is left out (the default type stands), with a finding."""
    name = entry.get("name") if isinstance(entry, dict) else entry
    item_type = entry.get("type") if isinstance(entry, dict) else None
    if isinstance(item_type, str) and item_type not in prop.item_types:
        allowed = ", ".join(prop.item_types) or "none (its items are text)"
        findings.append(
            finding(
                "entity-type-invalid",
                f"{key}: type {item_type!r} is not one of {prop.name}'s types ({allowed}); "
                "the item keeps its default type",
                display,
                line,
                key=key,
            )
        )
        item_type = None
    if not isinstance(name, str) or not clean_text(name):
        return None
    return EntityItem(
        clean_text(name), "front-matter", line, item_type if isinstance(item_type, str) else None
    )


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
    cues = settings.enumeration_cues
    lowered = text.lower()
    if not any(cue in lowered for cue in _lowered(cues)):
        return []  # most paragraphs have no cue word: decided by substring search alone
    cue_pattern = _cue_pattern(cues)
    items: list[str] = []
    for match in cue_pattern.finditer(text):
        rest = text[match.end() :]
        end = _SENTENCE_END.search(rest)
        span = rest[: end.start()] if end else rest
        items.extend(split_enumeration(span.strip(" :–-"), settings))
    return items


@functools.cache
def _lowered(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word.lower() for word in words)


@functools.cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(cues, key=len, reverse=True)
    alternatives = "|".join(re.escape(cue) for cue in longest_first)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, slots=True)
class _Grammar:
    """The settings' conjunctions and relative pronouns as compiled patterns."""

    starts_with_conjunction: re.Pattern[str]
    ends_with_conjunction: re.Pattern[str]
    conjunction_inside: re.Pattern[str]
    starts_with_pronoun: re.Pattern[str]


@functools.cache
def _grammar(conjunctions: tuple[str, ...], pronouns: tuple[str, ...]) -> _Grammar:
    words = "|".join(re.escape(word) for word in sorted(conjunctions, key=len, reverse=True))
    who = "|".join(re.escape(word) for word in sorted(pronouns, key=len, reverse=True))
    return _Grammar(
        re.compile(rf"^(?:{words}) ", re.IGNORECASE),
        re.compile(rf" (?:{words})$", re.IGNORECASE),
        re.compile(rf" (?:{words}) ", re.IGNORECASE),
        re.compile(rf"^(?:{who}) ", re.IGNORECASE),
    )


def split_enumeration(span: str, settings: Settings) -> list[str]:
    """``A, B, og C`` / ``A, B og C`` / ``A, der ..., B`` into items.

    Where a comma precedes the final conjunction (", og"), the commas alone
    separate the items and a conjunction inside an item stays ("arme eller
    ben"). Otherwise the last item is split on its final conjunction. A
    segment that starts with a relative pronoun ("der", "som", "which") is a
    clause of the item before it and stays with it.
    """
    grammar = _grammar(settings.enumeration_conjunctions, settings.relative_pronouns)
    segments = [s.strip() for s in span.split(",") if s.strip()]
    if not segments:
        return []
    # "A, B and, in some cases, C": a segment that ends with the conjunction
    # closes the last-but-one item; everything after it is the last item.
    for index, segment in enumerate(segments[:-1]):
        ending = grammar.ends_with_conjunction.search(segment)
        if ending is not None:
            last = ", ".join(segments[index + 1 :])
            word = ending.group(0)[1:]
            segments = [*segments[:index], segment[: ending.start()].strip(), f"{word} {last}"]
            break
    starts = grammar.starts_with_conjunction
    comma_joined = any(starts.match(segment) for segment in segments[1:])
    groups: list[list[str]] = []
    for segment in segments:
        if groups and grammar.starts_with_pronoun.match(segment):
            groups[-1].append(segment)
        else:
            groups.append([segment])
    if not comma_joined:
        inside = list(grammar.conjunction_inside.finditer(groups[-1][0]))
        if inside:
            last_main, final = groups[-1][0], inside[-1]
            head, tail = last_main[: final.start()].strip(), last_main[final.end() :].strip()
            if head and tail:
                groups[-1][0] = tail
                groups.insert(len(groups) - 1, [head])
    items = []
    for group in groups:
        leading = starts.match(group[0])
        main = group[0][leading.end() :].strip() if leading else group[0]
        item = ", ".join([main, *group[1:]]).strip(" .;:\"'“”")
        if item and item.lower() not in _ET_CETERA:
            items.append(item)
    return items


def _unique(items: Iterable[EntityItem]) -> tuple[EntityItem, ...]:
    seen: set[str] = set()
    unique = []
    for item in items:
        key = item.name.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return tuple(unique)
