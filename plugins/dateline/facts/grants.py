"""Grant extraction: stock options and other equity awards a release announces.

A grant is read as a FRAME over its passage, not as one sentence
(docs/extraction.md):

- An EVENT opens a frame: a sentence with a grant verb (granted, awarded,
  issued, allotted, allocated, received, "the grant of") and a number of
  securities, or, under a grant heading ("Grant of Stock Options", "Option
  Grant"), any past-tense sentence naming a number of securities. A grant
  sentence with no number ("granted options to the following directors:")
  opens a frame whose grants come from the table rows (or numbered sentences)
  after it; a table after a numbered sentence lists that grant's people, and
  rows adding up to its aggregate replace it. Each row shares the passage's
  terms (`grant_rows` reads the row, `tables` the plain-text layouts).
- "On the same terms" / "on identical terms" takes the section's earlier
  grant's terms; replacement options are grants even though the sentence names
  the options they replace as cancelled or surrendered.
- Later sentences of the same section fill the frame's empty slots (price,
  term, expiry, vesting, conditions, grant date): "The options are exercisable
  at $0.31 and expire on ..." fills the latest option grants; "The RSUs vest ..."
  only the RSUs; a sentence naming a recipient ("Options granted to Ms. Dubois")
  only that recipient's grant; "They"/"These" the latest event's grants. A
  heading (or, in plain text, a short line with no closing punctuation) ends the
  section and closes the frame.
- Numbers inside a vesting clause ("300,000 of the options vest on award,
  300,000 after 12 months") are the vesting of the open grant, never new grants.
- Not grants (precision over recall): future or intended grants, grants "as
  previously announced" (an earlier release's news), cancelled,
  forfeited, expired, exercised, surrendered or repriced awards, plan capacity,
  holdings, property options and earn-ins, refusals, and warrants sold in units.
  Warrants count only as compensation (broker, finder's, agent's warrants, or
  warrants issued "to" a named party); shares only as bonus shares.
- Several grants in one sentence: a field stated once applies to all; stated
  once per grant it applies in order; a recipient stated once applies to the
  grants that have none. A price never applies to RSUs, DSUs, PSUs or shares.
- Each grant carries `review`: why a person should check it (REVIEW_* below).

- An ASX Appendix 3G/3B form is read by its fields (`asx_forms`), never as
  sentences: its question numbers are not numbers of securities. A heading about
  exercise, cancellation or lapse is not a grant heading (the balances after it are
  holdings), and "All grants are subject to ..." fills every grant of the section.

Mentions and recipients are read by `grant_mentions` (names and roles by
`grant_parties`), the terms by `grant_terms`, table rows by `grant_rows`. With
no release date, dates the text does not state stay null.
"""

from __future__ import annotations

import datetime
import logging
import re

from dateline.content.exchanges import EXCHANGES
from dateline.facts import asx_forms as forms
from dateline.facts import grant_mentions as gm
from dateline.facts import grant_parties as parties
from dateline.facts import grant_rows as rows
from dateline.facts import grant_terms as terms
from dateline.facts import tables
from dateline.facts.sentences import Block, looks_like_heading, split_sentences

logger = logging.getLogger(__name__)

GRANT_KEYS = (
    "security",
    "recipient",
    "role",
    "number",
    "exercise_price",
    "currency",
    "currency_stated",
    "term_years",
    "expiry_date",
    "vesting",
    "grant_date",
    "conditions",
    "sentence",
    "review",
)
REVIEW_CURRENCY = "currency inferred from the exchange"
REVIEW_EXPIRY = "expiry computed from the term"
REVIEW_TERM = "term computed from the expiry"
REVIEW_TABLE = "number read from a table"
REVIEW_LONG_TERM = "term too long to compute an expiry"

