"""Where the parts of a release were found among its blocks (`Parts`), and how deep each
search looks: shared by the date search, the headline search and the assembly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.importer.datelines import Lead

LEAD_SEARCH = 12  # the dateline sits within the first few blocks of a release (after a letterhead)
HEADLINE_SEARCH = 8  # without a dateline paragraph, the headline is among the first blocks
DEEP_LEAD_SEARCH = 80  # how far down a page copied with its menus a dateline is looked for
COMPANY_RANK = 8  # a company-name line is a headline only when nothing else is



@dataclass
class Parts:
    """Where the headline and dateline were found among the blocks."""

    headline: str | None = None
    headline_index: int | None = None
    headline_rank: int = 9
    headline_source: str | None = None  # what a stand-in title was made from
    headline_more: tuple[int, ...] = ()  # an RNS headline's further lines: "X" / "and" / "Y"
    lead: Lead | None = None
    lead_index: int | None = None
    date_index: int | None = None  # a block holding only the date, e.g. an IR page's <time>
    other_reading: dt.date | None = None  # the date read month first, when neither reading wins
