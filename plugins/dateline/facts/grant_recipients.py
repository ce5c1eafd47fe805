"""Whom a grant mention goes to: the phrase after "to" (not "to purchase", "pursuant to",
"to serve"), the recipients between verb and number, a passive subject ("A and B have been
granted"), or an indirect object ("granted Thomas Kiel, its CFO, an option");
`grant_parties.read_phrase` turns the phrase into (recipient, role).
"""

from __future__ import annotations

import re

from dateline.facts import grant_parties as parties
from dateline.facts.grant_mentions import Mention

_TO_PHRASE = re.compile(
    r"(?i)^(?:(?!\b(?:exercisable|at\s+a|at\s+an)\b)[^;])*?(?<!pursuant\s)(?<!according\s)"
    r"(?<!material\s)(?<!prior\s)(?<!due\s)\bto\s+(?!purchase|acquire|buy|subscribe|be\b|serve\b"
    r"|the\s+holder|nasdaq|tsx|the\s+(?:terms|plan|company['’]s\s+(?:\w+\s+)?plan))(?P<phrase>.+)$"
)
_PHRASE_END = re.compile(
    r"(?i),\s*(?:who|which|each|exercisable|with|at|expiring|vesting|pursuant|under|subject|in\s+"
    r"accordance|effective|being|in\s+lieu|for\s+a|all\s+of"
    r"|the\s+(?:options|rsus|units)|on\s+\w+\s+\d)\b"
    r"|\s+(?:exercisable|at\s+(?:a|an)\s+(?:\w+\s+){0,2}price|at\s+(?:C|US|A|CDN)?\$|at\s+\\\$"
    r"|with\s+an?\s+|pursuant|under\s+(?:the|its)|in\s+accordance|in\s+lieu|subject\s+to|for\s+a\s+"
    r"(?:period|term)|for\s+(?:\w+|\d+)\s+years|expiring|which|that|vesting|upon|effective|on\s+"
    r"(?:the|a)\b|as\s+(?:part|compensation|an\s+inducement|approved)"
    r"|in\s+connection|in\s+consideration"
    r"|consisting|following|for\s+investor|for\s+services|in\s+recognition|to\s+serve)\b|[;:]|\.$"
)
_PASSIVE = re.compile(
    r"(?i)(?:,\s*)?(?:\bwho\s+)?(?:\b(?:was|were|has\s+been|have\s+been|had\s+been|is\s+"
    r"being|are\s+being)\s+(?:granted|awarded|issued|allotted|allocated)|\breceived|\breceives)"
    r"(?:\s+(?:an\s+aggregate|a\s+total)\s+of)?\s*$"
)
_LEAD_VERB = re.compile(r"(?i)\b(?:granted|awarded|issued)\s+(?P<rest>.*)$")
_SUBJECT_START = re.compile(r"(?i)^.*\b(?:that|announces|announced|reports|today)\s+")


def recipients(sentence: str, mention: Mention, start: int, end: int, known: list[str]):
    """(recipient, role) pairs for one mention; several for "each of A and B"."""
    each = bool(re.match(r"(?i)\s+to\s+each\s+of\b", sentence[mention.end : end]))
    lead = sentence[start : mention.start]
    phrase = mention.between
    if phrase is None and start and re.match(r"\s+to\s+[A-Z]", sentence[mention.end : end]):
        phrase = _phrase_after(sentence[mention.end : end])  # "... to A and over M shares to B"
    if phrase is None and mention.recipient_before:
        phrase = _lead_to_phrase(lead)
    if phrase is None and mention.recipient_before:
        phrase = _subject_phrase(_AWARD_TAIL.sub("", lead))
    phrase = phrase or _phrase_after(sentence[mention.end : end])
    if phrase is None:
        phrase = _subject_phrase(lead) or _indirect_object(lead) or _pronoun_object(lead, known)
    if phrase is None and start == 0:
        to = re.search(
            r"(?i)\b(?:grant\w*|award\w*|issu\w*)\s+(?:of\s+)?(?:[\w-]+\s+){0,4}?"
            r"(?:options?|units?|RSUs?|DSUs?|PSUs?|SARs?|warrants?|awards?)\s+to\s+(.+)$",
            lead,
        )
        phrase = _phrase_after(" to " + to.group(1)) if to else None
    phrase = phrase or _named_party(sentence[mention.end : end]) or _named_party(lead, last=True)
    if not phrase:
        return [(None, None)]
    return parties.read_phrase(phrase.strip(" ,"), sentence, known, each=each)


