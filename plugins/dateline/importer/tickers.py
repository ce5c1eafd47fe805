"""Tickers as releases print them: "(TSXV: AII)", "TSX-V Symbol: WBM", "(CSE:X)(OTCQB:Y)",
"ASX: RGX", a symbol before its market, a listing in words; and which of them are the
issuer's own (`release_tickers`).
"""

from __future__ import annotations

import re

from dateline.content.exchanges import EXCHANGES, Ticker, normalise_exchange

_SYMBOL = r"[A-Z0-9][A-Za-z0-9]{0,6}(?:[.-][A-Z0-9]{1,4})?"
_PAREN = re.compile(r"\(([^()]{3,160})\)")
_PAIR = re.compile(rf"^\s*([A-Za-z][A-Za-z .\-/&®™]{{1,30}}?)\s*:\s*({_SYMBOL})\s*$")  # "OTCQB®: X"
_BARE_CODES = sorted(
    {c for c in EXCHANGES if c.isupper() and " " not in c}
    | {"TSX-V", "TSX.V", "OTC", "OTCBB", "AMEX", "TSE"},
    key=len,
    reverse=True,
)
_BARE = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, _BARE_CODES)) + rf")\s*:\s*({_SYMBOL})\b"
)


# a letterhead line or cell holding only "SYMBOL: MARKET": "| APG: TSX |", "AGT: AMEX"
_CELL_SYMBOL_FIRST = re.compile(
    r"^[ \t|]*([A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?)\s*:\s*("
    + "|".join(map(re.escape, _BARE_CODES))
    + r")[ \t|]*$",
    re.MULTILINE,
)

# letterheads: "TSX-V Symbol: WBM", "OTCQX Symbol: WBMCF", "TSXV Symbol - GRW", SENS "ASX share
# code: SIR"
_LISTED_AS = re.compile(
    r"(?<![\w-])("
    + "|".join(map(re.escape, _BARE_CODES))
    + rf")\s+(?:[Ss]hare\s+|[Ii]ssuer\s+)?(?:Symbol|Code|Ticker|symbol|code|ticker)\s*[:\-–—"
      rf"|]\s*({_SYMBOL})\b"
)
# the same label as a form prints it: the symbol alone on the next line or after wide spacing
# ("1.3 / *ASX issuer code / WMR", "ASX code          WMR"); capitals only, the line's last word
_LISTED_IN_CELLS = re.compile(
    r"(?<![\w-])("
    + "|".join(map(re.escape, _BARE_CODES))
    + r")\s+(?:[Ss]hare\s+|[Ii]ssuer\s+)?(?:Symbol|Code|Ticker|symbol|code|ticker)(?:[ \t]{2,}"
      r"|[ \t]*\n(?:[ \t]*\n)?[ \t*]*)"  # the code on the next line, or the next paragraph
    r"([A-Z0-9]{2,6}(?:\.[A-Z]{1,2})?)[ \t|]*$",
    re.MULTILINE,
)

# RNS headers name the market and the symbol on separate labels, in either order, on one line
# or several: "Index: AIM / Epic: KBE", "Ticker: EML" above "Index: AIM", "Index: LSE & ASX / Epic:
# NHM"
_INDEX_LABEL = re.compile(r"\b(?:Index|Market)\s*:[ \t]*([A-Za-z][A-Za-z .&/,]{1,40}?)[ \t]*(?=/|\|"
                          r"|\n|$)")
_SYMBOL_LABEL = re.compile(rf"\b(?:Epic|EPIC|Ticker|TIDM)\s*:[ \t]*({_SYMBOL})\b")
_LABEL_WINDOW = 200  # how far apart the two labels of one header may stand


def detect_tickers(text: str) -> list[Ticker]:
    """Listings named in the text, e.g. "(TSX Venture: ADY)" or "(ASX: BGD; OTCQX: BGDFF)", first
    seen first."""
    found: dict[Ticker, int] = {}
    for start, _end, ticker in _ticker_mentions(text):
        found.setdefault(ticker, start)
    return sorted(found, key=found.get)


