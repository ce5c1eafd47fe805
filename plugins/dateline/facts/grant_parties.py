"""Who receives a grant: a person, a company, or a group, and the role the text gives them.

- A person is a run of capitalised name words (accents, "McLeod", "O'Brien" and
  "Marsh-Quinn" included) without titles; a later "Mr. Ratner" resolves to the
  full name seen earlier.
- A company ends in a corporate word (Inc., Corp., Ltd., plc, S.A. de C.V., ...).
- A group is the group nouns as written, without determiners, counts or "of the
  Company" qualifiers: "to employees of its subsidiary and to consultants" is
  "employees and consultants"; "four new employees" is "employees". A single
  unnamed person ("a director") has no recipient, only a role.
- Role: a canonical lower-case title; for a group, the role only when the group
  holds one role ("directors" -> "director").
"""

from __future__ import annotations

import re

ROLES: list[tuple[str, str]] = [
    (
        "president and chief executive officer",
        r"president\s+(?:and|&)\s+(?:chief\s+executive\s+officer|ceo)\b",
    ),
    ("chief executive officer", r"chief\s+executive(?:\s+officer)?\b|\bceo\b"),
    ("chief financial officer", r"chief\s+financial\s+officer|\bcfo\b|\bfd\b|finance\s+director"),
    ("chief operating officer", r"chief\s+operating\s+officer|\bcoo\b"),
    ("managing director", r"managing\s+director"),
    ("vice president", r"vice[- ]president|\bvp\b"),
    ("president", r"\bpresident\b"),
    ("chair", r"\bchair(?:man|woman|person)?\b"),
    ("corporate secretary", r"corporate\s+secretary"),
    ("director", r"\bdirectors?\b|member\s+of\s+the\s+board|board\s+members?"),
    ("officer", r"\bofficers?\b"),
    ("employee", r"\bemployees?\b"),
    ("investor relations consultant", r"investor\s+relations"),
    ("consultant", r"\bconsultants?\b"),
    ("advisor", r"\badvis[oe]rs?\b|advisory\s+board"),
    ("agent", r"\bagents?\b|\bunderwriters?\b|\bbrokers?\b"),
    ("finder", r"\bfinders?\b"),
]
_ROLE_PATTERNS = [(role, re.compile(pattern)) for role, pattern in ROLES]
ORG_WORDS = (
    r"(?:S\.A\.(?:\s+de\s+C\.V\.)?|S\.A\.S\.|Pty\.?\s+Ltd\.?|Inc\.|Inc\b|Corp\.|Corp\b"
    r"|Corporation|Ltd\.|Ltd\b|Limited|LLC|LLP|L\.P\.|plc|GmbH|AG\b|Capital|Securities"
    r"|Partners|Markets)"
)
_TITLE_WORDS = {
    "Chief",
    "Executive",
    "Financial",
    "Operating",
    "Officer",
    "President",
    "Vice",
    "Director",
    "Directors",
    "Chair",
    "Chairman",
    "Board",
    "Company",
    "Corporation",
    "Secretary",
    "Exploration",
    "The",
    "Its",
    "Our",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Independent",
    "Senior",
    "General",
    "Manager",
    "Technical",
    "Advisory",
    "Interim",
    "Lead",
    "Non-Executive",
    "Corporate",
    "Development",
    "Operations",
    "Plan",
    "Stock",
    "Option",
    "Options",
    "Exchange",
    "Venture",
    "TSX",
    "In",
    "On",
    "Each",
    "All",
    "These",
    "Under",
    "Pursuant",
    "Following",
    "Also",
    "Further",
    "Additionally",
    "Managing",
    "Finance",
    "Nasdaq",
    "Listing",
    "Rule",
    "Geologist",
    "New",
    "Today",
    "Effective",
    "Committee",
    "Compensation",
    "Inducement",
    "Scheme",
    "Share",
    "Shares",
    "Units",
    "During",
    "Subject",
    "Separately",
    "Prior",
    "Non-Management",
    "Approved",
}
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NAME_TOKEN = (
    rf"(?:(?:Mc|Mac|O['’]|D['’])[{_UPPER}][{_LOWER}]+|[{_UPPER}][{_LOWER}’']+"
    rf"(?:-[{_UPPER}][{_LOWER}]+)?|[{_UPPER}]\.)"
)
_PERSON = re.compile(
    rf"(?:\b(?P<title>Mr|Ms|Mrs"
    rf"|Dr)\.?\s+)?\b(?P<name>{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|(?:van|de|der"
    rf"|da|von|di|du|la|le|y)\b))*)"
)
_ORG = re.compile(rf"\b((?:[A-Z][\w&’'-]*\s+(?:y\s+|de\s+)?){{1,5}}(?:{ORG_WORDS}\s+)*{ORG_WORDS})")
ORG_RE = _ORG
_GROUP_NOUNS = re.compile(
    r"(?i)\b(?:(?:non[- ]executive|non[- ]management|non[- ]employee|independent|senior"
    r"|executive)\s+)?"
    r"(?:board\s+members|directors|officers|employees|consultants|advis[oe]rs|management|members"
    r"|insiders|grantees|participants|executives|agents|finders|advis[oe]r|director|officer"
    r"|consultant|(?<!non-)(?<!non )employee|contractors|staff"
    r"|managers)\b"
)
_SINGLE = re.compile(
    r"(?i)^(?:a|an|one|its|the)\s+(?:new\s+|newly\s+appointed\s+)?(?P<noun>[\w-]+)"
)


