"""What a sentence says about securities: how many, of which kind, and to whom.

`grants.py` decides which sentences are grant events and builds the frame; this
module reads one sentence for it:

- MENTIONS: "N stock options", "options to purchase N common shares", "options to
  <recipients> to purchase an aggregate of N shares" (recipients in between),
  "options over N ordinary shares", "allowing for the acquisition of up to, in the
  aggregate, N shares", "options totalling N", "N and M options respectively",
  and a bare second number ("N options to A and M to B").
- Warrants are awards only as compensation, never as part of units.
- Whom a mention goes to is `grant_recipients`'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Digits are grouped by commas ("612,000") or, in some wires, by spaces ("612 000"): a space
# group is read whole, so "612 000 options" is never a grant of 0 options. A count never
# starts inside another number ("3.1 Options issued ..." in a form is no grant of 1).
QUANTITY = (
    r"(?<![\d,.])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d{1,3}(?:,\d{3})+(?!\.\d)"
    r"|\d+(?:\.\d+)?\s+million|\d+)"
)
# "an aggregate of", "a total of", "up to, in the aggregate,", "up to a total of"
_LEAD = (
    r"(?:up\s+to,?\s+)?(?:in\s+the\s+aggregate,?\s+)?(?:(?:an\s+aggregate|a\s+total)\s+of\s+)?"
)
_SHARES = r"(?:new\s+)?(?:common\s+|ordinary\s+)?shares(?:\s+of\s+common\s+stock)?"

SECURITIES: list[tuple[str, str]] = [
    (
        "psu",
        (
            r"performance(?:[- ]based)?\s+(?:restricted\s+)?(?:share\s+|stock\s+)?"
            r"(?:units?|rights?)|PSUs?|(?:conditional|performance)\s+share\s+awards?"
            r"|conditional\s+awards?"
        ),
    ),
    ("rsu", r"restricted\s+(?:share|stock)\s+units?|RSUs?|(?:share|service)\s+rights"),
    ("dsu", r"deferred\s+(?:share|stock)\s+units?|DSUs?"),
    ("sar", r"(?:stock|share)\s+appreciation\s+rights?|SARs?"),
    (
        "warrant",
        (
            r"(?:(?:broker|brokers['’]?|finder['’]?s['’]?|finders['’]?|agent['’]?s['’]?"
            r"|agents['’]?|compensation|advisory|consultant)\s+)?(?:common\s+)?"
            r"(?:share\s+purchase\s+)?warrants?"
        ),
    ),
    (
        "option",
        (
            r"(?:incentive\s+|non-qualified\s+|inducement\s+)?"
            r"(?:stock\s+|share\s+(?:purchase\s+)?)?options?"
        ),
    ),
    # Restricted stock is shares granted outright (US "shares of restricted stock").
    (
        "shares",
        r"bonus\s+(?:common\s+)?shares|restricted\s+(?:common\s+)?shares"
        r"|shares\s+of\s+(?:the\s+company['’]s\s+)?restricted\s+(?:common\s+)?stock",
    ),
]
NOUN = "|".join(f"(?:{pattern})" for _, pattern in SECURITIES)
_OPTION = r"(?:(?:incentive\s+|non-qualified\s+|inducement\s+)?(?:stock\s+|share\s+)?options?)"
# A hyphenated modifier ("equity-settled", "time-based") may stand before the prefix.
_PREFIX = (
    r"(?:[a-z]+-(?:settled|based|vesting|qualified)\s+)?(?:new\s+|additional\s+|unlisted\s+|unquoted\s+|listed\s+|zero\s+exercise\s+price\s+"
    r"|nil[- ]cost\s+|inducement\s+|replacement\s+|conditional\s+)?"
)


@dataclass(frozen=True)
class Mention:
    """A number of securities named in a sentence, with recipients written in between."""

    start: int
    end: int
    security: str
    number: int
    between: str | None = None
    recipient_before: bool = False  # "to A in respect of N shares": the person comes first


_MENTIONS: list[tuple[re.Pattern, str | None]] = [
    (
        re.compile(
            rf"(?i)\b{_OPTION}\s+to\s+(?P<between>[^;]{{3,200}}?)\s+to\s+(?:purchase|acquire)\s+"
            rf"{_LEAD}{QUANTITY}\s+{_SHARES}\b"
        ),
        "option",
    ),
    (
        re.compile(
            rf"(?i)\b{_OPTION}\s+to\s+(?:purchase|acquire)\s+{_LEAD}{QUANTITY}\s+{_SHARES}\b"
        ),
        "option",
    ),
    (
        re.compile(
            rf"(?i)\b(?:allowing\s+(?:for\s+)?the\s+acquisition"
            rf"|for\s+the\s+(?:purchase|acquisition))"
            rf"\s+of\s+{_LEAD}{QUANTITY}\s+{_SHARES}\b"
        ),
        "option",
    ),
    (re.compile(rf"(?i)\b{_OPTION}\s+over\s+{_LEAD}{QUANTITY}\s+{_SHARES}\b"), "option"),
    (re.compile(rf"(?i)\b{_OPTION}\s+totall?ing\s+{QUANTITY}\b"), "option"),
    (
        re.compile(
            rf"(?i)\b(?P<noun>{NOUN})\s+(?:awards?\s+)?(?:covering|for)\s+{_LEAD}{QUANTITY}\s+"
            rf"{_SHARES}\b"
        ),
        None,
    ),
    (re.compile(rf"(?i)\bin\s+respect\s+of\s+{_LEAD}{QUANTITY}\s+{_SHARES}\b"), "award"),
    (re.compile(rf"(?i)\bover\s+{_LEAD}{QUANTITY}\s+{_SHARES}\b"), "award"),
    # "options ... entitling them to subscribe for a total of N shares" (HKEX)
    (re.compile(rf"(?i)\bsubscribe\s+for\s+(?:up\s+to\s+)?{_LEAD}{QUANTITY}\s+{_SHARES}\b"),
     "award"),
    (re.compile(rf"(?i){_LEAD}\b{QUANTITY}\s+{_PREFIX}(?P<noun>{NOUN})\b"), None),
]
_RESPECTIVELY = re.compile(
    rf"(?i)\b(?P<numbers>{QUANTITY}(?:\s*,\s*{QUANTITY})*\s+and\s+{QUANTITY})\s+{_PREFIX}"
    rf"(?P<noun>{NOUN})\s+respectively"
)
_BARE = re.compile(rf"(?i),?\s+and\s+{QUANTITY}\s+to\s+")

_UNIT_WARRANT = re.compile(
    r"(?i)\beach\s+unit\b|\bunits?\s+(?:consist|compris|are\s+compris)|\bconsisting\s+of\s+one"
    r"|\bcomprised\s+of\b|\bper\s+unit\b|\bunits?\s+at\s+a\s+price\b|\bon\s+closing\b"
)
_COMPENSATION_WARRANT = re.compile(
    r"(?i)\b(?:broker|brokers['’]?|finder['’]?s['’]?|finders['’]?|agent['’]?s['’]?|agents['’]?"
    r"|compensation|advisory)\s+(?:share\s+purchase\s+)?warrants?"
)
# --- mentions -----------------------------------------------------------------------------


_AWARD_KIND = re.compile(
    r"(?i)\b(?:conditional|performance)\s+(?:share\s+)?awards?\b|\bshare\s+awards?\b"
    r"|\bLTIP\s+awards?\b|\b(?:restricted|performance)\s+shares?\b"
)


def _is_year(sentence: str, match: re.Match, number_text: str) -> bool:
    """ "on 11 March 2024 performance share awards": 2024 is the date's year, not a count."""
    if not re.fullmatch(r"(?:19|20)\d{2}", number_text):
        return False
    at = sentence.find(number_text, match.start())
    if _PLAN_YEAR.match(sentence, at + len(number_text)):
        return True  # "under its 2012 Stock Option Plan": the plan's year
    return bool(_YEAR.search(sentence[max(0, at - 16) : at]))


