"""Cutting text into the pieces the rules judge: sentences, an enumeration's span, its items.

An enumeration runs from its cue to the sentence's end or the first clause boundary
(", hvilket", " for at ", ", når", ...). It is split on commas (outside parentheses), then
on "og/eller/samt/and/or/as well as". A comma segment that starts with a relative pronoun
or a subordinating conjunction is a clause and is dropped whole. Danish suspended
compounds are expanded ("CT- og MR-scanning"); coordinated adjectives share their noun
("hævede og varme led"); an "at ..." (infinitive) enumeration is marked, since only
prevention takes actions as items.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from seo_export.read.prose.lexicon import Lexicon, plain_case, present

_ABBREVIATIONS = frozenset(
    {
        "f.eks",
        "fx",
        "bl.a",
        "evt",
        "ca",
        "pga",
        "osv",
        "dvs",
        "inkl",
        "e.g",
        "i.e",
        "t.ex",
        "vs",
        "dr",
        "mr",
        "nr",
        "ft",
        "st",
    }
)


def sentences(text: str, lex: Lexicon) -> list[str]:
    """``text`` cut at . ! ? before a capital, not after an abbreviation ("f.eks. Ibuprofen")."""
    if len(text) < 60:
        return [text]
    out, start = [], 0
    for m in lex.sentence_end.finditer(text):
        before = text[max(start, m.start() - 6) : m.start()].rsplit(" ", 1)[-1].lower()
        if before in _ABBREVIATIONS:
            continue
        piece = text[start : m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def has(lex: Lexicon, rule: str, low: str) -> bool:
    """Whether ``low`` holds one of ``rule``'s needles (or the rule has no prefilter)."""
    needles = lex.nd.get(rule)
    if needles is None:
        return True
    for needle in needles:  # noqa: SIM110 - present() inlined, without a generator (~100 calls per article)
        if needle in low:
            return True
    return False


_FIRST_WORD = re.compile(r"\s*([\w.]+)")
_LAST_WORD = re.compile(r"([\w.]+)\s*$")


def first_word(text: str) -> str:
    """The first word of ``text``, lower case ("" when none)."""
    m = _FIRST_WORD.match(text)
    return m.group(1).lower() if m else ""


def last_word(text: str) -> str:
    """The last word of ``text``, lower case ("" when none)."""
    parts = text.rsplit(None, 1)
    m = _LAST_WORD.search(parts[-1]) if parts else None  # on the last token: no rescans
    return m.group(1).lower() if m else ""


def span_end(text: str, start: int, patterns: Mapping[str, re.Pattern[str]]) -> int:
    """Where the enumeration starting at ``start`` ends: the first clause boundary, else the
    end. ``patterns`` are :attr:`Lexicon.lower` for the lower-cased text, else
    :attr:`Lexicon.cased`."""
    m = patterns["stop"].search(text, start)
    return m.start() if m else len(text)


def split_items(span: str, lex: Lexicon, cut_verbs: bool = True) -> list[tuple[str, bool]]:
    """``span`` into (item, in_an_infinitive_enumeration) pieces.

    A colon restarts the enumeration ("tage hånd om risikofaktorer: A, B"); a piece
    "X som Y" keeps Y, the specific ("hoftesygdomme som slidgigt"); a piece is cut
    before its first verb ("... og elevation være tilstrækkelige").
    """
    span = span.strip().rstrip(".!?;:")
    if ":" in span:
        span = span.rsplit(":", 1)[1]
    segments = _split_depth0(span, ",")
    pieces: list[str] = []
    words = lex.words
    relatives = words["relative"]
    subordinators = words["subordinators"]
    conj = words["conjunctions"]
    for index, raw_segment in enumerate(segments):
        segment = raw_segment.strip()
        if not segment:
            continue
        trailing = last_word(segment)
        if trailing in conj and " " in segment:  # "A, B and, in some cases, C"
            segment = segment[: -len(trailing)].rstrip()
        first = first_word(segment)
        if first in conj:
            segment = segment[len(first) :].strip()
            first = first_word(segment)
        if index > 0 and first in words["enum_like_words"]:
            after = first_word(segment[len(first) :])
            if (
                after
                and after not in words["enum_like_blockers"]
                and after not in words["finite_verbs"]
            ):
                segment = segment[len(first) :].strip()  # ", som varmeomslag eller varme bade,"
                first = first_word(segment)
        if index > 0 and (first in relatives or first in subordinators):
            continue  # a clause about the item before
        if (
            index > 0
            and first in words["finite_verbs"]
            and first not in words["keep_verbs"]
            and first not in words["distribute_verbs"]
        ):
            break  # the main clause starts: ", kan kirurgi overvejes"
        segment = _cut_subordinate(segment, lex)
        parts = _split_conj(segment, lex)
        if len(parts) > 1 and first_word(parts[0]) in words["distribute_verbs"]:
            verb = parts[0].split()[0]
            parts = [parts[0]] + [
                p
                if first_word(p) in words["keep_verbs"]
                or first_word(p) in words["distribute_verbs"]
                or first_word(p) in ("at", "to")
                else f"{verb} {p}"
                for p in parts[1:]
            ]  # "undgå overbelastning og skader": avoid both
        pieces.extend(parts)
    out = []
    infinitive = False
    for i, raw_piece in enumerate(pieces):
        piece = raw_piece.strip()
        if not piece:
            continue
        if i == 0 and (first_word(piece) in ("at", "to", "å", "att")):
            infinitive = True
        m = lex.enum_like.search(piece)
        if (
            m
            and first_word(piece[m.end() :]) not in words["enum_like_blockers"]
            and last_word(piece[: m.start()]) not in words["enum_like_after_blockers"]
        ):
            piece = piece[m.end() :].strip()
        low = " " + piece.lower() + " "
        for inner, spaced in lex.inner_cues:
            at = low.find(spaced)
            if at >= 0:  # "hoftesygdomme herunder slidgigt", "såsom håndværkere": the specific
                piece = piece[at + len(inner) :].strip()
                break
        if cut_verbs:
            whole = piece
            piece = _cut_at_verb(piece, lex)
            if piece != whole:
                if piece:
                    out.append((piece, infinitive))
                break  # the predicate starts: the enumeration is over
        if piece:
            out.append((piece, infinitive))
    return out