def _named_party(text: str, last: bool = False) -> str | None:
    """A named person or company after a late "to" ("exercisable at $0.12 until ... to Orca
    Capital Ltd.", "made awards under its plan to Rowan Ashdown, Chief Executive, in the form
    of ..."): only a name, so "to the Company" or "to vest" never becomes a recipient."""
    tos = list(re.finditer(r"\bto\s+(?=(?:Mr|Ms|Mrs|Dr)\.?\s|[A-Z])(?!The\b|Nasdaq|TSX)", text))
    for to in reversed(tos) if last else tos:
        rest = text[to.end() :]
        end = _PHRASE_END.search(rest)
        phrase = (rest[: end.start()] if end else rest).strip(" ,")
        role = re.match(r",\s*(?:its\s+|the\s+|our\s+)?([^,]{3,60})", rest[len(phrase) :])
        if parties.person_names(phrase) or parties.ORG_RE.search(phrase):
            if role and parties.role_of(role.group(1)):
                return f"{phrase}, {role.group(1)}"
            return phrase
    return None


_AWARD_TAIL = re.compile(
    r"(?i)\s*(?:an?\s+|the\s+)?(?:(?:nil[- ]cost|share|stock|sharesave|saye|conditional)\s+)*"
    r"(?:options?|awards?)\s*$"
)


def _lead_to_phrase(lead: str) -> str | None:
    """ "... were made to Mr A, Chief Executive, " (before "in respect of N shares"): the person."""
    tos = [m for m in re.finditer(r"(?i)\bto\s+(?!purchase|acquire|the\s+terms)", lead)]
    if not tos:
        return None
    phrase = lead[tos[-1].end() :].strip(" ,;")
    return phrase if phrase and len(phrase) <= 120 else None


def _phrase_after(text: str) -> str | None:
    match = _TO_PHRASE.match(text)
    if not match:
        return None
    phrase = match.group("phrase")
    end = _PHRASE_END.search(phrase)
    return phrase[: end.start()] if end else phrase


def _subject_phrase(lead: str) -> str | None:
    """ "Neil Rowan and Fiona Kerr, Directors, have been granted ...": the subject."""
    passive = _PASSIVE.search(lead)
    if not passive:
        return None
    before = lead[: passive.start()]
    to = re.search(r"(?i)\bto\s+(?!purchase|acquire)(.*)$", before)
    if to:
        return to.group(1)
    return _SUBJECT_START.sub("", before)


def _indirect_object(lead: str) -> str | None:
    """ "granted Thomas Kiel, its new Chief Financial Officer, an option": the person."""
    verb = _LEAD_VERB.search(lead)
    if verb and parties.person_names(verb.group("rest")):
        return verb.group("rest")
    single = re.match(r"(?i)(an?\s+(?:new\s+)?[^,]{3,60}?)\s+an?\s+(?:\w+\s+){0,2}$",
                      verb.group("rest")) if verb else None
    if single and parties.role_of(single.group(1)):
        return single.group(1)  # "granted a new Vice President of Engineering an option"
    return None


_PRONOUN_OBJECT = re.compile(r"(?i)\b(?:granted|awarded|issued)\s+(?P<pronoun>him|her|them)\s+$")


def _pronoun_object(lead: str, known: list[str]) -> str | None:
    """ "welcomes A and B ... and has granted them N options": the people named before the
    pronoun; "has granted him N options" after "appointed A as CFO": the last person named.
    "them" with no name before it stays unknown rather than guessed."""
    pronoun = _PRONOUN_OBJECT.search(lead)
    if not pronoun:
        return None
    before = parties.person_names(parties.ORG_RE.sub(" ", lead[: pronoun.start()]), known)
    if before:
        return parties.join(before) if pronoun.group("pronoun").lower() == "them" else before[-1]
    if pronoun.group("pronoun").lower() != "them" and known:
        return known[-1]
    return None


def respectively_people(sentence: str, mentions: list[Mention], known: list[str]):
    """For "A and B have been granted N and M options respectively": one person per number."""
    if "respectively" not in sentence:
        return None
    subject = _subject_phrase(sentence[: mentions[0].start]) or ""
    people = parties.person_names(subject, known)
    if len(people) != len(mentions):
        return None
    return [
        (person, parties.role_near(subject, person) or parties.group_role(subject))
        for person in people
    ]


def share_recipient(grants: list[dict]) -> None:
    """A recipient stated once in a sentence applies to its grants that name none."""
    named = [g for g in grants if g["recipient"] or g["role"]]
    if len(named) == 1 and len(grants) > 1:
        for grant in grants:
            if not grant["recipient"] and not grant["role"]:
                grant["recipient"], grant["role"] = named[0]["recipient"], named[0]["role"]
