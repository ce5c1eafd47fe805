"""Grant extraction: stock options and other equity awards a release announces.

Decisions (precision over recall: a wrong grant on an issuer's site is worse than
a missing one, so doubtful fields are null and doubtful grants are dropped):

- A grant is anchored on a sentence that states a number of securities and a
  grant verb (granted, awarded, issued, received, "the grant of"). Future or
  intended grants ("will grant", "intends to grant", "to be granted") are not
  grants yet.
- Sentences about cancelled, forfeited, expired, exercised, amended or repriced
  awards, plan capacity ("remain available", "reserved for issuance"), holdings
  ("holds", "outstanding"), property options and earn-ins ("option to acquire",
  "earn a 70% interest", "available for option or sale") and refusals ("will not
  receive options") give nothing.
- Warrants are grants only when issued as compensation to a party: broker,
  finder's, agent's, compensation or advisory warrants, or warrants issued "to"
  a named recipient. Warrants that form part of units sold in a financing
  ("each unit consists of one share and one warrant") are not grants.
- Shares count only as "bonus shares" (security "shares").
- Later sentences that speak of the same securities without a new number
  ("The options vest immediately.", "options granted to Mr. Ratner are in lieu
  of cash compensation") fill the still-empty fields of the latest grants of that
  security (only the named recipient's when the sentence names one). A sentence
  opening with "They"/"These" does so within its paragraph.
- Several grants in one sentence ("100,000 options to A and 50,000 options to B,
  exercisable at $0.10"): a field stated once applies to all; stated once per
  grant it applies in order; otherwise null. A price never applies to RSUs, DSUs
  or PSUs.
- Recipient: a person's name (a later "Mr. Ratner" resolves to "Bruce Ratner"),
  a company (agents), or a group as written without determiners ("directors,
  officers and consultants"). Role: a canonical lower-case title ("director",
  "chief executive officer", ...); for a group, the role only when the group
  holds one role ("directors" -> "director"), else null.
- Currency: a stated symbol or code (C$, CDN$, US$, A$, AUD, £, €, pence) gives
  `currency_stated: true`. A bare "$" or "cents" takes the dollar currency of the
  first listed exchange (the primary listing) with `currency_stated: false`; on a
  non-dollar exchange it stays null. No price: currency and currency_stated null.
- Dates: "today" / "from today's date" / "granted on <day>" / "effective <day>"
  give the grant date; an expiry is "expire/expiring/until <date>". A stated term
  and a grant date give the expiry; an expiry and a grant date give the term when
  it is a whole number of years (or of months, as a fraction).
- Vesting, normalised: "immediately", "thirds" (one third a year / on each
  anniversary), "staged over N months" (stages, instalments or a period),
  "after N months" (a single cliff), "performance"; anything else null.
- Conditions: "subject to ... acceptance/approval/ratification/consent" and
  "in lieu of ..." phrases as written, joined with "; ".
"""

from __future__ import annotations

import datetime
import logging
import re

from .exchanges import EXCHANGES
from .milestones import find_dates
from .sentences import split_sentences

logger = logging.getLogger(__name__)

GRANT_KEYS = (
    "security", "recipient", "role", "number", "exercise_price", "currency", "currency_stated",
    "term_years", "expiry_date", "vesting", "grant_date", "conditions", "sentence",
)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
    "thirty-six": 36, "forty-eight": 48, "sixty": 60,
}
_N = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_QUANTITY = r"(?P<num>\d{1,3}(?:,\d{3})+(?!\.\d)|\d+(?:\.\d+)?\s+million|\d+)"
_LEAD = r"(?:(?:an\s+aggregate|a\s+total)\s+of\s+|up\s+to\s+)?"

