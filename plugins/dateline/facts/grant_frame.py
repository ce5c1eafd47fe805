"""The grant frame reader: an event opens a frame and later sentences of its section fill it.

See `grants` for the model. The reading of tables, PDMR forms and ASX forms inside a
frame is `grant_table_frames`; the cues are `grant_cues`, the slots `grant_slots`.
"""

from __future__ import annotations

import datetime
import re

from dateline.facts import asx_forms as forms
from dateline.facts import grant_cues as cues
from dateline.facts import grant_mentions as gm
from dateline.facts import grant_parties as parties
from dateline.facts import grant_recipients as recipients_of
from dateline.facts import grant_slots as slots
from dateline.facts.grant_table_frames import TableFrames, sentence_mentions
from dateline.facts.sentences import Block, looks_like_heading, split_sentences


class FrameReader(TableFrames):
    """Walk the blocks of a body, keeping the open frame so later sentences fill it."""

    def __init__(self, release_date: datetime.date | None, exchanges: list[str]):
        self.release_date = release_date
        self.dollar = slots.dollar_currency(exchanges)
        self.grants: list[dict] = []
        self.names: list[str] = []
        self.form: list[str] | None = None  # the paragraphs of an ASX Appendix 3G/3B form
        self.cells: list[str] = []  # short paragraphs that may be a one-cell-per-line table
        self.replaying = False
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
            heading
            and cues.GRANT_HEADING.search(heading)
            and not cues.NOT_GRANT_HEADING.search(heading)
        )
        self.negative_lead = False  # the last sentence about securities was not news
        self.negative_list = False  # it ended in a colon: the next paragraph is its list
        self.lead_sentence = None  # a grant sentence with no number, for whom it names

    def _party_named(self, sentence: str) -> tuple[str | None, str | None]:
        """(recipient, role) of a grant sentence with no number ("granted inducement awards to
        four new employees"), for the numbers the next sentence gives."""
        noun = re.search(r"(?i)\b(?:awards?|grants?|options?|units|rights)\b", sentence)
        if not noun:
            return None, None
        shared = gm.Mention(noun.start(), noun.end(), "option", 0)
        return recipients_of.recipients(sentence, shared, 0, len(sentence), self.names)[0]

    def read_block(self, block: Block) -> None:
        if self.hold_cell(block):
            return
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
        if self.labelled(sentence):
            return  # "Number issued: 310,000 performance rights" after an opening sentence
        if cues.ALL_GRANTS.match(sentence) and self.section:
            self._fill(self.section, sentence)  # "All grants are subject to ... approval."
            return
        named = any(word in lowered for word in cues.SECURITY_WORDS)
        if not cues.PRONOUN.match(sentence) and not named:
            if "securities" in lowered and cues.NEGATIVE.search(sentence):
                self.negative_list = sentence.rstrip().endswith(":")  # "... remain outstanding:"
            return
        if cues.NEGATIVE.search(cues.unreplaced(sentence)):
            self.negative_lead = True  # a table after "have surrendered ... as set out below:"
            self.negative_list = sentence.rstrip().endswith(":")  # "... remain outstanding:"
            return
        if not (self.by_security or self.grant_heading or cues.GRANT_VERB.search(sentence)):
            return  # no grant wording and no open frame to fill: nothing to read
        self.negative_lead = False
        if self._open_table(sentence) or self._event(sentence):
            return
        if cues.SAME_TERMS.search(sentence):
            self._inherit(self.latest, slots.SLOTS)
        for clause, targets in self._clauses(sentence):
            self._fill(targets, clause)

    # --- events ---------------------------------------------------------------------

    def _event(self, sentence: str) -> bool:
        """Open a frame when the sentence announces grants; False when it does not."""
        if (
            not self._is_grant_wording(sentence)
            or cues.is_planned(sentence)
            or cues.RECAP.search(sentence)
            or cues.NOT_AN_AWARD.search(sentence)
            or cues.is_background(sentence, self.release_date)
        ):
            return False
        pending = self.table["template"] if self.table and self.table["header"] is None else None
        default = pending["security"] if pending else None
        mentions = [m for m in sentence_mentions(sentence, default) if gm.is_award(sentence, m)]
        if not mentions:
            self.lead_sentence = sentence  # read only if the next sentence needs its party
            return False
        if self._restates(sentence, mentions):
            return False
        self.names.extend(n for n in parties.person_names(sentence) if n not in self.names)
        grants = self._grants_of(sentence, mentions)
        lead, self.lead_sentence = self.lead_sentence, None
        if lead and (cues.REFERENCE.match(sentence) or cues.PRONOUN.match(sentence)):
            party = self._party_named(lead)
            for grant in grants:  # "granted inducement awards to four new employees. The
                if not (grant["recipient"] or grant["role"]):  # awards consist of ..."
                    grant["recipient"], grant["role"] = party
        listed = self.listed_grants(sentence, grants[0], mentions[0].number)
        grants = listed or grants  # "options over N shares as follows: A to X; B to Y; ..."
        slots.distribute(grants, sentence, mentions, self.release_date, self.dollar)
        if pending:  # "awards were made ... in the form of nil-cost options. An Award ... over N"
            for grant in grants:
                slots.apply(grant, {key: pending[key] for key in slots.SLOTS})
                if not (grant["recipient"] or grant["role"]):  # "... to four new employees."
                    grant["recipient"], grant["role"] = pending["recipient"], pending["role"]
            self.table = None
        if cues.SAME_TERMS.search(sentence):
            self._inherit(grants, slots.SLOTS)
        elif cues.SAME_DATE.search(sentence):
            self._inherit(grants, ("grant_date",))
        self._remember(grants)
        return True

    def _inherit(self, grants: list[dict], keys) -> None:
        """Fill the grants' empty slots from the section's earlier grant of the same security."""
        for grant in grants:
            source = next(
                (g for g in reversed(self.section)
                 if g["security"] == grant["security"] and g not in grants and g is not grant),
                None,
            )
            if source:
                slots.apply(grant, {key: source[key] for key in keys})

    def _is_grant_wording(self, sentence: str) -> bool:
        return bool(
            cues.GRANT_VERB.search(sentence)
            or (self.grant_heading and cues.WEAK_VERB.search(sentence))
        )

    def _restates(self, sentence: str, mentions: list[gm.Mention]) -> bool:
        """A sentence about grants already in the frame (their vesting, their numbers)."""
        known = {
            (g["security"], g["number"]) for grants in self.by_security.values() for g in grants
        }
        if all((m.security, m.number) in known for m in mentions):
            return True
        fresh = cues.FRESH_GRANT.search(sentence[: mentions[0].start])
        if fresh and not cues.REFERENCE.match(sentence):
            return False  # "It also granted 100,000 options ..., vesting ...": a new grant
        return bool(re.search(r"(?i)\bvest", sentence)) and all(
            m.security in self.by_security and not re.match(r"(?i)\s+to\s+[A-Z]", sentence[m.end :])
            for m in mentions
        )

    def _grants_of(self, sentence: str, mentions: list[gm.Mention]) -> list[dict]:
        people = recipients_of.respectively_people(sentence, mentions, self.names)
        grants = []
        for index, mention in enumerate(mentions):
            start = mentions[index - 1].end if index else 0
            end = mentions[index + 1].start if index + 1 < len(mentions) else len(sentence)
            pairs = (
                [people[index]]
                if people
                else recipients_of.recipients(sentence, mention, start, end, self.names)
            )
            grants += [
                slots.new_grant(mention, recipient, role, sentence) for recipient, role in pairs
            ]
        recipients_of.share_recipient(grants)
        return grants

    def _remember(self, grants: list[dict]) -> None:
        self._drop_aggregate(grants)
        self._drop_listed_total(grants)
        self.grants.extend(grants)
        self.section.extend(grants)
        self.latest = grants
        for security in {g["security"] for g in grants}:
            self.by_security[security] = [g for g in grants if g["security"] == security]

    def _forget(self, grant: dict) -> None:
        self.grants = [g for g in self.grants if g is not grant]
        self.section = [g for g in self.section if g is not grant]

    # --- filling --------------------------------------------------------------------

    def _clauses(self, sentence: str) -> list[tuple[str, list[dict]]]:
        """(clause, grants it speaks of): "The RSUs vest ... and the PSUs vest ..." is two."""
        references = [
            (m.start(), gm.noun_kind(m.group("noun") or m.group("noun2") or m.group("noun3")))
            for m in cues.REFERENCE.finditer(sentence)
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
        reference = cues.REFERENCE.search(sentence)
        if reference:
            noun = reference.group("noun") or reference.group("noun2") or reference.group("noun3")
            targets = self.by_security.get(gm.noun_kind(noun), [])
        elif cues.PRONOUN.match(sentence):
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
                cache[day] = slots.attributes(
                    sentence, self.release_date, self.dollar, start, follow_up=True
                )
            slots.apply(grant, cache[day], conditions_join=True)

