"""Suggested tags for an imported release, from its headline and body (`TAG_RULES`).
"""

from __future__ import annotations

import itertools
import re

TAG_RULES = (
    ("stock-options",
     r"\bstock options?\b|\boptions? (?:to purchase|were|was|have been) granted|\bgrant(?:ed|ing"
     r"|s)? (?:of )?(?:\S+ )?(?:incentive )?(?:stock )?options\b|\b(?:restricted|deferred"
     r"|performance) share units\b|\bRSUs?\b|\bDSUs?\b"),
    ("financing",
     r"\bprivate placement\b|\bbought deal\b|\bflow[- ]through\b|\bfinancing\b|\b(?:public|share"
     r"|unit) offering\b|\bcredit facility\b|\bgross proceeds\b"),
    ("acquisition",
     r"\bacqui(?:re|res|red|ring|sition)\b|\bmerger\b|\barrangement agreement\b|\btakeover\b"
     r"|\bpurchase agreement\b"),
    ("exploration",
     r"\bexploration\b|\bsoil sampl|\bgeophysic|\bgeological mapping\b|\bprospecting\b"),
    ("drilling",
     r"\bdrill(?:ing|ed)?\b|\bdrill holes?\b|\bintersect(?:ed|s|ion)?\b|\bintercepts?\b"),
    ("results",
     r"\b(?:assay|drill|drilling|financial|quarterly|annual|operating|production|exploration"
     r"|metallurgical|test|interim|year[- ]end) results\b|\bresults for the (?:quarter|year|three"
     r"|six|nine)\b"),
    ("production",
     r"\bcommercial production\b|\b(?:record|quarterly|annual) production\b|\bproduction (?:of"
     r"|guidance|update|rate|results)\b|\b(?:ounces|tonnes|pounds|barrels) (?:of \w+ )?produced\b"),
    ("operations",
     r"\bmill(?:ing)?\b|\bcommission(?:ed|ing)\b|\bprocessing plant\b|\boperations? update\b"
     r"|\bmilling operations\b|\bplant\b"),
    ("resources",
     r"\bmineral (?:resource|reserve)s?\b|\bresource estimate\b|\bNI 43-101\b|\bJORC\b"),
    ("permitting", r"\bpermit(?:s|ting)?\b|\benvironmental (?:approval|assessment)\b"),
    ("reports",
     r"\bquarterly (?:activities |operations )?report\b|\bannual report\b|\bfinancial statements\b"
     r"|\bMD&A\b"),
    ("dividends", r"\bdividends?\b|\bdistribution per share\b"),
    ("corporate",
     r"\bappoint(?:s|ed|ment)\b|\bresign(?:s|ed|ation)\b|\bname change\b|\bshare consolidation\b"
     r"|\b(?:annual|special) (?:general )?meeting\b.*\bresults\b|\bvoting results\b"),
)  # fmt: skip
_TAG_PATTERNS = tuple((tag, re.compile(pattern, re.IGNORECASE)) for tag, pattern in TAG_RULES)


def suggest_tags(headline: str, body: str, limit: int = 4) -> list[str]:
    """Topic tags for a release; the headline alone may add a tag, the body needs two mentions."""
    tags = []
    for tag, pattern in _TAG_PATTERNS:
        if pattern.search(headline) or _strong(pattern, body) or _mentions(pattern, body) >= 2:
            tags.append(tag)
    return tags[:limit] or ["news"]


def _mentions(pattern: re.Pattern, body: str, enough: int = 2) -> int:
    return sum(1 for _ in itertools.islice(pattern.finditer(body), enough))


def _strong(pattern: re.Pattern, body: str) -> bool:
    """One mention counts when it is in the first paragraph, the release's news."""
    return bool(pattern.search(body.split("\n\n", 1)[0]))