_SECURITIES: list[tuple[str, str]] = [
    ("psu", r"performance(?:[- ]based)?\s+(?:restricted\s+)?(?:share\s+|stock\s+)?units?|PSUs?"),
    ("rsu", r"restricted\s+(?:share|stock)\s+units?|RSUs?"),
    ("dsu", r"deferred\s+(?:share|stock)\s+units?|DSUs?"),
    ("sar", r"(?:stock|share)\s+appreciation\s+rights?|SARs?"),
    ("warrant", r"(?:(?:broker|brokers['’]?|finder['’]?s['’]?|finders['’]?|agent['’]?s['’]?|agents['’]?"
                r"|compensation|advisory|consultant)\s+)?(?:common\s+)?(?:share\s+purchase\s+)?warrants?"),
    ("option", r"(?:incentive\s+)?(?:stock\s+|share\s+(?:purchase\s+)?)?options?"),
    ("shares", r"bonus\s+(?:common\s+)?shares"),
]
_SECURITY_NOUNS = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _SECURITIES)
_MENTION = re.compile(
    rf"(?:(?:stock\s+|incentive\s+(?:stock\s+)?)?options?\s+to\s+(?:purchase|acquire)\s+{_LEAD}"
    rf"{_QUANTITY.replace('num', 'optnum')}\s+(?:common\s+)?shares"
    rf"|{_LEAD}{_QUANTITY}\s+(?:new\s+|additional\s+|unlisted\s+|listed\s+)?(?:{_SECURITY_NOUNS}))\b"
)
_ANY_NOUN = "|".join(pattern for _, pattern in _SECURITIES)
_REFERENCE = re.compile(
    rf"(?i)\b(?:the|these|such|each|all|said|those|its)\s+(?:new\s+)?(?P<noun>{_ANY_NOUN})\b"
    rf"|\b(?P<noun2>{_ANY_NOUN})\s+(?:granted|awarded|issued)\b"
)
_GRANT_VERB = re.compile(
    r"(?i)\b(?:grant(?:ed|ing|s)?|award(?:ed|ing|s)?|issu(?:ed|ance|ing)|received|receives)\b"
)
_FUTURE = re.compile(
    r"(?i)\b(?:will|may|would|shall|intends?\s+to|proposes?\s+to|plans?\s+to|expects?\s+to"
    r"|expected\s+to|is\s+to|are\s+to)\s+(?:be\s+)?(?:grant|award|issu|receiv)\w*|\bto\s+be\s+"
    r"(?:granted|awarded|issued)\b"
)
_NEGATIVE = re.compile(
    r"(?i)\b(?:cancel\w*|forfeit\w*|expired|terminat\w*|remains?\s+available|available\s+for"
    r"|reserved\s+for|outstanding|holds?|held|holding|exercised|exercise\s+of|repric\w*|amend\w*"
    r"|earn[- ]in|earn\s+(?:an?\s+|up\s+to\s+)?\d|\d+\s*%\s+interest|interest\s+in\s+the"
    r"|not\s+(?:be\s+)?(?:receive|received|granted|grant|eligible)|no\s+(?:stock\s+)?options"
    r"|surrender\w*|in\s+exchange\s+for|option\s+agreement|options?\s+to\s+(?:acquire|earn)\s+"
    r"(?:an?\s+|up\s+to\s+|a\s+)?(?:\d|undivided|interest)|option\s+or\s+sale)\b"
)
# Cheap substring tests: a sentence without any of these says nothing about awards.
_SECURITY_WORDS = ("option", "unit", "rsu", "dsu", "psu", "sar", "warrant", "bonus", "appreciation")
_PRONOUN = re.compile(r"(?i)(?:they|these|each\s+of\s+these|all\s+of\s+these)\b")
_UNIT_WARRANT = re.compile(
    r"(?i)\beach\s+unit\b|\bunits?\s+(?:consist|compris|are\s+compris)|\bconsisting\s+of\b"
    r"|\bcomprised\s+of\b|\bper\s+unit\b|\bunits?\s+at\s+a\s+price\b"
)
_COMPENSATION_WARRANT = re.compile(
    r"(?i)\b(?:broker|brokers['’]?|finder['’]?s['’]?|finders['’]?|agent['’]?s['’]?|agents['’]?"
    r"|compensation|advisory)\s+(?:share\s+purchase\s+)?warrants?"
)


def extract_grants(paragraphs: list[str], *, release_date: datetime.date, exchanges: list[str]) -> list[dict]:
    """Grants announced in the body paragraphs, in reading order."""
    reader = _GrantReader(release_date, exchanges)
    for paragraph in paragraphs:
        reader.read_paragraph(paragraph)
    return [reader.finish(grant) for grant in reader.grants]


