"""Generate N articles shaped like the sample, deterministically from a seed.

Each article has the sample's front matter (title, lastUpdated, metaTitle,
datePublished as DD/MM/YYYY), an intro, 7 H2 sections (symptoms, causes,
diagnosis, treatment, physiotherapy, prevention, when to see a doctor) with
prose, some of it with cue-introduced enumerations, and an FAQ of 4 questions;
Danish letters and varied words; about 3.9 KB each.

    python benchmarks/corpus.py OUT_DIR N [--seed S]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

BODY_PARTS = (
    "nakke",
    "skulder",
    "albue",
    "håndled",
    "ryg",
    "lænd",
    "hofte",
    "knæ",
    "ankel",
    "fod",
    "bækken",
    "brystryg",
    "kæbe",
    "tommelfinger",
    "hæl",
    "lyske",
    "lår",
    "læg",
    "ribben",
    "hoved",
)
CONDITIONS = (
    "smerter",
    "nerveafklemning",
    "betændelse",
    "overbelastning",
    "stivhed",
    "slidgigt",
    "seneskade",
    "muskelspænding",
    "forstuvning",
    "instabilitet",
    "hævelse",
    "ømhed",
)
SYMPTOMS = (
    "smerte, der stråler ud i arme eller ben",
    "følelsesløshed",
    "prikken",
    "muskelsvaghed",
    "stivhed om morgenen",
    "hævelse",
    "nedsat bevægelighed",
    "brændende fornemmelse",
    "træthed i musklerne",
    "ømhed ved berøring",
    "knasen i leddet",
    "kramper",
)
CAUSES = (
    "skader",
    "overbelastning",
    "betændelse",
    "gentagne bevægelser",
    "dårlig arbejdsstilling",
    "anatomiske forhold som hernierede skiver",
    "alder",
    "overvægt",
    "stillesiddende livsstil",
    "pludselige vrid",
    "svage muskler",
    "arvelige forhold",
)
PREVENTION = (
    "at opretholde en sund vægt",
    "undgå gentagne bevægelser",
    "regelmæssig motion",
    "sikre korrekt ergonomi ved arbejde og daglige aktiviteter",
    "styrketræning",
    "gode sko",
    "pauser i arbejdet",
    "opvarmning før træning",
    "strækøvelser",
)
WORDS = (
    "behandling",
    "fysioterapeut",
    "undersøgelse",
    "træning",
    "øvelser",
    "bevægelse",
    "hverdag",
    "søvn",
    "arbejde",
    "sport",
    "belastning",
    "tilstand",
    "område",
    "muskler",
    "led",
    "sener",
    "nerver",
    "kroppen",
    "genoptræning",
    "rådgivning",
    "lægen",
    "forløb",
    "bedring",
    "symptomer",
    "årsagen",
    "påvirket",
    "forbedre",
    "lindre",
    "styrke",
    "smidighed",
    "funktion",
    "kvalitet",
)


def sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def enumeration(rng: random.Random, pool: tuple[str, ...], cue: str) -> str:
    items = rng.sample(pool, rng.randint(3, 5))
    joined = ", ".join(items[:-1]) + (", og " if rng.random() < 0.5 else " og ") + items[-1]
    return f"Almindelige tegn {cue} {joined}."


def article(index: int, seed: int) -> tuple[str, str]:
    """(file name, text) of article ``index``."""
    rng = random.Random(seed * 1_000_003 + index)
    part = BODY_PARTS[index % len(BODY_PARTS)]
    condition = CONDITIONS[(index // len(BODY_PARTS)) % len(CONDITIONS)]
    title = f"{condition.capitalize()} i {part} {index}"
    published = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2025)}"
    updated = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2025)}"
    name = f"{condition}-{part}-{index}".replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    sections = [
        (
            f"Hvad er symptomerne på {condition} i {part}?",
            paragraph(rng, 1)
            + " "
            + enumeration(rng, SYMPTOMS, "inkluderer")
            + " "
            + paragraph(rng, 1),
        ),
        (
            f"Hvad forårsager {condition} i {part}?",
            paragraph(rng, 1)
            + " "
            + enumeration(rng, CAUSES, "herunder")
            + " "
            + paragraph(rng, 1),
        ),
        (f"Hvordan diagnosticeres {condition}?", paragraph(rng, 3)),
        (f"Hvilke behandlingsmuligheder findes der for {condition}?", paragraph(rng, 3)),
        (f"Hvordan kan fysioterapi hjælpe med {condition} i {part}?", paragraph(rng, 3)),
        (
            f"Hvad kan man gøre for at forebygge {condition}?",
            paragraph(rng, 1)
            + " "
            + enumeration(rng, PREVENTION, "såsom")
            + " "
            + paragraph(rng, 1),
        ),
        (f"Hvornår skal man søge lægehjælp for {condition}?", paragraph(rng, 2)),
    ]
    faq = [
        (f"Hvad er forskellen mellem {condition} og andre skader i {part}?", paragraph(rng, 2)),
        (f"Kan {condition} i {part} helbredes helt?", paragraph(rng, 2)),
        (
            f"Er der nogen risikofaktorer for {condition}?",
            "Ja, " + enumeration(rng, CAUSES, "omfatter").lower(),
        ),
        (f"Hvordan kan jeg finde en fysioterapeut til {condition}?", paragraph(rng, 1)),
    ]
    lines = [
        "---",
        f"title: {title}",
        f"lastUpdated: {updated}",
        f"metaTitle: {title} – Hvad er {condition}? Læs mere",
        f"datePublished: {published}",
        "---",
        "",
        paragraph(rng, 2),
        "",
    ]
    for heading, text in sections:
        lines += [f"## {heading}", "", text, ""]
    lines += [f"## Ofte stillede spørgsmål om {condition}", ""]
    for question, answer in faq:
        lines += [f"### {question}", "", answer, ""]
    return f"{name}.md", "\n".join(lines)


def write_corpus(folder: Path, count: int, seed: int = 1) -> None:
    """Write ``count`` articles into ``folder`` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        name, text = article(index, seed)
        (folder / name).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_corpus(args.folder, args.count, args.seed)


if __name__ == "__main__":
    main()
