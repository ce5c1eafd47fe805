"""The Dateline theme, installed as the package `dateline_theme` (pyproject.toml maps it here).

An issuer's own site (`dateline init`) has no copy of the theme: its pelicanconf sets
THEME = dateline_theme.PATH, so upgrading the installed Dateline upgrades the theme with the
plugin, and the two never come from different versions.
"""

from pathlib import Path

PATH = str(Path(__file__).resolve().parent)