class _GrantReader:
    """Walk the sentences, keeping the latest grants so later sentences can add to them."""

    def __init__(self, release_date: datetime.date, exchanges: list[str]):
        self.release_date = release_date
        self.dollar = _dollar_currency(exchanges)
        self.grants: list[dict] = []
        self.latest: dict[str, list[dict]] = {}
        self.names: list[str] = []

    def read_paragraph(self, paragraph: str) -> None:
        previous: list[dict] = []
        for sentence in split_sentences(paragraph):
            lowered = sentence.lower()
            pronoun = _PRONOUN.match(sentence)
            if not pronoun and not any(word in lowered for word in _SECURITY_WORDS):
                previous = []
                continue
            if _NEGATIVE.search(sentence):
                previous = []
                continue
            found = self._anchor(sentence)
            if found:
                previous = found
                continue
            targets = self._targets(sentence, previous)
            if targets:
                self._fill(targets, _attributes(sentence, self.release_date, self.dollar))
            previous = targets or []

    def _anchor(self, sentence: str) -> list[dict]:
        if not _GRANT_VERB.search(sentence) or _FUTURE.search(sentence):
            return []
        mentions = [m for m in _MENTION.finditer(sentence) if _security(m)]
        mentions = [m for m in mentions if _is_award(sentence, m)]
        if not mentions:
            return []
        self.names.extend(n for n in _person_names(sentence) if n not in self.names)
        grants = []
        for index, mention in enumerate(mentions):
            end = mentions[index + 1].start() if index + 1 < len(mentions) else len(sentence)
            start = mentions[index - 1].end() if index else 0
            grants.extend(self._segment_grants(sentence, mention, start, end))
        _distribute(grants, sentence, mentions, self.release_date, self.dollar)
        self.grants.extend(grants)
        for security in {g["security"] for g in grants}:
            self.latest[security] = [g for g in grants if g["security"] == security]
        return grants

    def _segment_grants(self, sentence, mention, start, end) -> list[dict]:
        security = _security(mention)
        number = _number(mention.group("num") or mention.group("optnum"))
        people = _recipients(sentence, mention, start, end, self.names)
        return [
            {"security": security, "recipient": recipient, "role": role, "number": number,
             "sentence": sentence, "_span": mention.span()}
            for recipient, role in people
        ]

    def _targets(self, sentence: str, previous: list[dict]) -> list[dict]:
        reference = _REFERENCE.search(sentence)
        if reference:
            kind = _noun_kind(reference.group("noun") or reference.group("noun2"))
            targets = self.latest.get(kind, [])
        elif previous and _PRONOUN.match(sentence):
            targets = previous
        else:
            return []
        named = [g for g in targets if g["recipient"] and _surname(g["recipient"]) in sentence]
        return named or targets

    def _fill(self, targets: list[dict], attributes: dict) -> None:
        for grant in targets:
            for key, value in attributes.items():
                if value is None:
                    continue
                if key == "conditions" and grant.get(key):
                    if value not in grant[key]:
                        grant[key] = f"{grant[key]}; {value}"
                    continue
                if key in ("exercise_price", "currency", "currency_stated") and grant["security"] in (
                    "rsu", "dsu", "psu", "shares"
                ):
                    continue
                if grant.get(key) is None:
                    grant[key] = value

    def finish(self, grant: dict) -> dict:
        _complete_term(grant)
        return {key: grant.get(key) for key in GRANT_KEYS}


def _security(mention: re.Match) -> str | None:
    if mention.group("optnum"):
        return "option"
    for kind, _ in _SECURITIES:
        if mention.group(kind):
            return kind
    return None


def _noun_kind(noun: str) -> str | None:
    for kind, pattern in _SECURITIES:
        if re.fullmatch(pattern, noun, re.I):
            return kind
    return None


def _is_award(sentence: str, mention: re.Match) -> bool:
    """Warrants count only as compensation to a party, never as part of units."""
    if _security(mention) != "warrant":
        return True
    if _UNIT_WARRANT.search(sentence):
        return False
    after = sentence[mention.end():]
    return bool(_COMPENSATION_WARRANT.search(mention.group(0)) or re.match(r"\s+to\s+[A-Z]", after))


def _number(text: str) -> int:
    text = text.replace(",", "").strip()
    if text.endswith("million"):
        return int(round(float(text.split()[0]) * 1_000_000))
    return int(float(text))


# --- recipients -----------------------------------------------------------

