"""Disclaimers, legends and the archival notice each release page needs.

A release is a public disclosure, so legal text the release itself carries is
what was published: it is moved out of the body into the standard blocks word
for word, never rewritten and never shown twice. What the release lacks comes
from issuer.yaml. Every top-level element of the body ends up in exactly one
place: the body, a legend block or the disclaimer block.

Front matter `legends:` lists extra legend keys; a key written `-key` (e.g.
`legends: ["-tsxv"]`) turns off a legend the ticker's exchange requires, and
the build warns loudly about it.
"""

from __future__ import annotations

import html as htmllib
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from dateline.content.exchanges import normalise_exchange, parse_ticker
from dateline.content.issuer import NO_DISCLAIMER, REQUIRED_LEGEND_EXCHANGES, Issuer, Legend
from dateline.content.text import VOID_ELEMENTS, normalise, plain_text
from dateline.errors import DatelineError, Problem

logger = logging.getLogger(__name__)

RELEASE, ISSUER = "release", "issuer"
REFUSE = "-"  # prefix in front matter `legends:` that turns a required legend off
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


@dataclass(frozen=True)
class LegalBlock:
    """A disclaimer or legend as shown on the page; `origin` says whose wording it is."""

    key: str
    title: str
    html: str
    origin: str  # RELEASE (the release's own words) or ISSUER (from issuer.yaml)
    # True when `title` is the release's own heading, taken out of the body with the text.
    title_in_release: bool = False


@dataclass
class Attachment:
    """A release body with its legal text separated, plus what the page adds."""

    body_html: str
    top_legends: list[LegalBlock] = field(default_factory=list)
    bottom_legends: list[LegalBlock] = field(default_factory=list)
    disclaimer: LegalBlock | None = None
    archival_notice: str | None = None
    warnings: list[str] = field(default_factory=list)


# --- text helpers -----------------------------------------------------------------------------

# plain_text and normalise are content.text's: one reading of HTML for every user (imported above)


@lru_cache(maxsize=256)
def _paragraph_keys(html: str) -> tuple[str, ...]:
    """Normalised text of each top-level element of configured legal text."""
    return tuple(normalise(b.text) for b in _split_blocks(html) if b.text)


# --- top-level blocks of the body -------------------------------------------------------------

_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>", re.DOTALL)
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


@dataclass
class _Block:
    """One top-level element of the body: its span in the HTML and its visible text."""

    start: int
    end: int
    tag: str
    html: str
    text: str = ""
    norm: str = ""


def _split_blocks(html: str) -> list[_Block]:
    """Cut HTML into top-level elements (Python-Markdown puts one per paragraph/heading/list)."""
    spans: list[tuple[int, int, str]] = []
    depth, start, tag, text_from = 0, 0, "", 0
    for match in _TAG.finditer(html):
        closing, name, selfclosing = match.groups()
        name = (name or "").lower()
        if depth:
            if name == tag and not selfclosing:
                depth += -1 if closing else 1
                if not depth:
                    spans.append((start, match.end(), tag))
                    text_from = match.end()
            continue
        if html[text_from : match.start()].strip():
            spans.append((text_from, match.start(), ""))
        if not name or closing:  # comment or stray closing tag: leave it where it is
            text_from = match.end()
        elif name in VOID_ELEMENTS or selfclosing:
            spans.append((match.start(), match.end(), name))
            text_from = match.end()
        else:
            depth, start, tag = 1, match.start(), name
    if depth:
        spans.append((start, len(html), tag))
    elif html[text_from:].strip():
        spans.append((text_from, len(html), ""))
    blocks = []
    for begin, end, name in spans:
        fragment = html[begin:end]
        text = plain_text(fragment)
        blocks.append(_Block(begin, end, name, fragment, text, normalise(text)))
    return blocks


# --- recognising legal text -------------------------------------------------------------------

