"""Reading the dates authors write: one table of the forms they take.

Each row of :data:`DATE_FORMS` is one way of writing a date (D/M/YYYY, ISO,
...): its pattern, an example, a description and the function that reads it.
:func:`parse_date` tries the rows in order, the front-matter schema's date
format asks :func:`check_date_text` (so ``validate`` accepts a form the moment
it is a row), and the schema's description and examples, and the docs'
table, are generated from the rows. Adding a date form is adding a row.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from seo_export.domain import fields
from seo_export.model import PageDate


class InvalidDateError(ValueError):
    """A date value that cannot be read; the message says why, for a finding."""


DateReader = Callable[[re.Match[str], bool], tuple[PageDate, bool]]
"""(the row's match, day first?) -> (the date, whether a time without an offset was dropped).
Raises :class:`InvalidDateError` for a date that does not exist."""


# eq=False: a row is itself, so the table hashes by identity (see _parse_text).
@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class DateForm:
    """One way authors write a date."""

    name: str
    """Short name, e.g. ``numeric``."""
    pattern: re.Pattern[str]
    """Matches the whole text (stripped); its groups are what ``read`` takes apart."""
    example: str
    """19 February 2025 written this way, for the docs and the schema's examples."""
    description: str
    """How to write it, for the docs and the schema's description."""
    read: DateReader
    """Turns a match into the date."""


DATE_SCHEMA_FORMAT = "seo-export-date"
"""The JSON Schema format of a front-matter date, answered by :func:`check_date_text`."""


MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("januar", "january", "jan"),
    2: ("februar", "february", "feb"),
    3: ("marts", "march", "mar"),
    4: ("april", "apr"),
    5: ("maj", "may"),
    6: ("juni", "june", "jun"),
    7: ("juli", "july", "jul"),
    8: ("august", "aug"),
    9: ("september", "sep", "sept"),
    10: ("oktober", "october", "okt", "oct"),
    11: ("november", "nov"),
    12: ("december", "dec"),
}
"""Month -> its Danish and English names and short forms, lower-case (read in any case)."""


def date_keys() -> frozenset[str]:
    """Every front-matter key that holds a date (the date-shaped keys of the fields table)."""
    return fields.date_key_names()


def _calendar_date(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise InvalidDateError(f"{text!r} is not a date: {exc}") from None


_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")


def _read_numeric(match: re.Match[str], day_first: bool) -> tuple[PageDate, bool]:
    first, separator, second, year = match.groups()
    day, month = (first, second) if day_first or separator == "." else (second, first)
    return _calendar_date(int(year), int(month), int(day), match.string), False


def _read_iso_date(match: re.Match[str], day_first: bool) -> tuple[PageDate, bool]:
    year, month, day = (int(part) for part in match.string.split("-"))
    return _calendar_date(year, month, day, match.string), False


def _read_iso_date_time(match: re.Match[str], day_first: bool) -> tuple[PageDate, bool]:
    text = match.string
    try:
        parsed = dt.datetime.fromisoformat(text.replace("z", "Z").replace("t", "T"))
    except ValueError:
        raise InvalidDateError(f"{text!r} is not a valid date and time") from None
    if parsed.tzinfo is None:
        return parsed.date(), True
    return parsed, False


_MONTH_NUMBERS = {name: month for month, names in MONTH_NAMES.items() for name in names}
# Longest first, so that "sept" is not read as "sep" followed by a stray "t".
_MONTH = "|".join(sorted(map(re.escape, _MONTH_NUMBERS), key=len, reverse=True))


def _read_month_name(match: re.Match[str], day_first: bool) -> tuple[PageDate, bool]:
    month = _MONTH_NUMBERS[match["month"].lower()]
    return _calendar_date(int(match["year"]), month, int(match["day"]), match.string), False


DATE_FORMS: tuple[DateForm, ...] = (
    DateForm(
        name="numeric",
        pattern=_NUMERIC,
        example="19/02/2025",
        description="D/M/YYYY, DD.MM.YYYY or DD-MM-YYYY, read day first unless date_order "
        "is month-first, and the dotted form always day first",
        read=_read_numeric,
    ),
    DateForm(
        name="iso-date",
        pattern=re.compile(r"^\d{4}-\d{2}-\d{2}$"),
        example="2025-02-19",
        description="YYYY-MM-DD",
        read=_read_iso_date,
    ),
    DateForm(
        name="iso-date-time",
        pattern=re.compile(
            r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$"
        ),
        example="2025-02-19T10:30:00+01:00",
        description="an ISO date and time, of which only the date is used when it has no "
        "UTC offset",
        read=_read_iso_date_time,
    ),
    DateForm(
        name="day-month-name",
        pattern=re.compile(
            rf"^(?P<day>\d{{1,2}})\.?\s+(?P<month>{_MONTH})\.?\s+(?P<year>\d{{4}})$", re.IGNORECASE
        ),
        example="19. februar 2025",
        description="day, month and year with the month's Danish or English name, in full or "
        "short, in any case: 19 februar 2025, 19. feb. 2025, 19 February 2025",
        read=_read_month_name,
    ),
    DateForm(
        name="month-name-day",
        pattern=re.compile(
            rf"^(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})$", re.IGNORECASE
        ),
        example="February 19, 2025",
        description="month name, day and year, as English writes them: Feb 19 2025",
        read=_read_month_name,
    ),
)
"""Every form a front-matter date may take, tried in order."""


def parse_date(value: object, *, day_first: bool = True) -> tuple[PageDate, bool]:
    """(the date, whether a time was dropped because it had no offset).

    Accepts YAML dates and datetimes, and text in any of :data:`DATE_FORMS`.
    ``day_first`` decides D/M against M/D where the form leaves it open.
    Raises :class:`InvalidDateError` for anything else, including dates that do
    not exist (31/02/2024).
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.date(), True
        return value, False
    if isinstance(value, dt.date):
        return value, False
    if not isinstance(value, str):
        raise InvalidDateError(f"{value!r} is not a date")
    return _parse_text(value, day_first, DATE_FORMS)


@functools.lru_cache(maxsize=4096)
def _parse_text(value: str, day_first: bool, forms: tuple[DateForm, ...]) -> tuple[PageDate, bool]:
    """Remembered per text and table (rows hash by identity), because the front-matter
    schema's date format reads each date before the normalizer reads it again."""
    text = value.strip()
    for form in forms:
        match = form.pattern.match(text)
        if match is not None:
            return form.read(match, day_first)
    raise InvalidDateError(f"{text!r} is not a date (write YYYY-MM-DD or DD/MM/YYYY)")


def check_date_text(text: str) -> bool:
    """True when ``text`` is a date in one of the forms, read either day or month first.

    The front-matter schema's date format: the schema cannot see the site's
    ``date_order``, so a date that exists in either order passes it, and
    reading it with the site's order is left to the normalizer. Raises
    :class:`InvalidDateError` (with why) otherwise.
    """
    try:
        parse_date(text, day_first=True)
    except InvalidDateError:
        parse_date(text, day_first=False)
    return True


def is_date_text(text: str) -> bool:
    """:func:`check_date_text` as a yes or no (the compiled validator's format callback)."""
    try:
        return check_date_text(text)
    except InvalidDateError:
        return False


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
