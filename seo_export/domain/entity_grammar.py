"""How each language writes the sentence that defines an article's subject.

An article's opening sentence usually says what its subject is: "Albuen er et
led ...", "Cycling is a popular sport ...", "Yoga är en träningsform ...". The
classifier (:mod:`seo_export.read.classify`) reads the noun phrase after the
copula and takes its head noun; these rows are the grammar it needs for that,
one per language: the copulas, the determiners it skips, the words that end a
noun phrase, the "light" nouns whose complement is the real head ("en form for
motion", "a group of muscles"), and the words that show the copula is not the
main clause's. None of it names a topic: the nouns that say which type a head
is are :mod:`seo_export.domain.entity_words`.

Why it is long: it is a table of four languages' function words, and most of its
lines are data.
"""

from __future__ import annotations

from dataclasses import dataclass

from seo_export.domain.entity_types import terms


@dataclass(frozen=True, slots=True, kw_only=True)
class Grammar:
    """The function words of one language, as the definition reader uses them."""

    language: str
    """ISO 639-1 code (``da``, ``en``, ``sv``, ``nb``)."""
    function_words: tuple[str, ...]
    """Frequent words of the language: which language an article is in, by counting them."""
    marker_words: tuple[str, ...]
    """Frequent words only this language of its close neighbours has (a stronger vote)."""
    siblings: tuple[str, ...] = ()
    """Close languages whose words are tried when one is unknown in this one (Danish and
    Norwegian are told apart by little more than spelling)."""
    endings: tuple[str, ...]
    """Regular inflectional endings, longest first, stripped before a word is looked up."""
    copulas: tuple[str, ...]
    """Verbs that introduce a definition's noun phrase ("er", "refererer til", "is a")."""
    clause_words: tuple[str, ...]
    """Words that, right after a copula, start a clause instead ("betyder, at ...")."""
    negations: tuple[str, ...]
    """Negations after a copula: "er ikke en diagnose, men et symptom" is read after
    :attr:`contrast`."""
    contrast: str
    """The word after which a negated definition says what its subject is."""
    subordinators: tuple[str, ...]
    """Words that, before the copula, show it is in a subordinate clause ("Blødningen
    opstår, når der er ...")."""
    pronoun_subjects: tuple[str, ...]
    """Subjects that stand for the title in a later sentence ("Det er ...")."""
    appositive_markers: tuple[str, ...]
    """Words that open a parenthetical between commas (", også kendt som X,"), removed."""
    determiners: tuple[str, ...]
    """Determiners (and phrases such as "en af de") skipped at a noun phrase's start."""
    definite: tuple[str, ...]
    """Definite and possessive determiners: "den tilstand, hvor", "din tilstand" is a state
    in general, not a disorder."""
    adverbs: tuple[str, ...]
    """Adverbs skipped after a copula ("er typisk en ...")."""
    np_stops: tuple[str, ...]
    """Words that end a noun phrase: prepositions, relatives, participles."""
    conjunctions: tuple[str, ...]
    """Words that join conjuncts of a noun phrase, each with a head of its own."""
    light_nouns: tuple[str, ...]
    """Nouns whose complement is the real head ("form for motion", "gruppe af muskler")."""
    light_links: tuple[str, ...]
    """The prepositions between a light noun and its complement."""
    kind_nouns: tuple[str, ...]
    """Light nouns that say "a kind of": "en type hovedpine" names a kind of the symptom."""
    part_nouns: tuple[str, ...]
    """Light nouns that say "a part of": "en del af fysioterapi" is no kind of it."""
    pronoun_heads: tuple[str, ...]
    """Pronouns that end a noun phrase as its head ("noget, de fleste oplever")."""
    domain_links: tuple[str, ...]
    """Phrases that place a generic head in a field ("en teknik inden for fysioterapi")."""
    test_purpose: str
    """A regular expression: a method whose purpose is to assess or measure is a test."""
    title_stops: tuple[str, ...]
    """Words that end a title's first noun phrase ("Kost ved PMS", "Smerter i skulder")."""
    title_prefixes: tuple[str, ...]
    """Regular expressions for question openings removed from a title ("Hvad er ")."""
    locatives: tuple[str, ...]
    """Prepositions of place in a heading ("skader på armen")."""


