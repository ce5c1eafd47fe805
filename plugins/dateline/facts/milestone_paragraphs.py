"""How a release's paragraphs are read for milestones: one-line highlight bullets, wire leads.

An ASX "HIGHLIGHTS - a - b - c" line packs several bullets into one paragraph; read as one
sentence it gives one event with the wrong date, so each bullet becomes its own paragraph.
A news service's lead ("LONDON (Alliance News) - X said on Monday it had ...") retells the
release's own news: its milestones are marked so that `milestone_duplicates` keeps the
release's own sentence, as it does over the headline.
"""

from __future__ import annotations

import re

WIRE_LEAD = "from a news-service lead"

_HIGHLIGHTS = re.compile(
    r"(?i)^\s*(?:key\s+|operational\s+|project\s+|quarterly\s+)?highlights?\s*:?\s*(?=[-–—•▪]\s)"
)
_BULLET = re.compile(r"(?:^|\s+)[-–—•▪]\s+")
# "TORONTO (Mining Wire) - ", "(Reuters) - ", "Sharecast News - " opening a paragraph
_WIRE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2},?\s+)?\((?:[A-Z][\w&'.]*\s*){1,4}\)\s*[-–—]\s+"
    r"|^\s*(?:[A-Z][\w&'.]*\s+){0,3}(?:News|Newswire|Wire)\s+[-–—]\s+"
    # "StockMarketWire.com - "
    r"|^\s*[A-Z]\w*(?:News|Wire|Markets?)\w*\.(?:com|co\.uk|net)\s+[-–—]\s+"
)
_SAID = re.compile(r"\b(?:said|says|announced|reported)\b")


def bullet_paragraphs(paragraphs: list[str]) -> list[tuple[int, str]]:
    """(index of the paragraph it came from, text): a one-line highlights block cut into bullets."""
    read: list[tuple[int, str]] = []
    for number, paragraph in enumerate(paragraphs):
        heading = _HIGHLIGHTS.match(paragraph)
        if heading is None:
            read.append((number, paragraph))
            continue
        bullets = [b.strip() for b in _BULLET.split(paragraph[heading.end():]) if b.strip()]
        read.extend((number, bullet) for bullet in bullets)
    return read


def is_wire_lead(paragraph: str) -> bool:
    """A news service retelling the release ("<Service> - <Company> said it had ...")."""
    opening = _WIRE.match(paragraph)
    return bool(opening) and bool(_SAID.search(paragraph, opening.end()))
