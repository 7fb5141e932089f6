"""A page's encoding as a browser determines it, and offsets between its text and its bytes.

The WHATWG HTML standard's order (https://html.spec.whatwg.org/#encoding-sniffing-algorithm):
a byte order mark; else the *prescan* of the first 1,024 bytes for a ``<meta charset>`` or
``<meta http-equiv="content-type" content="...; charset=...">``, which skips comments and
the attributes of other tags, and ignores labels the Encoding Standard does not know
(``base64``, ``utf-7``, ...); else no declaration. Labels are looked up in the Encoding
Standard's table (``webencodings``), so ``latin1`` is windows-1252, as in a browser.

A page is edited as bytes: the text is decoded only to find where to cut, and
:func:`byte_offset` turns a cut in the text into a cut in the bytes, so every byte
outside the block is kept as it was, in any encoding.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

PRESCAN_BYTES = 1024
"""How far the prescan looks, as in the standard."""

_SPACE = b"\t\n\x0c\r "
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16be"),
    (b"\xff\xfe", "utf-16le"),
)
_PYTHON_CODECS = {
    "utf-8": "utf-8",
    "utf-16be": "utf-16-be",
    "utf-16le": "utf-16-le",
}
"""WHATWG names whose Python codec is not ``webencodings``' (which adds no BOM handling)."""
_UNEDITABLE = frozenset({"utf-16be", "utf-16le", "replacement"})
"""Encodings whose pages are not edited: ASCII-incompatible, or (replacement) unreadable."""


@dataclass(frozen=True, slots=True)
class PageEncoding:
    """How a page's bytes are read."""

    name: str
    """The WHATWG name (``utf-8``, ``windows-1252``, ``iso-2022-jp``, ...)."""
    codec: str
    """The Python codec that decodes it."""
    declared: bool
    """Whether the page says so (a BOM or a meta charset); else the bytes were guessed at
    (UTF-8 when they are valid UTF-8, else windows-1252, the standard's fallback)."""
    bom: int = 0
    """Bytes of the byte order mark at the start (not part of the text)."""
    ignored: tuple[str, ...] = ()
    """Charset labels in the page that browsers ignore (unknown to the Encoding Standard)."""
    label: str = ""
    """The label the page declares it by, as written (``latin1``); empty without one."""

    @property
    def editable(self) -> bool:
        """Whether seo-export edits pages in this encoding (ASCII-compatible, readable)."""
        return self.name not in _UNEDITABLE

    @property
    def block_codec(self) -> str:
        """The codec the block is written in: the page's, or ASCII (characters as references)
        when the page does not declare one, so that it reads the same whatever a browser
        guesses."""
        return self.codec if self.declared else "ascii"


def sniff(data: bytes) -> PageEncoding:
    """The encoding a browser reads ``data`` in (see the module's docstring)."""
    for mark, name in _BOMS:
        if data.startswith(mark):
            return PageEncoding(name, _PYTHON_CODECS[name], True, len(mark))
    ignored: list[str] = []
    labels: list[str] = []
    declared = _prescan(data[:PRESCAN_BYTES], ignored, labels)
    if declared is not None:
        return PageEncoding(declared, _codec(declared), True, 0, tuple(ignored), labels[-1])
    try:
        data.decode("utf-8")
        guess = "utf-8"
    except UnicodeDecodeError:
        guess = "windows-1252"
    return PageEncoding(guess, _codec(guess), False, 0, tuple(ignored))


def decode(data: bytes, encoding: PageEncoding) -> str:
    """The page's text; bytes that do not decode become lone surrogates, so that
    ``encode`` gives them back unchanged. (A page in the replacement encoding is one U+FFFD
    to a browser.)"""
    if encoding.name == "replacement":
        return "\ufffd" if data else ""
    return data[encoding.bom :].decode(encoding.codec, "surrogateescape")


def unreadable(encoding: PageEncoding) -> str | None:
    """Why a browser cannot read the page's text, when it cannot: it declares only labels
    browsers do not know, or one they read as nothing (the replacement encoding:
    iso-2022-kr, hz-gb-2312, ...)."""
    if encoding.name == "replacement":
        return (
            f"declares charset {encoding.label!r}, which browsers read as nothing (the "
            "Encoding Standard's replacement encoding)"
        )
    if encoding.ignored and not encoding.declared:
        return f"declares charset {encoding.ignored[0]!r}, which browsers do not know"
    return None


def _codec(name: str) -> str:
    import webencodings

    if name in _PYTHON_CODECS:
        return _PYTHON_CODECS[name]
    if name == "replacement":
        return "replacement"  # no codec: see decode()
    found = webencodings.lookup(name)
    assert found is not None, name
    return str(found.codec_info.name)


class OffsetError(ValueError):
    """A cut in the text has no clean place in the bytes (a stateful encoding not in its
    initial state there)."""


def byte_offset(data: bytes, text: str, encoding: PageEncoding, offset: int) -> int:
    """Where ``text[offset]`` starts in ``data`` (``text`` being ``decode(data, encoding)``).

    UTF-8 and single-byte encodings are counted directly; other encodings (Shift_JIS,
    ISO-2022-JP, ...) are decoded byte by byte up to the offset, and a stateful one must be
    in its initial state there (else OffsetError: a block cut in there would change how the
    bytes after it read)."""
    body = len(data) - encoding.bom
    if encoding.codec == "utf-8":
        return encoding.bom + len(text[:offset].encode("utf-8", "surrogateescape"))
    if len(text) == body:  # one byte per character
        return encoding.bom + offset
    decoder = codecs.getincrementaldecoder(encoding.codec)("surrogateescape")
    initial = decoder.getstate()
    count = 0
    position = encoding.bom
    while count < offset:
        count += len(decoder.decode(data[position : position + 1]))
        position += 1
    if count != offset or decoder.getstate() != initial:
        raise OffsetError(
            f"the page's {encoding.name} bytes cannot be cut cleanly at character {offset}"
        )
    return position


