"""Enumerations in a sentence, however the article writes them, as raw candidate items.

Rules (each names the ``rule`` of its candidates):

cue         an enumeration after a cue: a property's own phrase ("symptomerne inkluderer",
            "skyldes", "diagnosen stilles gennem", "symptoms include", "caused by") or a
            generic one ("inkluderer", "såsom", "f.eks.", "består af") that takes the
            context's property
like        the enumerative "som"/"like" after a noun ("metoder som hvile, is og ro");
            not the relative "som" (after a comma, or before a verb or pronoun)
subject     the sentence's subject when its predicate is a property's ("X og Y kan også
            hjælpe" in a treatment context, "X øger risikoen" anywhere)
experience  the object of "oplever/mærker/føler" in a symptom context, or after "hvis du"
consequence the object of "kan føre til"/"resulterer i" in a symptom or cause context, or
            anywhere when its subject is the condition itself ("Dette kan føre til ...")
lexicon     in a symptom, test or treatment context, the noun phrases of the rest of the
            sentence that the property's word list recognises (gated: never published
            without a lexicon hit)
item/lead/cell  a short list item, a list item's lead-in, a table cell under a mapped column

How a span is cut into items: :mod:`seo_export.read.prose.splitting`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from seo_export.read.prose.lexicon import Lexicon, has_verb_ending, plain_case
from seo_export.read.prose.splitting import first_word, has, last_word, span_end, split_items


@dataclass(frozen=True, slots=True)
class Candidate:
    """A piece of text a rule offers as an item, before :mod:`judge` cleans or refuses it."""

    raw: str
    """The text as cut from the sentence, list item or cell."""
    prop: str
    """The property it is offered for."""
    rule: str
    """The rule that found it (``cue``, ``like``, ``subject``, ``item``, ``hedged``, ...)."""
    at_start: bool = False
    """It begins the sentence or item (so its capital is not a name's)."""
    infinitive: bool = False
    """It is in an "at ..."/"to ..." enumeration (actions: only prevention takes them)."""
    gated: bool = False
    """No cue introduced it: it is kept only when the property's word list knows it."""
    threshold: bool = False
    """It follows "hvis du oplever": "vedvarende X" is a threshold, not a symptom."""


def _covered(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def sentence_candidates(
    sentence: str, props: tuple[str, ...], where: str, lex: Lexicon
) -> Iterator[Candidate]:
    ctx = props[0] if len(props) == 1 else None
    spans: list[tuple[int, int]] = []
    m: re.Match[str] | None
    target: str | None
    words = lex.words
    low = sentence.lower()
    # the rules' patterns read the lower-cased sentence where that finds the same (faster)
    fast = plain_case(sentence)
    text = low if fast else sentence
    pat = lex.lower if fast else lex.cased

    # cue: a property's own phrase, or a generic one taking the context's property
    # Lower-case text against a case-sensitive pattern: half the time of re.IGNORECASE, at
    # the same positions when lowering keeps the length (it does for these languages).
    lowered = len(low) == len(sentence)
    cue_matches = lex.cues_lower.finditer(low) if lowered else lex.cues.finditer(sentence)
    for m in cue_matches:
        prop = lex.cue_labels.get(m.lastgroup or "") if lowered else m.lastgroup
        if prop == "any":
            prop = _anchor(sentence, m.start(), ctx, lex)
        if prop is None or _covered(m.start(), spans):
            continue
        end = span_end(text, m.end(), pat)
        clause_start = max(sentence.rfind(",", 0, m.start()), 0)
        if has(lex, "hedge", low) and pat["hedge"].search(text, clause_start, m.start()):
            spans.append((m.start(), end))
            yield Candidate(sentence[m.end() : end], prop, "hedged")
            continue
        spans.append((m.start(), end))
        for piece, inf in split_items(sentence[m.end() : end], lex):
            yield Candidate(piece, prop, "cue", False, inf)

    # like: the enumerative "som"
    if ctx is not None and has(lex, "enum_like", low):
        for m in pat["enum_like"].finditer(text):
            if _covered(m.start(), spans):
                continue
            before = sentence[: m.start()]
            if before.rstrip().endswith(","):
                continue
            if (
                last_word(before) in words["enum_like_after_blockers"]
                or first_word(sentence[m.end() :]) in words["enum_like_blockers"]
            ):
                continue
            clause_start = max(before.rfind(","), 0)
            end = span_end(text, m.end(), pat)
            if has(lex, "hedge", low) and pat["hedge"].search(text, clause_start, m.start()):
                spans.append((m.start(), end))
                continue
            spans.append((m.start(), end))
            for piece, inf in split_items(sentence[m.end() : end], lex):
                yield Candidate(piece, ctx, "like", False, inf)

    # subject: "X og Y kan også hjælpe" / "X øger risikoen"
    for prop, _pattern in lex.subject:
        # the property the subject gets here, decided before the (costly) search
        if prop == "riskFactor":
            target = prop
        elif prop in ("possibleTreatment", "primaryPrevention"):
            target = ctx if ctx in ("possibleTreatment", "primaryPrevention") else None
        elif prop == "cause":
            target = ctx if ctx in ("cause", "riskFactor") else None
        else:
            target = None
        if target is None or not has(lex, "subject_" + prop, low):
            continue
        m = pat["subject_" + prop].search(text)
        if m is None or _covered(m.start(), spans):
            continue
        subject = sentence[: m.start()].strip().rstrip(",")
        if last_word(subject) in words["relative"] or last_word(subject) in words["conjunctions"]:
            continue  # "..., men som øger risikoen": the subject is a relative pronoun
        if (
            not subject
            or len(subject.split()) > 12
            or ("," in subject and not _looks_like_list(subject))
        ):
            continue
        spans.append((0, m.end()))
        for piece, inf in split_items(subject, lex):
            yield Candidate(
                piece,
                target,
                "subject",
                True,
                inf,
                gated=target in ("possibleTreatment", "primaryPrevention"),
            )

    # inverted subject (V2): "..., kan kirurgi overvejes",
    # "I nogle tilfælde kan medicin være nødvendig"
    if ctx in ("possibleTreatment", "primaryPrevention") and has(lex, "inverted", low):
        found = _inverted_subject(sentence, lex)
        if found is not None and not _covered(found[0], spans):
            a, b = found
            spans.append((a, b))
            for piece, inf in split_items(sentence[a:b], lex):
                yield Candidate(piece, ctx, "subject", False, inf, gated=True)

    # experience: "mange oplever X", "hvis du oplever X"
    m = (
        pat["experience"].search(text)
        if ctx == "signOrSymptom" or (ctx is None and lex.experience_anywhere)
        else None
    )
    if m is not None and not _covered(m.start(), spans):
        who = m.group("who").lower()
        if ctx == "signOrSymptom" or (
            ctx is None and lex.experience_anywhere and who.startswith(("hvis", "if", "om "))
        ):
            end = span_end(text, m.end(), pat)
            spans.append((m.start(), end))
            for piece, inf in split_items(sentence[m.end() : end], lex):
                yield Candidate(
                    piece,
                    "signOrSymptom",
                    "experience",
                    False,
                    inf,
                    gated=ctx != "signOrSymptom",
                    threshold=True,
                )

    # consequence: "kan føre til X"
    m = pat["consequence"].search(text) if has(lex, "consequence", low) else None
    if m is not None and not _covered(m.start(), spans):
        subject = sentence[: m.start()].strip()
        target = ctx if ctx in ("signOrSymptom", "cause") else None
        if target is None and ctx is None and lex.anaphor_start.match(subject):
            target = "signOrSymptom"
        if target is not None:
            end = span_end(text, m.end(), pat)
            spans.append((m.start(), end))
            for piece, inf in split_items(sentence[m.end() : end], lex):
                yield Candidate(
                    piece,
                    target,
                    "consequence",
                    False,
                    inf,
                    gated=target == "signOrSymptom" and ctx is None,
                )

    # lexicon: the rest of the sentence, in a symptom/test/treatment/prevention context
    if ctx is not None and ctx in lex.lexicon_rule and where != "intro":
        rest = _uncovered(sentence, spans)
        for uncovered in rest:
            stop = lex.stop.search(uncovered)
            text = uncovered if stop is None else uncovered[: stop.start()]
            for piece, inf in split_items(text, lex, cut_verbs=False):
                tail = _tail(piece, lex)
                if tail:
                    yield Candidate(
                        tail, ctx, "lexicon", tail == piece and piece is text, inf, gated=True
                    )


_ANCHOR_WINDOW = 60


def _anchor(sentence: str, cue_start: int, ctx: str | None, lex: Lexicon) -> str | None:
    """The property of a generic cue: the property noun just before it, else the context's.

    "behandlingsmetoder, der kan inkludere A, B" is a treatment list in any section; a
    generic cue inside a relative clause about another noun ("aktiviteter, der
    involverer A") introduces no list.
    """
    before = sentence[max(0, cue_start - _ANCHOR_WINDOW) : cue_start]
    words = before.split()
    tail = " ".join(words[-5:])
    found = None
    best = -1
    tail_low = tail.lower()
    for prop, pattern in lex.heading:
        if not has(lex, "heading_" + prop, tail_low):
            continue
        for m in pattern.finditer(tail):
            if m.start() > best:
                best, found = m.start(), prop
    if found is not None:
        return found
    recent = [x.lower().strip(",") for x in words[-3:]]
    if any(x in lex.words["relative"] for x in recent):
        return None
    return ctx


def _inverted_subject(sentence: str, lex: Lexicon) -> tuple[int, int] | None:
    """V2 order: "I nogle tilfælde kan medicin eller injektioner være nødvendige" -> the
    subject's span."""
    m = lex.inverted.search(sentence)
    if m is None:
        return None
    return m.start("subj"), m.end("subj")


def _looks_like_list(subject: str) -> bool:
    return all(len(part.split()) <= 6 for part in subject.split(","))


def _uncovered(sentence: str, spans: list[tuple[int, int]]) -> list[str]:
    if not spans:
        return [sentence]
    out, pos = [], 0
    for a, b in sorted(spans):
        if a > pos:
            out.append(sentence[pos:a])
        pos = max(pos, b)
    if pos < len(sentence):
        out.append(sentence[pos:])
    return [t for t in out if t.strip()]


def _tail(piece: str, lex: Lexicon) -> str:
    """The noun phrase closing ``piece``: what follows its last verb (and a preposition)."""
    tokens = piece.split()
    verbs = lex.words["verbs"]
    cut = 0
    for i, token in enumerate(tokens):
        t = token.lower().strip(",.;:()")
        if t in verbs or t == "at" or has_verb_ending(t, lex):
            cut = i + 1
    tail = tokens[cut:]
    preps = lex.words["prepositions"]
    strip = lex.words["strip_or_determiners"]
    while tail and (tail[0].lower() in preps or tail[0].lower() in strip):
        tail = tail[1:]
    return " ".join(tail)
