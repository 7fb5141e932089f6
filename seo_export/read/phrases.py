"""Reading an article's defining sentence, title and headings for the type of its subject.

The pieces :mod:`seo_export.read.classify` decides with: the head noun of the
noun phrase after the first copula ("Albuen er et *led* ...", "Cycling is a
popular *sport*"), what the title's head noun is ("Kost ved PMS": kost), and
which facets the headings show. All language knowledge is in
:mod:`seo_export.domain.entity_grammar` and :mod:`seo_export.domain.entity_words`;
it is compiled here once per language (:func:`lexicon`), and a word's look-up is
remembered, because a site's articles share most of their words.

Why it is long: a noun phrase is read in several small steps (its chunk, its
determiners, its conjuncts, light nouns and their complements, compounds), each a
function of its own, and the title and the headings each need a reading of theirs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from seo_export.domain import entity_cues as cues
from seo_export.domain import entity_words
from seo_export.domain.entity_grammar import LANGUAGES, grammar_of
from seo_export.domain.entity_types import (
    ANATOMY,
    CONDITION,
    CONDITION_TYPES,
    SYSTEM,
    THING,
    type_names,
)

STATE = "state"
"""A head such as "tilstand" or "condition": a disorder unless healthy or definite."""
PROBLEM = "problem"
"""A head such as "problem" or "reaktion": a disorder only when the headings agree."""
GENERIC = "generic:"
"""The prefix of a head that only leans: ``generic:PhysicalTherapy``, ``generic:``."""
LIGHT = "light"
"""A head whose complement is the real one ("form for", "del af")."""
UNKNOWN = "unknown"
"""A head word the lexicon does not know."""

SPECIFIC = frozenset(type_names()) - {THING}
"""Kinds that name a type of their own."""

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-ZÆØÅÄÖ0-9])")
_PARENS = re.compile(r"\([^()]*\)|\[[^\]]*\]")
_NP_BREAK = re.compile(r"[,;:.!?()\[\]—–]|\s-\s")
_OPENING = 900
"""Characters of the intro read for its definition: three sentences fit in it."""


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` (letters, inner hyphens and apostrophes)."""
    return _WORD.findall(text.lower())


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """One language's grammar and words, compiled for look-ups."""

    language: str
    """ISO 639-1 code."""
    siblings: tuple[str, ...]
    """Languages tried when a word is unknown in this one."""
    kinds: dict[str, str]
    """Every single-word key -> its kind (a type, STATE, PROBLEM, LIGHT or GENERIC...)."""
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    """Multi-word heads ("manuel terapi") and their types, longest first."""
    key_lengths: tuple[int, ...]
    """Lengths of the single-word keys, longest first (for the compound look-up)."""
    endings: tuple[str, ...]
    """Inflectional endings, longest first."""
    determiners: tuple[tuple[str, ...], ...]
    """Determiners as word tuples, longest first."""
    sets: dict[str, frozenset[str]]
    """Named word sets of the grammar and lexicon (``np_stops``, ``healthy``, ...)."""
    copula: re.Pattern[str]
    """Any copula, word-bounded, on lower-cased text."""
    appositive: re.Pattern[str]
    """A parenthetical between commas that an appositive marker opens."""
    symptom_statement: re.Pattern[str]
    """"Is a symptom of", "is not a diagnosis"."""
    test_purpose: re.Pattern[str]
    """A method whose purpose is to assess or measure."""
    contrast: re.Pattern[str]
    """The contrast word after a negation ("men", "but")."""
    title_prefix: re.Pattern[str]
    """Question openings of titles ("Hvad er ")."""
    kind_adjectives: dict[str, str]
    """Adjective -> the kind it names."""
    kind_prefixes: tuple[tuple[str, str], ...]
    """(compound prefix, kind), longest first."""
    physio_context: tuple[str, ...]
    """Stems that make a therapy physiotherapy."""
    domain_links: tuple[str, ...]
    """Phrases that place a head in a field."""
    injury_words: tuple[str, ...]
    """Problems of a place."""

    def has(self, name: str, word: str) -> bool:
        """Whether ``word`` is in the named set."""
        return word in self.sets[name]


