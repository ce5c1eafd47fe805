"""Sentences that are not this release's operational news, whatever verbs they hold.

Grant sentences, meetings and appointments of people; routine upkeep; boilerplate (arm's
length, qualified person); investor-relations and marketing engagements; biographies;
negations ("no agreement has been reached"); history inside technical disclosure; this
release's own results announcement; hole-by-hole technical detail; fieldwork colour;
cautionary forward-looking language; an application made.
"""

from __future__ import annotations

import re

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
    # what came before this release: "over the years", "earlier this year", "had already been
    # awarded", a cumulative total ("In total, 40,900 m has been drilled ... since the programme
    # began")
    r"|\bover\s+the\s+years\b|\bearlier\s+(?:this|that|in\s+the)\s+(?:year|month)\b"
    r"|\bhad\s+already\b|\bin\s+total,|\bgrand\s+total\b|\bcumulative(?:ly)?\b"
    r"|\bsince\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?(?:program(?:me)?|campaign|project|company)\s+"
    r"(?:began|started|commenced)\b"
    r"|\bdatabase\b|\b(?:estimate|resource|reserve)s?\s+(?:uses|used|is\s+based|was\s+based"
    r"|includes"
    r"|included|incorporates)\b"
)

_RESULTS = re.compile(
    r"(?i)\b(?:report|announc|releas|publish|provid)\w*\s+(?:its\s+|the\s+"
    r"|our\s+)?(?:[\w&-]+\s+){0,5}"
    # the results of a study or estimate are the study's news, not a results announcement
    r"results\b(?!\s+of\s+(?:the\s+|its\s+|an?\s+)?(?:[\w()\"“”'-]+\s+){0,5}?(?:stud(?:y|ies)"
    r"|estimates?|assessment|(?-i:PEA|PFS|DFS))\b)|\bresults\s+(?:have\s+been|were)\s+received\b"
    r"|\bfiled\s+its\s+financial\s+statements"
)

# Hole-by-hole technical detail of a results release: not a drilling milestone.
_TECHNICAL = re.compile(
    r"(?i)\bholes?\s+(?:[A-Z]{1,5}[-_]?)?\d[\w-]*|\bazimuth\b|\bdip\s+of\b|\bintersect\w*"
    r"|\bblast[- ]?holes?\b|\bproduction\s+drill"
    r"|\bintercept\w*|\btrue\s+widths?\b|\bcore\s+lengths?\b|\bg/t\b|\bgrading\b"
    r"|\bdrilled\s+(?:to\s+(?:a\s+)?depth|at\s+an?\s+|from\s+(?:the\s+)?(?:same\s+)?pad)"
)

_FIELDWORK = re.compile(
    r"(?i)\bcompleted\s+(?:[\w-]+\s+){0,3}(?:mapping|sampling|prospecting)\b"
)

# Cautionary language inside the body: it lists plans to warn about them, not to announce them.
_FORWARD_LOOKING = re.compile(
    r"(?i)\bforward[- ]looking\b|\bsuch\s+statements\b|\bwithout\s+limitation\b"
    r"|\bactual\s+(?:results|events)\s+(?:may|could)\b"
)

# An application made is not yet an event ("has applied for a certificate").
_APPLIED = re.compile(r"(?i)\b(?:has\s+|have\s+|had\s+)?applied\s+(?:to|for)\b"
                      # "an application for permits ... was lodged": asked for, not yet granted
                      r"|\bapplications?\b[^.;]{0,100}?\b(?:was|were|has\s+been|have\s+been)\s+"
                      r"(?:lodged|submitted|filed)\b"  # not "made": AIM's admission notice
                      r"|\b(?:lodged|submitted|filed)\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,3}?"
                      r"applications?\b")


def _not_news(sentence: str) -> bool:
    """Sentences that carry no event of this release, whatever verbs they hold."""
    return bool(
        _BOILERPLATE.search(sentence) or _PROMOTION.search(sentence)
        or _BIOGRAPHY.search(sentence) or _HISTORY.search(sentence)
        or _FIELDWORK.search(sentence) or _FORWARD_LOOKING.search(sentence)
        or _ROUTINE.search(sentence)
    )
