"""suggest --write: prose-derived items become explicit front matter; nothing else changes."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_export.build.article import build_article
from seo_export.cli import main
from seo_export.config.settings import Settings
from seo_export.project.suggest import (
    SuggestWriteError,
    with_explicit_lists,
    write_suggestions,
    yaml_scalar,
)

from conftest import SAMPLE
from helpers import typed_as


def body_of(raw: bytes) -> bytes:
    """Everything from the closing front-matter fence on."""
    second = raw.index(b"\n---", raw.index(b"---") + 3)
    return raw[second:]


@pytest.mark.parametrize("flavour", ["lf", "crlf-bom"])
def test_write_round_trips_with_only_the_front_matter_changed(
    tmp_path: Path, settings: Settings, flavour: str
) -> None:
    raw = SAMPLE.read_bytes()
    if flavour == "crlf-bom":
        raw = b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")
    path = tmp_path / "nerveafklemning.md"
    path.write_bytes(raw)
    path.chmod(0o640)
    before = build_article(raw.decode("utf-8"), settings, path="a.md")

    added = write_suggestions(path, settings, "a.md")

    assert list(added.entities) == [
        "signOrSymptom",
        "cause",
        "riskFactor",
        "typicalTest",
        "possibleTreatment",
        "primaryPrevention",
    ]
    after_raw = path.read_bytes()
    assert body_of(after_raw) == body_of(raw)
    assert after_raw.startswith(
        raw[: raw.index(b"datePublished")]
    )  # old keys, same order, same bytes
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    if flavour == "crlf-bom":
        assert after_raw.startswith(b"\xef\xbb\xbf")
        assert b"\n" not in after_raw.replace(b"\r\n", b"")
    after = build_article(after_raw.decode("utf-8"), settings, path="a.md")
    assert after.jsonld == before.jsonld  # the graph is the same ...
    assert after.article is not None
    for items in after.article.entities.values():  # ... but now owned by the front matter
        assert {item.source for item in items} == {"front-matter"}
    # A second run has nothing left to add and leaves the file alone.
    assert write_suggestions(path, settings, "a.md").entities == {}
    assert path.read_bytes() == after_raw


def test_front_matter_lines_added_are_exact(tmp_path: Path, settings: Settings) -> None:
    settings = typed_as(settings)  # a type from the settings is not written into the file
    body = "## Årsager\n\nÅrsager omfatter akut stress, kronisk overbelastning og #1 fejl.\n"
    text = f"---\ntitle: T\nkeep: 1\n---\n\nI.\n\n{body}"
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    write_suggestions(path, settings, "t.md")
    assert path.read_text(encoding="utf-8") == (
        "---\ntitle: T\nkeep: 1\ncause:\n  - akut stress\n  - kronisk overbelastning\n"
        f'  - "#1 fejl"\n---\n\nI.\n\n{body}'
    )


def test_yaml_scalar_reads_back_the_same() -> None:
    import yaml

    for value in [
        "plain",
        "a: b",
        "#x",
        "- y",
        "yes",
        "123",
        "2024-01-01",
        "'q'",
        "ø, æ og å",
        " lead",
    ]:
        assert yaml.safe_load(f"k: {yaml_scalar(value)}")["k"] == value


def test_file_without_front_matter_is_refused() -> None:
    with pytest.raises(SuggestWriteError):
        with_explicit_lists("# no front matter\n", {"cause": ()})


def test_cli_suggest_prints_items_with_provenance(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["suggest"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:4] == [
        "content/nerveafklemning.md",
        '  type: MedicalCondition  [text: definition: "Nerveafklemning er en tilstand, hvor en '
        'nerve bliver komprimeret elle…" -> tilstand]',
        "  signOrSymptom:",
        "    - smerte  [prose, line 12]",
    ]
    assert "    - diabetes  [prose, line 50]" in result.output
    written = CliRunner().invoke(main, ["suggest", "--write", "content/nerveafklemning.md"])
    assert written.exit_code == 0
    assert (
        "wrote schemaType: MedicalCondition, signOrSymptom, cause, riskFactor, typicalTest, "
        "possibleTreatment, primaryPrevention to the front matter" in written.output
    )
    again = CliRunner().invoke(main, ["suggest"])
    assert "    - prikken  [front-matter, line 10]" in again.output
    assert "  type: MedicalCondition  [front-matter: schemaType: MedicalCondition]" in again.output


def test_cli_suggest_reports_a_broken_article_and_goes_on(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    broken = project / "content" / "broken.md"
    broken.write_text("---\ntitle: Ødelagt: x\n---\n\nTekst.\n", "utf-8")
    before = broken.read_bytes()
    for arguments in (["suggest"], ["suggest", "--write"]):
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 1, result.output
        lines = result.output.splitlines()
        assert lines[0].startswith("content/broken.md:2: error: yaml-invalid: ")
        assert "content/broken.md" not in lines[1:]  # no "(no items)" for it
        assert lines[1] == "content/nerveafklemning.md"  # the good one still gets its items
    assert broken.read_bytes() == before


def test_cli_show_prints_the_graph(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["show", "content/nerveafklemning.md"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)  # the type's line goes to standard error
    assert document["@graph"][0]["@id"] == "https://www.fysfinder.dk/artikler/nerveafklemning/"
    assert result.stdout.startswith('{\n  "@context": "https://schema.org",\n')
    assert result.stderr.startswith("about: MedicalCondition (text: definition: ")
