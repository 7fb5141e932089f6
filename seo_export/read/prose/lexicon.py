"""The word lists of :mod:`seo_export.domain.enumeration` for one site, compiled once.

A site's language (the ``language`` setting before "-") picks the lists; its
``extraction_words`` setting adds to them (``[extraction_words.da]`` with
``lex_possibleTreatment = ["kinesiotape"]``), and its older ``enumeration_cues``,
``enumeration_conjunctions`` and ``relative_pronouns`` settings join the lists of generic
cues, conjunctions and relative pronouns. :func:`lexicon_for` compiles every pattern
once per settings object: sites build thousands of articles with one.

Why it is long: the compiled lexicon has one documented field per pattern the rules use, and
its compiler builds each of them from the lists; splitting them would part a field from the
only code that fills it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from seo_export.config.settings import Settings
from seo_export.domain.enumeration import FALLBACK, LANGUAGES, PROPERTIES
from seo_export.read.prose.needles import by_first_char, needles
from seo_export.system import IdentityMemo


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's word lists and the site's own words, compiled (see :func:`lexicon_for`)."""

    lang: str
    """The language of the lists (``da``, ``en``, ``sv``, ``nb``)."""
    max_words: int
    """The longest item, in words."""
    experience_anywhere: bool
    """Whether "hvis du oplever X" outside a symptom section gives symptoms (off)."""
    lexicon_rule: frozenset[str]
    """Properties read without a cue, by their word list alone."""
    gate: frozenset[str]
    """Properties whose every item must hit the property's word list."""
    words: Mapping[str, frozenset[str]]
    """The closed word lists, lower case, by key (``domain/enumeration``)."""
    heading: tuple[tuple[str, re.Pattern[str]], ...]
    """Property -> the pattern of its headings."""
    section_headings: tuple[tuple[str, re.Pattern[str]], ...]
    """Property -> the site's section-map pattern, for headings the lists miss."""
    heading_none: re.Pattern[str]
    """Headings read only for cues that name their property."""
    heading_off: re.Pattern[str]
    """Headings read for nothing (differences, prognosis, references, ...)."""
    faq_heading: re.Pattern[str]
    """The FAQ's H2."""
    cues: re.Pattern[str]
    """Enumeration cues, one named group per property (``any`` for the generic ones)."""
    cues_lower: re.Pattern[str]
    """:attr:`cues` case-sensitive, for lower-case text (twice as fast), its alternatives
    grouped by first character (:func:`~seo_export.read.prose.needles.by_first_char`)."""
    cue_labels: Mapping[str, str]
    """Group of :attr:`cues_lower` -> the property of its cues (``any`` for the generic ones)."""
    subject: tuple[tuple[str, re.Pattern[str]], ...]
    """Property -> the predicate whose subject is an enumeration of it."""
    experience: re.Pattern[str]
    """"oplever/mærker/experience" after who experiences it."""
    consequence: re.Pattern[str]
    """"kan føre til", "resulterer i"."""
    enum_like: re.Pattern[str]
    """The enumerative "som"/"like"."""
    stop: re.Pattern[str]
    """Where an enumeration ends inside a sentence."""
    sub_clause: re.Pattern[str]
    """Where a subordinate clause starts inside a comma segment."""
    inverted: re.Pattern[str]
    """The inverted (V2) subject of a treatment predicate."""
    anaphor_tail: re.Pattern[str]
    """A trailing "med sygdommen" (the condition by another name), cut off."""
    split_conj: re.Pattern[str]
    """The conjunctions that split items."""
    lex: Mapping[str, re.Pattern[str]]
    """Property -> the pattern of its word list (tests, symptoms, treatments, prevention)."""
    link_phrases: re.Pattern[str]
    """Link and navigation text."""
    hedge: re.Pattern[str]
    """Words that make an enumeration negated or differential ("udelukke")."""
    anaphor_start: re.Pattern[str]
    """A subject that is the condition itself ("Dette", "Tilstanden")."""
    word_re: re.Pattern[str]
    """A word."""
    multi_openers: tuple[str, ...]
    """Multi-word openers to strip or refuse, longest first."""
    qa: re.Pattern[str]
    """A ``**Q:** ...? **A:** ...`` paragraph."""
    answer_marker: re.Pattern[str]
    """The ``A:`` that starts an answer paragraph."""
    generic_stems: frozenset[str]
    """Stem keys of the generic words."""
    sentence_end: re.Pattern[str]
    """Where a sentence ends."""
    any_cue: re.Pattern[str]
    """Any property cue of the rules (one search)."""
    nd: Mapping[str, tuple[str, ...] | None]
    """Rule -> the few literals every match holds (a prefilter), or None."""
    any_needles: tuple[str, ...] | None
    """The literals one of which any cue holds, or None."""
    inner_cues: tuple[tuple[str, str], ...]
    """The ``inner_cues`` words, each with the spaces around it it is looked for with, in the
    order of their word list's set (the first one found counts)."""
    etc_endings: tuple[tuple[str, str], ...]
    """The "etc." words longest first, each with a space before it (an item's ending)."""
    cased: Mapping[str, re.Pattern[str]]
    """Rule (``hedge``, ``stop``, ``subject_cause``, ...) -> its pattern (ignoring case), as
    the fields above hold them: for text :func:`plain_case` does not vouch for."""
    lower: Mapping[str, re.Pattern[str]]
    """The rules of :attr:`cased`, for the lower-cased text, case-sensitive: the same matches
    at the same positions, at about half the cost, where :func:`plain_case` holds."""


