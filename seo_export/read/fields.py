"""Typed reading of front-matter values, recording a finding for each bad one.

Which key gives which field is the table of :mod:`seo_export.domain.fields`:
keys are matched without regard to case (``Title``, ``lastMod``), the first
of a field's keys that is there wins, and a fallback key (Hugo's ``date``,
Jekyll's ``excerpt``) is read only when no other is. URLs go through
:mod:`seo_export.read.urls`, dates through :mod:`seo_export.domain.dates`,
authors and reviewers through :mod:`seo_export.read.people`.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from seo_export.domain.dates import (
    EARLIEST_PLAUSIBLE,
    InvalidDateError,
    day_of,
    is_ambiguous,
    parse_date,
)
from seo_export.domain.fields import FIELDS, field_key_names, is_fallback
from seo_export.domain.properties import entity_keys
from seo_export.findings.codes import finding
from seo_export.model import Finding, PageDate
from seo_export.read.blocks import clean_text

ALIASES: dict[str, tuple[str, ...]] = {row.name: row.key_names for row in FIELDS}
"""Field -> its front-matter keys, the preferred first (from the fields table)."""

_HREFLANG = re.compile(r"^(x-default|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$")

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0", ""}


def flag_value(value: object) -> bool | None:
    """``value`` as true or false (YAML booleans, yes/no/on/off/1/0 text), else None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    return None


@functools.lru_cache(maxsize=8)
def _canonical_keys(entity: frozenset[str]) -> dict[str, str]:
    """Every key we read by its case-folded spelling (for one version of the property
    table, whose keys a frozenset hashes once)."""
    return {name.casefold(): name for name in sorted(field_key_names() | entity)}


def canonical_key(written: str) -> str | None:
    """The key of ours that ``written`` is, in any case (``Title`` -> ``title``), or None."""
    return _canonical_keys(entity_keys()).get(written.casefold())


@functools.cache
def _field_of_key() -> dict[str, tuple[str, int]]:
    """Each key of the fields table -> (its field, its place among the field's keys)."""
    return {k.name: (row.name, rank) for row in FIELDS for rank, k in enumerate(row.keys)}


@dataclass(frozen=True, slots=True)
class WrittenKeys:
    """The keys of one front matter that are ours, as their author wrote them."""

    by_canonical: dict[str, str]
    """Our spelling of a key -> the author's (``title`` -> ``Title``)."""
    doubled: tuple[tuple[str, str], ...]
    """(kept, passed over): two keys that differ only in case; the first one is read."""
    by_field: dict[str, list[tuple[str, str]]]
    """Field -> (our spelling, the author's) of each of its keys that is there, the
    preferred first (made once: an article asks for some twenty fields, and has few keys)."""
    renamed: dict[str, str]
    """The author's spelling -> ours, of the keys where the two differ (mostly none)."""

    def original(self, canonical: str) -> str:
        """The author's spelling of our key ``canonical`` (itself when not there)."""
        return self.by_canonical.get(canonical, canonical)


def written_keys(data: Mapping[str, Any]) -> WrittenKeys:
    """Which of ``data``'s keys are ours, matched without regard to case as Hugo does.

    Remembered per set of keys (and version of the property table): a site's articles
    share their keys, and the front-matter schema and the normalizer both ask.
    Shared between articles, so never to be changed.
    """
    return _written_keys(tuple(data), entity_keys())


@functools.lru_cache(maxsize=4096)
def _written_keys(data: tuple[Any, ...], entity: frozenset[str]) -> WrittenKeys:
    table = _canonical_keys(entity)
    by_canonical: dict[str, str] = {}
    doubled: list[tuple[str, str]] = []
    for written in data:
        canonical = table.get(written.casefold()) if isinstance(written, str) else None
        if canonical is None:
            continue
        if canonical in by_canonical:
            doubled.append((by_canonical[canonical], written))
        else:
            by_canonical[canonical] = written
    field_of = _field_of_key()
    ranked: dict[str, list[tuple[int, str, str]]] = {}
    for canonical, written in by_canonical.items():
        if canonical in field_of:
            name, rank = field_of[canonical]
            ranked.setdefault(name, []).append((rank, canonical, written))
    by_field = {name: [(c, w) for _, c, w in sorted(keys)] for name, keys in ranked.items()}
    renamed = {w: c for c, w in by_canonical.items() if w != c}
    return WrittenKeys(by_canonical, tuple(doubled), by_field, renamed)


