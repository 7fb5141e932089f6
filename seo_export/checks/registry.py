"""One registry for checks of every kind, and the finding codes each reports.

A check registers with the decorator of its kind, which names it and declares,
right there, the finding codes it reports (severity, meaning, fix)::

    @article_check(
        "title-length",
        Code("title-too-long", W, "The search title is over 60 characters...", "Shorten..."),
    )
    def title_length(article: Article, settings: Settings) -> Iterator[Finding]: ...

Four kinds, by what a check sees (:data:`KINDS`):

- ``article``: one normalized :class:`~seo_export.model.Article` and the settings;
- ``document``: one JSON-LD document, ours or any page's (:mod:`.document`);
- ``page``: one HTML page of any site, parsed, with its JSON-LD blocks (:mod:`.page`);
- ``site``: every article or page of a run, one fact sheet at a time (:mod:`.site`);
  a site check is a class whose instances take ``add(facts, index)`` and give
  ``closing(name_of)``, so it keeps what it needs and no more.

The built-in checks are the modules of this package named after their kind
(``article_*.py``, ``document_*.py``, ``page_*.py``, ``site_*.py``):
:func:`load_checks` imports every one, so adding a check is adding such a
module. Checks of a kind run in module-name order, then in registration order.

The codes of the checks and those of the stages (:mod:`seo_export.findings.codes`)
together are :func:`all_codes`, which ``--select``, ``--ignore``, ``explain``
and the docs' codes table read.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from seo_export.findings.codes import INFO, STAGE_CODES, CodeInfo, E, W
from seo_export.model import Finding, Severity

__all__ = [
    "INFO",
    "KINDS",
    "REGISTRY",
    "Check",
    "CheckRegistry",
    "Code",
    "E",
    "Kind",
    "W",
    "all_codes",
    "article_check",
    "checks_of",
    "document_check",
    "finding",
    "load_checks",
    "page_check",
    "reported_by",
    "site_check",
]

KindName = Literal["article", "document", "page", "site"]
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of check: what its checks see, and where its codes stand in the codes table."""

    name: KindName
    """``article``, ``document``, ``page`` or ``site``."""
    sees: str
    """What one run of such a check is given, for ``explain``."""
    listed_after: str
    """The stage code its codes follow in the table, so that the table reads in the order
    a run reports: an article's checks after it is read, a document's after its JSON
    Schema, a page's after it is read."""


KINDS: tuple[Kind, ...] = (
    Kind("article", "each article", "section-no-items"),
    Kind("site", "all articles or pages of a run", "section-no-items"),
    Kind("document", "each JSON-LD document", "jsonld-schema"),
    Kind("page", "each HTML page", "page-unreadable"),
)


@dataclass(frozen=True, slots=True)
class Code:
    """A finding code, declared by the check that reports it."""

    name: str
    """The stable code, e.g. ``title-too-long``."""
    severity: Severity
    """Its severity."""
    meaning: str
    """What was found (a sentence)."""
    fix: str
    """How to make it go away (a sentence)."""


@dataclass(frozen=True, slots=True)
class Check:
    """A registered check."""

    name: str
    """Short name, e.g. ``title-length``; ``skip`` and ``explain`` use it."""
    kind: KindName
    """What it sees."""
    codes: tuple[Code, ...]
    """The finding codes it reports."""
    run: Callable[..., Any]
    """The check: a function of what its kind sees, or (site) a class of collectors."""