_GRANT_VERB = re.compile(
    r"(?i)\b(?:grant(?:ed|ing|s)?|award(?:ed|ing|s)?|issu(?:ed|ance|ing)|received|receives"
    r"|allocat(?:ed|ion)|allott?(?:ed|ment))\b"
)
_WEAK_VERB = re.compile(r"(?i)\b(?:were|was|have\s+been|has\s+been)\s+\w+ed\b|\b\w+ed\s+to\b")
_GRANT_HEADING = re.compile(
    r"(?i)\b(?:grant|award|issue|allocation)s?\b.{0,40}\b(?:options?|units?|rsus?|dsus?|psus?"
    r"|warrants?|rights|awards?)\b|\b(?:option|share\s+unit|rsu|dsu)\s+grants?\b|^stock\s+options$"
)
# "Issue of Shares on Exercise of Options", "Cancellation of Performance Rights": what follows is
# a change to existing securities and the balances left, never a grant.
_NOT_GRANT_HEADING = re.compile(
    r"(?i)\b(?:exercis\w*|cancel\w*|laps\w*|cessation|conversion|converted|expir\w*|forfeit\w*"
    r"|surrender\w*|holdings?|interests?)\b"
)
_FUTURE = re.compile(
    r"(?i)\b(?:will|may|would|shall|intends?\s+to|proposes?\s+to|plans?\s+to|expects?\s+to"
    r"|expected\s+to|is\s+to|are\s+to|recommend\w*)\s+(?:be\s+|that\s+\w+\s+be\s+)?"
    r"(?:grant|award|issu|receiv|allot)\w*|\bto\s+be\s+(?:granted|awarded|issued)\b"
)
_NEGATIVE = re.compile(
    r"(?i)\b(?:cancel\w*|forfeit\w*|expired|terminat\w*|remains?\s+available|available\s+for"
    r"|available\s+under|reserved\s+for|outstanding|holds?(?!\s+period)|(?<!meeting\s)held"
    r"|holding|(?:were|was|been|being)\s+exercised"
    r"|exercised\s+for|(?:from|upon|on)\s+(?:the\s+)?exercise\s+of"
    r"|exercis(?:ed|es|ing)\s+(?:[\w-]+\s+){0,3}?(?:options|warrants|awards)"
    r"|(?:in|on)\s+issue|interested\s+in"
    r"|(?:listed|set\s+out|referred\s+to|described|detailed|shown)\s+above"
    r"|repric\w*|amend\w*|earn[- ]in|earn\s+(?:an?\s+|up\s+to\s+)?\d|\d+\s*%\s+interest"
    r"|interest\s+in\s+the|not\s+(?:be\s+)?(?:receive|received|granted|grant|eligible)"
    r"|no\s+(?:stock\s+|deferred\s+share\s+units?|restricted\s+share\s+units?|\w+\s+)?"
    r"(?:options|units|rsus|dsus)\s+(?:were|was|have|has)|no\s+(?:stock\s+)?options"
    r"|surrender\w*|in\s+exchange\s+for|option\s+agreement|options?\s+to\s+(?:acquire|earn)\s+"
    r"(?:an?\s+|up\s+to\s+|a\s+)?(?:further\s+)?(?:\d|undivided|interest)|option\s+or\s+sale"
    r"|available\s+for\s+option|permits?\b)\b"
)
_SECURITY_WORDS = (
    "option",
    "unit",
    "rsu",
    "dsu",
    "psu",
    "sar",
    "warrant",
    "bonus",
    "appreciation",
    "right",
    "award",
    "restricted",  # restricted stock: "N shares of restricted common stock"
)
_PRONOUN = re.compile(
    r"(?i)(?:they|these|each\s+of\s+these|all\s+of\s+these|the\s+(?:awards?|grants?)"
    r"|both(?:\s+(?:of\s+)?(?:the(?:se)?\s+)?(?:awards?|grants?))?)\b"
)
_FRESH_GRANT = re.compile(
    r"(?i)\b(?:also\s+|further\s+|has\s+|have\s+)?(?:granted|awarded|issued)\s+$"
)
# A closing sentence about every grant of the passage fills them all.
_ALL_GRANTS = re.compile(
    r"(?i)^(?:all|each)\s+(?:of\s+)?(?:the\s+)?(?:above\s+|foregoing\s+)?(?:grants|awards)\b"
    r"|^(?:the\s+)?(?:above|foregoing)\s+grants\b|^all\s+(?:of\s+the\s+)?(?:stock\s+)?options\b"
)
# A grant sentence that introduces a list ("issued 975,000 options ... as follows:"): the items
# after it are its parts, and replace it once they add up to it.
_LIST_LEAD = re.compile(r"(?i)(?:\bas\s+follows|\bthe\s+following)\s*:?\s*$|:\s*$")
# The options a grant replaces are named with cancelled/surrendered words; the grant is still
# news ("granted 600,000 new options to replace the cancelled options").
_REPLACED = re.compile(
    r"(?i)\b(?:to\s+replace|in\s+(?:the\s+)?place\s+of|replacing|as\s+replacements?\s+for)"
    r"(?:\s+[\w-]+){0,5}?\s+(?:options?|awards?|units?)\b|\bin\s+their\s+place\b"
)
# A second grant "on the same terms" takes the first one's price, term, expiry and vesting.
_SAME_TERMS = re.compile(
    r"(?i)\b(?:same|identical)\s+terms\b|\bon\s+the\s+same\s+basis\b"
)
_SAME_DATE = re.compile(r"(?i)\bon\s+the\s+same\s+(?:date|day)\b")
_REFERENCE = re.compile(
    rf"(?i)\b(?:the|these|such|each|all|said|those|its)\s+(?:new\s+)?(?P<noun>{gm.NOUN})\b"
    rf"|\b(?P<noun2>{gm.NOUN})\s+(?:granted|awarded|issued)\b|^(?P<noun3>{gm.NOUN})\b"
)
# A grant an earlier release announced is not this release's news (the register would count
# it twice).
_RECAP = re.compile(
    r"(?i)\bas\s+(?:previously\s+)?(?:announced|disclosed|reported)\b"
    r"|\b(?:news\s+release|press\s+release)\s+(?:dated|of)\b"
)
_TABLE_OPENER = re.compile(
    r"(?i)\bthe\s+following\s+(?:\w+\s+){0,3}?(?:directors|officers|employees|persons|pdmrs"
    r"|individuals|people|recipients|executives)\b|\b(?:set\s+out|detailed|listed|shown)\s+below\b"
    r"|:\s*$"
)
_PRICED = {"option", "warrant", "sar"}
_SLOTS = (
    "exercise_price",
    "currency",
    "currency_stated",
    "term_years",
    "expiry_date",
    "vesting",
    "grant_date",
    "conditions",
)


