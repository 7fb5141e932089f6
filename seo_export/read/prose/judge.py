"""Is a candidate a clean entity? Its cleaned name, or the reason it is left out.

Precision first: a candidate is cleaned (hedges, determiners and light verbs off the
front; "etc." and punctuation off the end; a parenthesis that is not an acronym off;
an unbalanced one refused) and then refused when it is:

clause       it holds a finite verb, a pronoun, or starts with a subordinating conjunction
             or relative pronoun ("når ...", "hvis ...", "which ...")
adverbial    it starts with an adverbial opener ("især", "for at", "especially")
fragment     it starts with a preposition, ends with a hyphen, or is one letter
goal         it is an "at ..." action outside prevention ("at reducere smerte")
negated      it holds a negation ("ikke", "not")
too long     more than ``max_words`` words
generic      only a category word ("symptomer", "andre tilstande")
person       a person ("fysioterapeut", "doctor")
link         link or navigation text
the condition itself   the article's title
measure      a dose or count ("10-15 gange", "3 sets")
other property  its words say it belongs to another property (a symptom in a treatment
             list; anything but a test in a test list)
no lexicon hit  a gated candidate (found without a cue) that the property's words do
             not recognise
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from seo_export.read.prose.enumerations import Candidate
from seo_export.read.prose.lexicon import Lexicon, has_verb_ending, present

_DIGIT_MEASURE = re.compile(
    r"^\d|\b\d+\s*(?:[-–]\s*\d+\s*)?(?:sekunder|sek|minutter|min|timer|gange|sæt|dage|uger|måneder|år|kg|%|seconds|minutes|times|sets|reps|days|weeks)\b",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_ACRONYM = re.compile(r"^[A-ZÆØÅ0-9/\-]{2,8}$")
_QUOTES = re.compile('["“”„«»]')
_TRAIL = " \t.,;:!?\"'“”’*–-"
_LEAD = " \t,;:\"'“”’*–-"


@functools.lru_cache(maxsize=65536)
def stem_key(name: str) -> str:
    """Same entity, same key: lower case, no parenthesis, each word without a short ending."""
    out = []
    for found in re.findall(r"\w+", _PAREN.sub("", name).lower()):
        word = found
        for ending in ("erne", "ene", "er", "en", "et", "e"):
            if len(word) > 4 and word.endswith(ending):
                word = word[: -len(ending)]
                break
        if len(word) > 4 and word.endswith("s"):
            word = word[:-1]
        out.append(word)
    return " ".join(out)


_MULTI: dict[tuple[int, int], tuple[tuple[str, int], ...]] = {}


def _multi_in(phrases: frozenset[str], multi: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """The multi-word phrases of ``phrases``, longest first, each with a space after it and
    its word count (remembered: both come from one lexicon and live as long as it)."""
    key = (id(phrases), id(multi))
    found = _MULTI.get(key)
    if found is None:
        if len(_MULTI) > 256:
            _MULTI.clear()
        found = _MULTI[key] = tuple((p + " ", len(p.split())) for p in multi if p in phrases)
    return found


def _strip_front(
    words: list[str], phrases: frozenset[str], multi: tuple[str, ...]
) -> tuple[list[str], bool]:
    """Remove one leading phrase of ``phrases`` (multi-word ones first)."""
    low = " ".join(words).lower() + " "
    for phrase, count in _multi_in(phrases, multi):
        if low.startswith(phrase):
            return words[count:], True
    if words and words[0].lower() in phrases:
        return words[1:], True
    return words, False


_JUDGED: dict[tuple[object, ...], tuple[str | None, str, str | None]] = {}


def judge(
    cand: Candidate, lex: Lexicon, title: str, links: tuple[str, ...] = ()
) -> tuple[str | None, str]:
    """(name, "") when ``cand`` is a clean entity, else (None, reason).

    Remembered per lexicon, candidate and link texts (the article's title aside, checked
    here): a site names the same symptoms and treatments in article after article.
    """
    # the candidate's fields, not the candidate: a tuple hashes and compares in C
    memo_key = (
        id(lex),
        cand.raw,
        cand.prop,
        cand.rule,
        cand.at_start,
        cand.infinitive,
        cand.gated,
        cand.threshold,
        links,
    )
    known = _JUDGED.get(memo_key)
    if known is None:
        if len(_JUDGED) > 100_000:
            _JUDGED.clear()
        reached: list[str] = []
        name, reason = _judge(cand, lex, links, reached)
        known = _JUDGED[memo_key] = (name, reason, reached[0] if reached else None)
    name, reason, key = known
    if key is not None and title and _is_title(key, title):
        return None, "the condition itself"
    return name, reason


def _judge(
    cand: Candidate, lex: Lexicon, links: tuple[str, ...], reached: list[str]
) -> tuple[str | None, str]:
    """:func:`judge` but for the title: the item's key goes to ``reached`` when the rules
    get as far as asking whether the item is the condition itself."""
    w = lex.words
    text = " ".join(_QUOTES.sub("", cand.raw).split()).strip(_LEAD).rstrip(_TRAIL).strip()
    if not text:
        return None, "empty"
    for link in links:
        if (
            link
            and (link.lower() in text.lower() or text.lower() in link.lower())
            and len(text) > 3
        ):
            return None, "link text"
    low_text = text.lower()
    if present(lex.nd.get("link_phrases"), low_text) and lex.link_phrases.search(text):
        return None, "link text"
    # etc. at the end
    for etc, spaced in lex.etc_endings:
        if low_text.endswith(spaced) or low_text == etc:
            text = text[: len(text) - len(etc)].rstrip(_TRAIL)
            break
    if not text:
        return None, "empty"
    # parentheses: balanced ones go unless an acronym; an unbalanced one is a fragment
    if text.count("(") != text.count(")"):
        fixed = text.strip("()").strip()
        if fixed.count("(") != fixed.count(")"):
            return None, "unbalanced parenthesis"
        text = fixed

    def _paren(m: re.Match[str]) -> str:
        return f" ({m.group(1)})" if _ACRONYM.match(m.group(1)) else ""

    text = _PAREN.sub(_paren, text).strip()
    tail = lex.anaphor_tail.search(text)
    if tail:
        text = text[: tail.start()]
    words = text.split()
    infinitive = cand.infinitive
    at_start = cand.at_start
    # openers
    for _ in range(4):
        low = [x.lower() for x in words]
        if not words:
            return None, "empty"
        joined = " ".join(low) + " "
        for phrase, _count in _multi_in(w["drop_openers"], lex.multi_openers):
            if joined.startswith(phrase):
                return None, "adverbial"
        if low[0] in w["drop_openers"]:
            return None, "adverbial"
        words, stripped = _strip_front(words, w["strip_or_connectives"], lex.multi_openers)
        if not stripped:
            break
        at_start = False
    if not words:
        return None, "empty"
    if words[0].lower() in ("at", "to", "å", "att"):
        infinitive = True
        words = words[1:]
    if infinitive:
        if cand.prop != "primaryPrevention":
            return None, "goal (an action, not an entity)"
        words, _ = _strip_front(words, w["light_verbs"], lex.multi_openers)
    elif cand.prop == "primaryPrevention":
        words, _ = _strip_front(words, w["light_verbs"], lex.multi_openers)
    for _ in range(2):
        if words and words[0].lower() in w["determiners"] and len(words) > 1:
            words = words[1:]
            at_start = False
    if not words:
        return None, "empty"
    low = [x.lower().strip(",.;:()") for x in words]
    name = " ".join(words).rstrip(_TRAIL)
    first = low[0]
    if first in w["subordinators"] or first in w["relative"]:
        return None, "clause (subordinate)"
    if first in w["prepositions"]:
        return None, "fragment (starts with a preposition)"
    if first in w["pronouns"] or any(x in w["pronouns_anywhere"] for x in low):
        return None, "clause (pronoun)"
    keep = w["keep_verbs"] if cand.prop == "primaryPrevention" else frozenset()
    for x in low:
        if x in keep:
            continue
        if x in w["finite_verbs"] or has_verb_ending(x, lex):
            return None, f"clause (verb '{x}')"
    if cand.prop != "primaryPrevention" and any(x in w["infinitives"] for x in low):
        return None, "clause (verb)"
    for i, x in enumerate(low[:-1]):
        if (
            low[i + 1] in _ARTICLES
            and x not in w["prepositions"]
            and x not in w["conjunctions"]
            and x not in keep  # "strengthening the forearm", "undgå en belastning"
        ):
            return None, f"clause (verb '{x}' before an article)"
    if any(x in w["negations"] for x in low) or " vs" in name.lower():
        return None, "negated or compared"
    if any(x.endswith("-") for x in low):
        return None, "fragment (a suspended compound not expanded)"
    if low[-1] in w["prepositions"] or low[-1] in w["conjunctions"] or low[-1] in ("at", "to"):
        return None, "fragment (ends with a preposition or conjunction)"
    if all(x in w["determiners"] for x in low):
        return None, "generic"
    if cand.threshold and (
        low[0] in w["threshold_openers"] or " ".join(low[:2]) in w["threshold_openers"]
    ):
        return None, "threshold for seeking help, not a symptom"
    if any(x in w["inside_blockers"] for x in low):
        return None, "fragment"
    if len(low) == 1 and _adjective(low[0], lex):
        return None, "adjective or adverb, not an entity"
    short_known = cand.prop in lex.lex and lex.lex[cand.prop].fullmatch(name.lower()) is not None
    if (
        name.endswith("-")
        or len(name) < 2
        or (len(low) == 1 and len(name) < 3 and not name.isupper() and not short_known)
    ):
        return None, "fragment"
    if _DIGIT_MEASURE.search(name):
        return None, "measure"
    if len(words) > lex.max_words:
        # a long item keeps its head, before the first preposition ("ømhed på den indre del ...")
        cut = next((i for i, x in enumerate(low) if i > 0 and x in w["prepositions"]), None)
        if cut is None or cut > lex.max_words:
            return None, "too long"
        words, low = words[:cut], low[:cut]
        name = " ".join(words)
    key = " ".join(low)
    generic = key in w["generic"] or stem_key(key) in lex.generic_stems
    if (
        generic
        and f"{cand.prop}:{key}" not in w["generic_allowed_in"]
        and f"{cand.prop}:{stem_key(key)}" not in w["generic_allowed_in"]
    ):
        return None, "generic"
    if len(low) == 1 and low[0] in w["body_parts"]:
        return None, "fragment (a body part alone)"
    if (
        len(low) == 2
        and low[0] in w["generic_modifiers"]
        and (low[1] in w["generic"] or stem_key(low[1]) in lex.generic_stems)
    ):
        return None, "generic"  # "medicinske tilstande", "invasive behandlinger"
    if (
        len(low) == 2
        and low[0].endswith("s")
        and (low[1] in w["generic"] or stem_key(low[1]) in lex.generic_stems)
    ):
        return None, "generic"  # "knæets sundhed"
    if prop_trim := _trailing_pp(low, cand.prop, w):
        words, low = words[:prop_trim], low[:prop_trim]
        name = " ".join(words)
        key = " ".join(low)
    if any(x in w["persons"] for x in low) or any(
        low[-1].endswith(sfx) and len(low[-1]) >= 7 for sfx in w["person_suffixes"]
    ):
        return None, "person"
    reached.append(key)  # the caller asks whether it is the condition itself
    # which property the words say
    hits = _Hits(key, lex)
    prop = cand.prop
    if prop == "typicalTest" and not hits.get("typicalTest"):
        return None, "other property (not a test)"
    if (
        prop in ("possibleTreatment", "primaryPrevention")
        and hits.get("signOrSymptom")
        and not hits.get(prop)
    ):
        return None, "other property (a symptom)"
    if prop == "signOrSymptom" and hits.get("possibleTreatment") and not hits.get("signOrSymptom"):
        return None, "other property (a treatment)"
    if prop != "typicalTest" and hits.get("typicalTest") and not hits.get(prop):
        return None, "other property (a test)"
    if (cand.gated or prop in lex.gate) and prop in lex.lex and not hits.get(prop):
        return None, "no lexicon hit (no cue)"
    # case: a capital that only starts the sentence or item goes; names and acronyms stay
    first_word = words[0]
    if (
        (at_start or cand.rule in ("lead", "item", "cell", "subject"))
        and first_word[:1].isupper()
        and first_word[1:2].islower()
        and not any(c.isupper() for c in first_word[1:])
    ):
        name = first_word[0].lower() + name[1:]
    return name, ""


_ARTICLES = frozenset(
    {
        "en",
        "et",
        "den",
        "det",
        "de",
        "sin",
        "sit",
        "sine",
        "din",
        "dit",
        "dine",
        "the",
        "a",
        "an",
        "your",
    }
)


class _Hits:
    """Word-list hits of an item, each computed on first use (a needle test, then the regex)."""

    __slots__ = ("found", "key", "lex")

    def __init__(self, key: str, lex: Lexicon) -> None:
        self.key, self.lex = key, lex
        self.found: dict[str, bool] = {}

    def get(self, prop: str) -> bool:
        """Whether the item hits ``prop``'s word list."""
        known = self.found.get(prop)
        if known is None:
            pattern = self.lex.lex.get(prop)
            needle = self.lex.nd.get("lex_" + prop)
            known = self.found[prop] = (
                pattern is not None
                and present(needle, self.key)
                and pattern.search(self.key) is not None
            )
        return known


def _trailing_pp(low: list[str], prop: str, w: Mapping[str, frozenset[str]]) -> int:
    """Where a trailing time/occasion phrase starts in a treatment or prevention item
    ("opvarmning før træning" -> "opvarmning"), else 0."""
    if prop not in ("possibleTreatment", "primaryPrevention") or len(low) < 3:
        return 0
    for i, x in enumerate(low):
        if i > 0 and x in w["trailing_pp"]:
            return i
    return 0


def _is_title(key: str, title: str) -> bool:
    """The item is the condition: its words hold all the title's (stem) words."""
    title_words = set(stem_key(title).split())
    item_words = set(stem_key(key).split())
    return bool(title_words) and title_words <= item_words


def _adjective(word: str, lex: Lexicon, loose: bool = False) -> bool:
    if word in lex.words["adjective_suffix_exceptions"] or len(word) < 4:
        return False
    if loose and word.endswith("e"):
        return True
    return len(word) >= 5 and any(word.endswith(s) for s in lex.words["adjective_suffixes"])