_DISCLAIMER_HEADING = re.compile(
    r"forward[\s-]*looking[\s-]+(?:statements?|information|info|disclaimer)"
    r"|safe[\s-]+harbou?r|^cautionary\b|^caution\s+(?:regarding|concerning|about|on)\b"
    r"|^(?:legal\s+)?disclaimers?\b"
)
_TSXV_LEGEND = re.compile(
    r"^neither (?:the )?tsx venture exchange nor its regulation services? provider"
)
_US_LEGEND = re.compile(r"^not for (?:distribution|dissemination|release)\b")
_US_LEGEND_TAIL = re.compile(r"^(?:or|and|nor)\b")
_EMPHASIS = re.compile(r"<(strong|b|em|i)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)
_RUN_IN = re.compile(r"^\s*<p[^>]*>\s*<(strong|b)\b[^>]*>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
_CONTACT_LINE = re.compile(
    r"contact|for (?:further|more|additional) information|investor relations|media"
)
_END_MARK = re.compile(r"^[-#\s]*(?:30|ends?)?[-#\s]*$")
# Contact details end a disclaimer section even without a "For further information" line.
_CONTACT_DETAILS = re.compile(r"\w@[\w-]+\.\w|\b(?:tel|telephone|phone)\b\s*[:.]")
_BUILTIN_LEGENDS = {"tsxv": "bottom", "us-newswire": "top"}


def _heading_text(block: _Block) -> str | None:
    """The text of a block that reads as a heading, else None."""
    if block.tag in _HEADINGS:
        return block.text
    if block.tag != "p" or not block.text or len(block.text) > 150:
        return None
    inner = re.sub(r"^<p[^>]*>|</p>$", "", block.html)
    if not plain_text(_EMPHASIS.sub("", inner)) and len(block.text.split()) <= 20:
        return block.text
    words = block.text.split()
    title_like = (
        len(words) <= 10
        and block.text[0].isupper()
        and not block.text.endswith((".", "!", "?", ",", ";", '"', "'"))
        and (not block.text.endswith(":") or _CONTACT_LINE.search(block.norm))
    )
    return block.text if title_like else None


def _is_disclaimer_heading(text: str) -> bool:
    folded = normalise(text)
    return len(folded.split()) <= 15 and bool(_DISCLAIMER_HEADING.search(folded))


def _run_in_heading(block: _Block) -> str | None:
    """`<p><strong>Forward-Looking Statements</strong> This release ...` starts a disclaimer."""
    match = _RUN_IN.match(block.html) if block.tag == "p" else None
    title = plain_text(match.group(2)).rstrip(" .:-") if match else ""
    return title if title and _is_disclaimer_heading(title) else None


def _legend_key(block: _Block, issuer: Issuer) -> str | None:
    """Key of the legend this block is (configured text or a well-known legend), else None."""
    for legend in issuer.legends.values():
        if block.norm == " ".join(_paragraph_keys(legend.html)):
            return legend.key
    if _TSXV_LEGEND.match(block.norm):
        return _builtin_key(issuer, "tsxv", lambda legend: "TSXV" in legend.exchanges)
    if _US_LEGEND.match(block.norm) and len(block.norm.split()) <= 40:
        return _builtin_key(
            issuer, "us-newswire", lambda legend: bool(_US_LEGEND.match(normalise(legend.text)))
        )
    return None


def _builtin_key(issuer: Issuer, default: str, fits) -> str:
    """Map a well-known legend to the issuer's key for it, so it is not added twice."""
    return next((legend.key for legend in issuer.legends.values() if fits(legend)), default)


def _find_legends(blocks: list[_Block], issuer: Issuer) -> dict[int, str]:
    """Block index -> legend key; a legend split over two paragraphs marks both."""
    found: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if index in found or block.tag in _HEADINGS:
            continue
        key = _legend_key(block, issuer)
        if key is None:
            continue
        found[index] = key
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            _US_LEGEND.match(block.norm)
            and following
            and _US_LEGEND_TAIL.match(following.norm)
            and following.text.isupper()
            and len(following.norm.split()) <= 15
        ):
            found[index + 1] = key
    return found


def _find_disclaimers(blocks: list[_Block], legends: dict[int, str]) -> dict[int, str]:
    """Block index -> role ('title' for the opening heading, 'text' otherwise)."""
    roles: dict[int, str] = {}
    inside = False
    for index, block in enumerate(blocks):
        if index in legends:
            continue
        heading = _heading_text(block)
        if heading is not None and _is_disclaimer_heading(heading):
            roles[index] = "text" if inside else "title"
            inside = True
        elif heading is not None or block.tag == "hr":
            inside = False
        elif _run_in_heading(block):
            roles[index] = "text"
            inside = True
        elif inside and _ends_section(block):
            inside = False
        elif inside:
            roles[index] = "text"
    return roles


def _ends_section(block: _Block) -> bool:
    """An end mark such as -30- or ###, or a block of contact details."""
    return bool(_END_MARK.match(block.norm) or _CONTACT_DETAILS.search(block.norm))


def _match_configured(blocks, issuer: Issuer, taken) -> dict[int, str]:
    """Paragraphs equal to a configured disclaimer paragraph, wherever they stand."""
    known = {
        p
        for d in issuer.disclaimers.values()
        for p in _paragraph_keys(d.html)
        if len(p.split()) >= 8
    }
    return {i: "text" for i, b in enumerate(blocks) if i not in taken and b.norm in known}


# --- building the attachment ------------------------------------------------------------------


def split_legend_keys(keys) -> tuple[list[str], list[str]]:
    """Front matter `legends:` -> (keys to add, keys refused with a leading '-')."""
    keys = [str(k) for k in keys or ()]
    added = [k for k in keys if not k.startswith(REFUSE)]
    refused = [k[len(REFUSE) :] for k in keys if k.startswith(REFUSE)]
    return added, refused


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
    blocks = _split_blocks(body_html)
    legends = _find_legends(blocks, issuer)
    roles = _find_disclaimers(blocks, legends)
    roles.update(_match_configured(blocks, issuer, legends.keys() | roles.keys()))
    attachment = Attachment(_body_without(body_html, blocks, legends.keys() | roles.keys()))
    where = _Where(source, lines or {})
    _place_release_legends(attachment, blocks, legends, issuer, where)
    _add_required_legends(attachment, issuer, exchanges, legend_keys, where)
    attachment.disclaimer = _disclaimer(attachment, blocks, roles, issuer, disclaimer_key, where)
    attachment.archival_notice = archival_notice(release_date, today, issuer.archival_notice_years)
    return attachment


def _body_without(html: str, blocks: list[_Block], removed) -> str:
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


def _place_release_legends(attachment, blocks, legends: dict[int, str], issuer, where) -> None:
    """Release legends keep their wording; issuer.yaml decides top or bottom."""
    first_content = next((i for i in range(len(blocks)) if i not in legends), len(blocks))
    seen: dict[str, str] = {}
    merged: dict[str, list[int]] = {}
    for index, key in legends.items():
        merged.setdefault(key, []).append(index)
    for key, indexes in merged.items():
        for run in _runs(indexes):
            html = "\n".join(blocks[i].html for i in run)
            wording = " ".join(blocks[i].norm for i in run)
            if seen.get(key) == wording:
                _warn(
                    attachment, where, "the release carries the %s legend twice; shown once", key
                )
                continue
            seen[key] = wording
            legend = issuer.legends.get(key)
            placement = (
                legend.placement
                if legend
                else _BUILTIN_LEGENDS.get(key, "top" if run[0] < first_content else "bottom")
            )
            title = legend.title if legend else key
            _shelve(attachment, LegalBlock(key, title, html, RELEASE), placement)


def _shelve(attachment: Attachment, block: LegalBlock, placement: str) -> None:
    """Put a legend above the headline or after the disclaimer."""
    (attachment.top_legends if placement == "top" else attachment.bottom_legends).append(block)


def _runs(indexes: list[int]) -> list[list[int]]:
    """Group consecutive block indexes (a legend split over two paragraphs is one legend)."""
    runs: list[list[int]] = []
    for index in sorted(indexes):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _add_required_legends(attachment, issuer: Issuer, exchanges, legend_keys, where) -> None:
    """Add the exchange-required and requested legends the release does not carry."""
    added, refused = split_legend_keys(legend_keys)
    required = [legend.key for code in exchanges for legend in issuer.legends_required_by(code)]
    present = {b.key for b in attachment.top_legends + attachment.bottom_legends}
    body_norm = None
    for key in dict.fromkeys(required + added):
        legend: Legend = issuer.legends[key]
        if key in refused:
            _refused_legend(attachment, where, legend, present, exchanges)
            continue
        if key in present:
            continue
        body_norm = (
            body_norm if body_norm is not None else normalise(plain_text(attachment.body_html))
        )
        if normalise(legend.text) in body_norm:
            _warn(
                attachment,
                where,
                "the %s legend is inside a paragraph of the body; left there and not added again",
                key,
            )
            continue
        _shelve(attachment, LegalBlock(key, legend.title, legend.html, ISSUER), legend.placement)
    for key in refused:
        if key not in required:
            _warn(
                attachment,
                where,
                "legends: -%s has no effect: the legend is not required for this release",
                key,
                field="legends",
            )


def _refused_legend(attachment, where, legend: Legend, present, exchanges) -> None:
    """An author turned off a required legend: say so loudly, naming the file."""
    if legend.key in present:
        _warn(
            attachment,
            where,
            "legends: -%s ignored: the release text itself carries the "
            "legend, and published wording is never removed",
            legend.key,
            field="legends",
        )
        return
    codes = ", ".join(code for code in exchanges if code in legend.exchanges)
    _warn(
        attachment,
        where,
        "REQUIRED LEGEND TURNED OFF: legends: -%s; this release (listed "
        "on %s) will be published WITHOUT the %s legend",
        legend.key,
        codes,
        legend.title,
        field="legends",
    )


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
        (d.key for d in issuer.disclaimers.values() if _paragraph_keys(d.html) == wording), RELEASE
    )
    if disclaimer_key not in (None, key):
        _warn(
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
            else (_run_in_heading(blocks[indexes[0]]) or "Forward-Looking Information")
        )
        in_release = False
    return LegalBlock(key, title, "\n".join(parts), RELEASE, in_release)


@dataclass(frozen=True)
class _Where:
    """A release's path and its front-matter lines: where a warning points."""

    source: str
    lines: dict

    def at(self, field: str | None) -> str:
        line = self.lines.get(field) if field else None
        return f"{self.source}:{line}" if line else self.source


def _warn(attachment: Attachment, where: _Where, message: str, *args,
          field: str | None = None) -> None:
    """Warn as `path:line: message`, the line of the front-matter field it is about (if any)."""
    text = f"{where.at(field)}: {message % args}"
    attachment.warnings.append(text)
    logger.warning("disclaimers: %s", text)


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
