"""The word lists of :mod:`seo_export.domain.enumeration` for one site, compiled once.

A site's language (the ``language`` setting before "-") picks the lists; its
``extraction_words`` setting adds to them (``[extraction_words.da]`` with
``lex_possibleTreatment = ["kinesiotape"]``), and its older ``enumeration_cues``,
``enumeration_conjunctions`` and ``relative_pronouns`` settings join the lists of generic
cues, conjunctions and relative pronouns. :func:`lexicon_for` compiles every pattern
once per settings object: sites build thousands of articles with one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from seo_export.config.settings import Settings
from seo_export.domain.enumeration import FALLBACK, LANGUAGES, PROPERTIES
from seo_export.read.prose.needles import needles


@dataclass(frozen=True)
class Lexicon:
    lang: str
    max_words: int
    experience_anywhere: bool  # "hvis du oplever X" outside a symptom section
    lexicon_rule: frozenset[str]  # properties the uncued "lexicon" rule reads
    gate: frozenset[str]  # properties whose every item needs a lexicon hit
    words: Mapping[str, frozenset[str]]  # closed word lists, lower case
    heading: tuple[tuple[str, re.Pattern[str]], ...]
    section_headings: tuple[tuple[str, re.Pattern[str]], ...]
    heading_none: re.Pattern[str]
    heading_off: re.Pattern[str]
    faq_heading: re.Pattern[str]
    cues: re.Pattern[str]  # after-cues, one named group per property ("any" for generic)
    subject: tuple[tuple[str, re.Pattern[str]], ...]
    experience: re.Pattern[str]
    consequence: re.Pattern[str]
    enum_like: re.Pattern[str]
    stop: re.Pattern[str]
    sub_clause: re.Pattern[str]
    inverted: re.Pattern[str]
    anaphor_tail: re.Pattern[str]
    split_conj: re.Pattern[str]
    lex: Mapping[str, re.Pattern[str]]
    link_phrases: re.Pattern[str]
    hedge: re.Pattern[str]
    anaphor_start: re.Pattern[str]
    word_re: re.Pattern[str]
    multi_openers: tuple[str, ...]  # multi-word strip/drop openers, longest first
    qa: re.Pattern[str]
    answer_marker: re.Pattern[str]
    generic_stems: frozenset[str]
    sentence_end: re.Pattern[str]
    any_cue: re.Pattern[str]  # does the sentence hold any property cue (behind any_needles)
    nd: Mapping[
        str, re.Pattern[str] | None
    ]  # rule -> its needles as one literal pattern (needles.py)
    any_needles: re.Pattern[str] | None


def _alt(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))


def _words_alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def language_words(lang: str) -> dict[str, list[str]]:
    """The lists of ``lang``; a key it lacks comes from its fallback language (sv -> da -> en)."""
    chain = [lang if lang in LANGUAGES else "en"]
    while FALLBACK.get(chain[-1], chain[-1]) != chain[-1] and len(chain) < 4:
        chain.append(FALLBACK[chain[-1]])
    merged: dict[str, list[str]] = {}
    for name in reversed(chain):
        merged.update({k: list(v) for k, v in LANGUAGES[name].items()})
    return merged


def _literal_re(found: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(x) for x in sorted(found, key=len, reverse=True)))


def _stem(name: str) -> str:
    from seo_export.read.prose.judge import stem_key

    return stem_key(name)


MAX_WORDS = 5
"""The longest item, in words: longer ones keep their head before a preposition or go."""
GATE = frozenset({"typicalTest", "possibleTreatment"})
"""Properties whose every item must hit the property's word list."""
LEXICON_RULE = frozenset({"typicalTest"})
"""Properties read without a cue, by their word list alone (precise only for tests)."""

_LEXICONS: dict[tuple[int, str], tuple[Settings, Lexicon]] = {}


def site_language(settings: Settings) -> str:
    """The language of the site's word lists: ``language`` before "-", lower case."""
    return settings.language.split("-")[0].lower()


