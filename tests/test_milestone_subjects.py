"""Whose news a sentence tells (facts/milestone_subjects.py): the issuer's, or another company's."""

import datetime

from dateline.facts.milestone_subjects import issuer_words, other_company
from dateline.facts.milestones import extract_milestones

LEAD = "Tamarind Metals Corp. (TSXV: TMD) received its Mines Act permit on March 3, 2009."


def test_the_issuer_is_the_company_named_with_its_ticker():
    lead = "Under an agreement with Bigco Industries Inc., Smallco Gold Ltd. (TSXV: SML) has begun."
    assert issuer_words(None, [lead]) == {"smallco"}
    assert issuer_words("Harrow Mines Receives Certificate", ["Harrow Mines Ltd. (TSX: HMX) has"]) \
        == {"harrow", "mines"}


def test_another_company_opening_the_sentence_is_not_the_issuer():
    issuer = issuer_words(None, [LEAD])
    assert other_company("Separately, Fenwick Coal Corp., a private company, has also received "
                         "approval to extract a bulk sample.", issuer)
    assert not other_company("Tamarind Metals Corp. has also received a water licence.", issuer)
    assert not other_company("The Company has also received a water licence.", issuer)


def test_a_subsidiary_partner_or_contractor_is_the_issuers_news():
    issuer = issuer_words(None, [LEAD])
    assert not other_company("Kuma Drilling Ltd., a wholly owned subsidiary, began drilling.",
                             issuer)
    assert not other_company("Boart Drilling Inc. commenced drilling for the Company on May 2.",
                             issuer)
    assert not other_company("Boreal Energy Ltd., the operator, has spudded the well.", issuer)


def test_extraction_leaves_out_another_companys_event():
    found = extract_milestones(
        [LEAD, "Meanwhile, Wrenfield Resources Ltd. has also received a drilling permit."],
        release_date=datetime.date(2009, 3, 10))
    assert [m["sentence"] for m in found] == [LEAD]
