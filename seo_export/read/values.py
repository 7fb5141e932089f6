"""Front-matter values with a structure of their own: the canonical URL, the image, the
keywords, redirects, translations, and the main entity's other names and codes.

Each reader takes the :class:`~seo_export.read.fields.FrontMatter` and records a
finding for a value it cannot use; an unsafe URL is left out, never published.
"""

from __future__ import annotations

import html
import re
from typing import Any

from seo_export.config.settings import Settings
from seo_export.findings.codes import finding
from seo_export.model import ImageRef, MedicalCodeRef
from seo_export.read.blocks import clean_text
from seo_export.read.fields import CODE_SHORTHANDS, FrontMatter
from seo_export.read.urls import UnsafeUrlError, resolve_url

_HREFLANG = re.compile(r"^(x-default|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$")


def canonical_url(front: FrontMatter, settings: Settings) -> str | None:
    """The front matter's canonical URL, which must stay on the site."""
    key = front.key_for("canonical")
    value = front.text("canonical")
    if key is None or value is None:
        return None
    try:
        return resolve_url(value, settings.base_url, same_host=True)
    except UnsafeUrlError as problem:
        front.findings.append(
            finding(
                "canonical-invalid",
                f"{key}: {value!r} {problem}",
                front.display,
                front.line(key),
                key=key,
            )
        )
        return None


_IMAGE_URL_KEYS = ("url", "src", "image", "path")
"""Where an image object keeps its URL: url (ours, Next.js's ogImage), src, image (Hugo
themes' cover), path."""


def image_ref(front: FrontMatter, settings: Settings) -> ImageRef | None:
    """The first image of ``image``, ``images``, ``heroImage``, ``cover``, ...: a URL, an
    object ``{url, width, height, alt}`` (or src/image/path for the URL), or a list of
    them; an unsafe URL is dropped, with a finding."""
    key = front.key_for("image")
    value = front.data[key] if key is not None else None
    if isinstance(value, list):
        value = value[0] if value else None
    if value in (None, ""):
        return (
            ImageRef(settings.absolute(settings.default_image)) if settings.default_image else None
        )
    assert key is not None
    fields = value if isinstance(value, dict) else {"url": value}
    url = next((fields[name] for name in _IMAGE_URL_KEYS if name in fields), None)
    width, height = fields.get("width"), fields.get("height")
    alt = fields.get("alt", fields.get("caption"))
    if not isinstance(url, str) or not url.strip():
        front.problem("field-type", key, f"{key}: expected a URL or {{url, width, height, alt}}")
        return None
    try:
        absolute = resolve_url(url, settings.base_url, same_host=False)
    except UnsafeUrlError as problem:
        front.problem("url-invalid", key, f"{key}: {url!r} {problem}; the image is left out")
        return None
    return ImageRef(
        url=absolute,
        width=width if isinstance(width, int) and width > 0 else None,
        height=height if isinstance(height, int) and height > 0 else None,
        alt=clean_text(html.unescape(alt)) or None if isinstance(alt, str) else None,
    )


def keywords(front: FrontMatter) -> tuple[str, ...]:
    """``keywords``, ``tags``, ``categories`` and ``category`` joined, each once (in any
    case), in that order; each a name, a list of names or (Jekyll) space-separated words."""
    found: dict[str, str] = {}
    for _, key in front.present("keywords"):
        for name in _names(front, key, split_words=True):
            found.setdefault(name.casefold(), name)
    return tuple(found.values())


def redirects(front: FrontMatter, settings: Settings) -> tuple[str, ...]:
    """Hugo's ``aliases`` and Jekyll's ``redirect_from``: the old URLs, absolute. A path
    without a leading ``/`` is Hugo's relative alias, which is left out (its section is
    the tool's to resolve)."""
    urls: list[str] = []
    for _, key in front.present("redirects"):
        for path in _names(front, key):
            if not path.startswith(("/", "http://", "https://")):
                continue
            try:
                urls.append(resolve_url(path, settings.base_url, same_host=True))
            except UnsafeUrlError as problem:
                front.problem("url-invalid", key, f"{key}: {path!r} {problem}; left out")
    return tuple(dict.fromkeys(urls))


