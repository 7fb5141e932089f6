"""What an article's title and headings show about its subject's type.

When the opening sentence does not say what the subject is, the classifier
(:mod:`seo_export.read.classify`) asks the title ("Albue anatomi", "Ømme
fødder") and then the headings: each heading is scanned for *facets* (symptoms,
causes, treatment; structure and function; how to start, benefits; what to eat),
and each type has a *profile*, a weight per facet. A profile decides only with
enough support and a clear lead over the next, so a page with a heading on
treatment is not a disease for that alone. Facet patterns are regular expressions
on the lower-cased heading, Danish and English (Swedish and Norwegian stems that
differ are listed too); a facet counts once or twice per article, however many
headings show it.
"""

from __future__ import annotations

from collections.abc import Mapping

from seo_export.domain.entity_types import (
    ACTIVITY,
    ANATOMY,
    CONDITION,
    DIET,
    PHYSIO,
    SUBSTANCE,
    TEST,
    terms,
)

TITLE_CUTS: tuple[str, ...] = (" – ", " — ", " - ", ":", "?", "|", "(")
"""A title is cut at these: the rest is a teaser ("X – Hvad er X? Læs mere")."""

TITLE_ANATOMY_WORDS: tuple[str, ...] = terms(
    "anatomi, anatomy, fysiologi, physiology, opbygning, oppbygning, uppbyggnad"
)
"""Words that by themselves make a title an anatomy page's ("Albue anatomi")."""

CONDITION_FACETS: tuple[str, ...] = terms(
    "symptoms, causes, diagnosis, treatment, prevention, prognosis, risk"
)
"""The facets of a disorder's page."""

