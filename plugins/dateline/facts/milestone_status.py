"""Milestone status: whether a clause reports an event (achieved) or announces one (planned).

Status is the tense, aspect and modality of the trigger's own verb group (docs/extraction.md,
"The model of an event"): a forward-looking cue before the trigger with no finite past verb
between them, or right after it; a condition or enabling wording (once, subject to, allows
the Company to); a date after the release. An achieved event dated an earlier year, or more
than a year before the release, is background.
"""

from __future__ import annotations

import datetime
import re

from dateline.facts.milestone_dates import DateMention
from dateline.facts.milestone_kinds import _trigger

# Auxiliaries and reporting verbs: enough to tell a reported event from a plan.
_PAST = re.compile(
    r"(?i)\b(?:has|have|had|was|were)\b|\b(?:completed|commenced|closed|signed|received"
    r"|commissioned"
    r"|started|achieved|acquired|obtained|executed|entered|drilled|listed|poured|produced|shipped"
    r"|delivered|finished|launched|initiated|began|begun|issued|approved|awarded|secured|reached"
    r"|concluded|restarted|resumed|released|filed|granted|installed|finalized|finalised|declared"
    r"|won|renewed|extended"
    r"|spud|spudded|dosed|undertook|broke|retained|engaged|appointed|mobili[sz]ed|took\s+place"
    r"|underway|under\s+way)\b"
    r"|\b(?:fed|introduced|energi[sz]ed|operated|took|occurred|mobili[sz]ed|moved|flowed"
    r"|exported)\b"
    r"|\b(?:it|they|we|which)\s+(?!expected|planned|scheduled|intended)\w+ed\b"
    r"|\b(?:is|are|was|were)\s+(?:now\s+)?(?:substantially\s+|essentially\s+|practically\s+"
    r"|mechanically\s+"
    r"|largely\s+)?(?:complete|operational|functional)\b|\b\d{1,3}\s?%\s+complete"
    # a study announced is a study done: "announce a maiden Mineral Resource Estimate", "announce
    # the results of the Pre-Feasibility Study"
    r"|\b(?:announce[sd]?|report(?:s|ed)?)\s+(?:the\s+results\s+of\s+)?(?:an?|the|its)\s+"
    r"(?:[\w()\"“”'-]+\s+){0,5}?(?:stud(?:y|ies)|estimates?|assessment|(?-i:PEA|PFS|DFS))\b"
    r"|\b(?:announce[sd]?|report(?:s|ed)?|confirm(?:s|ed)?)\s+(?:the\s+)?(?:completion|commencement"
    r"|start|restart|closing|receipt|achievement|declaration|signing)\s+of\b"
)

_PLANNED = re.compile(
    # "as planned", "as expected": the event went the way it was planned, it is no plan
    r"(?i)(?<!\bas\s)\b(?:expect\w*|anticipat\w*|plans?\s+(?:to|is|are|calls)|planned|planning\s+to"
    r"|intend\w*"
    r"|targeting|targeted|targets?(?=\s+(?:to|for|date|of|is|first|commercial|completion|production"
    r"|commissioning|start|the\s+(?:start|first|end)))"
    r"|(?-i:aim(?:s|ing)?)"
    r"|(?<!\bas\s)(?<!\bon\s)(?<!\bof\s)schedul\w*|on\s+schedule\s+(?:to|for)|will|shall|would|could|should|forecast\w*|projected|look(?:s|ing)?\s+forward"
    r"|on\s+track|on\s+target|estimated\s+to|set\s+to|upcoming|proposed|goal|objective|budgeted"
    r"|prepar\w+\s+to|poised\s+to|about\s+to|ready\s+to|designed\s+to|intended\s+to"
    r"|focus(?:ed|ing)\s+on\s+(?:starting|beginning|commencing|completing|advancing|delivering"
    r"|launching)"
    r"|possibly|potentially"
    r"|due\s+to\s+(?:begin|start|commence|close|complete)|(?:is|are)\s+(?:now\s+)?due\s+(?:in|by"
    r"|for|during|before|around)|due\s+for\s+completion|to\s+follow|to\s+be\s+(?:completed"
    r"|commissioned|closed"
    r"|finalized))\b"
    r"|(?-i:\bmay\b)"
)

