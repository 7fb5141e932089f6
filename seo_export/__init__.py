"""seo-export: schema.org JSON-LD, head tags and sitemaps for health articles.

The public API is re-exported here and loaded on first use, so that importing
the package (and starting the CLI) stays fast::

    from seo_export import load_settings, build_site, build_article
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import VERSION

__version__ = VERSION

_EXPORTS = {
    "load_settings": "settings",
    "Settings": "settings",
    "build_site": "site",
    "build_article": "build",
    "Article": "model",
    "ArticleResult": "model",
    "BuildResult": "model",
    "Finding": "model",
    "Severity": "model",
    "SeoExportError": "errors",
    "SettingsError": "errors",
    "inject_html": "inject",
    "eject_html": "inject",
    "inject_site": "inject",
    "eject_site": "inject",
    "validate": "project",
    "check_pages": "audit",
    "Report": "formats",
    "write_report": "report",
    "write_bundle": "bundle",
    "iter_bundle": "bundle",
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
    from .audit import check_pages
    from .build import build_article
    from .bundle import iter_bundle, write_bundle
    from .errors import SeoExportError, SettingsError
    from .formats import Report
    from .inject import eject_html, eject_site, inject_html, inject_site
    from .model import Article, ArticleResult, BuildResult, Finding, Severity
    from .project import validate
    from .report import write_report
    from .settings import Settings, load_settings
    from .site import build_site


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'seo_export' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
