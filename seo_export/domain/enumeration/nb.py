"""Norwegian (bokmål, also used for nynorsk): the words that differ from Danish; every other key
falls back to Danish."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# fmt: off
WORDS: Mapping[str, Sequence[str]] = {
    "stopwords": ["og", "er", "at", "det", "en", "til", "på", "med", "av", "for", "kan", "ikke", "som", "har", "de", "eller"],
    "heading_signOrSymptom": [r"symptom", r"\btegn\b", r"kjennetegn"],
    "heading_cause": [r"årsak", r"skyldes", r"hvorfor (får|oppstår)"],
    "heading_riskFactor": [r"risikofaktor", r"hvem (får|rammes)"],
    "heading_typicalTest": [r"diagnos", r"undersøk", r"\btest", r"utredning"],
    "heading_possibleTreatment": [r"behandl", r"fysioterap", r"terapi", r"øvelse", r"opptrening", r"rehabilit", r"lindr"],
    "heading_primaryPrevention": [r"forebygg", r"unngå"],
    "heading_none": [r"når (skal|bør) (jeg|man|du)", r"oppsøke", r"søke (hjelp|lege)", r"forskjell", r"prognose", r"hvor lang tid", r"kilder", r"referanser"],
    "cue_after_signOrSymptom": [
        r"symptomer(?:ne)?(?: [^,.;:]{0,60}?)? (?:inkluderer|omfatter|er|kan være)",
        r"(?:vanlige|typiske) (?:symptomer|tegn)(?: [^,.;:]{0,40}?)? (?:er|inkluderer)",
    ],
    "cue_after_cause": [
        r"årsak(?:er|ene|en)?(?: [^,.;:]{0,60}?)? (?:inkluderer|omfatter|er|kan være)",
        r"(?:kan )?skyldes", r"forårsake[st] av", r"på grunn av", r"som følge av",
    ],
    "cue_after_riskFactor": [r"risikofaktorer(?:ne)?(?: [^,.;:]{0,60}?)? (?:inkluderer|omfatter|er)"],
    "cue_after_typicalTest": [r"diagnosen(?: [^,.;:]{0,50}?)? (?:stilles|settes)(?: ofte| vanligvis)? (?:gjennom|ved|via|ut fra|med)", r"undersøkelser som"],
    "cue_after_possibleTreatment": [
        r"behandling(?:en)?(?: [^,.;:]{0,60}?)? (?:består av|omfatter|inkluderer|kan omfatte|kan være)",
        r"behandles (?:ofte |vanligvis )?(?:med|ved|gjennom)", r"metoder som",
    ],
    "cue_after_primaryPrevention": [r"forebygges (?:ved|gjennom|med)", r"forebygging(?:en)?(?: [^,.;:]{0,60}?)? (?:innebærer|handler om|omfatter)"],
    "cue_after_any": [r"inkluderer", r"omfatter", r"blant annet", r"bl\.a\.", r"slik som", r"f\.eks\.", r"for eksempel", r"består av", r"innebærer"],
    "cue_subject_possibleTreatment": [r"(?:kan|vil) (?:også )?(?:hjelpe|lindre|redusere|brukes|være (?:effektiv|nyttig|et alternativ))"],
    "cue_subject_primaryPrevention": [r"(?:kan )?(?:også )?(?:forebygge|redusere risikoen)"],
    "cue_subject_cause": [r"(?:kan )?(?:også )?(?:føre til|bidra til|forårsake|utløse)"],
    "cue_subject_riskFactor": [r"(?:kan )?(?:også )?øke[r]? risikoen"],
    "cue_experience": [r"(?:kan )?(?:også )?(?:oppleve|opplever|føle|føler|merke|merker|få|får) "],
    "experience_subjects": [r"(?:mange|noen|andre|de fleste|pasienter|personer|du|man|hvis du)"],
    "cue_consequence": [r"(?:kan )?(?:føre til|forårsake|gi)"],
    "anaphors": [r"det|dette|denne|den|tilstanden|sykdommen|skaden|problemet"],
    "stop_clause": [r",? noe som\b", r", men\b", r", så\b", r" – ", r"; "],
    "sub_clause": [r"\bhvor\b", r"\bfordi\b", r"\bmens\b", r"\bfor å\b", r"\bnår\b", r"\bhvis\b"],
    "relative": ["som", "der", "hvor"],
    "subordinators": ["når", "hvis", "fordi", "mens", "selv om", "så", "hvor", "hvordan", "at man", "at du"],
    "drop_openers": ["særlig", "spesielt", "for å", "både"],
    "strip_openers": ["i noen tilfeller", "i sjeldne tilfeller", "ofte", "typisk", "også", "eventuelt", "f.eks.", "for eksempel", "blant annet", "bl.a."],
    "connectives": ["dessuten", "i tillegg", "også", "til slutt", "i noen tilfeller"],
    "determiners": ["en", "ei", "et", "den", "det", "de", "disse", "denne", "dette", "noen", "mange", "andre", "annen", "annet", "din", "ditt", "dine", "sin", "sitt", "sine", "deres", "ulike", "forskjellige"],
    "prepositions": ["på", "i", "til", "av", "med", "fra", "ved", "om", "for", "etter", "under", "over", "mot", "gjennom", "hos", "uten", "rundt", "mellom"],
    "pronouns": ["du", "man", "jeg", "vi", "han", "hun", "deg", "dem", "seg", "meg", "oss", "den", "det", "de", "hva"],
    "pronouns_anywhere": ["du", "man", "jeg", "vi", "han", "hun", "deg", "dem", "meg", "oss", "hva"],
    "finite_verbs": ["er", "var", "har", "hadde", "kan", "kunne", "vil", "skal", "bør", "må", "får", "gjør", "blir", "ble", "gir", "går", "kommer", "tar", "ser", "viser", "finnes", "oppstår", "skyldes", "hjelper", "stråler", "starter", "påvirker", "forårsaker", "krever", "opplever", "føler", "merker", "reduserer", "øker", "lindrer", "betyr", "handler", "skjer", "fører"],
    "negations": ["ikke", "ingen", "intet", "aldri", "verken"],
    "generic": ["symptomer", "problemer", "faktorer", "tilstander", "årsaker", "komplikasjoner", "ting", "aktiviteter", "behandling", "behandlinger", "metoder", "øvelser", "sykdommer", "skader", "plager", "kroppen", "alder", "stress"],
    "generic_allowed_in": ["riskFactor:alder", "cause:stress", "riskFactor:stress"],
    "persons": ["fysioterapeut", "fysioterapeuten", "lege", "legen", "pasient", "pasienten", "pasienter", "personer", "mennesker", "kiropraktor", "manuellterapeut"],
    "distribute_verbs": ["unngå"],
    "light_verbs": ["opprettholde", "bevare", "holde", "sikre", "ha", "få", "ta", "bruke", "gjøre", "utføre", "søke", "velge"],
    "keep_verbs": ["unngå", "styrke", "forbedre", "redusere", "begrense", "variere", "trene"],
    "link_phrases": [r"\bles mer\b", r"\bse (også |min |vår )?artikkel", r"\bklikk her\b", r"https?:"],
    "hedge_spans": [r"utelukke", r"forveksle", r"differensial"],
    "lex_typicalTest": [r"undersøk", r"røntgen", r"ultralyd", r"\bmr\b", r"\bmri\b", r"\bct\b", r"\bemg\b", r"test", r"prøve", r"måling", r"analyse", r"palpasjon", r"biopsi"],
    "lex_signOrSymptom": [r"smert", r"ømhet", r"stivhet", r"hevelse", r"svakhet", r"nummenhet", r"prikking", r"ubehag", r"tretthet", r"svimmel", r"kvalme", r"feber", r"rødme", r"hodepine", r"krampe", r"nedsatt", r"vansker"],
    "lex_possibleTreatment": [r"behandling", r"terapi", r"fysioterapi", r"øvelse", r"trening", r"medisin", r"operasjon", r"kirurgi", r"injeksjon", r"massasje", r"hvile", r"\bis\b", r"varme", r"ortose", r"bandasje", r"skinne", r"tape", r"smertestillende", r"akupunktur", r"tøy", r"rådgivning", r"insulin", r"kompresjon", r"rehabilitering", r"yoga", r"innlegg", r"såler"],
    "compound_heads": ["området", "muskler", "musklene", "smerter", "skader", "øvelser", "trening", "leddet", "sener", "nerver"],
    "question_words": ["hva", "hvordan", "hvorfor", "når", "hvor", "hvem", "hvilke", "hvilken", "hvilket", "kan", "er", "skal", "bør", "må", "hjelper", "får", "gir", "finnes"],
    "faq_headings": [r"ofte stilte spørsmål", r"\bFAQ\b", r"spørsmål og svar"],
    "qa_question": [r"Q", r"Spørsmål", r"S"],
    "qa_answer": [r"A", r"Svar"],
    "etc": ["osv", "osv.", "m.m.", "etc", "etc."],
}
# fmt: on
