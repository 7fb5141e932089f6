"""Settings of a site's content conventions: which files are articles (``exclude``), where
slugs come from (``slug_source``, ``file_name_date``), its authors (``[[authors]]``), and
what its paths say of the type of an article's subject (``[[about_types]]``).

Each is read from the checked settings mapping into the fields of
:class:`~seo_export.config.settings.Settings` by one function here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from seo_export.model import Contributor


def content_conventions(values: Mapping[str, Any]) -> dict[str, Any]:
    """Which files are articles and where their slugs come from (slug_source, exclude,
    file_name_date), as Settings fields."""
    exclude = tuple(values["exclude"])
    return {
        "slug_source": str(values["slug_source"]),
        "file_name_date": bool(values["file_name_date"]),
        "exclude": exclude,
        "exclude_pattern": glob_pattern(exclude) if exclude else None,
    }


def site_authors(values: Mapping[str, Any]) -> dict[str, Any]:
    """``[[authors]]`` as Contributors, and the default one, as Settings fields."""
    authors = []
    default = None
    for entry in values["authors"]:
        author = Contributor(
            name=" ".join(str(entry["name"]).split()),
            kind=entry.get("type", "Person"),
            url=entry.get("url"),
            job_title=entry.get("job_title"),
            same_as=tuple(entry.get("same_as", ())),
            key=entry.get("id", ""),
        )
        authors.append(author)
        if entry.get("default"):
            default = author
    return {"authors": tuple(authors), "default_author": default}


@dataclass(frozen=True, slots=True)
class AboutRule:
    """One ``[[about_types]]`` rule: articles whose slug or path the glob matches are about a
    thing of this type."""

    match: str
    """The glob, as written (``*-anatomi-og-fysiologi``, ``anatomi/**``)."""
    type: str
    """The schema.org type it gives (a row of :mod:`seo_export.domain.entity_types`)."""
    pattern: re.Pattern[str]
    """The glob as a regular expression over a POSIX path or a slug."""

    def matches(self, slug: str, path: str | None) -> bool:
        """Whether the rule matches the article's slug or its path in the content folder
        (with or without its extension)."""
        if self.pattern.match(slug):
            return True
        if path is None:
            return False
        return bool(self.pattern.match(path) or self.pattern.match(path.rsplit(".", 1)[0]))


def about_rules(values: Mapping[str, Any]) -> dict[str, Any]:
    """``[[about_types]]`` as AboutRules, the first that matches an article winning."""
    rules = tuple(
        AboutRule(str(rule["match"]), str(rule["type"]), glob_pattern((str(rule["match"]),)))
        for rule in values["about_types"]
    )
    return {"about_types": rules}


def glob_pattern(globs: Sequence[str]) -> re.Pattern[str]:
    """One regular expression matching a POSIX path (relative to the content folder) that
    any of ``globs`` matches: ``*`` and ``?`` within a name, ``**/`` any folders (none
    included), ``[...]`` a class; a glob without ``/`` matches a name in any folder."""
    alternatives = []
    for glob in globs:
        anchored = glob.lstrip("/") if "/" in glob.rstrip("/") else "**/" + glob
        alternatives.append(_glob_regex(anchored.rstrip("/") or "**"))
    return re.compile("(?:" + "|".join(alternatives) + ")")


def _glob_regex(glob: str) -> str:
    out = []
    index = 0
    while index < len(glob):
        char = glob[index]
        if glob.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if glob.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in glob[index + 2 :]:
            end = glob.index("]", index + 2)
            body = glob[index + 1 : end].replace("\\", "\\\\")
            out.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out) + "(?:/.*)?$" if not glob.endswith("**") else "".join(out) + "$"