_ROLES: list[tuple[str, str]] = [
    ("president and chief executive officer",
     r"president\s+(?:and|&)\s+(?:chief\s+executive\s+officer|ceo)\b"),
    ("chief executive officer", r"chief\s+executive\s+officer|\bceo\b"),
    ("chief financial officer", r"chief\s+financial\s+officer|\bcfo\b"),
    ("chief operating officer", r"chief\s+operating\s+officer|\bcoo\b"),
    ("vice president", r"vice[- ]president|\bvp\b"),
    ("president", r"\bpresident\b"),
    ("chair", r"\bchair(?:man|woman|person)?\b"),
    ("corporate secretary", r"corporate\s+secretary"),
    ("director", r"\bdirectors?\b|member\s+of\s+the\s+board|board\s+members?"),
    ("officer", r"\bofficers?\b"),
    ("employee", r"\bemployees?\b"),
    ("consultant", r"\bconsultants?\b"),
    ("advisor", r"\badvis[oe]rs?\b|advisory\s+board"),
    ("investor relations consultant", r"investor\s+relations"),
    ("agent", r"\bagents?\b|\bunderwriters?\b|\bbrokers?\b"),
    ("finder", r"\bfinders?\b"),
]
_ORG_WORDS = r"(?:Inc\.|Inc\b|Corp\.|Corp\b|Corporation|Ltd\.|Ltd\b|Limited|LLC|LLP|L\.P\.|plc|Capital|Securities|Partners|Markets)"
_TITLE_WORDS = {
    "Chief", "Executive", "Financial", "Operating", "Officer", "President", "Vice", "Director",
    "Directors", "Chair", "Chairman", "Board", "Company", "Corporation", "Secretary", "Exploration",
    "The", "Its", "Our", "Mr", "Ms", "Mrs", "Dr", "Independent", "Senior", "General", "Manager",
    "Technical", "Advisory", "Interim", "Lead", "Non-Executive", "Corporate", "Development",
    "Operations", "Plan", "Stock", "Option", "Options", "Exchange", "Venture", "TSX", "In", "On",
    "Each", "All", "These", "Under", "Pursuant", "Following", "Also", "Further", "Additionally",
}
_NAME_TOKEN = r"(?:[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?|[A-Z]\.|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+)"
_PERSON = re.compile(
    rf"(?:\b(?P<title>Mr|Ms|Mrs|Dr)\.?\s+)?\b(?P<name>{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|van|de|der"
    rf"|da|von|di|du|la|le))*)"
)
_ORG = re.compile(rf"\b((?:[A-Z][\w&’'-]*\s+){{1,5}}(?:{_ORG_WORDS}\s+)*{_ORG_WORDS})")
_TO_PHRASE = re.compile(
    r"(?i)^(?:(?!\b(?:exercisable|at\s+a|at\s+an)\b)[^;])*?\bto\s+(?!purchase|acquire|buy|subscribe|be\b"
    r"|the\s+holder)(?P<phrase>.+)$"
)
_PHRASE_END = re.compile(
    r"(?i),\s*(?:who|which|each|exercisable|with|at|expiring|vesting|pursuant|under|subject|in\s+"
    r"accordance|effective|being|in\s+lieu|for\s+a|all\s+of|the\s+(?:options|rsus|units))\b"
    r"|\s+(?:exercisable|at\s+(?:a|an)\s+(?:exercise\s+)?price|at\s+(?:C|US|A|CDN)?\$|at\s+\\\$"
    r"|with\s+an?\s+|pursuant|under\s+(?:the|its)|in\s+accordance|in\s+lieu|subject\s+to|for\s+a\s+"
    r"(?:period|term)|for\s+(?:\w+|\d+)\s+years|expiring|which|that|vesting|upon|effective|on\s+"
    r"(?:the|a)\b|as\s+(?:part|compensation)|in\s+connection|in\s+consideration)\b|[;:]|\.$"
)
_PASSIVE = re.compile(
    r"(?i)(?:,\s*)?(?:\bwho\s+)?(?:\b(?:was|were|has\s+been|have\s+been|had\s+been|is\s+"
    r"being|are\s+being)\s+(?:granted|awarded|issued)|\breceived|\breceives)"
    r"(?:\s+(?:an\s+aggregate|a\s+total)\s+of)?\s*$"
)
_GROUP_DETERMINERS = re.compile(
    r"(?i)^(?:certain|its|the|various|several|some|a\s+number\s+of|selected|eligible|new|newly"
    r"\s+appointed|key|other|the\s+company['’]s|[A-Z]\w+['’]s|our|their)\s+"
)
_GROUP_TAIL = re.compile(r"(?i)\s+(?:of|at)\s+(?:the\s+)?(?:company|corporation|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)$")