def _ticker_mentions(text: str) -> list[tuple[int, int, Ticker]]:
    """Every ticker mention with its span, in text order."""
    mentions = []
    for group in _PAREN.finditer(text):
        position = group.start(1)
        for part in re.split(r"([;,|]|\band\b)", group.group(1)):
            for ticker in _pair_tickers(part) or _pair_then_id(part):
                mentions.append((position, position + len(part), ticker))
            position += len(part)
    for pattern in (_BARE, _LISTED_AS, _LISTED_IN_CELLS):
        for bare in pattern.finditer(text):
            code = normalise_exchange(bare.group(1).upper())
            if code:
                mentions.append((bare.start(), bare.end(), Ticker(code, bare.group(2).upper())))
    mentions.extend(_header_mentions(text))
    for cell in _CELL_SYMBOL_FIRST.finditer(text):
        code = normalise_exchange(cell.group(2).upper())
        if code and not normalise_exchange(cell.group(1)):
            mentions.append((cell.start(), cell.end(), Ticker(code, cell.group(1))))
    mentions.extend(_convention_mentions(text))
    mentions.extend(_sentence_mentions(text))
    mentions = [(start, end, _without_ric_suffix(ticker)) for start, end, ticker in mentions]
    return sorted(mentions, key=lambda mention: mention[:2])


# Reuters' market suffix, which some RNS issuers print after the symbol: "(AIM: LWRF.L)" is AIM:
# LWRF
_RIC_SUFFIX = {"LSE": ".L", "AIM": ".L", "ASX": ".AX"}


def _without_ric_suffix(ticker: Ticker) -> Ticker:
    suffix = _RIC_SUFFIX.get(ticker.exchange)
    if suffix and ticker.symbol.endswith(suffix) and len(ticker.symbol) > len(suffix) + 1:
        return Ticker(ticker.exchange, ticker.symbol[: -len(suffix)])
    return ticker


def _header_mentions(text: str) -> list[tuple[int, int, Ticker]]:
    """ "Index: AIM" and "Epic: KBE" (or "Ticker: EML") near each other: one ticker per market."""
    mentions = []
    indexes = list(_INDEX_LABEL.finditer(text))
    for label in _SYMBOL_LABEL.finditer(text):
        near = [i for i in indexes if abs(i.start() - label.start()) <= _LABEL_WINDOW]
        if not near:
            continue
        index = min(near, key=lambda i: abs(i.start() - label.start()))
        start, end = min(index.start(), label.start()), max(index.end(), label.end())
        for code in _exchange_codes(index.group(1)):
            mentions.append((start, end, Ticker(code, label.group(1).upper())))
    return mentions


# A code label that names no market, where the announcement's own form names it: HKEX
# announcements print "(Stock Code: 1867)" in figures; SENS announcements "Share code: KPL" beside a
# South African ISIN ("ISIN: ZAE000284419"). A label with a market before it ("AIM share code:") is
# read by _LISTED_AS instead.
_STOCK_CODE = re.compile(r"\b(?i:stock\s+code)\s*[:：]\s*(\d{1,5})\b")
_SHARE_CODE = re.compile(rf"(?<![\w-])(?i:share\s+code)\s*:\s*({_SYMBOL})\b")
_ZA_ISIN = re.compile(r"\bISIN(?:\s+code)?\s*:\s*ZA[A-Z]\d", re.IGNORECASE)
_MARKET_BEFORE = re.compile(
    r"(?:^|\W)(?:" + "|".join(map(re.escape, _BARE_CODES)) + r")\s*$", re.IGNORECASE
)


# the listing in words: "trades on the TSX Venture Exchange under the symbol "ABC"", "quoted on
# the ASX under the code XYZ", "listed on Nasdaq under the ticker symbol ABCD"
_UNDER_SYMBOL = re.compile(
    r"\b(?:on|of)\s+(?:the\s+)?(?P<market>[A-Z][A-Za-z.\-]*(?:\s+[A-Z][A-Za-z.\-]*){0,4})\s+"
    r"(?:under|with)\s+the\s+(?:trading\s+|stock\s+|ticker\s+|share\s+)*(?:symbol|code|ticker)s?"
    r"(?:\s+of)?\s*[\"“'‘]?(?P<symbol>[A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?)\b[\"”'’]?"
)


