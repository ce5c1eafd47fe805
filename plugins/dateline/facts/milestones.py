"""Milestone extraction: the operational events a release reports as its news, or plans.

What is news (docs/extraction.md has the phrasing atlas behind each rule):

- This release's own events: the lead, the body's reports ("has completed", "began
  on", "is underway", "80% complete") and the headline when the lead states no
  event of its own ("Commercial Production Declared at X").
- Not news: quotations without a date ("It has been a privilege ..."), biographies
  ("has written over 200 papers", "previously served"), standing facts ("is listed
  on the TSX-V"), boilerplate (arm's length, qualified person), investor-relations
  and marketing engagements, negations ("no agreement has been reached", "has not
  yet been signed"), history inside technical disclosure ("between 2006 and 2016",
  "since 2009", "by previous owners", the holes an estimate uses), and this
  release's own results announcement ("today reported results", "results have been
  received from"). Meetings, elections and appointments of people are not
  milestones; a firm appointed to lead a study is. Grant sentences are `grants`'.
- Status: `planned` when the trigger's own verb group is forward-looking (expects to,
  will, is scheduled; a cue with a finite past verb between it and the trigger governs
  something else, and after a fronted "With X," the main verb decides), for a
  conditional clause (once, subject to, allows the Company to, before ... can, pending,
  deferred until) or a date after the release; a planned event needs a date. Otherwise `achieved`,
  which needs a date or a reporting verb. A trailing
  condition (", subject to financing") is about the event before it; a permit
  received "that allows for ... through 2027" is achieved, "through" its term;
  "with effect from <date>" with a perfect tense is achieved on that date.
- Trigger words that name no event where they stand are skipped: "updates on
  permits", "delays in obtaining permits", "cost to complete", "on the licence".
  Routine upkeep before a restart, option cancellations and "has applied for"
  are not events.
- One milestone per trigger clause: a sentence is cut at ";", ", and", " while ",
  ", which"; a piece with no trigger of its own stays with the clause before it.
- One event once: `milestone_duplicates` merges the headline, a bullet, the lead, a
  news service's lead and a quote that state the same event, keeping the dated body
  sentence; `milestone_paragraphs` cuts a one-line "HIGHLIGHTS - a - b" into bullets.
- Kinds, most specific first: a firm engaged for a study (other), a construction or
  investment decision (other), progress
  (percent complete), commissioning (also "installed, tested and fully
  functional"), production, bulk sample (other), acquisition, permit (also a
  regulator's approval or clearance), financing, listing, agreement, drilling,
  completion, other (studies, estimates, construction, first patient, launch).
  Real-release vocabulary: ore introduced or fed to the mill, mill start-up,
  energized, first power and grid connection (commissioning); first concentrate
  shipments, maiden cargoes, commercial operation, a share of nameplate reached
  (production); work authorizations, environmental certificates, decision
  statements (permit); contractors and fleets mobilized (other).
- Dates: `milestone_dates`; the event date is the nearest usable date after the
  trigger in its clause, else the nearest before it. Not usable: dates of earlier
  news releases, period labels ("Q3 2013 results", "for the quarter ended").
- Project: the "X Project/Mine/..." named in the sentence, or a known project named
  again; operational kinds carry the paragraph's project over.
- `review`: why a person should check the milestone ("from the headline only",
  "date read from the release date", "year inferred from the release date", "kind from a
  weak cue", "from a quotation", "status from a condition", "one of several events
  in the sentence"); empty when the text states everything.

Modules: this one reads the release in order; `milestone_kinds` (triggers), `milestone_status`
(achieved or planned), `milestone_filters` (not news), `milestone_clauses`, `milestone_quotes`,
`milestone_projects`, `milestone_event_dates` (which date is the event's), `milestone_subjects`
(another company's event is not the issuer's news) do one step each.
"""


from __future__ import annotations

import datetime
import logging
import re