def _recipients(sentence, mention, start, end, known) -> list[tuple[str | None, str | None]]:
    """(recipient, role) pairs for one securities mention; several for 'each of A and B'."""
    after = sentence[mention.end():end]
    phrase = _phrase_after(after)
    if phrase is None:
        lead = sentence[start:mention.start()]
        passive = _PASSIVE.search(lead)
        if passive:
            before = lead[: passive.start()]
            to = re.search(r"(?i)\bto\s+(?!purchase|acquire)(.*)$", before)
            phrase = to.group(1) if to else before
    if phrase is None and start == 0:
        to = re.search(r"(?i)\b(?:grant\w*|award\w*|issu\w*)\s+(?:of\s+)?(?:[\w-]+\s+){0,4}?"
                       r"(?:options?|units?|RSUs?|DSUs?|PSUs?|SARs?|warrants?)\s+to\s+(.+)$",
                       sentence[: mention.start()])
        phrase = _phrase_after(" to " + to.group(1)) if to else None
    if not phrase:
        return [(None, None)]
    return _read_phrase(phrase.strip(" ,"), sentence, known)


def _phrase_after(text: str) -> str | None:
    match = _TO_PHRASE.match(text)
    if not match:
        return None
    phrase = match.group("phrase")
    end = _PHRASE_END.search(phrase)
    return phrase[: end.start()] if end else phrase


def _read_phrase(phrase: str, sentence: str, known: list[str]):
    org = _ORG.search(phrase)
    if org:
        return [(org.group(1).strip(), _role(phrase))]
    people = _person_names(phrase, known)
    if len(people) == 1:
        return [(people[0], _role(phrase) or _role(_appositive(sentence, people[0])))]
    if len(people) > 1:
        if re.search(r"(?i)\beach\s+of\b", phrase):
            return [(person, _group_role(phrase)) for person in people]
        return [(_join(people), _group_role(phrase))]
    if re.search(r"(?i)\b(?:directors|officers|employees|consultants|advisors|advisers|management"
                 r"|members|insiders|executives|agents|finders)\b", phrase):
        return [(_group_name(phrase), _group_role(phrase))]
    return [(None, _role(phrase))]


def _person_names(text: str, known: list[str] | None = None) -> list[str]:
    names: list[str] = []
    for match in _PERSON.finditer(text):
        tokens = match.group("name").split()
        run: list[str] = []
        for token in tokens + ["|"]:
            if token != "|" and token.strip(".") not in _TITLE_WORDS and not re.fullmatch(_ORG_WORDS, token):
                run.append(token)
                continue
            if len(run) >= 2 and not run[-1].endswith("."):
                names.append(" ".join(run))
            elif len(run) == 1 and match.group("title") and run == tokens[: len(run)]:
                names.append(_resolve(run[0], known or [], match.group("title")))
            run = []
    return [name for name in dict.fromkeys(names) if not name.endswith("’s")]


def _resolve(surname: str, known: list[str], title: str) -> str:
    for name in known:
        if name.split()[-1] == surname:
            return name
    return f"{title}. {surname}"


def _surname(recipient: str) -> str:
    return recipient.split()[-1]


def _appositive(sentence: str, name: str) -> str:
    index = sentence.find(name)
    if index < 0:
        return ""
    after = re.match(r",\s*([^,]{3,70})", sentence[index + len(name):])
    before = sentence[max(0, index - 50): index]
    return (after.group(1) if after else "") + " " + before


def _role(text: str) -> str | None:
    lowered = text.lower()
    for role, pattern in _ROLES:
        if re.search(pattern, lowered):
            return role
    return None


def _group_role(phrase: str) -> str | None:
    lowered = phrase.lower()
    roles = {role for role, pattern in _ROLES if re.search(pattern, lowered)}
    if "president and chief executive officer" in roles:
        roles -= {"president", "chief executive officer"}
    return roles.pop() if len(roles) == 1 else None