_PLAIN_CASE = re.compile(r"[\x00-\xb4\xb6-\xff\u2000-\u206f]*")
"""Text whose lowering a case-ignoring pattern cannot tell from the text itself: Latin-1 but
"µ" (which "ignoring case" takes for Greek "μ") and general punctuation ("–", "’", "“").
Its ``lower()`` keeps one character per character, and each is the lower case the pattern
compares with; outside it ("ſ", "İ", Greek final sigma) the patterns run on the text."""


def plain_case(text: str) -> bool:
    """Whether the patterns of :attr:`Lexicon.lower` may read ``text.lower()`` in place of
    ``text`` read by those of :attr:`Lexicon.cased` (same matches, same positions)."""
    return _PLAIN_CASE.fullmatch(text) is not None


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


_MOST_NEEDLES = 8
"""Above this many needles a prefilter costs more than the pattern it saves (Python's ``re``
tries every alternative at every position; ``in`` is fast for a few)."""


def _lower_pattern(pattern: str) -> str:
    """``pattern`` for lower-case text: its literal letters lowered, escapes (``\\W``, ``\\S``)
    and group names (``(?P<signOrSymptom>``) kept."""
    return re.sub(
        r"\\.|\(\?P<\w+>|[^\\(]+|\(",
        lambda m: m.group(0) if m.group(0).startswith(("\\", "(?P<")) else m.group(0).lower(),
        pattern,
    )


def _cues_lower(
    pattern: str, alternatives: list[tuple[str | None, str]]
) -> tuple[re.Pattern[str], dict[str, str]]:
    """The cue pattern for lower-case text: its alternatives grouped by first character (a
    third faster), else (an alternative that may begin with anything) the plain one."""
    grouped = by_first_char(alternatives)
    if grouped is None:
        plain = re.compile(_lower_pattern(pattern))
        return plain, {name: name for name in plain.groupindex}
    body, labels = grouped
    return re.compile(r"(?<!\w)" + body + r"(?!\w)"), labels


def _prefilter(found: frozenset[str] | None) -> tuple[str, ...] | None:
    """A rule's needles when they are few enough to test with ``in``, else None (no filter)."""
    if found is None or len(found) > _MOST_NEEDLES:
        return None
    return tuple(sorted(found, key=len))


def present(needles: tuple[str, ...] | None, low: str) -> bool:
    """Whether ``low`` (lower-case text) may match the rule whose needles these are."""
    if needles is None:
        return True
    for needle in needles:  # noqa: SIM110 - a loop builds no generator (called ~100 times per article)
        if needle in low:
            return True
    return False


def _stem(name: str) -> str:
    from seo_export.read.prose.judge import stem_key

    return stem_key(name)