def extract_grants(
    paragraphs: list[str],
    *,
    release_date: datetime.date | None,
    exchanges: list[str],
    blocks: list[Block] | None = None,
) -> list[dict]:
    """Grants announced in the body, in reading order.

    `blocks` (from `sentences.body_blocks` / `text_blocks`) add headings and table
    rows; without them each paragraph is one block of one section.
    """
    reader = _FrameReader(release_date, exchanges)
    for block in blocks if blocks is not None else [Block(p) for p in paragraphs]:
        reader.read_block(block)
    reader.end_form()
    return [_finish(grant) for grant in reader.grants]


class _FrameReader:
    """Walk the blocks of a body, keeping the open frame so later sentences fill it."""

    def __init__(self, release_date: datetime.date | None, exchanges: list[str]):
        self.release_date = release_date
        self.dollar = _dollar_currency(exchanges)
        self.grants: list[dict] = []
        self.names: list[str] = []
        self.form: list[str] | None = None  # the paragraphs of an ASX Appendix 3G/3B form
        self._close_section(heading=None)

    def _close_section(self, heading: str | None) -> None:
        self.by_security: dict[str, list[dict]] = {}
        self.latest: list[dict] = []
        self.section: list[dict] = []
        self.table: dict | None = None
        self.last_row: tuple | None = None
        self.form_lines: list[str] = []
        self.heading = heading or ""
        self.grant_heading = bool(
            heading and _GRANT_HEADING.search(heading) and not _NOT_GRANT_HEADING.search(heading)
        )
        self.negative_lead = False  # the last sentence about securities was not news
        self.negative_list = False  # it ended in a colon: the next paragraph is its list

    def read_block(self, block: Block) -> None:
        if self.form is not None or (block.row is None and forms.is_form_start(block.text)):
            if self._read_form_block(block):
                return
        listed, self.negative_list = self.negative_list, False
        if block.table:
            return  # a table's own text; its rows follow as blocks
        if block.heading or (block.row is None and looks_like_heading(block.text)):
            self._close_section(block.text)
        elif block.row is not None:
            if block.row is not self.last_row:
                self.last_row = block.row
                self._read_row(block.row)
        elif not block.text.startswith("|"):  # a pipe table's own text comes before its rows
            if self.table and self.table["header"] is not None:
                self.table = None  # the rows ended
            if listed:
                return  # the list after "... remain outstanding:" is not news
            for sentence in split_sentences(block.text):
                self._read_sentence(sentence)

    def _read_sentence(self, sentence: str) -> None:
        lowered = sentence.lower()
        if "appoint" in lowered:  # "has appointed A as CFO ... has granted him N options"
            self.names.extend(n for n in parties.person_names(sentence) if n not in self.names)
        if _ALL_GRANTS.match(sentence) and self.section:
            self._fill(self.section, sentence)  # "All grants are subject to ... approval."
            return
        if not _PRONOUN.match(sentence) and not any(word in lowered for word in _SECURITY_WORDS):
            if "securities" in lowered and _NEGATIVE.search(sentence):
                self.negative_list = sentence.rstrip().endswith(":")  # "... remain outstanding:"
            return
        if _NEGATIVE.search(_unreplaced(sentence)):
            self.negative_lead = True  # a table after "have surrendered ... as set out below:"
            self.negative_list = sentence.rstrip().endswith(":")  # "... remain outstanding:"
            return
        if not (self.by_security or self.grant_heading or _GRANT_VERB.search(sentence)):
            return  # no grant wording and no open frame to fill: nothing to read
        self.negative_lead = False
        if self._open_table(sentence) or self._event(sentence):
            return
        if _SAME_TERMS.search(sentence):
            self._inherit(self.latest, _SLOTS)
        for clause, targets in self._clauses(sentence):
            self._fill(targets, clause)

    # --- events ---------------------------------------------------------------------

    def _event(self, sentence: str) -> bool:
        """Open a frame when the sentence announces grants; False when it does not."""
        if (
            not self._is_grant_wording(sentence)
            or _FUTURE.search(sentence)
            or _RECAP.search(sentence)
        ):
            return False
        pending = self.table["template"] if self.table and self.table["header"] is None else None
        default = pending["security"] if pending else None
        mentions = [m for m in gm.mentions(sentence, default) if gm.is_award(sentence, m)]
        if not mentions or self._restates(sentence, mentions):
            return False
        self.names.extend(n for n in parties.person_names(sentence) if n not in self.names)
        grants = self._grants_of(sentence, mentions)
        _distribute(grants, sentence, mentions, self.release_date, self.dollar)
        if pending:  # "awards were made ... in the form of nil-cost options. An Award ... over N"
            for grant in grants:
                _apply(grant, {key: pending[key] for key in _SLOTS})
            self.table = None
        if _SAME_TERMS.search(sentence):
            self._inherit(grants, _SLOTS)
        elif _SAME_DATE.search(sentence):
            self._inherit(grants, ("grant_date",))
        self._remember(grants)
        return True

    def _inherit(self, grants: list[dict], slots) -> None:
        """Fill the grants' empty slots from the section's earlier grant of the same security."""
        for grant in grants:
            source = next(
                (g for g in reversed(self.section)
                 if g["security"] == grant["security"] and g not in grants and g is not grant),
                None,
            )
            if source:
                _apply(grant, {key: source[key] for key in slots})

    def _is_grant_wording(self, sentence: str) -> bool:
        return bool(
            _GRANT_VERB.search(sentence) or (self.grant_heading and _WEAK_VERB.search(sentence))
        )

    def _restates(self, sentence: str, mentions: list[gm.Mention]) -> bool:
        """A sentence about grants already in the frame (their vesting, their numbers)."""
        known = {
            (g["security"], g["number"]) for grants in self.by_security.values() for g in grants
        }
        if all((m.security, m.number) in known for m in mentions):
            return True
        if _FRESH_GRANT.search(sentence[: mentions[0].start]) and not _REFERENCE.match(sentence):
            return False  # "It also granted 100,000 options ..., vesting ...": a new grant
        return bool(re.search(r"(?i)\bvest", sentence)) and all(
            m.security in self.by_security and not re.match(r"(?i)\s+to\s+[A-Z]", sentence[m.end :])
            for m in mentions
        )

    def _grants_of(self, sentence: str, mentions: list[gm.Mention]) -> list[dict]:
        people = gm.respectively_people(sentence, mentions, self.names)
        grants = []
        for index, mention in enumerate(mentions):
            start = mentions[index - 1].end if index else 0
            end = mentions[index + 1].start if index + 1 < len(mentions) else len(sentence)
            pairs = (
                [people[index]]
                if people
                else gm.recipients(sentence, mention, start, end, self.names)
            )
            grants += [_new_grant(mention, recipient, role, sentence) for recipient, role in pairs]
        gm.share_recipient(grants)
        return grants

    def _remember(self, grants: list[dict]) -> None:
        self._drop_aggregate(grants)
        self._drop_listed_total(grants)
        self.grants.extend(grants)
        self.section.extend(grants)
        self.latest = grants
        for security in {g["security"] for g in grants}:
            self.by_security[security] = [g for g in grants if g["security"] == security]

    # --- ASX issue forms --------------------------------------------------------------

    def _read_form_block(self, block: Block) -> bool:
        """Collect a form's paragraphs (its questions laid out like a table too); a holder
        table (Name of KMP | Number of +securities) ends the form and is read as rows."""
        if self.form is None:
            self._close_section(block.text)
            self.form, self.form_table = [], None
        if block.row is None:
            self.form.append(block.text)  # a form's questions are never read as sentences
            self.form_table = None
            return True
        if self.form_table is None:
            self.form_table = rows.is_grant_table(block.row)
        if not self.form_table:
            return True
        self.end_form()
        return False

    def end_form(self) -> None:
        """The grant an Appendix 3G/3B form states; it completes a grant the prose gave."""
        if self.form is None:
            return
        text, self.form = forms.form_answers(self.form), None
        found = forms.form_grant(text, self.release_date, self.dollar)
        if not found:
            return
        same = [
            g for g in self.grants
            if (g["security"], g["number"]) == (found["security"], found["number"])
        ]
        line = next((t for t in text.splitlines() if "number of" in t.lower()), text[:200])
        grant = same[0] if same else _new_grant(
            gm.Mention(0, 0, found["security"], found["number"]), None, None, line
        )
        _apply(grant, {key: found.get(key) for key in _SLOTS})
        if same:
            self.latest = [grant]
        else:
            self._remember([grant])

    # --- tables -----------------------------------------------------------------------

    def _open_table(self, sentence: str) -> bool:
        """A grant sentence with no number ("granted options to the following directors:",
        "announces the grant of share options to senior staff") takes its numbers from the
        table (or the numbered sentences) after it; until then later sentences fill its
        terms, which every row shares."""
        if not _GRANT_VERB.search(sentence) or _FUTURE.search(sentence) or gm.mentions(sentence):
            return False
        if _REFERENCE.match(sentence) or _PRONOUN.match(sentence):
            return False  # "The options granted to ... vest": a sentence about an open frame
        noun = re.search(rf"(?i)\b(?P<noun>{gm.NOUN})\b", sentence)
        if not noun:
            return False
        security = gm.noun_kind(noun.group("noun")) or "option"
        attributes = _attributes(sentence, self.release_date, self.dollar)
        pending = self.table["template"] if self.table and self.table["header"] is None else None
        if pending and pending["security"] == security:
            _apply(pending, attributes)  # "Details of the options granted are set out below:"
            return True
        if self.by_security.get(security) and not _TABLE_OPENER.search(sentence):
            return False
        shared = gm.Mention(noun.start(), noun.end(), security, 0)
        recipient, role = gm.recipients(sentence, shared, 0, len(sentence), self.names)[0]
        template = _new_grant(gm.Mention(0, 0, security, 0), recipient, role, sentence)
        _apply(template, attributes)
        self.table = _table(template, sentence, aggregate=None)
        self.by_security[security] = [template]  # later sentences fill the shared terms
        self.latest = [template]
        return True

    def _read_row(self, row: tuple[str, ...]) -> None:
        if self._form_row(row):
            return
        if self.table is None:
            self.table = self._table_after_event(row)
            if self.table is None:
                return
        if self.table["header"] is None:
            self.table["header"] = row
            template = self.table["template"]
            if not rows.is_grant_table(row, bool(template["recipient"] or template["role"])):
                self.table = None
            return
        grant = rows.row_grant(
            self.table["template"], self.table["header"], row, self.table["passage"],
            self.names, self.dollar,
        )
        if grant:
            self._add_row(grant)

    def _form_row(self, row: tuple[str, ...]) -> bool:
        """A PDMR notification laid out as table rows ("a) | Name | Isla Murdoch"): collected
        from "Details of the person discharging managerial responsibilities" to the date."""
        line = " ".join(cell for cell in row if cell).strip()
        if not self.form_lines and not re.search(r"(?i)managerial\s+responsibilit", line):
            return False
        self.form_lines.append(re.sub(r"^\d+\.\s*", "", line))
        if re.search(r"(?i)\bdate\s+of\s+the\s+transaction\b", line):
            form = tables.form_rows(self.form_lines)
            self.form_lines = []
            self.table = None
            for form_row in form or []:
                self._read_row(form_row)
            self.table = None
        return True

    def _table_after_event(self, header: tuple[str, ...]) -> dict | None:
        """A table after a numbered grant sentence (or a PDMR form) lists that grant's rows."""
        if header == rows.FORM_HEADER:
            return _table(_new_grant(gm.Mention(0, 0, "option", 0), None, None, ""), "", None)
        if self.negative_lead or not rows.is_grant_table(header):
            return None
        if not self.latest and self.grant_heading:  # "Grant of performance share awards" + table
            noun = re.search(rf"(?i)\b(?P<noun>{gm.NOUN})\b", self.heading)
            security = (gm.noun_kind(noun.group("noun")) if noun else None) or "option"
            return _table(_new_grant(gm.Mention(0, 0, security, 0), None, None, ""), "", None)
        if not self.latest:
            return None
        source = self.latest[0]
        aggregate = source if len(self.latest) == 1 else None
        return _table(dict(source, review=[]), source["sentence"], aggregate)

    def _add_row(self, grant: dict) -> None:
        """A row's grant joins the frame; rows adding up to the aggregate replace it."""
        day = grant.pop("_form_date", None)
        if day:
            grant["grant_date"] = terms.grant_date("on " + day, self.release_date)
        if not self.table["rows"]:
            self.by_security[grant["security"]] = []
        self.table["rows"].append(grant)
        self.grants.append(grant)
        self.section.append(grant)
        self.by_security.setdefault(grant["security"], []).append(grant)
        self.latest = self.by_security[grant["security"]]
        aggregate = self.table["aggregate"]
        if aggregate and sum(g["number"] for g in self.table["rows"]) == aggregate["number"]:
            self._forget(aggregate)

    def _drop_listed_total(self, grants: list[dict]) -> None:
        """ "issued 975,000 options to directors and officers as follows:" then one item a
        group: once the items add up to the total, the total is not a grant of its own."""
        for index, earlier in enumerate(self.section):
            if not _LIST_LEAD.search(earlier["sentence"]):
                continue
            parts = [
                g for g in self.section[index + 1 :] + grants
                if g["security"] == earlier["security"]
            ]
            if len(parts) > 1 and sum(g["number"] for g in parts) == earlier["number"]:
                self._forget(earlier)
                for grant in parts:
                    _apply(grant, {key: earlier[key] for key in _SLOTS})
                return

    def _drop_aggregate(self, grants: list[dict]) -> None:
        """ "granted, in aggregate, 240,000 options ... 120,000 Options to each of A and B"."""
        if len(grants) < 2 or len({g["security"] for g in grants}) != 1:
            return
        total = sum(g["number"] for g in grants)
        for earlier in self.section:
            if (
                earlier["security"] == grants[0]["security"]
                and earlier["number"] == total
                and _AGGREGATE.search(earlier["sentence"])
            ):
                self._forget(earlier)
                for grant in grants:
                    _apply(grant, {key: earlier[key] for key in _SLOTS})
                return

    def _forget(self, grant: dict) -> None:
        self.grants = [g for g in self.grants if g is not grant]
        self.section = [g for g in self.section if g is not grant]

    # --- filling --------------------------------------------------------------------

    def _clauses(self, sentence: str) -> list[tuple[str, list[dict]]]:
        """(clause, grants it speaks of): "The RSUs vest ... and the PSUs vest ..." is two."""
        references = [
            (m.start(), gm.noun_kind(m.group("noun") or m.group("noun2") or m.group("noun3")))
            for m in _REFERENCE.finditer(sentence)
        ]
        kinds = list(dict.fromkeys(kind for _, kind in references if kind in self.by_security))
        if len(kinds) < 2:
            targets = self._targets(sentence)
            return [(sentence, targets)] if targets else []
        starts = [next(at for at, k in references if k == kind) for kind in kinds]
        bounds = [0] + sorted(starts)[1:] + [len(sentence)]
        ordered = [kind for _, kind in sorted(zip(starts, kinds))]
        return [
            (sentence[bounds[i] : bounds[i + 1]], self._named(self.by_security[kind], sentence))
            for i, kind in enumerate(ordered)
        ]

    def _named(self, targets: list[dict], sentence: str) -> list[dict]:
        named = [
            g for g in targets if g["recipient"] and parties.surname(g["recipient"]) in sentence
        ]
        return named or targets

    def _targets(self, sentence: str) -> list[dict]:
        reference = _REFERENCE.search(sentence)
        if reference:
            noun = reference.group("noun") or reference.group("noun2") or reference.group("noun3")
            targets = self.by_security.get(gm.noun_kind(noun), [])
        elif _PRONOUN.match(sentence):
            targets = self.latest
        else:
            return []
        return self._named(targets, sentence)

    def _fill(self, targets: list[dict], sentence: str) -> None:
        cache: dict = {}
        for grant in targets:
            day = grant.get("grant_date")
            if day not in cache:
                start = datetime.date.fromisoformat(day) if day else None
                cache[day] = _attributes(
                    sentence, self.release_date, self.dollar, start, follow_up=True
                )
            _apply(grant, cache[day], conditions_join=True)


