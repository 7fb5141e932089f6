"""Estimated rendered width of a title in a search result (Arial, 20 px).

Google cuts titles by pixel width, not by characters. The widths below are
Arial's advance widths in thousandths of an em (the same metrics as
Helvetica's); letters with diacritics take their base letter's width and
anything unknown counts as a wide letter, so the estimate errs long.
"""

from __future__ import annotations

import functools
import unicodedata

TITLE_FONT_PX = 20
TITLE_MAX_PX = 580
TITLE_MAX_CHARS = 60
DESCRIPTION_FONT_PX = 14
DESCRIPTION_MAX_PX = 920
_UNKNOWN = 667

# fmt: off
_WIDTHS: dict[str, int] = {
    ' ': 278, '!': 278, '"': 355, '#': 556, '$': 556, '%': 889, '&': 667, "'": 191,
    '(': 333, ')': 333, '*': 389, '+': 584, ',': 278, '-': 333, '.': 278, '/': 278,
    ':': 278, ';': 278, '<': 584, '=': 584, '>': 584, '?': 556, '@': 1015, '[': 278,
    '\\': 278, ']': 278, '^': 469, '_': 556, '`': 333, '{': 334, '|': 260, '}': 334,
    '~': 584, 'A': 667, 'B': 667, 'C': 722, 'D': 722, 'E': 667, 'F': 611, 'G': 778,
    'H': 722, 'I': 278, 'J': 500, 'K': 667, 'L': 556, 'M': 833, 'N': 722, 'O': 778,
    'P': 667, 'Q': 778, 'R': 722, 'S': 667, 'T': 611, 'U': 722, 'V': 667, 'W': 944,
    'X': 667, 'Y': 667, 'Z': 611, 'a': 556, 'b': 556, 'c': 500, 'd': 556, 'e': 556,
    'f': 278, 'g': 556, 'h': 556, 'i': 222, 'j': 222, 'k': 500, 'l': 222, 'm': 833,
    'n': 556, 'o': 556, 'p': 556, 'q': 556, 'r': 333, 's': 500, 't': 278, 'u': 556,
    'v': 500, 'w': 722, 'x': 500, 'y': 500, 'z': 500, 'æ': 889, 'ø': 611, 'Æ': 1000,
    'Ø': 778, 'ß': 611, '–': 556, '—': 1000, '…': 1000, '“': 333, '”': 333, '‘': 222,
    '’': 222, '«': 556, '»': 556, '·': 278, '•': 350, '€': 556, '£': 556,
}
# fmt: on
_WIDTHS.update(dict.fromkeys("0123456789", 556))


@functools.lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Advance width of one character in thousandths of an em."""
    width = _WIDTHS.get(char)
    if width is not None:
        return width
    base = unicodedata.normalize("NFD", char)[:1]
    if base != char and base in _WIDTHS:
        return _WIDTHS[base]
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Cf"):
        return 0
    return _UNKNOWN


def text_width_px(text: str, font_px: int = TITLE_FONT_PX) -> float:
    """Estimated width of ``text`` in pixels at ``font_px``."""
    return sum(char_width(char) for char in text) * font_px / 1000


def cut_to_width(text: str, max_px: float, font_px: int) -> str:
    """``text`` as a search result shows it: whole words up to ``max_px``, then an ellipsis."""
    if text_width_px(text, font_px) <= max_px:
        return text
    budget = max_px - text_width_px(" ...", font_px)
    kept: list[str] = []
    used = 0.0
    for word in text.split(" "):
        width = text_width_px(word + " ", font_px)
        if used + width > budget:
            break
        kept.append(word)
        used += width
    if not kept:  # one very long word: cut it by characters
        cut = ""
        for char in text:
            if text_width_px(cut + char, font_px) > budget:
                break
            cut += char
        return cut + " ..."
    return " ".join(kept).rstrip(" ,;:–-") + " ..."
