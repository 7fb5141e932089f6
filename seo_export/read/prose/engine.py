"""One article's prose through the rules: the items kept and the candidates left out.

    extract_prose(article, lex, skip) -> Extraction

Every unit (sentence, list item, lead-in, table cell) of the article is read by the rules
of :mod:`enumerations` and every candidate judged by :mod:`judge`. Each entity is kept
once per property (by a stem key, a variant of one kept counting as the same), in order
of first appearance. Properties in ``skip`` (given in the front matter) are not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from seo_export.model import Article
from seo_export.read.prose import context
from seo_export.read.prose import enumerations as enum_mod
from seo_export.read.prose import judge as filter_mod
from seo_export.read.prose.lexicon import Lexicon, present
from seo_export.read.prose.splitting import sentences, split_items


@dataclass(frozen=True, slots=True)
class Item:
    """An entity kept."""

    name: str
    """Its cleaned name."""
    line: int
    """1-based source line it was read from."""
    rule: str
    """``<where>:<rule>``: ``section:cue``, ``faq:subject``, ``section:lead``, ..."""
    heading: str
    """The heading it was read under (an H3, else its H2; a FAQ question; "" in the intro)."""


@dataclass(frozen=True, slots=True)
class Dropped:
    """A candidate left out, and why."""

    text: str
    """The candidate as read."""
    prop: str
    """The property it was read for."""
    line: int
    """1-based source line."""
    reason: str
    """Why it is not a clean entity ("clause (verb 'er')", "link text", ...)."""
    rule: str
    """``<where>:<rule>``, as :attr:`Item.rule`."""


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the rules found in one article."""

    entities: dict[str, list[Item]]
    """Property -> the items kept, in order."""
    dropped: list[Dropped] = field(default_factory=list)
    """The candidates left out, in order."""


def extract_prose(article: Article, lex: Lexicon, skip: frozenset[str] = frozenset()) -> Extraction:
    """The entities of ``article``'s text, and the candidates left out (see the module)."""
    title = article.title
    entities: dict[str, list[Item]] = {}
    seen: dict[str, set[str]] = {}
    dropped: list[Dropped] = []
    for unit in context.units(article, lex):
        for cand in _unit_candidates(unit, lex):
            if cand.prop in skip:
                continue  # the front matter decides this property
            rule = f"{unit.where}:{cand.rule}"
            if cand.rule == "hedged":
                dropped.append(
                    Dropped(
                        cand.raw.strip(" .,;:"),
                        cand.prop,
                        unit.line,
                        "negated or differential",
                        rule,
                    )
                )
                continue
            name, reason = filter_mod.judge(cand, lex, title, unit.links)
            if name is None:
                dropped.append(Dropped(cand.raw.strip(), cand.prop, unit.line, reason, rule))
                continue
            key = filter_mod.stem_key(name)
            bucket = seen.setdefault(cand.prop, set())
            if key in bucket or _variant(key, bucket):
                dropped.append(
                    Dropped(
                        name, cand.prop, unit.line, "duplicate (a variant of an item kept)", rule
                    )
                )
                continue
            bucket.add(key)
            entities.setdefault(cand.prop, []).append(Item(name, unit.line, rule, unit.heading))
    return Extraction(entities, dropped)


def _unit_candidates(unit: context.Unit, lex: Lexicon) -> Iterator[enum_mod.Candidate]:
    if unit.kind in ("lead", "item", "cell"):
        if not unit.props or len(unit.props) != 1 or unit.props == context.OFF:
            return
        prop = unit.props[0]
        if unit.kind == "cell":
            for piece, inf in split_items(unit.text.replace("/", ", "), lex):
                if len(piece.split()) <= 3:
                    yield enum_mod.Candidate(piece, prop, "cell", True, inf, gated=True)
            return
        yield enum_mod.Candidate(unit.text, prop, unit.kind, True, False)
        return
    if unit.props == context.OFF:
        return
    any_needles = None if unit.props else lex.any_needles
    for sentence in sentences(unit.text, lex):
        if any_needles is not None and not present(any_needles, sentence.lower()):
            continue  # no context and no cue word: nothing to read
        yield from enum_mod.sentence_candidates(sentence, unit.props, unit.where, lex)


def _variant(key: str, bucket: set[str]) -> bool:
    """A second mention of an entity kept: its words a subset of the other's or the other way
    ("peroneal nerveskade ved knæet" after "peroneal nerveskade"), or one word inside the
    other ("tendinopati" after "adduktortendinopati")."""
    words = set(key.split())
    for other in bucket:
        other_words = set(other.split())
        if words <= other_words or other_words <= words:
            return True
        if len(words) == 1 and len(other_words) == 1:
            a, b = key, other
            if len(a) >= 5 and len(b) >= 5 and (a in b or b in a):
                return True
    return False
