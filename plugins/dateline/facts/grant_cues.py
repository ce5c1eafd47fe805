"""The words that open, close or rule out a grant frame (`grant_frame` reads with them).

Kept apart from the frame so the cues can be read (and tuned) in one place: grant
verbs and headings, future and negative wording, references back to an open grant
("the options", "they"), recaps of earlier releases and list or table openers.
"""

from __future__ import annotations

import datetime
import re

from dateline.facts import grant_mentions as gm
from dateline.facts.milestones import find_dates

GRANT_VERB = re.compile(
    r"(?i)\b(?:grant(?:ed|ing|s)?|award(?:ed|ing|s)?|issu(?:ed|ance|ing)|received|receives"
    r"|allocat(?:ed|ion)|allott?(?:ed|ment)|issue\s+of"
    # "the Compensation Committee approved non-statutory stock options to purchase N shares"
    r"|approved\s+(?:[\w-]+\s+){0,3}?(?:stock\s+|share\s+)?options\s+to\s+(?:purchase|acquire))\b"
)
WEAK_VERB = re.compile(r"(?i)\b(?:were|was|have\s+been|has\s+been)\s+\w+ed\b|\b\w+ed\s+to\b")
GRANT_HEADING = re.compile(
    r"(?i)\b(?:grant|award|issue|allocation)s?\b.{0,40}\b(?:options?|units?|rsus?|dsus?|psus?"
    r"|warrants?|rights|awards?)\b|\b(?:option|share\s+unit|rsu|dsu)\s+grants?\b|^stock\s+options$"
)
# "Issue of Shares on Exercise of Options", "Cancellation of Performance Rights": what follows is
# a change to existing securities and the balances left, never a grant.
NOT_GRANT_HEADING = re.compile(
    r"(?i)\b(?:exercis\w*|cancel\w*|laps\w*|cessation|conversion|converted|expir\w*|forfeit\w*"
    r"|surrender\w*|holdings?|interests?|proposed|resolutions?|approval\s+of)\b"
)
# Planned, possible or proposed, not done: a modal ("will", "may", "can", "could"), an intent, a
# grant "to be" made, a "proposed" issue, a grant in the infinitive ("approval is given for the
# Company to issue N options", "To issue N unlisted options to Mr A"; "pleased to" is no plan), and
# a shareholders' resolution ("That, for the purposes of Listing Rule 10.11, ...").
FUTURE = re.compile(
    r"(?i)\b(?:will|may|would|shall|can|could|might|must|intends?\s+to|proposes?\s+to|plans?\s+to"
    r"|expects?\s+to|expected\s+to|is\s+to|are\s+to|recommend\w*)\s+"
    r"(?:be\s+|that\s+\w+\s+be\s+)?(?:grant|award|issu|receiv|allot)\w*"
    r"|\bto\s+(?:be\s+(?:granted|awarded|issued|made)\b"
    r"|(?:grant|issue|award|allot|allocate)\s+(?!of\b))"
)
# Rarer proposal wording, read only when one of its words is in the sentence (for speed).
_PROPOSAL = re.compile(
    r"(?i)^\W*that\b[\s,]|\b(?:proposed\s+(?:grant|issue|issuance|allotment|award)"
    r"|hereby\s+approves?\b|approval\s+is\s+given\b|(?:entitled|eligible)\s+to\s+(?:receive|be)\b)"
)
_PROPOSAL_WORDS = ("proposed", "hereby", "approval is", "entitled", "eligible", "that")
_PLEASED = re.compile(r"(?i)\b(?:pleased|proud|happy)\s+$")


def is_planned(sentence: str) -> bool:
    """The grant is planned, possible or proposed, not done (FUTURE, or a proposal)."""
    for found in FUTURE.finditer(sentence):
        if found.group(0)[:3].lower() == "to " and _PLEASED.search(
            sentence[max(0, found.start() - 10) : found.start()]
        ):
            continue  # "is pleased to grant": done
        return True
    lowered = sentence.lower()
    return any(word in lowered for word in _PROPOSAL_WORDS) and bool(_PROPOSAL.search(sentence))
