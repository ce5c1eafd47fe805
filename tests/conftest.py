"""Shared fixtures: tiny fixture sites built into temp folders, as Pelican's own tests do."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from sitebuild import SITES, build_site  # noqa: E402


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


@pytest.fixture(autouse=True)
def _fresh_pelican_log_dedup():
    """Each test sees its own warnings: Pelican's LimitFilter drops a message already logged
    once in the process (a class-level set), so a warning one test expects could have been
    swallowed because an earlier test, or a build it ran, logged the same text."""
    import sys

    log = sys.modules.get("pelican.log")
    if log is not None:
        log.LimitFilter._raised_messages.clear()
        log.LimitFilter._group_count.clear()
    yield
