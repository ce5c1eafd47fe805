"""What a release is about: one writer per topic, each writing the lead and headline phrase.

Split from the other sections because the topic mix is where sectors differ.
"""

from __future__ import annotations

from dateline_corpus import words
from dateline_corpus.draft import Draft, _drill_highlights, _geography, _geology, _lead
from dateline_corpus.model import _count, _sentence_case, title_case


def _topic_operations(draft: Draft) -> str:
    issuer = draft.issuer
    work = draft.pick(
        (
            "optimization of milling operations",
            "expansion of the processing plant",
            "upgrade of the crushing circuit",
            "installation of the new flotation cells",
            "refurbishment of the tailings facility",
        )
    )
    _lead(
        draft,
        f"it has completed the {work} at its {issuer.project} Project",
        f"The work was carried out by {draft.lex.word('proper')} {draft.pick(words.CONTRACTORS)}"
        " on schedule and within budget.",
        event="completion",
    )
    draft.para(
        _geography(draft),
        f"Throughput at the plant averaged"
        f" {_count(draft.rng.randint(4, 60) * 100)} tonnes per day during the period.",
    )
    draft.tag("operations", draft.pick(("production", "commissioning", "construction")))
    return f"Announces Completion of the {title_case(work)} at {issuer.project}"


def _topic_exploration(draft: Draft) -> str:
    issuer = draft.issuer
    if issuer.sector == "energy":
        well = f"{draft.lex.word('place')} {draft.rng.randint(1, 16)}-{draft.rng.randint(1, 36)}"
        _lead(
            draft,
            f"drilling of the {well} well on its {issuer.project} acreage has reached"
            f" total depth of {_count(draft.rng.randint(15, 48) * 100)} metres",
            event="drilling",
        )
        draft.para(
            f"The well targets the {draft.lex.word('proper')} and {draft.lex.word('proper')}"
            f" formations, with {draft.lex.word('term')} sands logged over"
            f" {draft.rng.randint(5, 60)} metres.",
            _geography(draft),
        )
        draft.tag("exploration", "drilling")
        return f"Reaches Total Depth at the {well} Well"
    metres = _count(draft.rng.randint(10, 300) * 100)
    _lead(
        draft,
        f"results have been received from its {metres}-metre drill program at the"
        f" {issuer.project} Project in {issuer.project_region}",
    )
    _drill_highlights(draft)
    draft.para(*_geology(draft))
    draft.para(_geography(draft))
    draft.tag("exploration", "drilling")
    return f"Reports Drill Results from the {issuer.project} Project"


def _topic_financing(draft: Draft) -> str:
    rng = draft.rng
    millions = round(rng.uniform(0.5, 60.0), 1)
    price, _ = draft.money(round(rng.uniform(0.05, 4.0), 2), per_share=True)
    size, _ = draft.money(millions, stated=draft.currency != "GBP" and draft.chance(0.7))
    size = size.replace(".00", "") + " million"
    kind = draft.pick(
        (
            "non-brokered private placement",
            "brokered private placement",
            "bought deal financing",
            "placing",
        )
    )
    _lead(
        draft,
        f"it has closed its {kind} for gross proceeds of {size}",
        f"The offering consisted of {_count(rng.randint(2, 80) * 250_000)} common shares at a"
        f" price of {price} per share.",
        event="financing",
    )
    draft.para(
        f"Net proceeds will be used to advance the {draft.issuer.project} Project and for"
        " general working capital purposes.",
        f"{draft.lex.word('proper')} Capital acted as lead agent, and"
        f" {draft.lex.word('proper')} Securities and {draft.lex.word('proper')} Partners"
        " joined the syndicate.",
        "The securities issued are subject to a hold period of four months and one day.",
    )
    draft.tag("financing", "private-placement")
    return f"Closes {size} {title_case(kind)}"


def _topic_results(draft: Draft) -> str:
    rng = draft.rng
    quarter = rng.randint(1, 4)
    year = draft.day.year if quarter < 4 else draft.day.year - 1
    revenue, _ = draft.money(round(rng.uniform(0.5, 400.0), 1), stated=False)
    _lead(
        draft,
        f"it has filed its financial statements and management's discussion and"
        f" analysis for the {words.ORDINALS[quarter]} quarter of {year}",
        f"Revenue for the quarter was {revenue} million, and cash on hand at quarter end was"
        f" sufficient to fund planned work.",
    )
    draft.para(
        f"Costs reflected higher {draft.lex.word('term')} consumables and"
        f" {draft.lex.word('term')} maintenance at the {draft.issuer.project} site,"
        f" partly offset by lower {draft.lex.word('mineral')} reagent prices.",
        "All amounts are unaudited.",
    )
    draft.tag("financial-results", draft.pick(("guidance", "corporate")))
    return f"Reports {words.ORDINALS[quarter].title()} Quarter {year} Results"


def _topic_corporate(draft: Draft) -> str:
    person = draft.lex.person()
    role = draft.pick(words.OFFICER_TITLES)
    former = draft.lex.word("proper")
    _lead(
        draft,
        f"{person} has been appointed {role}, effective immediately",
        f"{person.split()[0]} brings more than {draft.rng.randint(10, 30)} years of experience,"
        f" most recently with {former} {draft.pick(('Resources', 'Capital', 'Group', 'Labs'))}"
        f" in {draft.lex.word('place')}.",
    )
    draft.para(f"The Company thanks {draft.lex.person()} for many years of service.")
    draft.tag("corporate", "management", *(("board",) if draft.chance(0.3) else ()))
    return f"Appoints {person} as {role}"


