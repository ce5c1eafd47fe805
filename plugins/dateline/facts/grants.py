"""Grant extraction: stock options and other equity awards a release announces.

A grant is read as a FRAME over its passage, not as one sentence
(docs/extraction.md):

- An EVENT opens a frame: a sentence with a grant verb (granted, awarded,
  issued, allotted, allocated, received, "the grant of") and a number of
  securities, or, under a grant heading ("Grant of Stock Options", "Option
  Grant"), any past-tense sentence naming a number of securities. A grant
  sentence with no number ("granted options to the following directors:")
  opens a frame whose grants come from the table rows (or numbered sentences)
  after it; a table after a numbered sentence lists that grant's people, and
  rows adding up to its aggregate replace it. Each row shares the passage's
  terms (`grant_rows` reads the row, `tables` the plain-text layouts).
- "On the same terms" / "on identical terms" takes the section's earlier
  grant's terms; replacement options are grants even though the sentence names
  the options they replace as cancelled or surrendered.
- Later sentences of the same section fill the frame's empty slots (price,
  term, expiry, vesting, conditions, grant date): "The options are exercisable
  at $0.31 and expire on ..." fills the latest option grants; "The RSUs vest ..."
  only the RSUs; a sentence naming a recipient ("Options granted to Ms. Dubois")
  only that recipient's grant; "They"/"These" the latest event's grants. A
  heading (or, in plain text, a short line with no closing punctuation) ends the
  section and closes the frame.
- Numbers inside a vesting clause ("300,000 of the options vest on award,
  300,000 after 12 months") are the vesting of the open grant, never new grants.
- Not grants (precision over recall): future or intended grants, grants "as
  previously announced" (an earlier release's news), cancelled,
  forfeited, expired, exercised, surrendered or repriced awards, plan capacity,
  holdings, property options and earn-ins, refusals, and warrants sold in units.
  Warrants count only as compensation (broker, finder's, agent's warrants, or
  warrants issued "to" a named party); shares only as bonus shares.
- Several grants in one sentence: a field stated once applies to all; stated
  once per grant it applies in order; a recipient stated once applies to the
  grants that have none. A price never applies to RSUs, DSUs, PSUs or shares.
- Each grant carries `review`: why a person should check it (REVIEW_* below).

- An ASX Appendix 3G/3B form is read by its fields (`asx_forms`), never as
  sentences: its question numbers are not numbers of securities. A heading about
  exercise, cancellation or lapse is not a grant heading (the balances after it are
  holdings), and "All grants are subject to ..." fills every grant of the section.

The frame reader is `grant_frame` (its tables and forms `grant_table_frames`),
its cues `grant_cues`, its slots `grant_slots`, the contract's keys and the last
step `grant_completion`. Mentions and recipients are read by `grant_mentions`
(names and roles by `grant_parties`), the terms by `grant_terms`, table rows by
`grant_rows`. With no release date, dates the text does not state stay null.
"""


from __future__ import annotations

import datetime

from dateline.facts.fact_fields import GRANT_KEYS  # noqa: F401  (the contract, re-exported)
from dateline.facts.grant_completion import (  # noqa: F401  (the review reasons, re-exported)
    REVIEW_CURRENCY,
    REVIEW_EXPIRY,
    REVIEW_LONG_TERM,
    REVIEW_TABLE,
    REVIEW_TERM,
    finish,
)
from dateline.facts.grant_completion import add_months as _add_months  # noqa: F401
from dateline.facts.grant_frame import FrameReader
from dateline.facts.sentences import Block


def extract_grants(
    paragraphs: list[str],
    *,
    release_date: datetime.date | None,
    exchanges: list[str],
    blocks: list[Block] | None = None,
) -> list[dict]:
    """Grants announced in the body, in reading order.

    `blocks` (from `sentences.body_blocks` / `text_blocks`) add headings and table
    rows; without them each paragraph is one block of one section.
    """
    reader = FrameReader(release_date, exchanges)
    for block in blocks if blocks is not None else [Block(p) for p in paragraphs]:
        reader.read_block(block)
    reader.end_cells()
    reader.end_form()
    return [finish(grant) for grant in reader.grants]