def _new_grant(mention: gm.Mention, recipient, role, sentence: str) -> dict:
    grant = {key: None for key in GRANT_KEYS}
    grant.update(
        security=mention.security,
        recipient=recipient,
        role=role,
        number=mention.number,
        sentence=sentence,
        review=[],
        _span=(mention.start, mention.end),
    )
    return grant


# A plan's name ("Amended and Restated Stock Option Plan") says nothing of the grant's role.
_AMENDED_PLAN = re.compile(
    r"(?i)\b(?:amended\s+and\s+restated|amended|restated)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:plan|scheme|rules)\b"
)


def _unreplaced(sentence: str) -> str:
    """A grant sentence without the options it replaces (their cancellation is not its own) and
    without its plan's amended name."""
    if not _GRANT_VERB.search(sentence):
        return sentence
    return _AMENDED_PLAN.sub(" plan", _REPLACED.sub(" ", sentence))


def _table(template: dict, passage: str, aggregate: dict | None) -> dict:
    """An open table frame: the shared terms, the passage, the aggregate the rows may replace."""
    return {"template": template, "header": None, "passage": passage, "aggregate": aggregate,
            "rows": []}


_AGGREGATE = re.compile(r"(?i)\b(?:aggregate|total|in\s+all|collectively)\b")