def lexicon_for(settings: Settings, language: str | None = None) -> Lexicon:
    """The compiled word lists of ``language`` (default: the site's) and the site's own words.

    Remembered per settings object (by identity, the object kept alive with it), and
    compiled once per distinct language and words.
    """
    lang = language or site_language(settings)
    known = _LEXICONS.get((id(settings), lang))
    if known is not None and known[0] is settings:
        return known[1]
    if len(_LEXICONS) > 64:  # settings loaded again and again
        _LEXICONS.clear()
    own = tuple(
        (key, tuple(words)) for key, words in settings.extraction_words.get(lang, {}).items()
    )
    legacy = (
        ("cue_after_any", tuple(re.escape(cue) for cue in settings.enumeration_cues)),
        ("conjunctions", tuple(settings.enumeration_conjunctions)),
        ("relative", tuple(settings.relative_pronouns)),
    )
    # The section map's rules for these properties map the headings the word lists miss.
    sections = tuple(
        (rule.property, rule.combined.pattern)
        for rule in settings.sections
        if rule.property in PROPERTIES
    )
    lexicon = _compiled(lang, own + legacy, sections)
    _LEXICONS[(id(settings), lang)] = (settings, lexicon)
    return lexicon


_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 800
"""Characters of an article's text read to tell its language."""


def text_language(text: str, settings: Settings) -> str:
    """The language to read ``text`` in: the site's, or English when English's commonest
    words outnumber the site language's twice over (an English article on a Danish site).

    Only the site's language and English are told apart: Danish, Swedish and Norwegian
    share too many words for a count to tell them, and a site says which it writes.
    """
    site = site_language(settings)
    if site == "en" or not text:
        return site
    words = _WORD.findall(text[:_SAMPLE].lower())
    ours = _stopwords(site)
    english = _stopwords("en")
    ours_count = sum(1 for word in words if word in ours)
    english_count = sum(1 for word in words if word in english)
    return "en" if english_count > 2 * ours_count + 2 else site


@functools.cache
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(language_words(lang).get("stopwords", ()))