MAX_WORDS = 5
"""The longest item, in words: longer ones keep their head before a preposition or go."""
GATE = frozenset({"typicalTest", "possibleTreatment"})
"""Properties whose every item must hit the property's word list."""
LEXICON_RULE = frozenset({"typicalTest"})
"""Properties read without a cue, by their word list alone (precise only for tests)."""

_LEXICONS: IdentityMemo[Lexicon] = IdentityMemo(65)  # settings loaded again and again


def site_language(settings: Settings) -> str:
    """The language of the site's word lists: ``language`` before "-", lower case."""
    return settings.language.split("-")[0].lower()


def lexicon_for(settings: Settings, language: str | None = None) -> Lexicon:
    """The compiled word lists of ``language`` (default: the site's) and the site's own words.

    Remembered per settings object (by identity, the object kept alive with it), and
    compiled once per distinct language and words.
    """
    lang = language or site_language(settings)
    return _LEXICONS.get(settings, lang, lambda: _site_lexicon(settings, lang))


def _site_lexicon(settings: Settings, lang: str) -> Lexicon:
    """The lexicon of ``lang`` with what the settings add to it."""
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
    return _compiled(lang, own + legacy, sections)


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


# Never evicted: the memos of headings and judged items are keyed by a lexicon's id, which
# must not be reused while they hold it (a process sees a handful of distinct lexicons).
@functools.cache
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
    closed["strip_or_connectives"] = closed["strip_openers"] | closed["connectives"]
    # unions the rules ask for per item, built once here rather than per call
    closed["verbs"] = closed["finite_verbs"] | closed["infinitives"]
    closed["strip_or_determiners"] = closed["strip_openers"] | closed["determiners"]
    heading = tuple(
        (p, re.compile(_alt(w[f"heading_{p}"]), flags)) for p in PROPERTIES if w.get(f"heading_{p}")
    )
    groups = []
    cue_alternatives: list[tuple[str | None, str]] = []
    for p in [*(p for p in PROPERTIES if w.get(f"cue_after_{p}")), "any"]:
        groups.append(f"(?P<{p}>{_alt(w[f'cue_after_{p}'])})")
        ordered = sorted(w[f"cue_after_{p}"], key=len, reverse=True)  # as _alt orders them
        cue_alternatives += [(p, _lower_pattern(cue)) for cue in ordered]
    cues = re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", flags)
    cues_lower, cue_labels = _cues_lower(cues.pattern, cue_alternatives)
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
    sub_clause = re.compile(_alt(w.get("sub_clause") or [r"(?!x)x"]), flags)
    cased = {
        "hedge": hedge,
        "enum_like": enum_like,
        "experience": experience,
        "consequence": consequence,
        "stop": stop,
        "sub_clause": sub_clause,
        "split_conj": split_conj,
        **{"subject_" + p: pat for p, pat in subject},
    }
    lower = {rule: re.compile(_lower_pattern(pat.pattern)) for rule, pat in cased.items()}
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
        nd={k: _prefilter(v) for k, v in nd.items()},
        any_needles=_prefilter(any_needles),
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
        cues_lower=cues_lower,
        cue_labels=cue_labels,
        subject=subject,
        experience=experience,
        consequence=consequence,
        enum_like=enum_like,
        stop=stop,
        inverted=re.compile(_alt(w.get("inverted_subject") or [r"(?!x)x"])),
        sub_clause=sub_clause,
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
        cased=cased,
        lower=lower,
        inner_cues=tuple((cue, f" {cue} ") for cue in closed["inner_cues"]),
        etc_endings=tuple((e, " " + e) for e in sorted(closed["etc"], key=len, reverse=True)),
    )


def has_verb_ending(token: str, lex: Lexicon) -> bool:
    """Whether ``token`` (over five letters) ends as the language's verb forms do ("-ede",
    "-ing"), and is not one of the nouns that end so."""
    if len(token) <= 5 or token in lex.words["verb_suffix_exceptions"]:
        return False
    return any(token.endswith(suffix) for suffix in lex.words["verb_suffixes"])