class CheckRegistry:
    """The checks of each kind in run order, and the codes they declared."""

    def __init__(self) -> None:
        self._checks: dict[KindName, list[Check]] = {kind.name: [] for kind in KINDS}
        self._codes: dict[str, tuple[CodeInfo, Check]] = {}

    def register(self, check: Check) -> None:
        """Add ``check`` after the others of its kind; a code may be declared only once."""
        names = [code.name for code in check.codes]
        for name in names:
            if name in STAGE_CODES or name in self._codes or names.count(name) > 1:
                raise ValueError(f"finding code {name!r} is declared twice")
        self._checks[check.kind].append(check)
        for code in check.codes:
            info = CodeInfo(code.severity, code.meaning, code.fix, "check")
            self._codes[code.name] = (info, check)

    def checks(self, kind: KindName) -> Sequence[Check]:
        """The checks of ``kind``, in run order."""
        return self._checks[kind]

    def code_info(self, code: str) -> CodeInfo:
        """What ``code`` means, a check's or a stage's; KeyError for no such code."""
        entry = self._codes.get(code)
        return entry[0] if entry is not None else STAGE_CODES[code]

    def check_of(self, code: str) -> Check | None:
        """The check that reports ``code`` (None for a stage's code)."""
        entry = self._codes.get(code)
        return entry[1] if entry is not None else None

    def copy(self) -> CheckRegistry:
        """An independent registry with the same checks (for a test that adds one)."""
        twin = CheckRegistry()
        for kind in KINDS:
            for check in self._checks[kind.name]:
                twin.register(check)
        return twin


REGISTRY = CheckRegistry()
"""Every check; :func:`load_checks` fills it with the built-in ones."""


def _decorator(kind: KindName, name: str, codes: tuple[Code, ...]) -> Callable[[F], F]:
    def register(run: F) -> F:
        REGISTRY.register(Check(name, kind, codes, run))
        return run

    return register


def article_check(name: str, *codes: Code) -> Callable[[F], F]:
    """Register ``run(article, settings) -> findings`` as the article check ``name``."""
    return _decorator("article", name, codes)


def document_check(name: str, *codes: Code) -> Callable[[F], F]:
    """Register ``run(context: DocumentContext) -> findings`` as the document check ``name``."""
    return _decorator("document", name, codes)


def page_check(name: str, *codes: Code) -> Callable[[F], F]:
    """Register ``run(context: PageContext) -> findings`` as the page check ``name``."""
    return _decorator("page", name, codes)


def site_check(name: str, *codes: Code) -> Callable[[F], F]:
    """Register a class as the site check ``name``: one instance per run takes
    ``add(facts: SiteFacts, index)`` for each article or page, then gives
    ``closing(name_of) -> findings``."""
    return _decorator("site", name, codes)


@functools.cache
def load_checks() -> None:
    """Import every built-in check module (``<kind>_*.py``), once, in name order."""
    from seo_export import checks

    prefixes = tuple(f"{kind.name}_" for kind in KINDS)
    for module in sorted(info.name for info in pkgutil.iter_modules(checks.__path__)):
        if module.startswith(prefixes):
            importlib.import_module(f"{checks.__name__}.{module}")


def checks_of(kind: KindName) -> Sequence[Check]:
    """The checks of ``kind`` (the built-in ones loaded), in run order."""
    load_checks()
    return REGISTRY.checks(kind)


def finding(
    code: str,
    message: str,
    file: str | None = None,
    line: int | None = None,
    *,
    key: str | None = None,
    json_path: str | None = None,
) -> Finding:
    """A finding with the declared severity of ``code`` (a check's or a stage's)."""
    info = REGISTRY.code_info(code)
    return Finding(info.severity, code, message, file, line, key, json_path)


def all_codes() -> dict[str, CodeInfo]:
    """Every finding code, the stages' and the checks', in the order of the codes table."""
    load_checks()
    following: dict[str, list[str]] = {}
    for kind in KINDS:
        listed = following.setdefault(kind.listed_after, [])
        listed.extend(code.name for check in REGISTRY.checks(kind.name) for code in check.codes)
    merged: dict[str, CodeInfo] = {}
    for code, info in STAGE_CODES.items():
        merged[code] = info
        for name in following.get(code, ()):
            merged[name] = REGISTRY.code_info(name)
    return merged


def reported_by(code: str) -> str:
    """Who reports ``code``: ``the article check title-length``, or the stage's name."""
    load_checks()
    check = REGISTRY.check_of(code)
    if check is None:
        return REGISTRY.code_info(code).stage
    return f"the {check.kind} check {check.name}"
