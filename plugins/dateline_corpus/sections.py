"""The rest of a release: background, investor relations, quote, outlook, about, contacts
and the closing legal text.
"""

from __future__ import annotations

from dateline_corpus import words
from dateline_corpus.draft import Draft, _geography, _geology
from dateline_corpus.model import FLS_HEADING, TICKER_MARK, TSXV_LEGEND, _sentence_case, month_text

# --- background, quote, about, contacts, legal text --------------------------------------


def _add_background(draft: Draft) -> None:
    """Sector colour: where the asset is, what it is made of, who works on it."""
    lex, issuer = draft.lex, draft.issuer
    if issuer.sector in ("mining", "energy"):
        draft.para(*_geology(draft)[: draft.rng.randint(1, 3)])
        draft.para(
            _geography(draft),
            f"Field crews based in {lex.word('place')} completed"
            f" {lex.word('term')} mapping of the {lex.word('proper')} and"
            f" {lex.word('proper')} areas and {lex.word('term')} sampling along the"
            f" {lex.word('proper')} River.",
        )
    elif issuer.sector == "biotech":
        draft.para(
            f"{_sentence_case(issuer.project)} is designed to block {lex.word('term')}"
            f" signalling through the {lex.word('proper')} receptor, which is"
            f" overexpressed in {lex.word('term')} {lex.word('proper')} disease and in"
            f" {lex.word('term')} forms of {lex.word('proper')} syndrome.",
            f"A second program, {lex.word('drug')}, is in {lex.word('term')} studies with"
            f" collaborators at the {lex.word('place')} Medical Centre.",
        )
    else:
        draft.para(
            f"{issuer.project} is used by {lex.word('term')} operators in"
            f" {lex.word('place')} and {lex.word('place')} to monitor"
            f" {lex.word('term')} equipment, and integrates with {lex.word('product')} and"
            f" {lex.word('product')} systems from {lex.word('proper')} Industries."
        )
    if draft.chance(0.5):
        draft.para(
            f"The Company has also engaged {lex.person()} of {lex.word('proper')}"
            f" Advisory to lead {lex.word('term')} community engagement with the"
            f" {lex.word('proper')} Nation and the town of {lex.word('place')}."
        )


def _add_investor_relations(draft: Draft) -> None:
    """The IR-engagement paragraph common in venture releases."""
    lex = draft.lex
    fee, _ = draft.money(draft.rng.choice((2500, 4000, 5000, 7500, 10000)), stated=False)
    firm = (
        f"{lex.word('proper')} {draft.pick(('Communications', 'Capital Markets', 'Media', 'IR'))}"
    )
    engagement = (
        f"The Company has engaged {firm} of {lex.word('place')} to provide investor"
        f" relations and market awareness services for an initial term of"
        f" {draft.pick(('six', 'twelve'))} months at a fee of {fee} per month."
    )
    arms_length = (
        f"{firm} and its principals are at arm's length to the Company and have no"
        " present interest, directly or indirectly, in its securities."
    )
    draft.mean("non-milestone", engagement, arms_length)
    draft.para(
        engagement,
        arms_length,
        f"The engagement will focus on {lex.word('term')} outreach to investors in"
        f" {lex.word('place')} and {lex.word('place')}.",
    )


def _add_outlook(draft: Draft) -> None:
    """A closing outlook paragraph with a non-committal partner mention."""
    lex = draft.lex
    outlook = (
        f"Looking ahead, the Company remains focused on {lex.word('term')} execution,"
        f" {lex.word('term')} cost control and the {lex.word('proper')} program, and"
        " will provide further updates as work progresses."
    )
    discussions = (  # "no agreement has been reached" is not an agreement
        f"Discussions with {lex.word('proper')}"
        f" {draft.pick(('Capital', 'Metals', 'Energy', 'Partners'))}"
        " regarding potential collaboration are ongoing, and no agreement has been reached."
    )
    draft.non_milestones.append(discussions)
    draft.mean("non-milestone", discussions)
    draft.para(outlook, discussions)


def _add_quote(draft: Draft) -> None:
    """The CEO quote every release has; no dates, so no stray milestones."""
    issuer, lex = draft.issuer, draft.lex
    said = draft.pick(("commented", "said", "stated"))
    body = draft.pick(
        (
            f"This is an important step for {issuer.short} and for our shareholders, and it"
            " reflects"
            f" the hard work of the {issuer.project} team.",
            f"We are excited about what this means for the {issuer.project} Project and look"
            " forward"
            " to updating investors as the work progresses.",
            f"Our {lex.word('term')} approach continues to pay off, and the team in"
            f" {lex.word('place')} has done an outstanding job.",
            "We remain disciplined on costs and focused on creating long-term value for"
            " shareholders.",
        )
    )
    draft.para(f'{issuer.ceo}, Chief Executive Officer of {issuer.short}, {said}, "{body}"')


