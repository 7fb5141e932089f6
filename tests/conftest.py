"""Shared fixtures: the repository's sample, settings for tests, golden-file support.

Golden files are regenerated for review with ``pytest --update-golden``.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from seo_export.config.settings import Settings, load_settings

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "content" / "nerveafklemning.md"
# Third-party files the tests read (the schema.org release and examples, the sitemap XSDs),
# in the repository with their sources and licences: tests/data/SOURCES.md.
DATA = REPO / "tests" / "data"
RELEASE = DATA / "schemaorg" / "schemaorg-current-https.jsonld"
"""schema.org's release 30.0, the one the built-in vocabulary is generated from."""
SITEMAP_XSDS = DATA / "sitemaps"
"""The sitemaps.org XSDs and the image, XHTML and xml.xsd schemas they import."""
SCHEMAORG_EXAMPLES = DATA / "schemaorg-examples"
"""schema.org's own markup examples (microdata, RDFa and JSON-LD)."""
# Data without a licence to copy (the FysFinder articles) stays outside the repository;
# the tests and benchmarks that read it skip where it is absent.
CORPORA = REPO.parent / "shared" / "corpora"


# Property tests: a fixed seed and budget in CI; HYPOTHESIS_PROFILE=long explores for real.
hypothesis_settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
hypothesis_settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


class _NoNetwork(socket.socket):
    """The test suite runs offline: any attempt at an internet connection fails the test."""

    def connect(self, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise AssertionError(f"a test tried to connect to {address!r}: tests run offline")
        super().connect(address)  # type: ignore[arg-type]


socket.socket = _NoNetwork  # type: ignore[misc]


def _no_lookups(*args: object, **kwargs: object) -> object:
    raise AssertionError(f"a test tried to resolve {args[:1]!r}: tests run offline")


socket.getaddrinfo = _no_lookups  # type: ignore[assignment]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite golden (expected) files from the current output, for review in a diff.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def check_golden(update_golden: bool) -> Callable[[Path, str], None]:
    """Compare text with a golden file (or rewrite it under --update-golden)."""

    def check(path: Path, actual: str) -> None:
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(f"golden file {path} is missing; run pytest --update-golden and review it")
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"output differs from {path.relative_to(REPO)}"

    return check


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The sample site's settings, with content/ and out/ in tmp_path."""
    return load_settings(
        REPO / "seo-export.toml",
        content_dir=str(tmp_path / "content"),
        out_dir=str(tmp_path / "out"),
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the sample project (settings + content) in tmp_path."""
    shutil.copy(REPO / "seo-export.toml", tmp_path / "seo-export.toml")
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path


def reference_data(*parts: str) -> Path:
    """A path under tests/data (e.g. ``reference_data("sitemaps")``); it is in every clone."""
    path = DATA.joinpath(*parts)
    assert path.exists(), f"{path} is missing from the repository (tests/data/SOURCES.md)"
    return path


# The name tests used while this data lived outside the repository, in ../shared/reference.
needs_reference = reference_data


def needs_corpus(*parts: str) -> Path:
    """A path under ../shared/corpora (no licence to copy it here), or skip saying why."""
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus {path} is not here (it is not in the repository: no licence)")
    return path
