"""Cutting a sentence into trigger clauses: one milestone per clause.

A sentence is cut at ";", ", and", " while ", ", which", ", following the ...", ", with X
expected to ..."; a piece with no trigger of its own stays with the clause before it; a
fronted phrase with an event of its own is a clause; "construction in 2015 and commissioning
in 2016" is two.
"""

from __future__ import annotations

import re

from dateline.facts.milestone_kinds import _trigger
from dateline.facts.milestone_status import _FRONTED, _PLANNED

_DATE_WORD = re.compile(
    r"(?i)\b(?:(?:19|20)\d{2}|January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Q[1-4]|quarter|week|month)\b")

# A date phrase ends this piece of a clause ("construction in 2015").
_DATED = re.compile(r"\b(?:in|by|during|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:19"
                    r"|20)\d{2}\s*[.,]?$")

_CLAUSE_SPLIT = re.compile(
    r";\s+|,\s+and\s+|\s+while\s+|,\s+whereas\s+|,\s+which\s+"
    r"|,\s+(?=(?:following|after)\s+(?:the|its|first)\b)"  # ", following the introduction of ore"
    # "X in July, with Y to follow in Q4"
    r"|,\s+with\s+(?=[^,;]{0,80}?\b(?:to\s+follow|(?:expected|scheduled|planned|due|set)\s+(?:to|in|by|for|during))\b)"
)


def _clauses(sentence: str) -> list[str]:
    """Trigger clauses; a piece without a trigger of its own stays with the one before."""
    pieces = _CLAUSE_SPLIT.split(sentence)
    if len(pieces) == 1:
        return _paired(_fronted(pieces[0]))
    separators = _CLAUSE_SPLIT.findall(sentence)
    clauses = [pieces[0]]
    for separator, piece in zip(separators, pieces[1:]):
        if separator.strip() == ", and" and _trigger(piece) is None and _PLANNED.search(piece) \
                and _DATE_WORD.search(piece) and _trigger(clauses[-1]) is not None:
            # "has begun, and ore is expected in August": the plan's date is not the event's
            continue
        if _trigger(piece) is None:
            clauses[-1] += separator + piece
        elif len(clauses) == 1 and _trigger(clauses[0]) is None:
            clauses[0] += separator + piece  # "During 2011, which ..., the mine is expected to"
        else:
            clauses.append(piece)
    return _paired([part for clause in clauses for part in _fronted(clause)])


def _fronted(clause: str) -> list[str]:
    """ "With first gold production scheduled this month, commissioning will ...": two clauses.

    A fronted phrase that holds an event of its own, before a main clause with another.
    """
    fronted = _FRONTED.match(clause)
    if not fronted or _trigger(fronted.group(0)) is None:
        return [clause]
    rest = clause[fronted.end():]
    return [fronted.group(0), rest] if _trigger(rest) else [clause]


def _paired(clauses: list[str]) -> list[str]:
    """ "start construction in 2015 and commissioning in 2016": two events, each with its date."""
    paired: list[str] = []
    for clause in clauses:
        halves = clause.split(" and ", 1) if " and " in clause else []
        if len(halves) == 2 and all(_DATED.search(half) and _trigger(half) for half in halves):
            paired.extend(halves)
        else:
            paired.append(clause)
    return paired
