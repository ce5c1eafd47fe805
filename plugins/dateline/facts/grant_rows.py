"""Grants read from the rows of a table: which column is the person, the role, the number.

`grants.py` opens a table frame (a grant passage followed by a table) and hands
each row here with the passage's common terms as a template. A row is a grant to
that row's person (docs/extraction.md, "Tables"):

- COLUMNS are told by their headers: the person (Name, Director, Optionee, PDMR),
  the role (Position, Role, Title, Status), the number granted (Options granted,
  Number of options, Awards, Volume), a price (Exercise price), and a Total.
  A column of holdings ("held", "post grant", "outstanding") is never the number.
- A GRID has one number column per vesting tranche or per exercise price: the
  number is the row's Total cell, or the sum of its number cells; a price column
  per tranche leaves the price to the passage.
- A Total or Subtotal row is not a grant, and a table of holdings, surrendered,
  cancelled, lapsed or exercised options is not a table of grants.
- The role comes from the role column, else the name cell ("Jane Roe (CFO)",
  "Jane Roe, Director"), else the passage's words about that person, else the
  name column's header ("Director").
"""

from __future__ import annotations

import re

from dateline.facts import grant_mentions as gm
from dateline.facts import grant_parties as parties
from dateline.facts import grant_terms as terms
from dateline.facts.tables import FORM_HEADER

_NAME = re.compile(
    r"(?i)\b(?:name|director|optionee|recipient|pdmr|participant|holder|grantee|individual"
    r"|employee|officer|executive|awardee)s?\b"
)
_ROLE = re.compile(r"(?i)\b(?:position|role|title|status|capacity)\b")
_GRANTED = re.compile(
    r"(?i)\b(?:granted|awarded|award|awards|number|no\.?|options|units|rsus|dsus|psus|rights"
    r"|shares|volume|allocation|allocated|issued|quantity)\b"
)
_TOTAL = re.compile(r"(?i)^\s*(?:grand\s+)?(?:sub-?)?totals?\b")
_NOT_GRANTED = re.compile(
    r"(?i)\b(?:held|holding|holdings|post|after|following|outstanding|surrender\w*|cancel\w*"
    r"|laps\w*|exercised|forfeit\w*|vested|total|%|percent\w*|price|value|at)\b"
)
_PRICE = re.compile(r"(?i)\b(?:exercise|option|strike)?\s*price\b")
_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+")


def is_grant_table(header: tuple[str, ...], shared_recipient: bool = False) -> bool:
    """A header with a person column and a number column, and not a table of holdings.

    With `shared_recipient` (the passage named who received the grants, "granted the
    following options to officers and consultants:") a number column alone will do.
    """
    text = " ".join(header)
    if re.search(r"(?i)\b(?:surrender\w*|cancel\w*|laps\w*|exercised|forfeit\w*)\b", text):
        return False
    if not any(_NAME.search(cell) for cell in header):
        return shared_recipient and any(_is_number_column(cell) for cell in header)
    granted = [i for i, cell in enumerate(header) if _is_number_column(cell)]
    if not granted and any(re.search(r"(?i)\bheld\b|holding", cell) for cell in header):
        return False
    return True


def _is_number_column(cell: str) -> bool:
    return bool(_GRANTED.search(cell)) and not _NOT_GRANTED.search(cell) and not _NAME.fullmatch(
        cell.strip()
    )


def row_grant(template: dict, header: tuple[str, ...], row: tuple[str, ...], passage: str,
              known: list[str], dollar: str | None) -> dict | None:
    """One grant from a row, or None (a Total row, a row with no number)."""
    if header == FORM_HEADER:
        return _form_grant(template, row, dollar)
    if not row or _TOTAL.match(row[0]) or len(row) != len(header):
        return None
    count = _row_number(header, row)
    if not count:
        return None
    name_at = next((i for i, h in enumerate(header) if _NAME.search(h)), None)
    if name_at is None:
        return _shared_row_grant(template, header, row, count, dollar)
    role_at = next((i for i, h in enumerate(header) if _ROLE.search(h) and i != name_at), None)
    grant = dict(template, review=list(template["review"]) + ["number read from a table"])
    grant["number"] = count
    grant["recipient"], cell_role = _person(row[name_at])
    grant["role"] = (
        (parties.role_of(row[role_at]) if role_at is not None else None)
        or cell_role
        or (parties.role_near(passage, grant["recipient"]) if grant["recipient"] else None)
        or parties.role_of(header[name_at])
    )
    if not (grant["role"] or _names_someone(grant["recipient"])):
        return None  # "Drill programme: 5,000 metres" is not a person's row
    _row_price(grant, header, row, dollar)
    _row_term(grant, header, row)
    return grant


def _shared_row_grant(template: dict, header, row, count: int, dollar) -> dict | None:
    """A row of a table with no person column: the passage's recipient, the row's terms."""
    if not (template["recipient"] or template["role"]):
        return None
    grant = dict(template, review=list(template["review"]) + ["number read from a table"])
    grant["number"] = count
    _row_price(grant, header, row, dollar)
    _row_term(grant, header, row)
    return grant


