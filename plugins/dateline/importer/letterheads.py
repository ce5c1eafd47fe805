"""What a line of a release is when it is not news: a legend, a letterhead label, site
navigation, page furniture, a company-name or alias line, a sign-off, a heading.

The headline search (`headlines.py`) and the navigation filter (`release.py`) ask these.
"""

from __future__ import annotations

import re

from dateline.importer.datelines import WIRE_NAME
from dateline.importer.dates import DATE

LEGEND = re.compile(
    r"^\W*(?:not\s+for\s+(?:distribution|release|dissemination)|for\s+immediate\s+release"
    r"|(?:news|press|media)\s+release\b(?!\s*:\s*\S+\s+\S+\s+\S+)|(?:asx|market)\s+(?:announcement"
    r"|release)\b"
    r"|embargoed|source\s*:|(?:this\s+announcement\s+contains\s+)?inside\s+information\b(?!\s*:)"
    r"|(?:voluntary|joint)\s+announcement\s*$|announcement\s*$"  # HKEX's category lines
    r"|(?:tsxv?|asx|cse|nasdaq|nyse|otcqx|otcqb)\s*:\s*[A-Z0-9.]+\s*(?:[|;,]|$))",
    re.IGNORECASE,
)
SECTION_HEADING = re.compile(
    r"^(?:about\s+\S.{0,60}|à\s+propos\s+d[e'’]\s*\S.{0,60}|highlights?"
    r"|(?:disclaimer|cautionary\s+(?:note|statement)s?)\b.{0,70}"
    r"|forward[- ]looking\s+(?:statements?|information).{0,40}|qualified\s+persons?\b.{0,40}"
    r"|technical\s+(?:information|disclosure)|quality\s+(?:assurance|control).{0,40}"
    r"|qa\s*/\s*qc.{0,30}"
    r"|non[- ](?:ifrs|gaap)\s+(?:measures?|financial\s+measures?)"
    r"|conference\s+call(?:\s+and\s+webcast)?"
    r"|webcast|outlook|overview|background|next\s+steps|use\s+of\s+proceeds|terms\s+of\s+the\s+\w+"
    r"|(?:investor|media)\s+(?:relations|contacts?)|contacts?|notes?\s+to\s+editors)$",
    re.IGNORECASE,
)


# lines of a letterhead, an RNS header or a site page that stand above a headline but are not it
LETTERHEAD = re.compile(
    r"^\W*(?:exhibit\s+\d+(?:\.\d+)?|rns\s+number\s*:.*|nr\s*(?:no\.?\s*)?\d{1,4}\s*[-–]\s*\d{1,4}"
    r"|(?:news\s+release\s+)?(?:no\.|number)\s*\d.*|(?:.*\s/\s*)?index\s*:\s*[a-z].*"
    r"|(?:tsx-?v?|tsx\.v|asx|cse|aim|jse|lse|otcq[xb]|otcbb|nyse|nasdaq)\s+(?:share\s+)?(?:symbol"
    r"|code|ticker)\s*[:\-–—].*"
    # RNS and SENS header labels: "Ticker: EML", "TIDM: HGP", "Headline: ...", "Released 07:00 ..."
    r"|(?:ticker|epic|tidm|sector|company\s+name|headline|number|code\(s\)|release\s+date)\s*:.*"
    r"|released\b:?\s*\d.*|abn\s+[\d ]{9,}|tidm[A-Z0-9]{2,6}|uk\s+regulatory|(?:aim|asx|lse|cse"
    r"|tsxv?|nasdaq|nyse)\s*:\s*[a-z0-9.]{1,8}"
    r"|form\s+(?:8-k|6-k|10-q|10-k)|current\s+report|date\s+of\s+report\b.*"
    # a caption's label above a release
    r"|(?:figure|fig\.|table|image|photo|chart|map)\s*\d{0,3}[a-z]?"
    rf"|{WIRE_NAME})\W*$",
    re.IGNORECASE,
)
NAVIGATION = re.compile(
    r"^(?:(?:[^|•›»>\n]{1,30}\s[|•›»>]\s){2,}[^|•›»>\n]{1,30}"  # Home | About | News
    r"|(?-i:(?:[A-Z][\w&'’-]*(?: [A-Z&][\w'’-]*)?(?:[ ]{2,}|\t+)){3,}[A-Z][\w&'’-]*(?: "
    r"[A-Z&][\w'’-]*)?)"  # Home  About
    r"|(?:(?:share(?:\s+on)?|follow\s+us|tweet|facebook|linkedin|twitter|x|whatsapp|email|print"
    r"|copy\s+link)[\s|•,]*){1,6}"
    r"|listen\s+to\s+this\s+(?:article|release)|\d{1,2}\s+min(?:ute)?s?\s+read"
    r"|(?:back|return)\s+to\s+(?:all\s+)?(?:news|releases|press\s+releases|news\s+releases"
    r"|newsroom)"
    r"|back\s+to\s+\S+(?:\s+\S+)?\s+(?:sens|news|announcements)|go\s+to\s+market\s+news\s+section"
    r"|regulatory\s+(?:story|news|announcement)"  # an RNS viewer's labels above the announcement
    r"|(?:print|share|email|share\s+this\s+(?:article|release|story)|download\s+pdf)"
    r"(?:\s*[|•]\s*(?:print|share|email|tweet))*)$",
    re.IGNORECASE,
)
COMPANY_LINE = re.compile(
    r"^[A-Z][\w&.,'’ -]{1,60}\s(?i:Inc|Corp|Corporation|Ltd|Limited|plc|Company|Group|Holdings|LLC"
    r"|AG|SE"
    r"|S\.A|N\.V)\.?$"
)
# '("Kestrel Bay" or the "Company")', '("Ashdown" or "the Company")', '("Corvid", the "Company" or
# the "Group")'
COMPANY_ALIAS = re.compile(
    r"^\(.{1,120}\bor\s+[\"“'‘]?the\s+[\"“'‘]?(?:Company|Group|Corporation)[\"”'’]?\s*\)$",
    re.IGNORECASE,
)