# --- attributes ---------------------------------------------------------------------------


def _attributes(
    text: str,
    release: datetime.date,
    dollar: str | None,
    grant_day: datetime.date | None = None,
    follow_up: bool = False,
) -> dict:
    """Every slot one piece of text states."""
    found = dict.fromkeys(_SLOTS)
    found_prices = terms.prices(text, dollar)
    if found_prices:
        found["exercise_price"], found["currency"], found["currency_stated"] = found_prices[0]
    stated_terms = terms.terms(text)
    found["term_years"] = stated_terms[0] if stated_terms else None
    stated_expiries = terms.expiries(text, release)
    found["expiry_date"] = stated_expiries[0] if stated_expiries else None
    day = terms.grant_date(text, release)
    if follow_up and not re.search(r"(?i)\bgrant", text):
        day = None
    found["grant_date"] = day
    start = grant_day or (datetime.date.fromisoformat(day) if day else None)
    vestings = terms.vestings(text, start)
    found["vesting"] = vestings[0] if vestings else None
    found["conditions"] = terms.conditions(text)
    return found


def _apply(grant: dict, values: dict, conditions_join: bool = False) -> None:
    """Fill the grant's empty slots; a price never goes to units or shares."""
    for key, value in values.items():
        if value is None:
            continue
        if (
            key in ("exercise_price", "currency", "currency_stated")
            and grant["security"] not in _PRICED
        ):
            continue
        if key == "conditions" and conditions_join and grant.get(key):
            if value not in grant[key]:
                grant[key] = f"{grant[key]}; {value}"
            continue
        if grant.get(key) is None:
            grant[key] = value


