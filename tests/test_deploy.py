"""Deploying: exports readable away from the site, a sitemap of content pages, and the
deploy targets (a local rsync folder, a GitHub Pages custom domain) run for real on a site
started with `dateline init`. The two Makefiles' deploy recipes are held equal."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitebuild import SITES, build_site

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SITEURL = "https://investors.example.com"


def _rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The tiny site built as `make publish` builds: a public SITEURL, absolute URLs."""
    base = tmp_path_factory.mktemp("published")
    shutil.copytree(SITES / "tiny" / "content", base / "content")
    return Path(build_site(base / "content", base / "output", SITEURL=SITEURL))


def test_publish_build_exports_absolute_links_and_true_false(published):
    built_site = published
    grants = _rows(built_site / "grants" / "grants.csv")
    assert grants and all(r["release_url"].startswith(SITEURL + "/releases/") for r in grants)
    assert {r["currency_stated"] for r in grants} <= {"true", "false"}
    records = json.loads((built_site / "grants" / "grants.json").read_text(encoding="utf-8"))
    assert all(r["release_url"].startswith(SITEURL + "/releases/") for r in records)
    assert all(isinstance(r["currency_stated"], bool) for r in records)
    milestones = _rows(built_site / "milestones" / "milestones.csv")
    assert milestones and all(r["release_url"].startswith(SITEURL + "/") for r in milestones)
    json_milestones = json.loads((built_site / "milestones" / "milestones.json").read_text())
    assert all(r["release_url"].startswith(SITEURL + "/") for r in json_milestones)
    page = (built_site / "grants" / "index.html").read_text(encoding="utf-8")
    assert SITEURL + "/" + SITEURL not in page  # the page's own links are not doubled


def test_local_build_keeps_site_relative_links(built_site):
    grants = _rows(built_site / "grants" / "grants.csv")
    assert grants and all(r["release_url"].startswith("releases/") for r in grants)


def test_csv_booleans_and_links_unit():
    # imported here: importing Pelican at collection makes every logger created later a
    # Pelican FatalLogger, whose duplicate filter hides warnings other modules' tests await
    from dateline.pages.registers import absolute_links, to_csv

    rows = [{"release_url": "releases/2024/a/", "currency_stated": True, "number": 5},
            {"release_url": "releases/2024/b/", "currency_stated": False, "number": None}]
    text = to_csv(rows, ["release_url", "currency_stated", "number"])
    assert text.splitlines()[1:] == ["releases/2024/a/,true,5", "releases/2024/b/,false,"]
    assert absolute_links(rows, {"SITEURL": "https://x.example/ir/"})[0]["release_url"] == (
        "https://x.example/ir/releases/2024/a/")
    assert absolute_links(rows, {"SITEURL": "https://x.example", "RELATIVE_URLS": True}) == rows
    assert absolute_links(rows, {"SITEURL": ""}) == rows


def test_sitemap_lists_content_pages_only(published):
    root = ET.parse(published / "sitemap.xml").getroot()
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(loc.endswith("/about/") for loc in locs)
    assert any(loc.endswith("/releases/") for loc in locs)
    assert not [loc for loc in locs if loc.endswith(("/404.html", "/search/"))]


def _env() -> dict:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    env.pop("MAKEFLAGS", None)
    return env


def _run(command, cwd) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=cwd, env=_env(), text=True, capture_output=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("deploy")
    _run([str(BIN / "dateline"), "init", "site", "--name", "Kestrel Lithium Ltd.",
          "--ticker", "TSXV:KLI", "--website", "https://kestrel.example",
          "--timezone", "America/Vancouver", "--site-url", "https://ir.kestrel.example"], where)
    return where / "site"


def test_rsync_upload_to_a_local_folder(new_site, tmp_path):
    if shutil.which("rsync") is None:  # never a skip: make test installs it
        pytest.fail("rsync not found: run `make test` (tests/ensure_tools.sh installs it) or "
                    "`apt-get install rsync`", pytrace=False)
    target = tmp_path / "www"
    done = _run(["make", "rsync_upload", f"RSYNC_TARGET={target}/"], new_site)
    command = next(x for x in done.stdout.splitlines() if x.startswith("rsync "))
    assert "ssh" not in command
    assert (target / "index.html").is_file() and (target / "sitemap.xml").is_file()
    feed = (target / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "https://ir.kestrel.example/" in feed  # the publish build, not the local one


def test_github_pages_push_writes_cname(new_site, tmp_path):
    origin = tmp_path / "origin.git"
    _run(["git", "init", "-q", "--bare", str(origin)], tmp_path)
    _run(["git", "init", "-q"], new_site)
    _run(["git", "remote", "add", "origin", str(origin)], new_site)
    _run(["make", "github", "GITHUB_PAGES_CNAME=ir.kestrel.example"], new_site)
    cname = _run(["git", "--git-dir", str(origin), "show", "gh-pages:CNAME"], tmp_path).stdout
    assert cname.strip() == "ir.kestrel.example"
    files = _run(["git", "--git-dir", str(origin), "ls-tree", "--name-only", "gh-pages"],
                 tmp_path).stdout.split()
    assert "index.html" in files and ".nojekyll" in files


def _recipe(makefile: Path, target: str) -> list[str]:
    text = makefile.read_text(encoding="utf-8")
    body = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", text, re.M).group(1)
    return body.splitlines()


@pytest.mark.parametrize("target", ["rsync_upload", "github"])
def test_both_makefiles_deploy_alike(target):
    template = ROOT / "plugins" / "dateline" / "commands" / "site_template" / "Makefile"
    assert _recipe(ROOT / "Makefile", target) == _recipe(template, target)


def test_repository_makefile_rsyncs_locally_without_ssh():
    dry = subprocess.run(["make", "-n", "rsync_upload", "RSYNC_TARGET=/srv/www/"], cwd=ROOT,
                         env=_env(), text=True, capture_output=True, timeout=60)
    line = next(x for x in dry.stdout.splitlines() if x.startswith("rsync"))
    assert "ssh" not in line and line.endswith('"/srv/www/"')
    remote = subprocess.run(["make", "-n", "rsync_upload", "SSH_HOST=web1"],
                            cwd=ROOT, env=_env(), text=True, capture_output=True, timeout=60)
    line = next(x for x in remote.stdout.splitlines() if x.startswith("rsync"))
    assert '-e "ssh -p 22"' in line and line.endswith('"deploy@web1:/var/www/investors"')
