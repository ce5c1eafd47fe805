"""Dateline's settings: one `DATELINE` dict in pelicanconf.py, merged over these defaults."""

from __future__ import annotations

import re
from pathlib import Path

from dateline.errors import DatelineError, Problem

DEFAULTS = {
    "issuer": "issuer.yaml",  # issuer profile, relative to the content folder (PATH)
    "search_index": "search-index",  # Whoosh index, relative to CACHE_PATH, kept between builds
    "search": True,  # build and export the browser search index
    "register": True,  # grants register and milestones timeline pages
    "now": None,  # ISO datetime to build "as of" (tests, previews); default: the clock
    # `dateline serve --drafts` only: drafts are written, each with a DRAFT banner, into the
    # preview's own output folder (never output/; docs/preview.md)
    "preview_drafts": False,
}


def dateline_settings(settings) -> dict:
    """Merge the user's DATELINE dict over the defaults, rejecting unknown keys."""
    user = settings.get("DATELINE") or {}
    unknown = sorted(set(user) - set(DEFAULTS))
    if unknown:
        raise DatelineError(
            Problem(
                "pelicanconf.py",
                1,
                "DATELINE",
                f"unknown setting {name!r}; known: {', '.join(DEFAULTS)}",
            )
            for name in unknown
        )
    merged = dict(DEFAULTS)
    merged.update(user)
    return merged


def issuer_path(settings) -> Path:
    """The issuer profile: absolute, or relative to the content folder."""
    return Path(settings["PATH"]) / dateline_settings(settings)["issuer"]


def search_index_path(settings) -> Path:
    """The Whoosh index folder: absolute, or relative to Pelican's CACHE_PATH."""
    return Path(settings["CACHE_PATH"]) / dateline_settings(settings)["search_index"]


def require_autoescape(settings) -> None:
    """The theme marks only sanitised HTML safe and leaves the rest to Jinja's escaping: with
    autoescape off, a title or URL would go into pages as markup."""
    found = (settings.get("JINJA_ENVIRONMENT") or {}).get("autoescape", False)
    if found is not True:
        raise DatelineError(Problem(
            "pelicanconf.py", 1, "JINJA_ENVIRONMENT",
            f"expected autoescape: True (the theme escapes through it), found {found!r}"))


def setting_line(settings, name: str) -> tuple[str, int]:
    """(settings file, line) where `name = ...` is assigned, for messages; line 1 if not found."""
    path = settings.get("DATELINE_SETTINGS_FILE") or "pelicanconf.py"
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return str(path), 1
    found = re.search(rf"^{re.escape(name)}\s*=", text, re.MULTILINE)
    return str(path), text.count("\n", 0, found.start()) + 1 if found else 1
