"""Golden site cases: a small site per tool convention, built whole.

Each tests/cases/sites/<name>/ holds a seo-export.toml and a content/ folder laid out as
that tool lays it out (Hugo, Jekyll, Astro, a Next.js site like FysFinder's). It is built
in tmp_path, and compared with its expected/ folder: every article's schema.jsonld and
head.html (as expected/<slug>.jsonld and .head.html), the sitemap, and the findings
(severity, code, file, line, key). ``pytest --update-golden`` rewrites expected/.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from seo_export.build.site import build_site
from seo_export.config.settings import load_settings

from xsd import validate_sitemap

SITES = Path(__file__).parent / "cases" / "sites"
CASES = sorted(path.name for path in SITES.iterdir() if (path / "seo-export.toml").is_file())


def test_there_is_a_site_per_tool() -> None:
    assert CASES == ["astro", "hugo", "jekyll", "nextjs"]


@pytest.mark.parametrize("name", CASES)
def test_site_case(
    name: str, tmp_path: Path, check_golden: Callable[[Path, str], None], update_golden: bool
) -> None:
    case = SITES / name
    project = tmp_path / name
    shutil.copytree(case, project, ignore=shutil.ignore_patterns("expected"))
    result = build_site(load_settings(project / "seo-export.toml"), jobs=1)
    out = project / "out"
    expected = case / "expected"
    if update_golden and expected.exists():
        shutil.rmtree(expected)
    built = sorted(path.parent.name for path in out.glob("*/schema.jsonld"))
    written = {
        f"{slug}.jsonld": (out / slug / "schema.jsonld").read_text("utf-8") for slug in built
    }
    written |= {
        f"{slug}.head.html": (out / slug / "head.html").read_text("utf-8") for slug in built
    }
    sitemap = (out / "sitemap.xml").read_bytes()
    validate_sitemap(sitemap)
    written["sitemap.xml"] = sitemap.decode("utf-8")
    findings = [[f.severity.value, f.code, f.file, f.line, f.key] for f in result.findings]
    written["findings.json"] = json.dumps(findings, ensure_ascii=False, indent=1) + "\n"
    for file_name, text in written.items():
        check_golden(expected / file_name, text)
    assert sorted(p.name for p in expected.iterdir()) == sorted(written)


@pytest.mark.parametrize("name", CASES)
def test_site_case_validates_with_the_vocabulary(name: str, tmp_path: Path) -> None:
    """What each site's articles make (Person nodes, author, keywords, ...) is schema.org:
    ``validate`` runs the vocabulary check the build leaves out, and finds nothing."""
    from seo_export.project.validate import validate_project

    shutil.copytree(SITES / name, tmp_path / name, ignore=shutil.ignore_patterns("expected"))
    report = validate_project(load_settings(tmp_path / name / "seo-export.toml"))
    codes = {f.code for unit in report.units for f in unit.findings}
    assert {code for code in codes if code.startswith("vocab-")} == set()
    assert not any(f.severity.value == "error" for unit in report.units for f in unit.findings)