def _group_name(phrase: str) -> str:
    name = phrase
    for _ in range(4):
        name = _GROUP_DETERMINERS.sub("", name)
    name = _GROUP_TAIL.sub("", name)
    return re.sub(r"\s+", " ", name).strip(" ,")


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# --- attributes -----------------------------------------------------------

_STATED = {
    "C$": "CAD", "CAD$": "CAD", "CDN$": "CAD", "Cdn$": "CAD", "CA$": "CAD", "US$": "USD",
    "USD$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "£": "GBP", "€": "EUR",
}
_ISO = r"CAD|USD|AUD|NZD|GBP|EUR|HKD|SGD|ZAR"
_PRICE = re.compile(
    r"(?i)\b(?:price|priced|exercisable|exercise|strike|at)\b[^.;]{0,40}?"
    r"(?:(?P<symbol>CAD\$|CDN\$|Cdn\$|CA\$|C\$|USD\$|US\$|U\.S\.\s?\$|AUD\$|AU\$|A\$|NZ\$|HK\$|S\$|£|€"
    rf"|\\?\$)\s?(?P<amount>\d+(?:\.\d+)?)(?:\s+(?P<suffix>{_ISO})\b)?"
    rf"|(?P<iso>{_ISO})\s?\$?\s?(?P<iso_amount>\d+(?:\.\d+)?)"
    r"|(?P<minor>\d+(?:\.\d+)?)\s?(?P<minor_unit>cents?|pence|p)\b)"
)
_TERM = re.compile(
    rf"(?i)(?:\bfor\s+(?:a\s+)?(?:period|term)\s+of\s+(?:up\s+to\s+)?|\b(?:term|period)\s+of\s+"
    rf"|\bexercisable\s+for\s+(?:a\s+period\s+of\s+)?|\bexpir\w*\s+|\bfor\s+)"
    rf"(?P<n>{_N})[- ](?P<unit>years?|months?)\b"
    rf"|\b(?P<n2>{_N})[- ](?P<unit2>year|month)s?['’]?\s+(?:term|period|life)\b"
)
_EXPIRY = re.compile(r"(?i)\b(?:expir\w*|until|expiry\s+date\s+(?:of|is)|terminat\w*)\s+(?:on\s+)?")
_GRANT_DATE = re.compile(
    r"(?i)\b(?:granted|awarded|issued|effective|dated|as\s+of|grant\s+date\s+(?:of|is)|date\s+of\s+grant"
    r"\s+(?:of|is|was)|date\s+of\s+grant,)\s+(?:on\s+)?$|^\s*on\s+$"
)
_CONDITION = re.compile(
    r"(?i)\bsubject\s+to\s+[^,;.]*?(?:acceptance|approval|ratification|consent)(?:\s+(?:of|by)\s+"
    r"(?:the\s+)?[A-Z][\w ]*?(?=[,;.]|\s+(?:and|for|with|at|under)\b|$))?"
    r"|\bin\s+lieu\s+of\s+[\w\s-]+?(?=[,;.]|\s+(?:and|for|to|with|at|under|which)\b|$)"
)


def _attributes(text: str, release: datetime.date, dollar: str | None) -> dict:
    """Every grant field one piece of text states."""
    found = {}
    prices = _prices(text, dollar)
    if prices:
        found["exercise_price"], found["currency"], found["currency_stated"] = prices[0]
    terms = _terms(text)
    found["term_years"] = terms[0] if terms else None
    expiries = _expiries(text, release)
    found["expiry_date"] = expiries[0] if expiries else None
    vestings = _vestings(text)
    found["vesting"] = vestings[0] if vestings else None
    found["grant_date"] = _grant_date(text, release)
    conditions = [re.sub(r"\s+", " ", m.group(0)).strip() for m in _CONDITION.finditer(text)]
    found["conditions"] = "; ".join(dict.fromkeys(conditions)) or None
    return found