# Conditional and enabling wording: the event waits on something else.
_CONDITIONAL = re.compile(
    r"(?i)\bonce\b|\bupon\s+(?:receipt|payment|completion|approval|closing)|\bsubject\s+to\b"
    r"|\bpending\b|\bawait\w*|\bconditional(?:ly)?\b|\bas\s+soon\s+as\b|\bif\b|\bunless\b"
    r"|\b(?:allows?|enables?|permits?|allowing|enabling)\s+(?:the\s+company|it|us|them"
    r"|[A-Z]\w+)\s+to\b"
    r"|\b(?:allows?|allowing)\s+for\b"
    r"|\bbefore\s+(?:[\w-]+\s+){0,5}can\b|\blast\s+steps?\b|\bcan\s+(?:now\s+)?(?:begin|start"
    r"|commence"
    r"|proceed)\b|\bdeferred\b|\bpostponed\b|\bremains?\s+(?:on\s+schedule|scheduled)\b"
)

# A finite past or perfect verb between a cue and the trigger: the cue governs another verb.
_FINITE_PAST = re.compile(r"(?i)\b(?:has|have|had|was|were)\s+(?:now\s+|also\s+"
                          r"|successfully\s+)?\w+")

# A fronted phrase ("With the restart of operations,"): the main verb after it sets the status.
_FRONTED = re.compile(r"(?i)^\s*(?:with|following|after|upon|on|given|despite)\b[^,;]{0,100},")

# A future passive after the trigger is about the trigger's own noun, however far it stands:
# "the permit for the area has completed its review and is expected to be issued".
_FUTURE_PASSIVE = re.compile(
    r"(?i)\b(?:is|are)\s+(?:now\s+|still\s+)?(?:expected|scheduled|anticipated|due|set|planned"
    r"|targeted|likely)\s+to\s+be\s+\w+(?:ed|en|un|wn)\b|\bwill\s+(?:now\s+)?be\s+\w+(?:ed|en"
    r"|wn)\b"
    # "An updated estimate for the MF1, MF2 and MF6 prospects is due in the December quarter"
    r"|\b(?:is|are)\s+(?:now\s+)?(?:due|slated|expected|scheduled)\s+(?:in|by|for|during|around)\s"
    r"+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:19|20)\d{2}|quarter|half|Q[1-4]|H[12])\b")

# A cue after its trigger governs it only close by, inside the same phrase ("production is
# expected").
_CUE_AFTER = 60

_ENABLING = re.compile(r"(?i)(?:allow|enabl|permit)")

# A condition that trails its event ("start a bulk sample in Q3, subject to financing").
_TRAILING_CONDITION = re.compile(
    r"(?i),\s*(?:and\s+)?(?:subject\s+to|pending|conditional\s+(?:on|upon)|upon\s+receipt\s+of)\b"
)

# "with effect from 1 July": a date the event took effect, achieved even a day ahead.
_EFFECTIVE_BEFORE = re.compile(r"(?i)\b(?:with\s+effect\s+from|effective(?:\s+from"
                               r"|\s+as\s+of)?)\s+$")

# "the permit granted in 2016", "the 2023 program": an earlier year's events, recalled.
_PROGRAM_YEAR = re.compile(
    r"(?i)\b(?P<year>(?:19|20)\d{2})\s+(?:[\w-]+\s+)?(?:program(?:me)?|campaign|season)\b"
)

# An achieved event that ended more than this long before the release is background.
_HISTORY_DAYS = 365