# fmt: off
HEADING_FACETS: Mapping[str, tuple[str, ...]] = {
    "symptoms": (r"\bsymptom", r"\bsymtom", r"\btegn på\b", r"\btegn\b", r"\bsigns?\b",
                 r"\bkendetegn", r"\bhvordan mærker\b", r"\bhvordan føles\b"),
    "causes": (r"\bårsag", r"\bforårsag", r"\bskyldes\b", r"\bopstår\b",
               r"\bhvorfor (?:får|gør|har|opstår|bliver)\b", r"\bhvad kan give\b",
               r"\bhvad giver\b", r"\bcauses?\b", r"\bcaused\b", r"\bwhy do\b", r"\borsak",
               r"\bårsak", r"\bhvorfor\b", r"\bhvem (?:får|rammes|er i risiko)\b",
               r"\bwho gets\b"),
    "diagnosis": (r"\bdiagnos", r"\bstilles diagnosen\b", r"\bundersøg", r"\bscann",
                  r"\bdiagnosed?\b", r"\bvurderes\b", r"\bidentificer"),
    "treatment": (r"\bbehandl", r"\bhvad hjælper\b", r"\bhjælper mod\b", r"\blindr",
                  r"\btreat", r"\brelie", r"\bmanage", r"\bhåndtere\b", r"\bgenoptræning\b",
                  r"\brehabilitering\b", r"\boperation\b"),
    "prevention": (r"\bforebyg", r"\bundgå\b", r"\bprevent", r"\bförebygg"),
    "prognosis": (r"\bprognose", r"\blangtidsudsigt", r"\bhvor lang tid\b", r"\bblive rask\b",
                  r"\bhelbredes\b", r"\bheler?\b", r"\bprognosis\b", r"\bhow long\b",
                  r"\bkronisk\b", r"\bforløb"),
    "risk": (r"\brisikofaktor", r"\brisk factors?\b", r"\bi risiko for\b", r"\bhvem rammes\b",
             r"\brøde flag\b", r"\bred flags?\b", r"\bfarlig", r"\balvorlig"),
    "anatomy": (r"\bopbygning\b", r"\banatomi", r"muskler\b", r"knogler\b", r"nerve",
                r"sener\b", r"tendoner\b", r"led\b", r"\bmuskulatur\b", r"\bstructure\b",
                r"\banatomy\b", r"\bmuscles\b", r"\bbones\b", r"\bnerves\b", r"\btendons\b",
                r"\bjoints\b", r"\bligaments\b"),
    "function": (r"\bhvor sidder\b", r"\bhvordan fungerer (?:den|det|de)\b",
                 r"\bfunktion(?:er)?\b", r"\bwhere is\b", r"\bfunctions?\b", r"\bbestår\b",
                 r"\bconsists?\b"),
    "how_to_do": (r"\bkomme i gang\b", r"\bkom godt i gang\b", r"\bstarte? med\b",
                  r"\bbegynde\b", r"\bbegynder\b", r"\budfører?\b", r"\budføres\b",
                  r"\btræningsrutine\b", r"\btræne\b", r"\bget started\b", r"\bbeginners?\b",
                  r"\bperform\b", r"\bdo it\b", r"\bhvor ofte (?:skal|bør) man træne\b",
                  r"\bnybegynder", r"\bintegrere", r"\bpræstation", r"\bperformance\b",
                  r"\bmotivation\b", r"\bfremskridt\b", r"\bprogress\b", r"\budstyr\b",
                  r"\bequipment\b"),
    "benefits": (r"\bfordel", r"\bsundhedsfordele\b", r"\bbenefits?\b", r"\bgavn\b",
                 r"\bdrage fordel\b", r"\beffekt", r"\bvirker\b"),
    "session": (r"\bhvordan foregår\b", r"\bsession\b", r"\bbivirkning", r"\brisici ved\b",
                r"\brisks? of\b", r"\bside effects?\b", r"\bhvad koster\b", r"\bkoster\b",
                r"\bhvor ofte bør man få\b", r"\bhvem kan (?:have gavn|drage fordel|deltage)\b",
                r"\btilbyder\b", r"\bwhat to expect\b", r"\bforvente\b", r"\bsikker\b"),
    "food": (r"\bfødevare", r"\bspise\b", r"\bspis\b", r"\bmåltid", r"\bkostplan\b",
             r"\bopskrift", r"\bdrikke", r"\bfoods?\b", r"\beat\b", r"\bmeals?\b",
             r"\brecipes?\b", r"\bmatvar", r"\bmat\b", r"\bkosttilskud\b"),
    "substance": (r"\bmangel\b", r"\brige på\b", r"\bdaglige? (?:mængde|dosis|behov)",
                  r"\banbefalede\b", r"\bniveau", r"\bdeficiency\b", r"\brich in\b",
                  r"\bdaily (?:amount|dose|intake)\b", r"\bproduktion", r"\bkilder\b"),
    "test": (r"\btesten\b", r"\bundersøgelsen\b", r"\bresultat", r"\bforberede",
             r"\bhvad viser\b", r"\bnormalværdi", r"\bthe test\b", r"\bresults?\b",
             r"\bprepare\b", r"\bwhat does it show\b"),
}
# fmt: on
"""Facet -> patterns of a heading that shows it. ``injuries_of`` is no pattern: a heading
shows it when it names the title's subject as the place of problems ("Knæskader",
"Skader på armen"; :attr:`seo_export.domain.entity_words.Words.injury_words`)."""

# fmt: off
PROFILES: Mapping[str, Mapping[str, float]] = {
    CONDITION: {"symptoms": 2.0, "causes": 1.0, "diagnosis": 1.5, "treatment": 1.0,
                "prevention": 0.5, "prognosis": 1.0, "risk": 1.0},
    ANATOMY: {"anatomy": 2.0, "function": 1.0, "injuries_of": 2.0},
    ACTIVITY: {"how_to_do": 1.5, "benefits": 1.0},
    PHYSIO: {"session": 1.5, "benefits": 0.5},
    DIET: {"food": 2.5},
    SUBSTANCE: {"substance": 1.5, "food": 0.5},
    TEST: {"test": 2.0, "diagnosis": 0.5},
}
# fmt: on
"""Type -> the weight of each facet its pages show (a facet counts at most twice)."""

PROFILE_MIN_SCORE = 4.0
"""A profile decides only with this much support ..."""
PROFILE_MIN_MARGIN = 1.5
"""... and this far ahead of the next one."""
CONDITION_MIN_FACETS = 3
"""A disorder from the headings alone needs this many distinct condition facets."""
ANATOMY_MIN_STRUCTURE_HEADINGS = 3
"""Headings on muscles, bones, nerves ... that make an anatomy page by themselves."""
