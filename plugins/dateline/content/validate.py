"""Validate the whole content folder before anything is written.

Pelican logs a bad file and builds the rest. For a disclosure site a skipped
release is a lost release, so this pass reads every file, checks each against
the content model and the issuer profile, and reports every problem at once.
"""

from __future__ import annotations

import fnmatch
import logging
from dataclasses import dataclass, field
from pathlib import Path

from dateline.content import moments, site_paths
from dateline.content.contentwalk import walk
from dateline.content.frontmatter import FrontMatter, kind_of, parse_file, relative_path
from dateline.content.links import link_problems
from dateline.errors import DatelineError, Problem, expected, preview
from dateline.settings import issuer_path, setting_line

logger = logging.getLogger(__name__)

CONTENT_SUFFIXES = (".md", ".markdown")
# What Pelican's own readers would take (HTML and reStructuredText obey raw HTML, and none of
# them passes validation or the sanitiser), and case variants of ours, which Pelican skips.
FOREIGN_SUFFIXES = (".html", ".htm", ".rst", ".mkd", ".mdown", ".md", ".markdown")


@dataclass
class SiteCheck:
    """What validation learnt: parsed files, the issuer profile, all problems."""

    releases: list = field(default_factory=list)
    pages: list = field(default_factory=list)
    issuer: object = None
    problems: list = field(default_factory=list)


def content_folders(settings) -> list[tuple[Path, str]]:
    """(folder, "release" or "page") for every folder Pelican reads content from."""
    root = Path(settings["PATH"])
    return ([(root / f, "release") for f in settings.get("ARTICLE_PATHS", [])]
            + [(root / f, "page") for f in settings.get("PAGE_PATHS", [])])


def walked_files(settings) -> list[tuple[Path, str]]:
    """Every file under the content folders, links followed inside the content (contentwalk),
    except those IGNORE_FILES names (an editor's lock files), which Pelican skips too."""
    root, ignored = Path(settings["PATH"]), settings.get("IGNORE_FILES", [])
    return [
        (path, kind)
        for base, kind in content_folders(settings)
        for path in walk(base, root).files
        if not any(fnmatch.fnmatch(path.name, pattern) for pattern in ignored)
    ]


def content_files(settings) -> list[Path]:
    """Every Markdown file Pelican will read, releases and pages alike."""
    return sorted({p for p, _ in walked_files(settings) if p.suffix in CONTENT_SUFFIXES})


def symlink_problems(settings) -> list[Problem]:
    root = Path(settings["PATH"])
    return [p for base, _ in content_folders(settings) for p in walk(base, root).problems]


def timezone_problems(settings) -> list[Problem]:
    """A misspelt TIMEZONE would read every naive release time, and so every embargo, as UTC."""
    name = settings.get("TIMEZONE") or "UTC"
    what = moments.zone_problem(name)
    if what is None:
        return []
    path, line = setting_line(settings, "TIMEZONE")
    return [expected(path, line, "TIMEZONE", what, name)]


def reserved_slug_problems(settings, pages) -> list[Problem]:
    """A page whose folder the site writes itself (releases/, tags/, grants/, ...) is refused
    before Pelican would stop half-way, overwriting one with the other."""
    reserved = site_paths.reserved_folders(settings)
    problems = []
    for matter in pages:
        folder = site_paths.page_folder(settings, matter.slug)
        if matter.is_draft or folder not in reserved:
            continue
        line = matter.line_of("slug") if "slug" in matter.fields else 1
        problems.append(Problem(
            relative_path(matter.path), line, "slug",
            f"expected a page slug the site does not use itself, found {matter.slug!r} "
            f"({folder}/ is written by {reserved[folder]}); set another slug: field"))
    return problems


def foreign_format_problems(settings) -> list[Problem]:
    """Content in another format is refused, not read unchecked or skipped without a word.

    Under the release folders every file is a release or an error (a `.txt` release would
    otherwise be lost without a word)."""
    problems = []
    for path, kind in walked_files(settings):
        suffix = path.suffix
        if suffix in CONTENT_SUFFIXES:
            continue
        if suffix.lower() in FOREIGN_SUFFIXES or kind == "release":
            found = suffix or path.name
            problems.append(Problem(
                relative_path(path), 1, "format",
                f"expected a Markdown file ending in .md or .markdown, found {found!r} "
                "(Dateline reads no other format, so nothing skips validation)"))
    return problems


