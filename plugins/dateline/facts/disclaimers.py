"""Disclaimers, legends and the archival notice each release page needs.

A release is a public disclosure, so legal text the release itself carries is
what was published: it is moved out of the body into the standard blocks word
for word, never rewritten and never shown twice. What the release lacks comes
from issuer.yaml. Every top-level element of the body ends up in exactly one
place: the body, a legend block or the disclaimer block.

Front matter `legends:` lists extra legend keys; a key written `-key` (e.g.
`legends: ["-tsxv"]`) turns off a legend the ticker's exchange requires, and
the build warns loudly about it.

The body's blocks are `disclaimer_blocks`, recognising legal text is
`disclaimer_detection`, placing legends and the warnings `disclaimer_legends`.
"""

from __future__ import annotations

import html as htmllib
from datetime import date, datetime

from dateline.content.exchanges import normalise_exchange, parse_ticker
from dateline.content.issuer import NO_DISCLAIMER, REQUIRED_LEGEND_EXCHANGES, Issuer
from dateline.content.text import normalise, plain_text  # noqa: F401  (re-exported)
from dateline.errors import DatelineError, Problem
from dateline.facts import disclaimer_blocks as dblocks
from dateline.facts import disclaimer_detection as detect
from dateline.facts import disclaimer_legends as dlegends
from dateline.facts.disclaimer_blocks import (  # noqa: F401  (re-exported)
    ISSUER,
    RELEASE,
    Attachment,
    LegalBlock,
)
from dateline.facts.disclaimer_legends import REFUSE, split_legend_keys  # noqa: F401

ARCHIVAL_NOTICE = "This release is presented as of {date}; information in it may be out of date."
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def release_exchanges(tickers) -> list[str]:
    """Exchange codes from Tickers, 'EXCHANGE: SYMBOL' labels or codes; in order, no repeats."""
    codes: list[str] = []
    for item in tickers or ():
        code = _exchange_code(item)
        if code and code not in codes:
            codes.append(code)
    return codes


def _exchange_code(item) -> str | None:
    if hasattr(item, "exchange"):
        return item.exchange
    ticker = parse_ticker(item) if ":" in item else None
    return ticker.exchange if ticker else normalise_exchange(item)


def check_release(
    issuer: Issuer, *, exchanges, disclaimer_key, legend_keys, source: str, lines=None
) -> list[Problem]:
    """Problems with a release's disclaimer/legends front matter against issuer.yaml."""
    lines = lines or {}
    problems = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(source, lines.get(field, 1), field, message))

    if disclaimer_key not in (None, NO_DISCLAIMER) and disclaimer_key not in issuer.disclaimers:
        known = ", ".join(issuer.disclaimers) or "none defined"
        problem(
            "disclaimer",
            f"expected a disclaimer key from issuer.yaml ({known}) or none, "
            f"found {disclaimer_key!r}",
        )
    added, refused = split_legend_keys(legend_keys)
    known = ", ".join(issuer.legends) or "none defined"
    for key in added + refused:
        if key not in issuer.legends:
            problem(
                "legends",
                f"expected a legend key from issuer.yaml ({known}), "
                f"or -key to turn one off, found {key!r}",
            )
    for key in sorted(set(added) & set(refused)):
        problem("legends", f"legend {key!r} is both added and turned off")
    for code in exchanges:
        if code in REQUIRED_LEGEND_EXCHANGES and not issuer.legends_required_by(code):
            problem(
                "ticker",
                f"{code} requires a legend but issuer.yaml has no legend with exchanges: [{code}]",
            )
    return problems


