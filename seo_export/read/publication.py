"""Which articles are left out the way Hugo leaves them out: drafts, a publication date to
come, an expiry date gone by. Each is reported as info, and is neither built nor in the
sitemap; an expiry date to come is reported too, so that the day it passes is known.

Such an article changes with the calendar, not with its file: a build rebuilds those whose
last findings say so (:data:`TIME_BOUND_CODES`), and the build's stamp holds for the day
it was made on only (:func:`today`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from seo_export.findings.codes import finding
from seo_export.model import Article, Finding, PageDate
from seo_export.read.fields import FrontMatter

TIME_BOUND_CODES = ("publish-scheduled", "expiry-date-set")
"""Findings of an article whose status a later day changes: it is built again every time."""


def now() -> dt.datetime:
    """The time now, in UTC: what a publication or expiry date is compared with."""
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """Today's date (local), against which a publication or expiry date without a time is
    compared: the day of :func:`now` on this machine."""
    return dt.date.today()


def left_out(
    article: Article, front: FrontMatter, draft_key: str | None, findings: list[Finding]
) -> Article:
    """``article``, marked as a draft (to be left out) when Hugo would leave it out: a
    draft (``draft_key`` says which key made it one), a publication date to come, an
    expiry date gone by; each with an info finding in ``findings``."""
    display = article.source
    if draft_key is not None:
        value = "false" if draft_key in front.set_aside else "true"
        findings.append(
            finding("draft-skipped", f"{draft_key}: {value}: not built", display,
                    front.line(draft_key), key=draft_key)
        )  # fmt: skip
        return dataclasses.replace(article, draft=True)
    moment = now()
    published, published_key = article.date_published, front.key_for("date_published")
    if published is not None and _after(published, moment):
        findings.append(
            finding(
                "publish-scheduled",
                f"{published_key or 'the file name date'} {published.isoformat()} is in the "
                "future: not built until that day",
                display,
                front.line(published_key or ""),
                key=published_key,
            )
        )
        return dataclasses.replace(article, draft=True)
    expiry_key = front.key_for("expiry_date")
    if article.expiry_date is not None and expiry_key is not None:
        expired = not _after(article.expiry_date, moment)
        findings.append(
            finding(
                "expired" if expired else "expiry-date-set",
                f"{expiry_key} {article.expiry_date.isoformat()} "
                + ("has passed: not built" if expired else "is to come: built until that day"),
                display,
                front.line(expiry_key),
                key=expiry_key,
            )
        )
        if expired:
            return dataclasses.replace(article, draft=True)
    return article


def _after(when: PageDate, moment: dt.datetime) -> bool:
    """Whether ``when`` is later than ``moment`` (a date: later than today)."""
    if isinstance(when, dt.datetime):
        return when > moment
    return when > today()