def validate_site(settings, store=None) -> SiteCheck:
    """Parse and check every content file and the issuer profile; never raises for content."""
    check = SiteCheck()
    root = Path(settings["PATH"])
    check.problems.extend(timezone_problems(settings))
    check.problems.extend(symlink_problems(settings))
    check.problems.extend(foreign_format_problems(settings))
    for path in content_files(settings):
        matter = parse_file(path, kind_of(path, root), settings, store)
        check.problems.extend(_relative(matter.problems))
        check.problems.extend(link_problems(matter, settings))
        (check.releases if matter.kind == "release" else check.pages).append(matter)
    check.issuer = _load_issuer(settings, check)
    if check.issuer is not None:
        for matter in check.releases:
            check.problems.extend(issuer_key_problems(matter, check.issuer))
    check.problems.extend(duplicate_url_problems(check.releases, check.pages))
    check.problems.extend(reserved_slug_problems(settings, check.pages))
    return check


def require_valid(settings, store=None) -> SiteCheck:
    """Validate, and raise one DatelineError listing every problem if there are any."""
    check = validate_site(settings, store)
    if check.problems:
        raise DatelineError(check.problems)
    return check


def _load_issuer(settings, check: SiteCheck):
    from dateline.content.issuer import load_issuer

    path = issuer_path(settings)
    if not path.is_file():
        check.problems.append(
            Problem(
                relative_path(path),
                1,
                "issuer",
                "expected an issuer profile (issuer.yaml), found no file",
            )
        )
        return None
    try:
        return load_issuer(path)
    except DatelineError as error:
        check.problems.extend(_relative(error.problems))
        return None


def issuer_key_problems(matter: FrontMatter, issuer) -> list[Problem]:
    """Disclaimer, legend and contact keys must name entries of issuer.yaml."""
    problems = []
    path = relative_path(matter.path)
    key = matter.fields.get("disclaimer")
    if key and key != "none" and key not in issuer.disclaimers:
        problems.append(_unknown_key(path, matter.line_of("disclaimer"), "disclaimer",
                                     issuer.disclaimers, key, "none"))
    for key in matter.fields.get("legends", []):
        if key.lstrip("-") not in issuer.legends:
            problems.append(_unknown_key(path, matter.line_of("legends"), "legends", issuer.legends,
                                         key))
    for key in matter.fields.get("contacts", []):
        if key not in issuer.contacts:
            problems.append(_unknown_key(path, matter.line_of("contacts"), "contacts",
                                         issuer.contacts, key))
    return problems


def _unknown_key(path, line, name, table, found, *extra) -> Problem:
    choices = ", ".join(list(table) + list(extra)) or "none defined"
    return Problem(path, line, name,
                   f"expected a key defined in issuer.yaml ({choices}), found {preview(found)}")


def duplicate_url_problems(releases, pages) -> list[Problem]:
    """Two files that would be written to the same URL are both reported."""
    owners: dict[str, list[FrontMatter]] = {}
    for matter in releases:
        if matter.is_draft or "date" not in matter.fields:
            continue
        owners.setdefault(f"releases/{matter.fields['date']:%Y}/{matter.slug}/", []).append(matter)
    for matter in pages:
        if not matter.is_draft:
            owners.setdefault(f"{matter.slug}/", []).append(matter)
    problems = []
    for url, group in owners.items():
        if len(group) < 2:
            continue
        for matter in group:
            others = ", ".join(relative_path(m.path) for m in group if m is not matter)
            line = matter.line_of("slug") if "slug" in matter.fields else 1
            problems.append(Problem(relative_path(matter.path), line, "slug",
                                    f"expected a unique URL, found /{url} also used by {others}"))
    return problems


def _relative(problems):
    return [Problem(relative_path(p.path), p.line, p.field, p.message) for p in problems]
