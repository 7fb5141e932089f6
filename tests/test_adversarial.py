"""Hostile and broken input: one case per file in tests/adversarial/.

Each case is built in a small site beside two good articles. The case must
produce exactly its expected findings (code and line; info findings only where
the case asks), both good articles must still build, and whatever the case
itself builds must be safe: the head snippet parses (as a browser parses it)
into exactly the tags built and no more, its JSON-LD reads back (strictly and
through extruct) as the built document, nothing ends the script early or opens
a comment, links are http(s) only, no file lands outside out/, and the sitemap
stays valid against the sitemaps.org schema.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import extruct
import html5lib
import pytest

from seo_export.build.site import build_site
from seo_export.config.settings import load_settings

from conftest import REPO
from xsd import validate_sitemap

CASES_DIR = Path(__file__).parent / "adversarial"
CASES = sorted(p.name.removesuffix(".expect.json") for p in CASES_DIR.glob("*.expect.json"))
GOOD = "---\ntitle: {title}\ndatePublished: 2025-01-15\ndescription: En god artikel om {title} som er lang nok til en rigtig beskrivelse her.\n---\n\nIntro.\n\n## FAQ\n\n### Hvad?\n\nSvar.\n"
ALLOWED_HEAD_TAGS = {"title", "meta", "link", "script"}


def test_there_are_at_least_60_cases() -> None:
    assert len(CASES) >= 60


def write_case(name: str, spec: dict[str, Any], content: Path, tmp_path: Path) -> Path:
    """The case's file in ``content`` (made from its spec when it is generated)."""
    target = content / spec.get("file_name", f"{name}.md")
    source_md, source_bin = CASES_DIR / f"{name}.md", CASES_DIR / f"{name}.bin"
    generate = spec.get("generate", {})
    kind = generate.get("kind")
    if source_md.exists():
        shutil.copy(source_md, target)
    elif source_bin.exists():
        shutil.copy(source_bin, target)
    elif kind == "symlink_outside":
        outside = tmp_path / "outside.md"
        outside.write_text(GOOD.format(title="Hemmelig"), encoding="utf-8")
        target.symlink_to(outside)
    elif kind == "repeat":
        with open(target, "wb") as handle:
            handle.write(b"---\ntitle: Stor\n---\n\n")
            handle.write(b"a" * generate["bytes"])
    elif kind == "headings":
        sections = "".join(
            f"## Afsnit {n}\n\nTekst til afsnit {n}.\n\n" for n in range(generate["count"])
        )
        target.write_text(
            "---\ntitle: Mange overskrifter\ndescription: En artikel med rigtig mange overskrifter, lang nok til en beskrivelse.\n---\n\nIntro.\n\n"
            + sections,
            encoding="utf-8",
        )
    elif kind == "faq":
        questions = "".join(
            f"### Spørgsmål {n}?\n\nSvar {n}.\n\n" for n in range(generate["count"])
        )
        target.write_text(
            "---\ntitle: Mange spørgsmål\ndescription: En artikel med tusind spørgsmål i sin FAQ, lang nok til en beskrivelse.\n---\n\nIntro.\n\n## FAQ\n\n"
            + questions,
            encoding="utf-8",
        )
    else:
        raise AssertionError(f"case {name} has no file and no generator")
    return target


