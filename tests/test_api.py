"""The public API that ``seo_export`` re-exports: each name is the documented object,
whatever was imported before it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import seo_export

REPO = Path(__file__).resolve().parent.parent


def test_no_public_name_is_also_a_submodule() -> None:
    # Importing a submodule binds its name on the package, over a lazily loaded export
    # of the same name (``seo_export.validate`` became the module once build_site ran).
    submodules = {info.name for info in pkgutil.iter_modules(seo_export.__path__)}
    assert submodules & set(seo_export.__all__) == set()


def test_every_export_is_its_object_after_a_build_imported_everything(tmp_path: Path) -> None:
    script = f"""
import importlib, pkgutil, types, seo_export
settings = seo_export.load_settings({str(REPO / "seo-export.toml")!r}, out_dir={str(tmp_path / "out")!r})
seo_export.build_site(settings)
for info in pkgutil.iter_modules(seo_export.__path__):
    if info.name != "__main__":  # that one runs the command line
        importlib.import_module("seo_export." + info.name)
for name in seo_export.__all__:
    value = getattr(seo_export, name)
    assert not isinstance(value, types.ModuleType), name
from seo_export import validate
report = validate(settings)
print(type(report).__name__, validate.__module__)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["Report", "seo_export.project.validate"]


def test_public_functions_take_str_paths_as_well_as_paths(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    settings = seo_export.load_settings("seo-export.toml")
    assert seo_export.build_site(settings).built == 1
    page = project / "public" / "artikler" / "nerveafklemning" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html><head><title>x</title></head><body></body></html>", "utf-8")

    assert seo_export.write_bundle("out", "articles.ndjson", root=".").articles == 1
    entries = seo_export.iter_bundle("out", [], root=".")
    assert [entry.slug for entry in entries] == ["nerveafklemning"]
    assert seo_export.write_report(settings, path="report.html") == Path("report.html")
    validated = seo_export.validate(settings, "content", sitemap_schemas=None)  # one path
    assert [unit.name for unit in validated.units][:1] == ["content/nerveafklemning.md"]
    checked = seo_export.check_pages("public", root=".")
    assert [unit.name for unit in checked.units][:1] == [
        "public/artikler/nerveafklemning/index.html"
    ]
    injected = seo_export.inject_site("public", settings, replace_conflicts=True)
    assert "<!-- seo-export:start -->" in page.read_text("utf-8"), injected
    seo_export.eject_site("public")
    assert "<!-- seo-export:start -->" not in page.read_text("utf-8")