NEGATIVE = re.compile(
    r"(?i)\b(?:cancel\w*|forfeit\w*|expired|terminat\w*|remains?\s+available|available\s+for"
    r"|available\s+under|reserved\s+for|outstanding|holds?(?!\s+period)|(?<!meeting\s)held"
    r"|holding|(?:were|was|been|being)\s+exercised"
    r"|exercised\s+for|(?:from|upon|on)\s+(?:the\s+)?exercise\s+of"
    r"|exercis(?:ed|es|ing)\s+(?:[\w-]+\s+){0,3}?(?:options|warrants|awards)"
    r"|(?:in|on)\s+issue|interested\s+in"
    r"|(?:listed|set\s+out|referred\s+to|described|detailed|shown)\s+above"
    r"|repric\w*|amend\w*|earn[- ]in|earn\s+(?:an?\s+|up\s+to\s+)?\d|\d+\s*%\s+interest"
    r"|interest\s+in\s+the|not\s+(?:be\s+)?(?:receive|received|granted|grant|eligible)"
    r"|no\s+(?:stock\s+|deferred\s+share\s+units?|restricted\s+share\s+units?|\w+\s+)?"
    r"(?:options|units|rsus|dsus)\s+(?:were|was|have|has)|no\s+(?:stock\s+)?options"
    r"|surrender\w*|in\s+exchange\s+for|exchanged\s+for|option\s+agreement|options?\s+to\s+(?:acquire|earn)\s+"
    r"(?:an?\s+|up\s+to\s+|a\s+)?(?:further\s+)?(?:\d|undivided|interest)|option\s+or\s+sale"
    r"|available\s+for\s+option|permits?\b)\b"
)
# Not an award, read only for sentences with grant wording (kept apart from NEGATIVE, which
# every sentence about securities meets, for speed):
NOT_AN_AWARD = re.compile(
    r"(?i)\b(?:"
    # financing terms: an over-allotment or agents' option, securities sold for proceeds
    r"over-?allotment|greenshoe|increase\s+the\s+size\s+of\s+the\s+offering|gross\s+proceeds"
    r"|per\s+special\s+warrant|commence\s+trading"
    # changes to existing awards: lapsed, vested and converted, settled or redeemed
    r"|laps(?:ed|es|ing)|(?:were|was|been|being)\s+(?:redeemed|settled|converted)|redemption\s+of"
    r"|(?:have|has)\s+(?:now\s+|fully\s+)?vested|became\s+(?:vested|exercisable)"
    r"|extension\s+of|extended\s+the\s+(?:expiry|term)"
    # plan capacity and purchases in the market (a trust buying shares to satisfy awards)
    r"|(?:allows?|provides?|permits?)\s+for\s+the\s+(?:grant|issu)|on[- ]market"
    r"|in\s+the\s+open\s+market|reinvestment\s+of\s+dividends|dividend\s+reinvestment"
    # a consolidation or split restates the options outstanding
    r"|consolidation|reverse\s+(?:stock\s+)?split|adjusted\s+(?:on|by|in))\b"
)
SECURITY_WORDS = (
    "option",
    "unit",
    "rsu",
    "dsu",
    "psu",
    "sar",
    "warrant",
    "bonus",
    "appreciation",
    "right",
    "award",
    "restricted",  # restricted stock: "N shares of restricted common stock"
)
PRONOUN = re.compile(
    r"(?i)(?:they|these|each\s+of\s+these|all\s+of\s+these|the\s+(?:awards?|grants?)"
    r"|both(?:\s+(?:of\s+)?(?:the(?:se)?\s+)?(?:awards?|grants?))?)\b"
)
FRESH_GRANT = re.compile(
    r"(?i)\b(?:also\s+|further\s+|has\s+|have\s+)?(?:granted|awarded|issued)\s+$"
)
# A closing sentence about every grant of the passage fills them all.
ALL_GRANTS = re.compile(
    r"(?i)^(?:all|each)\s+(?:of\s+)?(?:the\s+)?(?:above\s+|foregoing\s+)?(?:grants|awards)\b"
    r"|^(?:the\s+)?(?:above|foregoing)\s+grants\b|^all\s+(?:of\s+the\s+)?(?:stock\s+)?options\b"
)
# A grant sentence that introduces a list ("issued 975,000 options ... as follows:"): the items
# after it are its parts, and replace it once they add up to it.
LIST_LEAD = re.compile(r"(?i)(?:\bas\s+follows|\bthe\s+following)\s*:?\s*$|:\s*$")
# The options a grant replaces are named with cancelled/surrendered words; the grant is still
# news ("granted 600,000 new options to replace the cancelled options").
REPLACED = re.compile(
    r"(?i)\b(?:to\s+replace|in\s+(?:the\s+)?place\s+of|replacing|as\s+replacements?\s+for)"
    r"(?:\s+[\w-]+){0,5}?\s+(?:options?|awards?|units?)\b|\bin\s+their\s+place\b"
)
# A second grant "on the same terms" takes the first one's price, term, expiry and vesting.
SAME_TERMS = re.compile(
    r"(?i)\b(?:same|identical)\s+terms\b|\bon\s+the\s+same\s+basis\b"
)
SAME_DATE = re.compile(r"(?i)\bon\s+the\s+same\s+(?:date|day)\b")
REFERENCE = re.compile(
    rf"(?i)\b(?:the|these|such|each|all|said|those|its)\s+(?:new\s+)?(?P<noun>{gm.NOUN})\b"
    rf"|\b(?P<noun2>{gm.NOUN})\s+(?:granted|awarded|issued)\b|^(?P<noun3>{gm.NOUN})\b"
)
# A grant an earlier release announced is not this release's news (the register would count
# it twice).
RECAP = re.compile(
    r"(?i)\bas\s+(?:previously\s+)?(?:announced|disclosed|reported)\b"
    # an earlier grant: "had been granted", "previously granted" ("A, who was granted N options
    # upon joining the board" is often this release's grant: the seed)
    r"|\bhad\s+(?:previously\s+)?been\s+(?:granted|awarded|issued)\b"
    r"|\bpreviously\s+(?:granted|awarded|issued)\b"
    r"|\b(?:news\s+release|press\s+release)\s+(?:dated|of)\b"
)
TABLE_OPENER = re.compile(
    r"(?i)\bthe\s+following\s+(?:\w+\s+){0,3}?(?:directors|officers|employees|persons|pdmrs"
    r"|individuals|people|recipients|executives)\b|\b(?:set\s+out|detailed|listed|shown)\s+below\b"
    r"|:\s*$"
)

