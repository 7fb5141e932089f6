"""Exceptions for conditions under which seo-export cannot continue.

Problems in content are never exceptions: they are :class:`~seo_export.model.Finding`
values. These classes never import click; the CLI turns them into a one-line
message and exit code 2.
"""

from __future__ import annotations


class SeoExportError(Exception):
    """Base class: seo-export cannot continue."""


class SettingsError(SeoExportError):
    """The settings file or options are invalid; every problem is listed."""

    def __init__(
        self, source: str, problems: list[str], *, locations: list[str] | None = None
    ) -> None:
        self.source = source
        self.problems = problems
        self.locations = locations or [source] * len(problems)
        """Where each problem is: ``file:line``, the file, or the options that set it."""
        lines = "\n".join(
            f"  {where}: {problem}" for where, problem in zip(self.locations, problems, strict=True)
        )
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"invalid settings ({count} {noun}):\n{lines}")


class ContentDirError(SeoExportError):
    """The content folder does not exist or is not a folder."""


class OutputLockedError(SeoExportError):
    """Another seo-export run holds the lock on the output folder."""


class OutputPendingError(SeoExportError):
    """A build stopped while moving its files into the output folder; the next build ends it."""


class OutputTargetError(SeoExportError):
    """A report or bundle would overwrite an article or a file that the build owns."""


class EmptyBuildError(SeoExportError):
    """The build would remove every article from an output folder that has some."""
