"""Importer: raw .txt and .html press releases -> content/releases/YYYY/YYYY-MM-DD-slug.md.

Public API (the CLI and `dateline extract` use these):
- `add_arguments(parser)` and `run(args) -> int` for `dateline import`;
- `parse_release(text, *, source, is_html=False) -> ImportedRelease`;
- `detect_release_date(text)` and `detect_tickers(text)` for raw files.
"""

from __future__ import annotations

from dateline.importer.batch import add_arguments, run
from dateline.importer.detect import detect_tickers
from dateline.importer.release import ImportedRelease, detect_release_date, parse_release
from dateline.importer.verify import missing_sentences

__all__ = [
    "ImportedRelease",
    "add_arguments",
    "detect_release_date",
    "detect_tickers",
    "missing_sentences",
    "parse_release",
    "run",
]
