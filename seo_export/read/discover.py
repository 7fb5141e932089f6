"""Stage 1: find the article files and read them. The only stage that reads content."""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from seo_export.errors import ContentDirError
from seo_export.findings.codes import finding
from seo_export.model import Finding
from seo_export.system import display_path

SOURCE_SUFFIXES = frozenset({".md", ".markdown", ".txt"})


@dataclass(frozen=True, slots=True)
class SourceFile:
    """An article file found in the content folder."""

    path: str
    """Where it is on disk (a string: a build makes one per article, and Path objects cost)."""
    name: str
    """POSIX path relative to the content folder: the article's stable identity."""
    display: str
    """Path shown in findings (relative to the project when inside it)."""


@dataclass(frozen=True, slots=True)
class SourceText:
    """The decoded text of a source file, or why there is none."""

    source: SourceFile
    """Which file."""
    content_hash: str
    """SHA-256 of the raw bytes."""
    text: str | None
    """UTF-8 text with a BOM removed and line ends normalised to LF; None if unreadable."""
    findings: tuple[Finding, ...]
    """Why the text is None, if it is."""


class SourceList(Sequence[SourceFile]):
    """The sources of a content folder, sorted, kept as their names only.

    A SourceFile's path and display path follow from its name, so a build
    holds the names alone, packed into one string with an offset per name
    (100,000 names: about 3.5 MB, against 8 MB as separate strings and 38 MB
    as records of three strings), and makes each record when it is asked for.
    """

    __slots__ = ("_base", "_display_base", "_names", "_starts")

    def __init__(self, names: list[str], base: str, display_base: str) -> None:
        # NUL cannot occur in a file name: it separates the names.
        self._names = "\0".join(names) + "\0"
        self._starts = array("Q", [0])
        for name in names:
            self._starts.append(self._starts[-1] + len(name) + 1)
        self._base = base
        self._display_base = display_base

    def name(self, index: int) -> str:
        """The name of source ``index`` (its path inside the content folder)."""
        return self._names[self._starts[index] : self._starts[index + 1] - 1]

    def path(self, index: int) -> str:
        """The file system path of source ``index``."""
        return os.path.join(self._base, self.name(index))  # noqa: PTH118 - str paths

    def _source(self, name: str) -> SourceFile:
        return SourceFile(
            path=os.path.join(self._base, name),  # noqa: PTH118 - str paths, see SourceFile
            name=name,
            display=f"{self._display_base}/{name}",
        )

    @overload
    def __getitem__(self, index: int) -> SourceFile: ...
    @overload
    def __getitem__(self, index: slice) -> list[SourceFile]: ...
    def __getitem__(self, index: int | slice) -> SourceFile | list[SourceFile]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("source index out of range")
        return self._source(self.name(index))

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __iter__(self) -> Iterator[SourceFile]:
        return (self._source(self.name(index)) for index in range(len(self)))


def discover(
    content_dir: Path,
    root: Path | None = None,
    *,
    out_dir: Path | None = None,
    exclude: re.Pattern[str] | None = None,
) -> tuple[SourceList, list[Finding]]:
    """Every article file under ``content_dir``, sorted by relative path.

    Hidden files and folders are skipped, and so is ``out_dir`` when it is inside
    the content folder (``content_dir = "."``): its robots-sitemap.txt is no article.
    So are the files and folders whose path (POSIX, relative to the content folder;
    a folder's with a final ``/``) ``exclude`` matches: the ``exclude`` setting.
    A file that is a symlink to somewhere outside the content folder is reported,
    not read (folder symlinks are not followed).
    """
    if not content_dir.is_dir():
        raise ContentDirError(f"content folder not found: {content_dir}")
    root = root or Path.cwd()
    real_root = content_dir.resolve()
    base = os.fspath(content_dir)
    display_base = display_path(content_dir, root)
    found: list[str] = []
    findings: list[Finding] = []
    skipped = os.path.realpath(out_dir) if out_dir is not None else None
    folders = [""]
    while folders:
        relative = folders.pop()
        with os.scandir(os.path.join(base, relative) if relative else base) as entries:  # noqa: PTH118
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                rel = f"{relative}/{name}" if relative else name
                if entry.is_dir(follow_symlinks=False):
                    if (skipped is None or os.path.realpath(entry.path) != skipped) and (
                        exclude is None or not exclude.match(rel + "/")
                    ):
                        folders.append(rel)
                    continue
                suffix = name[name.rfind(".") :].lower() if "." in name else ""
                if suffix not in SOURCE_SUFFIXES or (exclude is not None and exclude.match(rel)):
                    continue
                problem = _unusable(rel, entry, real_root)
                if problem is not None:
                    code, message = problem
                    findings.append(finding(code, message, f"{display_base}/{_printable(rel)}"))
                    continue
                found.append(rel)
    found.sort()
    findings.sort(key=lambda item: item.file or "")
    if not found and not findings:  # a wrong --content would empty out/ without a word
        findings.append(
            finding(
                "content-empty",
                f"no article files (.md, .markdown, .txt) in {display_base}",
                display_base,
            )
        )
    return SourceList(found, base, display_base), findings