@pytest.mark.parametrize("name", CASES)
def test_adversarial_case(name: str, tmp_path: Path) -> None:
    spec = json.loads((CASES_DIR / f"{name}.expect.json").read_text(encoding="utf-8"))
    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    content = tmp_path / "content"
    content.mkdir()
    (content / "godt-et.md").write_text(GOOD.format(title="Godt et"), encoding="utf-8")
    (content / "godt-to.md").write_text(GOOD.format(title="Godt to"), encoding="utf-8")
    target = write_case(name, spec, content, tmp_path)
    settings = load_settings(tmp_path / "seo-export.toml")

    result = build_site(settings, jobs=1)

    display = f"content/{target.name}"
    mine = [
        [f.code, f.line]
        for f in result.findings
        if f.file == display and (spec.get("include_info") or f.severity.value != "info")
    ]
    assert sorted(mine, key=str) == sorted(spec["findings"], key=str)
    out = tmp_path / "out"
    for good in ("godt-et", "godt-to"):
        assert (out / good / "head.html").is_file(), f"{good} was not built"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entry = next((a for a in manifest["articles"] if a["source"] == target.name), None)
    assert (entry is not None and entry["built"]) is spec["built"]
    assert_nothing_outside_out(tmp_path)
    validate_sitemap((out / "sitemap.xml").read_bytes())
    if spec["built"]:
        assert entry is not None
        assert_safe_output(out / entry["slug"], spec)


def assert_nothing_outside_out(tmp_path: Path) -> None:
    assert sorted(p.name for p in tmp_path.iterdir()) in (
        sorted(["content", "out", "seo-export.toml", ".out.lock", ".out.cache"]),
        sorted(["content", "out", "seo-export.toml", ".out.lock", ".out.cache", "outside.md"]),
    )
    for path in (tmp_path / "out").rglob("*"):
        assert path.resolve().is_relative_to((tmp_path / "out").resolve())


ANSWER_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "ol",
    "ul",
    "li",
    "a",
    "p",
    "div",
    "b",
    "strong",
    "i",
    "em",
}


def assert_safe_answer(answer: str) -> None:
    """Answer.text holds only Google's tags, no attributes but http(s) links."""
    document = html5lib.parse(
        f"<body>{answer}</body>", treebuilder="lxml", namespaceHTMLElements=False
    )
    body = document.getroot().find("body")
    for element in body.iterdescendants():
        if not isinstance(element.tag, str):
            continue
        assert element.tag in ANSWER_TAGS, element.tag
        allowed = {"href"} if element.tag == "a" else set()
        assert set(element.attrib) <= allowed, element.attrib
        if element.tag == "a":
            assert element.get("href", "").startswith(("https://", "http://")), element.get("href")


def assert_safe_output(folder: Path, spec: dict[str, Any]) -> None:
    head = (folder / "head.html").read_text(encoding="utf-8")
    jsonld = json.loads((folder / "schema.jsonld").read_text(encoding="utf-8"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    document = html5lib.parse(
        f"<!DOCTYPE html><html><head>{head}</head><body><p>x</p></body></html>",
        treebuilder="lxml",
        namespaceHTMLElements=False,
    )
    elements = list(document.getroot().find("head"))
    assert {el.tag for el in elements} <= ALLOWED_HEAD_TAGS
    assert len(elements) == len(meta["tags"]) + 2  # the title, the tags, the script
    assert elements[0].tag == "title" and elements[0].text == meta["title"]
    assert elements[-1].tag == "script"
    assert json.loads(elements[-1].text) == jsonld
    assert head.count("</script>") == 1 and head.endswith("</script>\n")
    assert "<!--" not in head
    body = document.getroot().find("body")
    assert [child.tag for child in body] == ["p"]  # nothing leaked out of the head
    for element in elements:
        for attribute in ("href", "src"):
            value = element.get(attribute)
            assert value is None or value.startswith("https://"), value
    page = f"<!DOCTYPE html><html><head>{head}</head><body></body></html>"
    assert extruct.extract(page, syntaxes=["json-ld"])["json-ld"] == [jsonld]
    answers = [n["acceptedAnswer"]["text"] for n in jsonld["@graph"] if n["@type"] == "Question"]
    for answer in answers:
        assert_safe_answer(answer)
    if "answer_has" in spec:
        assert any(spec["answer_has"] in answer for answer in answers), answers
    for text in spec.get("head_has", []):
        assert text in head, text
    for text in spec.get("head_lacks", []):
        assert text not in head, text
    page_node = jsonld["@graph"][0]
    for key, value in spec.get("json_has", {}).items():
        assert page_node[key] == value, key
