"""``seo-export init``: a commented seo-export.toml and, when there is none, an example article."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from seo_export.config.settings import load_settings
from seo_export.config.settings_file import SETTINGS_FILE
from seo_export.errors import SeoExportError, SettingsError
from seo_export.project.hugo_site import HugoSite
from seo_export.read.discover import SOURCE_SUFFIXES


class InitError(SeoExportError):
    """The project cannot be set up as asked (a settings file is there already, ...)."""


@dataclass(frozen=True, slots=True)
class Answers:
    """What ``init`` asks."""

    base_url: str
    """Absolute URL of the site."""
    site_name: str
    """The site's name."""
    language: str
    """BCP 47 tag of the content."""


DEFAULTS = Answers("https://www.example.com", "My health site", "en")

TEMPLATE = """\
# seo-export settings. Every key, its meaning and its default are listed in the
# settings reference (docs/settings.md); `seo-export validate` checks this file.

# The site's home page, its name and the language its articles are written in.
base_url = {base_url}
site_name = {site_name}
language = {language}

# Where an article's page lives: {{slug}} is its file name (or its `slug:`), {{path}} its
# folders and file name; slug_source = "title" makes the slug from its title instead.
article_url = {article_url}
# Files in content_dir that are not articles (default: Hugo's _index.md, Jekyll's _drafts/).
# exclude = ["**/_index.*", "**/_drafts/**"]

# Folders, relative to this file.
content_dir = {content_dir}
out_dir = "out"
{framework}
# How to read 03/04/2025: "day-first" (3 April) or "month-first" (March 4).
date_order = "{date_order}"

# The organisation that publishes the site (schema.org publisher).
[publisher]
name = {site_name}
url = {home}
# logo = "{base}/logo.png"

# The breadcrumb step between the home page and an article.
[articles_index]
name = {index_name}
url = {index_url}

# The authors; the one with default = true writes the articles that name none.
# [[authors]]
# name = "Jane Doe"
# job_title = "Physiotherapist"
# url = "{base}/about/jane-doe/"
# default = true
"""

EXAMPLE = """\
---
title: Tennis elbow
description: >-
  Tennis elbow is pain on the outer side of the elbow.
  Read about its symptoms, causes and treatment.
datePublished: 2025-01-15
---

Tennis elbow is pain on the outer side of the elbow, caused by overuse of the forearm muscles.

## What are the symptoms?

Common symptoms include pain on the outside of the elbow, a weak grip, and stiffness in the morning.

## What causes tennis elbow?

Causes include repeated strain, racket sports, and work with hand tools.

## How is it treated?

- Rest
- Physiotherapy with strengthening exercises
- Injections, in some cases

## Frequently asked questions

### Can tennis elbow be prevented?

Prevention includes warming up, strengthening the forearm muscles and a lighter racket.
"""


EXAMPLE_DA = """\
---
title: Tennisalbue
description: >-
  Tennisalbue er smerter på ydersiden af albuen.
  Læs om symptomer, årsager og behandling.
datePublished: 2025-01-15
---

Tennisalbue er smerter på ydersiden af albuen, som skyldes overbelastning af underarmens muskler.

## Hvad er symptomerne på tennisalbue?

Symptomer inkluderer smerter på ydersiden af albuen, et svagt greb og stivhed om morgenen.

## Hvad er årsagen til tennisalbue?

Årsager omfatter gentagne belastninger, ketchersport og håndværksarbejde.

## Hvordan behandles tennisalbue?

- Hvile
- Fysioterapi med styrkeøvelser
- Injektioner, i nogle tilfælde

## Ofte stillede spørgsmål

### Kan man forebygge tennisalbue?

Forebyggelse omfatter opvarmning, styrketræning af underarmens muskler og en lettere ketcher.
"""


@dataclass(frozen=True, slots=True)
class LanguageDefaults:
    """What ``init`` writes for articles in one language."""

    index_name: str
    """The breadcrumb step between the home page and an article."""
    index_url: str
    """Where the articles live (the folder of ``article_url``)."""
    example_name: str
    """The example article's file name."""
    example: str
    """The example article."""


LANGUAGE_DEFAULTS = {
    "en": LanguageDefaults("Articles", "/articles/", "tennis-elbow.md", EXAMPLE),
    "da": LanguageDefaults("Artikler", "/artikler/", "tennisalbue.md", EXAMPLE_DA),
}
"""By the language's primary subtag (``da`` for da-DK); others get English's."""


def language_defaults(language: str) -> LanguageDefaults:
    """The defaults for articles in ``language`` (a BCP 47 tag), English's when it has none."""
    return LANGUAGE_DEFAULTS.get(language.lower().split("-")[0], LANGUAGE_DEFAULTS["en"])