_YEAR = re.compile(
    r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?$"
    r"|\b(?:in|of|since|during|year)\s+$"
)
# a number after a month or 'in'/'since' is a year, not a count
_PLAN_YEAR = re.compile(r"\s+(?:[A-Z][\w&'’-]*\s+){0,5}(?:Plan|Scheme)\b")


# A plan's name says nothing of the award: options granted under a "Performance Share Plan"
# or an LTIP are options.
_PLAN_NAME = re.compile(
    r"(?:[A-Z][\w&'’-]*\s+){0,6}(?:Plan|Scheme)\b|\b(?:LTIP|PSP|CSOP|EMI|SAYE)\b(?!\s+awards?)"
)


def award_kind(sentence: str, default: str | None) -> str:
    """What "an award over / in respect of N shares" is: options whatever plan or condition
    they come under; PSUs only when named as conditional or performance share awards."""
    text = _PLAN_NAME.sub(" ", sentence)
    if re.search(r"(?i)\boptions?\b", text):
        return "option"
    if _AWARD_KIND.search(text):
        return "psu"
    return default or "psu"


def mentions(sentence: str, default_award: str | None = None) -> list[Mention]:
    """The numbers of securities the sentence names, left to right, overlaps removed."""
    found: list[Mention] = []
    for pattern, kind in _MENTIONS:
        for match in pattern.finditer(sentence):
            security = kind or noun_kind(match.group("noun"))
            if security == "award":
                security = award_kind(sentence, default_award)
            if security is None:
                continue
            number_text = next(g for g in match.groups() if g and re.match(r"\d", g))
            if _is_year(sentence, match, number_text):
                continue
            between = match.groupdict().get("between")
            before = kind == "award"
            found.append(
                Mention(match.start(), match.end(), security, number(number_text), between, before)
            )
    for match in _RESPECTIVELY.finditer(sentence):
        security = noun_kind(match.group("noun"))
        numbers = re.findall(QUANTITY, match.group("numbers"))
        found = [m for m in found if not (match.start() <= m.start < match.end())]
        found += [
            Mention(match.start() + i, match.end(), security, number(n))
            for i, n in enumerate(numbers)
        ]
    found = _without_overlaps(_without_echoes(found))
    return _bare_mentions(sentence, found)