def folded(data: Mapping[str, Any], written: WrittenKeys) -> Mapping[str, Any]:
    """``data`` with our keys spelt as the table spells them (``Title`` as ``title``), so
    that the front-matter schema checks what the readers read; other keys as written."""
    renamed = written.renamed
    if not renamed:
        return data
    return {renamed.get(key, key): value for key, value in data.items()}


@dataclass(slots=True)
class FrontMatter:
    """Typed access to front-matter values that records findings as it reads."""

    data: Mapping[str, Any]
    key_lines: Mapping[str, int]
    display: str
    findings: list[Finding]
    base_url: str = ""
    written: WrittenKeys = field(init=False)
    """Which of the keys are ours, as written (made from ``data``)."""
    set_aside: set[str] = field(default_factory=set)
    """Keys read as another field than their own (Jekyll's ``published: false``)."""
    _chosen: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.written = written_keys(self.data)

    def problem(self, code: str, key: str, message: str) -> None:
        """Record a finding about ``key`` at its line."""
        self.findings.append(finding(code, message, self.display, self.line(key), key=key))

    def present(self, name: str) -> list[tuple[str, str]]:
        """(our spelling, the author's) of each key of field ``name`` that is there."""
        keys = self.written.by_field.get(name, [])
        if not self.set_aside:
            return keys
        return [(key, written) for key, written in keys if written not in self.set_aside]

    def key_for(self, name: str) -> str | None:
        """The key (as written) that gives field ``name``: the first of its keys that is
        there, a fallback only when no other is; two that are not fallbacks clash."""
        if name not in self.written.by_field:  # most fields are not there: no work
            return None
        if name in self._chosen:
            return self._chosen[name]
        present = self.present(name)
        if not present:
            self._chosen[name] = None
            return None
        main = [written for key, written in present if not is_fallback(key)]
        keys = main or [written for _, written in present]
        if len(main) > 1:
            self.findings.append(
                finding(
                    "field-type",
                    f"{' and '.join(main)} say the same thing; {main[0]} is used",
                    self.display,
                    self.line(main[1]),
                    key=main[1],
                )
            )
        chosen = self._chosen[name] = keys[0] if keys else None
        return chosen

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
        return False if key is None else self.flag_of(key)

    def any_flag(self, field: str) -> str | None:
        """The first key of field ``name`` (a merged one: each is read) that is true."""
        return next((key for _, key in self.present(field) if self.flag_of(key)), None)

    def flag_of(self, key: str) -> bool:
        """The value of ``key`` as true or false (a wrong type: false, and a finding)."""
        value = self.data[key]
        read = flag_value(value)
        if read is not None:
            return read
        if value is not None:
            self._wrong_type(key, "true or false")
        return False

    def date(
        self, field: str, day_first: bool, *, future_ok: bool = False, order_given: bool = False
    ) -> PageDate | None:
        """Field ``name``'s date; ``future_ok`` for the dates that say when an article is
        shown (a future one leaves it out, which is their purpose, not a typo);
        ``order_given`` when the settings say the order of numeric dates (no finding then
        for one that reads either way)."""
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
        self._plausible(key, value, future_ok, order_given)
        return value

    def _plausible(self, key: str, value: PageDate, future_ok: bool, order_given: bool) -> None:
        day = day_of(value)
        if not order_given and is_ambiguous(self.data[key]):
            self.problem(
                "date-ambiguous",
                key,
                f"{key}: {self.data[key]!r} could be read either way; read as "
                f"{day.isoformat()} (date_order is not set)",
            )
        if not future_ok and day > dt.date.today() + dt.timedelta(days=1):
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


# Shorthand keys for codes: icd10: G56.0 -> MedicalCode(G56.0, ICD-10) (rows of the fields table).
CODE_SHORTHANDS = {"icd10": "ICD-10", "icd11": "ICD-11", "icd9": "ICD-9", "snomed": "SNOMED-CT"}


def known_keys() -> frozenset[str]:
    """Every front-matter key the normalizer interprets (besides the properties' keys)."""
    return field_key_names()
