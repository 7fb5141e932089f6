"""The JSON Schemas in schemas/: found, checked once, linked offline, formats enforced.

Every schema is checked with ``check_schema`` the first time it is loaded and
cached for the life of the process; ``$ref`` between our files resolves through
a ``referencing`` registry built from the folder, so nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from seo_export.domain.dates import (
    DATE_SCHEMA_FORMAT,
    InvalidDateError,
    check_date_text,
    is_date_text,
)
from seo_export.errors import SeoExportError

if TYPE_CHECKING:
    from jsonschema import FormatChecker, ValidationError
    from jsonschema.protocols import Validator


class SchemaError(SeoExportError):
    """A schema shipped with seo-export is missing or invalid (a packaging bug)."""


def schemas_dir() -> Path:
    """The folder holding the *.schema.json files.

    In a wheel they ship as ``seo_export/schemas``; in a source checkout
    (editable install, tests) they are the top-level ``schemas/`` folder.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "schemas", package.parent / "schemas"):
        if (candidate / "settings.schema.json").is_file():
            return candidate
    raise SchemaError(f"schemas folder not found beside {package}")


@functools.cache
def _schema_files() -> dict[str, dict[str, Any]]:
    """File name -> parsed contents of every schema (read once per process)."""
    files = {}
    for path in sorted(schemas_dir().glob("*.schema.json")):
        try:
            files[path.name] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise SchemaError(f"{path}: {error}") from None
    return files


@functools.cache
def _registry() -> Any:
    """python-jsonschema's registry of our schemas, each checked with check_schema first."""
    from jsonschema.validators import validator_for
    from referencing import Registry, Resource

    resources = []
    for name, contents in _schema_files().items():
        validator_for(contents).check_schema(contents)
        resource = Resource.from_contents(contents)
        resources.append((name, resource))
        resources.append((contents["$id"], resource))
    return Registry().with_resources(resources)


def load_schema(name: str) -> Mapping[str, Any]:
    """The parsed schema ``name`` (e.g. ``settings.schema.json``)."""
    try:
        return _schema_files()[name]
    except KeyError:
        raise SchemaError(f"no schema named {name} in {schemas_dir()}") from None


@functools.cache
def format_checker() -> FormatChecker:
    """A FormatChecker for date, date-time, uri and regex that needs no optional extras,
    and for our own front-matter date format (the forms of :mod:`seo_export.domain.dates`)."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=("regex",))
    checker.checks("date", raises=ValueError)(_check_date)
    checker.checks("date-time", raises=ValueError)(_check_date_time)
    checker.checks("uri", raises=ValueError)(_check_uri)
    checker.checks(DATE_SCHEMA_FORMAT, raises=InvalidDateError)(_check_article_date)
    return checker


@functools.cache
def validator(name: str) -> Validator:
    """A reusable validator for schema ``name``, linked to the others."""
    from jsonschema.validators import validator_for

    schema = load_schema(name)
    cls = validator_for(schema)
    instance: Validator = cls(schema, registry=_registry(), format_checker=format_checker())
    return instance


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _check_date(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    if not _DATE.match(instance):
        raise ValueError(f"{instance!r} is not a date")
    dt.date.fromisoformat(instance)
    return True


def _check_date_time(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    if not _DATE_TIME.match(instance):
        raise ValueError(f"{instance!r} is not a date-time with an offset")
    dt.datetime.fromisoformat(instance.replace("z", "Z").replace("t", "T"))
    return True


def _check_article_date(instance: object) -> bool:
    return check_date_text(instance) if isinstance(instance, str) else True


def _check_uri(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    parts = urlsplit(instance)
    if not parts.scheme or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", parts.scheme):
        raise ValueError(f"{instance!r} is not an absolute URI")
    if parts.scheme in ("http", "https") and not parts.netloc:
        raise ValueError(f"{instance!r} has no host")
    if any(ch.isspace() or ord(ch) < 0x20 for ch in instance):
        raise ValueError(f"{instance!r} contains whitespace or control characters")
    return True


@functools.cache
def fast_validator(name: str) -> Any:
    """A compiled (jsonschema-rs) validator for schema ``name``.

    Compiling checks the schema against the draft 2020-12 meta-schema. It
    answers only "valid or not", in microseconds; python-jsonschema (which
    runs check_schema on every schema it loads) then explains the rare
    invalid instance. Its built-in date, date-time and uri
    formats follow the same RFCs as :func:`format_checker`, every URL in
    the schemas is also held to a pattern, and our date format is answered by
    the same function; a test checks that the two
    validators agree on every document the tests have.
    """
    import jsonschema_rs

    registry = jsonschema_rs.Registry(
        [(str(contents["$id"]), contents) for contents in _schema_files().values()]
    )
    return jsonschema_rs.validator_for(
        dict(load_schema(name)),
        registry=registry,
        validate_formats=True,
        formats={DATE_SCHEMA_FORMAT: is_date_text},
    )


def iter_schema_errors(name: str, instance: Any) -> Iterator[ValidationError]:
    """Every validation error of ``instance`` against schema ``name``, best first.

    The compiled validator screens first; only an invalid instance is walked by
    python-jsonschema for its detailed errors.
    """
    if fast_validator(name).is_valid(instance):
        return
    from jsonschema.exceptions import relevance

    yield from sorted(validator(name).iter_errors(instance), key=relevance)


def error_key(error: ValidationError) -> str:
    """Dotted path of the failing value (``publisher.name``, ``sections[2].headings``)."""
    key = ""
    for part in error.absolute_path:
        key += f"[{part}]" if isinstance(part, int) else (f".{part}" if key else str(part))
    return key


def describe_error(error: ValidationError) -> list[tuple[str, str]]:
    """(key, message) pairs for one error; unknown and missing keys named one by one."""
    key = error_key(error)
    prefix = f"{key}." if key else ""
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(schema.get("properties", {}))
        unknown = sorted(k for k in error.instance if k not in allowed)
        return [(f"{prefix}{name}", _unknown_key(name, allowed)) for name in unknown]
    required = error.validator_value
    if error.validator == "required" and isinstance(error.instance, dict):
        assert isinstance(required, list)
        missing = [name for name in required if name not in error.instance]
        return [(f"{prefix}{name}", "required key is missing") for name in missing]
    if error.validator == "format" and error.cause is not None:
        return [(key, str(error.cause))]
    if error.validator == "pattern" and isinstance(schema.get("description"), str):
        # The regular expression tells a user less than what it stands for.
        return [(key, f"{error.instance!r} is not what it must be: {schema['description']}")]
    return [(key, error.message)]


def _unknown_key(name: str, allowed: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.7)
    return f"unknown key; did you mean {close[0]!r}?" if close else "unknown key"


def schema_problems(name: str, instance: Any) -> list[str]:
    """``key: message`` for every failing key against schema ``name`` (the best error per key)."""
    by_key: dict[str, str] = {}
    for error in iter_schema_errors(name, instance):
        for key, message in describe_error(error):
            by_key.setdefault(key, f"{key}: {message}" if key else message)
    return list(by_key.values())
