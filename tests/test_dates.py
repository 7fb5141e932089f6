"""The date forms are one table: parse_date reads each row, and the front-matter schema
accepts exactly what some date order reads (so a form is never refused before it is read)."""

from __future__ import annotations

import datetime as dt

import pytest

from seo_export.build.article import build_article
from seo_export.config.settings import Settings
from seo_export.domain.dates import DATE_FORMS, DateForm, InvalidDateError, day_of, parse_date
from seo_export.domain.schemas import iter_schema_errors


def schema_accepts(value: str) -> bool:
    instance = {"title": "T", "datePublished": value}
    return list(iter_schema_errors("front-matter.schema.json", instance)) == []


@pytest.mark.parametrize("form", DATE_FORMS, ids=[form.name for form in DATE_FORMS])
def test_each_form_s_example_is_19_february_2025_and_valid(form: DateForm) -> None:
    assert form.pattern.match(form.example)
    assert day_of(parse_date(form.example)[0]) == dt.date(2025, 2, 19)
    assert schema_accepts(form.example)


@pytest.mark.parametrize(
    "value",
    [
        "19/02/2025", "02/19/2025", " 19.02.2025 ", "2025-02-19", "2025-02-19T10:00+01:00",
        "2025-02-19 10:00:00+01:00", "2025-02-19t10:00:00z", "2025-02-19T10:30:00",
        "31/02/2024", "2025-13-45", "2025-02-19T25:00:00+01:00", "2025", "", "sidste tirsdag",
        "19/02/25", "2025/02/19",
    ],
)  # fmt: skip
def test_the_schema_accepts_what_either_date_order_reads(value: str) -> None:
    def reads(day_first: bool) -> bool:
        try:
            parse_date(value, day_first=day_first)
        except InvalidDateError:
            return False
        return True

    assert schema_accepts(value) is (reads(True) or reads(False))


def test_a_form_dates_py_reads_is_not_refused_by_the_schema_first(settings: Settings) -> None:
    # The schema used to allow an ISO time only with seconds, or without an offset.
    text = '---\ntitle: T\ndatePublished: "2025-02-19 10:30+01:00"\n---\n\nTekst.\n'
    result = build_article(text, settings)
    assert [f.code for f in result.findings if f.severity.value == "error"] == []
    assert result.jsonld is not None
    assert result.jsonld["@graph"][0]["datePublished"] == "2025-02-19T10:30:00+01:00"


def test_a_date_that_exists_in_no_order_is_date_invalid_at_its_key(settings: Settings) -> None:
    result = build_article("---\ntitle: T\ndatePublished: 31/02/2024\n---\n\nTekst.\n", settings)
    assert [(f.code, f.line, f.key, f.message) for f in result.findings] == [
        ("date-invalid", 3, "datePublished", "datePublished: '31/02/2024' is not a date")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19. februar 2025", "2025-02-19"), ("19 februar 2025", "2025-02-19"),
        ("19 February 2025", "2025-02-19"), ("February 19, 2025", "2025-02-19"),
        ("19. feb. 2025", "2025-02-19"), ("19 FEB 2025", "2025-02-19"),
        ("Feb. 19, 2025", "2025-02-19"), ("Feb 19 2025", "2025-02-19"),
        ("1. maj 2024", "2024-05-01"), ("May 1, 2024", "2024-05-01"),
        ("3. marts 2024", "2024-03-03"), ("3 mar. 2024", "2024-03-03"),
        ("17. okt. 2023", "2023-10-17"), ("17 October 2023", "2023-10-17"),
        ("9. sept. 2023", "2023-09-09"), ("  9. Juni 2023 ", "2023-06-09"),
    ],
)  # fmt: skip
def test_written_out_dates_in_danish_and_english(text: str, expected: str) -> None:
    # Day and month names never swap: date_order does not apply.
    assert parse_date(text, day_first=False)[0].isoformat() == expected
    assert parse_date(text, day_first=True)[0].isoformat() == expected
    assert schema_accepts(text.strip())


@pytest.mark.parametrize(
    "text", ["31. februar 2025", "19. febr. 2025", "19 februar", "februar 2025", "19. 2. 2025"]
)
def test_written_out_dates_that_are_not_dates(text: str) -> None:
    with pytest.raises(InvalidDateError):
        parse_date(text)
    assert not schema_accepts(text)
