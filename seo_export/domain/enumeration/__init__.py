"""Word lists and patterns of prose extraction, per language, as data.

One module per language: ``da`` and ``en`` complete, ``sv`` and ``nb`` only what differs
from Danish (see :data:`FALLBACK`).

Nothing here names an article: every entry is ordinary vocabulary of the
language or of health writing in general. A site adds its own words through
the ``extraction_words`` setting: ``[extraction_words.da]`` with
``lex_possibleTreatment = ["kinesiotape"]`` adds to that built-in list of Danish (see
:func:`seo_export.read.prose.lexicon.lexicon_for`).

Regex fragments are matched case-insensitively against the plain text of one
sentence; the engine compiles them once per language and site (``read/prose/lexicon.py``).

Keys
----
heading_<property>    patterns that map an H2/H3 heading or a FAQ question to a property
heading_none          headings whose section feeds no property even when a word above
                      matches (when to seek help, differential, prognosis, finding a clinic)
cue_after_<property>  a phrase after which an enumeration of that property follows
                      ("symptomerne inkluderer", "skyldes", "diagnosen stilles gennem")
cue_after_any         a phrase after which an enumeration of the context's property follows
                      ("inkluderer", "såsom", "f.eks.", "består af")
cue_subject_<property>  a predicate after which the sentence's subject is the enumeration
                      ("X og Y kan også hjælpe", "X øger risikoen")
cue_experience        verbs whose object is a symptom ("oplever", "mærker"): only in a
                      symptom context or after "hvis du"
cue_consequence       "kan føre til", "resulterer i": the context's property, or a symptom
                      when the subject is the condition itself
enum_like             the enumerative "som"/"like" ("metoder som hvile, is og ro")
stop_clause           where an enumeration ends inside a sentence (", hvilket", " for at ")
conjunctions          words that join the last item ("og", "eller", "samt")
relative              relative pronouns: a segment starting with one is a clause, dropped
subordinators         a segment starting with one is a clause ("når", "hvis", "fordi")
drop_openers          an item starting with these is an adverbial, not an entity ("især")
strip_openers         hedges stripped from an item's start ("ofte", "typisk", "også")
determiners           stripped from an item's start ("en", "den", "nogle", "dine")
prepositions          an item may not start with one (it is a fragment of a phrase)
pronouns              an item holding one is a clause ("du", "man", "vi")
finite_verbs          finite verb forms: an item holding one is a clause
verb_suffixes         suffixes of finite/passive verbs ("es" in "forværres"), with
verb_suffix_exceptions  nouns that end alike ("diabetes")
negations             an item holding one is negated ("ikke", "ingen")
generic               items that are only a category word ("symptomer", "problemer")
persons               people, never an entity of these properties ("læge", "fysioterapeut")
light_verbs           verbs stripped from a prevention item ("opretholde en sund vægt")
keep_verbs            infinitives kept in a prevention item ("undgå", "styrke")
link_phrases          link and navigation text ("læs mere", "see my article")
hedge_spans           an enumeration after these is negated/differential ("udelukke")
lex_<property>        stems that say an item is of that kind (tests, symptoms, treatments),
                      used to gate items that no cue introduced and to move an item out
                      of a list it does not belong to
compound_heads        heads of Danish compounds, to expand "nakke- og skulderområdet"
question_words        a FAQ heading starting with one is a question
faq_headings          the FAQ's H2
qa_question / qa_answer   markers of "**Q:** ... **A:** ..." FAQs
stopwords             the commonest words: an article written in English on a site of another
                      language is read with the English lists (see ``read/prose/lexicon.py``)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from seo_export.domain.enumeration import da, en, nb, sv

PROPERTIES: tuple[str, ...] = (
    "signOrSymptom",
    "cause",
    "riskFactor",
    "typicalTest",
    "possibleTreatment",
    "primaryPrevention",
)
"""The properties of the property table that prose extraction reads."""

LANGUAGES: Mapping[str, Mapping[str, Sequence[str]]] = {
    "da": da.WORDS,
    "en": en.WORDS,
    "sv": sv.WORDS,
    "nb": nb.WORDS,
    "no": nb.WORDS,
    "nn": nb.WORDS,
}
"""Base words per language (the part of the site's ``language`` before "-")."""

FALLBACK: Mapping[str, str] = {
    "sv": "da",
    "nb": "da",
    "no": "da",
    "nn": "da",
    "da": "en",
    "en": "en",
}
"""Where a language's missing keys come from: Swedish and Norwegian from Danish, Danish
from English (for lists it leaves out), an unknown language from English."""

SETTINGS_KEYS: tuple[str, ...] = tuple(
    sorted({key for words in LANGUAGES.values() for key in words})
)
"""Every list a site may extend in ``extraction_words``."""
