"""Grant frames over tables and forms: rows after a grant sentence, PDMR and ASX forms.

A mixin of `grant_frame.FrameReader`: it shares the reader's state (the section,
the open table, the grants by security) and adds the rows a table gives, replacing
an aggregate or a listed total once its parts add up to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.facts import asx_forms as forms
from dateline.facts import grant_cues as cues
from dateline.facts import grant_mentions as gm
from dateline.facts import grant_parties as parties
from dateline.facts import grant_recipients as recipients_of
from dateline.facts import grant_rows as rows
from dateline.facts import grant_slots as slots
from dateline.facts import grant_terms as terms
from dateline.facts import tables
from dateline.facts.sentences import Block

_LABELLED_NUMBER = re.compile(
    rf"(?i)\bnumber\s+(?:of\s+\+?[\w+]+\s+)?(?:issued|granted|allotted|awarded|allocated)"
    rf"(?:/[\w/]+)?\s*:\s*{gm.QUANTITY}"
)
_LABELLED_DATE = re.compile(r"(?i)\b(?:date\s+of\s+(?:issue|grant|allotment)|issue\s+date)\s*:")
_CELL = re.compile(r"[.;:!?]$")
_CELL_MAX = 60  # the longest line `tables.cell_per_line_rows` takes as a cell
# "214,880 (HMRC unapproved)": a count with a note is a count cell.
_NOTED_NUMBER = re.compile(r"^(\d[\d,]*)\s*\([^()]{1,40}\)$")


# A list after a colon, one item a person: "Mr Graham Tait (Managing Director) 1,500,000; Mr Oliver
# Voss (Non-Executive Director) 750,000" or "(a) 500,000 to Colm Daly, President; (b) ...".
_COUNT_WORD = re.compile(
    r"(?i)^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
)
_ITEM_SPLIT = re.compile(r"\s*;\s*(?:and\s+)?|,\s+and\s+(?=\(?[a-z0-9]\)|\d)")
_ITEM_MARK = r"(?:\(?[a-z0-9]{1,2}\)\s*)?"
_ITEM_WHO_FIRST = re.compile(
    rf"^{_ITEM_MARK}(?P<who>[A-Z][^;:]*?)\s*[-–:]?\s*{gm.QUANTITY}"
    rf"(?:\s+(?:[\w+-]+\s+){{0,2}}?(?:{gm.NOUN}|shares))?$"
)
_ITEM_NUMBER_FIRST = re.compile(
    rf"^{_ITEM_MARK}(?:an?\s+)?{gm.QUANTITY}\s+(?:(?:[\w+-]+\s+){{0,3}}?(?:{gm.NOUN}|shares)\s+)?"
    r"to\s+(?P<who>.+)$"
)


def colon_items(sentence: str) -> list[tuple[str, int]]:
    """(who, count) of each item of the list after the sentence's colon; [] unless all are."""
    if ":" not in sentence:
        return []
    tail = sentence.rsplit(":", 1)[1].strip().rstrip(".")
    items = []
    for part in _ITEM_SPLIT.split(tail):
        part = part.strip()
        match = _ITEM_NUMBER_FIRST.match(part) or _ITEM_WHO_FIRST.match(part)
        if not match:
            return []
        count = next(g for g in match.groups() if g and g[0].isdigit())
        items.append((match.group("who").strip(), gm.number(count)))
    return items if len(items) > 1 else []


@lru_cache(maxsize=64)
def sentence_mentions(sentence: str, default: str | None = None) -> tuple[gm.Mention, ...]:
    """`grant_mentions.mentions`, read once per sentence (the table opener and the event both
    ask; mentions are frozen)."""
    return tuple(gm.mentions(sentence, default))


