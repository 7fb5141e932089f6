"""Authors and reviewers: the people (or organisations) an article names, as Contributors.

``author: Name``, a list of names, or objects ``{name, url, jobTitle, sameAs,
type}`` (and the same for ``reviewedBy``). A name or id that is an entry of the
settings' ``[[authors]]`` brings that entry's url, job title and profiles; what
the front matter writes beside the name wins. Each contributor gets the key its
graph node's ``@id`` ends with: the entry's id, else the name as a slug.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
from typing import Any, get_args

from seo_export.config.settings import Settings
from seo_export.model import Contributor, ContributorKind
from seo_export.read.blocks import clean_text
from seo_export.read.fields import FrontMatter
from seo_export.read.slugs import slugify
from seo_export.read.urls import UnsafeUrlError, resolve_url

_KINDS = frozenset(get_args(ContributorKind))


def contributors(front: FrontMatter, field: str, settings: Settings) -> tuple[Contributor, ...]:
    """The contributors of field ``field`` (``author`` or ``reviewed_by``), every key of it
    read (``author`` and ``authors``), each contributor once."""
    found: dict[str, Contributor] = {}
    for _, key in front.present(field):
        value = front.data[key]
        entries = value if isinstance(value, list) else [value]
        for entry in entries:
            person = _contributor(front, key, entry, settings)
            if person is not None:
                found.setdefault(person.key, person)
    return tuple(found.values())


def keyed(person: Contributor) -> Contributor:
    """``person`` with the key of its node's ``@id``: its own, else its name as a slug (a
    name without Latin letters or digits: a short hash of it)."""
    if person.key:
        return person
    key = slugify(person.name) or hashlib.sha256(person.name.encode()).hexdigest()[:12]
    return dataclasses.replace(person, key=key)


def _contributor(
    front: FrontMatter, key: str, entry: Any, settings: Settings
) -> Contributor | None:
    if entry is None or entry == "":
        return None
    if isinstance(entry, (str, int, float)) and not isinstance(entry, bool):
        name = clean_text(html.unescape(str(entry)))
        return keyed(settings.author_named(name) or Contributor(name)) if name else None
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        front.problem(
            "field-type", key, f"{key}: expected a name or {{name, url, jobTitle, sameAs, type}}"
        )
        return None
    name = clean_text(html.unescape(entry["name"]))
    if not name:
        front.problem("field-type", key, f"{key}: a name must not be empty")
        return None
    known = settings.author_named(str(entry.get("id", ""))) or settings.author_named(name)
    person = known or Contributor(name)
    return keyed(
        dataclasses.replace(
            person,
            name=name,
            kind=_kind(front, key, entry.get("type"), person.kind),
            url=_url(front, key, entry.get("url")) or person.url,
            job_title=_text(entry.get("jobTitle", entry.get("job_title"))) or person.job_title,
            same_as=_urls(front, key, entry.get("sameAs", entry.get("same_as"))) or person.same_as,
        )
    )


def _kind(front: FrontMatter, key: str, given: Any, default: ContributorKind) -> ContributorKind:
    if given is None:
        return default
    if given in _KINDS:
        kind: ContributorKind = given
        return kind
    front.problem("field-type", key, f"{key}.type: must be Person or Organization")
    return default


def _text(value: Any) -> str | None:
    return clean_text(html.unescape(value)) or None if isinstance(value, str) else None


def _url(front: FrontMatter, key: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return resolve_url(value, front.base_url, same_host=False)
    except UnsafeUrlError as problem:
        front.problem("url-invalid", key, f"{key}: {value!r} {problem}; left out")
        return None


def _urls(front: FrontMatter, key: str, value: Any) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    urls = (_url(front, key, item) for item in values)
    return tuple(dict.fromkeys(url for url in urls if url))