def _names(front: FrontMatter, key: str, *, split_words: bool = False) -> list[str]:
    """The texts of ``key``: one, or a list of them; Jekyll writes ``tags: a b`` for two."""
    value = front.data[key]
    if value is None:
        return []
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value)
        values: list[Any] = text.split() if split_words and "," not in text else text.split(",")
    elif isinstance(value, list) and all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value
    ):
        values = value
    else:
        front.problem("field-type", key, f"{key}: expected a name or a list of names")
        return []
    return [name for name in (clean_text(html.unescape(str(v))) for v in values) if name]


def alternates(front: FrontMatter, settings: Settings, own_url: str) -> tuple[tuple[str, str], ...]:
    """hreflang pairs: this page, each translation, and x-default (this page unless given)."""
    key = front.key_for("translations")
    if key is None or not front.data[key]:
        return ()
    given = front.data[key]
    if not isinstance(given, dict):
        front.findings.append(
            finding(
                "field-type",
                f"{key}: expected language: URL pairs",
                front.display,
                front.line(key),
                key=key,
            )
        )
        return ()
    pairs: dict[str, str] = {settings.language: own_url}
    for language, url in given.items():
        if not isinstance(language, str) or not _HREFLANG.match(language):
            front.findings.append(
                finding(
                    "hreflang-invalid",
                    f"{key}: {language!r} is not a language tag",
                    front.display,
                    front.line(key),
                    key=key,
                )
            )
            continue
        try:
            pairs[language] = resolve_url(str(url), settings.base_url, same_host=False)
        except UnsafeUrlError as problem:
            front.findings.append(
                finding(
                    "hreflang-invalid",
                    f"{key}.{language}: {url!r} {problem}",
                    front.display,
                    front.line(key),
                    key=key,
                )
            )
    default = pairs.pop("x-default", own_url)
    ordered = sorted(pairs.items(), key=lambda pair: pair[0].lower())
    return (*ordered, ("x-default", default))


def alternate_names(front: FrontMatter) -> tuple[str, ...]:
    """``alternateName``: one name or a list of names."""
    key = front.key_for("alternate_name")
    if key is None or front.data[key] is None:
        return ()
    value = front.data[key]
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        front.problem("field-type", key, f"{key}: expected a name or a list of names")
        return ()
    names = (clean_text(html.unescape(v)) for v in values)
    return tuple(dict.fromkeys(name for name in names if name))


def condition_codes(front: FrontMatter) -> tuple[MedicalCodeRef, ...]:
    """``code: {codeValue, codingSystem}`` (or a list of them), and ``icd10: G56.0`` shorthands."""
    codes: list[MedicalCodeRef] = []
    key = front.key_for("code")
    if key is not None and front.data[key] is not None:
        value = front.data[key]
        entries = value if isinstance(value, list) else [value]
        for entry in entries:
            if not isinstance(entry, dict):
                front.problem("field-type", key, f"{key}: expected {{codeValue, codingSystem}}")
                continue
            code = entry.get("codeValue", entry.get("value"))
            system = entry.get("codingSystem", entry.get("system"))
            if (
                not isinstance(code, (str, int))
                or not isinstance(system, str)
                or not clean_text(str(code))
                or not clean_text(system)
            ):
                front.problem("field-type", key, f"{key}: needs codeValue and codingSystem")
                continue
            codes.append(MedicalCodeRef(clean_text(str(code)), clean_text(system)))
    for shorthand, system in CODE_SHORTHANDS.items():
        written = front.key_for(shorthand)
        value = front.data[written] if written is not None else None
        if isinstance(value, (str, int)) and not isinstance(value, bool) and clean_text(str(value)):
            codes.append(MedicalCodeRef(clean_text(str(value)), system))
        elif written is not None and value is not None:
            front.problem("field-type", written, f"{written}: expected a code such as G56.0")
    return tuple(codes)
