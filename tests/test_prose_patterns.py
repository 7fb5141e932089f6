"""The faster forms of the prose rules' patterns find exactly what the plain forms find.

``needles.starts`` spells out how a pattern's matches begin; ``needles.by_first_char`` regroups an
alternation by first character; the lexicon's cue pattern is built that way. Each must leave
every match (position, end and property) as the plain alternation gives it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seo_export.config.settings import load_settings
from seo_export.domain.enumeration import LANGUAGES
from seo_export.read.prose.lexicon import _lower_pattern, lexicon_for, plain_case
from seo_export.read.prose.needles import by_first_char, starts

from conftest import REPO

FYSFINDER = REPO.parent / "shared" / "corpora" / "fysfinder-ordbog" / "articles"


def test_starts_spells_out_optional_parts_and_stops_at_a_loose_one() -> None:
    assert starts("(?:kan )?skyldes") == {"kan", "sky"}
    assert starts(r"\bfx\.?") == {"fx", "fx."}
    assert starts("(?:ab|c)[xy]z", 2) == {"ab", "cx", "cy"}
    assert starts("a[^,]{0,9}b") == {"a"}  # what follows "a" is not spelled out
    assert starts("[^,]+x") is None  # a match may begin with anything
    assert starts("(?:x)?") is None  # or be empty


def _plain_and_grouped(alternatives: list[tuple[str | None, str]]) -> tuple[re.Pattern[str], ...]:
    plain = "|".join(f"(?P<p{i}>{p})" for i, (_, p) in enumerate(alternatives))
    grouped = by_first_char(alternatives)
    assert grouped is not None
    return re.compile(rf"(?<!\w)(?:{plain})(?!\w)"), re.compile(rf"(?<!\w){grouped[0]}(?!\w)")


def test_grouping_by_first_character_keeps_the_first_alternative_that_matches() -> None:
    # "ab" comes first but fails before "c"; "abc" (another label) is then the match
    # and "ab c" (before "ab", which matches there too) takes the longer span
    alternatives: list[tuple[str | None, str]] = [
        ("x", "ab"),
        ("y", "abc"),
        ("y", "b c"),
        ("x", "(?:k )?b"),
        ("x", "b"),
    ]
    plain, grouped = _plain_and_grouped(alternatives)
    labels = by_first_char(alternatives)
    assert labels is not None
    for text in ("abc ab", "k b og b", "xab abc", "abcd ab", "b c", "k b c"):
        expected = [(m.span(), m.lastgroup) for m in plain.finditer(text)]
        got = [(m.span(), labels[1][m.lastgroup or ""]) for m in grouped.finditer(text)]
        assert got == [(span, alternatives[int((name or "p")[1:])][0]) for span, name in expected]
    assert [m.span() for m in grouped.finditer("abc ab")] == [(0, 3), (4, 6)]
    assert [m.span() for m in grouped.finditer("b c")] == [(0, 3)]


def test_an_alternative_that_may_begin_with_anything_is_not_grouped() -> None:
    assert by_first_char([(None, "ab"), (None, r"\w+b")]) is None


def _texts() -> list[str]:
    texts = [
        "Symptomerne inkluderer smerter, hævelse og stivhed. Det kan skyldes overbelastning.",
        "Behandlingen består af hvile, is og f.eks. øvelser; fx. massage. Risikoen øges ved alder.",
        "Symptoms include pain and swelling, caused by overuse such as running.",
    ]
    if FYSFINDER.is_dir():
        texts += [path.read_text("utf-8") for path in sorted(FYSFINDER.glob("*.md"))[:120]]
    return texts


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_cue_pattern_finds_what_the_plain_alternation_finds(language: str) -> None:
    lex = lexicon_for(load_settings(REPO / "seo-export.toml"), language)
    plain = re.compile(_lower_pattern(lex.cues.pattern))
    assert lex.cues_lower.pattern != plain.pattern  # the grouped form is the one in use
    found = 0
    for text in _texts():
        low = text.lower()
        expected = [(m.span(), m.lastgroup) for m in plain.finditer(low)]
        got = [(m.span(), lex.cue_labels[m.lastgroup or ""]) for m in lex.cues_lower.finditer(low)]
        assert got == expected
        found += len(got)
    assert found > 0


def test_fysfinder_corpus_is_read_when_present() -> None:
    if not FYSFINDER.is_dir():
        pytest.skip(f"the FysFinder corpus {FYSFINDER} is not here (it is not in the repository)")
    assert len(_texts()) > 100
    assert isinstance(FYSFINDER, Path)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_lower_case_patterns_find_what_the_case_ignoring_ones_find(language: str) -> None:
    lex = lexicon_for(load_settings(REPO / "seo-export.toml"), language)
    assert set(lex.lower) == set(lex.cased)
    found = 0
    for text in _texts():
        for line in text.splitlines():
            if not plain_case(line):
                continue
            low = line.lower()
            for rule, pattern in lex.cased.items():
                expected = [(m.span(), m.groupdict()) for m in pattern.finditer(line)]
                got = [
                    (
                        m.span(),
                        {k: v and line[m.start(k) : m.end(k)] for k, v in m.groupdict().items()},
                    )
                    for m in lex.lower[rule].finditer(low)
                ]
                assert got == expected, (rule, line)
                found += len(got)
    assert found > 0


def test_text_whose_lowering_a_pattern_tells_apart_is_read_as_it_is() -> None:
    assert plain_case("Smerter i knæet – især “om morgenen” (50 %), æ ø å é ü")
    assert not plain_case("ſkyldes")  # long s: "ignoring case" takes it for "s", lower() does not
    assert not plain_case("İnkluderer")  # lower() makes two characters of it
    assert not plain_case("ΟΔΥΝΗ ΣΑΣ")  # Greek final sigma
    assert not plain_case("5 µg")  # micro sign: "ignoring case" takes it for Greek mu
