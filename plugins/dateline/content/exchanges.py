"""Stock exchanges Dateline knows, and ticker parsing shared by reader and importer.

A ticker in front matter reads `EXCHANGE: SYMBOL` with a code from
`EXCHANGES`. The importer meets many spellings in the wild ("TSX-V",
"TSX Venture", "NYSE MKT") and maps them to these codes with `ALIASES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# code -> (full name, ISO 4217 currency that prices on it are quoted in)
EXCHANGES = {
    "TSX": ("Toronto Stock Exchange", "CAD"),
    "TSXV": ("TSX Venture Exchange", "CAD"),
    "CSE": ("Canadian Securities Exchange", "CAD"),
    "NEO": ("Cboe Canada (NEO Exchange)", "CAD"),
    "NYSE": ("New York Stock Exchange", "USD"),
    "NYSE American": ("NYSE American", "USD"),
    "NASDAQ": ("Nasdaq", "USD"),
    "OTCQX": ("OTCQX Best Market", "USD"),
    "OTCQB": ("OTCQB Venture Market", "USD"),
    "OTC Pink": ("OTC Pink Open Market", "USD"),
    # a release that writes plain "OTC" names no tier: the generic market, not a guessed one
    "OTC": ("OTC Markets", "USD"),
    "ASX": ("Australian Securities Exchange", "AUD"),
    "NZX": ("New Zealand Exchange", "NZD"),
    "LSE": ("London Stock Exchange", "GBP"),
    "AIM": ("London Stock Exchange AIM", "GBP"),
    "FSE": ("Frankfurt Stock Exchange", "EUR"),
    "XETRA": ("Xetra", "EUR"),
    "JSE": ("Johannesburg Stock Exchange", "ZAR"),
    "HKEX": ("Hong Kong Stock Exchange", "HKD"),
    "SGX": ("Singapore Exchange", "SGD"),
}

# spellings seen in press releases -> code
ALIASES = {
    "TSX-V": "TSXV",
    "TSX.V": "TSXV",
    "TSX VENTURE": "TSXV",
    "TSX VENTURE EXCHANGE": "TSXV",
    "TSX-VENTURE": "TSXV",
    "TSXV": "TSXV",
    "TORONTO": "TSX",
    "NYSE MKT": "NYSE American",
    "NYSE AMEX": "NYSE American",
    "NYSEAMERICAN": "NYSE American",
    "NYSE AMERICAN": "NYSE American",
    "AMEX": "NYSE American",  # the American Stock Exchange, NYSE American since 2017
    "AMERICAN STOCK EXCHANGE": "NYSE American",
    # the Toronto Stock Exchange's code until 2002 ("(TSE:MAE)"); Tokyo's is not in EXCHANGES
    "TSE": "TSX",
    "NASDAQ GM": "NASDAQ",
    "NASDAQ GS": "NASDAQ",
    "NASDAQ CM": "NASDAQ",
    "NASDAQ CAPITAL MARKET": "NASDAQ",
    "NASDAQ GLOBAL MARKET": "NASDAQ",
    "NASDAQ GLOBAL SELECT MARKET": "NASDAQ",
    "NASDAQ STOCK MARKET": "NASDAQ",
    "PINK SHEETS": "OTC Pink",
    "OTC PINK SHEETS": "OTC Pink",
    # the CSE's earlier names (CNQ, then CNSX until 2014) and the TSXV's (CDNX, 1999-2002)
    "CNSX": "CSE",
    "CNQ": "CSE",
    "CDNX": "TSXV",
    "SGX-ST": "SGX",
    "NZSE": "NZX",
    "OTC MARKETS": "OTC",
    "OTCMKTS": "OTC",
    "OTC PINK": "OTC Pink",
    # the OTC Bulletin Board closed in 2014 and its quotes moved to OTC Link's Pink tier
    "OTCBB": "OTC Pink",
    "OTC BB": "OTC Pink",
    "OTC BULLETIN BOARD": "OTC Pink",
    "PINK": "OTC Pink",
    "FRANKFURT": "FSE",
    "FWB": "FSE",
    "FRA": "FSE",
    "FNR": "FSE",
    "LON": "LSE",
    "AIM": "AIM",
    "ASX": "ASX",
    "HKSE": "HKEX",
    "SEHK": "HKEX",
}

_BY_UPPER = {code.upper(): code for code in EXCHANGES}
_TICKER = re.compile(r"^\s*([A-Za-z][A-Za-z .\-]*?)\s*:\s*([A-Za-z0-9][A-Za-z0-9.\-]{0,11})\s*$")


@dataclass(frozen=True, order=True)
class Ticker:
    """A listing: exchange code and symbol, e.g. TSXV: AII."""

    exchange: str
    symbol: str

    @property
    def label(self) -> str:
        return f"{self.exchange}: {self.symbol}"

    @property
    def currency(self) -> str:
        return EXCHANGES[self.exchange][1]

    @property
    def exchange_name(self) -> str:
        return EXCHANGES[self.exchange][0]

    def __str__(self) -> str:
        return self.label


def normalise_exchange(name: str) -> str | None:
    """Return the known code for an exchange spelling, or None."""
    key = re.sub(r"\s+", " ", re.sub(r"[®™*]", "", name).strip()).upper()  # "OTCQB®"
    spaced = key.replace("-", " ")  # "NASDAQ-GS"
    return _BY_UPPER.get(key) or ALIASES.get(key) or ALIASES.get(spaced)


def parse_ticker(text: str, *, strict: bool = True) -> Ticker | None:
    """Parse `EXCHANGE: SYMBOL`; strict mode accepts only the codes in EXCHANGES."""
    match = _TICKER.match(text or "")
    if not match:
        return None
    raw_exchange, symbol = match.groups()
    code = _BY_UPPER.get(raw_exchange.upper()) if strict else normalise_exchange(raw_exchange)
    if code is None:
        return None
    return Ticker(code, symbol.upper())


def known_codes() -> str:
    """The accepted codes, for error messages and docs."""
    return ", ".join(EXCHANGES)