def attach(
    body_html: str,
    *,
    issuer: Issuer,
    exchanges,
    disclaimer_key: str | None,
    legend_keys,
    release_date: date,
    today: date,
    source: str,
    lines=None,
) -> Attachment:
    """Separate the release's legal text from its body and add what it lacks."""
    exchanges = release_exchanges(exchanges)
    problems = check_release(
        issuer,
        exchanges=exchanges,
        disclaimer_key=disclaimer_key,
        legend_keys=legend_keys,
        source=source,
        lines=lines,
    )
    if problems:
        raise DatelineError(problems)
    blocks = dblocks.split_blocks(body_html)
    legends = detect.find_legends(blocks, issuer)
    roles = detect.find_disclaimers(blocks, legends)
    roles.update(detect.match_configured(blocks, issuer, legends.keys() | roles.keys()))
    attachment = Attachment(_body_without(body_html, blocks, legends.keys() | roles.keys()))
    where = dlegends.Where(source, lines or {})
    dlegends.place_release_legends(attachment, blocks, legends, issuer, where)
    dlegends.add_required_legends(attachment, issuer, exchanges, legend_keys, where)
    attachment.disclaimer = _disclaimer(attachment, blocks, roles, issuer, disclaimer_key, where)
    attachment.archival_notice = archival_notice(release_date, today, issuer.archival_notice_years)
    return attachment


def _body_without(html: str, blocks: list[dblocks.Block], removed) -> str:
    """The body with the removed blocks cut out, and the blank lines after them."""
    pieces, position = [], 0
    for index in sorted(removed):
        block = blocks[index]
        pieces.append(html[position : block.start])
        position = block.end
        while position < len(html) and html[position] in " \t\r\n":
            position += 1
    pieces.append(html[position:])
    return "".join(pieces).strip()


def _disclaimer(
    attachment, blocks, roles: dict[int, str], issuer: Issuer, disclaimer_key, where
) -> LegalBlock | None:
    """The release's own disclaimer if it has one, else the configured or default one."""
    if roles:
        return _release_disclaimer(attachment, blocks, roles, issuer, disclaimer_key, where)
    key = issuer.default_disclaimer if disclaimer_key is None else disclaimer_key
    if key in (None, NO_DISCLAIMER):
        return None
    chosen = issuer.disclaimers[key]
    return LegalBlock(key, chosen.title, chosen.html, ISSUER)


def _release_disclaimer(attachment, blocks, roles, issuer, disclaimer_key, where) -> LegalBlock:
    """Gather the release's disclaimer sections into one block, word for word."""
    indexes = sorted(roles)
    heading = indexes[0] if roles[indexes[0]] == "title" else None
    parts = [blocks[i].html for i in indexes if i != heading]
    wording = tuple(blocks[i].norm for i in indexes if i != heading)
    key = next(
        (d.key for d in issuer.disclaimers.values() if dblocks.paragraph_keys(d.html) == wording),
        RELEASE,
    )
    if disclaimer_key not in (None, key):
        dlegends.warn(
            attachment,
            where,
            "disclaimer: %s not used: the release carries its own "
            "disclaimer text, which is kept as published",
            disclaimer_key,
            field="disclaimer",
        )
    if heading is not None:
        title, in_release = blocks[heading].text, True
    else:
        configured = issuer.disclaimers.get(key)
        title = (
            configured.title
            if configured
            else (detect.run_in_heading(blocks[indexes[0]]) or "Forward-Looking Information")
        )
        in_release = False
    return LegalBlock(key, title, "\n".join(parts), RELEASE, in_release)


# --- archival notice and feeds ----------------------------------------------------------------


def archival_notice(release_date, today, years: float | None) -> str | None:
    """The "as of" notice for releases older than the issuer's archival age."""
    release_day = release_date.date() if isinstance(release_date, datetime) else release_date
    today = today.date() if isinstance(today, datetime) else today
    if years is None or (today - release_day).days <= years * 365.2425:
        return None
    shown = f"{_MONTHS[release_day.month - 1]} {release_day.day}, {release_day.year}"
    return ARCHIVAL_NOTICE.format(date=shown)


def disclaimer_html(block: LegalBlock) -> str:
    """The disclaimer block with its title as a heading, for feeds and plain pages."""
    return f"<h2>{htmllib.escape(block.title)}</h2>\n{block.html}".rstrip()


def feed_html(attachment: Attachment) -> str:
    """Feed entry content: top legends, body, disclaimer, bottom legends."""
    parts = [b.html for b in attachment.top_legends]
    parts.append(attachment.body_html)
    if attachment.disclaimer is not None:
        parts.append(disclaimer_html(attachment.disclaimer))
    parts.extend(b.html for b in attachment.bottom_legends)
    return "\n".join(part for part in parts if part)
