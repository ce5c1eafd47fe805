"""The front-matter fields and their checkers: one small function per field, in a table.

`RELEASE_FIELDS` and `PAGE_FIELDS` name every field a release or a page may carry, the way
Pelican normalises metadata through processors. A checker returns the normalised value or
raises `Invalid(what, found)`; `frontmatter` turns that into a `path:line: field: expected ...,
found ...` problem, so one run reports every mistake in every file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateline.content import moments
from dateline.content.exchanges import known_codes, normalise_exchange, parse_ticker

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")


class Invalid(Exception):
    """A value failed its check: what was expected, and what was found."""

    def __init__(self, what: str, found, line_offset: int = 0, subfield: str = "", hint: str = ""):
        super().__init__(what)
        self.what = what
        self.hint = hint
        self.found = found
        self.line_offset = line_offset
        self.subfield = subfield


def check_text(value, _ctx):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise Invalid("a non-empty string", value)
    return value.strip()


def check_slug(value, _ctx):
    if not isinstance(value, str) or not SLUG.match(value):
        raise Invalid("a slug of lowercase letters, digits and hyphens", value)
    return value


def check_datetime(value, ctx):
    """ISO date or datetime between 1900 and 2200; a naive value is in the site TIMEZONE and
    must name a time that happened there exactly once."""
    moment, time_stated = _read_datetime(value, ctx)
    if not moments.in_range(moment.year):
        raise Invalid(moments.YEARS, value)
    if time_stated and moment.tzinfo is ctx.zone:
        problem = moments.local_time_problem(moment, ctx.zone)
        if problem is not None:
            raise Invalid(problem[0], value, hint=problem[1])
    return moment, time_stated


def _read_datetime(value, ctx):
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=ctx.zone), False
    elif isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value.strip().replace(" ", "T", 1))
        except ValueError:
            raise Invalid("an ISO date (2013-05-29) or datetime (2013-05-29T09:00:00-04:00)", value)
        if len(value.strip()) == 10:
            return moment.replace(tzinfo=ctx.zone), False
    else:
        raise Invalid("an ISO date (2013-05-29) or datetime (2013-05-29T09:00:00-04:00)", value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ctx.zone)
    return moment, True


def check_date_only(value, ctx):
    return check_datetime(value, ctx)[0]


def check_tickers(value, _ctx):
    items = value if isinstance(value, list) else [value]
    if not items:
        raise Invalid("at least one ticker", value)
    tickers = []
    for item in items:
        ticker = parse_ticker(item) if isinstance(item, str) else None
        if ticker is None:
            raise Invalid("'EXCHANGE: SYMBOL' with a known exchange (" + known_codes() + ")", item,
                          hint=_ticker_hint(item))
        tickers.append(ticker)
    return tickers


def _ticker_hint(item) -> str:
    """'did you mean ...' for an exchange spelled the way releases often spell it."""
    if isinstance(item, str) and ":" in item:
        exchange, symbol = item.split(":", 1)
        code = normalise_exchange(exchange)
        if code:
            return f"did you mean '{code}: {symbol.strip()}'?"
    return ""


def check_tags(value, _ctx):
    if not isinstance(value, list) or not value:
        raise Invalid("a list of tag slugs like [stock-options, operations]", value)
    for tag in value:
        if not isinstance(tag, str) or not SLUG.match(tag):
            raise Invalid("tag slugs of lowercase letters, digits and hyphens", tag)
    if len(set(value)) != len(value):
        raise Invalid("each tag once", value)
    return list(value)


def check_status(value, _ctx):
    if value not in ("published", "draft"):
        raise Invalid("published or draft", value)
    return value


def check_order(value, _ctx):
    if isinstance(value, bool) or not isinstance(value, int) or not -10_000 <= value <= 10_000:
        raise Invalid("a whole number (pages are listed lowest first)", value)
    return value


def check_key(value, _ctx):
    if not isinstance(value, str) or not KEY.match(value):
        raise Invalid("a key from issuer.yaml, or none", value)
    return value


def check_key_list(value, _ctx):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise Invalid("a list of keys from issuer.yaml", value)
    for item in value:
        if not isinstance(item, str) or not KEY.match(item.lstrip("-")):
            raise Invalid("keys from issuer.yaml", item)
    return list(value)


def check_lang(value, _ctx):
    if not isinstance(value, str) or not re.match(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$", value):
        raise Invalid("a language code like en or fr-CA", value)
    return value


def check_template(value, _ctx):
    if not isinstance(value, str) or not KEY.match(value):
        raise Invalid("a template name", value)
    return value


def check_grants(value, ctx):
    from dateline.content.overrides import check_grant_list

    return check_grant_list(value, ctx)


def check_milestones(value, ctx):
    from dateline.content.overrides import check_milestone_list

    return check_milestone_list(value, ctx)


RELEASE_FIELDS = {
    "title": check_text,
    "date": check_datetime,
    "ticker": check_tickers,
    "tags": check_tags,
    "summary": check_text,
    "slug": check_slug,
    "modified": check_date_only,
    "lang": check_lang,
    "status": check_status,
    "dateline": check_text,
    "wire": check_text,
    "disclaimer": check_key,
    "legends": check_key_list,
    "contacts": check_key_list,
    "grants": check_grants,
    "milestones": check_milestones,
}
RELEASE_REQUIRED = ("title", "date", "ticker", "tags")
DRAFT_OPTIONAL = ("date",)  # an imported release whose source printed no date waits as a draft

PAGE_FIELDS = {
    "title": check_text,
    "slug": check_slug,
    "summary": check_text,
    "status": check_status,
    "lang": check_lang,
    "modified": check_date_only,
    "template": check_template,
    "page_order": check_order,
}
PAGE_REQUIRED = ("title",)


@dataclass(frozen=True)
class CheckContext:
    """What field checkers need to know about the site."""

    zone: dt.tzinfo
    path: str
