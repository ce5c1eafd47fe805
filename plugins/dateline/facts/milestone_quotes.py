"""Quotations and reported speech in a release: a person's words, not the release's report.

A sentence is quoted when a quotation is open at its start or it opens one after a speech
verb; "Managing Director Kim Aldous said the first shipment was ..." is reported speech; a
paragraph closing "X commented:" makes the next one a quotation. An undated quoted event is
not a milestone.
"""

from __future__ import annotations

import re

from dateline.facts.sentences import split_sentences

_SPEECH_WORDS = ("said", "says", "stated", "comment", "added", "noted", "remarked", "explained",
                 "believes")

_QUOTE_VERB = re.compile(
    r"(?i)\b(?:said|says|commented|comments|stated|states|added|adds|noted|notes|remarked|explained"
    r"|continued)\b"
)

# "Managing Director Kim Aldous said the first shipment was ...": a person's words, reported.
_REPORTED_SPEECH = re.compile(
    r"(?:\b(?:CEO|CFO|COO|Chief\s+\w+\s+Officer|President|Chair(?:man|woman|person)?"
    r"|Managing\s+Director"
    r"|Executive\s+Director|General\s+Manager|Mayor|Minister)|\b(?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z]\w+"
    r"|\b(?:[Hh]e|[Ss]he))\b[^.;“\"]{0,40}?\b(?:said|says|stated|commented|added|noted|remarked"
    r"|explained"
    r"|believes)\b(?!\s*[:,]?\s*[“\"])"
)

# "Jane Doe, CEO, commented:" closing a paragraph: the next paragraph is her quotation.
_SPEAKER_LINE = re.compile(
    r"(?i)\b(?:said|says|stated|states|commented|comments|added|adds|noted|remarked"
    r"|explained)\s*:\s*$"
)


def _sentences_with_quotes(paragraph: str):
    """(sentence, inside a quotation?) for each sentence of a paragraph.

    A sentence is quoted when a quotation is open at its start or it opens one
    after a speech verb ("X said, “...”"). Curly quotes are counted, straight ones
    paired.
    """
    open_quote = False
    for sentence in split_sentences(paragraph):
        opens = sentence.count("“") + (sentence.count('"') if not open_quote else 0)
        closes = sentence.count("”") + (sentence.count('"') if open_quote else 0)
        starts_quote = sentence[:1] in "“\"" or bool(
            _QUOTE_VERB.search(sentence) and re.search(r"[,:]\s*[“\"]", sentence))
        yield sentence, open_quote or starts_quote
        if sentence.count('"') % 2 or sentence.count("“") != sentence.count("”"):
            open_quote = (opens > closes) if sentence.count("“") or sentence.count("”") \
                else not open_quote
        else:
            open_quote = open_quote and not sentence.rstrip().endswith(("”", '"'))


def _reported_speech(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(verb in lowered for verb
               in _SPEECH_WORDS) and bool(_REPORTED_SPEECH.search(sentence))