def _topic_permitting(draft: Draft) -> str:
    issuer = draft.issuer
    _lead(
        draft,
        f"it has received the environmental permit for the {issuer.project} Project"
        f" from the regional authority in {issuer.project_region}",
        event="permit",
    )
    draft.para(
        _geography(draft),
        f"The permit follows consultation with the"
        f" {draft.lex.word('proper')} community and the municipality of"
        f" {draft.lex.word('place')}.",
    )
    draft.tag("permitting", "esg")
    return f"Receives Environmental Permit for the {issuer.project} Project"


def _topic_study(draft: Draft) -> str:
    issuer = draft.issuer
    npv, _ = draft.money(round(draft.rng.uniform(20, 900)), stated=True)
    _lead(
        draft,
        f"it has filed a technical report on the {issuer.project} Project",
        f"The study estimates an after-tax net present value of {npv} million at a"
        f" {draft.rng.choice((5, 8, 10))}% discount rate.",
        event="other",
    )
    draft.para(*_geology(draft))
    draft.tag("feasibility-study", "resource-estimate")
    return f"Files Technical Report for the {issuer.project} Project"


def _topic_acquisition(draft: Draft) -> str:
    place = draft.lex.word("place")
    vendor = f"{draft.lex.word('proper')} {draft.pick(('Mining', 'Holdings', 'Ventures'))}"
    _lead(
        draft,
        f"it has completed the acquisition of the {place} property from {vendor}",
        f"The property adjoins the {draft.issuer.project} Project to the"
        f" {draft.pick(words.DIRECTIONS)}.",
        event="acquisition",
    )
    draft.para(*_geology(draft))
    draft.tag("acquisition")
    return f"Completes Acquisition of the {place} Property"


def _topic_clinical(draft: Draft) -> str:
    drug, lex = draft.issuer.project, draft.lex
    phase = draft.pick(("Phase 1", "Phase 1b", "Phase 2", "Phase 2a", "Phase 3"))
    indication = f"{lex.word('term')} {lex.word('proper')} syndrome"
    _lead(
        draft,
        f"it has opened enrolment in its {phase} trial of {drug} in patients with" f" {indication}",
    )
    draft.para(
        f"{_sentence_case(drug)} is an oral, selective inhibitor of {lex.word('proper')}"
        f" kinase that reduced {lex.word('term')} {lex.word('term')} signalling in"
        " preclinical models.",
        f"The trial is being conducted at {draft.rng.randint(4, 40)} sites in"
        f" {lex.word('place')}, {lex.word('place')} and {lex.word('place')}, led by"
        f" Dr. {lex.person()} of the {lex.word('place')} Institute.",
    )
    draft.tag("clinical-trials", "regulatory")
    return f"Opens Enrolment in {phase} Trial of {drug.capitalize()}"


def _topic_regulatory(draft: Draft) -> str:
    drug = draft.issuer.project
    _lead(
        draft,
        f"it has received clearance for its application to begin clinical testing" f" of {drug}",
        event="permit",
    )
    draft.para(
        f"The application included data from {draft.lex.word('term')}"
        f" {draft.lex.word('term')} studies conducted with {draft.lex.word('proper')}"
        " Laboratories."
    )
    draft.tag("regulatory")
    return f"Receives Clearance to Begin Clinical Testing of {drug.capitalize()}"


def _topic_partnership(draft: Draft) -> str:
    partner = (
        f"{draft.lex.word('proper')} {draft.pick(('Health', 'Logistics', 'Systems', 'Pharma'))}"
    )
    _lead(
        draft,
        f"it has signed a licence and distribution agreement with {partner} for"
        f" {draft.issuer.project}",
        event="agreement",
    )
    draft.para(
        f"{partner} serves customers in {draft.lex.word('place')} and"
        f" {draft.lex.word('place')} through its {draft.lex.word('term')} network."
    )
    draft.tag("partnerships")
    return f"Signs Agreement with {partner}"


def _topic_product(draft: Draft) -> str:
    product, lex = draft.issuer.project, draft.lex
    version = f"{draft.rng.randint(2, 9)}.0"
    _lead(draft, f"version {version} of its {product} platform is now generally available")
    draft.para(
        f"{product} {version} adds {lex.word('term')} analytics,"
        f" {lex.word('term')} edge processing and support for {lex.word('product')}"
        f" sensors, and is in use at {lex.word('place')} Health and"
        f" {lex.word('proper')} Municipal Power."
    )
    draft.tag("product-launch")
    return f"Launches {product} {version}"


def _topic_grant(draft: Draft) -> str:
    _lead(
        draft,
        "its board of directors has approved the grant of equity incentive awards"
        " under its omnibus incentive plan",
    )
    draft.tag("stock-options")
    return draft.pick(
        (
            "Announces Grant of Stock Options",
            "Grants Incentive Stock Options",
            "Announces Grant of Options and Share Units",
        )
    )


TOPICS = {
    "operations": _topic_operations,
    "exploration": _topic_exploration,
    "financing": _topic_financing,
    "results": _topic_results,
    "corporate": _topic_corporate,
    "permitting": _topic_permitting,
    "study": _topic_study,
    "acquisition": _topic_acquisition,
    "clinical": _topic_clinical,
    "regulatory": _topic_regulatory,
    "partnership": _topic_partnership,
    "product": _topic_product,
    "grant": _topic_grant,
}
