"""The dateline recogniser under its old name, for callers outside the importer's modules.

The detectors live in modules by concern: `dates`, `datelines`, `tickers`, `letterheads`,
`titles`, `tags` (docs/importer.md). `facts/leadline.py` still imports `match_lead` from here,
and tests/test_importer.py names `detect.stamp_date` and `detect.match_yearless_lead`; new code
imports the module that owns the name. Only date and dateline names are here, so the modules the
build's cache key hashes stay those two (runtime/cache.OUTPUT_MODULES).
"""

from __future__ import annotations

from dateline.importer.datelines import match_lead, match_yearless_lead
from dateline.importer.dates import stamp_date

__all__ = ["match_lead", "match_yearless_lead", "stamp_date"]
