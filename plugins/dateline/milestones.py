"""Milestone extraction: dated operational events a release reports or plans.

Decisions (precision over recall):

- One milestone per trigger clause. A sentence with triggers of different kinds
  is cut into clauses (";", ", and", " while ") and each clause is read alone.
- Kinds and their triggers, most specific first: commissioning, production,
  acquisition, permit, financing, listing, agreement, drilling, completion,
  other (results reporting, studies and estimates, construction). "Completed the
  acquisition" is an acquisition, not a completion.
- Dates: "May 27, 2013" / "27 May 2013" / "2013-05-27" / "today" -> day;
  "July 2010", "the first two weeks of May 2013", "mid-May 2013", "the end of
  May 2013" -> month; quarters ("Q3 2013", "third quarter of 2013", "3Q13") and
  halves ("2H26", "H2 2026", "second half of 2026") -> the year with precision
  "year", because DESIGN allows only day|month|year and mapping a quarter to its
  first month would overstate what the text says. "in 2014", "early 2014",
  "by the end of 2014" -> year. A month or day without a year ("in August") takes
  the year that puts it next on or after the release month for a planned event
  and last on or before it for an achieved one. Fiscal periods are ignored
  (a fiscal year is not a calendar year).
- The event date is the nearest usable date after the trigger word in its clause,
  else the nearest before it. Not usable: dates of earlier news releases
  ("news release dated March 3, 2014", "announced on ..."), period labels
  ("Q3 2013 results", "for the quarter ended June 30"), and the dateline (already
  cut by `sentences`).
- Status: `planned` when the clause carries a forward-looking cue (expects,
  anticipates, plans, targets, intends, scheduled, will, look forward, on track,
  ...) or the date lies after the release date; otherwise `achieved`, which needs a
  dated past event or a past-tense / perfect verb ("has completed", "were
  commissioned"). A planned event needs a date. An achieved event with no date in
  the text gets date and precision null (the release does not say when).
- A sentence that only recaps an earlier announcement ("as previously announced",
  "as disclosed in its news release dated ...") and has no other date is skipped.
- Meetings, elections and appointments are not milestones (the seed's AGM of
  March 26, 2013 is a past meeting reference). Sentences about option/unit grants
  or security terms (exercisable, expiry) are left to `grants`.
- Project: the "X Project/Mine/Property/Deposit/Mill/Plant" named in the sentence,
  or a project name already seen in the release named again ("at Los Santos");
  for operational kinds (commissioning, production, drilling, permit, completion)
  a project named earlier in the same paragraph carries over. Otherwise null.
- Event: the clause, without the announcement lead-in ("... is pleased to announce
  that it has"), the quoted speaker and the chosen date phrase; results reporting
  reads "Report Q3 2013 results".
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass

from .sentences import split_sentences

logger = logging.getLogger(__name__)

_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_M = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Y = r"(?P<year>(?:19|20)\d{2})"
_YY = r"(?P<year>(?:19|20)?\d{2})"
_PART_OF_MONTH = (
    r"(?:(?:the\s+)?(?:(?:first|second|third|last|final)\s+(?:(?:two|three|few)\s+)?weeks?"
    r"|beginning|start|middle|end|first half|second half)\s+of\s+|early[- ]|mid[- ]|late[- ])"
)


@dataclass(frozen=True)
class DateMention:
    """A date phrase in a sentence: where it is, what it says, how precise it is."""

    start: int
    end: int
    year: int
    month: int | None
    day: int | None
    precision: str
    inferred_year: bool = False

    @property
    def value(self) -> str:
        if self.precision == "day":
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def key(self) -> tuple:
        return (self.year, self.month or 0, self.day or 0)


def _month(name: str) -> int:
    return _MONTH_NUMBERS[name.lower()[:3]]


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _valid_day(year, month, day) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


# (pattern, builder); earlier patterns win over later overlapping ones
_DATE_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"), "iso"),
    (re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_Y}\b"), "day"),
    (re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M},?\s+{_Y}\b"), "day"),
    (re.compile(rf"\b{_M}(?:\s+of)?,?\s+{_Y}\b"), "month"),
    (re.compile(r"(?<!fiscal )\b(?i:Q(?P<q>[1-4])(?:\s*|[-/’']\s*)(?P<year>(?:19|20)?\d{2}))\b"), "year"),
    (re.compile(r"\b(?P<q>[1-4])Q\s*['’]?(?P<year>(?:19|20)?\d{2})\b"), "year"),
    (re.compile(r"(?i)\b(?:the\s+)?(?P<q>first|second|third|fourth)\s+(?:calendar\s+)?quarter\s+"
                r"(?:of\s+)?(?P<year>(?:19|20)\d{2})\b"), "year"),
    (re.compile(r"\b(?P<h>[12])H\s*['’]?(?P<year>(?:19|20)?\d{2})\b"), "year"),
    (re.compile(r"\bH(?P<h>[12])(?:\s*|[-/’']\s*)(?P<year>(?:19|20)?\d{2})\b"), "year"),
    (re.compile(r"(?i)\b(?:the\s+)?(?P<h>first|second)\s+half\s+(?:of\s+)?(?P<year>(?:19|20)\d{2})\b"),
     "year"),
    (re.compile(r"(?i)\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|early[- ]|mid[- ]"
                r"|late[- ]|year[- ]end\s+|calendar\s+)(?P<year>(?:19|20)\d{2})\b"), "year"),
    (re.compile(r"(?i)\b(?:in|by|during|since|until|before|after|throughout)\s+"
                r"(?P<body>(?P<year>(?:19|20)\d{2}))\b(?![,.]?\d)"), "year"),
    (re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)"), "day-noyear"),
    (re.compile(rf"\b{_M}\b(?!\s*\d)"), "month-noyear"),
    (re.compile(r"(?i)\btoday(?:['’]s date)?\b"), "today"),
    (re.compile(r"(?i)\byesterday\b"), "yesterday"),
]


_MAYBE_DATE = re.compile(r"\d|(?i:today|yesterday)|" + _M)
_PART_BEFORE = re.compile(rf"(?i:{_PART_OF_MONTH})$")
_PREPOSITION_BEFORE = re.compile(r"(?i)\b(?:in|by|during|until|before|after)\s+$")


def find_dates(text: str, release_date: datetime.date, *, planned: bool = True) -> list[DateMention]:
    """Every date phrase in a sentence, in order of appearance."""
    if not _MAYBE_DATE.search(text):
        return []  # most sentences: no digit, no month, no "today"
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for pattern, kind in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            span = _span(text, match, kind)
            if span is None or any(span[0] < end and start < span[1] for start, end in taken):
                continue
            mention = _build(match, kind, release_date, planned, span)
            if mention is not None:
                taken.append(span)
                found.append(mention)
    return sorted(found, key=lambda mention: mention.start)


def _span(text: str, match: re.Match, kind: str) -> tuple[int, int] | None:
    """Where the date phrase lies; "the first two weeks of" and the like belong to it."""
    start, end = match.span("body") if match.groupdict().get("body") else match.span()
    if kind in ("month", "month-noyear"):
        before = text[max(0, start - 40): start]
        part = _PART_BEFORE.search(before)
        if part:
            return start - (len(before) - part.start()), end
        if kind == "month-noyear" and not _PREPOSITION_BEFORE.search(before):
            return None
    return start, end


def _build(match: re.Match, kind: str, release: datetime.date, planned: bool, span) -> DateMention | None:
    start, end = span
    groups = match.groupdict()
    if kind == "today":
        return DateMention(start, end, release.year, release.month, release.day, "day")
    if kind == "yesterday":
        day = release - datetime.timedelta(days=1)
        return DateMention(start, end, day.year, day.month, day.day, "day")
    if kind == "iso":
        year, month, day = int(groups["year"]), int(groups["mnum"]), int(groups["day"])
        return DateMention(start, end, year, month, day, "day") if _valid_day(year, month, day) else None
    if kind == "day":
        year, month, day = int(groups["year"]), _month(groups["month"]), int(groups["day"])
        return DateMention(start, end, year, month, day, "day") if _valid_day(year, month, day) else None
    if kind == "month":
        return DateMention(start, end, int(groups["year"]), _month(groups["month"]), None, "month")
    if kind == "year":
        return DateMention(start, end, _year(groups["year"]), None, None, "year")
    month = _month(groups["month"])
    year = _infer_year(month, release, planned)
    if kind == "day-noyear":
        day = int(groups["day"])
        if not _valid_day(year, month, day):
            return None
        return DateMention(start, end, year, month, day, "day", inferred_year=True)
    return DateMention(start, end, year, month, None, "month", inferred_year=True)


def _infer_year(month: int, release: datetime.date, planned: bool) -> int:
    """Next such month on or after the release for plans, last on or before it otherwise."""
    if planned:
        return release.year if month >= release.month else release.year + 1
    return release.year if month <= release.month else release.year - 1


# --- what makes a date unusable as an event date ---------------------------

_REFERENCE_BEFORE = re.compile(
    r"(?i)(?:(?:news|press)\s+releases?(?:\s+(?:dated|of|issued|on|from|disseminated))?"
    r"|(?:previously\s+|first\s+)?(?:announced|reported|disclosed)(?:\s+(?:on|in))?"
    r"|dated)\s*(?:on\s+)?[,(]?\s*$"
)
_PERIOD_BEFORE = re.compile(
    r"(?i)(?:\b(?:results|report|statements|guidance|earnings|sales|revenues?|production|budget)\s+"
    r"for\s+(?:the\s+)?|\bended\s+|\bending\s+|\bfiscal\s+)$"
)
_PERIOD_AFTER = re.compile(
    r"(?i)^[\s-]*(?:financial\s+|operating\s+|production\s+|quarterly\s+|annual\s+|interim\s+)?"
    r"(?:results|report|financial statements|guidance|budget|outlook|MD&A|earnings)\b"
)
_RECAP = re.compile(
    r"(?i)\bas\s+(?:was\s+)?(?:previously\s+|first\s+|initially\s+)?(?:announced|disclosed|reported)"
    r"|\bsee\s+(?:the\s+|our\s+|its\s+)?(?:company['’]s\s+)?(?:news|press)\s+release"
    r"|\b(?:news|press)\s+releases?\s+(?:dated|of|issued)\b"
)


def _usable(text: str, mention: DateMention) -> bool:
    before = text[: mention.start]
    after = text[mention.end:]
    if _REFERENCE_BEFORE.search(before[-60:]):
        return False
    if _PERIOD_BEFORE.search(before[-40:]) or _PERIOD_AFTER.match(after):
        return False
    return True


# --- kinds ------------------------------------------------------------------

_KINDS: list[tuple[str, re.Pattern]] = [
    ("commissioning", re.compile(r"(?i)\bcommission(?:ed|ing)\b")),
    ("production", re.compile(
        r"(?i)\b(?:commercial\s+production|production\s+(?:commenced|began|started|restarted|resumed"
        r"|is\s+expected|will\s+(?:begin|commence|start))|(?:commence|start|begin|began|achieve|restart"
        r"|resume|declare)\w*\s+(?:of\s+)?(?:commercial\s+|initial\s+|first\s+)?production"
        r"|first\s+(?:gold|silver|copper|concentrate|pour|production|shipment|oil|gas|ore|doré|dore)"
        r"|poured\s+(?:its\s+)?first)\b")),
    ("acquisition", re.compile(r"(?i)\b(?:acquired|acquisition|acquire)\b")),
    ("permit", re.compile(
        r"(?i)\b(?:(?:mining|environmental|construction|water|operating|exploration|drilling|building"
        r"|exploitation|export)\s+(?:permits?|licen[cs]es?|approvals?)|permits?|permitted"
        r"|licen[cs]es?|EIA\s+approval)\b")),
    ("financing", re.compile(
        r"(?i)\b(?:private\s+placements?|financings?|(?:public|bought[- ]deal|prospectus)\s+offering"
        r"|bought\s+deal|credit\s+facility|loan\s+facility|debt\s+facility|streaming\s+agreement"
        r"|flow[- ]through\s+(?:financing|placement|offering)|offering\s+of\s+units)\b")),
    ("listing", re.compile(
        r"(?i)\b(?:listing|listed|(?:commence|begin|start|began|begun)\w*\s+trading|uplist\w*)\b")),
    ("agreement", re.compile(
        r"(?i)\b(?:agreements?|letter\s+of\s+intent|memorandum\s+of\s+understanding|MOU|LOI"
        r"|joint\s+venture|term\s+sheet|offtake)\b")),
    ("drilling", re.compile(r"(?i)\b(?:drill(?:ing|ed|\s+program(?:me)?|\s+holes?)|boreholes?)\b")),
    ("completion", re.compile(r"(?i)\b(?:complet(?:ed|ion|es|e)|finished)\b")),
    ("other", re.compile(
        r"(?i)\b(?:(?:report|release|announce|publish|file)\w*\s+(?:its\s+|our\s+|the\s+)?"
        r"(?:[\w&-]+\s+){0,3}results|feasibility\s+study|resource\s+estimate|reserve\s+estimate"
        r"|technical\s+report|preliminary\s+economic\s+assessment|construction)\b")),
]
# "completed", "received" ... and auxiliaries; enough to tell a reported event.
_PAST = re.compile(
    r"(?i)\b(?:has|have|had|was|were)\b|\b(?:completed|commenced|closed|signed|received|commissioned"
    r"|started|achieved|acquired|obtained|executed|entered|drilled|listed|poured|produced|shipped"
    r"|delivered|finished|launched|initiated|began|begun|issued|approved|awarded|secured|reached"
    r"|concluded|restarted|resumed|released|filed|granted|installed|finalized|finalised)\b"
)
_PLANNED = re.compile(
    r"(?i)\b(?:expect\w*|anticipat\w*|plan(?:s|ned|ning)?|target\w*|intend\w*|aim(?:s|ing)?"
    r"|schedul\w*|will|shall|would|could|should|forecast\w*|projected|look(?:s|ing)?\s+forward"
    r"|on\s+track|estimated\s+to|set\s+to|upcoming|proposed|goal|objective|budgeted|due\s+to\s+"
    r"(?:begin|start|commence|close|complete)|to\s+be\s+(?:completed|commissioned|closed|finalized))\b"
    r"|(?-i:\bmay\b)"
)
_NOT_MILESTONE = re.compile(
    r"(?i)\b(?:stock\s+options?|options?\s+(?:to\s+purchase|granted|were\s+granted)|incentive\s+options"
    r"|restricted\s+(?:share|stock)\s+units?|deferred\s+share\s+units?|performance\s+share\s+units?"
    r"|RSUs?|DSUs?|PSUs?|exercisable|expir(?:e|es|y|ing)|annual\s+(?:general\s+)?meeting"
    r"|special\s+meeting|elected|appointed|appointment|resign\w*|options?\s+to\s+(?:acquire|earn)"
    r"|earn[- ]in|may\s+earn|earn\s+an?\s+(?:additional\s+)?\d+%|available\s+for\s+option)\b"
)
# Cheap substring tests that must pass before a kind's regex runs (speed).
_KIND_WORDS = {
    "commissioning": ("commission",),
    "production": ("production", "first ", "poured"),
    "acquisition": ("acqui",),
    "permit": ("permit", "licen", "approval"),
    "financing": ("placement", "financing", "offering", "bought deal", "facility", "streaming"),
    "listing": ("listing", "listed", "trading", "uplist"),
    "agreement": ("agreement", "letter of intent", "memorandum", "mou", "loi", "joint venture",
                  "term sheet", "offtake"),
    "drilling": ("drill", "borehole"),
    "completion": ("complet", "finished"),
    "other": ("results", "feasibility", "estimate", "technical report", "economic assessment",
              "construction"),
}
_PROJECT_WORDS = ("Project", "Mine", "Property", "Deposit", "Mill", "Plant", "Prospect",
                  "Concession", "Claims", "Refinery")
_OPERATIONAL = {"commissioning", "production", "drilling", "permit", "completion"}
_CLAUSE_SPLIT = re.compile(r";\s+|,\s+and\s+|\s+while\s+|,\s+whereas\s+")

_PROJECT = re.compile(
    r"\b((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+"
    r"(?:Project|Mine|Property|Deposit|Mill|Plant|Prospect|Concession|Claims|Refinery)\b"
)
_NOT_NAME = {"the", "its", "our", "their", "this", "that", "company's", "company’s", "a", "an",
             "wholly", "owned", "flagship", "new", "existing", "entire", "in", "at", "of", "on"}


def extract_milestones(paragraphs: list[str], *, release_date: datetime.date) -> list[dict]:
    """Milestones stated in the body paragraphs, in reading order."""
    projects = _project_names(paragraphs)
    milestones: list[dict] = []
    for paragraph in paragraphs:
        context_project = None
        for sentence in split_sentences(paragraph):
            named = _project_in(sentence, projects)
            for milestone in _sentence_milestones(sentence, release_date):
                project = named
                if project is None and milestone["kind"] in _OPERATIONAL:
                    project = context_project
                milestone["project"] = project
                milestones.append(_ordered(milestone))
            context_project = named or context_project
    return milestones


def _ordered(milestone: dict) -> dict:
    keys = ("date", "precision", "event", "kind", "status", "project", "sentence")
    return {key: milestone.get(key) for key in keys}


def _project_names(paragraphs: list[str]) -> list[str]:
    names: list[str] = []
    for paragraph in paragraphs:
        for match in _PROJECT.finditer(paragraph):
            name = _clean_project(match.group(1))
            if name and name not in names:
                names.append(name)
    return names


def _clean_project(raw: str) -> str | None:
    words = raw.split()
    while words and words[0].lower() in _NOT_NAME:
        words.pop(0)
    return " ".join(words) or None


def _project_in(sentence: str, known: list[str]) -> str | None:
    match = _PROJECT.search(sentence) if any(w in sentence for w in _PROJECT_WORDS) else None
    if match and _clean_project(match.group(1)):
        return _clean_project(match.group(1))
    for name in known:
        if re.search(rf"\b{re.escape(name)}\b", sentence):
            return name
    return None


def _sentence_milestones(sentence: str, release: datetime.date) -> list[dict]:
    kinds = _kinds_in(sentence)
    if not kinds or _NOT_MILESTONE.search(sentence):
        return []
    clauses = [sentence] if len(kinds) == 1 else _CLAUSE_SPLIT.split(sentence)
    found = []
    for clause in clauses:
        milestone = _clause_milestone(clause, sentence, release)
        if milestone:
            found.append(milestone)
    return found


def _kinds_in(text: str) -> set[str]:
    lowered = text.lower()
    return {
        kind for kind, pattern in _KINDS
        if any(word in lowered for word in _KIND_WORDS[kind]) and pattern.search(text)
    }


def _trigger(clause: str) -> tuple[str, re.Match] | None:
    lowered = clause.lower()
    for kind, pattern in _KINDS:
        if not any(word in lowered for word in _KIND_WORDS[kind]):
            continue
        match = pattern.search(clause)
        if match:
            return kind, match
    return None


def _clause_milestone(clause: str, sentence: str, release: datetime.date) -> dict | None:
    trigger = _trigger(clause)
    if trigger is None:
        return None
    kind, match = trigger
    cue = bool(_PLANNED.search(clause))
    mention = _event_date(clause, match, release, planned=cue)
    if mention is None and _RECAP.search(clause):
        return None
    future = mention is not None and mention.key()[: _depth(mention)] > _release_key(release, mention)
    if cue or future:
        if mention is None:
            return None
        status = "planned"
    else:
        if mention is None and not _PAST.search(clause):
            return None
        if mention is not None and mention.inferred_year and not _PAST.search(clause):
            return None
        status = "achieved"
    return {
        "date": mention.value if mention else None,
        "precision": mention.precision if mention else None,
        "event": _event_text(clause, match, kind, mention),
        "kind": kind,
        "status": status,
        "sentence": sentence,
    }


def _depth(mention: DateMention) -> int:
    return {"day": 3, "month": 2, "year": 1}[mention.precision]


def _release_key(release: datetime.date, mention: DateMention) -> tuple:
    return (release.year, release.month, release.day)[: _depth(mention)]


def _event_date(clause: str, trigger: re.Match, release: datetime.date, *, planned: bool):
    mentions = [m for m in find_dates(clause, release, planned=planned) if _usable(clause, m)]
    after = [m for m in mentions if m.start >= trigger.start()]
    if after:
        return after[0]
    before = [m for m in mentions if m.end <= trigger.start()]
    return before[-1] if before else None


# --- event wording --------------------------------------------------------

_LEAD_IN = re.compile(
    r"(?i)^.*?\b(?:(?:is|are)\s+(?:pleased|excited|delighted|proud)\s+to\s+(?:announce|report|confirm)"
    r"|announce[sd]?|reports?|reported|confirms?|confirmed)\s+(?:that\s+)?"
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


def _event_text(clause: str, trigger: re.Match, kind: str, mention: DateMention | None) -> str:
    if kind == "other":
        results = _RESULTS.search(clause)
        if results:
            return "Report " + results.group(1)
    text = clause
    if mention is not None:
        start = mention.start
        preposition = re.search(
            r"(?i)(?:^|(?:,\s*)?\s)(?:on|in|during|by|at|for|effective|as\s+of|from)(?:\s+or\s+about)?\s*$",
            text[:start],
        )
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