HUGO_PARTIAL = Path("layouts") / "partials" / "seo-export.html"
"""Where ``init`` puts the partial in a Hugo site (the file ships beside this module)."""


def settings_text(answers: Answers, hugo: HugoSite | None = None) -> str:
    """The commented seo-export.toml for ``answers`` (in the Hugo site ``hugo`` describes)."""
    base = answers.base_url.rstrip("/")
    own = language_defaults(answers.language)
    layout = _hugo_layout(hugo, own) if hugo is not None else _default_layout(own)
    day_first = answers.language.lower().split("-")[0] not in ("en",) or answers.language == "en-GB"
    return TEMPLATE.format(
        base_url=json.dumps(base),
        site_name=json.dumps(answers.site_name, ensure_ascii=False),
        language=json.dumps(answers.language),
        home=json.dumps(base + "/"),
        base=base,
        date_order="day-first" if day_first else "month-first",
        **{key: json.dumps(value, ensure_ascii=False) for key, value in layout.items()},
        framework=_hugo_lines(hugo, base) if hugo is not None else "",
    )


def _default_layout(own: LanguageDefaults) -> dict[str, str]:
    """Where articles are and their URLs, in the language's words."""
    return {
        "article_url": own.index_url + "{slug}/",
        "content_dir": "content",
        "index_name": own.index_name,
        "index_url": own.index_url,
    }


def _hugo_layout(hugo: HugoSite, own: LanguageDefaults) -> dict[str, str]:
    """Where the Hugo site's articles are, their URLs, and their section's page."""
    section = hugo.section or own.index_url.strip("/")
    return {
        "article_url": hugo.article_url,
        "content_dir": hugo.content_dir,
        "index_name": section.replace("-", " ").capitalize(),
        "index_url": f"{hugo.url_prefix}/{section}/",
    }


def _hugo_lines(hugo: HugoSite, base: str) -> str:
    """The settings for a Hugo site: its data files, the sitemap index, what was not taken."""
    notes = "".join(f"# Not taken from {hugo.config.name}: {note}.\n" for note in hugo.notes)
    return (
        f"\n# Read from the Hugo site's {hugo.config.name}. Hugo reads the head tags from\n"
        "# out/_hugo/ through layouts/partials/seo-export.html (see docs/hugo.md).\n"
        'frameworks = ["hugo"]\n'
        "# seo-export's sitemap.xml as the index of the articles' sitemap and Hugo's own,\n"
        "# renamed and without the articles (docs/hugo.md, Sitemaps):\n"
        f"# sitemap_extra = [{json.dumps(base + '/sitemap-hugo.xml')}]\n"
        f"{notes}"
    )


def _first_missing(folder: Path) -> Path | None:
    """The outermost folder of ``folder``'s path that does not exist yet (mkdir makes it)."""
    missing = None
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing = candidate
    return missing


def init_project(folder: Path, answers: Answers, hugo: HugoSite | None = None) -> list[Path]:
    """Write seo-export.toml (and content/example.md when content/ has no article); the files.

    In a Hugo site (``hugo``, from :func:`~seo_export.project.hugo_site.read_hugo_site`),
    the settings follow its config, and the partial goes into layouts/partials/ unless one
    is there. Refuses to overwrite an existing seo-export.toml. The written settings are
    loaded back, so a bad answer is reported now, not at the first build.
    """
    settings_path = folder / SETTINGS_FILE
    if settings_path.exists():
        raise InitError(f"{settings_path} exists already; edit it, or remove it first")
    text = settings_text(answers, hugo)
    created = _first_missing(folder)
    folder.mkdir(parents=True, exist_ok=True)
    settings_path.write_text(text, encoding="utf-8")
    try:
        load_settings(settings_path)
    except SettingsError as error:
        settings_path.unlink()  # nothing is left of a failed init: not the file, not the folder
        if created is not None:  # the folders this call made, each empty now
            for made in (folder, *folder.parents):
                with contextlib.suppress(OSError):
                    made.rmdir()
                if made == created:
                    break
        problems = "\n".join(f"  {problem}" for problem in error.problems)
        raise InitError(
            f"the answers do not make valid settings; nothing was written:\n{problems}"
        ) from None

    written = [settings_path]
    partial = folder / HUGO_PARTIAL
    if hugo is not None and not partial.exists():
        partial.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes((Path(__file__).parent / "hugo-partial.html").read_bytes())
        written.append(partial)
    content = folder / "content"
    has_articles = content.is_dir() and any(
        path.suffix.lower() in SOURCE_SUFFIXES for path in content.rglob("*")
    )
    if not has_articles:
        content.mkdir(exist_ok=True)
        own = language_defaults(answers.language)
        example = content / own.example_name
        example.write_text(own.example, encoding="utf-8")
        written.append(example)
    return written