def is_letterhead(text: str) -> bool:
    """ "Exhibit 99.1", "NR 21-09", "RNS Number : 4821Q", "TSX-V Symbol: WBM": labels, not
    headlines."""
    return bool(LETTERHEAD.match(text.strip()))


# EDGAR's SGML wrapper lines around an exhibit, and page markers of a converted PDF
PAGE_FURNITURE = re.compile(
    r"^(?:</?(?:DOCUMENT|TYPE|SEQUENCE|FILENAME|DESCRIPTION|TEXT|PAGE)>.*|-?\s*\d{1,3}\s*-"
    r"|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?"
    # a news site's slots between paragraphs of a republished release ("Advertisement 2")
    r"|advertisement(?:\s+\d{1,2})?|story\s+continues\s+(?:below|after\s+this\s+advertisement)"
    r"|article\s+content)$",
    re.IGNORECASE,
)


def is_page_furniture(text: str) -> bool:
    """ "<TYPE>EX-99.1", "<PAGE>", "- 2 -", "Page 2 of 3": the file's, not the release's."""
    return bool(PAGE_FURNITURE.match(text.strip()))


def is_navigation(text: str) -> bool:
    """A site's navigation trail or "Back to News" link saved with the page."""
    return bool(NAVIGATION.match(text.strip()))


SIGN_OFF = re.compile(r"^(?:on\s+behalf\s+of|signed|per:|sincerely|by\s+order\s+of\s+the\s+board)",
                      re.IGNORECASE)


# "This news release is not for distribution to U.S. newswire services ...", "THIS ANNOUNCEMENT
# ... IS NOT FOR RELEASE, PUBLICATION OR DISTRIBUTION ...": the restriction near the start
_RESTRICTION = re.compile(
    r"\bnot\s+(?:for|to\s+be)\s+(?:(?:release|publication|distribution"
    r"|dissemination)[\s,]*(?:or\s+)?)+",
    re.IGNORECASE,
)


def is_legend(text: str) -> bool:
    """Distribution legends and wire labels that precede a headline but are not it."""
    text = text.strip()
    return bool(LEGEND.match(text)) or (len(text) < 800 and bool(_RESTRICTION.search(text[:240])))


_LETTER = re.compile(r"[^\W\d_]")
_LOWER = re.compile(r"[a-z\u00df-\u00f6\u00f8-\u00ff]")


def is_all_caps(text: str) -> bool:
    """ALL CAPS, allowing a stray lowercase letter or two ("McEWEN", "3.2 g/t")."""
    sample = text[:300]  # a long block's opening is enough to tell
    letters = len(_LETTER.findall(sample))
    return letters >= 4 and len(_LOWER.findall(sample)) <= letters // 20


def looks_like_heading(text: str) -> bool:
    """Short section titles such as "About Almonty" or "Disclaimer for Forward-Looking
    Information"."""
    text = text.strip()
    if re.search(r"\b(?:Inc|Corp|Ltd|Co|Plc|Pty|S\.A|N\.V|L\.P)\.$", text, re.IGNORECASE):
        text = text[:-1]  # "About Fictional Gold Corp." is still a heading
    if not text or "\n" in text or len(text) > 80 or text[-1] in ".,;:!?" or SIGN_OFF.match(text):
        return False
    if SECTION_HEADING.match(text):
        return True
    words = text.split()
    return is_all_caps(text) and len(words) <= 8 and not is_legend(text) and not DATE.search(text)
