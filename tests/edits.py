"""Edits of a small project, shared by the tests that compare an incremental build with a
whole one (test_patch, test_bundle_output)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from seo_export.build import site
from seo_export.config.settings import Settings, load_settings
from seo_export.model import BuildResult

from conftest import REPO, SAMPLE


def article(n: int, body: str = "", faq: str = "") -> str:
    # Findings that edits of the text keep: odd articles have an ambiguous date (info), 2
    # and 5 dates out of order (a warning), 5 and 6 the same description (a site warning),
    # 2 to 4 a short description (a warning); 1 has no warning.
    published = f"0{n}/01/2025" if n % 2 else f"2025-01-1{n}"
    updated = "2024-12-01" if n in (2, 5) else f"2025-02-0{n}"
    described = {
        1: "nummer et, som er lang nok til ikke at give en advarsel",
        5: "fem og seks",
    }.get(n, "fem og seks" if n == 6 else f"nummer {n}")
    return (
        f"---\ntitle: Artikel {n}\ndatePublished: {published}\nlastUpdated: {updated}\n"
        f"description: Beskrivelse {described} af en artikel, lang nok til en god beskrivelse.\n"
        f"---\n\nIntro {n}.{body}\n\n## Symptomer\n\nSymptomer inkluderer smerte og prikken.\n"
        f"\n## Ofte stillede spørgsmål\n\n### Hvad er det?\n\nEt svar.\n{faq}"
    )


EMPTY_QUESTION = "\n### Et spørgsmål uden svar?\n"


def write_project(root: Path, *, clash: bool = False) -> Settings:
    root.mkdir()
    shutil.copy(REPO / "seo-export.toml", root / "seo-export.toml")
    content = root / "content"
    content.mkdir()
    shutil.copy(SAMPLE, content / "nerveafklemning.md")
    for n in range(1, 7):
        faq = EMPTY_QUESTION if n == 4 else ""  # a warning to take away
        (content / f"artikel-{n}.md").write_text(article(n, faq=faq), encoding="utf-8")
    (content / "broken.md").write_text("---\ntitle: [x\n---\n\nTekst.\n", encoding="utf-8")
    if clash:  # the same slug as artikel-2: skipped as a duplicate
        copy = article(2, body=" Kopi.").replace(
            "title: Artikel 2\n", "title: Artikel 2\nslug: artikel-2\n"
        )
        (content / "artikel-2x.md").write_text(copy, encoding="utf-8")
    return load_settings(root / "seo-export.toml")


def edit(settings: Settings, name: str, text: str) -> None:
    (settings.content_dir / name).write_text(text, encoding="utf-8")


def touch(settings: Settings, name: str) -> None:
    path = settings.content_dir / name
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000))


CASES: dict[str, tuple[Callable[[Settings], None], bool]] = {
    "body text": (lambda s: edit(s, "artikel-2.md", article(2, body=" Mere tekst.")), True),
    "same content, new time": (lambda s: touch(s, "artikel-3.md"), True),
    "a warning added": (lambda s: edit(s, "artikel-5.md", article(5, faq=EMPTY_QUESTION)), True),
    "a first warning, early": (
        lambda s: edit(s, "artikel-1.md", article(1, faq=EMPTY_QUESTION)),
        True,
    ),
    "a warning taken away": (lambda s: edit(s, "artikel-4.md", article(4)), True),
    "two articles": (
        lambda s: (
            edit(s, "artikel-1.md", article(1, body=" A.")),
            edit(s, "artikel-6.md", article(6, body=" B.")),
        ),
        True,
    ),
    "still broken": (lambda s: edit(s, "broken.md", "---\ntitle: [y\n---\n\nTekst.\n"), True),
    "a new title": (
        lambda s: edit(s, "artikel-2.md", article(2).replace("Artikel 2", "Artikel to")),
        False,
    ),
    "a new date": (
        lambda s: edit(s, "artikel-4.md", article(4).replace("2025-02-04", "2025-03-04")),
        False,
    ),
    "mended": (lambda s: edit(s, "broken.md", article(9)), False),
    "a new article": (lambda s: edit(s, "artikel-7.md", article(7)), False),
}


def patches_taken(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """A list that gets, for each patch build tried from now on, whether it was taken."""
    taken: list[bool] = []
    real_patch = site.patch_build

    def watched(*args: Any, **kwargs: Any) -> BuildResult | None:
        result = real_patch(*args, **kwargs)
        taken.append(result is not None)
        return result

    monkeypatch.setattr(site, "patch_build", watched)
    return taken