def _sentence_mentions(text: str) -> list[tuple[int, int, Ticker]]:
    mentions = []
    for found in _UNDER_SYMBOL.finditer(text):
        market = found.group("market")
        bare = re.sub(r"\s+(?:exchange|market)$", "", market, flags=re.IGNORECASE)
        code = _exchange_code(market) or _exchange_code(bare)
        if code:
            mentions.append((found.start(), found.end(), Ticker(code, found.group("symbol"))))
    return mentions


def _convention_mentions(text: str) -> list[tuple[int, int, Ticker]]:
    mentions = [(m.start(), m.end(), Ticker("HKEX", m.group(1))) for m
                in _STOCK_CODE.finditer(text)]
    # (HKEX codes are figures only; "Stock Code: ABC" elsewhere names no market)
    if _ZA_ISIN.search(text):
        for found in _SHARE_CODE.finditer(text):
            if not _MARKET_BEFORE.search(text[max(0, found.start() - 12) : found.start()]):
                mentions.append((found.start(), found.end(), Ticker("JSE", found.group(1))))
    return mentions


def _exchange_codes(names: str) -> list[str]:
    """ "LSE & ASX", "LSE/ASX", "AIM": the codes of every market named, or none if one is
    unknown."""
    parts = [part for part in re.split(r"\s*(?:[&/,]|\band\b)\s*", names.strip()) if part]
    codes = [_exchange_code(part) for part in parts]
    return codes if codes and all(codes) else []


# what may stand between two tickers of one issuer: brackets, separators, a quoted short name
_TICKER_GLUE = re.compile(
    r"^(?:[\s()\[\];,|/:&–—-]|\band\b|[\"“‘'][^\"“”‘’'()]{1,40}[\"”’']|\bor\s+the\b|\bthe\b"
    r"|Company)*$"
)


def release_tickers(text: str, issuer: tuple[Ticker, ...] | list[Ticker] = ()) -> list[Ticker]:
    """The issuer's own listings: the first run of tickers named together ("(TSXV: NWL) (OTCQB:
    NWLIF)"), not a partner's named later ("... with Beta Corp. (TSX: BTA)"). When the issuer's
    profile is known, the first run that names one of its tickers wins."""
    runs: list[list[Ticker]] = []
    last_end = None
    for start, end, ticker in _ticker_mentions(text):
        if last_end is not None and (start < last_end or _TICKER_GLUE.match(text[last_end:start])):
            if ticker not in runs[-1]:
                runs[-1].append(ticker)
        else:
            runs.append([ticker])
        last_end = max(end, last_end or 0)
    if not runs:
        return []
    known = {(t.exchange, t.symbol) for t in issuer} | {t.symbol for t in issuer}
    chosen = next(
        (
            run
            for run in runs
            if any((t.exchange, t.symbol) in known or t.symbol in known for t in run)
        ),
        runs[0],
    )
    for (
        run
    ) in runs:  # the same listing named again with more of its tickers: "(TSXV: ACM; OTCQB: ACMGF)"
        if set(run) & set(chosen):
            chosen = chosen + [ticker for ticker in run if ticker not in chosen]
    return chosen


# exchanges by their full names, as some releases write them: "(Canadian Securities Exchange: X)"
_BY_NAME = {name.upper(): code for code, (name, _currency) in EXCHANGES.items()}
_BY_NAME.update({"CBOE CANADA": "NEO", "NEO EXCHANGE": "NEO", "FRANKFURT STOCK EXCHANGE": "FSE",
                 "TORONTO STOCK EXCHANGE": "TSX", "AUSTRALIAN SECURITIES EXCHANGE": "ASX",
                 "LONDON STOCK EXCHANGE": "LSE", "NEW YORK STOCK EXCHANGE": "NYSE",
                 "OTCQX INTERNATIONAL": "OTCQX"})  # fmt: skip
_CITY_NAMES = {
    "TORONTO",
    "FRANKFURT",
    "LONDON",
    "LON",
    "PINK",
    "OTC",
}  # "(Toronto HQ)" is no listing