def _unusable(rel: str, entry: os.DirEntry[str], real_root: Path) -> tuple[str, str] | None:
    """(code, message) when a file found in the content folder must not be read."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes, kept by the OS as surrogates
        return "file-name-encoding", "the file's name is not UTF-8; not read"
    if entry.is_symlink():
        try:
            target = Path(entry.path).resolve()
        except (OSError, RuntimeError):  # RuntimeError: a link that loops
            return "file-unreadable", "is a link that loops or cannot be followed; not read"
        if not target.is_relative_to(real_root):
            return "source-outside-content", "links to a file outside the content folder; not read"
    if not entry.is_file():  # from the folder listing: no system call for a plain file
        try:
            entry.stat()
        except OSError:
            return None  # gone, or a dangling link: reading it says so
        return "source-not-regular", _NOT_REGULAR
    return None


_NOT_REGULAR = "is not a regular file (a FIFO, a socket or a device); not read"


def _printable(rel: str) -> str:
    """``rel`` with bytes that are not UTF-8 shown as U+FFFD."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@functools.lru_cache(maxsize=8)
def _display_base(content_dir: Path, root: Path) -> str:
    return display_path(content_dir, root)


def source_named(name: str, content_dir: Path, root: Path) -> SourceFile:
    """The SourceFile of ``name`` (as :func:`discover` gives it), made again from its name.

    A large build keeps only names in memory and makes these when needed.
    """
    return SourceFile(
        path=os.path.join(content_dir, name),  # noqa: PTH118 - str paths, see SourceFile
        name=name,
        display=f"{_display_base(content_dir, root)}/{name}",
    )


def source_for_path(path: Path, content_dir: Path, root: Path) -> SourceFile:
    """A SourceFile for one file named on the command line."""
    try:
        name = path.resolve().relative_to(content_dir.resolve()).as_posix()
    except ValueError:
        name = path.name
    return SourceFile(path=os.fspath(path), name=name, display=display_path(path, root))


def read_source(source: SourceFile, max_bytes: int) -> SourceText:
    """Read and decode one source file; problems come back as findings."""
    try:
        size = os.stat(source.path).st_size  # noqa: PTH116 - a str path, see SourceFile
        if size > max_bytes:
            return _unreadable(
                source,
                "",
                finding(
                    "file-too-large",
                    f"{size:,} bytes is over the limit of {max_bytes:,} (max_file_bytes)",
                    source.display,
                ),
            )
        # Not blocking: a FIFO put where an article was must not hang the build.
        descriptor = os.open(source.path, os.O_RDONLY | os.O_NONBLOCK)
        with open(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return _unreadable(
                    source, "", finding("source-not-regular", _NOT_REGULAR, source.display)
                )
            data = handle.read()
    except OSError as exc:
        return _unreadable(
            source, "", finding("file-unreadable", f"cannot read: {exc.strerror}", source.display)
        )
    return decode_source(source, data)


def decode_source(source: SourceFile, data: bytes) -> SourceText:
    """Decode bytes as UTF-8 (BOM accepted) and normalise line ends."""
    content_hash = hashlib.sha256(data).hexdigest()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _unreadable(
            source,
            content_hash,
            finding("file-encoding", "is UTF-16; save it as UTF-8", source.display, 1),
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return _unreadable(
            source,
            content_hash,
            finding("file-binary", "contains NUL bytes; not a text file", source.display, line),
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return _unreadable(
            source,
            content_hash,
            finding(
                "file-encoding",
                f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                source.display,
                line,
            ),
        )
    if not text.strip():
        return _unreadable(source, content_hash, finding("file-empty", "is empty", source.display))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(source=source, content_hash=content_hash, text=text, findings=())


def _unreadable(source: SourceFile, content_hash: str, finding: Finding) -> SourceText:
    return SourceText(source=source, content_hash=content_hash, text=None, findings=(finding,))