def _distribute(grants, sentence, mentions, release, dollar) -> None:
    """Give each grant of one sentence the fields stated once for all or once for each."""
    whole = _attributes(sentence, release, dollar)
    if len(mentions) == 1:
        for grant in grants:
            _apply(grant, whole)
        return
    spans = [(m.start, m.end) for m in mentions]
    segments = [
        _segment_values(
            sentence[m.start : (mentions[i + 1].start if i + 1 < len(mentions) else len(sentence))],
            release,
            dollar,
        )
        for i, m in enumerate(mentions)
    ]
    lists = {
        "price": terms.prices(sentence, dollar),
        "term": terms.terms(sentence),
        "expiry": terms.expiries(sentence, release),
        "vesting": terms.vestings(sentence),
    }
    priced = [(m.start, m.end) for m in mentions if m.security in _PRICED]
    for grant in grants:
        values = dict(whole)
        index = spans.index(grant["_span"])
        for name, items in lists.items():
            pool = priced if name == "price" else spans
            if (
                len(items) == 1
                and len(pool) > 1
                and segments[index].get(name) is None
                and name != "price"
            ):
                _set_field(values, name, None if _owned_earlier(segments, name) else items[0])
            elif len(items) > 1 and len(items) == len(pool) and grant["_span"] in pool:
                _set_field(values, name, items[pool.index(grant["_span"])])
            elif len(items) > 1:
                _set_field(values, name, segments[index].get(name))
        _apply(grant, values)


