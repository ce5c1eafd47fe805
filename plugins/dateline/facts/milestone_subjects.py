"""Whose news a sentence tells: a milestone is the issuer's, not another company's.

"Separately, Fenwick Coal Corp., a private company, has also received approval ..." in a release
of Tamarind Metals is another company's event: past tense and an operational verb are not
enough, the subject must be the issuer, its project or its people. The issuer is the first
company named in the headline or the lead ("Tamarind Metals Corp. (TSXV: TMD)"); a sentence
that opens with another company's full name (a corporate suffix, no word shared with the
issuer's) is left out, unless it names that company as the issuer's subsidiary, partner or
operator (an operator's spud on the issuer's licence is the issuer's news).
"""

from __future__ import annotations

import re

_SUFFIX = (r"(?:Corp(?:oration)?\.?|Inc\.?|Ltd\.?|Limited|plc|PLC|LLC|L\.L\.C\.|AG|AB|ASA|NL"
           r"|S\.A\.(?:\s+de\s+C\.V\.)?|N\.V\.|GmbH|Pty\s+Ltd\.?)")
_COMPANY = re.compile(rf"((?:[A-Z][\w&'’.-]*\s+){{1,4}}?){_SUFFIX}(?![\w])")
# A connective before the subject: "Separately, X Corp. ...", "Meanwhile, X Ltd. ..."
_OPENING = re.compile(
    r"^(?:(?:Separately|Meanwhile|Elsewhere|Nearby|Also|In\s+addition|In\s+other\s+news)\s*,\s*)?"
    rf"((?!The\s)(?:[A-Z][\w&'’.-]*\s+){{1,4}}?){_SUFFIX}(?![\w])")
_RELATION = re.compile(r"(?i)\b(?:subsidiary|affiliate|joint\s+venture|partner|operator|on\s+behalf"
                       r"\s+of|contractor|the\s+company['’]s|for\s+the\s+company)\b")
# The issuer as the lead names it: "Tamarind Metals Corp. (TSXV: TMD)", "X plc (“X” or the Company)"
_LISTED = re.compile(rf"((?:[A-Z][\w&'’.-]*\s+){{1,4}}?){_SUFFIX}\s*,?\s*\((?:[A-Z]{{2,}}|[“\"'])")
_GENERIC = {"the", "a", "an", "and", "of", "&", "group", "holdings", "resources", "mining",
            "minerals", "metals", "gold", "energy", "international"}


def issuer_words(title: str | None, paragraphs: list[str]) -> set[str]:
    """The distinctive words of the issuer's name, from the headline or the first paragraphs.

    The company named with its ticker or its short name in brackets wins over one named first
    ("Under an agreement with BigCo Inc., Smallco Ltd. (TSXV: SML) ...").
    """
    texts = [text[:400] for text in ([title] if title else []) + paragraphs[:2]]
    for pattern in (_LISTED, _COMPANY):
        for text in texts:
            match = pattern.search(text)
            if match:
                return _words(match.group(1))
    return set()


def other_company(sentence: str, issuer: set[str]) -> bool:
    """Does the sentence open with another company than the issuer as its subject?"""
    if not issuer:
        return False
    match = _OPENING.match(sentence)
    if not match or _RELATION.search(sentence[: match.end() + 120]):
        return False
    return not (_words(match.group(1)) & issuer)


def _words(name: str) -> set[str]:
    return {word.strip(".,'’").lower() for word in name.split()} - _GENERIC
