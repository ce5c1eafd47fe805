"""Issuer profile (`content/issuer.yaml`): names, tickers, contacts, disclaimers and legends.

It is loaded once per build and validated strictly: every problem is reported as
`path:line: field: ...`, all at once, and the build stops. Disclaimer and legend
texts are Markdown, rendered to HTML here once so releases can reuse them, by
the same sanitising renderer as release bodies (raw HTML is shown as text).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dateline.content import bounded_yaml, branding
from dateline.content.exchanges import EXCHANGES, Ticker, known_codes, parse_ticker
from dateline.content.markup import render
from dateline.content.text import html_to_text
from dateline.errors import DatelineError, Problem, clipped, expected, field_name

logger = logging.getLogger(__name__)

PLACEMENTS = ("top", "bottom")
# Exchanges whose listed issuers must print a legend on every release (TSXV Policy 3.3).
REQUIRED_LEGEND_EXCHANGES = ("TSXV",)
NO_DISCLAIMER = "none"

_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TOP_FIELDS = (
    "name",
    "short_name",
    "tickers",
    "website",
    "default_disclaimer",
    "archival_notice_years",
    "disclaimers",
    "legends",
    "contacts",
    "tags",
    "branding",
    "sedar_profile",
    "edgar_cik",
)
SEDAR_PROFILE_URL = "https://www.sedarplus.ca/csa-party/records/document.html?id={}"
EDGAR_URL = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK={}"
TAG_TITLE_MAX = 80  # characters: a title is a chip and a heading, not a sentence
_DISCLAIMER_FIELDS = ("title", "text")
_LEGEND_FIELDS = ("title", "text", "placement", "exchanges")
_CONTACT_FIELDS = ("name", "title", "phone", "email")


@dataclass(frozen=True)
class Disclaimer:
    """A forward-looking-information disclaimer; `text` is its plain text."""

    key: str
    title: str
    html: str
    text: str


@dataclass(frozen=True)
class Legend:
    """A legend such as the TSXV one; `exchanges` lists the exchanges that require it."""

    key: str
    title: str
    html: str
    text: str
    placement: str
    exchanges: tuple[str, ...]


@dataclass(frozen=True)
class Contact:
    """A person the press can call, for the contacts sidebar."""

    key: str
    name: str
    title: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class Issuer:
    """The company whose releases the site publishes."""

    name: str
    short_name: str
    tickers: tuple[Ticker, ...]
    website: str | None
    default_disclaimer: str | None
    disclaimers: dict[str, Disclaimer]
    legends: dict[str, Legend]
    contacts: dict[str, Contact]
    archival_notice_years: float | None
    tags: dict[str, str] = field(default_factory=dict)  # tag slug -> title shown on the site
    branding: branding.Branding = branding.Branding()
    sedar_profile: str | None = None  # SEDAR+ profile number (digits)
    edgar_cik: str | None = None  # SEC EDGAR CIK, 10 digits

    @property
    def filing_links(self) -> list[tuple[str, str]]:
        """(label, URL) of the regulators' filing pages the footer and /documents/ link to."""
        links = []
        if self.sedar_profile:
            links.append(("SEDAR+ filings", SEDAR_PROFILE_URL.format(self.sedar_profile)))
        if self.edgar_cik:
            links.append(("SEC EDGAR filings", EDGAR_URL.format(self.edgar_cik)))
        return links

    def legends_required_by(self, exchange: str) -> list[Legend]:
        """The legends a release listed on `exchange` must carry."""
        return [legend for legend in self.legends.values() if exchange in legend.exchanges]

    @classmethod
    def from_dict(cls, mapping, path: str = "issuer.yaml") -> Issuer:
        """Validate an already-parsed mapping (no line numbers: problems say line 1)."""
        return _Validator(str(path), {}).issuer(mapping)