class TableFrames:
    """The table, list and form half of the frame reader."""

    def listed_grants(self, sentence: str, template: dict, total: int | None) -> list[dict]:
        """The grants a list after the colon gives (each item's person and count, the
        template's terms); [] when there is none or its counts do not add up to the total."""
        items = colon_items(sentence)
        if not items or (total and sum(count for _, count in items) != total):
            return []
        grants = []
        for who, count in items:
            name, role = rows.person_cell(who)
            recipient, group = self._item_party(name, sentence)
            grant = dict(template, number=count, review=[], recipient=recipient or name)
            grant["role"] = role or group or (None if recipient or name else template["role"])
            grants.append(grant)
        return grants

    def _item_party(self, name: str | None, sentence: str) -> tuple[str | None, str | None]:
        """A group item ("two consultants", "employees"): the group and its role."""
        if not name or name[0].isupper():
            return None, None
        group = _COUNT_WORD.sub("", name)
        return group, parties.group_role(group)

    # --- labelled lines ------------------------------------------------------------------

    def labelled(self, text: str) -> bool:
        """A notice's labelled lines ("Number issued: 310,000 performance rights", "Date of
        issue: 14 August 2025") give the number of the grant an opening sentence named without
        one ("gives notice of the issue of performance rights to its CEO, A"), and its date."""
        if ":" not in text:
            return False  # a label ends in a colon (rows are joined with one)
        pending = self.table["template"] if self.table and self.table["header"] is None else None
        found = _LABELLED_NUMBER.search(text)
        if pending is not None and found:
            grant = dict(pending, number=gm.number(found.group(1)), review=[])
            self.table = None
            self._forget(pending)
            self._remember([grant])
        elif not (self.latest and _LABELLED_DATE.search(text)):
            return False
        day = forms.issue_dates(text, self.release_date)
        for grant in self.latest if day else []:
            grant["grant_date"] = grant["grant_date"] or day[0]
        return True

    # --- one cell per paragraph ---------------------------------------------------------

    def hold_cell(self, block: Block) -> bool:
        """HTML renders a one-cell-per-line table ("Director", "Number of Options", ...,
        "Fiona Laidlaw (Chair)", "6,250,000") as short paragraphs: hold a run of them, and when
        it ends read it as rows if it is a table, else as the paragraphs it was."""
        if self.replaying:
            return False
        text = block.text.strip()
        short = len(text) <= _CELL_MAX and (not _CELL.search(text) or tables.is_number(text))
        if self.form is None and block.row is None and not block.table and not block.heading:
            if text and short:
                self.cells.append(text)
                return True
        self.end_cells()
        return False

    def end_cells(self) -> None:
        """Read the held run of short paragraphs: as table rows, or one by one."""
        cells, self.cells = self.cells, []
        if not cells:
            return
        plain = [_NOTED_NUMBER.sub(r"\1", cell) for cell in cells]
        found = tables.cell_per_line_rows(plain) if len(cells) >= 4 else None
        self.replaying = True
        try:
            if found:
                for row in found:
                    self.read_block(Block("", False, tuple(row)))
            else:
                for text in cells:
                    self.read_block(Block(text))
        finally:
            self.replaying = False

    # --- ASX issue forms --------------------------------------------------------------

    def _read_form_block(self, block: Block) -> bool:
        """Collect a form's paragraphs (its questions laid out like a table too); a holder
        table (Name of KMP | Number of +securities) ends the form and is read as rows."""
        if self.form is None:
            self._close_section(block.text)
            self.form, self.form_table, self.form_header = [], None, None
            self.form_text_rows = False
        if block.row is None:
            self.form.append(block.text)  # a form's questions are never read as sentences
            self.form_table = self.form_header = None
            self.form_text_rows = block.table  # a text table's own lines hold its rows' text
            return True
        if self.form_table is None:
            self.form_table = rows.is_grant_table(block.row)
        if not self.form_table:
            if block.row is not self.last_row and not self.form_text_rows:  # a row: its text
                self.last_row = block.row
                self.form.append(self._form_row_text(block.row))
            return True
        self.end_form()
        return False

    def _form_row_text(self, row: tuple[str, ...]) -> str:
        """A form row as text: "Question | Answer" rows as they read; under a header of labels
        ("+Security description | Number of +securities issued") each cell after its label."""
        header = self.form_header
        if header is None:
            self.form_header = row
        if header is None or len(header) != len(row) or "question" in " ".join(header).lower():
            return " ".join(cell for cell in row if cell)
        return "\n".join(f"{label}: {cell}" for label, cell in zip(header, row) if cell)

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
        grant = same[0] if same else slots.new_grant(
            gm.Mention(0, 0, found["security"], found["number"]), None, None, line
        )
        slots.apply(grant, {key: found.get(key) for key in slots.SLOTS})
        if same:
            self.latest = [grant]
            return
        # "Options issued to directors ...: Mr A (Managing Director) 1,500,000; Mr B ..." inside
        # the form: the people the form's number is made of
        listed = next(
            (found_items for paragraph in text.splitlines()
             if (found_items := self.listed_grants(paragraph, grant, grant["number"]))),
            [],
        )
        self._remember(listed or [grant])

    # --- tables -----------------------------------------------------------------------

    def _open_table(self, sentence: str) -> bool:
        """A grant sentence with no number ("granted options to the following directors:",
        "announces the grant of share options to senior staff") takes its numbers from the
        table (or the numbered sentences) after it; until then later sentences fill its
        terms, which every row shares."""
        if (
            not cues.GRANT_VERB.search(sentence)
            or cues.is_planned(sentence)
            or cues.NOT_AN_AWARD.search(sentence)
            or sentence_mentions(sentence)
        ):
            return False
        if cues.REFERENCE.match(sentence) or cues.PRONOUN.match(sentence):
            return False  # "The options granted to ... vest": a sentence about an open frame
        noun = re.search(rf"(?i)\b(?P<noun>{gm.NOUN})\b", sentence)
        if not noun:
            return False
        security = gm.noun_kind(noun.group("noun")) or "option"
        # "the grant of options to Ms Kira Obi": known, so a later "Ms Obi" is her
        self.names.extend(n for n in parties.person_names(sentence) if n not in self.names)
        attributes = slots.attributes(sentence, self.release_date, self.dollar)
        pending = self.table["template"] if self.table and self.table["header"] is None else None
        if pending and pending["security"] == security:
            slots.apply(pending, attributes)  # "Details of the options granted are set out below:"
            return True
        if self.by_security.get(security) and not cues.TABLE_OPENER.search(sentence):
            return False
        shared = gm.Mention(noun.start(), noun.end(), security, 0)
        found = recipients_of.recipients(sentence, shared, 0, len(sentence), self.names)
        recipient, role = found[0]
        template = slots.new_grant(gm.Mention(0, 0, security, 0), recipient, role, sentence)
        slots.apply(template, attributes)
        listed = self.listed_grants(sentence, template, None)
        if listed:  # "Options issued to directors ...: Mr A (Managing Director) 1,500,000; ..."
            self._remember(listed)
            return True
        self.table = slots.table(template, sentence, aggregate=None)
        self.by_security[security] = [template]  # later sentences fill the shared terms
        self.latest = [template]
        return True

    def _read_row(self, row: tuple[str, ...]) -> None:
        if self._form_row(row) or self.labelled(": ".join(cell for cell in row if cell)):
            return
        if self.table is None:
            self.table = self._table_after_event(row)
            if self.table is None:
                return
        if self.table["header"] is None:
            template = self.table["template"]
            if rows.is_grant_table(row, bool(template["recipient"] or template["role"])):
                self.table["header"] = row
            elif len(row) > 2 or self.by_security.get(template["security"]) != [template]:
                self.table = None  # a two-cell row ("Label | Answer") keeps the notice waiting
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
            blank = slots.new_grant(gm.Mention(0, 0, "option", 0), None, None, "")
            return slots.table(blank, "", None)
        if self.negative_lead or not rows.is_grant_table(header):
            return None
        if not self.latest and self.grant_heading:  # "Grant of performance share awards" + table
            noun = re.search(rf"(?i)\b(?P<noun>{gm.NOUN})\b", self.heading)
            security = (gm.noun_kind(noun.group("noun")) if noun else None) or "option"
            blank = slots.new_grant(gm.Mention(0, 0, security, 0), None, None, "")
            return slots.table(blank, "", None)
        if not self.latest:
            return None
        source = self.latest[0]
        aggregate = source if len(self.latest) == 1 else None
        return slots.table(dict(source, review=[]), source["sentence"], aggregate)

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
            if not cues.LIST_LEAD.search(earlier["sentence"]):
                continue
            parts = [
                g for g in self.section[index + 1 :] + grants
                if g["security"] == earlier["security"]
            ]
            if len(parts) > 1 and sum(g["number"] for g in parts) == earlier["number"]:
                self._forget(earlier)
                for grant in parts:
                    slots.apply(grant, {key: earlier[key] for key in slots.SLOTS})
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
                and cues.AGGREGATE.search(earlier["sentence"])
            ):
                self._forget(earlier)
                for grant in grants:
                    slots.apply(grant, {key: earlier[key] for key in slots.SLOTS})
                return

