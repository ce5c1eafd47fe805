"""A composed release as files: front matter, Markdown body and plain newswire text.

Rendering is apart from composing so a release's facts do not depend on its formatting.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from dateline_corpus import words
from dateline_corpus.draft import Draft
from dateline_corpus.model import LATEST_DATE, TICKER_MARK, GeneratedRelease, _shift, day_text

# --- front matter, Markdown and newswire text ------------------------------------------


def _front_matter(draft: Draft, moment, headline: str, slug: str) -> dict:
    """Front matter in the reader's key order; optional keys appear at varied rates."""
    rng, issuer = draft.rng, draft.issuer
    labels = [ticker.label for ticker in issuer.tickers]
    tags = list(draft.tags)
    if draft.chance(0.2):
        extra = draft.pick(words.TAGS)
        tags += [] if extra in tags else [extra]
    fields = {
        "title": headline,
        "date": moment,
        "ticker": labels[0] if len(labels) == 1 or draft.chance(0.2) else labels,
        "tags": tags,
    }
    if draft.chance(0.5):
        fields["summary"] = _summary(draft)
    fields["slug"] = slug
    if draft.chance(0.7):
        fields["dateline"] = f"{issuer.city}, {draft.pick((issuer.country, issuer.region))}"
    if draft.chance(0.1):
        fields["status"] = "published"
    key = "safe-harbor" if issuer.country == "United States" else "forward-looking"
    choice = rng.random()
    if draft.has_fls and choice < 0.5:
        fields["disclaimer"] = key
    elif not draft.has_fls and choice < 0.3:
        fields["disclaimer"] = "none"
    elif not draft.has_fls and choice < 0.5:
        fields["disclaimer"] = key
    legends = [legend for legend in draft.legends if draft.chance(0.8)]
    if not draft.legends and issuer.country == "Canada" and draft.chance(0.05):
        legends.append("us-newswire")
    if legends:
        fields["legends"] = legends
    if draft.chance(0.6):
        fields["contacts"] = [issuer.contact.key]
    if draft.chance(0.08):
        fields["modified"] = min(_shift(draft.day, rng.randint(1, 30)), LATEST_DATE)
    if draft.chance(0.15):
        fields["lang"] = "en"
    return fields


def _summary(draft: Draft) -> str:
    """A one-sentence summary from the lead clause."""
    return f"{draft.issuer.short} announced that {draft.lead_clause}."


def _yaml_scalar(value) -> str:
    """One value in YAML flow style; strings quoted unless a bare slug."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_scalar(item) for item in value) + "]"
    if (
        isinstance(value, str)
        and re.fullmatch(r"[a-z0-9][a-z0-9-]*", value)
        and value not in ("yes", "no", "on", "off", "true", "false", "null", "none", "y", "n")
    ):
        return value
    return json.dumps(str(value), ensure_ascii=False)


def render_front_matter(fields: dict) -> str:
    """YAML front matter; strings are JSON-quoted, which YAML reads back verbatim."""
    lines = ["---"] + [f"{key}: {_yaml_scalar(value)}" for key, value in fields.items()]
    return "\n".join(lines + ["---", ""])


def render_markdown(release: GeneratedRelease) -> str:
    """The release file: front matter and Markdown body."""
    return render_front_matter(release.front_matter) + release.body_markdown


def _markdown_body(blocks, md_ticker: str, md_dateline: str, wrap_legend: bool) -> str:
    """Blocks to Markdown: bold top legend, ## headings, hard-wrapped contacts."""
    parts = []
    for kind, text in blocks:
        text = text.replace(TICKER_MARK, md_ticker)
        if kind == "legend-top":
            parts.append("**" + (text.replace(" OR ", "\nOR ", 1) if wrap_legend else text) + "**")
        elif kind == "lead":
            parts.append(md_dateline + text)
        elif kind == "bullets":
            parts.append("\n".join(f"- {line}" for line in text.split("\n")))
        elif kind == "heading":
            parts.append(f"## {text}")
        elif kind == "contact":
            first, *rest = text.split("\n")
            parts.append("  \n".join([f"**{first}**"] + rest))
        else:
            parts.append(text)
    return "\n\n".join(parts) + "\n"


def render_text(release: GeneratedRelease) -> str:
    """The same release as a plain-text newswire release, for importer benchmarks."""
    parts = []
    headline_done = False
    for kind, text in release.blocks:
        text = text.replace(TICKER_MARK, release.text_ticker)
        if kind != "legend-top" and not headline_done:
            parts.append(release.front_matter["title"].upper())
            headline_done = True
        if kind == "lead":
            parts.append(release.text_dateline + text)
        elif kind == "bullets":
            parts.append("\n".join(f"\u2022 {line}" for line in text.split("\n")))
        else:
            parts.append(text)
    return "\n\n".join(parts) + "\n"


def _tickers_in_text(draft: Draft, markdown: bool) -> str:
    """How the body names the listings: canonical in Markdown, varied spellings in wire text."""
    labels = []
    for ticker in draft.issuer.tickers:
        exchange = ticker.exchange
        if not markdown or draft.chance(0.1):
            exchange = draft.pick(words.SPELLINGS.get(exchange, (exchange,)))
        labels.append(f"{exchange}: {ticker.symbol}")
    if len(labels) > 1 and not markdown and draft.chance(0.4):
        return ") (".join(labels)
    return "; ".join(labels)


def _text_dateline(draft: Draft) -> str:
    """The wire dateline of the plain-text rendering, in the styles newswires use."""
    issuer, day = draft.issuer, draft.day
    city = issuer.city
    us_day = day_text(day, british=False)
    if issuer.country == "Australia":
        return f"{city}, {issuer.region} \u2013 {draft.date(day)} \u2013 "
    if issuer.country == "United Kingdom":
        return f"{draft.date(day)}\n\n"
    styles = (
        f"{city}, {issuer.region}, {us_day} /CNW/ - ",
        f"{city}, {issuer.region}--(Newsfile Corp. - {us_day}) - ",
        f"{city.upper()}, {us_day} (GLOBE NEWSWIRE) -- ",
        f"{city.upper()}, {issuer.region_short}--(BUSINESS WIRE)--{us_day}-- ",
        f"{city.upper()}, {issuer.region_short} / ACCESSWIRE / {us_day} / ",
        f"{us_day} \u2013 ",
    )
    return draft.pick(styles)


def _markdown_dateline(draft: Draft) -> str:
    """An optional place/date prefix on the Markdown lead, as IR sites vary."""
    form = draft.rng.random()
    if form < 0.4:
        return f"{draft.issuer.city.upper()}, {draft.date(draft.day)} \u2013 "
    if form < 0.6:
        return f"{draft.date(draft.day)} \u2013 "
    return ""
