"""Literal substrings a pattern cannot match without: a cheap prefilter before the regex.

``needles(pattern)`` reads the pattern's syntax tree (the standard library's own
parser) and returns a set of lower-case strings, one of which every match holds,
or None when no such set is known (then the regex always runs). Most sentences hold
none of a rule's needles, and ``any(n in text for n in needles)`` costs a few
microseconds where the regex costs tens.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The standard library's own regular-expression parser (``re._parser`` since 3.11; the
# public ``sre_parse`` alias warns): the one parser that reads patterns as ``re`` does.
P: Any = importlib.import_module("re._parser")
C: Any = importlib.import_module("re._constants")

_MIN = 2


def needles(pattern: str) -> frozenset[str] | None:
    try:
        tree = P.parse(pattern)
    except Exception:  # pragma: no cover
        return None
    found = _seq(list(tree))
    return frozenset(found) if found else None


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if min(map(len, a)) >= min(map(len, b)) else b


def _seq(items: list[Any]) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []

    def flush() -> None:
        nonlocal best, run
        if len(run) >= _MIN:
            best = _better(best, {"".join(run).lower()})
        run = []

    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        flush()
        sub: set[str] | None = None
        if op is C.SUBPATTERN:
            sub = _seq(list(av[-1]))
        elif op is C.BRANCH:
            alts = [_seq(list(branch)) for branch in av[1]]
            if all(alts):
                sub = set().union(*alts)  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, _high, body = av
            if low >= 1:
                sub = _seq(list(body))
        best = _better(best, sub)
    flush()
    return best


def any_in(found: frozenset[str] | None, text_lower: str) -> bool:
    return found is None or any(n in text_lower for n in found)


_START_CHARS = 3
"""Characters of a match's start that :func:`starts` spells out: enough to make a pattern of
them selective, few enough to keep it short."""
_MOST_STARTS = 400
_MOST_CLASS = 12


def starts(pattern: str, length: int = _START_CHARS) -> frozenset[str] | None:
    """The strings (of up to ``length`` characters) one of which begins every match of
    ``pattern``, read from its syntax tree; None when a match may begin with anything.

    Where the tree is too loose to spell out (a wide character class, a repeat), a string
    stops short: a shorter start still holds for every match, it only lets more text by.
    """
    try:
        tree = P.parse(pattern)
    except Exception:  # pragma: no cover
        return None
    closed, still_open = _extend(list(tree), {""}, length)
    found = closed | still_open
    return None if "" in found else frozenset(found)


def _extend(items: list[Any], heads: set[str], length: int) -> tuple[set[str], set[str]]:
    """(starts that stop, starts that go on) after ``heads`` took ``items``."""
    closed: set[str] = set()
    for op, av in items:
        if not heads:
            break
        if op is C.AT or op in (C.ASSERT, C.ASSERT_NOT):
            continue  # zero width
        chars: list[str] | None = None
        if op is C.LITERAL:
            chars = [chr(av)]
        elif op is C.IN and all(o is C.LITERAL for o, _ in av) and len(av) <= _MOST_CLASS:
            chars = [chr(a) for _, a in av]
        if chars is not None:
            heads = {h + c for h in heads for c in chars}
        elif op is C.SUBPATTERN:
            done, heads = _extend(list(av[-1]), heads, length)
            closed |= done
        elif op is C.BRANCH:
            ends: set[str] = set()
            for branch in av[1]:
                done, went = _extend(list(branch), heads, length)
                closed |= done
                ends |= went
            heads = ends
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            done, went = _extend(list(av[2]), heads, length)
            closed |= done
            heads = heads | went  # the optional part taken or not
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            done, went = _extend(list(av[2]), heads, length)
            closed |= done | went  # once at least; what follows is not spelled out
            heads = set()
        else:
            closed |= heads  # anything may follow: stop here
            heads = set()
        full = {h for h in heads if len(h) >= length}
        closed |= {h[:length] for h in full}
        heads -= full
        if len(heads) + len(closed) > _MOST_STARTS:
            closed |= {h[:1] for h in heads} | {h[:1] for h in closed}
            heads = set()
    return closed, heads


def starts_pattern(found: frozenset[str] | None) -> re.Pattern[str] | None:
    """A pattern matching where one of ``found`` begins (grouped by first character, so
    ``re`` skips every other position with one test), or None when there is no filter."""
    if not found:
        return None
    by_first: dict[str, list[str]] = {}
    for start in sorted(found):
        by_first.setdefault(start[0], []).append(start[1:])
    shortest = {first: min(rests, key=len) for first, rests in by_first.items()}
    parts = []
    for first, rests in by_first.items():
        if shortest[first] == "":
            parts.append(re.escape(first))  # the one character is enough
            continue
        tails = "|".join(re.escape(rest) for rest in sorted(rests, key=len, reverse=True))
        parts.append(f"{re.escape(first)}(?:{tails})")
    return re.compile("|".join(parts))


def by_first_char(
    alternatives: list[tuple[str | None, str]], flags: int = 0
) -> tuple[str, dict[str, str]] | None:
    """``alternatives`` (label, pattern), tried in this order, as one branch per character a
    match can begin with: ``re`` then tries only the few that can match at a position, where a
    plain alternation tries them all. Each branch keeps the alternatives' order, so the first
    that matches is the one the plain alternation takes. Labelled alternatives are put in
    groups; returns the pattern and each group's label, or None when some alternative may
    begin with anything (or, ignoring case, two first characters are one letter).
    """
    found_firsts = [starts(pattern, 1) for _, pattern in alternatives]
    firsts = [found for found in found_firsts if found is not None]
    if len(firsts) < len(found_firsts):
        return None
    if flags & re.IGNORECASE:
        firsts = [frozenset(c.lower() for c in found) for found in firsts]
    chars = sorted({c for found in firsts for c in found})
    if flags & re.IGNORECASE and any(
        a != b and re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in chars for b in chars
    ):
        return None
    labels: dict[str, str] = {}
    branches = []
    for char in chars:
        runs: list[tuple[str | None, list[str]]] = []
        for (label, pattern), found in zip(alternatives, firsts, strict=True):
            if char not in found:
                continue
            if runs and runs[-1][0] == label:
                runs[-1][1].append(pattern)
            else:
                runs.append((label, [pattern]))
        parts = []
        for label, patterns in runs:
            body = "|".join(f"(?:{p})" for p in patterns)
            if label is None:
                parts.append(body)
            else:
                name = f"g{len(labels)}"
                labels[name] = label
                parts.append(f"(?P<{name}>{body})")
        branches.append(f"(?={re.escape(char)})(?:{'|'.join(parts)})")
    return "(?:" + "|".join(branches) + ")", labels