def _owned_earlier(segments, name) -> bool:
    """A single term or vesting written before the last grant's segment belongs to its own grant.

    Written after the last mention ("..., each exercisable at C$2.40 until ...") it
    applies to every grant of the sentence.
    """
    return any(segment.get(name) is not None for segment in segments[:-1])


def _segment_values(text, release, dollar) -> dict:
    found = {
        "price": terms.prices(text, dollar),
        "term": terms.terms(text),
        "expiry": terms.expiries(text, release),
        "vesting": terms.vestings(text),
    }
    return {name: items[0] if len(items) == 1 else None for name, items in found.items()}


def _set_field(values: dict, name: str, item) -> None:
    if name == "price":
        values["exercise_price"], values["currency"], values["currency_stated"] = item or (
            None,
            None,
            None,
        )
    elif name == "term":
        values["term_years"] = item
    elif name == "expiry":
        values["expiry_date"] = item
    else:
        values["vesting"] = item


# --- completing a grant ------------------------------------------------------------------

_DOLLAR_CURRENCIES = {"CAD", "USD", "AUD", "NZD", "HKD", "SGD"}


def _dollar_currency(exchanges: list[str]) -> str | None:
    """The currency a bare "$" means: the primary (first) listing's, if it is a dollar."""
    for code in exchanges or []:
        if code in EXCHANGES:
            currency = EXCHANGES[code][1]
            return currency if currency in _DOLLAR_CURRENCIES else None
    return None