# fmt: off
GRAMMARS: tuple[Grammar, ...] = (
    Grammar(
        language="da",
        function_words=terms("af, og, er, en, et, der, til, på, med, som, ikke, også, kan, "
                             "mellem, efter, hvilket, nogle, meget, hvordan, hvad"),
        marker_words=terms("af, mellem, nogle, meget, hvad, sygdom, efter"),
        siblings=("nb",),
        endings=terms("erne, ene, ens, ets, en, et, er, ne, e, n, t, s, r"),
        copulas=terms("er, var, kan være, refererer til, henviser til, betegner, betyder, "
                      "dækker over, beskriver, handler om, omfatter, kaldes, defineres som"),
        clause_words=terms("at, om, hvordan, hvis, når"),
        negations=terms("ikke, aldrig"),
        contrast="men",
        subordinators=terms("når, hvis, fordi, hvor, der, som, hvilket, at, mens"),
        pronoun_subjects=terms("det, den, dette, denne, de, disse, tilstanden, sygdommen, "
                               "lidelsen, skaden"),
        appositive_markers=terms("også, ofte, tit, eller, herunder, bedre kendt, populært, "
                                 "i daglig tale, på engelsk, på latin, på fagsprog"),
        determiners=terms("en, et, den, det, de, én, ét, en af de, et af de, én af de, "
                          "en af kroppens, et af kroppens, en af vores, et af vores, to, tre, "
                          "nogle, flere, mange, denne, dette, en slags, kroppens, vores, din, "
                          "dit, dine, deres, sin, sit, sine"),
        definite=terms("den, det, denne, dette, din, dit, dine, vores, deres, sin, sit, sine, "
                       "kroppens, dens"),
        adverbs=terms("ofte, typisk, også, især, primært, grundlæggende, egentlig, simpelthen, "
                      "faktisk, blot, bare, generelt, oftest, normalt, særlig"),
        np_stops=terms("der, som, hvor, hvilket, hvis, når, i, på, til, med, ved, fra, under, "
                       "over, efter, mellem, omkring, inden, hos, mod, gennem, uden, fordi, "
                       "blandt, karakteriseret, kendt, kaldet, designet, inspireret, udført, "
                       "forårsaget, præget, for, af, om, at, bag, langs, end, både, typisk, "
                       "ofte, især, hvormed, men"),
        conjunctions=terms("og, eller, samt"),
        light_nouns=terms("form, type, slags, art, del, gruppe, række, vifte, samling, "
                          "kombination, kategori, betegnelse, fællesbetegnelse, "
                          "samlebetegnelse, samlebegreb, paraplybetegnelse, term, udtryk, navn, "
                          "variant, version, undertype, klasse, familie, måde, eksempel, "
                          "komponent, bestanddel"),
        light_links=terms("for, af, på, til, i"),
        kind_nouns=terms("form, type, slags, art, variant, undertype"),
        part_nouns=terms("del, delen, komponent, komponenter, bestanddel, element"),
        pronoun_heads=terms("noget, det, dette"),
        domain_links=terms("inden for, indenfor"),
        test_purpose=r"\b(?:til at|for at|der bruges til at|som bruges til at) (?:vurdere|måle"
        r"|undersøge|teste|diagnosticere|kortlægge|analysere|påvise)\b",
        title_stops=terms("i, på, ved, for, til, under, efter, med, mod, hos, af, fra, og, "
                          "eller, vs, versus, samt, uden, gennem, som, hvor"),
        title_prefixes=(r"hvad er (?:en |et |de )?", r"alt om ", r"om ", r"guide til "),
        locatives=terms("på, i, med"),
    ),
    Grammar(
        language="en",
        function_words=terms("the, and, is, are, a, an, of, to, in, with, that, which, can, "
                             "also, between, after, some, very, how, what"),
        marker_words=terms("the, is, and, of, which"),
        endings=terms("ies, es, s, 's, ’s"),
        copulas=terms("is, are, was, can be, refers to, describes, denotes, means, "
                      "is defined as, is known as, covers, is the term for"),
        clause_words=terms("that, how, when, if, whether, to"),
        negations=terms("not, never, n't"),
        contrast="but",
        subordinators=terms("when, if, because, where, which, that, who, while"),
        pronoun_subjects=terms("it, this, they, these"),
        appositive_markers=terms("also, often, or, including, aka, better known, commonly, "
                                 "sometimes"),
        determiners=terms("a, an, the, one of the, one of the body's, one of our, one, two, "
                          "some, several, many, any, the body's, your, our, their, its"),
        definite=terms("the, your, our, their, the body's, its"),
        adverbs=terms("often, typically, also, especially, primarily, basically, essentially, "
                      "simply, actually, generally, usually, mainly"),
        np_stops=terms("that, which, who, whom, where, when, in, on, at, to, with, by, from, "
                       "under, over, after, between, around, within, against, through, "
                       "without, because, characterized, characterised, caused, known, called, "
                       "designed, but, for, of, as, than, both, typically, often, especially, "
                       "affecting, involving, used, among, across, throughout, like, such, "
                       "into, onto, during, via, about, along, behind, below, above, beyond, "
                       "inside, outside"),
        conjunctions=terms("and, or"),
        light_nouns=terms("form, type, kind, sort, part, group, range, set, collection, "
                          "combination, category, term, umbrella term, name, variant, version, "
                          "subtype, class, family, way, example, component, number, variety"),
        light_links=terms("of, for, within, in"),
        kind_nouns=terms("form, type, kind, sort, subtype, variety, variant"),
        part_nouns=terms("part, parts, component, components, element"),
        pronoun_heads=terms("something"),
        domain_links=terms("within, in the field of, used in"),
        test_purpose=r"\b(?:to|used to|for) (?:assess|measure|examine|test|diagnose|evaluate"
        r"|screen)\b",
        title_stops=terms("in, on, at, for, to, during, after, with, against, of, from, and, "
                          "or, vs, versus, without, through, as"),
        title_prefixes=(r"what (?:is|are) (?:a |an |the )?", r"all about ", r"guide to "),
        locatives=terms("to, of, with, in, on"),
    ),
    Grammar(
        language="sv",
        function_words=terms("av, och, är, en, ett, som, till, på, med, inte, också, kan, "
                             "mellan, efter, någon, mycket, hur, vad, det, att"),
        marker_words=terms("och, är, att, inte, någon, mycket, vad, sjukdom"),
        endings=terms("orna, arna, erna, na, en, et, or, ar, er, n, t, s, a"),
        copulas=terms("är, var, kan vara, syftar på, avser, betecknar, betyder, beskriver, "
                      "handlar om, kallas, definieras som"),
        clause_words=terms("att, om, hur, när"),
        negations=terms("inte, aldrig"),
        contrast="utan",
        subordinators=terms("när, om, eftersom, där, som, vilket, att, medan"),
        pronoun_subjects=terms("det, den, detta, denna, de, dessa"),
        appositive_markers=terms("även känd som, även kallad, ofta kallad, eller"),
        determiners=terms("en, ett, den, det, de, en av de, ett av de, två, några, flera, "
                          "många, kroppens, vår, våra"),
        definite=terms("den, det, denna, detta, kroppens, vår, våra, dess"),
        adverbs=terms("ofta, också, särskilt, vanligtvis, egentligen"),
        np_stops=terms("som, där, vilket, om, när, i, på, till, med, vid, från, under, över, "
                       "efter, mellan, runt, inom, hos, mot, genom, utan, men, för, av, att, "
                       "bakom, längs, än, både"),
        conjunctions=terms("och, eller, samt"),
        light_nouns=terms("form, typ, slags, sort, del, grupp, rad, samling, kombination, "
                          "kategori, beteckning, samlingsnamn, term, uttryck, namn, variant, "
                          "klass, familj, sätt, exempel, komponent"),
        light_links=terms("av, för, på, inom"),
        kind_nouns=terms("form, typ, slags, sort, variant"),
        part_nouns=terms("del, delen, komponent, element"),
        pronoun_heads=terms("något, det"),
        domain_links=terms("inom"),
        test_purpose=r"\b(?:för att|till att) (?:bedöma|mäta|undersöka|testa|diagnostisera)\b",
        title_stops=terms("i, på, vid, för, till, under, efter, med, mot, hos, av, från, och, "
                          "eller, vs, versus, utan, som"),
        title_prefixes=(r"vad är (?:en |ett )?", r"allt om ", r"om "),
        locatives=terms("på, i, med"),
    ),
    Grammar(
        language="nb",
        function_words=terms("av, og, er, en, ei, et, der, til, på, med, som, ikke, også, "
                             "kan, mellom, etter, noen, mye, hvordan, hva"),
        marker_words=terms("av, mellom, noen, mye, hva, ei, sykdom, ikkje"),
        siblings=("da",),
        endings=terms("ene, ens, ets, en, et, er, ne, a, e, n, t, s, r"),
        copulas=terms("er, var, kan være, refererer til, viser til, betegner, betyr, "
                      "dekker over, beskriver, handler om, kalles, defineres som"),
        clause_words=terms("at, om, hvordan, hvis, når"),
        negations=terms("ikke, ikkje, aldri"),
        contrast="men",
        subordinators=terms("når, hvis, fordi, hvor, der, som, hvilket, at, mens"),
        pronoun_subjects=terms("det, den, dette, denne, de, disse, tilstanden, sykdommen"),
        appositive_markers=terms("også kjent som, også kalt, ofte kalt, eller"),
        determiners=terms("en, ei, et, den, det, de, en av de, et av de, to, noen, flere, "
                          "mange, kroppens, vår, våre"),
        definite=terms("den, det, denne, dette, kroppens, vår, våre, dens"),
        adverbs=terms("ofte, typisk, også, særlig, vanligvis, egentlig"),
        np_stops=terms("der, som, hvor, hvilket, hvis, når, i, på, til, med, ved, fra, under, "
                       "over, etter, mellom, rundt, innen, hos, mot, gjennom, uten, men, for, "
                       "av, om, at, bak, langs, enn, både"),
        conjunctions=terms("og, eller, samt"),
        light_nouns=terms("form, type, slags, art, del, gruppe, rekke, samling, kombinasjon, "
                          "kategori, betegnelse, fellesbetegnelse, samlebetegnelse, term, "
                          "uttrykk, navn, variant, klasse, familie, måte, eksempel, komponent"),
        light_links=terms("for, av, på, innen"),
        kind_nouns=terms("form, type, slags, art, variant"),
        part_nouns=terms("del, delen, komponent, element"),
        pronoun_heads=terms("noe, det, dette"),
        domain_links=terms("innen, innenfor"),
        test_purpose=r"\b(?:til å|for å) (?:vurdere|måle|undersøke|teste|diagnostisere"
        r"|kartlegge)\b",
        title_stops=terms("i, på, ved, for, til, under, etter, med, mot, hos, av, fra, og, "
                          "eller, vs, versus, uten, som"),
        title_prefixes=(r"hva er (?:en |et |ei )?", r"alt om ", r"om "),
        locatives=terms("på, i, med"),
    ),
)
# fmt: on
"""One row per language the definition reader knows."""

LANGUAGES: tuple[str, ...] = tuple(grammar.language for grammar in GRAMMARS)
"""The languages, Danish first (it wins a tie: the sample site is Danish)."""


def grammar_of(language: str) -> Grammar:
    """The row of ``language``; KeyError when there is none."""
    return next(grammar for grammar in GRAMMARS if grammar.language == language)
