"""Shared fixtures: tiny fixture sites built into temp folders, as Pelican's own tests do."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITES = FIXTURES / "sites"


def site_settings(content: Path, output: Path, cache: Path, **extra) -> dict:
    """Settings for a fixture site: the real pelicanconf with the paths moved."""
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(cache),
        "SITEURL": "https://investors.example.com",
        "FEED_DOMAIN": "https://investors.example.com",
        "TIMEZONE": "America/Toronto",
    }
    overrides.update(extra)
    return overrides


def build_site(content: Path, output: Path, cache: Path | None = None, **extra) -> Path:
    """Build a fixture site with Dateline's atomic build; raises on failure."""
    from dateline.build import build

    cache = cache or output.parent / "cache"
    return build(str(ROOT / "pelicanconf.py"), site_settings(content, output, cache, **extra))


@pytest.fixture
def tiny_site(tmp_path) -> Path:
    """A private copy of tests/fixtures/sites/tiny/content to build or break."""
    content = tmp_path / "content"
    shutil.copytree(SITES / "tiny" / "content", content)
    return content


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The tiny fixture site, built once per session (read-only for tests)."""
    base = tmp_path_factory.mktemp("built")
    content = base / "content"
    shutil.copytree(SITES / "tiny" / "content", content)
    return build_site(content, base / "output", base / "cache", SITEURL="")


@pytest.fixture(autouse=True)
def _quiet_pelican_logs(caplog):
    caplog.set_level(logging.INFO)
    yield
