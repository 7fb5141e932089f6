"""The built-in schema.org vocabulary: its data file, and the command that makes it.

The package ships the whole of one schema.org release as ``schemaorg/vocabulary.json.gz``
beside this module: every class with its superclasses, every property with its
domains and ranges, the data types, every enumeration member with its enumerations,
and every supersession (about 30 KB; :func:`read_builtin` takes a few milliseconds,
once, when a check first asks). It is generated from schema.org's release file,
never edited by hand::

    python -m seo_export.checks.vocabulary_data schemaorg-current-https.jsonld --release 30.0

rewrites it (``--output FILE`` writes elsewhere). tests/test_vocabulary_data.py fails
when it drifts from the repository's copy of the release (tests/data/schemaorg/).

The data is schema.org's and keeps its licence, Creative Commons Attribution-ShareAlike
3.0 (``schemaorg/NOTICE.md``); seo-export's MIT licence does not cover it.
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from seo_export.checks.vocabulary import Property, Vocabulary, VocabularyError

DATA_FILE = Path(__file__).resolve().parent / "schemaorg" / "vocabulary.json.gz"
"""The built-in vocabulary, in the package."""
FORMAT = 1
"""The data file's layout; a reader refuses another."""
LICENCE = "CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/)"
ATTRIBUTION = "schema.org (https://schema.org/docs/terms.html)"


def vocabulary_data(vocabulary: Vocabulary, about: dict[str, str]) -> dict[str, Any]:
    """The data file's content for ``vocabulary``: sorted, so one release gives one file."""
    return {
        "format": FORMAT,
        "about": about,
        "classes": {name: list(supers) for name, supers in sorted(vocabulary.classes.items())},
        "data_types": sorted(vocabulary.data_types),
        "properties": {
            name: [list(prop.domains), list(prop.ranges)]
            for name, prop in sorted(vocabulary.properties.items())
        },
        "members": {name: list(types) for name, types in sorted(vocabulary.members.items())},
        "superseded": dict(sorted(vocabulary.superseded.items())),
    }


def vocabulary_from_data(data: dict[str, Any], source: str) -> Vocabulary:
    """The :class:`Vocabulary` a data file's content holds."""
    if data.get("format") != FORMAT:
        raise VocabularyError(f"{source}: vocabulary data of format {data.get('format')!r}")
    superseded: dict[str, str] = data["superseded"]
    return Vocabulary(
        classes={name: tuple(supers) for name, supers in data["classes"].items()},
        properties={
            name: Property(tuple(domains), tuple(ranges), superseded.get(name))
            for name, (domains, ranges) in data["properties"].items()
        },
        data_types=frozenset(data["data_types"]),
        members={name: tuple(types) for name, types in data["members"].items()},
        superseded=superseded,
        source=source,
    )


def encode(data: dict[str, Any]) -> bytes:
    """Compact JSON, gzipped without a timestamp (the same data gives the same bytes)."""
    import gzip

    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def decode(content: bytes) -> dict[str, Any]:
    """A data file's content."""
    import orjson

    # zlib reads the gzip format itself (wbits 16 + 15), without importing the gzip module.
    data: dict[str, Any] = orjson.loads(zlib.decompress(content, wbits=31))
    return data


def read_builtin(path: Path = DATA_FILE) -> Vocabulary:
    """The built-in vocabulary (``schema.org 30.0`` in messages)."""
    try:
        data = decode(path.read_bytes())
        return vocabulary_from_data(data, f"schema.org {data['about']['release']}")
    except (OSError, ValueError, KeyError, TypeError, zlib.error) as error:
        raise VocabularyError(f"{path}: the built-in vocabulary is unreadable ({error})") from None


def release_data(release_file: Path, release: str) -> dict[str, Any]:
    """The data file's content for a schema.org release file (``release``: its name, 30.0)."""
    import hashlib

    content = release_file.read_bytes()
    vocabulary = Vocabulary.from_release(release_file)
    about = {
        "vocabulary": "schema.org",
        "release": release,
        "source": f"https://schema.org/version/{release}/{release_file.name}",
        "source_sha256": hashlib.sha256(content).hexdigest(),
        "licence": LICENCE,
        "attribution": ATTRIBUTION,
        "generated_by": "python -m seo_export.checks.vocabulary_data",
    }
    return vocabulary_data(vocabulary, about)


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate the built-in vocabulary from a release file; print what it holds."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m seo_export.checks.vocabulary_data",
        description="Generate seo-export's built-in schema.org vocabulary from a release file "
        "(schemaorg-current-https.jsonld from schema.org's data/releases/VERSION/).",
    )
    parser.add_argument("release_file", type=Path, help="schemaorg-current-https.jsonld")
    parser.add_argument("--release", required=True, help="the release's name, e.g. 30.0")
    parser.add_argument(
        "--output", type=Path, default=DATA_FILE, help=f"where to write (default: {DATA_FILE})"
    )
    options = parser.parse_args(argv)
    try:
        data = release_data(options.release_file, options.release)
    except (OSError, VocabularyError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    content = encode(data)
    options.output.write_bytes(content)
    print(
        f"{options.output}: schema.org {options.release}, {len(data['classes'])} classes, "
        f"{len(data['properties'])} properties, {len(data['members'])} enumeration members, "
        f"{len(data['superseded'])} superseded terms ({len(content):,} bytes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
