"""The words that show which type an article's subject has, per language.

The classifier (:mod:`seo_export.read.classify`) reads the head noun of an
article's defining noun phrase ("Albuen er et **led**", "Cycling is a popular
**sport**") and of its title, and looks it up here. The entries are nouns for
*kinds* of thing (sygdom, skade, knogle, sene, sport, træningsform, kostplan,
vitamin, test, proces, evne), not names of topics: a compound is read by its last
part ("skinnebensbetændelse" is a betændelse, "ketchersport" a sport), so a
glossary's own entries need not be listed. Besides them: heads that only lean
(metode, problem, tilstand), adjectives that make any head pathological or name a
kind, the statements that call a subject a symptom, and medical morphology (-itis,
-ose, -opati), which is Greek and Latin in every language here.

Keys are lower-case lemmas plus the irregular plurals Danish needs ("muskler",
"fødder"); regular endings are stripped before a look-up
(:attr:`seo_export.domain.entity_grammar.Grammar.endings`).

Why it is long: it is four languages' lexicons, and its lines are data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from seo_export.domain.entity_types import (
    ACTIVITY,
    ANATOMY,
    CONDITION,
    DEVICE,
    DIET,
    DRUG,
    PHYSIO,
    PLAN,
    SUBSTANCE,
    SUPPLEMENT,
    SYMPTOM,
    SYSTEM,
    TEST,
    THERAPY,
    THING,
    terms,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Words:
    """What one language's nouns and adjectives say about a subject's type."""

    language: str
    """ISO 639-1 code."""
    heads: Mapping[str, tuple[str, ...]]
    """Type -> head nouns that name a kind of it ("knogle", "sport"); a phrase of two
    words ("manuel terapi") is matched as a whole."""
    states: tuple[str, ...]
    """"State" heads ("tilstand", "condition"): a disorder unless healthy or definite."""
    problems: tuple[str, ...]
    """Weaker heads ("problem", "reaktion"): a disorder only when the headings agree."""
    generic: Mapping[str, tuple[str, ...]]
    """Heads that only lean (type, or "" for none): "metode", "teknik", "område"."""
    kind_adjectives: Mapping[str, tuple[str, ...]]
    """Type -> adjectives that name the kind of a generic head ("ernæringsmæssige
    strategier", "en neurologisk tilstand")."""
    kind_prefixes: Mapping[str, tuple[str, ...]]
    """Type -> first parts of compounds that give a generic head its kind
    ("træningsmetode", "koststrategi")."""
    healthy: tuple[str, ...]
    """Adjectives that make a state head a healthy state ("den optimale tilstand")."""
    abnormal: tuple[str, ...]
    """Adjectives that make any head pathological ("en unormal bevægelse")."""
    experience: tuple[str, ...]
    """Words of experience: a condition defined by what one feels is a symptom."""
    symptom_statements: tuple[str, ...]
    """Regular expressions for "is a symptom of" and "is not a diagnosis"."""
    symptom_adjectives: tuple[str, ...]
    """Adjectives that before a body part name a sign ("Ømme fødder", "Stiff neck")."""
    positional_adjectives: tuple[str, ...]
    """Adjectives before a body part that only say which one ("Øvre ryg", "Lower back")."""
    physio_context: tuple[str, ...]
    """Word stems in a therapy's intro that make it physiotherapy."""
    injury_words: tuple[str, ...]
    """Nouns for problems of a place: a heading "Knæskader" shows an anatomy page."""


# fmt: off
WORDS: tuple[Words, ...] = (
    Words(
        language="da",
        heads={
            CONDITION: terms(
                "sygdom, sygdomme, lidelse, skade, syndrom, betændelse, inflammation, "
                "infektion, forstyrrelse, dysfunktion, diagnose, brud, fraktur, ruptur, "
                "sprængning, forstrækning, forstuvning, cyste, gigt, degeneration, deformitet, "
                "misdannelse, rystelse, spasme, fejlstilling, irritation, overbelastning, "
                "blødning, blodprop, kræft, kræftform, cancer, svulst, tumor, læsion, "
                "afklemning, indeklemning, prolaps, stenose, hernie, brok, forkalkning, rift, "
                "flænge, handicap, funktionsnedsættelse, komplikation, infarkt, "
                "diagnosegruppe, sygdomsgruppe, helbredsproblem"),
            SYMPTOM: terms(
                "symptom, smerte, smerter, ondt, pine, krampe, kramper, svimmelhed, kvalme, "
                "træthed, udmattelse, stivhed, hævelse, ømhed, kløe, hoste, åndenød, feber, "
                "prikken, snurren, følelsesløshed, ubehag, plage, besvær, åndedrætsbesvær, "
                "tegn, advarselstegn, fornemmelse, sammentrækning, spænding, spændinger, "
                "rysten, hovedpine, jag, murren, følelse"),
            ANATOMY: terms(
                "knogle, knogler, muskel, muskler, muskulatur, muskelgruppe, led, ledstruktur, "
                "sene, sener, ledbånd, ligament, brusk, nerve, nerver, kranienerve, organ, "
                "organer, kirtel, blodkar, arterie, vene, hvirvel, ryghvirvel, diskus, "
                "struktur, strukturer, kropsdel, krop, kroppen, legeme, væv, bindevæv, fascie, "
                "hinde, slimhinde, hud, hjerne, rygmarv, bækken, skelet, skulder, albue, hånd, "
                "hænder, finger, fingre, fod, fødder, tå, tæer, knæ, hofte, ankel, arm, ben, "
                "lår, læg, ryg, nakke, hals, hoved, kranie, ansigt, mund, næse, øre, øje, "
                "øjne, bryst, mave, lyske, hæl, håndled, lænd, baglår, balle, ballen, kæbe, "
                "tunge, hjerte, lunge, lunger, nyre, blære, livmoder, bækkenbund, ledkapsel, "
                "menisk, bursa, leveren, skive, bruskskive, slimsæk, passage"),
            SYSTEM: terms("system, nervesystem, immunsystem, forsvarssystem, kredsløb, "
                          "bevægeapparat"),
            ACTIVITY: terms(
                "sport, sportsgren, idræt, idrætsgren, motion, motionsform, træning, "
                "træningsform, træningsmetode, træningstype, træningsprincip, aktivitet, "
                "øvelse, øvelser, fitness, dans, kampsport, holdsport, workout, løb, svømning, "
                "udspænding, opvarmning"),
            PLAN: terms("træningsprogram, træningsplan, øvelsesprogram"),
            PHYSIO: terms(
                "fysioterapi, fysioterapibehandling, genoptræning, rehabilitering, "
                "manuel terapi, massage, manipulation, mobilisering, udspændingsteknik, "
                "træningsterapi, fysioterapeutisk behandling"),
            THERAPY: terms(
                "behandling, behandlingsform, behandlingsmetode, behandlingsteknik, terapi, "
                "terapiform, intervention, operation, indgreb, kirurgi, medicinering, "
                "injektion, vaccination, akupunktur"),
            DIET: terms(
                "kost, kostplan, kostform, kostråd, kostvane, kostvaner, diæt, "
                "ernæringsstrategi, ernæringsplan, spisemønster, spisevaner, faste, madplan, "
                "kosttype, måltidsplan"),
            SUBSTANCE: terms(
                "stof, stoffer, hormon, hormoner, vitamin, mineral, neurotransmitter, "
                "signalstof, enzym, protein, aminosyre, næringsstof, sporstof, elektrolyt, "
                "fedtsyre, molekyle, kulhydrat, antioxidant, grundstof"),
            SUPPLEMENT: terms("kosttilskud, tilskud"),
            DRUG: terms("medicin, lægemiddel, præparat, smertestillende, gigtmiddel"),
            TEST: terms(
                "test, undersøgelse, scanning, skanning, måling, screening, blodprøve, prøve, "
                "røntgen, ultralyd, diagnostik, vurdering"),
            DEVICE: terms(
                "tape, indlæg, bandage, skinne, ortose, hjælpemiddel, udstyr, redskab, "
                "apparat, korset, strømpe, krykke"),
            THING: terms(
                "proces, processen, processer, evne, evnen, egenskab, kapacitet, sans, "
                "fænomen, periode, fase, begreb, emne, felt, fagområde, speciale, "
                "specialitet, profession, personer, mennesker, befolkningsgruppe, ulykke, "
                "uheld, hændelse, faktor, faktorer, længde, niveau, mængde, funktion, "
                "refleks, livsstil, vane, adfærd, holdning, stilling, videnskab, balance, "
                "udvikling, aldring, livsfase"),
        },
        states=terms("tilstand, tilstande, sundhedstilstand, helbredstilstand"),
        problems=terms("problem, problemer, sundhedsproblem, udfordring, udfordringer, "
                       "reaktion, reaktioner"),
        generic={
            PHYSIO: terms("metode, metoder, teknik, teknikker, tilgang, strategi, strategier, "
                          "plan, program, koncept, værktøj"),
            "": terms("område, områder, ting, noget, valg, aspekt, rolle, oplevelse, "
                      "disciplin, discipliner, element, elementer, princip, principper, "
                      "bevægelse, bevægelser, komponent"),
        },
        kind_adjectives={
            DIET: terms("ernæringsmæssig, ernæringsmæssige, kostmæssig, kostmæssige"),
            PHYSIO: terms("fysioterapeutisk, fysioterapeutiske, manuel, manuelle, terapeutisk, "
                          "terapeutiske"),
            ANATOMY: terms("anatomisk, anatomiske"),
            TEST: terms("diagnostisk, diagnostiske"),
            CONDITION: terms("medicinsk, neurologisk, neurologiske, degenerativ, degenerative, "
                             "psykisk, psykiske, kronisk, kroniske, mentale, psykologiske, "
                             "følelsesmæssige, helbredsmæssige"),
        },
        kind_prefixes={
            ACTIVITY: terms("trænings, motions, sports, idræts, øvelses, bevægelses"),
            PHYSIO: terms("behandlings, terapi, fysioterapi, genoptrænings, rehabiliterings"),
            DIET: terms("kost, ernærings, diæt, spise, mad"),
            TEST: terms("test, undersøgelses, diagnose, måle"),
        },
        healthy=terms("optimal, optimale, normal, normale, sund, sunde, naturlig, naturlige, "
                      "ideel, ideelle, balanceret, afbalanceret, god, gode, fysiologisk, "
                      "fysiologiske"),
        abnormal=terms("unormal, unormale, unormalt, abnorm, abnorme, nedsat, nedsatte, "
                       "medfødt, medfødte, arvelig, arvelige, degenerativ, degenerative, "
                       "svækket, svækkede, utilstrækkelig, utilstrækkelige, manglende, "
                       "forstyrret, forstyrrede, patologisk, patologiske, kronisk, kroniske, "
                       "smertefuld, smertefulde, betændt, betændte"),
        experience=terms("oplever, føler, mærker, fornemmelse, følelse, opleves, føles"),
        symptom_statements=(r"\bet symptom på\b", r"\bsymptom på en underliggende\b",
                            r"\bikke (?:en|én|et|nogen) (?:\w+ )?diagnose\b",
                            r"\bikke i sig selv en (?:sygdom|diagnose)\b",
                            r"\btegn på en underliggende\b"),
        symptom_adjectives=terms("øm, ømme, stiv, stive, hævet, hævede, følelsesløs, "
                                 "følelsesløse, kolde, trætte, tunge, sovende, kløende"),
        positional_adjectives=terms("øvre, nedre, venstre, højre, indre, ydre, forreste, "
                                    "bageste, dybe, dyb, store, lille, menneskelig, "
                                    "menneskelige, kvindelige, mandlige, hele"),
        physio_context=terms("fysioterap, manuel, øvelse, træning, bevægelse, massage, muskl, "
                             "genoptræn, strøm, vibration, varme, kulde"),
        injury_words=terms("skade, skader, skaderne, problem, problemer, smerter, gener, "
                           "besvær, plager"),
    ),
    Words(
        language="en",
        heads={
            CONDITION: terms(
                "disease, disorder, syndrome, injury, illness, infection, inflammation, "
                "lesion, tear, sprain, strain, fracture, rupture, deformity, dysfunction, "
                "impairment, ailment, cancer, tumour, tumor, cyst, arthritis, degeneration, "
                "malformation, haemorrhage, hemorrhage, stroke, diagnosis, complication, "
                "disability, entrapment, hernia, prolapse"),
            SYMPTOM: terms(
                "symptom, sign, pain, ache, headache, cramp, stiffness, dizziness, vertigo, "
                "nausea, fatigue, tiredness, swelling, soreness, tenderness, itch, itching, "
                "cough, breathlessness, fever, tingling, numbness, discomfort, sensation, "
                "feeling, complaint, tension, spasm, contraction, twitch"),
            ANATOMY: terms(
                "bone, muscle, joint, tendon, ligament, cartilage, nerve, organ, gland, "
                "vessel, artery, vein, vertebra, disc, disk, structure, body part, tissue, "
                "fascia, membrane, skin, brain, spinal cord, pelvis, skeleton, shoulder, "
                "elbow, hand, finger, foot, feet, toe, knee, hip, ankle, arm, leg, thigh, "
                "calf, back, neck, head, skull, face, mouth, nose, ear, eye, chest, abdomen, "
                "groin, heel, wrist, buttock, jaw, tongue, heart, lung, liver, kidney, "
                "bladder, uterus, meniscus, bursa, region of the body, passage, canal"),
            SYSTEM: terms("system, nervous system, immune system, circulation"),
            ACTIVITY: terms(
                "sport, exercise, activity, workout, training, fitness, dance, martial art, "
                "game, pastime, hobby, running, swimming, cycling, walking, stretching, "
                "warm-up, training method"),
            PLAN: terms("training programme, training program, exercise programme, "
                        "exercise program, training plan, exercise plan"),
            PHYSIO: terms(
                "physiotherapy, physical therapy, rehabilitation, manual therapy, massage, "
                "manipulation, mobilisation, mobilization, exercise therapy"),
            THERAPY: terms(
                "therapy, treatment, intervention, surgery, operation, procedure, injection, "
                "vaccination, acupuncture, medication"),
            DIET: terms(
                "diet, eating plan, meal plan, eating pattern, dietary pattern, "
                "dietary approach, nutrition strategy, nutritional strategy, fasting, "
                "way of eating, nutrition plan"),
            SUBSTANCE: terms(
                "substance, hormone, vitamin, mineral, neurotransmitter, enzyme, protein, "
                "amino acid, nutrient, trace element, electrolyte, fatty acid, molecule, "
                "compound, chemical, carbohydrate, antioxidant, element"),
            SUPPLEMENT: terms("supplement, dietary supplement, food supplement"),
            DRUG: terms("drug, medicine, painkiller, pharmaceutical"),
            TEST: terms(
                "test, examination, exam, scan, screening, measurement, assessment, imaging, "
                "x-ray, ultrasound, blood test, biopsy"),
            DEVICE: terms(
                "tape, insole, orthotic, orthosis, brace, splint, bandage, device, aid, "
                "equipment, tool, crutch, stocking"),
            THING: terms(
                "process, ability, capacity, capability, sense, phenomenon, period, phase, "
                "concept, topic, field, specialty, speciality, profession, people, persons, "
                "population, group of people, accident, event, factor, property, length, "
                "level, amount, function, reflex, lifestyle, habit, behaviour, behavior, "
                "posture, science, balance, development, ageing, aging, menopause, life stage"),
        },
        states=terms("condition, state"),
        problems=terms("problem, health problem, issue, challenge, reaction, response"),
        generic={
            PHYSIO: terms("method, technique, approach, strategy, plan, programme, program"),
            "": terms("area, thing, something, choice, aspect, role, experience, element, "
                      "elements, principle, principles, movement, movements"),
        },
        kind_adjectives={
            DIET: terms("dietary, nutritional"),
            PHYSIO: terms("physiotherapeutic, manual, therapeutic"),
            ANATOMY: terms("anatomical, anatomic"),
            TEST: terms("diagnostic"),
            CONDITION: terms("neurological, degenerative, chronic, medical, psychiatric, mental, "
                             "psychological, emotional"),
        },
        kind_prefixes={},
        healthy=terms("optimal, normal, healthy, natural, ideal, balanced, good, physiological"),
        abnormal=terms("abnormal, impaired, reduced, insufficient, inadequate, weakened, "
                       "congenital, hereditary, degenerative, disturbed, pathological, "
                       "chronic, painful, inflamed"),
        experience=terms("experiences, experience, feels, feeling, sensation, perceives, "
                         "perceived, felt"),
        symptom_statements=(r"\ba symptom of\b", r"\bnot (?:a|one) (?:\w+ )?diagnosis\b",
                            r"\bnot a disease in itself\b", r"\bsign of an underlying\b"),
        symptom_adjectives=terms("sore, stiff, swollen, numb, tender, cold, tired, heavy, "
                                 "aching, painful"),
        positional_adjectives=terms("upper, lower, left, right, inner, outer, deep, big, small, "
                                    "human, female, male, whole"),
        physio_context=terms("physiotherap, physical therap, manual, exercis, movement, "
                             "massage, muscle"),
        injury_words=terms("injury, injuries, problems, pain"),
    ),
    Words(
        language="sv",
        heads={
            CONDITION: terms(
                "sjukdom, sjukdomar, åkomma, skada, syndrom, inflammation, infektion, "
                "störning, dysfunktion, diagnos, fraktur, benbrott, ruptur, stukning, cysta, "
                "artros, ledgångsreumatism, cancer, tumör, prolaps, stenos"),
            SYMPTOM: terms(
                "symtom, smärta, smärtor, värk, ont, kramp, kramper, yrsel, illamående, "
                "trötthet, stelhet, svullnad, ömhet, klåda, hosta, andfåddhet, feber, "
                "domning, obehag, tecken, huvudvärk"),
            ANATOMY: terms(
                "ben, skelettben, muskel, muskler, muskulatur, led, sena, senor, ledband, "
                "brosk, nerv, organ, körtel, blodkärl, kota, struktur, kroppsdel, kropp, "
                "vävnad, bindväv, hud, hjärna, axel, armbåge, hand, händer, finger, fot, "
                "fötter, knä, höft, fotled, arm, lår, vad, rygg, nacke, huvud, ansikte, "
                "hjärta, lunga"),
            SYSTEM: terms("system, nervsystem, immunförsvar, immunsystem"),
            ACTIVITY: terms(
                "sport, idrott, motion, träning, träningsform, träningsmetod, aktivitet, "
                "övning, övningar, fitness, dans"),
            PLAN: terms("träningsprogram, träningsplan"),
            PHYSIO: terms("fysioterapi, sjukgymnastik, rehabilitering, manuell terapi, massage"),
            THERAPY: terms("behandling, behandlingsform, behandlingsmetod, terapi, terapiform, "
                           "operation, ingrepp, akupunktur"),
            DIET: terms("kost, diet, kosthåll, matplan, ätmönster, fasta"),
            SUBSTANCE: terms("ämne, hormon, vitamin, mineral, signalsubstans, enzym, protein, "
                             "aminosyra, näringsämne"),
            SUPPLEMENT: terms("kosttillskott, tillskott"),
            DRUG: terms("läkemedel, medicin, preparat"),
            TEST: terms("test, undersökning, skanning, mätning, screening, blodprov, prov, "
                        "röntgen, ultraljud"),
            DEVICE: terms("tejp, inlägg, skoinlägg, bandage, skena, ortos, hjälpmedel, "
                          "utrustning"),
            THING: terms(
                "process, förmåga, egenskap, kapacitet, sinne, fenomen, period, fas, begrepp, "
                "ämnesområde, område, specialitet, personer, människor, olycka, händelse, "
                "faktor, funktion, livsstil, vana, hållning"),
        },
        states=terms("tillstånd"),
        problems=terms("problem, hälsoproblem, besvär, reaktion"),
        generic={
            PHYSIO: terms("metod, metoder, teknik, tekniker, strategi, plan, program"),
            "": terms("område, sak, något, val"),
        },
        kind_adjectives={
            DIET: terms("näringsmässig, kostmässig"),
            PHYSIO: terms("fysioterapeutisk, manuell, terapeutisk"),
            ANATOMY: terms("anatomisk, anatomiska"),
            TEST: terms("diagnostisk, diagnostiska"),
        },
        kind_prefixes={
            ACTIVITY: terms("tränings, motions, idrotts"),
            PHYSIO: terms("behandlings, terapi"),
            DIET: terms("kost, närings, diet"),
            TEST: terms("test, undersöknings"),
        },
        healthy=terms("optimal, optimala, normal, normala, sund, sunda, naturlig, naturliga, "
                      "god, goda"),
        abnormal=terms("onormal, onormala, nedsatt, försvagad, otillräcklig, bristande, "
                       "patologisk, kronisk, smärtsam"),
        experience=terms("upplever, känner, känsla, förnimmelse, upplevs"),
        symptom_statements=(r"\bett symtom på\b", r"\binte en diagnos\b",
                            r"\binte i sig själv en sjukdom\b"),
        symptom_adjectives=terms("öm, ömma, stel, stela, svullen, svullna, domnade, kalla, "
                                 "trötta"),
        positional_adjectives=terms("övre, nedre, vänster, höger, inre, yttre, stora, lilla, "
                                    "mänskliga"),
        physio_context=terms("fysioterap, sjukgymnast, manuell, övning, träning, rörelse, "
                             "massage, musk"),
        injury_words=terms("skada, skador, problem, smärta, besvär"),
    ),
    Words(
        language="nb",
        heads={
            CONDITION: terms(
                "sykdom, sykdommer, lidelse, skade, syndrom, betennelse, inflammasjon, "
                "infeksjon, forstyrrelse, dysfunksjon, diagnose, brudd, fraktur, ruptur, "
                "forstuing, strekk, cyste, gikt, degenerasjon, deformitet, kreft, svulst, "
                "prolaps, stenose"),
            SYMPTOM: terms(
                "symptom, smerte, smerter, vondt, verk, krampe, kramper, svimmelhet, kvalme, "
                "tretthet, utmattelse, stivhet, hevelse, ømhet, kløe, hoste, tungpust, feber, "
                "nummenhet, ubehag, plage, tegn, hodepine"),
            ANATOMY: terms(
                "knokkel, bein, muskel, muskler, muskulatur, ledd, sene, leddbånd, brusk, "
                "nerve, organ, kjertel, blodkar, virvel, struktur, kroppsdel, kropp, vev, "
                "bindevev, hud, hjerne, skulder, albue, hånd, hender, finger, fot, føtter, "
                "kne, hofte, ankel, arm, lår, legg, rygg, nakke, hode, ansikt, hjerte, lunge"),
            SYSTEM: terms("system, nervesystem, immunsystem"),
            ACTIVITY: terms(
                "sport, idrett, mosjon, trening, treningsform, treningsmetode, aktivitet, "
                "øvelse, øvelser, fitness, dans"),
            PLAN: terms("treningsprogram, treningsplan"),
            PHYSIO: terms("fysioterapi, rehabilitering, opptrening, manuell terapi, massasje"),
            THERAPY: terms("behandling, behandlingsform, behandlingsmetode, terapi, terapiform, "
                           "operasjon, inngrep, akupunktur"),
            DIET: terms("kosthold, kost, diett, kostplan, spisemønster, faste"),
            SUBSTANCE: terms("stoff, hormon, vitamin, mineral, nevrotransmitter, signalstoff, "
                             "enzym, protein, aminosyre, næringsstoff"),
            SUPPLEMENT: terms("kosttilskudd, tilskudd"),
            DRUG: terms("medisin, legemiddel, preparat"),
            TEST: terms("test, undersøkelse, skanning, måling, screening, blodprøve, prøve, "
                        "røntgen, ultralyd"),
            DEVICE: terms("tape, innleggssåle, såle, bandasje, skinne, ortose, hjelpemiddel, "
                          "utstyr"),
            THING: terms(
                "prosess, evne, egenskap, kapasitet, sans, fenomen, periode, fase, begrep, "
                "emne, felt, fagområde, spesialitet, personer, mennesker, ulykke, hendelse, "
                "faktor, funksjon, livsstil, vane, holdning"),
        },
        states=terms("tilstand, tilstander, helsetilstand"),
        problems=terms("problem, problemer, helseproblem, utfordring, reaksjon"),
        generic={
            PHYSIO: terms("metode, metoder, teknikk, teknikker, tilnærming, strategi, plan, "
                          "program"),
            "": terms("område, ting, noe, valg"),
        },
        kind_adjectives={
            DIET: terms("ernæringsmessig, ernæringsmessige"),
            PHYSIO: terms("fysioterapeutisk, manuell, terapeutisk, terapeutiske"),
            ANATOMY: terms("anatomisk, anatomiske"),
            TEST: terms("diagnostisk, diagnostiske"),
        },
        kind_prefixes={
            ACTIVITY: terms("trenings, mosjons, idretts"),
            PHYSIO: terms("behandlings, terapi"),
            DIET: terms("kost, ernærings, diett"),
            TEST: terms("test, undersøkelses"),
        },
        healthy=terms("optimal, optimale, normal, normale, sunn, sunne, naturlig, naturlige, "
                      "god, gode"),
        abnormal=terms("unormal, unormale, nedsatt, svekket, utilstrekkelig, manglende, "
                       "patologisk, kronisk, smertefull"),
        experience=terms("opplever, føler, kjenner, følelse, fornemmelse, oppleves"),
        symptom_statements=(r"\bet symptom på\b", r"\bikke en diagnose\b",
                            r"\bikke i seg selv en sykdom\b"),
        symptom_adjectives=terms("øm, ømme, stiv, stive, hoven, hovne, nummen, kalde, trøtte"),
        positional_adjectives=terms("øvre, nedre, venstre, høyre, indre, ytre, menneskelige"),
        physio_context=terms("fysioterap, manuell, øvelse, trening, bevegelse, massasje, muskl"),
        injury_words=terms("skade, skader, problem, problemer, smerter, plager"),
    ),
)
# fmt: on
"""One lexicon per language of :data:`seo_export.domain.entity_grammar.GRAMMARS`."""

CONDITION_SUFFIXES: tuple[str, ...] = terms(
    "itis, opati, opathy, opathi, algi, algia, plegi, plegia, parese, paresis, dystrofi, "
    "dystrophy, ektasi, ectasia, malaci, malacia, emi, aemia, emia, atrofi, atrophy, sklerose, "
    "sclerosis, stenose, stenosis, syndrom, syndrome, artrose, arthrosis, fibrose, fibrosis, "
    "porose, porosis, kyfose, kyphosis, lordose, lordosis, skoliose, scoliosis"
)
"""Greek and Latin endings of disorders (a title word "Plantar fasciitis", "Artrose")."""

OSE_EXCEPTIONS: tuple[str, ...] = terms(
    "gnose, gnosis, kose, ktose, ulose, trose, cose, ctose, hypnose, hypnosis, narkose, "
    "symbiose, symbiosis, osmose, osmosis, mimose, dose, hose, rose, close, purpose, nose, pose, "
    "lose, those, whose, chose, glucose, lactose, fructose, sucrose, diagnos, prognos, prognose, "
    "os, ros, kaos"
)
"""Words ending in -ose/-os/-osis that name no disorder (sugars, diagnose, hypnose)."""

IT_ROOTS: tuple[str, ...] = terms(
    "art, burs, tendin, fasci, fasc, epikondyl, kol, gastr, bronk, hepat, neur, sinu, ot, cyst, "
    "myos, spondyl, ile, synov, kapsul, periost, tenosynov, tendovagin, konjunktiv, derm, "
    "apofys, apophys, osteomyel, mening, encefal, pankreat, nefr, prostat, vaskul, polymyalg, "
    "divertikul, appendic, peritendin"
)
"""Organ roots before the Scandinavian inflammation ending -it (bursit, artrit)."""

SUFFIX_EXCEPTIONS: tuple[str, ...] = terms(
    "transport, rapport, support, passport, export, import, protest, contest, latest, "
    "promotion, emotion, åben, loyal, forløb, kredsløb"
)
"""Words that end like a head noun without being a compound of it ("transport" is no
sport)."""


def words_of(language: str) -> Words:
    """The lexicon of ``language``; KeyError when there is none."""
    found = next((words for words in WORDS if words.language == language), None)
    if found is None:
        raise KeyError(language)
    return found
