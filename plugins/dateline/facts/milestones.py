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
"""

from __future__ import annotations

import datetime
import logging
import re

from dateline.facts.milestone_dates import DateMention, find_dates
from dateline.facts.milestone_duplicates import merge_duplicates
from dateline.facts.milestone_events import event_text
from dateline.facts.milestone_paragraphs import WIRE_LEAD, bullet_paragraphs, is_wire_lead
from dateline.facts.sentences import split_sentences

logger = logging.getLogger(__name__)

__all__ = ["DateMention", "extract_milestones", "find_dates"]

KEYS = ("date", "precision", "event", "kind", "status", "project", "sentence", "review")


# --- what makes a date unusable as an event date ---------------------------

_REFERENCE_BEFORE = re.compile(
    r"(?i)(?:(?:news|press)\s+releases?(?:\s+(?:dated|of|issued|on|from|disseminated))?"
    r"|(?:previously\s+|first\s+)?(?:announced|reported|disclosed)(?:\s+(?:on|in))?"
    r"|(?:announcements?|(?-i:RNS))(?:\s+(?:dated|of|on|made\s+on|released\s+on))?"
    r"|dated)\s*(?:on\s+)?[,(]?\s*$"
)
_PERIOD_BEFORE = re.compile(
    r"(?i)(?:\b(?:results|report|statements|guidance|earnings|sales|revenues?|production|budget)\s+"
    r"for\s+(?:the\s+)?|\bended\s+|\bending\s+|\bfiscal\s+|\bas\s+at\s+)$"
)
_PERIOD_AFTER = re.compile(
    r"(?i)^[\s-]*(?:financial\s+|operating\s+|production\s+|quarterly\s+|annual\s+|interim\s+)?"
    r"(?:results|report|financial statements|guidance|budget|outlook|MD&A|earnings)\b"
)
_RECAP = re.compile(
    r"(?i)\bas\s+(?:was\s+)?(?:previously\s+|first\s+|initially\s+)?(?:announced|disclosed"
    r"|reported)"
    r"|\bsee\s+(?:the\s+|our\s+|its\s+)?(?:company['’]s\s+)?(?:news|press)\s+release"
    r"|\b(?:news|press)\s+releases?\s+(?:dated|of|issued)\b"
)


# "an amended permit that allows mining through late 2027": the permit's term, not an event.
_TERM_BEFORE = re.compile(r"(?i)\b(?:through|thru|valid\s+(?:until|to))\s+(?:the\s+end\s+of\s+)?$")

_ANNOUNCED_TODAY = re.compile(
    r"(?i)^\s+(?:announced|reported|confirmed|advised|said|provided)\b"
)
_ANNOUNCED_BEFORE = re.compile(r"(?i)\b(?:announced|reported|confirmed|advised|said)\s+$")


def _usable(text: str, mention: DateMention) -> bool:
    before = text[: mention.start]
    after = text[mention.end:]
    if mention.relative and (_ANNOUNCED_TODAY.match(after) or _ANNOUNCED_BEFORE.search(before)):
        return False  # "today announced": the day of the release, not of the event
    if _REFERENCE_BEFORE.search(before[-60:]) or _TERM_BEFORE.search(before[-30:]):
        return False
    if _PERIOD_BEFORE.search(before[-40:]) or _PERIOD_AFTER.match(after):
        return False
    return True


# --- kinds ------------------------------------------------------------------

_REGULATOR = (
    r"(?:Minist(?:er|ry)|Department|Government|Authority|Agency|Administration|FDA|EPA|EMA"
    r"|regulator|Bureau|Commission|Council|Secretariat|Health\s+Canada|TGA|MHRA|PMDA|NMPA"
    r"|(?:Ethics|Review)\s+(?:Committee|Board)|HREC|IRB|Notified\s+Body)"
)
# (kind, cheap substrings, pattern, weak cue?); the substrings gate the regex (speed).
_KINDS: list[tuple[str, tuple[str, ...], re.Pattern, bool]] = [
    ("other", ("appoint", "engag", "retain", "select", "award", "mandat", "contracted", "hired"),
     re.compile(
        r"(?i)\b(?:appoint|engag|retain|select|award|mandat|contracted|hired)\w*\b.{0,120}?"
        r"\b(?:to\s+(?:lead|prepare|complete|conduct|carry\s+out|undertake|deliver|manage)|as\s+"
        r"(?:principal|lead)\s+consultants?\b)"
        r".{0,90}?\b(?:feasibility|stud(?:y|ies)|(?-i:PEA)|economic\s+assessment|technical\s+report"
        r"|(?:independent\s+|technical\s+)?(?:review|audit)|mine\s+plan(?:ning)?|mine\s+design)\b")
     , False),
    ("other", ("decision", "construction", " fid"), re.compile(
        r"(?i)\b(?:construction|investment|development)\s+decision\b|(?-i:\bFID\b)"
        r"|\bdecision\s+to\s+(?:proceed|build|construct|develop|start\s+construction)\b"
        r"|\bapprov\w*\s+(?:\w+\s+){0,3}?(?:mov\w+\s+forward"
        r"|proceed\w*)\s+with\s+(?:the\s+)?construction\b"
        r"|\bapprov\w*\s+(?:the\s+)?construction\s+of\b"), False),
    ("progress", ("%", "percent"), re.compile(
        r"(?i)\b\d{1,3}(?:\.\d)?\s?(?:%|percent)\s+(?:complete|completion|done)\b"
        r"|\b\d{1,3}(?:\.\d)?\s?(?:%|percent)\s+of\s+(?:the\s+)?(?:construction|work|installation)"
        r"|\b(?:reached|at)\s+\d{1,3}(?:\.\d)?\s?(?:%|percent)\s+(?:complete|completion)"
        r"|\bcompletion\s+(?:stands\s+at|of)\s+\d{1,3}\s?%"), False),
    ("commissioning", ("commission", "tested", "functional", "operational", " ore ", "ore was",
                       "ore is", "ore has", "introduction of", "start-up", "startup", "start up",
                       "energiz", "energis", "first power", "grid"), re.compile(
        r"(?i)(?<!weeks of )(?<!months of )(?<!days of )(?<!from the )(?<!out of )\bcommission(?:ed"
        r"|ing)\b"
        r"|\binstalled,?\s+(?:and\s+)?tested\b"
        r"|\b(?:is|are)\s+(?:now\s+)?fully\s+(?:functional|operational)\b"
        r"|\bore\b[^.;]{0,40}?\b(?:introduced|fed|delivered)\s+(?:in)?to\s+the\s+(?:[\w-]+\s+){0,2}"
        r"(?:mill|plant|circuit|crusher|concentrator)\b|\bintroduction\s+of\s+(?:first\s+)?ore\b"
        r"|\bintroduc\w*\s+(?:the\s+)?(?:first\s+)?ore\s+(?:in)?to\s+the\s+(?:[\w-]+\s+){0,2}(?:mill|plant|circuit)\b"
        r"|\bfirst\s+ore\s+(?:in)?to\s+the\s+(?:[\w-]+\s+){0,2}(?:mill|plant|circuit|crusher"
        r"|concentrator)\b"
        r"|\b(?:mill|plant|concentrator)\s+start[- ]?up\b|\bstart[- ]?up\s+of\s+the\s+(?:mill"
        r"|plant)\b"
        r"|\benergi[sz](?:ed|ation)\b|\bfirst\s+power\b"
        r"|\bconnected\s+to\s+the\s+(?:[\w-]+\s+){0,2}grid\b"
        r"|\bgrid\s+connection\b"), False),
    ("production",
     ("production", "first ", "poured", "pour", "restart", "resum", "maiden", "produc",
                    "loaded at", "loaded onto",
                    "commercial operation", "nameplate", "design throughput", "design capacity",
                    "mining at", "mining on", "mining operations", "mining has", "mining started",
                    "mining commenced", "mining began", "mining resumed", "of mining", "of open",
                    "mining expected",
                    "mining is", "mining scheduled", "overburden",
                    "of underground"), re.compile(
        r"(?i)\b(?:commercial\s+production|production\s+(?:commenced|began|started|restarted"
        r"|resumed"
        r"|is\s+expected|will\s+(?:begin|commence|start))|(?:commence|start|begin|began|achieve"
        r"|restart"
        r"|resume|declare)\w*\s+(?:of\s+)?(?:commercial\s+|initial\s+|first\s+"
        r"|full[- ]scale\s+)?production"
        r"|first\s+(?:[\w-]+\s+){0,2}(?:concentrates?|shipments?|cargo)"
        r"|maiden\s+(?:[\w-]+\s+){0,2}(?:cargo|shipment)"
        r"|commercial\s+operations?|(?:reach\w*|achiev\w*|attain\w*|hit|operated\s+at|ran\s+at)\s+"
        r"\d{1,3}(?:\.\d)?\s?(?:%|percent)\s+of\s+(?:its\s+|the\s+)?(?:nameplate|design)"
        r"|(?:reach\w*|achiev\w*|attain\w*|ramp\w*(?:[- ]up)?\s+to|target\w*)\s+(?:full\s+|its\s+"
        r"|the\s+)?"
        r"(?:nameplate|design)\s+(?:capacity|throughput|rates?)"
        r"|(?-i:mining(?:\s+operations)?\s+(?:at\s+[^.;]{1,40}?\s+)?(?:has\s+)?(?:started|commenced"
        r"|began|resumed)"
        r"|^Mining\s+(?:operations\s+)?(?:at|on)\s+[^.;]{1,40}?\s+(?:started|commenced|began"
        r"|resumed))"
        r"|(?:start|commencement)\s+of\s+(?:open[- ]pit\s+|underground\s+)?mining"
        r"|(?-i:^(?:Production|Mining|Bulk\s+mining|Ore\s+mining))\b[^.;]{0,80}?\b(?:commenced|began|started|resumed)"
        r"|(?:ore\s+|bulk\s+)?mining\s+(?:is\s+)?(?:expected|scheduled|planned|due"
        r"|set)\s+to\s+(?:re)?(?:start|begin|commence)"
        r"|first\s+overburden|bulk\s+mining\s+(?:commenced|began|started)"
        r"|first\s+(?:gold|silver|copper|concentrate|pour|production|shipment|oil|gas|ore|doré"
        r"|dore)"
        r"|gold\s+pour|poured\s+(?:its\s+)?first|restart\s+of\s+(?:production|operations)"
        r"|operations\s+have\s+(?:restarted|resumed)|restarted\s+the\s+(?:process\s+)?(?:plant"
        r"|mill)"
        r"|ramping\s+up\s+production|(?:expected|anticipated|forecast|scheduled|set)\s+to\s+produce"
        r"|(?:expects?|anticipates?|forecasts?|plans?|targets?|aims?)\s+(?:to\s+produce|producing)"
        r"|production\s+(?:at\s+[^.;,]{1,30}?\s+)?(?:is\s+|was\s+)?(?:scheduled|expected|anticipated|planned|due|set|targeted)\s+to\s+"
        r"(?:re)?(?:start|begin|commence|resume)|production\s+(?:restart|resumption)"
        r"|(?:full|full[- ]scale|steady[- ]state)\s+production\s+(?:to\s+follow|is\s+expected"
        r"|expected)"
        r"|will\s+produce|produced\s+and\s+shipped|(?:concentrates?|ore|cargo|shipment|tonnes"
        r"|vessel)\b[^.;]{0,40}?"
        r"\bloaded\s+(?:at|onto|into)\b)\b"), False),
    ("other", ("bulk sampl",), re.compile(r"(?i)\bbulk\s+sampl(?:e|es|ing)\b"), False),
    ("acquisition", ("acqui", "purchase"), re.compile(
        r"(?i)\b(?:acquired|acquisition|acquire|purchase\s+of|purchased)\b"), False),
    ("permit",
     ("permit", "licen", "approv", "ce mark", "clearance", "designation", "cleared", "issued",
                "granted", "authoriz", "authoris", "certificat", "decision statement"), re.compile(
        r"(?i)\b(?:(?:work|exploration|drilling|mining|environmental|government|ministerial"
        r"|regulatory)\s+"
        r"authori[sz]ations?|authori[sz]ation\s+(?:for|to)\s+(?:[\w-]+\s+){0,2}(?:work|drill|explor"
        r"|min|construct)"
        r"|(?:environmental|compliance|operating|work)\s+(?:[\w-]+\s+)?certificates?"
        r"|certificates?\s+of\s+(?:authori[sz]ation|compliance|approval)|decision\s+statement"
        r"|record\s+of\s+decision"
        r"|certificates?\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:issued|granted"
        r"|received)"
        r"|(?:mining|environmental|construction|water|operating|exploration|drilling|building"
        r"|exploitation|export)\s+(?:permits?|licen[cs]es?|approvals?)|permits?|permitted"
        r"|licen[cs]es?(?!\s+(?:and\s+[\w-]+\s+)?agreement)|EIA\s+approval|clearance"
        r"|(?:orphan\s+drug|fast\s+track|breakthrough\s+therapy)\s+designation|CE\s+Mark(?:ing)?\b"
        rf"|(?-i:{_REGULATOR})\b[^.;]{{0,60}}?\b(?:approved|granted|issued|cleared)"
        rf"|(?:approved|issued|granted)\s+(?:and\s+issued\s+)?by\s+the\s+(?:[\w.'’]+\s+){{0,5}}"
        rf"(?-i:{_REGULATOR})"
        r"|approv\w*\s+(?:of\s+)?(?:the\s+)?(?:environmental|programme\s+of\s+works"
        r"|program\s+of\s+work"
        r"|EIA|EIS|mining\s+proposal))"), False),
    # AIM admission of new shares: the listing, though the shares come from a placing
    ("listing", ("admission",), re.compile(
        r"(?i)\badmission\b[^.;]{0,80}?\b(?:to\s+trading|(?-i:to\s+AIM|on\s+AIM"
        r"|Official\s+List))\b"), False),
    ("financing", ("placement", "placing", "financing", "offering", "bought deal", "facility",
                   "streaming", "tranche", "ipo"), re.compile(
        r"(?i)\b(?:private\s+placements?|placings?|financings?"
        r"|(?:public|bought[- ]deal|prospectus|initial\s+public)\s+offering|bought\s+deal"
        r"|credit\s+facility|loan\s+facility|debt\s+facility|streaming\s+agreement"
        r"|flow[- ]through\s+(?:financing|placement|offering)|offering\s+of\s+units"
        r"|(?:first|second|third|final)\s+tranche|(?-i:IPO))\b"), False),
    ("listing", ("listing", "listed", "trading", "uplist", "graduat"), re.compile(
        r"(?i)\b(?:(?:de)?listing(?!\s+rules?\b)|(?:de)?listed|(?:commence|begin|start|began"
        r"|begun)\w*\s+trading"
        r"|uplist\w*|graduat\w+\s+(?:to|from)|trading\s+of\s+(?:the\s+"
        r"|its\s+)?(?:common\s+)?shares\b"
        r"[^.;]{0,40}?\b(?:begin|commence|start))\b"), False),
    ("agreement", ("agreement", "letter of intent", "memorandum", "mou", "loi", "joint venture",
                   "term sheet", "offtake", "contract"), re.compile(
        r"(?i)\b(?:agreements?|letter\s+of\s+intent|memorandum\s+of\s+understanding|MOU|LOI"
        r"|joint\s+venture|term\s+sheet|offtake|(?:binding|definitive)\s+contract"
        r"|contract\s+was\s+signed|signed\s+(?:a|the)\s+contract"
        r"|(?:EPCM?|engineering|construction|mining|drilling|supply"
        r"|services?)\b[^.;]{0,60}?\bcontract"
        r"|\bunder\s+(?:a|the|its)\s+[^.;]{0,50}?\bcontract"
        r"|contract\s+for\s+(?:[\w,-]+\s+){0,6}services"
        r"|contract\s+(?:was\s+|has\s+been\s+)?awarded|awarded\s+(?:an?\s+"
        r"|the\s+)?(?:[\w,-]+\s+){0,8}contract)\b"),
     False),
    ("drilling", ("drill", "borehole", "spud", " rig"), re.compile(
        r"(?i)\b(?:drill(?:ing|ed|\s+program(?:me)?|\s+holes?|\s+rigs?|\s+contractors?|\s+crews?)"
        r"|(?:second|third|additional|another)\s+(?:diamond\s+|RC\s+)?rigs?"
        r"|boreholes?|spud(?:ded)?)\b"
        r"(?!\s+(?:Services|Ltd|Inc|Corp|Company|Contractors?)\b)"), False),
    ("other", ("blast",), re.compile(
        r"(?i)\bblasting\b[^.;]{0,60}?\b(?:has\s+|had\s+)?(?:begun|began|commenced|started)\b"
        r"|\b(?:first|initial)\s+blast\b|\b(?:start|commencement)\s+of\s+blasting\b"), False),
    ("other", ("mobili",), re.compile(
        r"(?i)\b(?:contractors?|fleet|crews?|equipment|workforce)\b[^.;]{0,60}?\bmobili[sz]\w*"
        r"|\bmobili[sz]\w*\s+(?:of\s+)?(?:the\s+)?(?:mining\s+)?(?:contractor|fleet|plant|equipment"
        r"|crews?)"),
     False),
    ("completion", ("complet", "finished"), re.compile(
        r"(?i)\b(?:complet(?:ed|ion|es|e)|finished)\b"), False),
    ("other", ("results", "feasibility", "estimate", "technical report", "economic assessment",
               "construction", "first patient", "dosed", "launch", "broke ground",
               "groundbreaking", "decision", "recruitment", "trial", "study", "early works",
               "enrolment",
               "enrollment"),
     re.compile(
        r"(?i)\b(?:(?:report|release|announce|publish|file)\w*\s+(?:its\s+|our\s+|the\s+)?"
        r"(?:[\w&-]+\s+){0,3}results|feasibility\s+study|resource\s+estimate|reserve\s+estimate"
        r"|technical\s+report|preliminary\s+economic\s+assessment|construction|first\s+patient"
        r"|dosed|launch(?:ed)?\s+of|broke\s+ground|groundbreaking|production\s+decision"
        r"|(?:start|began|begun|commenc|initiat)\w*\s+(?:its\s+|the\s+"
        r"|a\s+)?(?:[\w-]+\s+){0,3}(?:clinical\s+)?(?:trial|study)"
        r"|early\s+works|(?:recruitment|enrol?lment)\s+(?:of\s+[^.;]{0,40}?)?"
        r"(?:is\s+|are\s+)?(?:expected|scheduled|planned|due)\s+to\s+(?:begin|start|commence))\b"),
        True),
]

# Every kind's cheap substrings: the gate most sentences stop at.
_TRIGGER_WORDS = tuple(sorted({word for _, words, _, _ in _KINDS for word in words}))
_SPEECH_WORDS = ("said", "says", "stated", "comment", "added", "noted", "remarked", "explained",
                 "believes")

# Auxiliaries and reporting verbs: enough to tell a reported event from a plan.
_PAST = re.compile(
    r"(?i)\b(?:has|have|had|was|were)\b|\b(?:completed|commenced|closed|signed|received"
    r"|commissioned"
    r"|started|achieved|acquired|obtained|executed|entered|drilled|listed|poured|produced|shipped"
    r"|delivered|finished|launched|initiated|began|begun|issued|approved|awarded|secured|reached"
    r"|concluded|restarted|resumed|released|filed|granted|installed|finalized|finalised|declared"
    r"|spud|spudded|dosed|undertook|broke|retained|engaged|appointed|mobili[sz]ed|took\s+place"
    r"|underway|under\s+way)\b"
    r"|\b(?:fed|introduced|energi[sz]ed|operated|took|occurred|mobili[sz]ed|moved|flowed"
    r"|exported)\b"
    r"|\b(?:it|they|we|which)\s+(?!expected|planned|scheduled|intended)\w+ed\b"
    r"|\b(?:is|are|was|were)\s+(?:now\s+)?(?:substantially\s+|essentially\s+|practically\s+"
    r"|mechanically\s+"
    r"|largely\s+)?(?:complete|operational|functional)\b|\b\d{1,3}\s?%\s+complete"
    r"|\b(?:announce[sd]?|report(?:s|ed)?|confirm(?:s|ed)?)\s+(?:the\s+)?(?:completion|commencement"
    r"|start|restart|closing|receipt|achievement|declaration|signing)\s+of\b"
)
_PLANNED = re.compile(
    r"(?i)\b(?:expect\w*|anticipat\w*|plans?\s+(?:to|is|are|calls)|planned|planning\s+to|intend\w*"
    r"|targeting|targeted|targets?(?=\s+(?:to|for|date|of|is|first|commercial|completion|production"
    r"|commissioning|start|the\s+(?:start|first|end)))"
    r"|(?-i:aim(?:s|ing)?)"
    r"|(?<!\bas\s)(?<!\bon\s)(?<!\bof\s)schedul\w*|on\s+schedule\s+(?:to|for)|will|shall|would|could|should|forecast\w*|projected|look(?:s|ing)?\s+forward"
    r"|on\s+track|on\s+target|estimated\s+to|set\s+to|upcoming|proposed|goal|objective|budgeted"
    r"|prepar\w+\s+to|poised\s+to|about\s+to|ready\s+to|designed\s+to|intended\s+to"
    r"|focus(?:ed|ing)\s+on\s+(?:starting|beginning|commencing|completing|advancing|delivering"
    r"|launching)"
    r"|possibly|potentially"
    r"|due\s+to\s+(?:begin|start|commence|close|complete)|to\s+follow|to\s+be\s+(?:completed"
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
_NOT_MILESTONE = re.compile(
    r"(?i)\b(?:stock\s+options?|options?\s+(?:to\s+purchase|granted|were\s+granted)"
    r"|incentive\s+options"
    r"|restricted\s+(?:share|stock)\s+units?|deferred\s+share\s+units?|performance\s+share\s+units?"
    r"|RSUs?|DSUs?|PSUs?|exercisable|expir(?:e|es|y|ing)|annual\s+(?:general\s+)?meeting"
    r"|special\s+meeting|elected|appointed|appointment|resign\w*|options?\s+to\s+(?:acquire|earn)"
    r"|earn[- ]in|may\s+earn|earn\s+an?\s+(?:additional\s+)?\d+%|available\s+for\s+option"
    r"|equity\s+incentive|incentive\s+(?:plan|awards?)|runs?\s+(?:for|until)|valid\s+(?:for|until)"
    r"|hold\s+period|use\s+of\s+proceeds|net\s+proceeds)\b"
    # options issued, cancelled or lapsed (by agreement or not) are the grants extractor's
    r"|\b(?:[\d,]{3,}\s+(?:[\w-]+\s+){0,2})?options?\b[^.;]{0,50}?\b(?:cancel\w*|lapsed|forfeit\w*"
    r"|surrender\w*|as\s+an\s+inducement)|\bcancel\w*\s+(?:[\d,]+\s+)?(?:[\w-]+\s+){0,2}options?\b"
    r"|\b(?:issued|granted)\s+[\d,]{3,}\s+(?:[\w-]+\s+){0,2}options?\b"
)
# Routine upkeep before a restart: repairs done, crews brought back. The restart is the news.
_ROUTINE = re.compile(
    r"(?i)\b(?:repairs?|maintenance|refurbishment)\b[^.;]{0,60}?\b(?:completed|finished|done)\b"
    r"|\b(?:ahead\s+of|in\s+preparation\s+for|to\s+prepare\s+for"
    r"|in\s+readiness\s+for)\s+(?:the\s+)?"
    r"(?:planned\s+)?re-?start\b"
)
_BOILERPLATE = re.compile(
    r"(?i)arm['’]?s[- ]length|unrelated\s+and\s+unaffiliated|no\s+present\s+interest"
    r"|qualified\s+person|competent\s+person|reviewed\s+and\s+approved\s+by"
    r"|in\s+compliance\s+with\s+the\s+policies"
)
_PROMOTION = re.compile(
    r"(?i)investor\s+relations|market\s+awareness|marketing\s+(?:services|campaign|program)"
    r"|market[- ]making|promotional\s+(?:services|activities)|digital\s+marketing"
)
_BIOGRAPHY = re.compile(
    r"(?i)\b(?:has\s+(?:written|authored|published)|authored|papers\b|years\s+of\s+(?:industry\s+)?"
    r"experience|(?:was\s+)?previously\s+(?:served|was|held|worked)|holds\s+an?\s+(?:\w+\s+)?degree"
    r"|graduated|(?:his|her)\s+career|brings\s+(?:more\s+than|over)|served\s+as|employs"
    r"|was\s+responsible\s+for|before\s+that|(?:has\s+)?(?:completed|worked\s+on|delivered"
    r"|built)\s+"
    r"(?:more\s+than\s+\d+\s+|over\s+\d+\s+|several\s+|many\s+|numerous\s+)?projects\s+for)\b"
    r"|^(?:Mr|Mrs|Ms|Dr|Prof)\.\s+\w+\s+(?:was|is|has|holds|brings|joined)\b"
)
_NEGATED = re.compile(
    r"(?i)\bno\s+(?:\w+\s+){0,2}(?:agreement|decision|assurance|contract)\b"
    r"|\bnot\s+(?:yet\s+)?(?:been\s+)?(?:signed|reached|entered|concluded|received|granted|approved"
    r"|finali[sz]ed|completed|made)\b|\b(?:has|have|had)\s+not\b|\bthere\s+can\s+be\s+no\b"
    r"|\bdiscussions?\b[^.]{0,80}\b(?:ongoing|continu\w+)|\bnegotiations?\b[^.]{0,80}\b(?:ongoing"
    r"|continu\w+|underway)|\btalks\b[^.]{0,60}\bcontinu\w+"
    r"|\b(?:delays?|difficult(?:y|ies)|setbacks?)\s+(?:in|with)\s+(?:obtaining|receiving|securing"
    r"|getting)\b"
)
_HISTORY = re.compile(
    r"(?i)\bbetween\s+(?:19|20)\d{2}\s+and\s+(?:19|20)\d{2}\b|\bfrom\s+(?:19|20)\d{2}\s+(?:to|until"
    r"|through)\s+(?:19|20)\d{2}\b|\bsince\s+(?:19|20)\d{2}\b|\bhistoric(?:al)?\b"
    r"|\bsince\s+(?:acquiring|(?:the|its)\s+(?:acquisition|inception|listing)|inception)\b"
    r"|\b(?:previous|prior|former)\s+(?:owners?|operators?)\b|\bover\s+the\s+(?:past"
    r"|last)\s+(?:\w+\s+)?"
    r"(?:years|decades)\b|\bto\s+date\b|\bup\s+to\s+the\s+end\s+of\b|\bby\s+year[- ]end\b"
    r"|\bdatabase\b|\b(?:estimate|resource|reserve)s?\s+(?:uses|used|is\s+based|was\s+based"
    r"|includes"
    r"|included|incorporates)\b"
)
_RESULTS = re.compile(
    r"(?i)\b(?:report|announc|releas|publish|provid)\w*\s+(?:its\s+|the\s+"
    r"|our\s+)?(?:[\w&-]+\s+){0,5}"
    r"results\b|\bresults\s+(?:have\s+been|were)\s+received\b"
    r"|\bfiled\s+its\s+financial\s+statements"
)
# Hole-by-hole technical detail of a results release: not a drilling milestone.
_TECHNICAL = re.compile(
    r"(?i)\bholes?\s+(?:[A-Z]{1,5}[-_]?)?\d[\w-]*|\bazimuth\b|\bdip\s+of\b|\bintersect\w*"
    r"|\bblast[- ]?holes?\b|\bproduction\s+drill"
    r"|\bintercept\w*|\btrue\s+widths?\b|\bcore\s+lengths?\b|\bg/t\b|\bgrading\b"
    r"|\bdrilled\s+(?:to\s+(?:a\s+)?depth|at\s+an?\s+|from\s+(?:the\s+)?(?:same\s+)?pad)"
)
# "entered into a definitive agreement to acquire": an agreement now, the acquisition later.
_AGREEMENT_TO = re.compile(
    r"(?i)\b(?:agreements?|letter\s+of\s+intent|LOI|MOU|memorandum\s+of\s+understanding"
    r"|term\s+sheet"
    r"|agreed)\b[^.;]{0,80}?\b(?:to\s+(?:acquire|purchase|sell|buy)|for\s+the\s+(?:acquisition"
    r"|purchase"
    r"|sale)|pursuant\s+to\s+which)\b"
)
# An achieved event that ended more than this long before the release is background.
_HISTORY_DAYS = 365
_FIELDWORK = re.compile(
    r"(?i)\bcompleted\s+(?:[\w-]+\s+){0,3}(?:mapping|sampling|prospecting)\b"
)
_QUOTE_VERB = re.compile(
    r"(?i)\b(?:said|says|commented|comments|stated|states|added|adds|noted|notes|remarked|explained"
    r"|continued)\b"
)
# Cautionary language inside the body: it lists plans to warn about them, not to announce them.
_FORWARD_LOOKING = re.compile(
    r"(?i)\bforward[- ]looking\b|\bsuch\s+statements\b|\bwithout\s+limitation\b"
    r"|\bactual\s+(?:results|events)\s+(?:may|could)\b"
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
# "the permit granted in 2016", "the 2023 program": an earlier year's events, recalled.
_PROGRAM_YEAR = re.compile(
    r"(?i)\b(?P<year>(?:19|20)\d{2})\s+(?:[\w-]+\s+)?(?:program(?:me)?|campaign|season)\b"
)
_HEADLINE_EVENT = re.compile(
    r"(?i)\b(?:declares?|declared|achieves?|achieved|receives?|received|granted|approv\w+"
    r"|commences?"
    r"|commenced|begins?|began|starts?|started|completes?|completed|complete|closes?|closed|signs?"
    r"|signed|pours?|poured|underway|under\s+way|appoints?|engages?|retains?|issued|spuds?|spudded"
    r"|commissioned|commissions|restarts?|restarted|returns\s+to\s+production|breaks\s+ground"
    r"|acquires?|acquired)\b"
)

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
    r"|,\s+with\s+(?=[^,;]{0,80}?\b(?:to\s+follow|(?:expected|scheduled|planned|due|set)\s+to)\b)"
)
# Words before a trigger that make it no event: a status update, a difficulty, a cost, a place.
_BLOCKED_BEFORE = re.compile(
    r"(?i)(?:\b(?:updates?|status|delays?|difficult(?:y|ies)|challenges?|problems?)\b[^.;]{0,30}?"
    r"\b(?:in|on|of|with|regarding|about|concerning|obtaining|receiving|securing)\s+"
    r"(?:(?:the|its|their|all|required|necessary|remaining|final|outstanding)\s+){0,2}"
    r"(?:[^.;,]{0,40}?\s)?"
    r"|\bcosts?\s+(?:to|at|of)\s+)$"
)
# "the second well on the licence": a licence as the place, not as an event.
_PLACE_BEFORE = re.compile(r"(?i)\b(?:on|within|across|under|of)\s+(?:the\s+)?(?:same\s+)?$")
_ENABLING = re.compile(r"(?i)(?:allow|enabl|permit)")
# A condition that trails its event ("start a bulk sample in Q3, subject to financing").
_TRAILING_CONDITION = re.compile(
    r"(?i),\s*(?:and\s+)?(?:subject\s+to|pending|conditional\s+(?:on|upon)|upon\s+receipt\s+of)\b"
)
# An application made is not yet an event ("has applied for a certificate").
_APPLIED = re.compile(r"(?i)\b(?:has\s+|have\s+|had\s+)?applied\s+(?:to|for)\b")
# "with effect from 1 July": a date the event took effect, achieved even a day ahead.
_EFFECTIVE_BEFORE = re.compile(r"(?i)\b(?:with\s+effect\s+from|effective(?:\s+from"
                               r"|\s+as\s+of)?)\s+$")
_PROJECT_WORDS = ("Project", "Mine", "Property", "Deposit", "Mill", "Plant", "Prospect",
                  "Concession", "Claims", "Refinery")
_OPERATIONAL = {"commissioning", "production", "drilling", "permit", "completion", "progress"}
_PROJECT = re.compile(
    r"\b((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+"
    r"(?:Project|Mine|Property|Deposit|Mill|Plant|Prospect|Concession|Claims|Refinery)\b"
)
_NOT_NAME = {"the", "its", "our", "their", "this", "that", "company's", "company’s", "a", "an",
             "wholly", "owned", "flagship", "new", "existing", "entire", "in", "at", "of", "on"}


def extract_milestones(paragraphs: list[str], *, release_date: datetime.date | None,
                       title: str | None = None) -> list[dict]:
    """Milestones stated in the body paragraphs (and the headline), in reading order."""
    projects = _project_names(paragraphs + ([title] if title else []))
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
            found = _sentence_milestones(sentence, release_date, quoted)
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


# --- quotations -----------------------------------------------------------


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


# --- projects ---------------------------------------------------------------


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


def _context_project(earlier: list[str], known: list[str]) -> str | None:
    """The project the paragraph last named before this sentence (read only when needed)."""
    for sentence in reversed(earlier):
        name = _project_in(sentence, known)
        if name:
            return name
    return None


def _project_in(sentence: str, known: list[str]) -> str | None:
    match = _PROJECT.search(sentence) if any(w in sentence for w in _PROJECT_WORDS) else None
    if match and _clean_project(match.group(1)):
        return _clean_project(match.group(1))
    for name in known:
        if re.search(rf"\b{re.escape(name)}\b", sentence):
            return name
    return None


# --- sentences and clauses -----------------------------------------------------


def _not_news(sentence: str) -> bool:
    """Sentences that carry no event of this release, whatever verbs they hold."""
    return bool(
        _BOILERPLATE.search(sentence) or _PROMOTION.search(sentence)
        or _BIOGRAPHY.search(sentence) or _HISTORY.search(sentence)
        or _FIELDWORK.search(sentence) or _FORWARD_LOOKING.search(sentence)
        or _ROUTINE.search(sentence)
    )


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


def _reported_speech(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(verb in lowered for verb
               in _SPEECH_WORDS) and bool(_REPORTED_SPEECH.search(sentence))


def _same_event(one: dict, other: dict) -> bool:
    return all(one[key] == other[key] for key in ("kind", "status", "date"))


def _clauses(sentence: str) -> list[str]:
    """Trigger clauses; a piece without a trigger of its own stays with the one before."""
    pieces = _CLAUSE_SPLIT.split(sentence)
    if len(pieces) == 1:
        return _paired(_fronted(pieces[0]))
    separators = _CLAUSE_SPLIT.findall(sentence)
    clauses = [pieces[0]]
    for separator, piece in zip(separators, pieces[1:]):
        if separator.strip() == ", and" and _trigger(piece) is None and _PLANNED.search(piece) \
                and _DATE_WORD.search(piece):
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


def _trigger(clause: str, start: int = 0) -> tuple[str, re.Match, bool] | None:
    """The first kind whose trigger occurs in the clause (from `start`), in kind order."""
    lowered = clause.lower()
    for kind, words, pattern, weak in _KINDS:
        if not any(word in lowered for word in words):
            continue
        match = next((m for m in pattern.finditer(clause, start) if not _blocked(clause, m, kind)),
                     None)
        if match:
            return kind, match, weak
    return None


def _blocked(clause: str, match: re.Match, kind: str) -> bool:
    """A trigger word that names no event here: "updates on permits", "cost to complete"."""
    before = clause[max(0, match.start() - 50): match.start()]
    return bool(_BLOCKED_BEFORE.search(before)
                or (kind == "permit" and _PLACE_BEFORE.search(before)))


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
    r"|wn)\b")
# A cue after its trigger governs it only close by, inside the same phrase ("production is
# expected").
_CUE_AFTER = 60


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


def _cue_ahead(text: str) -> bool:
    """A planned cue in the text with no finite past verb before it."""
    cue = _PLANNED.search(text)
    return bool(cue) and not _FINITE_PAST.search(text, 0, cue.start())


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


def _event_date(clause: str, trigger: re.Match, release, *, planned: bool):
    mentions = [m for m in find_dates(clause, release, planned=planned) if _usable(clause, m)]
    after = [m for m in mentions if m.start >= trigger.start()]
    if after:
        return after[0]
    before = [m for m in mentions if m.end <= trigger.start()]
    return before[-1] if before else None


# --- the headline ---------------------------------------------------------------


def _headline_date(title: str, release: datetime.date | None):
    """The date a headline states ("Effective July 1"), None for none, False for a later one."""
    mentions = [m for m in find_dates(title, release, planned=False) if _usable(title, m)]
    if not mentions:
        return None
    if release is not None and mentions[0].after(release):
        return False
    return mentions[0]


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
