"""Settings of a site's content conventions: which files are articles (``exclude``), where
slugs come from (``slug_source``, ``file_name_date``), and its authors (``[[authors]]``).

Each is read from the checked settings mapping into the fields of
:class:`~seo_export.config.settings.Settings` by one function here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
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
