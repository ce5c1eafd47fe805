"""The short event wording of a milestone: its clause, without lead-in, speaker and date phrase.

"Almonty ... is pleased to announce that it has completed the optimization ..." becomes
"Completed the optimization ..."; results reporting reads "Report Q3 2013 results".
"""

from __future__ import annotations

import re

from dateline.facts.milestone_dates import DateMention

_LEAD_IN = re.compile(
    r"(?i)^.*?\b(?:(?:is|are)\s+(?:pleased|excited|delighted|proud)\s+to\s+(?:announce|report|confirm)"
    r"|announce[sd]?|reports?|reported|confirms?|confirmed)\s+(?:that\s*,?\s*)?"
)
_QUOTE_LEAD = re.compile(r"^.*?\b(?:commented|said|stated|added|noted|remarked),?\s*[“\"]")
_SUBJECT = re.compile(
    r"(?i)^(?:(?:it|we|they|the\s+company|the\s+corporation)\s+|.{0,80}?\)\s+(?=(?:has|have)\s))"
    r"(?:(?:has|have|had)\s+)?(?=(?:\w+ed|began|begun|won|made|got)\b)"
)
_RESULTS = re.compile(
    r"(?i)\b(?:report|release|announce|publish|file)\w*\s+(?:its\s+|our\s+|the\s+)?"
    r"((?:[\w&-]+\s+){0,3}results)\b"
)
_PREPOSITION = re.compile(
    r"(?i)(?:^|(?:,\s*)?\s)(?:on|in|during|by|at|for|effective|as\s+of|from|with\s+effect\s+from)"
    r"(?:\s+or\s+about)?\s*$"
)


def event_text(clause: str, trigger: re.Match, kind: str, mention: DateMention | None) -> str:
    """What happened (or will), in the release's own words, cut to the event."""
    if kind == "other":
        results = _RESULTS.search(clause)
        if results:
            return "Report " + results.group(1)
    text = clause
    if mention is not None:
        start = mention.start
        preposition = _PREPOSITION.search(text[:start])
        if preposition:
            start = preposition.start()
        text = text[:start] + text[mention.end:]
    quote = _QUOTE_LEAD.match(text)
    if quote:
        text = text[quote.end():]
    lead = _LEAD_IN.match(text)
    if lead and lead.end() <= trigger.start():
        text = text[lead.end():]
    text = _SUBJECT.sub("", text)
    text = _trim_quotes(re.sub(r"\s+", " ", text).strip(" ,;:."))
    return text[:1].upper() + text[1:]


def _trim_quotes(text: str) -> str:
    """Drop a quote mark left over from a cut quotation, keep balanced ones."""
    for opening, closing in (("“", "”"), ("‘", "’")):
        if text.endswith(closing) and text.count(opening) < text.count(closing):
            text = text[:-1]
        if text.startswith(opening) and text.count(opening) > text.count(closing):
            text = text[1:]
    if text.count('"') % 2:
        text = text.strip('"')
    return text.strip(" ,;:.")