def load_issuer(path) -> Issuer:
    """Read and validate issuer.yaml; raise DatelineError listing every problem."""
    from dateline.content.frontmatter import control_character_problems, decode
    from dateline.content.sanitize import CONTROL_CHARACTERS

    path = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise DatelineError(Problem(path, 1, "issuer", f"cannot read file: {error.strerror}"))
    text, problems = decode(path, raw), []
    if isinstance(text, Problem):  # bad bytes are reported with every other problem
        text, problems = raw.decode("utf-8-sig", errors="replace"), [text]
    problems += control_character_problems(path, text, "yaml")
    return parse_issuer(CONTROL_CHARACTERS.sub(" ", text), path, problems)


def parse_issuer(text: str, path: str = "issuer.yaml", problems=()) -> Issuer:
    """Parse issuer.yaml text with safe_load semantics (aliases refused: see bounded_yaml),
    keeping node lines for messages; `problems` already found are reported with the rest."""
    try:
        node, mapping = bounded_yaml.load(text, _IssuerLoader)
    except (yaml.YAMLError, ValueError) as error:
        raise DatelineError([*problems, _syntax_problem(path, error)]) from None
    lines, duplicates = _node_lines(node, path) if node is not None else ({}, [])
    validator = _Validator(path, lines)
    validator.problems.extend([*problems, *duplicates])
    return validator.issuer(mapping)


_IssuerLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _syntax_problem(path: str, error: yaml.YAMLError) -> Problem:
    """A YAML syntax error at the line PyYAML found it, with where the construct began."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    reason = getattr(error, "problem", None) or str(error)
    context, start = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and start is not None and mark is not None and start.line != mark.line:
        reason += f" ({context} on line {start.line + 1})"
    return Problem(path, mark.line + 1 if mark else 1, "yaml", f"invalid YAML: {clipped(reason)}")


def _field(keys: tuple) -> str:
    """('legends', 'tsxv', 'exchanges', 1) -> 'legends.tsxv.exchanges[1]'."""
    text = ""
    for key in keys:
        name = field_name(key)
        if isinstance(key, int) and not isinstance(key, bool):
            text += f"[{name}]"
        else:
            text += f".{name}" if text else name
    return text or "issuer"


def _node_lines(node, path: str) -> tuple[dict[tuple, int], list[Problem]]:
    """Map each key path, e.g. ('legends', 'tsxv', 'placement'), to its line; find duplicate
    keys."""
    lines: dict[tuple, int] = {(): node.start_mark.line + 1}
    duplicates: list[Problem] = []
    stack = [((), node)]
    while stack:
        prefix, current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen = set()
            for key_node, value_node in current.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                line = key_node.start_mark.line + 1
                if key in seen:
                    duplicates.append(Problem(path, line, _field((*prefix, key)), "duplicate key"))
                seen.add(key)
                lines.setdefault((*prefix, key), line)
                stack.append(((*prefix, key), value_node))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                lines.setdefault((*prefix, index), item.start_mark.line + 1)
                stack.append(((*prefix, index), item))
    return lines, duplicates


def render_markdown(text: str) -> str:
    """Render a disclaimer or legend text once, the way release bodies are rendered."""
    return render(text.strip())


class _Validator:
    """Walks the parsed mapping, collecting every problem before raising."""

    def __init__(self, path: str, lines: dict[tuple, int]):
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def line(self, keys: tuple) -> int:
        """Line of the deepest known key on the path (1 when nothing is known)."""
        for end in range(len(keys), -1, -1):
            if keys[:end] in self.lines:
                return self.lines[keys[:end]]
        return 1

    def expect(self, keys: tuple, what: str, found) -> None:
        self.problems.append(expected(self.path, self.line(keys), _field(keys), what, found))

    def complain(self, keys: tuple, message: str) -> None:
        self.problems.append(Problem(self.path, self.line(keys), _field(keys), message))

    def mapping(
        self, keys: tuple, value, allowed: tuple[str, ...], required: tuple[str, ...]
    ) -> dict:
        """Check a mapping's keys; return it (or {} when it is not a mapping)."""
        if not isinstance(value, dict):
            self.expect(keys, "a mapping", value)
            return {}
        for key in value:
            if key not in allowed:
                self.complain((*keys, key), f"unknown key (expected one of: {', '.join(allowed)})")
        for key in required:
            if key not in value:
                self.complain(keys, f"missing required key {key!r}")
        return value

    def string(self, keys: tuple, value, *, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.expect(keys, "a non-empty string", value)
        return None

    def issuer(self, root) -> Issuer:
        root = self.mapping((), root, _TOP_FIELDS, ("name", "tickers"))
        name = self.string(("name",), root.get("name")) if "name" in root else None
        short_name = self.string(("short_name",), root.get("short_name"), optional=True)
        website = self.website(root.get("website"))
        tickers = self.tickers(root.get("tickers")) if "tickers" in root else ()
        disclaimers = self.keyed("disclaimers", root.get("disclaimers"), self.disclaimer)
        legends = self.keyed("legends", root.get("legends"), self.legend)
        contacts = self.keyed("contacts", root.get("contacts"), self.contact)
        tags = self.keyed("tags", root.get("tags"), self.tag_title)
        default = self.default_disclaimer(root, disclaimers)
        years = self.years(root.get("archival_notice_years"))
        brand = branding.validate(self, root.get("branding"), Path(self.path).parent)
        self.required_legends(tickers, root.get("legends"))
        sedar = self.digits("sedar_profile", root.get("sedar_profile"), r"\d{1,12}",
                            "a SEDAR+ profile number (digits only)")
        cik = self.digits("edgar_cik", root.get("edgar_cik"), r"\d{10}",
                          "an EDGAR CIK of exactly 10 digits (pad with zeros: 0001234567)")
        if self.problems:
            raise DatelineError(self.problems)
        return Issuer(
            name,
            short_name or name,
            tickers,
            website,
            default,
            disclaimers,
            legends,
            contacts,
            years,
            tags,
            brand,
            sedar,
            cik,
        )

    def digits(self, name: str, value, pattern: str, what: str) -> str | None:
        """A filing identifier: written as text or a number, all digits."""
        if value is None:
            return None
        text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
        if not re.fullmatch(pattern, text):
            self.expect((name,), what, value)
            return None
        return text

    def website(self, value) -> str | None:
        site = self.string(("website",), value, optional=True)
        if site and not re.match(r"^https?://\S+$", site):
            self.expect(("website",), "an http(s) URL", value)
        return site

    def tickers(self, value) -> tuple[Ticker, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            self.expect(("tickers",), "a list of 'EXCHANGE: SYMBOL'", value)
            return ()
        tickers = []
        for index, item in enumerate(items):
            ticker = parse_ticker(item) if isinstance(item, str) else None
            if ticker is None:
                keys = ("tickers", index) if isinstance(value, list) else ("tickers",)
                self.expect(keys, _ticker_hint(item), item)
            else:
                tickers.append(ticker)
        return tuple(tickers)

    def keyed(self, section: str, value, build) -> dict:
        """Validate a section of entries by key (disclaimers, legends, contacts)."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.expect((section,), "a mapping of key -> entry", value)
            return {}
        entries = {}
        for key, entry in value.items():
            if not isinstance(key, str) or not _KEY.match(key) or key == NO_DISCLAIMER:
                self.expect((section, key), "a lowercase key like 'forward-looking'", key)
                continue
            built = build((section, key), key, entry)
            if built is not None:
                entries[key] = built
        return entries

    def disclaimer(self, keys, key, entry) -> Disclaimer | None:
        entry = self.mapping(keys, entry, _DISCLAIMER_FIELDS, _DISCLAIMER_FIELDS)
        title = self.string((*keys, "title"), entry.get("title")) if "title" in entry else None
        text = self.string((*keys, "text"), entry.get("text")) if "text" in entry else None
        if title is None or text is None:
            return None
        html = render_markdown(text)
        return Disclaimer(key, title, html, html_to_text(html))

    def legend(self, keys, key, entry) -> Legend | None:
        entry = self.mapping(keys, entry, _LEGEND_FIELDS, ("title", "text", "placement"))
        title = self.string((*keys, "title"), entry.get("title")) if "title" in entry else None
        text = self.string((*keys, "text"), entry.get("text")) if "text" in entry else None
        placement = entry.get("placement")
        if "placement" in entry and placement not in PLACEMENTS:
            self.expect((*keys, "placement"), "top or bottom", placement)
            placement = None
        exchanges = self.exchanges((*keys, "exchanges"), entry.get("exchanges", []))
        if None in (title, text, placement, exchanges):
            return None
        html = render_markdown(text)
        return Legend(key, title, html, html_to_text(html), placement, exchanges)

    def exchanges(self, keys, value) -> tuple[str, ...] | None:
        if not isinstance(value, list):
            self.expect(keys, "a list of exchange codes", value)
            return None
        codes = []
        for index, code in enumerate(value):
            if code in EXCHANGES:
                codes.append(code)
            else:
                self.expect((*keys, index), f"an exchange code ({known_codes()})", code)
        return tuple(codes) if len(codes) == len(value) else None

    def contact(self, keys, key, entry) -> Contact | None:
        entry = self.mapping(keys, entry, _CONTACT_FIELDS, ("name",))
        name = self.string((*keys, "name"), entry.get("name")) if "name" in entry else None
        title = self.string((*keys, "title"), entry.get("title"), optional=True)
        phone = self.string((*keys, "phone"), entry.get("phone"), optional=True)
        email = self.string((*keys, "email"), entry.get("email"), optional=True)
        if email and not _EMAIL.match(email):
            self.expect((*keys, "email"), "an email address", email)
        return Contact(key, name, title, phone, email) if name else None

    def tag_title(self, keys, key, entry) -> str | None:
        """A tag's title (`tags: {stock-options: Stock options}`); the slug is the fallback."""
        title = self.string(keys, entry)
        if title and len(title) > TAG_TITLE_MAX:
            self.expect(keys, f"a title of at most {TAG_TITLE_MAX} characters", entry)
            return None
        return title

    def default_disclaimer(self, root: dict, disclaimers: dict) -> str | None:
        value = root.get("default_disclaimer", NO_DISCLAIMER)
        raw = root.get("disclaimers")
        written = [k for k in raw if isinstance(k, str)] if isinstance(raw, dict) else []
        if value == NO_DISCLAIMER:
            return None
        if value in written:  # an invalid entry is reported once, where it is written
            return value if value in disclaimers else None
        known = ", ".join(written) or "no disclaimers defined"
        self.expect(("default_disclaimer",), f"a key of disclaimers ({known}) or none", value)
        return None

    def years(self, value) -> float | None:
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            return float(value)
        self.expect(("archival_notice_years",), "a positive number of years or null", value)
        return None

    def required_legends(self, tickers, raw_legends) -> None:
        """A TSXV listing without a TSXV legend would publish releases in breach of policy."""
        entries = raw_legends.values() if isinstance(raw_legends, dict) else ()
        covered = {
            code
            for entry in entries
            if isinstance(entry, dict) and isinstance(entry.get("exchanges"), list)
            for code in entry["exchanges"]
            if isinstance(code, str)
        }
        for ticker in tickers:
            if ticker.exchange in REQUIRED_LEGEND_EXCHANGES and ticker.exchange not in covered:
                self.complain(
                    ("legends",) if ("legends",) in self.lines else ("tickers",),
                    f"expected a legend with exchanges: [{ticker.exchange}] "
                    f"(required for {ticker.label}), found none",
                )


def _ticker_hint(item) -> str:
    """What a ticker should look like, with the likely fix for a known spelling like TSX-V."""
    loose = parse_ticker(item, strict=False) if isinstance(item, str) else None
    if loose is not None:
        return f"'EXCHANGE: SYMBOL' with a known exchange code (did you mean {loose.label!r}?)"
    return f"'EXCHANGE: SYMBOL' with EXCHANGE one of {known_codes()}"