def _without_echoes(found: list[Mention]) -> list[Mention]:
    """ "N share options ... to subscribe for up to N shares": the shares restate the options."""
    named = {m.number for m in found if not m.recipient_before}
    return [m for m in found if not (m.recipient_before and m.number in named)]


def _without_overlaps(found: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end and not _same_match(kept[-1], mention):
            continue
        kept.append(mention)
    return kept


def _same_match(a: Mention, b: Mention) -> bool:
    return a.end == b.end and abs(a.start - b.start) < 3  # numbers of one "respectively" list


def _bare_mentions(sentence: str, found: list[Mention]) -> list[Mention]:
    """ "500,000 options to A and 400,000 to B": the second number takes the first's security."""
    extra = []
    for match in _BARE.finditer(sentence):
        before = [m for m in found if m.end <= match.start()]
        if before and not any(m.start <= match.start(1) < m.end for m in found):
            extra.append(
                Mention(match.start(1), match.end(1), before[-1].security, number(match.group(1)))
            )
    return sorted(found + extra, key=lambda m: m.start) if extra else found


def noun_kind(noun: str | None) -> str | None:
    if not noun:
        return None
    for kind, pattern in SECURITIES:
        if re.fullmatch(pattern, noun.strip(), re.IGNORECASE):
            return kind
    return None


# No issuer has a trillion securities: a longer run of digits is a typo or an attack, and
# is read as this much so arithmetic on it stays finite (the review flags it).
LARGEST_COUNT = 10**12


def number(text: str) -> int:
    """A share count in digits ("100,000", "1.5 million"), at most LARGEST_COUNT."""
    text = re.sub(r"[,\s\u00a0\u202f](?=\d{3}\b)", "", text).strip()
    if text.endswith("million"):
        value = float(text.split()[0]) * 1_000_000
    else:
        value = float(text)
    return round(min(value, LARGEST_COUNT))


def is_award(sentence: str, mention: Mention) -> bool:
    """Warrants count only as compensation to a party, never as part of units."""
    if mention.security != "warrant":
        return True
    if _UNIT_WARRANT.search(sentence):
        return False
    words = sentence[max(0, mention.start - 5) : mention.end]
    if _COMPENSATION_WARRANT.search(words):
        return True
    # warrants to a lender, a debenture holder or subscribers are the financing's terms
    return bool(
        re.match(r"\s+to\s+[A-Z]", sentence[mention.end :]) and not _FINANCING.search(sentence)
    )


_FINANCING = re.compile(
    r"(?i)\b(?:lenders?|loans?|debentures?|credit\s+facility|promissory|bridge\s+financing"
    r"|subscribers?|subscription|placees|noteholders?|convertible\s+notes?)\b"
)
