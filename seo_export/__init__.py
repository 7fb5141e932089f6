"""seo-export: schema.org JSON-LD, head tags and sitemaps for health articles.

The public API is re-exported here and loaded on first use, so that importing
the package (and starting the CLI) stays fast::

    from seo_export import load_settings, build_site, build_article
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from seo_export._version import VERSION

__version__ = VERSION

_EXPORTS = {
    "load_settings": "config.settings",
    "Settings": "config.settings",
    "build_site": "build.site",
    "build_article": "build.article",
    "Article": "model",
    "ArticleResult": "model",
    "BuildResult": "model",
    "Finding": "model",
    "Severity": "model",
    "SeoExportError": "errors",
    "SettingsError": "errors",
    "inject_html": "pages.inject",
    "eject_html": "pages.eject",
    "inject_site": "pages.inject",
    "eject_site": "pages.eject",
    "validate": "project.validate",
    "check_pages": "pages.check",
    "Report": "findings.report",
    "write_report": "project.report",
    "write_bundle": "build.bundle",
    "iter_bundle": "build.bundle",
}

__all__ = [
    "Article",
    "ArticleResult",
    "BuildResult",
    "Finding",
    "Report",
    "SeoExportError",
    "Settings",
    "SettingsError",
    "Severity",
    "__version__",
    "build_article",
    "build_site",
    "check_pages",
    "eject_html",
    "eject_site",
    "inject_html",
    "inject_site",
    "iter_bundle",
    "load_settings",
    "validate",
    "write_bundle",
    "write_report",
]

if TYPE_CHECKING:
    from seo_export.build.article import build_article
    from seo_export.build.bundle import iter_bundle, write_bundle
    from seo_export.build.site import build_site
    from seo_export.config.settings import Settings, load_settings
    from seo_export.errors import SeoExportError, SettingsError
    from seo_export.findings.report import Report
    from seo_export.model import Article, ArticleResult, BuildResult, Finding, Severity
    from seo_export.pages.check import check_pages
    from seo_export.pages.eject import eject_html, eject_site
    from seo_export.pages.inject import inject_html, inject_site
    from seo_export.project.report import write_report
    from seo_export.project.validate import validate


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'seo_export' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