def _alternation(items: Sequence[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


@functools.cache
def lexicon(language: str) -> Lexicon:
    """The compiled lexicon of ``language`` (one of the grammar's languages)."""
    grammar = grammar_of(language)
    lexical = entity_words.words_of(language)
    kinds: dict[str, str] = {}
    phrases: list[tuple[tuple[str, ...], str]] = []
    for word in lexical.states:
        kinds.setdefault(word, STATE)
    for word in lexical.problems:
        if " " not in word:
            kinds.setdefault(word, PROBLEM)
    for kind, heads in lexical.heads.items():
        for word in heads:
            if " " in word:
                phrases.append((tuple(word.split()), kind))
            else:
                kinds.setdefault(word, kind)
    for word in grammar.light_nouns:
        if " " not in word:
            kinds.setdefault(word, LIGHT)
    for lean, heads in lexical.generic.items():
        for word in heads:
            kinds.setdefault(word, GENERIC + lean)
    conjunctions = frozenset(grammar.conjunctions)
    sets = {
        "np_stops": frozenset(grammar.np_stops) - conjunctions,
        "conjunctions": conjunctions,
        "title_joins": conjunctions | {"vs", "versus", "&"},
        "title_stops": frozenset(grammar.title_stops),
        "light_links": frozenset(grammar.light_links),
        "kind_nouns": frozenset(grammar.kind_nouns),
        "part_nouns": frozenset(grammar.part_nouns),
        "pronoun_heads": frozenset(grammar.pronoun_heads),
        "pronoun_subjects": frozenset(grammar.pronoun_subjects),
        "definite": frozenset(grammar.definite),
        "adverbs": frozenset(grammar.adverbs),
        "negations": frozenset(grammar.negations),
        "subordinators": frozenset(grammar.subordinators),
        "clause_words": frozenset(grammar.clause_words),
        "locatives": frozenset(grammar.locatives),
        "healthy": frozenset(lexical.healthy),
        "abnormal": frozenset(lexical.abnormal),
        "experience": frozenset(lexical.experience),
        "symptom_adjectives": frozenset(lexical.symptom_adjectives),
        "positional": frozenset(lexical.positional_adjectives),
        "anatomy_words": frozenset(cues.TITLE_ANATOMY_WORDS),
        "suffix_exceptions": frozenset(entity_words.SUFFIX_EXCEPTIONS),
    }
    copulas = _alternation([c.replace(" ", r"\s+") for c in grammar.copulas])
    appositives = _alternation([re.escape(a) for a in grammar.appositive_markers])
    return Lexicon(
        language=language,
        siblings=grammar.siblings,
        kinds=kinds,
        phrases=tuple(sorted(phrases, key=lambda p: -len(p[0]))),
        key_lengths=tuple(sorted({len(k) for k in kinds}, reverse=True)),
        endings=grammar.endings,
        determiners=tuple(
            sorted((tuple(d.split()) for d in grammar.determiners), key=len, reverse=True)
        ),
        sets=sets,
        copula=re.compile(rf"(?<![\w-])(?:{copulas})(?![\w-])"),
        appositive=re.compile(rf",\s*(?:{appositives})\b[^,]*,"),
        symptom_statement=re.compile("|".join(lexical.symptom_statements)),
        test_purpose=re.compile(grammar.test_purpose),
        contrast=re.compile(rf"(?<!\w){grammar.contrast}(?!\w)"),
        title_prefix=re.compile("^(?:" + "|".join(grammar.title_prefixes) + ")"),
        kind_adjectives={a: t for t, adjs in lexical.kind_adjectives.items() for a in adjs},
        kind_prefixes=tuple(
            sorted(
                ((p, t) for t, ps in lexical.kind_prefixes.items() for p in ps),
                key=lambda pair: -len(pair[0]),
            )
        ),
        physio_context=lexical.physio_context,
        domain_links=grammar.domain_links,
        injury_words=lexical.injury_words,
    )


# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """What the lexicon says of one word."""

    kind: str | None
    """A type, STATE, PROBLEM, LIGHT, GENERIC..., or None when the word is unknown."""
    key: str = ""
    """The key it matched."""
    exact: bool = False
    """The word is the key (inflected), not a compound that ends in it ("tennisalbue")."""


_NOTHING = Found(None)


def lookup(word: str, language: str) -> Found:
    """The kind of ``word``: the word and its stripped forms, whole, then as the last part of a
    compound; then the same in a sibling language's lexicon (Danish and Norwegian)."""
    found = _lookup(word, language)
    if found.kind is None:
        for sibling in lexicon(language).siblings:
            found = _lookup(word, sibling)
            if found.kind is not None:
                return found
    return found


@functools.lru_cache(maxsize=16384)
def _lookup(word: str, language: str) -> Found:
    lex = lexicon(language)
    word = word.lower().strip("'’-")
    if not word:
        return _NOTHING
    if "-" in word:  # "kettlebell-træning", "fodmap-diæten": the last part is the head
        last = _lookup(word.rsplit("-", 1)[1], language)
        if last.kind is not None:
            return last
        word = word.replace("-", "")
    forms = [
        word,
        *(word[: -len(e)] for e in lex.endings if word.endswith(e) and len(word) - len(e) >= 3),
    ]
    kinds = lex.kinds
    for form in forms:
        if form in kinds:
            return Found(kinds[form], form, True)
    if word in lex.sets["suffix_exceptions"]:
        return _NOTHING
    for form in forms:  # a compound: the longest key that ends the word
        size = len(form)
        for length in lex.key_lengths:
            # the key must leave a first part of 2 letters (4 for a short key)
            if length >= size - 1 or size - length < (2 if length >= 4 else 4):
                continue
            key = form[-length:]
            kind = kinds.get(key)
            if kind is not None and kind != LIGHT:  # "halvmåneformet" is no "form"
                return Found(kind, key, False)
    return _NOTHING


@functools.lru_cache(maxsize=16384)
def condition_morphology(word: str, language: str) -> bool:
    """-itis, -opati, -algi, -syndrom, -ose (not glukose, diagnose), root + -it (bursit)."""
    if len(word) < 5:
        return False
    if _SUFFIX.search(word):
        return True
    if len(word) >= 6 and _OSE.search(word) and not word.endswith(_OSE_EXCEPTIONS):
        return language != "en" or word.endswith("osis")
    return bool(_IT.search(word))


_SUFFIX = re.compile(f"(?:{_alternation(entity_words.CONDITION_SUFFIXES)})$")
_OSE = re.compile(r"(?:ose|osis|os)$")
_OSE_EXCEPTIONS = entity_words.OSE_EXCEPTIONS
_IT = re.compile(f"(?:{_alternation(entity_words.IT_ROOTS)})(?:itis|it)$")


def prefix_kind(word: str, lex: Lexicon) -> str | None:
    """The kind a compound's first part gives it ("træningsmetode": PhysicalActivity)."""
    plain = word.lower().replace("-", "")
    for prefix, kind in lex.kind_prefixes:
        if plain.startswith(prefix) and len(plain) > len(prefix) + 2:
            return kind
    return None


def detect_language(text: str, preferred: str) -> str:
    """The language of ``text`` by counts of function words; ``preferred`` (the site's) wins
    a tie, and Danish after it."""
    scores = dict.fromkeys(LANGUAGES, 0)
    weights = _language_weights()
    for word in words(text[:400]):
        for language, weight in weights.get(word, ()):
            scores[language] += weight
    best = max(scores.values())
    if best == 0 or scores.get(preferred) == best:
        return preferred if preferred in scores else LANGUAGES[0]
    return next(language for language in LANGUAGES if scores[language] == best)


@functools.cache
def _language_weights() -> dict[str, tuple[tuple[str, int], ...]]:
    weights: dict[str, list[tuple[str, int]]] = {}
    for language in LANGUAGES:
        grammar = grammar_of(language)
        common, markers = set(grammar.function_words), set(grammar.marker_words)
        for word in common | markers:
            weight = (word in common) + 2 * (word in markers)
            weights.setdefault(word, []).append((language, weight))
    return {word: tuple(pairs) for word, pairs in weights.items()}


# ---------------------------------------------------------------------------------------------
# The defining sentence
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Head:
    """The head of a defining noun phrase."""

    kind: str
    """A type, STATE, PROBLEM, GENERIC... or UNKNOWN."""
    word: str
    """The head word as written."""
    key: str
    """The lexicon key it matched."""
    np: list[str]
    """The noun phrase's words."""
    sentence: str
    """The sentence, for the evidence."""
    via: str = ""
    """"form for", "del af": the light noun whose complement it is."""
    light: str = ""
    """That light noun."""
    determiner: str = ""
    """The determiner before the noun phrase."""

    def specific(self) -> bool:
        """Whether it names a type of its own."""
        return self.kind in SPECIFIC

    def part_of(self, lex: Lexicon) -> bool:
        """Whether it is the complement of "a part of"."""
        return lex.has("part_nouns", self.light)


@dataclass(slots=True)
class Definition:
    """The defining sentences of an intro, and the best head they give."""

    head: Head | None
    """The head, or None when no sentence defines the subject."""
    text: str = ""
    """The defining sentences (for the cues that search them)."""


def sentences(text: str, limit: int = 3) -> list[str]:
    """The first ``limit`` sentences of ``text``."""
    parts = _SENTENCE_END.split(text[:_OPENING].strip(), maxsplit=limit)
    return [s.strip() for s in parts[:limit] if s.strip()]


def read_definition(intro: str, title: str, lex: Lexicon) -> Definition:
    """The head noun of the intro's opening definition ("X er en ...", "X is a ...")."""
    title_words = {w for w in words(title) if len(w) >= 3}
    found: Head | None = None
    texts: list[str] = []
    for number, sentence in enumerate(sentences(intro)):
        clean = lex.appositive.sub(" ", _PARENS.sub(" ", sentence))
        match = lex.copula.search(clean.lower())
        if match is None or not _subject_ok(clean[: match.start()], title_words, number, lex):
            continue
        texts.append(clean)
        candidate = _sentence_head(clean[match.end() :].lstrip(" ,"), sentence, lex)
        if candidate is not None and (found is None or rank(candidate) > rank(found)):
            found = candidate
        if found is not None and rank(found) > 0:  # unknown or generic: the next may say more
            break
    return Definition(found, " ".join(texts))


def _subject_ok(subject: str, title_words: set[str], number: int, lex: Lexicon) -> bool:
    """Whether the words before the copula are the subject of a main clause, and (after the
    first sentence) the title or a pronoun for it."""
    tokens = words(subject)
    if not tokens or len(tokens) > 12:
        return False
    if any(lex.has("subordinators", t) for t in tokens[1:]):
        return False
    if number == 0:
        return True
    pronouns = lex.sets["pronoun_subjects"]
    if tokens[0] in pronouns or (len(tokens) <= 2 and tokens[-1] in pronouns):
        return True
    return any(t[:5] == w[:5] for t in tokens for w in title_words)


def _sentence_head(rest: str, sentence: str, lex: Lexicon) -> Head | None:
    tokens = words(rest)
    if not tokens:
        return None
    # "er ikke (i sig selv) en diagnose, men et symptom": read after the contrast word
    if lex.has("negations", tokens[0]) or (len(tokens) > 1 and lex.has("negations", tokens[1])):
        contrast = lex.contrast.search(rest.lower())
        if contrast is None:
            return None
        rest = rest[contrast.end() :]
        tokens = words(rest)
        if not tokens:
            return None
    if lex.has("clause_words", tokens[0]):
        return None
    conjuncts, determiner = noun_phrase(rest, lex)
    heads = [h for h in (head_of(c, lex, sentence) for c in conjuncts) if h is not None]
    kinds = {h.kind for h in heads if h.specific()}
    if len(kinds) > 1 and not kinds <= set(CONDITION_TYPES) and not kinds <= {ANATOMY, SYSTEM}:
        # "Kost, Rygning, Alkohol og Motion": a list of different kinds is no kind
        word = " og ".join(h.word for h in heads)
        heads = [Head(UNKNOWN, word, "", heads[0].np, sentence)]
    if not heads:
        return None
    best = max(heads, key=rank)
    best.determiner = determiner
    return best


_RANKS = {**dict.fromkeys(SPECIFIC, 4), STATE: 3, PROBLEM: 2, THING: 1}


def rank(head: Head) -> int:
    """How much a head says: a type 4, a state 3, a problem 2, a Thing 1, else 0."""
    return _RANKS.get(head.kind, 0)


def _strip_determiners(tokens: list[str], lex: Lexicon) -> tuple[list[str], str]:
    first = ""
    changed = True
    while changed and tokens:
        changed = False
        if lex.has("adverbs", tokens[0]):
            tokens, changed = tokens[1:], True
            continue
        for determiner in lex.determiners:
            if tuple(tokens[: len(determiner)]) == determiner:
                first = first or determiner[0]
                tokens, changed = tokens[len(determiner) :], True
                break
    return tokens, first


def _np_chunk(rest: str, lex: Lexicon) -> str:
    """Text up to the first break; a comma between adjectives ("en pludselig, ufrivillig
    sammentrækning") does not end the phrase."""
    chunk = ""
    for _ in range(3):
        match = _NP_BREAK.search(rest)
        if match is None:
            return chunk + rest
        piece, separator, rest = rest[: match.start()], match.group(0), rest[match.end() :]
        chunk += piece
        if separator != ",":
            return chunk
        before, after = words(piece), words(rest[:40])
        if not before or not after or len(before) > 2 or lookup(before[-1], lex.language).kind:
            return chunk
        first = after[0]
        if any(
            lex.has(s, first) for s in ("subordinators", "np_stops", "conjunctions", "clause_words")
        ):
            return chunk
        chunk += " "
    return chunk


def noun_phrase(rest: str, lex: Lexicon) -> tuple[list[list[str]], str]:
    """The noun phrase at the start of ``rest``, as conjuncts of words (it ends at a relative
    clause, a preposition or punctuation), and its determiner."""
    tokens, determiner = _strip_determiners(words(_np_chunk(rest, lex)), lex)
    conjuncts: list[list[str]] = [[]]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if lex.has("conjunctions", token):
            following, _ = _strip_determiners(tokens[index + 1 :], lex)
            conjuncts.append([])
            tokens = [*tokens[: index + 1], *following]
            index += 1
            continue
        if lex.has("np_stops", token):
            current = conjuncts[-1]
            # a light head keeps its complement: "form for", "del af", "gruppe af", "type of"
            if (
                current
                and lex.has("light_links", token)
                and lookup(current[-1], lex.language).kind == LIGHT
            ):
                complement, _ = _strip_determiners(tokens[index + 1 :], lex)
                inner = noun_phrase(" ".join(complement), lex)[0] if complement else []
                conjuncts[-1] = [*current, token, *(inner[0] if inner else [])]
                conjuncts.extend(inner[1:])
            break
        conjuncts[-1].append(token)
        if lex.has("pronoun_heads", token):  # "noget, de fleste oplever"
            break
        index += 1
    return [c for c in conjuncts if c], determiner


def head_of(conjunct: list[str], lex: Lexicon, sentence: str) -> Head | None:
    """The head of one conjunct: its last word, or a light noun's complement's head."""
    if not conjunct:
        return None
    for index, word in enumerate(conjunct[:-1]):
        if lookup(word, lex.language).kind == LIGHT:
            linked = lex.has("light_links", conjunct[index + 1])
            inner = head_of(conjunct[index + (2 if linked else 1) :], lex, sentence)
            if inner is not None:
                inner.via = f"{word} {conjunct[index + 1] if linked else ''}".strip()
                inner.light = word
                inner.np = conjunct
                return inner
    for phrase, kind in lex.phrases:  # "manuel terapi", "physical therapy", "body part"
        size = len(phrase)
        for start in range(len(conjunct) - size + 1):
            if tuple(conjunct[start : start + size]) == phrase:
                text = " ".join(phrase)
                return Head(kind, text, text, conjunct, sentence)
    last = conjunct[-1]  # Danish and English noun phrases are head-final
    found = lookup(last, lex.language)
    if found.kind is not None and found.kind != LIGHT:
        return Head(found.kind, last, found.key, conjunct, sentence)
    if found.kind is None:
        if condition_morphology(last, lex.language):
            return Head(CONDITION, last, "-morphology", conjunct, sentence)
        return Head(UNKNOWN, last, "", conjunct, sentence)
    return None


def domain_kind(sentence: str, lex: Lexicon, kinds: frozenset[str]) -> tuple[str, str] | None:
    """``(kind, "inden for fysioterapi")`` when the sentence places its head in a field."""
    low = sentence.lower()
    for link in lex.domain_links:
        at = low.find(f" {link} ")
        if at < 0:
            continue
        conjuncts, _ = noun_phrase(sentence[at + len(link) + 2 :], lex)
        for conjunct in conjuncts:
            head = head_of(conjunct, lex, sentence)
            if head is not None and head.kind in kinds:
                return head.kind, f"({link} {head.word})"
    return None


# ---------------------------------------------------------------------------------------------
# The title
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Title:
    """What an article's title says of its subject."""

    words: list[str]
    """Its words (after the teaser is cut off)."""
    kind: str | None = None
    """The kind of its head noun, or None."""
    head: str = ""
    """The head noun: the last word of its first noun phrase."""
    exact: bool = False
    """The head is a lexicon word itself, not a compound ending in one."""
    modifiers: list[str] = field(default_factory=list)
    """The words before the head in its noun phrase."""
    has_pp: bool = False
    """The title goes on after its first noun phrase ("Nerve i klemme i ryggen")."""
    anatomy_word: str = ""
    """"anatomi" when the title says so."""
    morphology: str = ""
    """A word of the head phrase with a disorder's ending."""
    conjunct_heads: list[tuple[str, str]] = field(default_factory=list)
    """(word, kind) of the heads of the other conjuncts ("A og B")."""
    prefix_kind: str | None = None
    """The kind the head's first part gives ("Koststrategier")."""


def read_title(title: str, lex: Lexicon) -> Title:
    """The title's head noun and the rest of what it shows."""
    low = title.strip().lower()
    for cut in cues.TITLE_CUTS:
        at = low.find(cut)
        if at > 0:
            low = low[:at]
    all_words = words(lex.title_prefix.sub("", low.strip()))
    anatomy = lex.sets["anatomy_words"]
    info = Title(all_words, anatomy_word=next((w for w in all_words if w in anatomy), ""))
    # noun phrases split at prepositions and conjunctions; the first holds the head
    phrases: list[list[str]] = [[]]
    joins: list[str] = []
    for word in (w for w in all_words if w not in anatomy):
        if lex.has("title_stops", word) or lex.has("title_joins", word):
            phrases.append([])
            joins.append(word)
        else:
            phrases[-1].append(word)
    # morphology only in the head phrase: "Kost ved præmenstruelt syndrom" is about a diet
    first = phrases[0]
    info.morphology = next((w for w in first if condition_morphology(w, lex.language)), "")
    if not first:
        return info
    info.head, info.modifiers = first[-1], first[:-1]
    found = lookup(info.head, lex.language)
    info.kind = None if found.kind == LIGHT else found.kind
    info.exact = found.exact
    info.has_pp = any(phrases[1:])
    for join, phrase in zip(joins, phrases[1:], strict=True):
        if phrase and lex.has("title_joins", join):
            other = lookup(phrase[-1], lex.language).kind
            if other and other != LIGHT:
                info.conjunct_heads.append((phrase[-1], other))
    if info.kind is None or info.kind.startswith(GENERIC):
        info.prefix_kind = prefix_kind(info.head, lex)
    return info


# ---------------------------------------------------------------------------------------------
# Headings
# ---------------------------------------------------------------------------------------------


@functools.cache
def _facet_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((facet, re.compile("|".join(p))) for facet, p in cues.HEADING_FACETS.items())


def heading_facets(headings: Sequence[str], title: Title, lex: Lexicon) -> dict[str, int]:
    """Facet -> how many headings show it. The title's own words are taken out of a heading
    first ("Hvad er årsagerne til underaktiv muskulatur?" is about causes, not muscles).
    ``injuries_of``: a heading names the title's subject as the place of problems
    ("knæskader", "skader på armen")."""
    anatomy = lex.sets["anatomy_words"]
    stems = frozenset(w[:5] for w in title.words if len(w) >= 3 and w not in anatomy)
    injuries = lex.injury_words
    last = title.words[-1] if title.words else ""
    title_is_injury = bool(last) and any(
        last.startswith(i[:5]) or title.words[0].endswith(i) for i in injuries
    )
    counts: dict[str, int] = {}
    for heading in headings:
        heading_words = words(heading)
        body = " ".join(w for w in heading_words if w[:5] not in stems)
        for facet in _facets_of(body):
            counts[facet] = counts.get(facet, 0) + 1
        if stems and not title_is_injury and _injury_of(heading_words, stems, injuries, lex):
            counts["injuries_of"] = counts.get("injuries_of", 0) + 1
    return counts


@functools.lru_cache(maxsize=8192)
def _facets_of(body: str) -> tuple[str, ...]:
    return tuple(facet for facet, pattern in _facet_patterns() if pattern.search(body))


def _injury_of(
    heading: list[str], stems: frozenset[str], injuries: tuple[str, ...], lex: Lexicon
) -> bool:
    for index, word in enumerate(heading):
        if word[:5] in stems and len(word) > 5 and word.endswith(injuries):  # "knæskader"
            return True
        if (
            word in injuries
            and index + 1 < len(heading)
            and lex.has("locatives", heading[index + 1])
            and any(w[:5] in stems for w in heading[index + 2 : index + 4])
        ):
            return True  # "skader på (den) arm"
    return False


def condition_facets(facets: dict[str, int]) -> list[str]:
    """The condition facets the headings show, in their order."""
    return [facet for facet in cues.CONDITION_FACETS if facets.get(facet)]


def profile_scores(facets: dict[str, int]) -> dict[str, float]:
    """Type -> the weight of the facets its profile shares with the headings."""
    return {
        kind: sum(weight * min(facets.get(facet, 0), 2) for facet, weight in weights.items())
        for kind, weights in cues.PROFILES.items()
    }
