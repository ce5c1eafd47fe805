"""Casing and naming: title case for an all-caps headline or place, and the URL slug.
"""

from __future__ import annotations

import re
import unicodedata


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SMALL = _words(
    "a an and as at but by for from in into nor of on onto or per the to up via vs vs. with over "
    "upon"
    " de des du la le les et à au aux en sur pour par"  # French releases from Quebec issuers
)
_UNITS = {
    "G/T": "g/t",
    "GPT": "g/t",
    "OZ": "oz",
    "OZ/T": "oz/t",
    "KG/T": "kg/t",
    "PPM": "ppm",
    "PPB": "ppb",
}
_ELISION = re.compile(r"^([LDJ])(['’])(\w)", re.IGNORECASE)
_ACRONYMS = _words(
    "CEO CFO COO CTO CIO VP EVP SVP AGM EGM AGSM NI PEA PFS DFS FS NPV IRR AISC ESG LOI MOU "
    "JV IPO RTO QP IFRS GAAP US USA UK EU UAE DRC PNG NSW WA QLD NT BC QC LLC LP LLP PLC NV "
    "ASA RSU RSUS DSU DSUS PSU DRIP ETF OTC REE REES PGM PGE LNG EV EVS AI R&D M&A Q&A YTD FY "
    "ISO API USD CAD AUD EUR GBP ZAR HQ MW MWH GWH KM CO2 II III IV VI VII VIII IX XI XII "
    "NYSE TSX TSXV ASX CSE OTCQX OTCQB FSE LSE AIM JSE HKEX SGX NZX NEO SEC SEDAR TSX-V SPAC"
)


def title_case(text: str, keep: set[str] | frozenset[str] = frozenset()) -> str:
    """Turn an ALL-CAPS headline into Title Case, changing only letter case, never wording."""
    protected = _ACRONYMS | {word.upper() for word in keep}
    tokens = re.split(r"(\s+)", text)
    out, first = [], True
    for token in tokens:
        if not token or token.isspace():
            out.append(token)
            continue
        out.append(_case_word(token, protected, first))
        first = token[-1] in ":–—"
    return "".join(out)


def _case_word(token: str, protected: set[str], first: bool) -> str:
    unit = _UNITS.get(token.upper().strip(",.;:()"))
    if unit:
        return token.upper().replace(token.upper().strip(",.;:()"), unit)
    elision = _ELISION.match(token)
    if elision and not first:
        rest = _case_word(token[2:], protected, True)
        return token[0].lower() + token[1] + rest
    parts = re.split(r"([-/])", token)
    cased = [_case_part(part, protected, first and i == 0) for i, part in enumerate(parts)]
    return "".join(cased)


def _case_part(part: str, protected: set[str], first: bool) -> str:
    core = part.strip("\"'“”‘’()[],.:;!?")
    if not core or not any(c.isalpha() for c in core):
        return part
    if (
        core.upper() in protected
        or re.fullmatch(r"(?:[A-Z]\.){1,4}[A-Z]?", core)
        or any(c.isdigit() for c in core)
    ):
        return part
    if core.lower() in _SMALL and not first:
        return part.lower()
    index = next(i for i, c in enumerate(part) if c.isalpha())
    return part[:index] + part[index].upper() + part[index + 1 :].lower()


def tidy_place(place: str) -> str:
    """Title-case the ALL-CAPS parts of a dateline place, keeping region codes: "TORONTO, ON" ->
    "Toronto, ON"."""
    pieces = place.split(",")
    tidy = []
    for index, piece in enumerate(pieces):
        word = piece.strip()
        short_code = index > 0 and len(word) <= 3 and word.isalpha()
        if word.isupper() and not short_code:
            piece = title_case(piece)
        elif index == 0:  # "TORONTO and NEW YORK": the capitals words, not "and"
            piece = re.sub(r"\b[A-Z][A-Z.'’-]+\b", lambda m: title_case(m.group(0)), piece)
        tidy.append(piece)
    return ",".join(tidy)


def slugify(title: str, limit: int = 60) -> str:
    """A URL slug: lowercase ASCII words joined by hyphens, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=[a-z])[.'’](?=[a-z])", "", ascii_text.lower())
    words = re.findall(r"[a-z0-9]+", ascii_text)
    kept: list[str] = []
    for word in words:
        if kept and len("-".join(kept + [word])) > limit:
            break
        kept.append(word[:limit])
    while len(kept) > 1 and kept[-1] in _SMALL:
        kept.pop()
    return "-".join(kept) or "release"
