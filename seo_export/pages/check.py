"""``seo-export check``: audit the HTML pages of any built site, ours injected or not.

The pages are found and read here, in their own encoding, shared among worker
processes; each goes through the registered page checks
(:mod:`seo_export.checks.page`), which put its JSON-LD and microdata through
the document checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from seo_export.checks.page import PageContext, run_page_checks
from seo_export.checks.site import SiteFacts, SiteLint
from seo_export.checks.vocabulary import Vocabulary
from seo_export.findings.codes import finding
from seo_export.findings.report import Report, ReportUnit
from seo_export.model import AnyPath, Finding, as_paths
from seo_export.pages.files import page_files
from seo_export.system import display_path


def check_pages(
    targets: AnyPath | Sequence[AnyPath],
    *,
    root: AnyPath | None = None,
    vocabulary: Vocabulary | None = None,
    jobs: int = 0,
) -> Report:
    """Audit every page under ``targets``; one report unit per page, in file order.

    ``jobs`` processes share the pages (0: one per core); the report is the
    same for any number.
    """
    root = Path(root) if root is not None else Path.cwd()
    folders = as_paths(targets)
    tasks = [(str(path), display_path(path, root)) for path in page_files(folders)]
    workers = jobs or _cores()
    units: list[ReportUnit] = []
    if workers > 1 and len(tasks) >= 2 * _CHUNK:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(
            workers, initializer=_init_worker, initargs=(vocabulary,)
        ) as pool:
            results = list(pool.imap(_audit_task, tasks, chunksize=_CHUNK))
    else:
        _init_worker(vocabulary)
        results = [_audit_task(task) for task in tasks]
    site = SiteLint(lambda index: tasks[index][1])
    for index, (unit, has_faq) in enumerate(results):
        units.append(unit)
        site.add_facts(SiteFacts(has_faq=has_faq), index)
    site_findings = site.closing()
    if site_findings:
        units.append(ReportUnit("site", tuple(site_findings)))
    if not tasks:  # a CI gate over the wrong folder must not pass on nothing
        names = ", ".join(display_path(path, root) for path in folders)
        units.append(ReportUnit("site", (finding("pages-none", f"no HTML pages in {names}"),)))
    return Report(tuple(units))


_CHUNK = 64
_worker_vocabulary: Vocabulary | None = None


def _cores() -> int:
    from seo_export.system import default_jobs

    return default_jobs()


def _init_worker(vocabulary: Vocabulary | None) -> None:
    global _worker_vocabulary  # noqa: PLW0603 - one pool worker, one vocabulary
    _worker_vocabulary = vocabulary


def _audit_task(task: tuple[str, str]) -> tuple[ReportUnit, bool]:
    path, display = task
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        unreadable = finding("page-unreadable", f"cannot read: {error.strerror}", display)
        return ReportUnit(display, (unreadable,)), False
    text, charset = _decoded(data, display)
    if text is None:  # nothing a browser would show
        return ReportUnit(display, charset), False
    findings, has_faq = audit_page(text, display, vocabulary=_worker_vocabulary)
    return ReportUnit(display, (*charset, *findings)), has_faq


def _decoded(data: bytes, display: str) -> tuple[str | None, tuple[Finding, ...]]:
    """The page's text as a browser decodes it (bad bytes replaced; None for a page in the
    replacement encoding, which a browser shows as nothing), and a finding when it names a
    charset browsers do not know (they ignore it and guess; so does this) or cannot read."""
    from seo_export.pages.encoding import sniff, unreadable

    encoding = sniff(data)
    problem = unreadable(encoding)
    if problem is None:
        return data[encoding.bom :].decode(encoding.codec, "replace"), ()
    unknown = finding("page-charset-unknown", f"{problem}; read as a browser does", display)
    if encoding.name == "replacement":
        return None, (unknown,)
    return data[encoding.bom :].decode(encoding.codec, "replace"), (unknown,)


def audit_page(
    html: str, display: str, *, vocabulary: Vocabulary | None = None
) -> tuple[list[Finding], bool]:
    """(findings, whether the page has an FAQPage) for one page's HTML: every page check's."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except Exception as error:
        return [finding("page-unreadable", f"not HTML: {error}", display)], False
    context = PageContext(html, tree, display, vocabulary)
    return run_page_checks(context), context.has_faq