from dateline.facts.milestone_clauses import _clauses
from dateline.facts.milestone_dates import DateMention, find_dates
from dateline.facts.milestone_duplicates import merge_duplicates
from dateline.facts.milestone_event_dates import _RECAP, _event_date, _headline_date
from dateline.facts.milestone_events import event_text
from dateline.facts.milestone_filters import (
    _APPLIED,
    _NEGATED,
    _NOT_MILESTONE,
    _RESULTS,
    _TECHNICAL,
    _not_news,
)
from dateline.facts.milestone_kinds import _AGREEMENT_TO, _KINDS, _TRIGGER_WORDS, _trigger
from dateline.facts.milestone_paragraphs import WIRE_LEAD, bullet_paragraphs, is_wire_lead
from dateline.facts.milestone_projects import (
    _OPERATIONAL,
    _context_project,
    _project_in,
    _project_names,
)
from dateline.facts.milestone_quotes import _SPEAKER_LINE, _reported_speech, _sentences_with_quotes
from dateline.facts.milestone_status import (
    _CONDITIONAL,
    _PLANNED,
    _conditional_trigger,
    _earlier_year,
    _long_ago,
    _planned_cue,
    _received_enabling,
    _status,
)
from dateline.facts.milestone_subjects import issuer_words, other_company

logger = logging.getLogger(__name__)

__all__ = ["DateMention", "extract_milestones", "find_dates"]

KEYS = ("date", "precision", "event", "kind", "status", "project", "sentence", "review")


_HEADLINE_EVENT = re.compile(
    r"(?i)\b(?:declares?|declared|achieves?|achieved|receives?|received|granted|approv\w+"
    r"|commences?"
    r"|commenced|begins?|began|starts?|started|completes?|completed|complete|closes?|closed|signs?"
    r"|signed|pours?|poured|underway|under\s+way|appoints?|engages?|retains?|issued|spuds?|spudded"
    r"|commissioned|commissions|restarts?|restarted|returns\s+to\s+production|breaks\s+ground"
    r"|acquires?|acquired)\b"
)


def extract_milestones(paragraphs: list[str], *, release_date: datetime.date | None,
                       title: str | None = None) -> list[dict]:
    """Milestones stated in the body paragraphs (and the headline), in reading order."""
    projects = _project_names(paragraphs + ([title] if title else []))
    issuer = issuer_words(title, paragraphs)
    milestones: list[dict] = []
    lead_events = 0
    lead_told: list[dict] = []  # the lead's undated reports: the body may date them
    lead = _lead_index(paragraphs, title)
    speaker = False  # the paragraph before ended "X commented:"
    for number, paragraph in bullet_paragraphs(paragraphs):
        earlier: list[str] = []  # the paragraph's sentences so far, for the project in context
        wire = is_wire_lead(paragraph)
        for sentence, quoted in _sentences_with_quotes(paragraph):
            quoted = quoted or speaker
            found = [] if other_company(sentence, issuer) else _sentence_milestones(
                sentence, release_date, quoted)
            named = _project_in(sentence, projects) if found else None
            for milestone in found:
                project = named
                if project is None and milestone["kind"] in _OPERATIONAL:
                    project = _context_project(earlier, projects)
                milestone["project"] = project
                if wire:
                    milestone["review"].append(WIRE_LEAD)
                milestones.append(_ordered(milestone))
                if number == lead and milestone["status"] == "achieved":
                    lead_events += 1
                    if milestone["date"] is None:
                        lead_told.append(milestones[-1])
            earlier.append(sentence)
        speaker = bool(_SPEAKER_LINE.search(paragraph))
    if title and not lead_events:
        headline = _headline_milestone(title, release_date, projects)
        if headline:
            milestones.insert(0, headline)
    return merge_duplicates(milestones, lead_told)


def _lead_index(paragraphs: list[str], title: str | None) -> int:
    """The lead paragraph: the first one, unless it only repeats the headline."""
    if title and paragraphs and _plain(paragraphs[0]) == _plain(title):
        return 1
    return 0


