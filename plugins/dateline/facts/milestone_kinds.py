"""Milestone kinds: the operational verbs and nominal events that make a clause an event.

Each kind has cheap substrings that gate its pattern (most sentences stop at the gate, which
keeps extraction under its CPU budget) and a pattern; kinds are tried most specific first
(a firm engaged for a study, a construction decision, progress, commissioning, production,
bulk sample, acquisition, permit, listing, financing, agreement, drilling, completion, other).
`_trigger` finds the first kind in a clause; `_blocked` skips trigger words that name no
event where they stand ("updates on permits", "cost to complete", "on the licence").
"""

from __future__ import annotations

import re

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
        r"(?:the\s+)?(?:principal|lead)\s+(?:[\w-]+\s+)?consultants?\b)"
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
        r"|\bcompletion\s+(?:stands\s+at|of)\s+\d{1,3}\s?%"
        # "has reached 90% of target enrollment": a share of the target, reached
        r"|\b(?:reached|achieved|hit|attained)\s+\d{1,3}(?:\.\d)?\s?(?:%|percent)\s+of\s+(?:its\s+"
        r"|the\s+)?(?:target|planned|total)\b"), False),
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
        r"|will\s+produce|produced\s+and\s+shipped|shipped\s+(?:its|the|their)\s+first"
        r"|(?:concentrates?|ore|cargo|shipment|tonnes"
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
        rf"|(?:approved|issued|granted|cleared)\s+(?:and\s+issued\s+)?(?:for\s+(?:[\w-]+\s+){{1,3}}?)?"
        rf"by\s+the\s+(?:[\w.'’]+\s+){{0,5}}"
        rf"(?-i:{_REGULATOR})"
        r"|approv\w*\s+(?:of\s+)?(?:the\s+)?(?:environmental|programme\s+of\s+works"
        r"|program\s+of\s+work"
        r"|EIA|EIS|mining\s+proposal)"
        # an approval received, or granted: "received final approval from the FDA", "the final
        # approval ... has now been granted"
        r"|(?:received|obtained|secured|been\s+granted)\s+(?:[\w-]+\s+){0,3}?(?:approvals?"
        r"|clearances?|consents?)\b"
        r"|\bapprovals?\b[^.;]{0,60}?\b(?:has|have)\s+(?:now\s+)?been\s+(?:granted|received"
        r"|obtained|issued))"), False),
    # AIM admission of new shares: the listing, though the shares come from a placing
    ("listing", ("admission", "admitted"), re.compile(
        r"(?i)\b(?:admission|admitted)\b[^.;]{0,80}?\b(?:to\s+trading|(?-i:to\s+AIM|on\s+AIM"
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
        r"|the\s+)?(?:[\w,-]+\s+){0,8}contract"
        # "won a $209.9 million contract", "renewed and extended ... an existing contract"
        r"|(?:won|wins|secured|secures|received|receives|renewed|extended|signed)\s+(?:and\s+\w+\s+)?"
        r"(?:[\w$.,-]+\s+){0,8}?(?:contracts?|(?<!in\s)orders?(?!\s+to\b))"
        r"|contracts?\b[^.;]{0,120}?\b(?:be|been|were|was)\s+awarded)\b"),
     False),
    ("drilling", ("drill", "borehole", "spud", " rig"), re.compile(
        r"(?i)\b(?:drill(?:ing|ed|\s+program(?:me)?|\s+holes?|\s+rigs?|\s+contractors?|\s+crews?)"
        r"|(?:second|third|additional|another)\s+(?:diamond\s+|RC\s+)?rigs?"
        r"|boreholes?|spud(?:ded)?)\b"
        r"(?!\s+(?:Services|Ltd|Inc|Corp|Company|Contractors?)\b)"), False),
    ("other", ("blast",), re.compile(
        r"(?i)\bblasting\b[^.;]{0,60}?\b(?:has\s+|had\s+)?(?:begun|began|commenced|started"
        r"|underway|under\s+way)\b"
        r"|\b(?:first|initial)\s+blast\b|\b(?:start|commencement)\s+of\s+blasting\b"), False),
    ("other", ("mobili",), re.compile(
        r"(?i)\b(?:contractors?|fleet|crews?|equipment|workforce)\b[^.;]{0,60}?\bmobili[sz]\w*"
        r"|\bmobili[sz]\w*\s+(?:of\s+)?(?:the\s+)?(?:mining\s+)?(?:contractor|fleet|plant|equipment"
        r"|crews?)"),
     False),
    # "the completion of a JORC resource estimate", "the results of the Pre-Feasibility Study":
    # the study is the event, whatever verb reports it
    ("other", ("estimate", "study", "studies", "assessment", " pea", " pfs", " dfs"), re.compile(
        r"(?i)\b(?:complet(?:ed|ion)|finali[sz](?:ed|ation)|results)\s+of\s+(?:the\s+|its\s+|an?\s+)?"
        r"(?:[\w()\"“”'-]+\s+){0,5}?(?:stud(?:y|ies)|estimates?|assessment|(?-i:PEA|PFS|DFS))\b"
        r"|\b(?:maiden|updated|new|initial)\s+(?:[\w-]+\s+){0,3}?(?:resource|reserve)\s+estimates?\b"),
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
        r"|dosed|launch(?:ed)?\s+of|launched\s+(?:its|the|their|our)\s+|(?:has|have|had|to|will|successfully)\s+launch(?:ed)?\s+(?!an?\s+"
        r"(?:\w+\s+)?(?:review|investigation|search|process|offering|financing|placement))"
        r"|broke\s+ground|groundbreaking|production\s+decision"
        r"|(?:start|began|begun|commenc|initiat)\w*\s+(?:its\s+|the\s+"
        r"|a\s+)?(?:[\w-]+\s+){0,3}(?:clinical\s+)?(?:trial|study)"
        r"|(?:topline|top-line|final|interim|headline)\s+(?:data|results)\s+(?:from|of|for)\s+(?:the|its)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:trial|study)"
        r"|early\s+works|(?:recruitment|enrol?lment)\s+(?:of\s+[^.;]{0,40}?)?"
        r"(?:is\s+|are\s+)?(?:expected|scheduled|planned|due)\s+to\s+(?:begin|start|commence))\b"),
        True),
]