def _prices(text: str, dollar: str | None) -> list[tuple]:
    prices = []
    for match in _PRICE.finditer(text):
        if match.group("amount"):
            amount = float(match.group("amount"))
            symbol = match.group("symbol").replace(" ", "").lstrip("\\")
            if match.group("suffix"):
                prices.append((amount, match.group("suffix").upper(), True))
            elif symbol in _STATED:
                prices.append((amount, _STATED[symbol], True))
            else:
                prices.append((amount, dollar, False if dollar else None))
        elif match.group("iso_amount"):
            prices.append((float(match.group("iso_amount")), match.group("iso").upper(), True))
        else:
            amount = round(float(match.group("minor")) / 100, 6)
            if match.group("minor_unit").lower().startswith("cent"):
                prices.append((amount, dollar, False if dollar else None))
            else:
                prices.append((amount, "GBP", True))
    return prices


def _count(text: str) -> float:
    lowered = text.lower()
    return _NUMBER_WORDS[lowered] if lowered in _NUMBER_WORDS else float(lowered)


def _terms(text: str) -> list[float]:
    terms = []
    for match in _TERM.finditer(text):
        if re.search(r"(?i)\bvest\w*\b[^.;]{0,40}$", text[: match.start()]):
            continue  # "vest over 18 months" is vesting, not term
        count = _count(match.group("n") or match.group("n2"))
        unit = (match.group("unit") or match.group("unit2")).lower()
        years = count if unit.startswith("year") else count / 12
        terms.append(int(years) if float(years).is_integer() else round(years, 4))
    return terms


def _expiries(text: str, release: datetime.date) -> list[str]:
    values = []
    for match in _EXPIRY.finditer(text):
        dates = find_dates(text[match.end():], release)
        if dates and dates[0].start == 0 and dates[0].precision == "day" and not dates[0].inferred_year:
            values.append(dates[0].value)
    return values


def _grant_date(text: str, release: datetime.date) -> str | None:
    if re.search(r"(?i)\b(?:from|granted|effective|as\s+of|dated)\s+today(?:['’]s\s+date)?\b", text):
        return release.isoformat()
    for mention in find_dates(text, release):
        if mention.precision != "day" or mention.inferred_year:
            continue
        before = text[: mention.start]
        if _GRANT_DATE.search(before[-40:]) and not _EXPIRY.search(before[-25:]):
            return mention.value
    return None


_VESTING: list[tuple[str, re.Pattern]] = [
    ("immediately", re.compile(
        r"(?i)\bvest(?:s|ed|ing)?\s+(?:fully\s+|in\s+full\s+)?immediately|\bimmediately\s+vest"
        r"|\bfully\s+vested\s+(?:on|upon|at)\s+(?:the\s+date\s+of\s+)?grant"
        r"|\bvest(?:s|ed)?\s+(?:in\s+full\s+)?(?:on|upon)\s+(?:the\s+date\s+of\s+)?grant\b")),
    ("thirds", re.compile(
        r"(?i)\bvest\w*\b[^.;]{0,80}?(?:one[- ]third|1/3|33(?:\.3+)?\s?%|in\s+thirds|three\s+equal"
        r"\s+(?:annual\s+)?(?:instal?lments|tranches|portions))")),
    ("quarters", re.compile(
        r"(?i)\bvest\w*\b[^.;]{0,80}?(?:25\s?%|one[- ]quarter|1/4)\s+(?:every|each|per)\s+"
        r"(?:three|3)[- ]months?(?:\s+(?:period|over)\b)?")),
    ("staged", re.compile(
        rf"(?i)\bvest\w*\b[^.;]{{0,60}}?\bover\s+(?:a\s+(?:period\s+of\s+)?)?(?P<n>{_N})[- ]"
        r"(?P<unit>months?|years?)\b")),
    ("after", re.compile(
        rf"(?i)\bvest\w*\s+(?:in\s+full\s+)?(?:on\s+the\s+(?P<anniv>first|one[- ]year)\s+anniversary"
        rf"|(?:after|following)\s+(?P<n>{_N})\s+months|(?P<n2>{_N})\s+months\s+(?:after|from|following))")),
    ("performance", re.compile(
        r"(?i)\bvest\w*\b[^.;]{0,80}?(?:performance\s+(?:conditions|criteria|targets|milestones|goals)"
        r"|achievement\s+of)")),
]


def _vestings(text: str) -> list[str]:
    found = []
    for name, pattern in _VESTING:
        for match in pattern.finditer(text):
            found.append((match.start(), _vesting_value(name, match)))
    return [value for _, value in sorted(found) if value]


