"""A tiny site built by `dateline build` in a subprocess, to kill, damage and rebuild.

Each site lives in its own folder with relative paths (content/, output/,
cache/), so whole output trees compare across folders. Version "old" is the
tiny fixture; version "new" removes a release (its text is on the home,
archive, tag pages, feeds, register) and edits another, as in issue 14 item 8.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import ROOT, SITES

REMOVED = "releases/2021/2021-03-04-northgate-grants-options.md"
EDITED = "releases/2024/2024-06-12-northgate-drilling-results.md"
EDIT_MARK = "A sentence added in the new version of the site."

CONF = f"""import sys
sys.path.insert(0, {str(ROOT)!r})
from pelicanconf import *
PATH = "content"
OUTPUT_PATH = "output"
CACHE_PATH = "cache"
THEME = {str(ROOT / "theme")!r}
SITEURL = FEED_DOMAIN = "https://investors.example.com"
"""


def make_versions(base: Path) -> dict[str, Path]:
    """Pristine content folders for the two versions."""
    old, new = base / "versions/old", base / "versions/new"
    shutil.copytree(SITES / "tiny/content", old)
    shutil.copytree(old, new)
    (new / REMOVED).unlink()
    edited = new / EDITED
    edited.write_text(edited.read_text() + f"\n{EDIT_MARK}\n")
    return {"old": old, "new": new}


def make_site(folder: Path, content: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "conf.py").write_text(CONF)
    use_content(folder, content)
    return folder


def use_content(folder: Path, content: Path) -> None:
    """Make the site's content exactly a pristine version, modification times included."""
    shutil.rmtree(folder / "content", ignore_errors=True)
    shutil.copytree(content, folder / "content")


def run_build(folder: Path, fault: str | None = None,
              timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    env.pop("DATELINE_FAULT", None)
    if fault:
        env["DATELINE_FAULT"] = fault
    return subprocess.run(
        [sys.executable, "-m", "dateline.commands.cli", "build", "-s", "conf.py"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_build(folder: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    env.pop("DATELINE_FAULT", None)
    return subprocess.Popen(
        [sys.executable, "-m", "dateline.commands.cli", "build", "-s", "conf.py"],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


BUILD_TIME = re.compile(rb"<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^<]*</lastmod>")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file's bytes. The sitemap's lastmod of list pages is the build time (pelican-sitemap):
    the only bytes that differ between two clean builds, so they are masked."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            raw = path.read_bytes()
            files[str(path.relative_to(folder))] = BUILD_TIME.sub(
                b"<lastmod/>", raw) if path.name == "sitemap.xml" else raw
    return files


def leftovers(folder: Path) -> list[str]:
    """Staging folders or parked sites a build left beside output/ (not the background deletion)."""
    return sorted(p.name for p in folder.iterdir()
                  if p.name.startswith((".output.staging", ".output.retiring")))