_CHIEF_OFFICER = re.compile(r"\bchief\s+(?!executive|financial|operating)([a-z]+)\s+officer\b")


def role_of(text: str) -> str | None:
    """The first canonical role the text names ("chief medical officer" as written)."""
    lowered = text.lower()
    chief = _CHIEF_OFFICER.search(lowered)
    if chief:
        return f"chief {chief.group(1)} officer"
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(lowered):
            return role
    return None


def group_role(phrase: str) -> str | None:
    """The one role a group holds, or None when it mixes roles (or holds one with none)."""
    lowered = phrase.lower()
    if any(role_of(noun.group(0)) is None for noun in _GROUP_NOUNS.finditer(phrase)):
        return None
    roles = {role for role, pattern in _ROLE_PATTERNS if pattern.search(lowered)}
    if "president and chief executive officer" in roles:
        roles -= {"president", "chief executive officer"}
    return roles.pop() if len(roles) == 1 else None


_DEPARTMENT = re.compile(
    r"(?i)\b(?:director|president|head|manager|officer|chief|secretary)\s+(?:of|for)\s+$"
)


def person_names(text: str, known: list[str] | None = None) -> list[str]:
    """Names of people in the text, titles dropped, "Mr. X" resolved against known names."""
    names: list[str] = []
    for match in _PERSON.finditer(text):
        if _DEPARTMENT.search(text[: match.start()]):
            continue  # "Director of Clinical Affairs": a department, not a person
        tokens = match.group("name").split()
        run: list[str] = []
        for token in tokens + ["|"]:
            if (
                token != "|"
                and token.strip(".") not in _TITLE_WORDS
                and not re.fullmatch(ORG_WORDS, token)
            ):
                run.append(token)
                continue
            if len(run) >= 2 and not run[-1].endswith(".") and run[-1] not in ("y", "de"):
                names.append(" ".join(run))
            elif len(run) == 1 and match.group("title") and run == tokens[: len(run)]:
                names.append(_resolve(run[0], known or [], match.group("title")))
            run = []
    return [name for name in dict.fromkeys(names) if not name.endswith(("’s", "'s"))]


def _resolve(surname: str, known: list[str], title: str) -> str:
    for name in known:
        if name.split()[-1] == surname:
            return name
    return f"{title}. {surname}"


def surname(recipient: str) -> str:
    return recipient.split()[-1]


def appositive(sentence: str, name: str) -> str:
    """The words around a name that may give its role ("Jane Roe, a director")."""
    index = sentence.find(name)
    if index < 0:
        return ""
    after = re.match(r",\s*([^,]{3,70})", sentence[index + len(name) :])
    before = sentence[max(0, index - 50) : index]
    return (after.group(1) if after else "") + " " + before


def role_near(text: str, name: str) -> str | None:
    """The role written right after a name, else the one just before it."""
    index = text.find(name)
    if index < 0:
        return None
    after = re.match(r",?\s*([^,]{3,70})", text[index + len(name) :])
    return role_of(after.group(1) if after else "") or role_of(text[max(0, index - 50) : index])


_QUALIFIER = re.compile(
    r"(?i),?\s*\b(?:of\s+)?(?:its|the\s+company['’]s)\s+(?:[\w-]+\s+){0,3}?(?:subsidiary|affiliate)"
    r"(?:,\s*(?-i:[A-Z])[^,]*?(?:,|$)|\s+(?-i:[A-Z])[^,]*?,)?"
)


def read_phrase(phrase: str, sentence: str, known: list[str], each: bool = False):
    """(recipient, role) pairs a recipient phrase names."""
    if _GROUP_NOUNS.search(phrase):
        phrase = _QUALIFIER.sub(" ", phrase)
    org = _ORG.search(phrase)
    if org and len(phrase[: org.start()]) <= 12 and not _GROUP_NOUNS.search(phrase[: org.start()]):
        name = org.group(1).strip()
        return [
            (name, role_of(phrase) or role_of(sentence[sentence.find(name) + len(name) :][:60]))
        ]
    if org:
        phrase = phrase[: org.start()] + phrase[org.end() :]
    people = person_names(phrase, known)
    if len(people) == 1:
        return [
            (
                people[0],
                role_near(phrase, people[0]) or role_of(phrase) or role_near(sentence, people[0]),
            )
        ]
    if len(people) > 1:
        if each or re.search(r"(?i)\beach\s+of\b|\brespectively\b", phrase + " " + sentence):
            return [(person, role_near(phrase, person) or group_role(phrase)) for person in people]
        return [(join(people), group_role(phrase))]
    nouns = [m.group(0).lower() for m in _GROUP_NOUNS.finditer(phrase)]
    plural = [n for n in nouns if n.endswith("s") or n.split()[-1] in ("management", "staff")]
    if plural:
        name = join(list(dict.fromkeys(nouns)))
        return [(name, group_role(name))]
    return [(None, role_of(phrase))]


def join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