def _add_qualified_person(draft: Draft) -> None:
    """The qualified-person paragraph of mining releases, in the home market's terms."""
    person = draft.lex.person()
    if draft.issuer.country in ("Australia", "United Kingdom"):
        draft.para(
            f"The information in this announcement that relates to exploration results is"
            f" based on information compiled by {person}, a Competent Person who is a member"
            " of the Australasian Institute of Mining and Metallurgy, as defined in the 2012"
            " Edition of the JORC Code."
        )
        return
    draft.para(
        f"The scientific and technical information in this news release has been reviewed"
        f" and approved by {person}, P.Geo., {draft.pick(words.QP_ROLES)},"
        " who is a Qualified Person as defined by National Instrument 43-101."
    )


def _add_about(draft: Draft) -> None:
    """The "About <Issuer>" boilerplate, with history dates extraction must skip."""
    issuer = draft.issuer
    heading = f"About {issuer.short if draft.chance(0.5) else issuer.name}"
    draft.blocks.append(("heading", heading))
    what = {
        "mining": f"the exploration and development of {issuer.commodity} projects",
        "energy": "the development of energy projects",
        "biotech": "the development of small-molecule medicines",
        "tech": "software and hardware for industrial operations",
    }[issuer.sector]
    sentences = [
        f"{issuer.name} ({TICKER_MARK}) is a {issuer.city}, {issuer.region}-based company"
        f" focused on {what}.",
        f"Its principal asset is the {issuer.project} Project in {issuer.project_region}."
        if issuer.sector in ("mining", "energy")
        else f"Its lead program is {issuer.project}.",
    ]
    if issuer.acquired < draft.day and issuer.sector in ("mining", "energy"):
        sentences.append(
            f"The {issuer.project} Project was acquired by {issuer.short} in"
            f" {month_text(issuer.acquired)}."
        )
    if issuer.founded < draft.day.year:
        sentences.append(f"The Company was founded in {issuer.founded}.")
    sentences.append(f"More information is available at www.{issuer.domain}.")
    draft.blocks.append(("about", " ".join(sentences)))


def _add_contacts(draft: Draft) -> None:
    """The contact block, matching the issuer.yaml contact."""
    contact = draft.issuer.contact
    intro = draft.pick(
        (
            "For further information please contact:",
            "For further information, please contact:",
            "For more information:",
            "Contact:",
        )
    )
    lines = [
        intro,
        f"{contact.name}, {contact.title}",
        f"Telephone: {contact.phone}",
        f"Email: {contact.email}",
    ]
    if draft.chance(0.3):
        lines[2:2] = [f"{draft.issuer.ceo}, Chief Executive Officer"]
    draft.blocks.append(("contact", "\n".join(lines)))


def _add_closing_legal(draft: Draft) -> None:
    """TSXV legend and forward-looking section, in either order."""
    tsxv = any(ticker.exchange == "TSXV" for ticker in draft.issuer.tickers)
    legend_first = draft.chance(0.7)
    if tsxv and legend_first and draft.chance(0.9):
        draft.blocks.append(("legend-bottom", TSXV_LEGEND))
    if draft.chance(0.82):
        draft.blocks.append(("heading", FLS_HEADING))
        for paragraph in _fls_paragraphs(draft):
            draft.blocks.append(("disclaimer", paragraph))
        draft.has_fls = True
    if tsxv and not legend_first and draft.chance(0.9):
        draft.blocks.append(("legend-bottom", TSXV_LEGEND))


def _fls_paragraphs(draft: Draft) -> list[str]:
    """The release's own forward-looking wording: US safe harbor or Canadian style."""
    issuer = draft.issuer
    bank = words.FLS_US if issuer.country == "United States" else words.FLS_CANADA
    count = draft.rng.randint(3, len(bank))
    chosen = list(bank[:1]) + sorted(draft.rng.sample(bank[1:], count - 1), key=bank.index)
    laws = words.LAWS.get(issuer.country, "applicable securities laws")
    return [
        text.format(
            short=issuer.short,
            project=issuer.project,
            laws=laws,
            commodity=issuer.commodity if issuer.sector == "mining" else "inputs",
        )
        for text in chosen
    ]
