"""A built site's HTML pages: finding them, reading each with what it is on disk, and writing
one back the way the site had it.

A page is someone else's file. It is read once, with its identity (device, inode,
size, times) and its owner, group and mode; it is written back through a temporary
file beside it that is given the same owner, group and mode, and only if the page is
still the one that was read (a site generator may have replaced it meanwhile). A page
that is a link is written through to the file it links to, when that lies inside the
site; a read-only page is left alone unless the caller says to write it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def page_files(targets: Iterable[Path]) -> list[Path]:
    """The HTML files named, and the regular ones under the folders named, sorted."""
    found: list[Path] = []
    for target in targets:
        if target.is_dir():
            found.extend(
                sorted(
                    path
                    for path in target.rglob("*")
                    if path.suffix.lower() in PAGE_SUFFIXES
                    and path.is_file()
                    and not any(part.startswith(".") for part in path.relative_to(target).parts)
                )
            )
        else:
            found.append(target)
    return found


class PageRefused(Exception):  # noqa: N818 - a refusal, reported as a finding with its code
    """A page is not read or written; ``code`` is the finding's."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class PageFile:
    """A page as it was read."""

    path: Path
    """The file written: the page, or the file a page that is a link points to."""
    data: bytes
    """Its bytes."""
    identity: tuple[int, int, int, int, int]
    """(device, inode, size, mtime_ns, ctime_ns) when read."""
    mode: int
    """Permission bits."""
    owner: tuple[int, int]
    """(uid, gid)."""

    @property
    def read_only(self) -> bool:
        """Whether its owner may not write it (the site made it read-only)."""
        return not self.mode & stat.S_IWUSR


def _identity(info: os.stat_result) -> tuple[int, int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def read_page(path: Path, site_dir: Path | None = None) -> PageFile:
    """Read ``path`` (through a link to a file inside ``site_dir``); PageRefused when it is
    a link out of the site or not a regular file, OSError when it cannot be read."""
    target = path
    if path.is_symlink():
        target = path.resolve()
        if site_dir is not None and not target.is_relative_to(site_dir.resolve()):
            raise PageRefused(
                "page-link-outside-site", "is a link to a file outside the site; not touched"
            )
    # O_NONBLOCK: a FIFO put where a page was must not hang the run.
    descriptor = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise PageRefused("inject-not-html", "is not a regular file; not touched")
        data = handle.read()
    return PageFile(
        target, data, _identity(info), stat.S_IMODE(info.st_mode), (info.st_uid, info.st_gid)
    )


def write_page(page: PageFile, content: bytes) -> None:
    """Replace ``page`` with ``content`` atomically, keeping its owner, group and mode.

    PageRefused (``inject-page-changed``) when the file is no longer the one read;
    (``inject-owner-not-kept``) when its owner or group cannot be given to the new file.
    Readers see the old bytes or the new ones; a failure leaves the old file and no
    temporary file behind.
    """
    _unchanged(page)
    handle, temporary = tempfile.mkstemp(
        dir=page.path.parent, prefix=f".{page.path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            info = os.fstat(out.fileno())
            if (info.st_uid, info.st_gid) != page.owner:
                try:
                    os.fchown(out.fileno(), *page.owner)
                except PermissionError:
                    raise PageRefused(
                        "inject-owner-not-kept",
                        f"is owned by {page.owner[0]}:{page.owner[1]}, which this user cannot "
                        "give a file; not touched",
                    ) from None
            os.fchmod(out.fileno(), page.mode)  # after chown, which may clear set-id bits
        _unchanged(page)
        os.replace(temporary, page.path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def _unchanged(page: PageFile) -> None:
    """PageRefused unless ``page.path`` still holds exactly what was read."""
    try:
        info = page.path.lstat()
        same = _identity(info) == page.identity and page.path.read_bytes() == page.data
    except OSError:
        same = False
    if not same:
        raise PageRefused(
            "inject-page-changed",
            "changed while seo-export worked on it (the site rebuilt?); not touched: run again",
        )
