"""Importer: raw .txt and .html press releases -> content/releases/YYYY/YYYY-MM-DD-slug.md.

Public API (the CLI and `dateline extract` use these):
- `add_arguments(parser)` and `run(args) -> int` for `dateline import`;
- `parse_release(text, *, source, is_html=False) -> ImportedRelease`;
- `detect_release_date(text)` and `detect_tickers(text)` for raw files.

Names load on first use, so the build can use `dateline.importer.datelines` (the dateline
recogniser) without loading the importer's readers and writers.
"""

from __future__ import annotations

import importlib

_PUBLIC = {
    "ImportedRelease": "dateline.importer.assemble",
    "add_arguments": "dateline.importer.batch",
    "detect_release_date": "dateline.importer.release",
    "detect_tickers": "dateline.importer.tickers",
    "missing_sentences": "dateline.importer.verify",
    "parse_release": "dateline.importer.release",
    "run": "dateline.importer.batch",
}

__all__ = [
    "ImportedRelease",
    "add_arguments",
    "detect_release_date",
    "detect_tickers",
    "missing_sentences",
    "parse_release",
    "run",
]


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'dateline.importer' has no attribute {name!r}")
    return getattr(importlib.import_module(_PUBLIC[name]), name)
