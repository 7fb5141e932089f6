"""Finding codes of the stages: each code's severity, meaning and fix.

Codes are stable: teams grep, filter and suppress them. A finding can only be
made for a declared code, so the docs' codes table and ``seo-export explain`` never
miss one. The stages (discover, parse, normalize, extract, validate, inject,
bundle, ...) declare theirs in :data:`STAGE_CODES`; each check declares its own
beside it in :mod:`seo_export.checks`, whose registry merges the two
(``all_codes``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from seo_export.model import Finding, Severity

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What a finding code means."""

    severity: Severity
    """Default severity."""
    meaning: str
    """What was found."""
    fix: str
    """How to make it go away."""
    stage: str
    """Which stage reports it (``check`` for the codes of checks)."""


def _codes(*rows: tuple[str, Severity, str, str, str]) -> dict[str, CodeInfo]:
    return {code: CodeInfo(sev, meaning, fix, stage) for code, sev, stage, meaning, fix in rows}


# fmt: off
STAGE_CODES: dict[str, CodeInfo] = _codes(
    # discover
    ("content-empty", W, "discover",
     "The content folder (or a folder named to validate) has no article files (.md, "
     ".markdown, .txt). A build of it into an out/ that has articles stops with exit 1 and "
     "changes nothing, unless --allow-empty.",
     "Check --content or content_dir; if the site really has no articles, ignore the code "
     "(and build with --allow-empty once to empty out/)."),
    ("source-outside-content", E, "discover",
     "A file in the content folder is a link to a file outside it.",
     "Copy the article into the content folder instead of linking it."),
    ("file-unreadable", E, "discover",
     "The file could not be read.",
     "Check the file's permissions."),
    ("source-not-regular", E, "discover",
     "A file in the content folder with an article's name is not a regular file (a FIFO, a "
     "socket, a device); it was skipped, not read (reading a FIFO would wait for ever).",
     "Remove it from the content folder, or give it another name."),
    ("file-name-encoding", E, "discover",
     "The file's name is not valid UTF-8, which the manifest, sitemaps and reports cannot hold.",
     "Rename the file (UTF-8 names, such as Danish letters, are fine)."),
    ("file-too-large", E, "discover",
     "The file is larger than max_file_bytes.",
     "Split the article, or raise max_file_bytes in the settings."),
    ("file-encoding", E, "discover",
     "The file is not UTF-8 (UTF-16, Latin-1, ...).",
     "Save the file as UTF-8."),
    ("file-binary", E, "discover",
     "The file contains NUL bytes: it is not text.",
     "Remove the file from the content folder."),
    ("file-empty", E, "discover",
     "The file is empty or only whitespace.",
     "Write the article or remove the file."),
    # parse
    ("front-matter-missing", E, "parse",
     "The file has no front matter (--- ... --- at the top).",
     "Start the file with a YAML front-matter block that has at least a title."),
    ("front-matter-unclosed", E, "parse",
     "The front matter has no closing --- line.",
     "Close the front matter with a line of three dashes."),
    ("yaml-invalid", E, "parse",
     "The front matter is not valid YAML.",
     "Fix the YAML at the line given (quote values that contain ': ' or start with a symbol)."),
    ("yaml-not-mapping", E, "parse",
     "The front matter is a list or a single value, not key: value pairs.",
     "Write the front matter as key: value lines."),
    ("yaml-duplicate-key", E, "parse",
     "A front-matter key appears twice; YAML would keep only the last.",
     "Remove one of the two keys."),
    ("yaml-unsafe-tag", E, "parse",
     "The front matter uses a YAML tag that asks for a Python object.",
     "Remove the !!python/... tag; front matter holds plain values only."),
    ("yaml-too-large", E, "parse",
     "The front matter expands (through anchors and aliases) to more than "
     "max_front_matter_nodes values.",
     "Remove the aliases, or raise max_front_matter_nodes."),
    # normalize
    ("title-missing", E, "normalize",
     "The article has no title, and none can be derived (no H1, no metaTitle with a "
     "separator, no file name).",
     "Add `title: ...` to the front matter."),
    ("title-derived", INFO, "normalize",
     "The front matter has no title; it was taken from the article's H1, the part of metaTitle "
     "before its first separator (' – ', ' - ', ' | ', ':'), or the file name made readable.",
     "Write `title:` yourself when the derived one is not the page's title."),
    ("field-type", E, "normalize",
     "A front-matter value has the wrong type (a list where text belongs, ...).",
     "Write the value in the form the settings reference gives for that key."),
    ("field-unknown", W, "normalize",
     "A front-matter key is not one seo-export reads but is close to one (datePublised, "
     "lastUpdate, draf): probably a misspelling, so its value is not used.",
     "Spell the key as the finding suggests (case does not matter); a key of your own "
     "that only looks like one of ours can be left, or the code ignored."),
    ("date-invalid", E, "normalize",
     "A date cannot be read, or does not exist (31/02/2024).",
     "Write the date as YYYY-MM-DD or DD/MM/YYYY."),
    ("date-no-offset", INFO, "normalize",
     "A date has a time but no UTC offset; a time without one is ambiguous, so only the date "
     "is used.",
     "Add the offset (2025-02-19T10:30:00+01:00) or write the date alone."),
    ("date-ambiguous", INFO, "normalize",
     "Numeric dates read as two different dates (03/04/2025) and the settings leave their "
     "order to the default (day first). Reported once per run, with how many and the first; "
     "never when date_order is set.",
     "Set date_order = \"day-first\" (or \"month-first\") in the settings; the dates can "
     "stay as they are."),
    ("date-future", W, "normalize",
     "A date lies in the future; search engines distrust future publication dates.",
     "Correct the date, or keep the article as a draft until then."),
    ("date-too-old", W, "normalize",
     "A date lies before 1990, which is almost certainly a typo for a web article.",
     "Correct the year."),
    ("date-order", W, "normalize",
     "The last-updated date lies before the publication date; the later one is used as "
     "dateModified.",
     "Correct whichever of the two dates is wrong."),
    ("slug-invalid", E, "normalize",
     "The slug is empty or not lower-case letters, digits and single hyphens (it could leave "
     "the site).",
     "Set `slug:` to something like `nerve-entrapment`, or give the article a title with "
     "letters."),
    ("slug-from-file-name", W, "normalize",
     "The file name is not a URL slug (capitals, spaces, letters outside a-z), so the slug "
     "made from it may not be the page's real address.",
     "Rename the file to its slug (knae-smerter.md), or set `slug:` to the page's last "
     "URL part."),
    ("url-date-missing", E, "normalize",
     "article_url has {year}, {month} or {day}, but the article has no publication date.",
     "Give the article a date (datePublished, date, or a file name that starts with "
     "YYYY-MM-DD-)."),
    ("slug-duplicate", E, "normalize",
     "Two articles have the same slug; the later file is skipped.",
     "Give one of them another slug."),
    ("canonical-invalid", E, "normalize",
     "The canonical URL in the front matter is unsafe or points to another site.",
     "Write a URL on the site (https://your.site/...) or a path starting with /."),
    ("url-invalid", W, "normalize",
     "A URL in the front matter (image, ...) is unsafe or not http(s); it is left out.",
     "Write an https:// URL or a path starting with /."),
    ("hreflang-invalid", W, "normalize",
     "A translation has no valid language tag or an unsafe URL; it is left out.",
     "Write translations as `da-DK: https://...` pairs."),
    ("entity-type-invalid", W, "extract",
     "A front-matter item's type is not one its property allows (a Drug among the "
     "symptoms), so the JSON-LD could not carry it; the item keeps the property's default "
     "type.",
     "Write one of the property's types (the property table of the docs lists them), or none."),
    ("about-type", INFO, "normalize",
     "Says which schema.org type the page's about (the main entity) has, and why: the front "
     "matter's type, a settings rule, or the article's text (its opening definition, title or "
     "headings). Thing when nothing shows a type: a plain entity rather than a wrong one.",
     "Nothing to fix when the type is right. Otherwise write it in the front matter "
     "(schemaType: AnatomicalStructure, or a word such as anatomi, sport, kost), add an "
     "[[about_types]] rule to the settings, or let `seo-export suggest --write` write it."),
    ("about-type-unknown", W, "normalize",
     "The front matter's schemaType (or aboutType, entityType) names no type seo-export "
     "publishes, so the type is read from the settings and the text instead.",
     "Write a type of the docs' table of types (MedicalCondition, AnatomicalStructure, "
     "PhysicalActivity, Diet, ...) or one of its words (sygdom, anatomi, sport, kost)."),
    ("property-not-for-type", W, "extract",
     "The front matter gives items of a property that schema.org does not give the main "
     "entity's type (symptoms of a body part, treatments of a sport); they are left out.",
     "Remove the key, or correct the article's type (schemaType) if it is wrong."),
    ("entity-left-out", INFO, "extract",
     "Something the text lists under a property of the main entity is not a clean entity (a "
     "clause, a fragment, too long, link text, a negated or differential mention, a word of "
     "another property, a duplicate), so it is left out; the message says which and why.",
     "Nothing to do when the reason is right; otherwise give the items in the front matter "
     "(symptoms: [...], ...) or add the site's words in extraction_words."),
    ("section-no-items", INFO, "extract",
     "A section (or FAQ question) maps to a property of the main entity that prose extraction "
     "does not read (possibleComplication, expectedPrognosis, a row a site adds), but has no "
     "list and no cue-introduced enumeration, so it gives no items.",
     "List the items (- item), introduce them with a cue word (inkluderer, herunder, such "
     "as, ...), or give them in the front matter."),
    # (article and site checks list their codes here: seo_export/checks/article_*.py, site_*.py)
    # a JSON-LD document (our build, or any page), then its checks (checks/document_*.py)
    ("jsonld-schema", E, "validate",
     "The JSON-LD document does not match schemas/graph.schema.json (the JSONPath says where).",
     "If the article causes it, fix the article; otherwise report a bug in seo-export."),
    # reading pages (seo-export check), then their checks (checks/page_*.py)
    ("pages-none", W, "check",
     "The folders named to check hold no HTML pages (.html, .htm), so nothing was checked.",
     "Name the folder where the site's built pages are."),
    ("page-unreadable", E, "check",
     "A page could not be read or decoded.",
     "Check the file's permissions and encoding."),
    # sitemaps and head snippets
    ("sitemap-entry-too-large", W, "build",
     "An article's sitemap entry alone (its URL, alternates and images) is larger than a "
     "sitemap file may be (sitemap_max_bytes), so the article is left out of the sitemaps.",
     "Raise sitemap_max_bytes (the protocol allows 50 MiB), or shorten the URLs."),
    ("sitemap-url-too-long", E, "build",
     "An article's URL is longer than 2,048 characters, which the sitemap protocol forbids; "
     "it was left out of the sitemaps.",
     "Shorten the article's slug or canonical URL (or article_url)."),
    ("sitemap-invalid", E, "validate",
     "A sitemap breaks the protocol: not well-formed, over 50,000 URLs or 50 MiB, a relative or "
     "over-long loc, a lastmod that is not a W3C date, or (with --sitemap-schemas) the XSD.",
     "Report it: seo-export writes sitemaps; the message says what is wrong."),
    ("head-invalid", E, "validate",
     "A head snippet does not parse into exactly one title, description and canonical, and one "
     "JSON-LD script equal to the built document.",
     "Report it: seo-export writes head snippets; the message says what is wrong."),
    # inject
    ("inject-page-not-found", W, "inject",
     "No page of the built site matches an article's URL (setting page_paths).",
     "Build the page first, or set page_paths to where the site keeps its pages."),
    ("inject-no-head", W, "inject",
     "A page has no <head> start tag (a browser would not keep the block's first comment in "
     "the head it makes), or nothing ends its head before the page ends (a <title>, "
     "<script>, comment or tag never closed would hold the block); it was not touched.",
     "Give the page a <head> element."),
    ("inject-not-html", W, "inject",
     "A file is not HTML, not a regular file, in an encoding seo-export does not edit "
     "(UTF-16), or its head could not be lined up with its text; not touched.",
     "Check the page_paths setting; save the page as UTF-8."),
    ("inject-conflict", W, "inject",
     "The page already has a tag the snippet sets (canonical, title, description, robots, og:*, "
     "twitter:*) or a JSON-LD MedicalWebPage/FAQPage.",
     "Remove it from the site's template, or run inject --replace-conflicts."),
    ("inject-verify-failed", E, "inject",
     "After injection the page did not read back with exactly one canonical, title and "
     "description and the built JSON-LD; the page was left as (or restored to) what it was.",
     "Resolve the conflicts reported for the page (or --replace-conflicts), then inject again."),
    ("inject-write-failed", E, "inject",
     "A page could not be read or written; it was left as it was.",
     "Check the file's permissions and the disk."),
    ("inject-page-changed", E, "inject",
     "A page changed between seo-export reading it and writing it (the site generator "
     "rewrote it?); it was left as the generator made it.",
     "Run inject (or eject) again once the site's build has finished."),
    ("inject-read-only", W, "inject",
     "A page is read-only (its owner may not write it); it was left alone.",
     "Make the page writable, or run inject (or eject) with --write-read-only, which keeps "
     "its mode."),
    ("inject-owner-not-kept", E, "inject",
     "A page belongs to another user or group, which the new file could not be given (only "
     "root can); it was left alone rather than handed to this user.",
     "Run inject as the page's owner (or as root)."),
    ("page-link-outside-site", W, "inject",
     "A page is a link to a file outside the site folder; it was not written (a page that "
     "links inside the site is written through the link, which stays).",
     "Inject into the folder the link points to, or replace the link with the page."),
    ("page-charset-unknown", W, "pages",
     "A page declares a charset that browsers do not know (base64, utf-7, ...), so they "
     "ignore it and guess, or one they read as nothing (iso-2022-kr, the replacement "
     "encoding); inject and eject leave the page alone, check reads it as a browser would.",
     "Declare the page's real encoding: <meta charset=\"utf-8\">."),
    ("inject-broken-block", E, "inject",
     "A page's <head> has a seo-export start marker without its end marker, or two start "
     "markers.",
     "Remove the partial block by hand, then inject again."),
    # bundle (out/articles.ndjson)
    ("bundle-file-unreadable", E, "bundle",
     "A built article's head.html, schema.jsonld or meta.json is missing from out/ or is not "
     "what a build writes (not UTF-8, not a JSON object); the article was left out of the bundle.",
     "Build again (seo-export build --force rewrites every article's files), then bundle."),
    ("draft-skipped", INFO, "normalize",
     "The article is a draft (draft: true, published: false, or a Hugo headless bundle) and "
     "was not built.",
     "Remove `draft: true` when it is ready."),
    ("publish-scheduled", INFO, "normalize",
     "The publication date lies in the future, so the article is left out (not built, not in "
     "the sitemap) until that day, as Hugo leaves it out.",
     "Build again on that day (a daily build publishes it), or correct the date."),
    ("expired", INFO, "normalize",
     "The article's expiryDate has passed, so it is left out (not built, not in the sitemap), "
     "as Hugo leaves it out.",
     "Remove or move expiryDate to publish it again."),
    ("expiry-date-set", INFO, "normalize",
     "The article has an expiryDate in the future: it is built until that day.",
     "Build again on that day (a daily build takes it down)."),
    ("faq-empty-answer", W, "normalize",
     "An FAQ question has no answer text.",
     "Write an answer under the question's heading, or remove the question."),
    ("faq-empty-question", W, "normalize",
     "An FAQ question's H3 has no text, so it cannot be a Question; it is left out.",
     "Write the question in the H3, or remove the empty heading."),
    ("faq-no-questions", W, "normalize",
     "The FAQ section has no questions: no H3 question, no **Q:** ... **A:** pair and no bold "
     "question paragraph.",
     "Write each question as an H3 (### ...) under the FAQ heading."),
    ("faq-not-a-question", INFO, "normalize",
     "A heading under the FAQ heading is not a question (it neither ends with ? nor starts "
     "with a question word, e.g. Referenceliste), so it is not published as a Question; its "
     "text is still read for the condition's properties.",
     "Move it out of the FAQ section, or write it as a question."),
)
# fmt: on


def finding(
    code: str,
    message: str,
    file: str | None = None,
    line: int | None = None,
    *,
    key: str | None = None,
    json_path: str | None = None,
) -> Finding:
    """A finding with the registered severity of ``code``."""
    info = STAGE_CODES[code]
    return Finding(info.severity, code, message, file, line, key, json_path)


def worst(findings: Iterable[Finding]) -> Severity | None:
    """The highest severity among ``findings`` (None for none)."""
    ranks = [f.severity for f in findings]
    return max(ranks, key=lambda s: s.rank) if ranks else None
