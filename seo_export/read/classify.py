"""The type of an article's subject, read from its text: its definition, title and headings.

:func:`classify` takes what the normalizer has (the title, the headings, the
intro's text) and returns a schema.org type with a short reason. It decides in
steps, each of which either decides or passes to the next:

1. the opening definition's head noun ("Albuen er et *led*", "Cycling is a
   popular *sport*"), with light nouns resolved ("en form for motion"), compounds
   read by their last part ("ledsygdom"), pathological adjectives ("en medfødt
   fejlstilling"), and a state ("en tilstand") a disorder unless healthy or definite;
2. the title: "X anatomi", a bare body part ("Knæ"), a sign of one ("Ømme
   fødder"), the head of its first noun phrase ("Kost ved PMS"), medical
   morphology ("-itis", "-ose", "-syndrom");
3. a generic or Thing head placed in a field ("en teknik inden for
   fysioterapi") or given a kind by its purpose, compound or adjective;
4. a Thing head ("en proces", "kroppens evne");
5. a problem head ("et almindeligt problem") when the headings treat a disorder;
6. the headings' profile (symptoms and causes; structure and function; how to
   train; what to eat), with enough support and a clear lead;
7. a body-part title named after a part ("Vagusnerven") when headings speak of
   anatomy; a generic head's lean; another word of the title;
8. else the fallback, Thing.

A disorder is a MedicalSignOrSymptom rather than a MedicalCondition when the text
says it is a symptom, its title names one ("Ondt i ...", "Smerter ..."), it is
defined by what one feels, or its headings list causes but never symptoms; a
title or definition that names a disorder (sygdom, -itis) keeps it a condition.

Every rule is grammar or a kind noun of :mod:`seo_export.domain` (no article's
name is one); the README quotes how the rules score on a glossary they were
developed on and on one they were not.

Why it is long: the steps share one reading of the article (its title, definition and
headings' facets, worked out once), so they are methods of one class, each short.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from seo_export.domain import entity_cues as cues
from seo_export.domain.entity_types import (
    ACTIVITY,
    ANATOMY,
    CONDITION,
    CONDITION_TYPES,
    DIET,
    FALLBACK,
    PHYSIO,
    SUBSTANCE,
    SYMPTOM,
    SYSTEM,
    TEST,
    THERAPY,
    THING,
)
from seo_export.read.phrases import (
    GENERIC,
    PROBLEM,
    SPECIFIC,
    STATE,
    Definition,
    Head,
    Lexicon,
    Title,
    condition_facets,
    detect_language,
    domain_kind,
    heading_facets,
    lexicon,
    lookup,
    prefix_kind,
    profile_scores,
    read_definition,
    read_title,
    words,
)

Choice = tuple[str, str]
"""(type, the evidence for it in a few words)."""

_FIELDS = frozenset({PHYSIO, THERAPY, ACTIVITY, DIET, TEST})
"""The kinds a field named after "inden for" can give a generic head."""
_THERAPIES = (THERAPY, PHYSIO)
_BODY = (ANATOMY, SYSTEM)


def classify(title: str, headings: Sequence[str], intro: str, language: str) -> Choice:
    """The type of the subject of an article with this title, headings (H2s and H3s, the
    FAQ's left out) and intro text, and why; ``language`` is the site's (``da``), used
    unless the text is clearly in another language the rules know."""
    lang = detect_language(f"{title}. {intro[:300]}", language)
    return _Reading(title, headings, intro, lexicon(lang)).decide()


def _quote(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return '"' + (text if len(text) <= size else text[: size - 1].rstrip() + "…") + '"'


class _Facets:
    """The headings' facets, worked out when a step first asks (most articles never do)."""

    def __init__(self, headings: Sequence[str], title: Title, lex: Lexicon) -> None:
        self._arguments = (headings, title, lex)
        self._counts: dict[str, int] | None = None

    @property
    def counts(self) -> dict[str, int]:
        """Facet -> headings that show it."""
        if self._counts is None:
            self._counts = heading_facets(*self._arguments)
        return self._counts

    def get(self, facet: str) -> int:
        """How many headings show ``facet``."""
        return self.counts.get(facet, 0)

    def condition(self) -> list[str]:
        """The condition facets shown."""
        return condition_facets(self.counts)


class _Reading:
    """One article's text, and what its steps have read of it."""

    __slots__ = ("definition", "facets", "intro", "lex", "title", "title_text")

    def __init__(self, title: str, headings: Sequence[str], intro: str, lex: Lexicon) -> None:
        self.title_text = title
        self.intro = intro
        self.lex = lex
        self.title: Title = read_title(title, lex)
        self.definition: Definition = read_definition(intro, title, lex)
        self.facets = _Facets(headings, self.title, lex)

    def decide(self) -> Choice:
        """The first step that decides, else the fallback."""
        steps: tuple[Callable[[], Choice | None], ...] = (
            self.from_definition,
            self.from_title,
            self.from_generic_head,
            self.from_thing_head,
            self.from_problem_head,
            self.from_headings,
            self.from_weak_cues,
        )
        for step in steps:
            choice = step()
            if choice is not None:
                return choice
        return FALLBACK, self.no_evidence()

    # -- evidence helpers ------------------------------------------------------------------

    def quoted(self, head: Head) -> str:
        via = f"{head.via} " if head.via else ""
        return f"definition: {_quote(head.sentence)} -> {via}{head.word}"

    def refine(self, reason: str, *, strict: bool) -> Choice:
        """A disorder: MedicalCondition, or MedicalSignOrSymptom when the text says so.
        ``strict``: the evidence named a disorder, so only an explicit statement turns it."""
        statement = self.lex.symptom_statement.search(self.definition.text.lower())
        if strict:
            if statement:
                return SYMPTOM, f"{reason}; but the definition calls it a symptom"
            return CONDITION, reason
        why = "the definition calls it a symptom" if statement else self.symptom_reason()
        return (SYMPTOM, f"{reason}; {why}") if why else (CONDITION, reason)

    def symptom_reason(self) -> str:
        """Why a disorder is a sign or symptom rather than a condition ("" if it is not)."""
        title, lex = self.title, self.lex
        if title.kind == CONDITION or title.morphology:
            return ""  # the title names a disorder ("Taleforstyrrelser", "...-itis")
        if title.kind == SYMPTOM:
            return f'the title\'s head "{title.head}" is a symptom'
        if title.modifiers and lex.has("symptom_adjectives", title.modifiers[0]):
            return f'the title "{title.modifiers[0]} {title.head}" names a sign'
        felt = next((w for w in words(self.definition.text) if lex.has("experience", w)), None)
        if felt:
            return f'the definition describes an experience ("{felt}")'
        facets = self.facets
        if facets.get("causes") and not facets.get("symptoms") and len(facets.condition()) >= 2:
            return "the headings list causes but no symptoms of it"
        return ""

    def therapy(self, kind: str) -> tuple[str, str]:
        """PhysicalTherapy when the kind says so or the intro speaks of physiotherapy."""
        if kind == PHYSIO:
            return PHYSIO, ""
        low = self.intro[:600].lower()
        context = next((c for c in self.lex.physio_context if c in low), None)
        if context:
            return PHYSIO, f'physiotherapy context ("{context}…")'
        return THERAPY, "no physiotherapy context"

    def no_evidence(self) -> str:
        head = self.definition.head
        if head is None:
            return "no type evidence: no defining sentence"
        return f"no type evidence: the definition's head {head.word!r} is unknown or too generic"

    # -- 1. the definition -----------------------------------------------------------------

    def from_definition(self) -> Choice | None:
        head, title, lex = self.definition.head, self.title, self.lex
        if head is None:
            return None
        abnormal = [w for w in head.np if lex.has("abnormal", w)]
        # "en unormal bevægelse", "en medfødt fordybning", "utilstrækkelig styrke"
        if abnormal and head.kind not in (*CONDITION_TYPES, SUBSTANCE, DIET, TEST):
            return self.refine(f"{self.quoted(head)} ({abnormal[0]})", strict=False)
        if head.kind == STATE:
            healthy = [w for w in head.np if lex.has("healthy", w)]
            if not healthy and not lex.has("definite", head.determiner):
                return self.refine(self.quoted(head), strict=False)
            why = (
                f"a {healthy[0]} state"
                if healthy
                else f'"{head.determiner} {head.word}": a state in general'
            )
            head.kind, head.word = THING, f"{head.word} ({why}, not a disorder)"
        if not head.specific():
            return None
        if head.part_of(lex) and title.kind in SPECIFIC and title.kind != head.kind:
            return None  # "en del af fysioterapi" is no kind of it: the title decides
        return self.definition_kind(head)

    def definition_kind(self, head: Head) -> Choice | None:
        kind, title, lex = head.kind, self.title, self.lex
        if kind == SYMPTOM and lex.has("kind_nouns", head.light):
            # "en type hovedpine", "a form of pain": a named kind of a symptom is a condition
            return CONDITION, f"{self.quoted(head)} (a named kind of a symptom)"
        title_sign = title.kind == SYMPTOM or bool(
            title.modifiers and lex.has("symptom_adjectives", title.modifiers[0])
        )
        if (
            kind == SYMPTOM
            and not title_sign
            and self.facets.get("symptoms")
            and not lex.symptom_statement.search(self.definition.text.lower())
        ):
            # "Tennis elbow is pain on the outer side ..." + "What are the symptoms?": a sign
            # has no symptoms of its own; a page that lists its symptoms is about a condition
            return CONDITION, f"{self.quoted(head)}; but the headings list its symptoms"
        if kind in CONDITION_TYPES:
            return self.refine(self.quoted(head), strict=kind == CONDITION)
        if kind == SYSTEM and head.part_of(lex) and title.kind != SYSTEM:
            kind = head.kind = ANATOMY  # "en del af det reproduktive system": a structure
        if kind in _BODY:
            if title.kind in _BODY and title.modifiers and not title.anatomy_word:
                return None  # "Underaktiv muskulatur": a state of a body part; ask on
            return kind, self.quoted(head)
        if kind in _THERAPIES:
            typ, why = self.therapy(kind)
            return typ, self.quoted(head) + (f"; {why}" if why else "")
        return kind, self.quoted(head)

    # -- 2. the title ----------------------------------------------------------------------

    def from_title(self) -> Choice | None:
        title, head, name = self.title, self.definition.head, self.title_text
        if title.anatomy_word:
            return ANATOMY, f'title: "{name}" says {title.anatomy_word}'
        kind = title.kind
        if kind in _BODY:
            if title.modifiers and self.lex.has("symptom_adjectives", title.modifiers[0]):
                return SYMPTOM, f'title: "{name}" is a sign ({title.modifiers[0]}) of a body part'
            if title.exact and not title.modifiers and not title.has_pp:
                return kind, f'title: "{name}" is a body part'
            kind = None  # "Tennisalbue", "Overbelastet knæ": named after a body part, not it
        derived = False  # the kind comes from a prefix, another conjunct or a hyphen's part
        word = title.head
        if kind is None or kind.startswith(GENERIC):
            derived = True
            kind = title.prefix_kind
            if kind is None:
                for other, other_kind in title.conjunct_heads:  # "Aktiv pause og mikrotræning"
                    if other_kind in SPECIFIC and other_kind not in _BODY:
                        kind, word = other_kind, other
                        break
        elif "-" in title.head or not title.exact:
            derived = True  # "Post-workout", "Træningsmotivation"
        if kind in SPECIFIC and derived and head is not None and head.kind == THING:
            kind = None  # "Post-workout refererer til den periode ...": the Thing stands
        if kind in SPECIFIC:
            return self.title_kind(kind, word)
        if title.morphology:
            reason = f'title word "{title.morphology}" has the form of a disorder'
            return self.refine(reason, strict=True)
        # a definition head the title did not overrule: a part-of head ("en del af
        # nervesystemet"), or a body-part head deferred above ("... refererer til muskler")
        if head is not None and head.specific() and (head.part_of(self.lex) or head.kind in _BODY):
            return head.kind, self.quoted(head)
        return self.state_of_body_part()

    def title_kind(self, kind: str, word: str) -> Choice:
        head = self.definition.head
        why = f'title head "{word}"' + (" (prefix)" if kind == self.title.prefix_kind else "")
        if head is not None and head.part_of(self.lex):
            why += f"; the definition only says {head.via} {head.word}"
        if kind in CONDITION_TYPES:
            return self.refine(why, strict=kind == CONDITION)
        if kind in _THERAPIES:
            typ, more = self.therapy(kind)
            return typ, why + (f"; {more}" if more else "")
        return kind, why

    def state_of_body_part(self) -> Choice | None:
        """ "Frossen skulder", "Flat feet": an adjective on a body part names a state of it,
        when the headings also treat it as a disorder."""
        title = self.title
        if title.kind not in _BODY or not title.modifiers:
            return None
        if any(self.lex.has("positional", m) for m in title.modifiers):
            return None
        shown = self.facets.condition()
        if len(shown) < cues.CONDITION_MIN_FACETS or not {"symptoms", "diagnosis"} & set(shown):
            return None
        reason = (
            f'title: "{self.title_text}" is a state ({title.modifiers[0]}) of a body '
            f"part; headings: {', '.join(shown)}"
        )
        return self.refine(reason, strict=True)

    # -- 3-5. generic, Thing and problem heads ---------------------------------------------

    def from_generic_head(self) -> Choice | None:
        head, lex = self.definition.head, self.lex
        if head is None or not (head.kind == THING or head.kind.startswith(GENERIC)):
            return None
        placed = domain_kind(head.sentence, lex, _FIELDS)  # "en proces inden for fysioterapi"
        if placed:
            return placed[0], f"{self.quoted(head)} {placed[1]}"
        if not head.kind.startswith(GENERIC):
            return None
        if lex.test_purpose.search(head.sentence.lower()):
            return TEST, f"{self.quoted(head)} (a method to assess or measure)"
        by_prefix = prefix_kind(head.word, lex)
        by_adjective = next(
            (lex.kind_adjectives[w] for w in head.np if w in lex.kind_adjectives), None
        )
        kind = by_prefix or by_adjective
        if kind is None:
            return None
        how = "prefix" if by_prefix else "adjective"
        if kind in _THERAPIES:
            typ, why = self.therapy(kind)
            return typ, f"{self.quoted(head)} ({how}; {why})"
        if kind in CONDITION_TYPES:
            return self.refine(self.quoted(head), strict=False)
        return kind, f"{self.quoted(head)} (generic head; its {how} says {kind})"

    def from_thing_head(self) -> Choice | None:
        head = self.definition.head
        if head is not None and head.kind == THING:
            return THING, self.quoted(head)
        return None

    def from_problem_head(self) -> Choice | None:
        """ "et almindeligt problem", "en reaktion": a disorder when the headings say so or an
        adjective says what kind ("mentale og følelsesmæssige problemer")."""
        head = self.definition.head
        if head is None or head.kind != PROBLEM:
            return None
        shown = self.facets.condition()
        if len(shown) >= 2:
            return self.refine(f"{self.quoted(head)}; headings: {', '.join(shown)}", strict=False)
        kinds = self.lex.kind_adjectives
        adjective = next((w for w in head.np if kinds.get(w) == CONDITION), None)
        if adjective:
            return self.refine(f"{self.quoted(head)}; adjective {adjective}", strict=False)
        return None

    # -- 6. the headings' profile ----------------------------------------------------------

    def from_headings(self) -> Choice | None:
        facets = self.facets
        if facets.get("anatomy") >= cues.ANATOMY_MIN_STRUCTURE_HEADINGS:
            return ANATOMY, f"headings: {facets.get('anatomy')} on structure (muscles, bones ...)"
        ranked = sorted(profile_scores(facets.counts).items(), key=lambda pair: -pair[1])
        (best, first), (_, second) = ranked[0], ranked[1]
        if first - second < cues.PROFILE_MIN_MARGIN:
            return None
        if best == CONDITION:
            shown = facets.condition()
            if len(shown) < cues.CONDITION_MIN_FACETS:
                return None
            weak = self.weak_title()
            return self.refine(
                f"headings: {', '.join(shown)}" + (f"; {weak}" if weak else ""), strict=False
            )
        if first < cues.PROFILE_MIN_SCORE:
            return None
        shown_facets = ", ".join(f for f in cues.PROFILES[best] if facets.get(f))
        if best in _THERAPIES:
            typ, why = self.therapy(best)
            return typ, f"headings: {shown_facets}" + (f"; {why}" if why else "")
        return best, f"headings: {shown_facets}"

    def weak_title(self) -> str:
        """ "title head "albue" (weak: ...)" for a title named after a body part, else ""."""
        title = self.title
        if title.kind not in _BODY or title.anatomy_word:
            return ""
        if title.exact and not title.modifiers and not title.has_pp:
            return ""
        how = "compound" if not title.exact else "modified"
        return f'title head "{title.head}" (weak: a {how} body-part name)'

    # -- 7. weak cues ----------------------------------------------------------------------

    def from_weak_cues(self) -> Choice | None:
        title, head = self.title, self.definition.head
        weak = self.weak_title()
        if weak and title.kind is not None:
            # "Vagusnerven" is a structure only if the headings speak of anatomy
            shown = [f for f in ("anatomy", "function", "injuries_of") if self.facets.get(f)]
            if shown:
                return title.kind, f"{weak}; headings: {', '.join(shown)}"
        if head is not None and head.kind.startswith(GENERIC) and head.kind != GENERIC:
            lean = head.kind[len(GENERIC) :]  # "metode", "teknik": a therapy on a physio page
            typ, why = self.therapy(lean) if lean in _THERAPIES else (lean, "")
            return (
                typ,
                f"{self.quoted(head)} (generic head, leaning {typ}{'; ' + why if why else ''})",
            )
        for word in reversed(title.words):  # "Træning stillesiddende arbejde"
            found = lookup(word, self.lex.language)
            kind = found.kind
            if (
                kind in SPECIFIC
                and found.exact
                and kind not in CONDITION_TYPES
                and kind not in _BODY
            ):
                return kind, f'title word "{word}" (weak)'
        if weak:
            return FALLBACK, f"no type evidence: {weak}, and no anatomy in the headings"
        return None
