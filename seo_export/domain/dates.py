"""Reading the dates authors write: DD/MM/YYYY and friends, ISO, and YAML's own dates."""

from __future__ import annotations

import datetime as dt
import re

from seo_export.model import PageDate

_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$"
)


class InvalidDateError(ValueError):
    """A date value that cannot be read; the message says why, for a finding."""


def parse_date(value: object, *, day_first: bool = True) -> tuple[PageDate, bool]:
    """(the date, whether a time was dropped because it had no offset).

    Accepts YAML dates and datetimes, ISO 8601 dates, ISO datetimes (with an
    offset, or without one, when only the date part is kept), and D/M/YYYY,
    DD.MM.YYYY, DD-MM-YYYY. ``day_first`` decides D/M against M/D for the slash
    and dash forms; the dotted form is always day first, as everywhere it is used.
    Raises :class:`InvalidDateError` for anything else, including dates that do not
    exist (31/02/2024).
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.date(), True
        return value, False
    if isinstance(value, dt.date):
        return value, False
    if not isinstance(value, str):
        raise InvalidDateError(f"{value!r} is not a date")
    text = value.strip()
    numeric = _NUMERIC.match(text)
    if numeric:
        first, separator, second, year = numeric.groups()
        day, month = (first, second) if day_first or separator == "." else (second, first)
        return _calendar_date(int(year), int(month), int(day), text), False
    if _ISO_DATE.match(text):
        year, month, day = (int(part) for part in text.split("-"))
        return _calendar_date(year, month, day, text), False
    if _ISO_DATE_TIME.match(text):
        try:
            parsed = dt.datetime.fromisoformat(text.replace("z", "Z").replace("t", "T"))
        except ValueError:
            raise InvalidDateError(f"{text!r} is not a valid date and time") from None
        if parsed.tzinfo is None:
            return parsed.date(), True
        return parsed, False
    raise InvalidDateError(f"{text!r} is not a date (write YYYY-MM-DD or DD/MM/YYYY)")


EARLIEST_PLAUSIBLE = dt.date(1990, 1, 1)
"""Web articles older than this are almost certainly a typo (2019 written 1919, ...)."""


def is_ambiguous(value: object) -> bool:
    """Whether a numeric date reads as two different dates (03/04/2025: 3 April or March 4)."""
    if not isinstance(value, str):
        return False
    numeric = _NUMERIC.match(value.strip())
    if numeric is None or numeric.group(2) == ".":
        return False
    first, second = int(numeric.group(1)), int(numeric.group(3))
    return first != second and first <= 12 and second <= 12


def _calendar_date(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise InvalidDateError(f"{text!r} is not a date: {exc}") from None


def day_of(value: PageDate) -> dt.date:
    """The calendar date of a date or datetime (in the datetime's own offset)."""
    return value.date() if isinstance(value, dt.datetime) else value


def later(first: PageDate | None, second: PageDate | None) -> PageDate | None:
    """The later of two dates; a datetime wins a tie with its own date."""
    if first is None:
        return second
    if second is None:
        return first
    return max(first, second, key=_sort_key)


def _sort_key(value: PageDate) -> tuple[dt.date, int, float]:
    if isinstance(value, dt.datetime):
        return (value.date(), 1, value.timestamp())
    return (value, 0, 0.0)


def is_before(first: PageDate, second: PageDate) -> bool:
    """Whether ``first`` is strictly earlier than ``second`` (by calendar day for mixed kinds)."""
    if isinstance(first, dt.datetime) and isinstance(second, dt.datetime):
        return first < second
    return day_of(first) < day_of(second)


def iso(value: PageDate) -> str:
    """ISO 8601: YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+HH:MM."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()