# Every kind's cheap substrings: the gate most sentences stop at.
_TRIGGER_WORDS = tuple(sorted({word for _, words, _, _ in _KINDS for word in words}))

# "entered into a definitive agreement to acquire": an agreement now, the acquisition later.
_AGREEMENT_TO = re.compile(
    r"(?i)\b(?:agreements?|letter\s+of\s+intent|LOI|MOU|memorandum\s+of\s+understanding"
    r"|term\s+sheet"
    r"|agreed)\b[^.;]{0,80}?\b(?:to\s+(?:acquire|purchase|sell|buy)|for\s+the\s+(?:acquisition"
    r"|purchase"
    r"|sale)|pursuant\s+to\s+which)\b"
)

# Words before a trigger that make it no event: a status update, a difficulty, a cost, a place.
_BLOCKED_BEFORE = re.compile(
    r"(?i)(?:\b(?:updates?|status|delays?|difficult(?:y|ies)|challenges?|problems?)\b[^.;]{0,30}?"
    r"\b(?:in|on|of|with|regarding|about|concerning|obtaining|receiving|securing)\s+"
    r"(?:(?:the|its|their|all|required|necessary|remaining|final|outstanding)\s+){0,2}"
    r"(?:[^.;,]{0,40}?\s)?"
    r"|\bcosts?\s+(?:to|at|of)\s+"
    # "Under the agreement, ...": the agreement the release already named, not a new one
    r"|^\s*(?:under|pursuant\s+to|in\s+terms\s+of)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}"
    # "at the Company's recently acquired project": a description, not an acquisition
    r"|\b(?:recently|newly|previously|already)\s+)$"
)

# "the second well on the licence": a licence as the place, not as an event.
_PLACE_BEFORE = re.compile(r"(?i)\b(?:on|within|across|under|of)\s+(?:the\s+)?(?:same\s+)?$")


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