def _cut_subordinate(segment: str, lex: Lexicon) -> str:
    """A segment ends where a subordinate or purpose clause starts ("... for at styrke ...")."""
    low = segment.lower()
    if not present(lex.nd.get("sub_clause"), low):
        return segment
    # the lower-case pattern on the lowered segment where that finds the same: half the cost
    m = (
        lex.lower["sub_clause"].search(low)
        if plain_case(segment)
        else lex.sub_clause.search(segment)
    )
    return segment[: m.start()] if m else segment


def _cut_at_verb(piece: str, lex: Lexicon) -> str:
    tokens = piece.split()
    if tokens and tokens[0].lower() in ("at", "to", "å", "att"):
        return piece
    verbs, infinitives, cut = (
        lex.words["finite_verbs"],
        lex.words["infinitives"],
        lex.words["cut_words"],
    )
    for i, token in enumerate(tokens[1:], 1):
        t = token.lower().strip(",.;:()")
        if t in verbs or t in infinitives or t in cut:
            return " ".join(tokens[:i])
    return piece


def _split_depth0(text: str, sep: str) -> list[str]:
    """``text`` split at ``sep`` outside parentheses and brackets."""
    if "(" not in text and "[" not in text:
        return text.split(sep)
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _split_conj(segment: str, lex: Lexicon) -> list[str]:
    """``A og B`` -> [A, B], at parenthesis depth 0, with suspended compounds expanded."""
    cuts = []
    conj = (
        lex.lower["split_conj"].finditer(segment.lower())
        if plain_case(segment)
        else lex.split_conj.finditer(segment)
    )
    for m in conj:
        before = segment[: m.start()]
        if before.count("(") > before.count(")"):
            continue
        cuts.append(m)
    if not cuts:
        return [segment]
    parts, last = [], 0
    for m in cuts:
        parts.append(segment[last : m.start()])
        last = m.end()
    parts.append(segment[last:])
    out: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i].strip()
        nxt = parts[i + 1].strip() if i + 1 < len(parts) else None
        if nxt is not None and part.endswith("-") and part[:-1] and " " not in part.split()[-1]:
            # suspended compound: "CT- og MR-scanning", "nakke- og skulderområdet"
            head = _compound_head(nxt, lex)
            if head is not None:
                prefix, word = part.rsplit(" ", 1) if " " in part else ("", part)
                hyphen = "-" if nxt.split()[0].find("-") > 0 else ""
                out.append((prefix + " " if prefix else "") + word[:-1] + hyphen + head)
                out.append(
                    (prefix + " " if prefix else "") + nxt
                )  # "ømhed i nakke- og skulderområdet"
                i += 2
                continue
            out.append(part)  # no head known: the filter reports the fragment
            i += 1
            continue
        if nxt is not None and nxt.lower() in lex.words["body_parts"]:
            pw = part.split()
            if (
                len(pw) >= 3
                and pw[-2].lower() in lex.words["prepositions"]
                and pw[-1].lower() in lex.words["body_parts"]
            ):
                out.append(part)
                out.append(" ".join([*pw[:-1], nxt]))  # "ubehag i foden og anklen"
                i += 2
                continue
        if nxt is not None and _adjective_pair(part, nxt):
            noun = " ".join(nxt.split()[1:])
            out.append(part + " " + noun)  # "knirkende eller klikkende lyd": both sounds
            out.append(nxt)
            i += 2
            continue
        out.append(part)
        i += 1
    return out


def _compound_head(word_phrase: str, lex: Lexicon) -> str | None:
    first = word_phrase.split(maxsplit=1)[0]
    rest = word_phrase[len(first) :]
    if "-" in first[1:]:
        return first[first.index("-", 1) + 1 :] + rest
    low = first.lower()
    for head in sorted(lex.words["compound_heads"], key=len, reverse=True):
        if low.endswith(head) and len(low) > len(head) + 2:
            return first[len(first) - len(head) :] + rest
    return None


def _adjective_pair(left: str, right: str) -> bool:
    """ "hævede og varme led": a lone adjective (-e) joined to an adjective + noun."""
    lw, rw = left.split(), right.split()
    return (
        len(lw) == 1
        and len(rw) >= 2
        and lw[0].islower()
        and lw[0].endswith("e")
        and rw[0].islower()
        and rw[0].endswith("e")
        and len(lw[0]) > 3
        and not lw[0].endswith(("else", "ning", "ilse"))
    )
