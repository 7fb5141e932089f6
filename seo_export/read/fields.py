"""Typed reading of front-matter values, recording a finding for each bad one.

Keys are read under the names the sample writes (title, metaTitle,
datePublished, lastUpdated) and the usual aliases. URLs go through
:mod:`seo_export.read.urls`, dates through :mod:`seo_export.domain.dates`.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from seo_export.config.settings import Settings
from seo_export.domain.dates import (
    DATE_FIELDS,
    EARLIEST_PLAUSIBLE,
    InvalidDateError,
    day_of,
    is_ambiguous,
    parse_date,
)
from seo_export.findings.codes import finding
from seo_export.model import Finding, ImageRef, MedicalCodeRef, PageDate, Reviewer
from seo_export.read.blocks import clean_text
from seo_export.read.urls import UnsafeUrlError, resolve_url

# Canonical field -> accepted front-matter keys, first one preferred.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "meta_title": ("metaTitle", "meta_title", "seoTitle"),
    "description": ("description", "metaDescription", "meta_description"),
    "date_published": DATE_FIELDS["date_published"],
    "date_updated": DATE_FIELDS["date_updated"],
    "slug": ("slug",),
    "draft": ("draft",),
    "noindex": ("noindex",),
    "image": ("image",),
    "last_reviewed": DATE_FIELDS["last_reviewed"],
    "reviewed_by": ("reviewedBy", "reviewed_by"),
    "canonical": ("canonical", "canonicalUrl", "url"),
    "alternate_name": ("alternateName", "alternate_name", "aliases"),
    "code": ("code", "codes"),
    "translations": ("translations", "hreflang"),
}

_HREFLANG = re.compile(r"^(x-default|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$")

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0", ""}


@dataclass(slots=True)
class FrontMatter:
    """Typed access to front-matter values that records findings as it reads."""

    data: Mapping[str, Any]
    key_lines: Mapping[str, int]
    display: str
    findings: list[Finding]
    base_url: str = ""

    def problem(self, code: str, key: str, message: str) -> None:
        """Record a finding about ``key`` at its line."""
        self.findings.append(finding(code, message, self.display, self.line(key), key=key))

    def key_for(self, field: str) -> str | None:
        keys = [key for key in ALIASES[field] if key in self.data]
        if len(keys) > 1:
            self.findings.append(
                finding(
                    "field-type",
                    f"{' and '.join(keys)} say the same thing; {keys[0]} is used",
                    self.display,
                    self.line(keys[1]),
                    key=keys[1],
                )
            )
        return keys[0] if keys else None

    def line(self, key: str) -> int | None:
        return self.key_lines.get(key)

    def text(self, field: str) -> str | None:
        key = self.key_for(field)
        if key is None:
            return None
        value = self.data[key]
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            # Authors paste "&amp;" and "&#8211;" from HTML; the model holds the
            # characters, and every output escapes them exactly once.
            return clean_text(html.unescape(str(value))) or None
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        self._wrong_type(key, "text")
        return None

    def flag(self, field: str) -> bool:
        key = self.key_for(field)
        if key is None:
            return False
        value = self.data[key]
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        if value is None:
            return False
        self._wrong_type(key, "true or false")
        return False

    def date(self, field: str, day_first: bool) -> PageDate | None:
        key = self.key_for(field)
        if key is None or self.data[key] in (None, ""):
            return None
        try:
            value, time_dropped = parse_date(self.data[key], day_first=day_first)
        except InvalidDateError as problem:
            self.findings.append(
                finding("date-invalid", f"{key}: {problem}", self.display, self.line(key), key=key)
            )
            return None
        if time_dropped:
            self.problem(
                "date-no-offset",
                key,
                f"{key}: the time has no UTC offset, so only the date {value.isoformat()} is used",
            )
        self._plausible(key, value, day_first)
        return value

    def _plausible(self, key: str, value: PageDate, day_first: bool) -> None:
        day = day_of(value)
        if is_ambiguous(self.data[key]):
            order = "day-first" if day_first else "month-first"
            self.problem(
                "date-ambiguous",
                key,
                f"{key}: {self.data[key]!r} could be read either way; read as "
                f"{day.isoformat()} (date_order = {order})",
            )
        if day > dt.date.today() + dt.timedelta(days=1):
            self.problem("date-future", key, f"{key}: {day.isoformat()} is in the future")
        elif day < EARLIEST_PLAUSIBLE:
            self.problem("date-too-old", key, f"{key}: {day.isoformat()} is before 1990; a typo?")

    def _wrong_type(self, key: str, expected: str) -> None:
        kind = type(self.data[key]).__name__
        self.findings.append(
            finding(
                "field-type",
                f"{key}: expected {expected}, got {kind}",
                self.display,
                self.line(key),
                key=key,
            )
        )


# Shorthand keys for codes: icd10: G56.0 -> MedicalCode(G56.0, ICD-10).
CODE_SHORTHANDS = {"icd10": "ICD-10", "icd11": "ICD-11", "icd9": "ICD-9", "snomed": "SNOMED-CT"}


@functools.cache
def known_keys() -> frozenset[str]:
    """Every front-matter key the normalizer interprets."""
    return frozenset(key for keys in ALIASES.values() for key in keys) | set(CODE_SHORTHANDS)


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


def image_ref(front: FrontMatter, settings: Settings) -> ImageRef | None:
    """``image: url`` or ``image: {url, width, height, alt}``; an unsafe URL is dropped."""
    key = front.key_for("image")
    if key is None or front.data[key] in (None, ""):
        return (
            ImageRef(settings.absolute(settings.default_image)) if settings.default_image else None
        )
    value = front.data[key]
    fields = value if isinstance(value, dict) else {"url": value}
    url, width, height, alt = (fields.get(name) for name in ("url", "width", "height", "alt"))
    if not isinstance(url, str):
        front.findings.append(
            finding(
                "field-type",
                f"{key}: expected a URL or {{url, width, height, alt}}",
                front.display,
                front.line(key),
                key=key,
            )
        )
        return None
    try:
        absolute = resolve_url(url, settings.base_url, same_host=False)
    except UnsafeUrlError as problem:
        front.findings.append(
            finding(
                "url-invalid",
                f"{key}: {url!r} {problem}; the image is left out",
                front.display,
                front.line(key),
                key=key,
            )
        )
        return None
    return ImageRef(
        url=absolute,
        width=width if isinstance(width, int) and width > 0 else None,
        height=height if isinstance(height, int) and height > 0 else None,
        alt=clean_text(html.unescape(alt)) or None if isinstance(alt, str) else None,
    )


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


def reviewer(front: FrontMatter) -> Reviewer | None:
    """``reviewedBy: Name`` or ``reviewedBy: {name, type, url}``."""
    key = front.key_for("reviewed_by")
    if key is None or front.data[key] in (None, ""):
        return None
    value = front.data[key]
    if isinstance(value, str):
        name = clean_text(html.unescape(value))
        return Reviewer(name) if name else None
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        kind = value.get("type", "Person")
        url = value.get("url")
        safe_url = None
        if isinstance(url, str):
            try:
                safe_url = resolve_url(url, front.base_url, same_host=False)
            except UnsafeUrlError as problem:
                front.problem("url-invalid", key, f"{key}.url: {url!r} {problem}; left out")
        if kind not in ("Person", "Organization"):
            front.problem("field-type", key, f"{key}.type: must be Person or Organization")
            kind = "Person"
        return Reviewer(clean_text(html.unescape(value["name"])), kind, safe_url)
    front.problem("field-type", key, f"{key}: expected a name or {{name, type, url}}")
    return None


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
    return tuple(name for name in (clean_text(html.unescape(v)) for v in values) if name)


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
            if not isinstance(code, (str, int)) or not isinstance(system, str):
                front.problem("field-type", key, f"{key}: needs codeValue and codingSystem")
                continue
            codes.append(MedicalCodeRef(clean_text(str(code)), clean_text(system)))
    for shorthand, system in CODE_SHORTHANDS.items():
        value = front.data.get(shorthand)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            codes.append(MedicalCodeRef(clean_text(str(value)), system))
        elif value is not None:
            front.problem("field-type", shorthand, f"{shorthand}: expected a code such as G56.0")
    return tuple(codes)