def _planned_cue(clause: str, trigger: re.Match) -> bool:
    """Is the trigger's own verb group forward-looking (expects to, will, is scheduled)?

    A cue elsewhere in the clause is about something else: "has achieved the operating
    targets ... and the mine has moved into commercial production" is achieved, and
    "was spudded on 5 September, ... with a target depth" is not a plan.
    """
    if _FUTURE_PASSIVE.search(clause, trigger.start()):
        return True  # "the permit ... has completed its consultation and is expected to be issued"
    before = [m for m in _PLANNED.finditer(clause, 0, trigger.end())]
    if before and not _FINITE_PAST.search(clause, before[-1].end(),
                                          max(trigger.start(), before[-1].end())):
        return True
    near = clause[trigger.end(): trigger.end() + _CUE_AFTER].split(",")[0]
    fronted = _FRONTED.match(clause)
    if fronted and trigger.end() <= fronted.end():
        # "With the restart of operations, X expects to produce": the main verb decides
        return _cue_ahead(near) or _cue_ahead(clause[fronted.end():])
    return _cue_ahead(near)


# "for its proposed Bluebell Project", "for a planned exploration decline": a cue that is an
# adjective of a later noun describes that noun; it says nothing of the event before it.
_ADJECTIVE_CUE = re.compile(r"(?i)^(?:proposed|planned|upcoming|budgeted|projected|intended"
                            r"|expected|anticipated|scheduled|targeted)$")
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:its|the|a|an|our|their|this|these|his|her)\s+$")


def _cue_ahead(text: str) -> bool:
    """A planned cue in the text with no finite past verb before it (adjectives skipped)."""
    for cue in _PLANNED.finditer(text):
        if _ADJECTIVE_CUE.match(cue.group(0)) and _DETERMINER_BEFORE.search(text, 0, cue.start()):
            continue
        return not _FINITE_PAST.search(text, 0, cue.start())
    return False


def _conditional_trigger(clause: str, conditional: re.Match):
    """The event a condition is about: before a trailing condition, after a leading one.

    "start a bulk sample in Q3, subject to financing" is a bulk sample; "the permit
    allows the Company to start drilling" is drilling.
    """
    trailing = _TRAILING_CONDITION.search(clause)
    if trailing:
        before = _trigger(clause[: trailing.start()])
        if before:
            return before
    return _trigger(clause, conditional.end())


def _received_enabling(clause: str, conditional: re.Match) -> bool:
    """An achieved permit or approval whose effect is told after it ("that allows for ...")."""
    return bool(_ENABLING.match(conditional.group(0))) and bool(
        _PAST.search(clause[: conditional.start()]))


def _earlier_year(clause: str, mention: DateMention | None, release) -> bool:
    """An event dated only by an earlier year, or told of an earlier year's program: recalled.

    This release's own news is dated more closely than "in 2016"; "the 2023 program
    consisted of 17 holes" in a 2024 release is last season's work.
    """
    if release is None:
        return False
    if mention is not None and mention.precision == "year" and mention.year < release.year:
        return True
    program = _PROGRAM_YEAR.search(clause)
    return bool(program) and int(program.group("year")) < release.year


def _long_ago(mention: DateMention | None, release: datetime.date | None) -> bool:
    if mention is None or release is None:
        return False
    return (release - mention.last_day()).days > _HISTORY_DAYS


def _status(clause: str, mention: DateMention | None, release, cue: bool) -> str | None:
    future = mention is not None and release is not None and mention.after(release)
    if future and not cue and _PAST.search(clause) and _EFFECTIVE_BEFORE.search(
            clause[max(0, mention.start - 30): mention.start]):
        future = False  # "has moved into commercial production with effect from 1 October"
    if cue or future:
        return "planned" if mention is not None else None
    if mention is None and not _PAST.search(clause):
        return None
    if mention is not None and mention.inferred_year and not _PAST.search(clause):
        return None
    return "achieved"