def _row_term(grant: dict, header, row) -> None:
    """A Life / Term column ("5 years") is the row's own term."""
    life = re.compile(r"(?i)\s*(?:life|term)\s*(?:\((?:in\s+)?years\))?\s*")
    at = next((i for i, h in enumerate(header) if life.fullmatch(h)), None)
    cell = row[at] if at is not None else ""
    if re.fullmatch(r"\s*\d{1,2}\s*", cell) and re.search(r"(?i)years", header[at]):
        cell += " years"  # "Life (Years)" | "5"
    found = terms.terms("for " + cell) if cell else []
    if found:
        grant["term_years"] = found[0]


def _names_someone(cell: str | None) -> bool:
    return bool(cell) and bool(
        parties.person_names(cell) or re.search(rf"\b{parties.ORG_WORDS}", cell)
    )


def _row_number(header: tuple[str, ...], row: tuple[str, ...]) -> int | None:
    """The number granted: the granted column, else the Total cell, else the sum of a grid."""
    granted = [i for i, h in enumerate(header) if _is_number_column(h) and _count(row[i])]
    if granted:
        return _count(row[granted[0]])
    total = next((i for i, h in enumerate(header) if re.search(r"(?i)\btotal\b", h)), None)
    if total is not None and _count(row[total]) and not re.search(r"(?i)held|post", header[total]):
        return _count(row[total])
    grid = [
        _count(row[i])
        for i, h in enumerate(header)
        if re.search(r"(?i)tranche|options?\s+at|\bat\s+[£$]|vest", h) and _count(row[i])
    ]
    return sum(grid) if grid else None


def _count(cell: str) -> int | None:
    text = cell.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        return gm.number(text)
    return None


def person_cell(cell: str) -> tuple[str | None, str | None]:
    """The person and role one cell (or list item) names."""
    return _person(cell)


def _person(cell: str) -> tuple[str | None, str | None]:
    """ "Mr Joel Harker" is Joel Harker; "Oren Castell (CEO)", "Jane Roe, Director" give a role."""
    text = _TITLE.sub("", cell.strip())
    role = None
    bracket = re.search(r"\s*\(([^)]*)\)\s*$", text)
    if bracket:
        role, text = parties.role_of(bracket.group(1)), text[: bracket.start()]
    elif "," in text:
        text, rest = text.split(",", 1)
        role = parties.role_of(rest)
    else:
        text, role = _name_then_role(text)
    return (text.strip() or None), role


# The words a title starts with: a name cell written on two lines ("Martin Greaves" over "Group
# Chief Executive") reaches us as one line.
_ROLE_START = re.compile(
    r"(?i)^(?:group|chief|executive|non-executive|non|finance|financial|managing|chair\w*|director"
    r"|president|vice|ceo|cfo|coo|cto|senior|head|general|independent|deputy|interim|joint"
    r"|operations|technical|commercial|company|corporate|secretary|founder)$"
)


def _name_then_role(text: str) -> tuple[str, str | None]:
    """ "Martin Greaves Group Chief Executive" is Martin Greaves, chief executive officer."""
    words = text.split()
    start = next((i for i, word in enumerate(words) if _ROLE_START.match(word)), len(words))
    role = parties.role_of(" ".join(words[start:])) if start < len(words) else None
    if start < 2 or role is None:
        return text, None
    return " ".join(words[:start]), role


def _row_price(grant: dict, header, row, dollar) -> None:
    at = next((i for i, h in enumerate(header) if _PRICE.search(h)), None)
    if at is None or grant["security"] not in ("option", "warrant", "sar"):
        return
    cell = row[at]
    if "$" in header[at] and re.fullmatch(r"\s*\d*\.\d+\s*", cell):
        cell = "$" + cell.strip()  # "Exercise Price $" | "0.47"
    found = cell_price(cell, dollar)
    if found:
        grant["exercise_price"], grant["currency"], grant["currency_stated"] = found


def cell_price(cell: str, dollar: str | None) -> tuple | None:
    """The price a cell states: "4.0p", "£0.045", "$0.10", "Nil"."""
    text = cell.strip()
    if re.fullmatch(r"(?i)nil|n/a\s*\(nil\)|zero", text):
        return (0.0, None, None)
    found = terms.prices("price " + text, dollar)
    return found[0] if found else None


def _form_grant(template: dict, row: tuple[str, ...], dollar: str | None) -> dict | None:
    """A PDMR notification whose transaction is a grant or award."""
    name, position, instrument, nature, price, volume, day = row
    if not re.search(r"(?i)\b(?:grant\w*|award\w*)\b", nature) or re.search(
        r"(?i)\b(?:exercis\w*|vesting\s+of|sale|disposal|purchase)\b", nature
    ):
        return None
    count = _count(volume)
    if not count:
        return None
    noun = re.search(rf"(?i)\b(?P<noun>{gm.NOUN})\b", f"{nature} {instrument}")
    security = gm.noun_kind(noun.group("noun")) if noun else template["security"]
    grant = dict(template, review=list(template["review"]) + ["number read from a table"])
    grant.update(security=security or "option", number=count, recipient=_person(name)[0],
                 role=parties.role_of(position))
    found = cell_price(price, dollar)
    if found and grant["security"] in ("option", "warrant", "sar"):
        grant["exercise_price"], grant["currency"], grant["currency_stated"] = found
    grant["_form_date"] = day
    return grant