def _plain(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _ordered(milestone: dict) -> dict:
    return {key: milestone.get(key) for key in KEYS}


# --- sentences and clauses -----------------------------------------------------


def _sentence_milestones(sentence: str, release: datetime.date | None, quoted: bool) -> list[dict]:
    lowered = sentence.lower()
    if not any(word in lowered for word in _TRIGGER_WORDS):
        return []  # most sentences: no trigger word at all
    if _not_news(sentence):
        return []
    quoted = quoted or _reported_speech(sentence)
    study = _KINDS[0][2].search(sentence)
    if _NOT_MILESTONE.search(sentence) and not study:
        return []
    clauses = _clauses(sentence)
    found: list[dict] = []
    for clause in clauses:
        milestone = _clause_milestone(clause, sentence, release, quoted)
        if milestone and not any(_same_event(milestone, other) for other in found):
            if len(clauses) > 1:
                milestone["review"].append("one of several events in the sentence")
            found.append(milestone)
    return found


def _same_event(one: dict, other: dict) -> bool:
    return all(one[key] == other[key] for key in ("kind", "status", "date"))


def _clause_milestone(clause: str, sentence: str, release: datetime.date | None,
                      quoted: bool) -> dict | None:
    if _NEGATED.search(clause) or _APPLIED.search(clause):
        return None
    conditional = _CONDITIONAL.search(clause)
    trigger = None
    if conditional and _received_enabling(clause, conditional):
        trigger = _trigger(clause[: conditional.start()])
        if trigger:  # "has received a permit that allows for drilling through 2027": received
            conditional = None
    if conditional:
        trigger = _conditional_trigger(clause, conditional)
    trigger = trigger or _trigger(clause)
    if trigger is None:
        return None
    kind, match, weak = trigger
    agreement = _AGREEMENT_TO.search(clause) if kind == "acquisition" else None
    if agreement:
        kind, match, weak = "agreement", agreement, False
    if kind == "drilling" and _TECHNICAL.search(clause):
        return None  # which hole went where: technical detail, not an event
    weak = weak or match.group(0).lower() in ("listed", "listing")
    cue = _planned_cue(clause, match) or bool(conditional)
    mention = _event_date(clause, match, release, planned=cue)
    recap = _RECAP.search(clause) and not re.search(r"(?i)\bfurther\s+to\b", clause)
    if mention is None and (recap or quoted):
        return None  # a recap ("further to" an earlier release is new news), or an undated quote
    if kind == "listing" and re.search(r"(?i)\b(?:is|are)\s+(?:listed|quoted|traded)\b", clause):
        return None  # a standing fact, not a listing event
    status = _status(clause, mention, release, cue)
    if status is None or (status == "achieved" and _RESULTS.search(clause)):
        return None
    if status == "achieved" and (_long_ago(mention, release)
                                 or _earlier_year(clause, mention, release)):
        return None  # "In 2011, the Company drilled 45 holes": background, not this release's news
    return {
        "date": mention.value if mention else None,
        "precision": mention.precision if mention else None,
        "event": event_text(clause, match, kind, mention),
        "kind": kind,
        "status": status,
        "sentence": sentence,
        "review": _review(mention, weak, quoted, bool(conditional) and status == "planned"),
    }


def _review(mention: DateMention | None, weak: bool, quoted: bool, conditional: bool) -> list[str]:
    reasons = []
    if mention is not None and mention.relative:
        reasons.append("date read from the release date (\"today\")")
    if mention is not None and mention.inferred_year:
        reasons.append("year inferred from the release date")
    if weak:
        reasons.append("kind from a weak cue")
    if quoted:
        reasons.append("from a quotation")
    if conditional:
        reasons.append("status from a condition")
    return reasons


# --- the headline ---------------------------------------------------------------


def _headline_milestone(title: str, release: datetime.date | None,
                        projects: list[str]) -> dict | None:
    """The event a headline states, when the lead states none: dated the release day, for review."""
    event = _HEADLINE_EVENT.search(title)
    if not event or _PLANNED.search(title) or _CONDITIONAL.search(title):
        return None
    if re.search(r"(?i)\b(?:to|will)\s+$", title[: event.start()]):
        return None  # "Drilling to Commence at X": a plan, and headlines give no date
    if _not_news(title) or _NEGATED.search(title) or _RESULTS.search(title):
        return None
    if _NOT_MILESTONE.search(title) and not _KINDS[0][2].search(title):
        return None
    trigger = _trigger(title)
    if trigger is None:
        return None
    kind, match, weak = trigger
    stated = _headline_date(title, release)
    if stated is False:
        return None  # a date after the release: the headline announces a plan
    review = ["from the headline only"]
    if stated is None and release is not None:
        review.append("date is the release date")
    if stated is not None and stated.inferred_year:
        review.append("year inferred from the release date")
    if weak:
        review.append("kind from a weak cue")
    date = stated.value if stated else (release.isoformat() if release else None)
    return _ordered({
        "date": date,
        "precision": stated.precision if stated else ("day" if release else None),
        "event": event_text(title, match, kind, None),
        "kind": kind,
        "status": "achieved",
        "project": _project_in(title, projects),
        "sentence": title,
        "review": review,
    })
