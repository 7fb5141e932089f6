"""The files and commands a page of docs/ shows, for the tests that follow the page.

A file is a fenced block with a title, as MkDocs and GitHub both show it::

    ```ts title="src/lib/seo-export.ts"
    ...
    ```

so that a test writes exactly the text a reader copies.
"""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"

_BLOCK = re.compile(
    r'^```(?P<lang>[\w+-]*)(?: title="(?P<title>[^"]+)")?\n(?P<body>.*?)^```$', re.M | re.S
)


def page_text(name: str) -> str:
    """The text of docs/<name>."""
    return (DOCS / name).read_text(encoding="utf-8")


def titled_files(name: str) -> dict[str, str]:
    """File name -> text of every titled block of docs/<name>, in page order."""
    return {
        match["title"]: match["body"]
        for match in _BLOCK.finditer(page_text(name))
        if match["title"] is not None
    }


def shell_commands(name: str) -> list[str]:
    """Every command line of the page's ``sh`` blocks, in page order."""
    return [
        line.strip()
        for match in _BLOCK.finditer(page_text(name))
        if match["lang"] == "sh"
        for line in match["body"].splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def write_files(files: dict[str, str], root: Path) -> None:
    """Write ``files`` (name -> text) under ``root``."""
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
