"""One event, one milestone: a headline, a highlight bullet and a body sentence often repeat it.

A release states its news several times: in the headline, in a "Highlights" bullet,
in the lead, in a news service's lead and again in a quote. The timeline must show it once. Two
milestones are
the same event when kind and status agree, their dates agree (or one has none, or
one is the headline's stand-in release date), their projects agree, and their event
words overlap (a third of the shorter wording when one side is the headline or a news
service's lead, whose wording carries the company's name). The one kept is the best source: a body
sentence over a quotation
over the headline, then a stated date over none, a more precise date, and the
earlier sentence.
"""

from __future__ import annotations

import re

_PRECISION_RANK = {"day": 4, "month": 3, "quarter": 2, "half": 2, "year": 1, None: 0}
_STOP = {
    "the", "a", "an", "of", "at", "on", "in", "to", "for", "and", "its", "their", "our", "has",
    "have", "had", "was", "were", "is", "are", "be", "been", "with", "from", "by", "that",
    "company", "corporation", "project", "mine", "property", "well", "wells", "field",
}
# Words count as the same when their first letters agree ("pour", "poured", "pouring").
_STEM = 4
# The lead and the body tell one event in different words: a quarter of them shared is enough.
_LEAD_OVERLAP = 0.25
_HEADLINE = "from the headline only"
_QUOTE = "from a quotation"
_WIRE = "from a news-service lead"  # milestone_paragraphs.WIRE_LEAD


def merge_duplicates(milestones: list[dict], lead_told: list[dict] = ()) -> list[dict]:
    """The milestones with each repeated event kept once, in reading order of the first mention.

    `lead_told` are the lead's undated reports: the lead tells the release's news in short,
    and the body tells it again with its date in other words ("first gold has been poured"
    over "The first pour occurred on December 29"). One event per kind and project: such a
    lead report gives way to the body's dated report of the same kind.
    """
    milestones = [m for m in milestones
                  if not any(m is told for told in lead_told) or not _dated_twin(m, milestones)]
    kept: list[dict] = []
    for milestone in milestones:
        twin = next((index for index, other in enumerate(kept) if _same_event(milestone, other)),
                    None)
        if twin is None:
            kept.append(milestone)
        elif _better(milestone, kept[twin]):
            kept[twin] = milestone
    return kept


def _dated_twin(told: dict, milestones: list[dict]) -> bool:
    """A dated achieved report of the same kind and project elsewhere in the release."""
    return any(
        other is not told and other["kind"] == told["kind"] and other["status"] == "achieved"
        and _stated_date(other) and _HEADLINE not in other["review"]
        and _QUOTE not in other["review"]
        and (not other.get("project") or not told.get("project") or other["project"]
             == told["project"])
        and _told_again(told, other)
        for other in milestones)


# A start or a first of these is told once per release: the lead's "has started a 1,800-metre
# drill program" and the body's "Drilling began on December 3" share only the kind's own word.
_ONCE_KINDS = {"drilling", "production", "commissioning"}


def _told_again(told: dict, other: dict) -> bool:
    one, two = _words(told, False), _words(other, False)
    if told["kind"] in _ONCE_KINDS and one & two:
        return True
    return _overlap(one, two) >= _LEAD_OVERLAP


def _same_event(one: dict, other: dict) -> bool:
    if one["kind"] != other["kind"] or one["status"] != other["status"]:
        return False
    if one.get("project") and other.get("project") and one["project"] != other["project"]:
        return False
    dates = _dates_agree(one, other)
    if dates is None:
        return False
    overlap = _overlap(_words(one), _words(other))
    loose = dates == "equal" or _retold(one) or _retold(other)
    return overlap >= (0.34 if loose else 0.5)


def _retold(milestone: dict) -> bool:
    """From the headline or a news service's lead: the release's news told again, in short."""
    return _HEADLINE in milestone["review"] or _WIRE in milestone["review"]


def _dates_agree(one: dict, other: dict) -> str | None:
    """'equal' for one stated date, 'open' when one side has none (or only the release day)."""
    first, second = _stated_date(one), _stated_date(other)
    if first and second:
        return "equal" if first == second else None
    return "open"


def _stated_date(milestone: dict) -> str | None:
    if _HEADLINE in milestone["review"] and "date is the release date" in milestone["review"]:
        return None
    if _WIRE in milestone["review"]:
        return None  # a wire report dates its own telling ("said on Monday")
    return milestone["date"]


def _words(milestone: dict, project: bool = True) -> set[str]:
    text = f"{milestone['event']} {(milestone.get('project') or '') if project else ''}".lower()
    # quantities and day numbers say how much or when, not what happened
    return {word[:_STEM] for word in re.findall(r"[a-z][\w'-]+", text) if word not in _STOP}


def _overlap(one: set[str], other: set[str]) -> float:
    if not one or not other:
        return 0.0
    return len(one & other) / min(len(one), len(other))


def _better(candidate: dict, current: dict) -> bool:
    return _rank(candidate) > _rank(current)


def _rank(milestone: dict) -> tuple:
    source = 0 if _retold(milestone) else 1 if _QUOTE in milestone["review"] else 2
    return (source, _stated_date(milestone) is not None, _PRECISION_RANK[milestone["precision"]])