def _vesting_value(name: str, match: re.Match) -> str | None:
    if name in ("immediately", "thirds", "performance"):
        return name
    if name == "quarters":
        return "staged over 12 months"
    if name == "staged":
        months = _count(match.group("n")) * (12 if match.group("unit").lower().startswith("year") else 1)
        return f"staged over {int(months)} months" if float(months).is_integer() else None
    if match.group("anniv"):
        return "after 12 months"
    return f"after {int(_count(match.group('n') or match.group('n2')))} months"


# --- several grants in one sentence -------------------------------------

_PRICED = {"option", "warrant", "sar"}


def _distribute(grants, sentence, mentions, release, dollar) -> None:
    """Give each grant of one sentence the fields stated once for all or once for each."""
    whole = _attributes(sentence, release, dollar)
    if len(mentions) == 1:
        for grant in grants:
            _apply(grant, whole)
        return
    per_mention = []
    for index, mention in enumerate(mentions):
        end = mentions[index + 1].start() if index + 1 < len(mentions) else len(sentence)
        per_mention.append((mention.span(), _segment_values(sentence[mention.start(): end], release, dollar)))
    lists = {
        "price": _prices(sentence, dollar), "term": _terms(sentence),
        "expiry": _expiries(sentence, release), "vesting": _vestings(sentence),
    }
    priced = [m for m in mentions if _security(m) in _PRICED]
    for grant in grants:
        values = dict(whole)
        index = next(i for i, (span, _) in enumerate(per_mention) if span == grant["_span"])
        segment = per_mention[index][1]
        for field, items in lists.items():
            pool = priced if field == "price" else mentions
            if len(items) == 1:
                continue
            if len(items) == len(pool) and grant["_span"] in [m.span() for m in pool]:
                position = [m.span() for m in pool].index(grant["_span"])
                _set_field(values, field, items[position])
            else:
                _set_field(values, field, segment.get(field))
        _apply(grant, values)


def _segment_values(text, release, dollar) -> dict:
    prices, terms, expiries, vestings = _prices(text, dollar), _terms(text), _expiries(text, release), _vestings(text)
    return {
        "price": prices[0] if len(prices) == 1 else None,
        "term": terms[0] if len(terms) == 1 else None,
        "expiry": expiries[0] if len(expiries) == 1 else None,
        "vesting": vestings[0] if len(vestings) == 1 else None,
    }


def _set_field(values: dict, field: str, item) -> None:
    if field == "price":
        values["exercise_price"], values["currency"], values["currency_stated"] = item or (None, None, None)
    elif field == "term":
        values["term_years"] = item
    elif field == "expiry":
        values["expiry_date"] = item
    else:
        values["vesting"] = item


def _apply(grant: dict, values: dict) -> None:
    for key, value in values.items():
        if key in ("exercise_price", "currency", "currency_stated") and grant["security"] not in _PRICED:
            continue
        grant.setdefault(key, None)
        if grant[key] is None:
            grant[key] = value


# --- dollars and dates ------------------------------------------------------

_DOLLAR_CURRENCIES = {"CAD", "USD", "AUD", "NZD", "HKD", "SGD"}


def _dollar_currency(exchanges: list[str]) -> str | None:
    """The currency a bare "$" means: the primary (first) listing's, if it is a dollar."""
    for code in exchanges or []:
        if code in EXCHANGES:
            currency = EXCHANGES[code][1]
            return currency if currency in _DOLLAR_CURRENCIES else None
    return None


def _add_months(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def _complete_term(grant: dict) -> None:
    """Fill expiry from grant date and term, or term from grant date and expiry."""
    grant_date = grant.get("grant_date")
    if not grant_date:
        return
    start = datetime.date.fromisoformat(grant_date)
    term = grant.get("term_years")
    if term is not None and grant.get("expiry_date") is None:
        months = term * 12
        if float(months).is_integer():
            grant["expiry_date"] = _add_months(start, int(months)).isoformat()
    elif term is None and grant.get("expiry_date"):
        expiry = datetime.date.fromisoformat(grant["expiry_date"])
        months = (expiry.year - start.year) * 12 + expiry.month - start.month
        if months > 0 and _add_months(start, months) == expiry:
            grant["term_years"] = months // 12 if months % 12 == 0 else round(months / 12, 4)