def _prescan(data: bytes, ignored: list[str], labels: list[str]) -> str | None:
    """The standard's prescan: the WHATWG name of the first usable meta charset, or None."""
    position, end = 0, len(data)
    while position < end:
        if data.startswith(b"<!--", position):
            close = data.find(b"-->", position + 2)
            if close == -1:
                return None
            position = close + 3
        elif data[position : position + 5].lower() == b"<meta" and (
            position + 5 < end and data[position + 5 : position + 6] in (*_split(_SPACE), b"/")
        ):
            position, label = _meta(data, position + 5, ignored, labels)
            if position < 0:
                return None
            if label is not None:
                return label
        elif data.startswith(b"<", position) and (
            data[position + 1 : position + 2].isalpha()
            or (
                data[position + 1 : position + 2] == b"/"
                and data[position + 2 : position + 3].isalpha()
            )
        ):
            position += 2
            while position < end and data[position] not in b"\t\n\x0c\r >":
                position += 1
            while True:
                position, attribute = _attribute(data, position)
                if position < 0:
                    return None
                if attribute is None:
                    break
        elif data[position : position + 2] in (b"<!", b"</", b"<?"):
            close = data.find(b">", position + 2)
            if close == -1:
                return None
            position = close + 1
        else:
            following = data.find(b"<", position + 1)  # nothing else matters: skip to it
            position = end if following == -1 else following
    return None


def _split(chars: bytes) -> tuple[bytes, ...]:
    return tuple(chars[i : i + 1] for i in range(len(chars)))


def _meta(
    data: bytes, position: int, ignored: list[str], labels: list[str]
) -> tuple[int, str | None]:
    """The attributes of one ``<meta``: (position after them or -1, its charset or None)."""
    seen: set[bytes] = set()
    got_pragma = False
    need_pragma: bool | None = None
    charset: str | None = None
    while True:
        position, attribute = _attribute(data, position)
        if position < 0:
            return -1, None
        if attribute is None:
            break
        name, value = attribute
        if name in seen:
            continue
        seen.add(name)
        if name == b"http-equiv":
            got_pragma = got_pragma or value == b"content-type"
        elif name == b"content" and charset is None:
            label = _charset_in_content(value)
            if label is not None:
                charset = _encoding_named(label, ignored, labels)
                need_pragma = True
        elif name == b"charset":
            charset = _encoding_named(value, ignored, labels)
            need_pragma = False
    if need_pragma is None or (need_pragma and not got_pragma) or charset is None:
        return position, None
    if charset in ("utf-16be", "utf-16le"):
        charset = "utf-8"  # as the standard says: a page that could declare it is not UTF-16
    elif charset == "x-user-defined":
        charset = "windows-1252"
    return position, charset


def _encoding_named(label: bytes, ignored: list[str], labels: list[str]) -> str | None:
    import webencodings

    text = label.decode("ascii", "replace")
    found = webencodings.lookup(text)
    if found is None:
        ignored.append(text.strip())
        return None
    labels.append(text.strip())
    return str(found.name)


def _attribute(data: bytes, position: int) -> tuple[int, tuple[bytes, bytes] | None]:
    """The standard's "get an attribute": (position after it, (name, value)), None at ``>``
    or the end; position -1 when the bytes end inside it (the prescan stops)."""
    end = len(data)
    while position < end and data[position] in b"\t\n\x0c\r /":
        position += 1
    if position >= end:
        return -1, None
    if data[position] == 0x3E:  # >
        return position, None
    name = bytearray()
    while True:
        if position >= end:
            return -1, None
        byte = data[position]
        if byte == 0x3D and name:  # =
            position += 1
            break
        if byte in _SPACE:
            while position < end and data[position] in _SPACE:
                position += 1
            if position >= end:
                return -1, None
            if data[position] != 0x3D:
                return position, (bytes(name), b"")
            position += 1
            break
        if byte in b"/>":
            return position, (bytes(name), b"")
        name.append(byte + 0x20 if 0x41 <= byte <= 0x5A else byte)
        position += 1
    while position < end and data[position] in _SPACE:
        position += 1
    if position >= end:
        return -1, None
    value = bytearray()
    quote = data[position]
    if quote in b"\"'":
        close = data.find(bytes([quote]), position + 1)
        if close == -1:
            return -1, None
        return close + 1, (bytes(name), data[position + 1 : close].lower())
    if quote == 0x3E:
        return position, (bytes(name), b"")
    while position < end and data[position] not in b"\t\n\x0c\r >":
        value.append(data[position])
        position += 1
    if position >= end:
        return -1, None
    return position, (bytes(name), bytes(value).lower())


def _charset_in_content(value: bytes) -> bytes | None:
    """The standard's "extract a character encoding from a meta element" (on ``content``)."""
    position = 0
    while True:
        found = value.find(b"charset", position)
        if found == -1:
            return None
        position = found + 7
        while position < len(value) and value[position] in _SPACE:
            position += 1
        if value[position : position + 1] == b"=":
            break
    position += 1
    while position < len(value) and value[position] in _SPACE:
        position += 1
    if position >= len(value):
        return None
    quote = value[position]
    if quote in b"\"'":
        close = value.find(bytes([quote]), position + 1)
        return value[position + 1 : close] if close != -1 else None
    stop = position
    while stop < len(value) and value[stop] not in b"\t\n\x0c\r ;":
        stop += 1
    return value[position:stop]
