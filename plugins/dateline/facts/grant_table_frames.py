"""Grant frames over tables and forms: rows after a grant sentence, PDMR and ASX forms.

A mixin of `grant_frame.FrameReader`: it shares the reader's state (the section,
the open table, the grants by security) and adds the rows a table gives, replacing
an aggregate or a listed total once its parts add up to it.
"""

from __future__ import annotations

import re

from dateline.facts import asx_forms as forms
from dateline.facts import grant_cues as cues
from dateline.facts import grant_mentions as gm
from dateline.facts import grant_rows as rows
from dateline.facts import grant_slots as slots
from dateline.facts import grant_terms as terms
from dateline.facts import tables
from dateline.facts.sentences import Block


class TableFrames:
    """The table, list and form half of the frame reader."""

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
        grant = same[0] if same else slots.new_grant(
            gm.Mention(0, 0, found["security"], found["number"]), None, None, line
        )
        slots.apply(grant, {key: found.get(key) for key in slots.SLOTS})
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
        if (
            not cues.GRANT_VERB.search(sentence)
            or cues.FUTURE.search(sentence)
            or gm.mentions(sentence)
        ):
            return False
        if cues.REFERENCE.match(sentence) or cues.PRONOUN.match(sentence):
            return False  # "The options granted to ... vest": a sentence about an open frame
        noun = re.search(rf"(?i)\b(?P<noun>{gm.NOUN})\b", sentence)
        if not noun:
            return False
        security = gm.noun_kind(noun.group("noun")) or "option"
        attributes = slots.attributes(sentence, self.release_date, self.dollar)
        pending = self.table["template"] if self.table and self.table["header"] is None else None
        if pending and pending["security"] == security:
            slots.apply(pending, attributes)  # "Details of the options granted are set out below:"
            return True
        if self.by_security.get(security) and not cues.TABLE_OPENER.search(sentence):
            return False
        shared = gm.Mention(noun.start(), noun.end(), security, 0)
        recipient, role = gm.recipients(sentence, shared, 0, len(sentence), self.names)[0]
        template = slots.new_grant(gm.Mention(0, 0, security, 0), recipient, role, sentence)
        slots.apply(template, attributes)
        self.table = slots.table(template, sentence, aggregate=None)
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

