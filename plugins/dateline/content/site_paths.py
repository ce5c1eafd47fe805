"""The folders the site itself writes, so a page is refused before it would overwrite one.

A page is written to `{slug}/index.html`. A page slugged `releases`, `tags` or `grants`
would land on the release archive, the tag index or the grants register, and Pelican
stops half-way with FileOverwriteFailedError. Validation predicts it from the settings
instead and names the page's line.
"""

from __future__ import annotations

REGISTER_FOLDERS = ("grants", "milestones")  # written by registers.py
_OUTPUT_SETTINGS_SUFFIXES = ("_SAVE_AS", "_ATOM", "_RSS")


def reserved_folders(settings) -> dict[str, str]:
    """First path segment -> what writes there (a setting like ARCHIVES_SAVE_AS, the registers)."""
    reserved = {name: "the registers" for name in REGISTER_FOLDERS}
    for name, value in settings.items():
        if name.endswith(_OUTPUT_SETTINGS_SUFFIXES) and name != "PAGE_SAVE_AS":
            folder = _first_folder(value)
            if folder:
                reserved.setdefault(folder, name)
    for folder in settings.get("STATIC_PATHS") or []:
        reserved.setdefault(_head(folder), "STATIC_PATHS")
    reserved.setdefault(_head(settings.get("THEME_STATIC_DIR") or "theme"),
                        "THEME_STATIC_DIR")
    reserved.pop("", None)
    return reserved


def page_folder(settings, slug: str) -> str | None:
    """The first folder of a page's output path (None when a page is written at the top)."""
    pattern = settings.get("PAGE_SAVE_AS") or "{slug}/index.html"
    try:
        return _first_folder(pattern.format(slug=slug, lang=""))
    except (KeyError, IndexError, ValueError):
        return None


def _head(folder) -> str:
    return str(folder).strip("/").split("/", 1)[0]


def _first_folder(value) -> str | None:
    if not isinstance(value, str) or "/" not in value.strip("/"):
        return None
    head = value.strip("/").split("/", 1)[0]
    return None if "{" in head or not head else head