# "(TSX Venture CEM)", "(ELEC-TSXV)", "(GMX – Toronto Stock Exchange)": no colon
_PAIR_SPACED = re.compile(
    r"^\s*([A-Za-z][A-Za-z .]{1,30}?)\s+([A-Z][A-Z0-9]{1,5}(?:\.[A-Z]{1,2})?)\s*$"
)
_PAIR_DASHED = re.compile(
    r"^\s*([A-Za-z][A-Za-z.-]{1,12})\s+[-–—]\s+([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\s*$"
)
_PAIR_TIGHT = re.compile(r"^\s*([A-Z][A-Z.]{1,6})-([A-Z][A-Z0-9]{1,5})\s*$")
_PAIR_REVERSED = re.compile(
    r"^\s*([A-Z][A-Z0-9]{1,5}(?:\.[A-Z]{1,2})?)\s*[-–—]\s*([A-Za-z][A-Za-z .-]{1,30}?)\s*$"
)


def _pair_tickers(part: str) -> list[Ticker]:
    """ "TSXV: AII", "(LSE/ASX: NHM)" (one symbol on two markets), "TSX - BRK", "TSX Venture
    CEM"."""
    match = _PAIR.match(part)
    if not match:
        ticker = _pair_without_colon(part)
        return [ticker] if ticker else []
    name = re.sub(r"\s+", " ", match.group(1).strip())
    code = (
        normalise_exchange(name)
        or _BY_NAME.get(name.upper())
        or normalise_exchange(re.sub(r"\s+exchange$", "", name, flags=re.IGNORECASE))
    )
    codes = [code] if code else _exchange_codes(name) if re.search(r"[/&]", name) else []
    if not codes and _SYMBOL_FIRST.match(name) and _exchange_code(match.group(2)):
        return [Ticker(_exchange_code(match.group(2)), name)]  # "(RPG:TSX-V, LSE:RPG)"
    return [Ticker(code, match.group(2).upper()) for code in codes]


# a symbol before its market, "RPG:TSX-V": capitals the table does not know as a market
_SYMBOL_FIRST = re.compile(r"^[A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?$")


def _pair_then_id(part: str) -> list[Ticker]:
    """ "Frankfurt: 4QR WKN: A3QRT9": a listing, then another identifier (WKN, ISIN), no
    separator."""
    pieces = re.split(r"\s+(?=[A-Z]{2,6}\s*:)", part) if part.count(":") >= 2 else []
    return [ticker for piece in pieces for ticker in _pair_tickers(piece)]


def _pair_without_colon(part: str) -> Ticker | None:
    """Only exchange names the table knows, so "(Gold Hill)" or "(the Company)" never pass."""
    dashed = _PAIR_DASHED.match(part)  # "(TSX - XLY)": the exchange first, then a dash
    if (
        dashed
        and dashed.group(1).upper() not in _CITY_NAMES  # "(Toronto - HQ)" is no listing
        and _exchange_code(dashed.group(1))
        and not _exchange_code(dashed.group(2))
    ):
        return Ticker(_exchange_code(dashed.group(1)), dashed.group(2))
    tight = _PAIR_TIGHT.match(part)  # "(TSX-BWR)", but "(TSX-V)" is a market alone
    if tight and not _exchange_code(part.strip()) and tight.group(1).upper() not in _CITY_NAMES:
        code = _exchange_code(tight.group(1))
        if code and not _exchange_code(tight.group(2)):
            return Ticker(code, tight.group(2))
    spaced = _PAIR_SPACED.match(part)
    if spaced and spaced.group(1).strip().upper() not in _CITY_NAMES:
        code = _exchange_code(spaced.group(1))
        return Ticker(code, spaced.group(2)) if code else None
    reversed_ = _PAIR_REVERSED.match(part)
    if reversed_:
        code = _exchange_code(reversed_.group(2))
        return Ticker(code, reversed_.group(1)) if code else None
    return None


def _exchange_code(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name.strip())
    return normalise_exchange(name) or _BY_NAME.get(name.upper())