# A plan's name ("Amended and Restated Stock Option Plan") says nothing of the grant's role.
AMENDED_PLAN = re.compile(
    r"(?i)\b(?:amended\s+and\s+restated|amended|restated)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:plan|scheme|rules)\b"
)


def unreplaced(sentence: str) -> str:
    """A grant sentence without the options it replaces (their cancellation is not its own) and
    without its plan's amended name."""
    if not GRANT_VERB.search(sentence):
        return sentence
    return AMENDED_PLAN.sub(" plan", REPLACED.sub(" ", sentence))


AGGREGATE = re.compile(r"(?i)\b(?:aggregate|total|in\s+all|collectively)\b")


# A grant dated two or more calendar years before the release is history ("When the scheme began
# in 2011, options ... were granted", "On April 29, 2019, the Company granted ..." in a 2024
# note): background, whatever the wording. A date the plan was approved or adopted on, or an
# expiry, says nothing of when the grant was made.
_NOT_WHEN_GRANTED = re.compile(
    r"(?i)\b(?:approv\w*|adopt\w*|dated|establish\w*|amend\w*|expir\w*|until|through|before"
    r"|prior\s+to|ended|ending|vest\w*|exercisable|plan)\b[^.;]{0,40}$"
)


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def is_background(sentence: str, release: datetime.date | None) -> bool:
    """The sentence dates its grant two or more years before the release."""
    if release is None or not any(
        int(year) <= release.year - 2 for year in _YEAR.findall(sentence)
    ):
        return False  # no year old enough: no dates to read
    for found in find_dates(sentence, release):
        year = int(found.value[:4])
        if year <= release.year - 2 and not _NOT_WHEN_GRANTED.search(sentence[: found.start]):
            return True
    return False