def _add_months(day: datetime.date, months: int) -> datetime.date | None:
    """The same day N months later (the month's last day when it is shorter); None past 9999."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month + 1, min(day.day, candidate))
        except ValueError:
            continue
    return None


def _complete_term(grant: dict) -> None:
    """Fill expiry from grant date and term, or term from grant date and expiry, noting it."""
    if not grant.get("grant_date"):
        return
    start = datetime.date.fromisoformat(grant["grant_date"])
    term = grant.get("term_years")
    if term is not None and grant.get("expiry_date") is None:
        months = term * 12
        if float(months).is_integer():
            expiry = _add_months(start, int(months))
            if expiry is None:
                grant["review"].append(REVIEW_LONG_TERM)
            else:
                grant["expiry_date"] = expiry.isoformat()
                grant["review"].append(REVIEW_EXPIRY)
    elif term is None and grant.get("expiry_date"):
        expiry = datetime.date.fromisoformat(grant["expiry_date"])
        months = (expiry.year - start.year) * 12 + expiry.month - start.month
        if months > 0 and _add_months(start, months) == expiry:
            grant["term_years"] = months // 12 if months % 12 == 0 else round(months / 12, 4)
            grant["review"].append(REVIEW_TERM)


def _finish(grant: dict) -> dict:
    """The contract's keys in order, the term completed and the review reasons listed."""
    if grant["currency_stated"] is False:
        grant["review"].insert(0, REVIEW_CURRENCY)
    _complete_term(grant)
    grant["review"] = list(dict.fromkeys(grant["review"]))
    return {key: grant.get(key) for key in GRANT_KEYS}