@functools.lru_cache(maxsize=16)
def _compiled(
    lang: str,
    added: tuple[tuple[str, tuple[str, ...]], ...],
    sections: tuple[tuple[str, str], ...],
) -> Lexicon:
    w = language_words(lang)
    for k, v in added:
        w[k] = list(dict.fromkeys([*w.get(k, []), *v]))
    max_words = MAX_WORDS
    flags = re.IGNORECASE
    closed = {
        k: frozenset(x.lower() for x in w.get(k, []))
        for k in (
            "conjunctions",
            "relative",
            "subordinators",
            "determiners",
            "prepositions",
            "pronouns",
            "pronouns_anywhere",
            "finite_verbs",
            "verb_suffix_exceptions",
            "negations",
            "generic",
            "generic_allowed_in",
            "persons",
            "light_verbs",
            "keep_verbs",
            "question_words",
            "etc",
            "enum_like_blockers",
            "enum_like_after_blockers",
            "connectives",
            "strip_openers",
            "drop_openers",
            "verb_suffixes",
            "compound_heads",
            "infinitives",
            "inside_blockers",
            "adjective_suffixes",
            "adjective_suffix_exceptions",
            "threshold_openers",
            "enum_like_words",
            "inner_cues",
            "cut_words",
            "body_parts",
            "generic_modifiers",
            "person_suffixes",
            "trailing_pp",
            "distribute_verbs",
        )
    }
    heading = tuple(
        (p, re.compile(_alt(w[f"heading_{p}"]), flags)) for p in PROPERTIES if w.get(f"heading_{p}")
    )
    groups = []
    for p in PROPERTIES:
        if w.get(f"cue_after_{p}"):
            groups.append(f"(?P<{p}>{_alt(w[f'cue_after_{p}'])})")
    groups.append(f"(?P<any>{_alt(w['cue_after_any'])})")
    cues = re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", flags)
    subject = tuple(
        (p, re.compile(r"(?<!\w)(?:" + _alt(w[f"cue_subject_{p}"]) + r")(?!\w)", flags))
        for p in PROPERTIES
        if w.get(f"cue_subject_{p}")
    )
    experience = re.compile(
        r"(?<!\w)(?P<who>"
        + _alt(w["experience_subjects"])
        + r")(?: \w+){0,2}? (?:"
        + _alt(w["cue_experience"])
        + r")",
        flags,
    )
    consequence = re.compile(r"(?<!\w)(?:" + _alt(w["cue_consequence"]) + r")(?!\w)", flags)
    enum_like = re.compile(
        r"(?<=\w) (?:" + _alt(w.get("enum_like", [])) + r") (?=\w)"
        if w.get("enum_like")
        else r"(?!x)x",
        flags,
    )
    stop = re.compile(_alt(w["stop_clause"]), flags)
    conj = sorted(closed["conjunctions"], key=len, reverse=True)
    split_conj = re.compile(r"\s(?:" + _words_alt(conj) + r")\s", flags)
    lex = {}
    for p in PROPERTIES:
        pats = w.get(f"lex_{p}") or []
        if p == "primaryPrevention":
            pats = list(w.get("lex_possibleTreatment", [])) + list(
                w.get("lex_primaryPrevention", [])
            )
        if pats:
            lex[p] = re.compile(_alt(pats), flags)
    link_phrases = re.compile(_alt(w["link_phrases"]), flags)
    hedge = re.compile(_alt(w["hedge_spans"]), flags)
    anaphor_start = re.compile(r"^(?:" + _alt(w["anaphors"]) + r")\b", flags)
    multi = tuple(
        sorted(
            {
                x.lower()
                for x in w["strip_openers"]
                + w["drop_openers"]
                + w["connectives"]
                + w["light_verbs"]
                if " " in x
            },
            key=len,
            reverse=True,
        )
    )
    qa = re.compile(
        r"^\s*(?P<q>"
        + _alt(w["qa_question"])
        + r")\s*[:.]\s*(?P<question>.+?\?)\s*(?:(?P<a>"
        + _alt(w["qa_answer"])
        + r")\s*[:.]\s*(?P<answer>.*))?$",
        re.DOTALL,
    )
    sentence_end = re.compile(r"[.!?](?=\s+[\"“'(]?[A-ZÆØÅÄÖÜ0-9])")
    any_cue = re.compile(
        "|".join(
            [cues.pattern, consequence.pattern]
            + [pat.pattern for _, pat in subject]
            + [experience.pattern]
        ),
        flags,
    )
    nd: dict[str, frozenset[str] | None] = {
        "cues": needles(cues.pattern),
        "experience": needles(experience.pattern),
        "consequence": needles(consequence.pattern),
        "inverted": needles(_alt(w.get("inverted_subject") or [r"(?!x)x"])),
        "enum_like": needles(enum_like.pattern),
        "stop": needles(stop.pattern),
        "sub_clause": needles(_alt(w.get("sub_clause") or ["(?!x)x"])),
        "hedge": needles(hedge.pattern),
        "link_phrases": needles(link_phrases.pattern),
        "heading_none": needles(_alt(w["heading_none"])),
        "heading_off": needles(_alt(w.get("heading_off") or ["(?!x)x"])),
    }
    for p, pat in subject:
        nd["subject_" + p] = needles(pat.pattern)
    for p, pat in heading:
        nd["heading_" + p] = needles(pat.pattern)
    for p, pat in lex.items():
        nd["lex_" + p] = needles(pat.pattern)
    parts = [nd["cues"], nd["experience"], nd["consequence"]] + [
        nd["subject_" + p] for p, _ in subject
    ]
    known = [part for part in parts if part is not None]
    any_needles = None if len(known) < len(parts) else frozenset().union(*known)
    return Lexicon(
        nd={k: (None if v is None else _literal_re(v)) for k, v in nd.items()},
        any_needles=None if any_needles is None else _literal_re(any_needles),
        lang=lang,
        max_words=max_words,
        experience_anywhere=False,
        lexicon_rule=LEXICON_RULE,
        gate=GATE,
        words=closed,
        heading=heading,
        section_headings=tuple((p, re.compile(pattern, flags)) for p, pattern in sections),
        heading_none=re.compile(_alt(w["heading_none"]), flags),
        heading_off=re.compile(_alt(w.get("heading_off") or [r"(?!x)x"]), flags),
        faq_heading=re.compile(_alt(w["faq_headings"]), flags),
        cues=cues,
        subject=subject,
        experience=experience,
        consequence=consequence,
        enum_like=enum_like,
        stop=stop,
        inverted=re.compile(_alt(w.get("inverted_subject") or [r"(?!x)x"])),
        sub_clause=re.compile(_alt(w.get("sub_clause") or [r"(?!x)x"]), flags),
        anaphor_tail=re.compile(
            r"\s(?:" + _alt(w.get("anaphor_tails") or [r"(?!x)x"]) + r")$", flags
        ),
        split_conj=split_conj,
        lex=lex,
        link_phrases=link_phrases,
        hedge=hedge,
        anaphor_start=anaphor_start,
        word_re=re.compile(r"[\w][\w\-/.'’]*", re.UNICODE),
        multi_openers=multi,
        qa=qa,
        answer_marker=re.compile(r"^\s*(?:" + _alt(w["qa_answer"]) + r")\s*[:.]\s*"),
        generic_stems=frozenset(_stem(x) for x in w["generic"]),
        sentence_end=sentence_end,
        any_cue=any_cue,
    )
